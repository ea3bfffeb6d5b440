/**
 * Joins points (settlements, offices) to the road network.
 *
 * - `segment` mode: the nearest point on the nearest road SEGMENT (flatbush + exact point–segment
 *   distance), with an off-road leg at `offRoadKmh`. The snap point splits the segment, so the
 *   point reaches both segment ends with its share of the segment's time.
 * - `node` mode: the nearest road node (kdbush) and no off-road leg — the convention of most
 *   tools, kept for comparison.
 * Points farther than `maxSnapMetres` from any road are flagged `tooFar` and treated as
 * unreachable, never silently joined.
 */
import { throttleProgress, type ProgressFn } from '../../model/progress';
import { buildPointIndex, nearestPoint, openPointIndex, type NearestPoint, type PointIndex } from '../spatial/point-index';
import { buildSegmentIndex, nearestSegment, openSegmentIndex, type NearestSegment, type SegmentIndex } from '../spatial/segment-index';
import type { PointSegmentResult } from '../spatial/geodesy';
import type { RoadGraph } from './build-graph';

export type SnapMode = 'segment' | 'node';

export interface SnapOptions {
  mode?: SnapMode;
  /** farther than this from any road = flagged, unreachable (default 5000 m) */
  maxSnapMetres?: number;
  /** speed of the leg between a point and its snap point, km/h (default 5: walking) */
  offRoadKmh?: number;
}

export const DEFAULT_SNAP_OPTIONS: Required<SnapOptions> = { mode: 'segment', maxSnapMetres: 5000, offRoadKmh: 5 };

/** Where each point joins the network. */
export interface Snaps {
  count: number;
  mode: SnapMode;
  /** segment id (segment mode) or -1 */
  segment: Int32Array;
  /** position along segmentFrom→segmentTo, in [0, 1] (segment mode) */
  fraction: Float64Array;
  /** node id (node mode) or -1 */
  node: Int32Array;
  /** distance from the point to its snap point */
  offRoadMetres: Float64Array;
  /** time of the off-road leg (0 in node mode) */
  offRoadMinutes: Float64Array;
  snapLon: Float64Array;
  snapLat: Float64Array;
  /** 1 = farther than maxSnapMetres from any road (or invalid coordinates): not joined */
  tooFar: Uint8Array;
  tooFarCount: number;
}

/** The spatial indices snapping needs, as plain data; build once per graph, reuse for every layer. */
export interface SnapIndex {
  segments?: SegmentIndex;
  nodes?: PointIndex;
}

export function buildSnapIndex(graph: RoadGraph, mode: SnapMode): SnapIndex {
  return mode === 'node' ? { nodes: buildPointIndex(graph.nodeLon, graph.nodeLat) } : { segments: buildSegmentIndex(graph) };
}

export function snapPoints(
  graph: RoadGraph,
  points: { lon: Float64Array; lat: Float64Array },
  options: SnapOptions = {},
  index?: SnapIndex,
  progress?: ProgressFn,
): Snaps {
  const o = { ...DEFAULT_SNAP_OPTIONS, ...options };
  const report = throttleProgress(progress);
  const n = points.lon.length;
  const snaps: Snaps = {
    count: n,
    mode: o.mode,
    segment: new Int32Array(n).fill(-1),
    fraction: new Float64Array(n),
    node: new Int32Array(n).fill(-1),
    offRoadMetres: new Float64Array(n).fill(Infinity),
    offRoadMinutes: new Float64Array(n).fill(Infinity),
    snapLon: new Float64Array(n).fill(NaN),
    snapLat: new Float64Array(n).fill(NaN),
    tooFar: new Uint8Array(n),
    tooFarCount: 0,
  };
  // metres → minutes at offRoadKmh: metres · 60 / (kmh · 1000)
  const minutesPerMetre = o.mode === 'node' ? 0 : 0.06 / o.offRoadKmh;
  const idx = index && (o.mode === 'node' ? index.nodes : index.segments) ? index : buildSnapIndex(graph, o.mode);

  if (o.mode === 'node') {
    const kd = openPointIndex(idx.nodes!);
    const found: NearestPoint = { point: -1, metres: Infinity };
    for (let i = 0; i < n; i++) {
      const lon = points.lon[i];
      const lat = points.lat[i];
      if (Number.isFinite(lon) && Number.isFinite(lat)) nearestPoint(kd, idx.nodes!, graph.nodeLon, graph.nodeLat, lon, lat, found);
      else found.point = -1;
      if (found.point >= 0) {
        snaps.offRoadMetres[i] = found.metres;
        snaps.snapLon[i] = graph.nodeLon[found.point];
        snaps.snapLat[i] = graph.nodeLat[found.point];
      }
      if (found.point < 0 || found.metres > o.maxSnapMetres) {
        snaps.tooFar[i] = 1;
        snaps.tooFarCount++;
        continue;
      }
      snaps.node[i] = found.point;
      snaps.offRoadMinutes[i] = 0;
      if ((i & 1023) === 0) report({ phase: 'Joining points to roads', done: i, total: n });
    }
  } else {
    const fb = openSegmentIndex(idx.segments!);
    const found: NearestSegment = { segment: -1, metres: Infinity, fraction: 0 };
    const scratch: PointSegmentResult = { metres: 0, fraction: 0 };
    for (let i = 0; i < n; i++) {
      const lon = points.lon[i];
      const lat = points.lat[i];
      if (Number.isFinite(lon) && Number.isFinite(lat)) nearestSegment(fb, idx.segments!, graph, lon, lat, found, scratch);
      else found.segment = -1;
      if (found.segment >= 0) {
        const a = graph.segmentFrom[found.segment];
        const b = graph.segmentTo[found.segment];
        const t = found.fraction;
        snaps.offRoadMetres[i] = found.metres;
        snaps.snapLon[i] = graph.nodeLon[a] + t * (graph.nodeLon[b] - graph.nodeLon[a]);
        snaps.snapLat[i] = graph.nodeLat[a] + t * (graph.nodeLat[b] - graph.nodeLat[a]);
      }
      if (found.segment < 0 || found.metres > o.maxSnapMetres) {
        snaps.tooFar[i] = 1;
        snaps.tooFarCount++;
        continue;
      }
      snaps.segment[i] = found.segment;
      snaps.fraction[i] = found.fraction;
      snaps.offRoadMinutes[i] = found.metres * minutesPerMetre;
      if ((i & 1023) === 0) report({ phase: 'Joining points to roads', done: i, total: n });
    }
  }
  report({ phase: 'Joining points to roads', done: n, total: n });
  return snaps;
}

/** The weak component a snapped point sits in, or -1 if it was not joined. */
export function snapComponent(graph: RoadGraph, snaps: Snaps, i: number): number {
  if (snaps.tooFar[i]) return -1;
  if (snaps.mode === 'node') return graph.nodeComponent[snaps.node[i]];
  return graph.nodeComponent[graph.segmentFrom[snaps.segment[i]]];
}
