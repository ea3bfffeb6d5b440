/**
 * Travel times where catchments follow regions: a resident goes to the nearest office of the
 * department *within their own region* — today's region, or the aligned region of the proposal.
 * Offices keep their place; what changes is which region each office (by its municipality) and
 * each settlement belongs to. One multi-source search per distinct set of offices, over the road
 * network (or the straight-line estimate without roads), through the coverage engine's travel
 * context; `catchmentEffect` then weighs the before and after times by population.
 *
 * Pure: GeoJSON and the alignment result in, typed arrays out (runs in a worker and in Node).
 */
import type { FeatureCollection, Point } from 'geojson';
import { throttleProgress, type ProgressFn } from '../../model/progress';
import { buildRoadGraph, type BuildGraphOptions } from '../network/build-graph';
import { DEFAULT_ESTIMATE_OPTIONS, type EstimateOptions, type PointList } from '../network/estimate';
import { buildSnapIndex, DEFAULT_SNAP_OPTIONS, snapPoints, type SnapOptions } from '../network/snap';
import { settlementTable } from '../coverage/inputs';
import { nearestTimes, networkContext, type Destinations, type TravelContext } from '../coverage/travel-context';
import { catchmentEffect, type AlignedProposal, type CatchmentEffect } from './aligned-proposal';
import type { AlignmentResult } from './analyse-alignment';

export interface RegionCatchmentInputs {
  /** without roads, times are estimated from straight-line distance (method 'estimate') */
  roads?: FeatureCollection | null;
  /** the settlements the alignment ran with, in the same order */
  settlements: FeatureCollection;
  /** the offices the alignment ran with, in the same order (only points count, as there) */
  offices: FeatureCollection;
}

export interface RegionCatchmentOptions {
  snap?: SnapOptions;
  graph?: BuildGraphOptions;
  estimate?: EstimateOptions;
  /** department indices (into alignment.departments); default all */
  departments?: number[];
}

export interface DepartmentCatchment {
  /** index into the alignment's departments */
  department: number;
  /**
   * Per settlement: minutes to the nearest office in its region before / after (NaN where the
   * settlement has no region or its region no office; Infinity where no road leads there), the
   * difference, and the population-weighted summary over settlements with both times known.
   */
  effect: CatchmentEffect;
  /** people whose region has no office of the department, before / after */
  populationNoOfficeBefore: number;
  populationNoOfficeAfter: number;
  /** regions (indices into alignment.regions) that hold people but no office, before / after */
  regionsWithoutOfficeBefore: number[];
  regionsWithoutOfficeAfter: number[];
  /** shortest-path searches run (one per distinct office set) */
  searches: number;
}

export interface RegionCatchmentResult {
  method: 'network' | 'estimate';
  settlementCount: number;
  departments: DepartmentCatchment[];
  timings: { graphMs: number; snapMs: number; searchMs: number };
}

function officePoints(offices: FeatureCollection): PointList {
  const pts = (offices.features ?? []).filter((f) => f?.geometry?.type === 'Point');
  return {
    lon: Float64Array.from(pts, (f) => Number((f.geometry as Point).coordinates?.[0])),
    lat: Float64Array.from(pts, (f) => Number((f.geometry as Point).coordinates?.[1])),
  };
}

/** Offices of department d grouped by region, for one side (before or after). */
function officesByRegion(regionOfOffice: Int32Array, departmentOfOffice: Int32Array, d: number): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let o = 0; o < regionOfOffice.length; o++) {
    if (departmentOfOffice[o] !== d || regionOfOffice[o] < 0) continue;
    const list = out.get(regionOfOffice[o]);
    if (list) list.push(o);
    else out.set(regionOfOffice[o], [o]);
  }
  return out;
}

