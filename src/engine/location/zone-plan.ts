/**
 * A zones plan on a prepared matrix (zones-from-layers.ts): the chosen objective solved over the
 * candidate places, coverage before (the places that serve the group today) and after (those plus
 * the proposed zones) per municipality and for the province, and — for each local municipality
 * without a Thusong centre — the best place inside it for a new centre.
 *
 * The group says what a zone brings together: 'all' (every service: a full Thusong centre), a
 * department code, or 'bundle:<code>'. A place serves the group today when the services within a
 * walk include it all (a Thusong centre offering every service always does). A proposed zone will
 * serve it; with `existingOnly`, only places that serve it already may be chosen (the command
 * line's --bundle).
 */
import type { Highs } from 'highs';
import { DEFAULT_CATALOGUE, type Catalogue } from '../../model/catalogue';
import type { ProgressFn } from '../../model/progress';
import { solveMaximalCovering } from './maximal-covering';
import { solvePMedian } from './p-median';
import type { LocationModel, LocationProblem, LocationResult, SparseMinutes } from './problem';
import { solveSetCovering } from './set-covering';
import type { ZonesPrepared } from './zones-from-layers';

export interface ZonePlanOptions {
  objective: LocationModel;
  /** zones to choose besides the fixed ones (mclp, pmedian) */
  newZones: number;
  /** T: covered within this many minutes (mclp, lscp; the comparison for every model) */
  minutes: number;
  /** 'all' | a department code | 'bundle:<code>' */
  group: string;
  /** force the existing Thusong centres in */
  fixThusong: boolean;
  existingOnly?: boolean;
  timeLimitSeconds?: number;
  /** a loaded HiGHS runtime; undefined = load the shared one; null = without HiGHS */
  highs?: Highs | null;
  seed?: number;
  catalogue?: Catalogue;
}

export interface ZoneCoverage {
  /** per settlement: minutes to the nearest serving place (Infinity = none reachable) */
  minutes: Float32Array;
  /** per settlement: that place (site index), −1 for none */
  site: Int32Array;
}

export interface ComparisonRow {
  /** municipality code; 'NONE' outside every municipality; 'ALL' the province */
  municipality: string;
  name: string;
  population: number;
  withinBefore: number;
  withinAfter: number;
  /** population-weighted minutes over residents who reach a serving place (NaN when none do) */
  meanMinutesBefore: number;
  meanMinutesAfter: number;
  unreachableBefore: number;
  unreachableAfter: number;
}

export interface PlannedZone {
  site: number;
  populationServed: number;
  fixed: boolean;
}

export interface NewCentre {
  municipality: number;
  code: string;
  name: string;
  /** best place inside (site index), −1 when there is no candidate inside */
  site: number;
  candidatesInside: number;
  /** residents of the municipality the centre brings within T who were not */
  populationGained: number;
  /** residents' person-minutes saved per visit (population × minutes shorter) */
  personMinutesSaved: number;
  population: number;
  withinBefore: number;
  withinAfter: number;
}

export interface NewCentres {
  rows: NewCentre[];
  /** municipalities with a centre already, or not local, are left out; this says how many were checked */
  municipalitiesChecked: number;
  before: ComparisonRow;
  after: ComparisonRow;
  coverageAfter: ZoneCoverage;
}

export interface ZonePlan {
  options: Omit<ZonePlanOptions, 'highs' | 'catalogue'>;
  groupLabel: string;
  /** solver result over the problem's columns */
  result: LocationResult;
  /** problem column → site index */
  columns: Uint32Array;
  zones: PlannedZone[];
  /** per settlement: the zone serving it (site index), −1 for none */
  assignment: Int32Array;
  /** places serving the group today */
  servingSites: number[];
  before: ZoneCoverage;
  after: ZoneCoverage;
  /** one row per municipality (by code), then 'NONE' if any, then the province 'ALL' */
  comparison: ComparisonRow[];
  newCentres: NewCentres;
  highs: 'used' | 'unavailable' | 'off';
  notes: string[];
}

/** The services a group needs and how to say it. */
export function zoneGroup(group: string, catalogue: Catalogue = DEFAULT_CATALOGUE): { label: string; services: string[]; department?: string } {
  if (group.startsWith('bundle:')) {
    const b = catalogue.bundles.find((x) => x.code === group.slice(7));
    if (!b) throw new RangeError(`unknown bundle ${group.slice(7)}`);
    return { label: b.name, services: b.services };
  }
  if (group === 'all') return { label: 'every service (a full Thusong centre)', services: catalogue.services.map((s) => s.code) };
  const d = catalogue.departments.find((x) => x.code === group);
  return { label: d?.name ?? group, services: catalogue.services.filter((s) => s.department === group).map((s) => s.code), department: group };
}

