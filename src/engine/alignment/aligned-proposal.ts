/**
 * The aligned proposal: per department, every municipality goes whole to the region that holds
 * most of its people (ties, or no people at all: most area). Reading the proposal is reading what
 * changes — which municipalities were split, how many people and how much ground change region,
 * which offices end up in another region — all derived from the overlap table, so it is cheap.
 */
import type { AlignmentResult } from './analyse-alignment';

export interface AlignedProposal {
  departmentCount: number;
  /** [m · D + d]: the region the municipality goes to, −1 where no region of the department overlaps it */
  assignedRegion: Int32Array;
  /** [m · D + d]: 1 chosen by people, 2 by area (no people there), 0 not assigned */
  basis: Uint8Array;
  /** [m · D + d]: people of the municipality now in other regions of the department — they move */
  populationMoving: Float64Array;
  areaMovingKm2: Float64Array;
  /** [m · D + d]: regions serving the municipality now (slivers left out) */
  regionsBefore: Uint32Array;
  /** CSR over [m · D + d]: the regions holding parts of the municipality now, with their people and area */
  fromStart: Uint32Array;
  fromRegion: Uint32Array;
  fromPopulation: Float64Array;
  fromAreaKm2: Float64Array;
  /** 1 where that part is a sliver */
  fromSliver: Uint8Array;
  perDepartment: {
    populationMoving: Float64Array;
    areaMovingKm2: Float64Array;
    /** municipalities that lose a (non-sliver) part to the proposal */
    municipalitiesChanged: Uint32Array;
    /** regions that receive no municipality (they disappear) */
    regionsEmptied: Uint32Array;
    officesChanged: Uint32Array;
  };
  /** per office: region before (containing), after (that of its municipality), changed */
  offices: { regionBefore: Int32Array; regionAfter: Int32Array; changed: Uint8Array };
  /** per settlement point and department [s · D + d]: the region after (−1 if unknown) */
  settlementRegionAfter: Int32Array;
}

export function proposeAlignedRegions(result: AlignmentResult): AlignedProposal {
  const D = result.departments.length;
  const M = result.municipalities.count;
  const R = result.regions.count;
  const t = result.overlaps;
  const dept = result.regions.department;
  const cells = M * D;
  // group overlap rows by municipality × department (CSR)
  const fromStart = new Uint32Array(cells + 1);
  for (let k = 0; k < t.count; k++) fromStart[t.municipality[k] * D + dept[t.region[k]] + 1]++;
  for (let c = 0; c < cells; c++) fromStart[c + 1] += fromStart[c];
  const cursor = fromStart.slice(0, cells);
  const rowAt = new Uint32Array(t.count);
  for (let k = 0; k < t.count; k++) rowAt[cursor[t.municipality[k] * D + dept[t.region[k]]]++] = k;
  const fromRegion = new Uint32Array(t.count);
  const fromPopulation = new Float64Array(t.count);
  const fromAreaKm2 = new Float64Array(t.count);
  const fromSliver = new Uint8Array(t.count);
  for (let q = 0; q < t.count; q++) {
    const k = rowAt[q];
    fromRegion[q] = t.region[k];
    fromPopulation[q] = t.population[k];
    fromAreaKm2[q] = t.areaKm2[k];
    fromSliver[q] = t.sliver[k];
  }

  const assignedRegion = new Int32Array(cells).fill(-1);
  const basis = new Uint8Array(cells);
  const populationMoving = new Float64Array(cells);
  const areaMovingKm2 = new Float64Array(cells);
  const regionsBefore = new Uint32Array(cells);
  const per = {
    populationMoving: new Float64Array(D),
    areaMovingKm2: new Float64Array(D),
    municipalitiesChanged: new Uint32Array(D),
    regionsEmptied: new Uint32Array(D),
    officesChanged: new Uint32Array(D),
  };
  const receives = new Uint8Array(R);
  for (let c = 0; c < cells; c++) {
    const q0 = fromStart[c];
    const q1 = fromStart[c + 1];
    if (q0 === q1) continue;
    let best = -1;
    let anyPeople = false;
    for (let q = q0; q < q1; q++) {
      if (fromPopulation[q] > 0) anyPeople = true;
      if (!fromSliver[q]) regionsBefore[c]++;
      if (
        best < 0 ||
        fromPopulation[q] > fromPopulation[best] ||
        (fromPopulation[q] === fromPopulation[best] && (fromAreaKm2[q] > fromAreaKm2[best] || (fromAreaKm2[q] === fromAreaKm2[best] && fromRegion[q] < fromRegion[best])))
      )
        best = q;
    }
    const r = fromRegion[best];
    assignedRegion[c] = r;
    basis[c] = anyPeople ? 1 : 2;
    receives[r] = 1;
    let changed = false;
    for (let q = q0; q < q1; q++) {
      if (q === best) continue;
      populationMoving[c] += fromPopulation[q];
      areaMovingKm2[c] += fromAreaKm2[q];
      if (!fromSliver[q]) changed = true;
    }
    const d = c % D;
    per.populationMoving[d] += populationMoving[c];
    per.areaMovingKm2[d] += areaMovingKm2[c];
    if (changed) per.municipalitiesChanged[d]++;
  }
  for (let r = 0; r < R; r++) if (!receives[r] && !result.regions.excluded[r]) per.regionsEmptied[dept[r]]++;

  const O = result.offices.count;
  const regionBefore = Int32Array.from(result.offices.region);
  const regionAfter = new Int32Array(O).fill(-1);
  const changed = new Uint8Array(O);
  for (let o = 0; o < O; o++) {
    const d = result.offices.department[o];
    const m = result.offices.municipality[o];
    regionAfter[o] = d >= 0 && m >= 0 ? assignedRegion[m * D + d] : regionBefore[o];
    if (regionAfter[o] !== regionBefore[o]) {
      changed[o] = 1;
      if (d >= 0) per.officesChanged[d]++;
    }
  }
  const S = result.settlements.count;
  const settlementRegionAfter = new Int32Array(S * D).fill(-1);
  for (let s = 0; s < S; s++) {
    const m = result.settlements.municipality[s];
    if (m < 0) continue;
    for (let d = 0; d < D; d++) settlementRegionAfter[s * D + d] = assignedRegion[m * D + d];
  }
  return {
    departmentCount: D,
    assignedRegion,
    basis,
    populationMoving,
    areaMovingKm2,
    regionsBefore,
    fromStart,
    fromRegion,
    fromPopulation,
    fromAreaKm2,
    fromSliver,
    perDepartment: per,
    offices: { regionBefore, regionAfter, changed },
    settlementRegionAfter,
  };
}