export function regionCatchmentTimes(
  inputs: RegionCatchmentInputs,
  alignment: AlignmentResult,
  proposal: AlignedProposal,
  options: RegionCatchmentOptions = {},
  progress?: ProgressFn,
): RegionCatchmentResult {
  const report = throttleProgress(progress);
  const D = alignment.departments.length;
  const settlements = settlementTable(inputs.settlements);
  const officePts = officePoints(inputs.offices);
  const S = settlements.count;
  if (S !== alignment.settlements.count || officePts.lon.length !== alignment.offices.count) {
    throw new Error('regionCatchmentTimes: the settlements and offices must be the ones the alignment ran with.');
  }
  const settlementPts = { lon: settlements.lon, lat: settlements.lat };

  // ── travel context (as the coverage analysis builds it)
  let graphMs = 0;
  let snapMs = 0;
  let ctx: TravelContext;
  let to: Destinations;
  const hasRoads = !!inputs.roads && (inputs.roads.features?.length ?? 0) > 0;
  if (hasRoads) {
    let t = performance.now();
    report({ phase: 'building the road graph', done: 0, total: 1 });
    const graph = buildRoadGraph(inputs.roads!, options.graph ?? {}, progress);
    graphMs = performance.now() - t;
    t = performance.now();
    report({ phase: 'joining settlements and offices to roads', done: 0, total: 1 });
    const snap = { ...DEFAULT_SNAP_OPTIONS, ...(options.snap ?? {}) };
    const index = buildSnapIndex(graph, snap.mode);
    const sSnaps = snapPoints(graph, settlementPts, snap, index);
    const oSnaps = snapPoints(graph, officePts, snap, index);
    snapMs = performance.now() - t;
    ctx = networkContext(graph, sSnaps, [oSnaps]);
    to = { snaps: oSnaps, points: officePts };
  } else {
    ctx = { method: 'estimate', settlements: settlementPts, estimate: { ...DEFAULT_ESTIMATE_OPTIONS, ...(options.estimate ?? {}) } };
    to = { snaps: null, points: officePts }; // the estimate never reads snaps
  }

  // ── per department: one search per distinct office set, read by the settlements of that region
  const ts = performance.now();
  const wanted = options.departments ?? Array.from({ length: D }, (_, d) => d);
  const population = alignment.settlements.population;
  const out: DepartmentCatchment[] = [];
  wanted.forEach((d, i) => {
    report({ phase: `travel times within regions: ${alignment.departments[d] || '(no department)'}`, done: i, total: wanted.length });
    const before = officesByRegion(alignment.offices.region, alignment.offices.department, d);
    const after = officesByRegion(proposal.offices.regionAfter, alignment.offices.department, d);
    const cache = new Map<string, Float32Array>();
    const timesTo = (list: number[]): Float32Array => {
      const key = list.join(',');
      let m = cache.get(key);
      if (!m) {
        m = nearestTimes(ctx, to, list).minutes;
        cache.set(key, m);
      }
      return m;
    };
    // Each settlement's own-region minutes laid out as a two-column matrix (0 = before, 1 = after),
    // so catchmentEffect can weigh them as it would a settlement × region table.
    const matrix = new Float32Array(S * 2).fill(NaN);
    const colBefore = new Int32Array(S).fill(-1);
    const colAfter = new Int32Array(S).fill(-1);
    const noOfficePeople = [0, 0];
    const noOfficeRegions = [new Set<number>(), new Set<number>()];
    const sides = [
      { offices: before, regionOf: (s: number) => alignment.settlements.region[s * D + d], col: colBefore },
      { offices: after, regionOf: (s: number) => proposal.settlementRegionAfter[s * D + d], col: colAfter },
    ];
    sides.forEach((side, k) => {
      for (let s = 0; s < S; s++) {
        const r = side.regionOf(s);
        if (r < 0) continue;
        side.col[s] = k;
        const list = side.offices.get(r);
        if (!list) {
          noOfficePeople[k] += population[s];
          if (population[s] > 0) noOfficeRegions[k].add(r);
          continue;
        }
        matrix[s * 2 + k] = timesTo(list)[s];
      }
    });
    out.push({
      department: d,
      effect: catchmentEffect(colBefore, colAfter, matrix, 2, population),
      populationNoOfficeBefore: noOfficePeople[0],
      populationNoOfficeAfter: noOfficePeople[1],
      regionsWithoutOfficeBefore: [...noOfficeRegions[0]].sort((a, b) => a - b),
      regionsWithoutOfficeAfter: [...noOfficeRegions[1]].sort((a, b) => a - b),
      searches: cache.size,
    });
  });
  report({ phase: 'travel times within regions', done: wanted.length, total: wanted.length });
  return { method: ctx.method, settlementCount: S, departments: out, timings: { graphMs, snapMs, searchMs: performance.now() - ts } };
}