/** 1 where the place serves the group today. */
export function servingMask(prepared: ZonesPrepared, group: string, catalogue: Catalogue = DEFAULT_CATALOGUE): Uint8Array {
  const g = zoneGroup(group, catalogue);
  const { sites } = prepared;
  const out = new Uint8Array(sites.count);
  for (let c = 0; c < sites.count; c++) {
    if (sites.kind[c] === 'thusong' && prepared.thusongOffersAll) out[c] = 1;
    else if (g.department) out[c] = sites.departments[c].includes(g.department) ? 1 : 0;
    else {
      const have = new Set(sites.services[c]);
      out[c] = g.services.every((s) => have.has(s)) ? 1 : 0;
    }
  }
  return out;
}

/** The matrix restricted to some columns (renumbered 0…n−1 in the given order). */
export function selectColumns(sparse: SparseMinutes, columns: ArrayLike<number>, columnCount: number): SparseMinutes {
  const map = new Int32Array(columnCount).fill(-1);
  for (let j = 0; j < columns.length; j++) map[columns[j]] = j;
  const S = sparse.offsets.length - 1;
  const offsets = new Uint32Array(S + 1);
  let count = 0;
  for (let s = 0; s < S; s++) {
    for (let e = sparse.offsets[s]; e < sparse.offsets[s + 1]; e++) if (map[sparse.candidates[e]] >= 0) count++;
    offsets[s + 1] = count;
  }
  const candidates = new Uint32Array(count);
  const minutes = new Float32Array(count);
  let w = 0;
  for (let s = 0; s < S; s++) {
    for (let e = sparse.offsets[s]; e < sparse.offsets[s + 1]; e++) {
      const j = map[sparse.candidates[e]];
      if (j < 0) continue;
      candidates[w] = j;
      minutes[w++] = sparse.minutes[e];
    }
  }
  return { offsets, candidates, minutes, cutoffMinutes: sparse.cutoffMinutes };
}

/** Each settlement's nearest place among those marked in `mask`. */
export function nearestServing(sparse: SparseMinutes, mask: Uint8Array): ZoneCoverage {
  const S = sparse.offsets.length - 1;
  const minutes = new Float32Array(S).fill(Infinity);
  const site = new Int32Array(S).fill(-1);
  for (let s = 0; s < S; s++) {
    for (let e = sparse.offsets[s]; e < sparse.offsets[s + 1]; e++) {
      const c = sparse.candidates[e];
      if (!mask[c]) continue;
      const m = sparse.minutes[e];
      if (m < minutes[s] || (m === minutes[s] && c < site[s])) {
        minutes[s] = m;
        site[s] = c;
      }
    }
  }
  return { minutes, site };
}

/** Coverage before and after, per municipality and for the province. */
export function compareCoverage(prepared: ZonesPrepared, before: ZoneCoverage, after: ZoneCoverage, T: number): ComparisonRow[] {
  const { settlements, settlementMunicipality: muni, municipalities } = prepared;
  const M = municipalities.count;
  const rows: ComparisonRow[] = [];
  const make = (municipality: string, name: string): ComparisonRow => ({ municipality, name, population: 0, withinBefore: 0, withinAfter: 0, meanMinutesBefore: 0, meanMinutesAfter: 0, unreachableBefore: 0, unreachableAfter: 0 });
  for (let m = 0; m < M; m++) rows.push(make(municipalities.code[m], municipalities.name[m]));
  const none = make('NONE', 'outside every municipality');
  const all = make('ALL', 'Province');
  for (let s = 0; s < settlements.count; s++) {
    const w = settlements.population[s];
    for (const r of [muni[s] >= 0 ? rows[muni[s]] : none, all]) {
      r.population += w;
      add(r, w, before.minutes[s], after.minutes[s], T);
    }
  }
  if (none.population > 0) rows.push(none);
  rows.push(all);
  for (const r of rows) finish(r);
  return rows;
}