export interface CatchmentEffect {
  minutesBefore: Float32Array;
  minutesAfter: Float32Array;
  /** after − before; NaN where either is unknown */
  deltaMinutes: Float32Array;
  /** population-weighted means over settlements with both times known */
  meanMinutesBefore: number;
  meanMinutesAfter: number;
  populationBetter: number;
  populationWorse: number;
  populationUnchanged: number;
  populationUnknown: number;
}

/**
 * The travel-time effect where catchments follow regions: each settlement goes to its own
 * region's office, before and after. `minutesToRegionOffice[s · regionCount + r]` is the travel
 * time from settlement s to the office of region r (NaN unknown), e.g. from the coverage engine.
 */
export function catchmentEffect(
  settlementRegionBefore: Int32Array,
  settlementRegionAfter: Int32Array,
  minutesToRegionOffice: Float32Array | Float64Array,
  regionCount: number,
  population: Float64Array,
): CatchmentEffect {
  const S = settlementRegionBefore.length;
  const minutesBefore = new Float32Array(S).fill(NaN);
  const minutesAfter = new Float32Array(S).fill(NaN);
  const deltaMinutes = new Float32Array(S).fill(NaN);
  let wb = 0;
  let wa = 0;
  let w = 0;
  const res = { populationBetter: 0, populationWorse: 0, populationUnchanged: 0, populationUnknown: 0 };
  for (let s = 0; s < S; s++) {
    const rb = settlementRegionBefore[s];
    const ra = settlementRegionAfter[s];
    const b = rb >= 0 ? minutesToRegionOffice[s * regionCount + rb] : NaN;
    const a = ra >= 0 ? minutesToRegionOffice[s * regionCount + ra] : NaN;
    minutesBefore[s] = b;
    minutesAfter[s] = a;
    const p = population[s] ?? 0;
    if (!Number.isFinite(a) || !Number.isFinite(b)) {
      res.populationUnknown += p;
      continue;
    }
    deltaMinutes[s] = a - b;
    wb += p * b;
    wa += p * a;
    w += p;
    if (a < b) res.populationBetter += p;
    else if (a > b) res.populationWorse += p;
    else res.populationUnchanged += p;
  }
  return { minutesBefore, minutesAfter, deltaMinutes, meanMinutesBefore: w > 0 ? wb / w : NaN, meanMinutesAfter: w > 0 ? wa / w : NaN, ...res };
}
