/**
 * Turns an alignment analysis into what the panel, the matrix and the map show: rows of tables,
 * the matrix model, and municipalities carrying how split they are. Pure data assembly from the
 * engine's typed arrays (no geometry), tested in test/panels/alignment-view.test.ts.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { AlignmentResult, CatchmentEffect } from '../../engine/alignment';
import type { CoverageResult } from '../../engine/coverage';
import { representativePoint } from '../../engine/coverage/inputs';
import { DEFAULT_CATALOGUE } from '../../model/catalogue';
import type { AlignmentAnalysis } from '../../../workers/alignment-client';

export function departmentLabel(code: string): string {
  if (!code) return '(no department)';
  return DEFAULT_CATALOGUE.departments.find((d) => d.code === code)?.name ?? code;
}

const municipalitiesCache = new WeakMap<FeatureCollection, FeatureCollection>();

/**
 * The municipalities the overlay runs on. District municipalities (category C) contain local ones,
 * so with locals present they are left out: a region would otherwise "touch" a district and each of
 * its locals. The same object comes back when nothing is left out (and the same filtered object
 * for the same input), so feature indices stay stable between the analysis and the map.
 */
export function alignmentMunicipalities(fc: FeatureCollection): FeatureCollection {
  const cached = municipalitiesCache.get(fc);
  if (cached) return cached;
  const isDistrict = (f: Feature) => String(f.properties?.category ?? '').toUpperCase() === 'C';
  const hasLocals = fc.features.some((f) => !isDistrict(f));
  const out = hasLocals && fc.features.some(isDistrict) ? { ...fc, features: fc.features.filter((f) => !isDistrict(f)) } : fc;
  municipalitiesCache.set(fc, out);
  return out;
}

/**
 * Index of the department with this code; else the least aligned one (lowest score by people, by
 * area without people), which is where a planner looks first; −1 when there are none.
 */
export function pickDepartment(result: AlignmentResult, code: string): number {
  const i = result.departments.indexOf(code);
  if (i >= 0) return i;
  const s = result.indices.departments;
  const key = (d: number) => (Number.isFinite(s.populationScore[d]) ? s.populationScore[d] : Number.isFinite(s.areaScore[d]) ? s.areaScore[d] : Infinity);
  let best = -1;
  for (let d = 0; d < result.departments.length; d++) if (best < 0 || key(d) < key(best)) best = d;
  return best;
}


/** "SASSA West region", "SASSA South-East region" → "West", "South-East": the words all share are dropped. */
export function shortRegionNames(names: readonly string[]): string[] {
  if (names.length < 2) return [...names];
  const words = names.map((n) => n.trim().split(/\s+/));
  let head = 0;
  while (words.every((w) => w.length > head + 1 && w[head] === words[0][head])) head++;
  let tail = 0;
  while (words.every((w) => w.length > head + tail + 1 && w[w.length - 1 - tail] === words[0][words[0].length - 1 - tail])) tail++;
  return words.map((w) => w.slice(head, w.length - tail).join(' '));
}

// ---------------------------------------------------------------------------------------------
// Province scores

export interface DepartmentScoreRow {
  index: number;
  department: string;
  label: string;
  /** 1 = every region's people live in one municipality; NaN without people */
  populationScore: number;
  areaScore: number;
  populationScoreWithSlivers: number;
  regions: number;
  municipalitiesServed: number;
  municipalitiesSplit: number;
  population: number;
  populationMoving: number;
  officesChanged: number;
}

export function departmentScoreRows({ result, proposal }: AlignmentAnalysis): DepartmentScoreRow[] {
  const s = result.indices.departments;
  return result.departments.map((department, d) => ({
    index: d,
    department,
    label: departmentLabel(department),
    populationScore: s.populationScore[d],
    areaScore: s.areaScore[d],
    populationScoreWithSlivers: result.indicesWithSlivers.departments.populationScore[d],
    regions: s.regions[d],
    municipalitiesServed: s.municipalitiesServed[d],
    municipalitiesSplit: s.municipalitiesSplit[d],
    population: s.population[d],
    populationMoving: proposal.perDepartment.populationMoving[d],
    officesChanged: proposal.perDepartment.officesChanged[d],
  }));
}

