/**
 * The route engine on the road network (src/engine/network): reach times from settlements to
 * candidate stops, and a travel provider over stops and team bases.
 *
 * Reach: one reversed Dijkstra per candidate, cut off at the reach time, read at the settlements a
 * straight-line pre-filter (the network's top speed) leaves — so each search is local.
 * Provider: drive minutes from the network engine's place-to-place matrix; kilometres are the
 * great-circle distance × a detour factor (the network search does not carry distance along the
 * fastest path), which the CLI labels as such.
 */
import KDBush from 'kdbush';
import { throttleProgress, type ProgressFn } from '../../model/progress';
import { createDijkstraWorkspace, createEntries, destinationSeeds, multiSourceDijkstra, originEntries, placeToPlaceMinutes, reverseCsr, sameSegmentMinutes } from '../network';
import type { RoadGraph, Snaps } from '../network';
import { haversineMetres } from '../spatial/geodesy';
import { reachFromPairs, type ReachMatrix } from './stop-selection';
import type { TravelProvider } from './travel-provider';

export interface PointSet {
  lon: Float64Array;
  lat: Float64Array;
}

/** Top speed on the network, km/h (bounds how far a reach search can get in straight line). */
export function topSpeedKmh(graph: RoadGraph): number {
  let best = 0;
  for (let e = 0; e < graph.edgeCount; e++) {
    const m = graph.minutes[e];
    if (m > 0) best = Math.max(best, (graph.metres[e] / 1000) / (m / 60));
  }
  return best || 120;
}

export function networkReach(
  graph: RoadGraph,
  settlements: PointSet,
  settlementSnaps: Snaps,
  candidates: PointSet,
  candidateSnaps: Snaps,
  reachMinutes: number,
  progress?: ProgressFn,
): ReachMatrix {
  const report = throttleProgress(progress);
  const S = settlements.lon.length;
  const C = candidates.lon.length;
  const kmh = topSpeedKmh(graph);
  const radiusKm = (reachMinutes / 60) * kmh + 5; // + the longest snap leg
  const k = Math.cos(((settlements.lat[0] ?? 0) * Math.PI) / 180);
  const index = new KDBush(Math.max(1, S));
  for (let s = 0; s < S; s++) index.add(settlements.lon[s] * k, settlements.lat[s]);
  if (!S) index.add(0, 0);
  index.finish();
  const rev = reverseCsr(graph);
  const ws = createDijkstraWorkspace(graph.nodeCount);
  const e = createEntries();
  const si: number[] = [];
  const ci: number[] = [];
  const mi: number[] = [];
  for (let c = 0; c < C; c++) {
    report({ phase: 'Reach to candidate stops', done: c, total: C });
    if (candidateSnaps.tooFar[c]) continue;
    const seeds = destinationSeeds(graph, candidateSnaps, [c]);
    const near = S ? index.within(candidates.lon[c] * k, candidates.lat[c], (radiusKm / 111.19) * 1.5) : [];
    if (!near.length) continue;
    const result = multiSourceDijkstra(rev, seeds, { maxMinutes: reachMinutes }, ws);
    for (const s of near) {
      if (haversineMetres(settlements.lon[s], settlements.lat[s], candidates.lon[c], candidates.lat[c]) / 1000 > radiusKm) continue;
      let best = sameSegmentMinutes(graph, settlementSnaps, s, candidateSnaps, c);
      originEntries(graph, settlementSnaps, s, e);
      for (let x = 0; x < e.count; x++) {
        const m = e.minutes[x] + result.minutes[e.node[x]];
        if (m < best) best = m;
      }
      if (best <= reachMinutes) {
        si.push(s);
        ci.push(c);
        mi.push(best);
      }
    }
  }
  report({ phase: 'Reach to candidate stops', done: C, total: C });
  return reachFromPairs(S, C, si, ci, mi);
}

/** Drive minutes between all places over the network (Infinity where no road joins them). */
export function networkProvider(graph: RoadGraph, places: PointSet, snaps: Snaps, options: { detourFactor?: number } = {}, progress?: ProgressFn): TravelProvider {
  const n = places.lon.length;
  const needed = new Uint8Array(n * n).fill(1);
  const minutes = placeToPlaceMinutes(graph, snaps, needed, progress);
  for (let i = 0; i < n * n; i++) if (Number.isNaN(minutes[i])) minutes[i] = Infinity;
  for (let i = 0; i < n; i++) minutes[i * n + i] = 0;
  const detour = options.detourFactor ?? 1.3;
  return {
    size: n,
    minutes: (i, j) => minutes[i * n + j],
    km: (i, j) => (i === j ? 0 : (haversineMetres(places.lon[i], places.lat[i], places.lon[j], places.lat[j]) / 1000) * detour),
  };
}