// the means are accumulated as sums (over the reachable) and divided at the end
function add(r: ComparisonRow, w: number, b: number, a: number, T: number) {
  if (b <= T) r.withinBefore += w;
  if (a <= T) r.withinAfter += w;
  if (b < Infinity) r.meanMinutesBefore += w * b;
  else r.unreachableBefore += w;
  if (a < Infinity) r.meanMinutesAfter += w * a;
  else r.unreachableAfter += w;
}

function finish(r: ComparisonRow) {
  const reachB = r.population - r.unreachableBefore;
  const reachA = r.population - r.unreachableAfter;
  r.meanMinutesBefore = reachB > 0 ? r.meanMinutesBefore / reachB : NaN;
  r.meanMinutesAfter = reachA > 0 ? r.meanMinutesAfter / reachA : NaN;
}

/**
 * For each local municipality (category B; every municipality when none has a category) without
 * a Thusong centre, the candidate place inside it that does most for the objective for the
 * municipality's own residents, on top of the places serving the group today: most of them newly
 * within T (mclp, lscp) or most person-minutes saved (pmedian; an unreachable resident counts at
 * `penaltyMinutes`). A centre is the municipality's: one near a border would otherwise be chosen
 * for its neighbour's people. Then all of them together, province-wide.
 */
export function bestNewCentres(prepared: ZonesPrepared, base: ZoneCoverage, objective: LocationModel, T: number, penaltyMinutes: number): NewCentres {
  const { municipalities, sites, siteMunicipality, settlementMunicipality, candidate, travel, settlements } = prepared;
  const M = municipalities.count;
  const categorised = municipalities.category.some((c) => c !== '');
  const hasThusong = new Uint8Array(M);
  for (let c = 0; c < sites.count; c++) if (sites.kind[c] === 'thusong' && siteMunicipality[c] >= 0) hasThusong[siteMunicipality[c]] = 1;
  const checked = new Uint8Array(M);
  for (let m = 0; m < M; m++) checked[m] = !hasThusong[m] && (!categorised || municipalities.category[m] === 'B') ? 1 : 0;
  const gain = new Float64Array(sites.count);
  const saved = new Float64Array(sites.count);
  const eligible = (c: number) => candidate[c] === 1 && sites.kind[c] !== 'thusong' && siteMunicipality[c] >= 0 && checked[siteMunicipality[c]] === 1;
  const { sparse } = travel;
  for (let s = 0; s < settlements.count; s++) {
    const w = settlements.population[s];
    const home = settlementMunicipality[s];
    if (!(w > 0) || home < 0 || !checked[home]) continue;
    const now = Math.min(base.minutes[s], penaltyMinutes);
    for (let e = sparse.offsets[s]; e < sparse.offsets[s + 1]; e++) {
      const c = sparse.candidates[e];
      if (siteMunicipality[c] !== home || !eligible(c)) continue;
      const m = sparse.minutes[e];
      if (m <= T && !(base.minutes[s] <= T)) gain[c] += w;
      if (m < now) saved[c] += w * (now - m);
    }
  }
  const primary = objective === 'pmedian' ? saved : gain;
  const secondary = objective === 'pmedian' ? gain : saved;
  const best = new Int32Array(M).fill(-1);
  const inside = new Int32Array(M);
  for (let c = 0; c < sites.count; c++) {
    if (!eligible(c)) continue;
    const m = siteMunicipality[c];
    inside[m]++;
    const b = best[m];
    if (b < 0 || primary[c] > primary[b] || (primary[c] === primary[b] && secondary[c] > secondary[b])) best[m] = c;
  }
  // the base coverage is given per settlement; rebuild "after" by improving it with the new centres
  const after: ZoneCoverage = { minutes: Float32Array.from(base.minutes), site: Int32Array.from(base.site) };
  const chosen = new Uint8Array(sites.count);
  for (let m = 0; m < M; m++) if (best[m] >= 0) chosen[best[m]] = 1;
  for (let s = 0; s < settlements.count; s++) {
    for (let e = sparse.offsets[s]; e < sparse.offsets[s + 1]; e++) {
      const c = sparse.candidates[e];
      if (chosen[c] && sparse.minutes[e] < after.minutes[s]) {
        after.minutes[s] = sparse.minutes[e];
        after.site[s] = c;
      }
    }
  }
  const perMuni = compareCoverage(prepared, base, after, T);
  const rows: NewCentre[] = [];
  for (let m = 0; m < M; m++) {
    if (!checked[m]) continue;
    const c = best[m];
    const r = perMuni[m];
    rows.push({
      municipality: m,
      code: municipalities.code[m],
      name: municipalities.name[m],
      site: c,
      candidatesInside: inside[m],
      populationGained: c >= 0 ? gain[c] : 0,
      personMinutesSaved: c >= 0 ? saved[c] : 0,
      population: r.population,
      withinBefore: r.withinBefore,
      withinAfter: r.withinAfter,
    });
  }
  return {
    rows,
    municipalitiesChecked: rows.length,
    // the province row compareCoverage ends with holds both: its *Before and *After fields
    before: perMuni[perMuni.length - 1],
    after: perMuni[perMuni.length - 1],
    coverageAfter: after,
  };
}