/** Per department: the score by people (by area without people) and the municipalities split. */
export function headlineFigures(analysis: AlignmentAnalysis): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of departmentScoreRows(analysis)) {
    const name = r.department || '(no department)';
    if (Number.isFinite(r.populationScore)) out[`${name} score by people`] = r.populationScore;
    else out[`${name} score by area`] = r.areaScore;
    out[`${name} municipalities split`] = r.municipalitiesSplit;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Per region and per municipality

export interface RegionRow {
  region: number;
  name: string;
  shortName: string;
  population: number;
  areaKm2: number;
  /** the municipality holding most of the region's people (by area without people); '' none */
  dominantCode: string;
  dominantName: string;
  /** share of the region's people in that municipality; NaN without people */
  populationShare: number;
  /** share of the region's area in its dominant municipality by area */
  areaShare: number;
  municipalitiesTouched: number;
  /** overlaps of this region flagged as slivers (left out of the indices) */
  slivers: number;
}

const regionsOf = (result: AlignmentResult, d: number) => {
  const out: number[] = [];
  for (let r = 0; r < result.regions.count; r++) if (result.regions.department[r] === d) out.push(r);
  return out;
};

export function regionRows(result: AlignmentResult, d: number): RegionRow[] {
  const ix = result.indices.regions;
  const regions = regionsOf(result, d);
  const short = shortRegionNames(regions.map((r) => result.regions.name[r]));
  const slivers = new Map<number, number>();
  for (let k = 0; k < result.overlaps.count; k++) if (result.overlaps.sliver[k]) slivers.set(result.overlaps.region[k], (slivers.get(result.overlaps.region[k]) ?? 0) + 1);
  const withPeople = result.populationMethod !== 'none';
  return regions.map((r, i) => {
    const m = withPeople ? ix.dominantByPopulation[r] : ix.dominantByArea[r];
    return {
      region: r,
      name: result.regions.name[r],
      shortName: short[i],
      population: result.regions.population[r],
      areaKm2: result.regions.areaKm2[r],
      dominantCode: m >= 0 ? result.municipalities.code[m] : '',
      dominantName: m >= 0 ? result.municipalities.name[m] || result.municipalities.code[m] : '',
      populationShare: withPeople ? ix.populationShare[r] : NaN,
      areaShare: ix.areaShare[r],
      municipalitiesTouched: ix.municipalitiesTouched[r],
      slivers: slivers.get(r) ?? 0,
    };
  });
}

export interface MunicipalitySplit {
  /** per municipality: regions of the department serving it (slivers left out) */
  regionsServing: Uint32Array;
  /** per municipality: the region holding most of its people (most area without people), −1 none */
  mainRegion: Int32Array;
  /**
   * per municipality: share of its people (area without people) served by other regions than the
   * main one, slivers left out — 0 aligned, towards 1 split; NaN where the department serves none of it
   */
  shareOutside: Float64Array;
  /** per municipality: 1 where the aligned proposal moves a (non-sliver) part of it to another region */
  moves: Uint8Array;
  /** per municipality: its region in the aligned proposal, −1 none */
  toRegion: Int32Array;
}

export function municipalitySplit({ result, proposal }: AlignmentAnalysis, d: number): MunicipalitySplit {
  const M = result.municipalities.count;
  const D = result.departments.length;
  const regionsServing = new Uint32Array(M);
  const mainRegion = new Int32Array(M).fill(-1);
  const shareOutside = new Float64Array(M).fill(NaN);
  const moves = new Uint8Array(M);
  const toRegion = new Int32Array(M).fill(-1);
  for (let m = 0; m < M; m++) {
    const c = m * D + d;
    regionsServing[m] = result.indices.municipalities.regionsServing[c];
    toRegion[m] = proposal.assignedRegion[c];
    let people = 0;
    let area = 0;
    let bestPeople = -1;
    let bestArea = -1;
    let best = -1;
    for (let q = proposal.fromStart[c]; q < proposal.fromStart[c + 1]; q++) {
      if (proposal.fromSliver[q]) continue;
      if (proposal.fromRegion[q] !== proposal.assignedRegion[c]) moves[m] = 1;
      const p = proposal.fromPopulation[q];
      const a = proposal.fromAreaKm2[q];
      people += p;
      area += a;
      if (p > bestPeople || (p === bestPeople && a > bestArea)) {
        bestPeople = p;
        bestArea = a;
        best = proposal.fromRegion[q];
      }
    }
    if (best < 0) continue;
    mainRegion[m] = best;
    shareOutside[m] = people > 0 ? 1 - bestPeople / people : area > 0 ? 1 - bestArea / area : 0;
  }
  return { regionsServing, mainRegion, shareOutside, moves, toRegion };
}

export interface MunicipalityRow {
  municipality: number;
  code: string;
  name: string;
  population: number;
  regionsServing: number;
  mainRegion: string;
  /** share of its people outside the main region (see MunicipalitySplit) */
  shareOutside: number;
  /** regions of every department serving it: the officials it deals with */
  officials: number;
}

/** Municipalities the department serves (any non-sliver part), with the officials count across departments. */
export function municipalityRows(analysis: AlignmentAnalysis, d: number): MunicipalityRow[] {
  const { result } = analysis;
  const split = municipalitySplit(analysis, d);
  const D = result.departments.length;
  const rows: MunicipalityRow[] = [];
  for (let m = 0; m < result.municipalities.count; m++) {
    if (split.regionsServing[m] === 0) continue;
    let officials = 0;
    for (let k = 0; k < D; k++) officials += result.indices.municipalities.regionsServing[m * D + k];
    rows.push({
      municipality: m,
      code: result.municipalities.code[m],
      name: result.municipalities.name[m] || result.municipalities.code[m],
      population: result.municipalities.population[m],
      regionsServing: split.regionsServing[m],
      mainRegion: split.mainRegion[m] >= 0 ? result.regions.name[split.mainRegion[m]] : '',
      shareOutside: split.shareOutside[m],
      officials,
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The matrix

export interface MatrixCell {
  /** indices into the model's municipalities and regions */
  municipality: number;
  region: number;
  /** the overlap table row, −1 where region and municipality do not meet */
  overlap: number;
  population: number;
  areaKm2: number;
  /** of the region's total (people, or area without people); 0 for an empty cell */
  shareOfRegion: number;
  /** of the municipality's total within the department's regions */
  shareOfMunicipality: number;
  sliver: boolean;
}

export interface OverlapMatrixModel {
  /** what shares are shares of: people, or area when no settlements were given */
  basis: 'population' | 'area';
  /** the department's regions (`label`: the name without the words all share) */
  regions: { region: number; label: string; name: string; total: number }[];
  /** the municipalities they touch, grouped by the region holding most of each */
  municipalities: { municipality: number; code: string; name: string; total: number; mainRegion: number }[];
  /** one per municipality × region, municipality-major: cells[i · regions.length + j] */
  cells: MatrixCell[];
}

/**
 * The department's regions × the municipalities they touch. Municipalities are grouped by the
 * region holding most of each (then by how much it holds), so an aligned department reads as a
 * block diagonal and a split municipality stands out with several shaded cells.
 */
export function overlapMatrix(result: AlignmentResult, d: number): OverlapMatrixModel {
  const t = result.overlaps;
  const basis = result.populationMethod === 'none' ? 'area' : 'population';
  const value = (k: number) => (basis === 'population' ? t.population[k] : t.areaKm2[k]);
  const regions = regionsOf(result, d);
  const regionAt = new Map(regions.map((r, j) => [r, j]));
  const short = shortRegionNames(regions.map((r) => result.regions.name[r]));
  const regionTotal = new Float64Array(regions.length);
  const muniTotal = new Map<number, number>();
  const byPair = new Map<string, number>();
  for (let k = 0; k < t.count; k++) {
    const j = regionAt.get(t.region[k]);
    if (j === undefined) continue;
    const m = t.municipality[k];
    regionTotal[j] += value(k);
    muniTotal.set(m, (muniTotal.get(m) ?? 0) + value(k));
    byPair.set(`${m}:${j}`, k);
  }
  // each municipality's main region: the largest non-sliver part (a sliver only when nothing else)
  const main = new Map<number, { region: number; rank: number }>();
  for (const [key, k] of byPair) {
    const [m, j] = key.split(':').map(Number);
    const total = muniTotal.get(m) ?? 0;
    const rank = t.sliver[k] ? -1 : total > 0 ? value(k) / total : 0;
    const cur = main.get(m);
    if (!cur || rank > cur.rank || (rank === cur.rank && j < cur.region)) main.set(m, { region: j, rank });
  }
  const order = [...muniTotal.keys()].sort(
    (a, b) => main.get(a)!.region - main.get(b)!.region || main.get(b)!.rank - main.get(a)!.rank || (result.municipalities.code[a] < result.municipalities.code[b] ? -1 : 1),
  );
  const municipalities = order.map((m) => ({
    municipality: m,
    code: result.municipalities.code[m],
    name: result.municipalities.name[m] || result.municipalities.code[m],
    total: muniTotal.get(m) ?? 0,
    mainRegion: main.get(m)!.region,
  }));
  const cells: MatrixCell[] = [];
  municipalities.forEach((mu, i) => {
    regions.forEach((_, j) => {
      const k = byPair.get(`${mu.municipality}:${j}`);
      if (k === undefined) {
        cells.push({ municipality: i, region: j, overlap: -1, population: 0, areaKm2: 0, shareOfRegion: 0, shareOfMunicipality: 0, sliver: false });
        return;
      }
      const v = value(k);
      cells.push({
        municipality: i,
        region: j,
        overlap: k,
        population: t.population[k],
        areaKm2: t.areaKm2[k],
        shareOfRegion: regionTotal[j] > 0 ? v / regionTotal[j] : 0,
        shareOfMunicipality: mu.total > 0 ? v / mu.total : 0,
        sliver: t.sliver[k] === 1,
      });
    });
  });
  return { basis, regions: regions.map((r, j) => ({ region: r, label: short[j], name: result.regions.name[r], total: regionTotal[j] })), municipalities, cells };
}

// ---------------------------------------------------------------------------------------------
// Slivers and the aligned proposal

export interface SliverRow {
  /** the overlap table row */
  overlap: number;
  region: string;
  municipalityCode: string;
  municipalityName: string;
  areaKm2: number;
  meanWidthMetres: number;
  population: number;
  shareOfSmaller: number;
}

/** The department's slivers, smallest first (as overlapFeatures draws them). */
export function sliverRows(result: AlignmentResult, d: number): SliverRow[] {
  const t = result.overlaps;
  const rows: SliverRow[] = [];
  for (let k = 0; k < t.count; k++) {
    if (!t.sliver[k] || result.regions.department[t.region[k]] !== d) continue;
    const m = t.municipality[k];
    rows.push({
      overlap: k,
      region: result.regions.name[t.region[k]],
      municipalityCode: result.municipalities.code[m],
      municipalityName: result.municipalities.name[m] || result.municipalities.code[m],
      areaKm2: t.areaKm2[k],
      meanWidthMetres: t.meanWidthMetres[k],
      population: t.population[k],
      shareOfSmaller: t.shareOfSmaller[k],
    });
  }
  return rows.sort((a, b) => a.areaKm2 - b.areaKm2);
}

export interface MoveRow {
  municipality: number;
  code: string;
  name: string;
  toRegion: string;
  /** the parts that change region (slivers included, flagged) */
  from: { region: string; population: number; areaKm2: number; sliver: boolean }[];
  populationMoving: number;
  areaMovingKm2: number;
}

/** Municipalities the proposal changes (a non-sliver part moves), most people moving first. */
export function proposalMoves({ result, proposal }: AlignmentAnalysis, d: number): MoveRow[] {
  const D = result.departments.length;
  const rows: MoveRow[] = [];
  for (let m = 0; m < result.municipalities.count; m++) {
    const c = m * D + d;
    const to = proposal.assignedRegion[c];
    if (to < 0) continue;
    const from: MoveRow['from'] = [];
    let changed = false;
    for (let q = proposal.fromStart[c]; q < proposal.fromStart[c + 1]; q++) {
      if (proposal.fromRegion[q] === to) continue;
      const sliver = proposal.fromSliver[q] === 1;
      if (!sliver) changed = true;
      from.push({ region: result.regions.name[proposal.fromRegion[q]], population: proposal.fromPopulation[q], areaKm2: proposal.fromAreaKm2[q], sliver });
    }
    if (!changed) continue;
    rows.push({
      municipality: m,
      code: result.municipalities.code[m],
      name: result.municipalities.name[m] || result.municipalities.code[m],
      toRegion: result.regions.name[to],
      from,
      populationMoving: proposal.populationMoving[c],
      areaMovingKm2: proposal.areaMovingKm2[c],
    });
  }
  return rows.sort((a, b) => b.populationMoving - a.populationMoving || a.code.localeCompare(b.code));
}

export interface OfficeMoveRow {
  id: string;
  name: string;
  municipality: string;
  from: string;
  to: string;
}

/** The department's offices whose region changes in the proposal. `names`: office id → name. */
export function officeMoves({ result, proposal }: AlignmentAnalysis, d: number, names: ReadonlyMap<string, string> = new Map()): OfficeMoveRow[] {
  const region = (r: number) => (r >= 0 ? result.regions.name[r] : 'outside every region');
  const rows: OfficeMoveRow[] = [];
  for (let o = 0; o < result.offices.count; o++) {
    if (result.offices.department[o] !== d || !proposal.offices.changed[o]) continue;
    const m = result.offices.municipality[o];
    const id = result.offices.id[o];
    rows.push({ id, name: names.get(id) ?? '', municipality: m >= 0 ? result.municipalities.name[m] || result.municipalities.code[m] : '', from: region(proposal.offices.regionBefore[o]), to: region(proposal.offices.regionAfter[o]) });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Map data

/**
 * The municipalities (the features the analysis ran on, geometry shared, not copied) carrying how
 * split they are for the department: `regions_serving`, `share_outside` (−1 where the department
 * serves none of it), `moves` (the proposal changes it) and names for the popup.
 */
export function splitFeatures(municipalities: FeatureCollection, analysis: AlignmentAnalysis, d: number): FeatureCollection {
  const { result } = analysis;
  const split = municipalitySplit(analysis, d);
  const name = (r: number) => (r >= 0 ? result.regions.name[r] : '');
  const features: Feature[] = [];
  municipalities.features.forEach((f, m) => {
    if (m >= result.municipalities.count || !f.geometry) return;
    const served = !Number.isNaN(split.shareOutside[m]);
    features.push({
      type: 'Feature',
      geometry: f.geometry,
      properties: {
        name: result.municipalities.name[m] || result.municipalities.code[m],
        code: result.municipalities.code[m],
        regions_serving: split.regionsServing[m],
        share_outside: served ? Math.round(split.shareOutside[m] * 1000) / 1000 : -1,
        main_region: name(split.mainRegion[m]),
        moves: split.moves[m] === 1,
        region_in_proposal: name(split.toRegion[m]),
      },
    });
  });
  return { type: 'FeatureCollection', features };
}

/** Sliver polygons with their figures rounded for the map's popup (the engine keeps full precision). */
export function sliverDisplayFeatures(pieces: FeatureCollection): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: pieces.features.map((f) => {
      const p = f.properties ?? {};
      return {
        ...f,
        properties: {
          region: p.region,
          municipality_code: p.municipality_code,
          area_km2: Math.round(Number(p.area_km2) * 1000) / 1000,
          mean_width_m: Math.round(Number(p.mean_width_m)),
          population: Math.round(Number(p.population) || 0),
        },
      };
    }),
  };
}

/**
 * Settlements whose time to an office of their own region changes (by at least `minMinutes`) when
 * catchments follow the aligned regions, with their minutes before and after.
 */
export function travelChangePoints(settlements: FeatureCollection, effect: CatchmentEffect, minMinutes = 0.05): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  settlements.features.forEach((f, s) => {
    const delta = effect.deltaMinutes[s];
    if (s >= effect.deltaMinutes.length || !Number.isFinite(delta) || Math.abs(delta) < minMinutes) return;
    const [lon, lat] = representativePoint(f.geometry);
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: {
        name: String(f.properties?.name ?? f.properties?.id ?? ''),
        population: Number(f.properties?.population) || 0,
        minutes_before: Math.round(effect.minutesBefore[s] * 10) / 10,
        minutes_after: Math.round(effect.minutesAfter[s] * 10) / 10,
        change_minutes: Math.round(delta * 10) / 10,
      },
    });
  });
  return { type: 'FeatureCollection', features };
}

/** Population-weighted mean minutes to the nearest office of the department in any region (the coverage result), NaN if absent. */
export function coverageMeanMinutes(coverage: CoverageResult | undefined, department: string): number {
  const g = coverage?.times.groups.find((x) => x.kind === 'department' && x.group === department);
  if (!coverage || !g) return NaN;
  let w = 0;
  let sum = 0;
  for (let i = 0; i < coverage.times.settlementCount; i++) {
    const m = g.minutes[i];
    if (!Number.isFinite(m)) continue;
    w += coverage.times.population[i];
    sum += coverage.times.population[i] * m;
  }
  return w > 0 ? sum / w : NaN;
}
