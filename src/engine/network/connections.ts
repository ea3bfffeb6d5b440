/**
 * How a snapped point enters and leaves the network: at most two (node, minutes) pairs.
 *
 * A point snapped at fraction t of segment A→B (drive time T, off-road leg L):
 *  - leaving it (trip origin): reach B in L + (1−t)·T if A→B is allowed, reach A in L + t·T if
 *    B→A is allowed;
 *  - arriving at it (trip destination): from A in t·T + L if A→B is allowed, from B in
 *    (1−t)·T + L if B→A is allowed.
 * A point snapped to a node enters and leaves at that node at no cost.
 */
import type { RoadGraph } from './build-graph';
import type { Snaps } from './snap';

/** Output buffer of up to two entries. */
export interface Entries {
  count: number;
  node: Uint32Array;
  minutes: Float64Array;
}

export function createEntries(): Entries {
  return { count: 0, node: new Uint32Array(2), minutes: new Float64Array(2) };
}

function push(out: Entries, node: number, minutes: number): void {
  out.node[out.count] = node;
  out.minutes[out.count] = minutes;
  out.count++;
}

/** Nodes the point can drive to first, with the minutes to reach them. */
export function originEntries(graph: RoadGraph, snaps: Snaps, i: number, out: Entries): Entries {
  out.count = 0;
  if (snaps.tooFar[i]) return out;
  if (snaps.mode === 'node') {
    push(out, snaps.node[i], 0);
    return out;
  }
  const s = snaps.segment[i];
  const t = snaps.fraction[i];
  const T = graph.segmentMinutes[s];
  const L = snaps.offRoadMinutes[i];
  const dir = graph.segmentOneway[s];
  if (dir >= 0) push(out, graph.segmentTo[s], L + (1 - t) * T);
  if (dir <= 0) push(out, graph.segmentFrom[s], L + t * T);
  return out;
}

/** Nodes from which the point can be driven to, with the minutes from them to it. */
export function destinationEntries(graph: RoadGraph, snaps: Snaps, i: number, out: Entries): Entries {
  out.count = 0;
  if (snaps.tooFar[i]) return out;
  if (snaps.mode === 'node') {
    push(out, snaps.node[i], 0);
    return out;
  }
  const s = snaps.segment[i];
  const t = snaps.fraction[i];
  const T = graph.segmentMinutes[s];
  const L = snaps.offRoadMinutes[i];
  const dir = graph.segmentOneway[s];
  if (dir >= 0) push(out, graph.segmentFrom[s], t * T + L);
  if (dir <= 0) push(out, graph.segmentTo[s], (1 - t) * T + L);
  return out;
}

/**
 * Minutes from origin point i to destination point j when both sit on the same segment and the
 * trip stays on it (no node in between); Infinity otherwise. The network search cannot see this
 * trip, because it never leaves the segment.
 */
export function sameSegmentMinutes(graph: RoadGraph, origins: Snaps, i: number, destinations: Snaps, j: number): number {
  if (origins.tooFar[i] || destinations.tooFar[j]) return Infinity;
  if (origins.mode === 'node' || destinations.mode === 'node') return Infinity;
  const s = origins.segment[i];
  if (s !== destinations.segment[j]) return Infinity;
  const ti = origins.fraction[i];
  const tj = destinations.fraction[j];
  const dir = graph.segmentOneway[s];
  const legs = origins.offRoadMinutes[i] + destinations.offRoadMinutes[j];
  const T = graph.segmentMinutes[s];
  if (tj >= ti && dir >= 0) return legs + (tj - ti) * T;
  if (tj <= ti && dir <= 0) return legs + (ti - tj) * T;
  return Infinity;
}