/** Solves the objective on the prepared matrix and measures what it changes. */
export async function planZones(prepared: ZonesPrepared, options: ZonePlanOptions, progress?: ProgressFn): Promise<ZonePlan> {
  const catalogue = options.catalogue ?? DEFAULT_CATALOGUE;
  const { sites, settlements, travel } = prepared;
  const T = options.minutes;
  const serving = servingMask(prepared, options.group, catalogue);
  const notes: string[] = [];

  // the problem's columns: candidate places, and the Thusong centres when they are forced in
  const columns: number[] = [];
  const fixed: number[] = [];
  for (let c = 0; c < sites.count; c++) {
    const isFixed = options.fixThusong && sites.kind[c] === 'thusong';
    if (!prepared.candidate[c] && !isFixed) continue;
    if (isFixed) fixed.push(columns.length);
    columns.push(c);
  }
  const eligible = options.existingOnly ? Uint8Array.from(columns, (c) => serving[c]) : undefined;
  if (eligible && !eligible.some((x) => x === 1)) notes.push('No candidate place serves the whole group today, so with “only places that offer it already” no one can be served.');
  const problem: LocationProblem = {
    demandCount: settlements.count,
    candidateCount: columns.length,
    population: settlements.population,
    sparse: selectColumns(travel.sparse, columns, sites.count),
    ...(fixed.length ? { fixed: Uint32Array.from(fixed) } : {}),
    ...(eligible ? { eligible } : {}),
  };
  const k = Math.min(columns.length, Math.max(0, Math.floor(options.newZones)) + fixed.length);
  const common = { timeLimitSeconds: options.timeLimitSeconds ?? 5, ...(options.highs !== undefined ? { highs: options.highs } : {}) };
  const highs: ZonePlan['highs'] = options.highs === null ? 'unavailable' : 'used';
  if (options.highs === null) notes.push('The HiGHS solver is not available here, so bounds come from Lagrangian relaxation (often looser).');
  let result: LocationResult;
  if (options.objective === 'mclp') result = await solveMaximalCovering(problem, { ...common, k, minutes: T, seed: options.seed }, progress);
  else if (options.objective === 'pmedian') result = await solvePMedian(problem, { ...common, k, seed: options.seed }, progress);
  else result = await solveSetCovering(problem, { ...common, minutes: T }, progress);

  const fixedSet = new Set(fixed);
  const zones: PlannedZone[] = Array.from(result.selected, (j, i) => ({ site: columns[j], populationServed: result.populationServed[i], fixed: fixedSet.has(j) }));
  const assignment = Int32Array.from(result.assignment, (j) => (j >= 0 ? columns[j] : -1));
  const before = nearestServing(travel.sparse, serving);
  const afterMask = Uint8Array.from(serving);
  for (const z of zones) afterMask[z.site] = 1;
  const after = nearestServing(travel.sparse, afterMask);
  const comparison = compareCoverage(prepared, before, after, T);
  const penalty = Number.isFinite(travel.sparse.cutoffMinutes) ? travel.sparse.cutoffMinutes : maxMinutes(travel.sparse);
  const newCentres = bestNewCentres(prepared, before, options.objective, T, penalty);
  const servingSites: number[] = [];
  for (let c = 0; c < sites.count; c++) if (serving[c]) servingSites.push(c);
  const { highs: _h, catalogue: _c, ...echo } = options;
  return { options: echo, groupLabel: zoneGroup(options.group, catalogue).label, result, columns: Uint32Array.from(columns), zones, assignment, servingSites, before, after, comparison, newCentres, highs, notes };
}

function maxMinutes(sparse: SparseMinutes): number {
  let max = 0;
  for (let e = 0; e < sparse.minutes.length; e++) if (sparse.minutes[e] > max) max = sparse.minutes[e];
  return max;
}
