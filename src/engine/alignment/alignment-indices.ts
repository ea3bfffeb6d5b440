/**
 * Misalignment indices from the overlap table. Every index exists twice: without slivers (the
 * default reading — digitising noise is not policy) and with them.
 */

/** One row per non-empty region ∩ municipality. */
export interface OverlapTable {
  count: number;
  region: Uint32Array;
  municipality: Uint32Array;
  areaKm2: Float64Array;
  perimeterKm: Float64Array;
  /** 2·area / perimeter: the width of a strip of that area and outline */
  meanWidthMetres: Float64Array;
  /** area as a share of the smaller of the two polygons */
  shareOfSmaller: Float64Array;
  population: Float64Array;
  /** 1 where the overlap is digitising noise (see isSliver) */
  sliver: Uint8Array;
}

export interface SliverRule {
  /** an overlap smaller than this share of the smaller polygon is a sliver (default 0.01) */
  maxShare: number;
  /** an overlap narrower than this on average is a sliver (default 200 m) */
  maxWidthMetres: number;
}

export const DEFAULT_SLIVER_RULE: SliverRule = { maxShare: 0.01, maxWidthMetres: 200 };

export function isSliver(shareOfSmaller: number, meanWidthMetres: number, rule: SliverRule): boolean {
  return shareOfSmaller < rule.maxShare || meanWidthMetres < rule.maxWidthMetres;
}

/** Per region; municipality indices are −1 where a region overlaps none. */
export interface RegionIndices {
  /** area of the region within municipalities (the pieces counted) */
  areaKm2: Float64Array;
  population: Float64Array;
  dominantByArea: Int32Array;
  /** share of the region's area in its dominant municipality by area */
  areaShare: Float64Array;
  /** the municipality holding most of the region's people (ties → more area) */
  dominantByPopulation: Int32Array;
  /** share of the region's people in that municipality; NaN without people */
  populationShare: Float64Array;
  municipalitiesTouched: Uint32Array;
}

/** Per municipality × department, index m · departmentCount + d. */
export interface MunicipalityIndices {
  /** how many of the department's regions serve the municipality — the officials it must talk to */
  regionsServing: Uint32Array;
  areaCoveredKm2: Float64Array;
}

/** Per department. */
export interface DepartmentScores {
  /** Σ over regions of people in the region's dominant municipality / Σ people: 1 = aligned */
  populationScore: Float64Array;
  /** the same by area */
  areaScore: Float64Array;
  regions: Uint32Array;
  municipalitiesServed: Uint32Array;
  /** municipalities served by two or more regions of the department */
  municipalitiesSplit: Uint32Array;
  population: Float64Array;
  areaKm2: Float64Array;
}

export interface IndexSet {
  regions: RegionIndices;
  municipalities: MunicipalityIndices;
  departments: DepartmentScores;
}

export function computeIndices(
  t: OverlapTable,
  regionCount: number,
  regionDepartment: Uint16Array,
  municipalityCount: number,
  departmentCount: number,
  includeSlivers: boolean,
): IndexSet {
  const R = regionCount;
  const D = departmentCount;
  const areaKm2 = new Float64Array(R);
  const population = new Float64Array(R);
  const dominantByArea = new Int32Array(R).fill(-1);
  const dominantByPopulation = new Int32Array(R).fill(-1);
  const maxArea = new Float64Array(R);
  const maxPop = new Float64Array(R);
  const domPopArea = new Float64Array(R);
  const municipalitiesTouched = new Uint32Array(R);
  const regionsServing = new Uint32Array(municipalityCount * D);
  const areaCoveredKm2 = new Float64Array(municipalityCount * D);
  for (let k = 0; k < t.count; k++) {
    if (!includeSlivers && t.sliver[k]) continue;
    const r = t.region[k];
    const m = t.municipality[k];
    const a = t.areaKm2[k];
    const p = t.population[k];
    areaKm2[r] += a;
    population[r] += p;
    municipalitiesTouched[r]++;
    if (dominantByArea[r] < 0 || a > maxArea[r] || (a === maxArea[r] && m < dominantByArea[r])) {
      dominantByArea[r] = m;
      maxArea[r] = a;
    }
    const dp = dominantByPopulation[r];
    if (dp < 0 || p > maxPop[r] || (p === maxPop[r] && (a > domPopArea[r] || (a === domPopArea[r] && m < dp)))) {
      dominantByPopulation[r] = m;
      maxPop[r] = p;
      domPopArea[r] = a;
    }
    const md = m * D + regionDepartment[r];
    regionsServing[md]++;
    areaCoveredKm2[md] += a;
  }
  const areaShare = new Float64Array(R);
  const populationShare = new Float64Array(R);
  const dep = {
    populationScore: new Float64Array(D),
    areaScore: new Float64Array(D),
    regions: new Uint32Array(D),
    municipalitiesServed: new Uint32Array(D),
    municipalitiesSplit: new Uint32Array(D),
    population: new Float64Array(D),
    areaKm2: new Float64Array(D),
  };
  const popIn = new Float64Array(D);
  const areaIn = new Float64Array(D);
  for (let r = 0; r < R; r++) {
    areaShare[r] = areaKm2[r] > 0 ? maxArea[r] / areaKm2[r] : NaN;
    populationShare[r] = population[r] > 0 ? maxPop[r] / population[r] : NaN;
    const d = regionDepartment[r];
    if (municipalitiesTouched[r] > 0) dep.regions[d]++;
    dep.population[d] += population[r];
    dep.areaKm2[d] += areaKm2[r];
    popIn[d] += maxPop[r];
    areaIn[d] += maxArea[r];
  }
  for (let d = 0; d < D; d++) {
    dep.populationScore[d] = dep.population[d] > 0 ? popIn[d] / dep.population[d] : NaN;
    dep.areaScore[d] = dep.areaKm2[d] > 0 ? areaIn[d] / dep.areaKm2[d] : NaN;
  }
  for (let m = 0; m < municipalityCount; m++)
    for (let d = 0; d < D; d++) {
      const n = regionsServing[m * D + d];
      if (n > 0) dep.municipalitiesServed[d]++;
      if (n > 1) dep.municipalitiesSplit[d]++;
    }
  return {
    regions: { areaKm2, population, dominantByArea, areaShare, dominantByPopulation, populationShare, municipalitiesTouched },
    municipalities: { regionsServing, areaCoveredKm2 },
    departments: dep,
  };
}
