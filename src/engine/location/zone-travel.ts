/**
 * Travel minutes from every settlement to every candidate place, as a location problem's sparse
 * matrix: over the road network when there is a roads layer (graph, snapping, one Dijkstra per
 * place; see network-minutes.ts), else estimated from straight-line distance (× 1.3 at 50 km/h,
 * labelled 'estimate'). Shared by `analyse zones` and the zones panel's worker.
 */
import type { FeatureCollection } from 'geojson';
import type { ProgressFn } from '../../model/progress';
import { buildRoadGraph, type BuildGraphOptions } from '../network/build-graph';
import { estimateMinutes, type EstimateOptions, type PointList } from '../network/estimate';
import { buildSnapIndex, snapPoints, type SnapOptions } from '../network/snap';
import { networkCandidateMinutes } from './network-minutes';
import type { SparseMinutes } from './problem';

export interface ZoneTravelOptions {
  /** pairs slower than this are left out (Infinity keeps every reachable pair) */
  maxMinutes?: number;
  graph?: BuildGraphOptions;
  /** how settlements join the road (default: segment mode, walking off-road leg) */
  snap?: SnapOptions;
  /** off-road speed of a candidate place's leg to its road, km/h (default 30: a site has a driveway) */
  siteOffRoadKmh?: number;
  estimate?: EstimateOptions;
}

export interface ZoneTravel {
  sparse: SparseMinutes;
  method: 'network' | 'estimate';
  nodeCount: number;
  edgeCount: number;
  /** settlements and places farther from a road than the snap limit (unreachable) */
  settlementsTooFar: number;
  sitesTooFar: number;
  seconds: number;
}

export function zoneTravelMinutes(roads: FeatureCollection | null | undefined, settlements: PointList, sites: PointList, options: ZoneTravelOptions = {}, progress?: ProgressFn): ZoneTravel {
  const t0 = performance.now();
  const maxMinutes = options.maxMinutes ?? Infinity;
  if (!roads?.features?.length) {
    return { sparse: estimatedMinutes(settlements, sites, maxMinutes, options.estimate), method: 'estimate', nodeCount: 0, edgeCount: 0, settlementsTooFar: 0, sitesTooFar: 0, seconds: (performance.now() - t0) / 1000 };
  }
  progress?.({ phase: 'Building the road network', done: 0, total: 1 });
  const graph = buildRoadGraph(roads, options.graph ?? {});
  progress?.({ phase: 'Joining places to roads', done: 0, total: 1 });
  const mode = options.snap?.mode ?? 'segment';
  const index = buildSnapIndex(graph, mode);
  const sSnaps = snapPoints(graph, settlements, options.snap ?? {}, index);
  const cSnaps = snapPoints(graph, sites, { ...(options.snap ?? {}), offRoadKmh: options.siteOffRoadKmh ?? 30 }, index);
  const sparse = networkCandidateMinutes(graph, sSnaps, cSnaps, { maxMinutes }, progress);
  return {
    sparse,
    method: 'network',
    nodeCount: graph.nodeCount,
    edgeCount: graph.edgeCount,
    settlementsTooFar: sSnaps.tooFarCount,
    sitesTooFar: cSnaps.tooFarCount,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** Straight-line estimates for every pair within `maxMinutes`, demand-major. */
export function estimatedMinutes(settlements: PointList, sites: PointList, maxMinutes: number, options: EstimateOptions = {}): SparseMinutes {
  const S = settlements.lon.length;
  const C = sites.lon.length;
  const offsets = new Uint32Array(S + 1);
  const cand: number[] = [];
  const mins: number[] = [];
  for (let s = 0; s < S; s++) {
    const x = settlements.lon[s];
    const y = settlements.lat[s];
    if (Number.isFinite(x) && Number.isFinite(y)) {
      for (let c = 0; c < C; c++) {
        if (!Number.isFinite(sites.lon[c]) || !Number.isFinite(sites.lat[c])) continue;
        const m = estimateMinutes(x, y, sites.lon[c], sites.lat[c], options);
        if (m <= maxMinutes) {
          cand.push(c);
          mins.push(m);
        }
      }
    }
    offsets[s + 1] = cand.length;
  }
  return { offsets, candidates: Uint32Array.from(cand), minutes: Float32Array.from(mins), cutoffMinutes: maxMinutes };
}
