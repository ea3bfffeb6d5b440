/**
 * One place for "how long from settlements to offices": over the road network, or estimated from
 * straight-line distance when there is no roads layer. Coverage code asks the context; it does
 * not care which method answers (the result records it).
 */
import type { RoadGraph } from '../network/build-graph';
import { createDijkstraWorkspace, type DijkstraWorkspace } from '../network/dijkstra';
import { createKNearestWorkspace, type KNearestWorkspace } from '../network/k-nearest-dijkstra';
import { estimatePlaceToPlace, estimateTimesToKNearest, type EstimateOptions, type PointList } from '../network/estimate';
import type { Snaps } from '../network/snap';
import { createEntries, destinationEntries, originEntries } from '../network/connections';
import { buildCoreGraph, degreeTwoShare, type CoreGraph } from '../network/core-graph';
import { coreNodesFor, originEntryNodes, placeToPlaceMinutes, timesToKNearest, timesToNearest, type KNearestTimes, type NearestTimes } from '../network/travel-times';
import type { ProgressFn } from '../../model/progress';

export interface NetworkContext {
  method: 'network';
  graph: RoadGraph;
  settlements: Snaps;
  /** entry nodes of all settlements: searches stop once these are settled */
  settlementNodes: Uint32Array;
  /** the contracted graph searches run on (null when the roads have few shape points) */
  core: CoreGraph | null;
  /** settlementNodes mapped onto the core */
  settlementCoreNodes: Uint32Array | null;
  workspace: DijkstraWorkspace;
  /** made on first k-nearest search (scratch, reused) */
  kWorkspace?: KNearestWorkspace;
}

export interface EstimateContext {
  method: 'estimate';
  settlements: PointList;
  estimate: EstimateOptions;
}

export type TravelContext = NetworkContext | EstimateContext;

/** Destinations as the context needs them: snapped (network; null in estimate mode) and as points. */
export type Destinations = { snaps: Snaps | null; points: PointList };

function snapsOf(to: Destinations): Snaps {
  if (!to.snaps) throw new Error('network travel times need snapped destinations');
  return to.snaps;
}

/** Contraction pays for itself once a fifth of the nodes are mere shape points. */
const CONTRACT_FROM_SHARE = 0.2;

/**
 * The context for network searches from these settlements. `destinations`: every layer that
 * searches will run to (offices, sites); their entry nodes stay in the contracted core, which is
 * built when enough nodes are shape points (see core-graph.ts).
 */
export function networkContext(graph: RoadGraph, settlements: Snaps, destinations: Snaps[] = []): NetworkContext {
  const settlementNodes = originEntryNodes(graph, settlements);
  let core: CoreGraph | null = null;
  if (destinations.length && degreeTwoShare(graph) >= CONTRACT_FROM_SHARE) {
    const keep = new Uint8Array(graph.nodeCount);
    const e = createEntries();
    for (const d of destinations) {
      for (let i = 0; i < d.count; i++) {
        destinationEntries(graph, d, i, e);
        for (let x = 0; x < e.count; x++) keep[e.node[x]] = 1;
        originEntries(graph, d, i, e); // sites are trip origins too (between-site legs)
        for (let x = 0; x < e.count; x++) keep[e.node[x]] = 1;
      }
    }
    core = buildCoreGraph(graph, keep);
  }
  return {
    method: 'network',
    graph,
    settlements,
    settlementNodes,
    core,
    settlementCoreNodes: core ? coreNodesFor(core, settlementNodes) : null,
    workspace: createDijkstraWorkspace(graph.nodeCount),
  };
}

export function nearestTimes(ctx: TravelContext, to: Destinations, chosen: ArrayLike<number>): NearestTimes {
  if (ctx.method === 'network') {
    return timesToNearest(ctx.graph, ctx.settlements, snapsOf(to), chosen, {
      workspace: ctx.workspace,
      originNodes: ctx.settlementNodes,
      core: ctx.core ?? undefined,
      coreOriginNodes: ctx.settlementCoreNodes ?? undefined,
    });
  }
  const r = estimateTimesToKNearest(ctx.settlements, to.points, chosen, 1, ctx.estimate);
  return { minutes: r.minutes, nearest: r.nearest };
}

export function kNearestTimes(ctx: TravelContext, to: Destinations, chosen: ArrayLike<number>, k: number): KNearestTimes {
  if (ctx.method === 'network' && k === 1) {
    // the plain search is several times cheaper than the k-label one
    const r = nearestTimes(ctx, to, chosen);
    return { k: 1, minutes: r.minutes, nearest: r.nearest };
  }
  if (ctx.method === 'network') {
    if (!ctx.kWorkspace || ctx.kWorkspace.k !== k) ctx.kWorkspace = createKNearestWorkspace(ctx.graph.nodeCount, k);
    return timesToKNearest(ctx.graph, ctx.settlements, snapsOf(to), chosen, k, ctx.kWorkspace, ctx.core ?? undefined);
  }
  return estimateTimesToKNearest(ctx.settlements, to.points, chosen, k, ctx.estimate);
}

/** Minutes between destinations, for the requested pairs (see placeToPlaceMinutes). */
export function betweenTimes(ctx: TravelContext, places: Destinations, needed: Uint8Array, progress?: ProgressFn): Float32Array {
  if (ctx.method === 'network') return placeToPlaceMinutes(ctx.graph, snapsOf(places), needed, progress, ctx.workspace, ctx.core ?? undefined);
  return estimatePlaceToPlace(places.points, needed, ctx.estimate);
}
