/**
 * Nearest-segment search over a flatbush index of segment bounding boxes.
 *
 * The index lives in a plane where x = lon · cosRef and y = lat (degrees), so that box distances
 * are nearly isotropic across a province. Exact distances are then computed in a plane local to
 * each query point, and the search keeps widening until no unseen box can hold a closer segment —
 * so the answer is the true nearest segment, never a guess from the nearest box.
 */
import Flatbush from 'flatbush';
import { cosLatitude, METRES_PER_DEGREE, pointSegmentMetres, type PointSegmentResult } from './geodesy';

/** A flatbush index as plain data (its ArrayBuffer), so it can cross to and from a worker. */
export interface SegmentIndex {
  data: ArrayBuffer;
  /** cos of the reference latitude used to scale longitudes in the index */
  cosRef: number;
  segmentCount: number;
}

/** Segments as pairs of node ids into [lon, lat] node arrays. */
export interface SegmentGeometry {
  nodeLon: Float64Array;
  nodeLat: Float64Array;
  segmentFrom: Uint32Array;
  segmentTo: Uint32Array;
  segmentCount: number;
}

export function referenceCos(nodeLat: Float64Array): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < nodeLat.length; i++) {
    const v = nodeLat[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return nodeLat.length ? cosLatitude((lo + hi) / 2) : 1;
}

export function buildSegmentIndex(g: SegmentGeometry): SegmentIndex {
  const cosRef = referenceCos(g.nodeLat);
  const n = Math.max(1, g.segmentCount);
  const index = new Flatbush(n);
  const { nodeLon, nodeLat, segmentFrom, segmentTo } = g;
  for (let s = 0; s < g.segmentCount; s++) {
    const a = segmentFrom[s];
    const b = segmentTo[s];
    const ax = nodeLon[a] * cosRef;
    const bx = nodeLon[b] * cosRef;
    const ay = nodeLat[a];
    const by = nodeLat[b];
    index.add(ax < bx ? ax : bx, ay < by ? ay : by, ax < bx ? bx : ax, ay < by ? by : ay);
  }
  // flatbush refuses an empty index; a lone dummy box far away keeps the code path uniform
  if (g.segmentCount === 0) index.add(1e9, 1e9, 1e9, 1e9);
  index.finish();
  return { data: index.data as ArrayBuffer, cosRef, segmentCount: g.segmentCount };
}

export function openSegmentIndex(index: SegmentIndex): Flatbush {
  return Flatbush.from(index.data);
}

export interface NearestSegment {
  /** segment id, or -1 when there are no segments */
  segment: number;
  metres: number;
  /** position of the nearest point along from→to, in [0, 1] */
  fraction: number;
}

/**
 * The segment nearest to (lon, lat) in metres. `flatbush` is `openSegmentIndex(index)`, opened
 * once per batch of queries.
 */
export function nearestSegment(
  flatbush: Flatbush,
  index: SegmentIndex,
  g: SegmentGeometry,
  lon: number,
  lat: number,
  out: NearestSegment,
  scratch: PointSegmentResult = { metres: 0, fraction: 0 },
): NearestSegment {
  out.segment = -1;
  out.metres = Infinity;
  out.fraction = 0;
  if (index.segmentCount === 0) return out;
  const cosRef = index.cosRef;
  const qx = lon * cosRef;
  const qy = lat;
  // a distance in the index plane converts to at least this many metres at the query latitude
  const cosQ = cosLatitude(lat);
  const lowerMetresPerUnit = METRES_PER_DEGREE * Math.min(1, cosQ / cosRef);
  const { nodeLon, nodeLat, segmentFrom, segmentTo } = g;
  let k = 8;
  for (;;) {
    const ids = flatbush.neighbors(qx, qy, k);
    for (let i = 0; i < ids.length; i++) {
      const s = ids[i];
      const a = segmentFrom[s];
      const b = segmentTo[s];
      pointSegmentMetres(lon, lat, nodeLon[a], nodeLat[a], nodeLon[b], nodeLat[b], scratch);
      if (scratch.metres < out.metres || (scratch.metres === out.metres && s < out.segment)) {
        out.metres = scratch.metres;
        out.fraction = scratch.fraction;
        out.segment = s;
      }
    }
    if (ids.length < k) return out; // every segment has been examined
    // every unseen box is at least as far (in the index plane) as the k-th one returned
    const last = ids[ids.length - 1];
    const a = segmentFrom[last];
    const b = segmentTo[last];
    const ax = nodeLon[a] * cosRef;
    const bx = nodeLon[b] * cosRef;
    const dx = Math.max((ax < bx ? ax : bx) - qx, qx - (ax < bx ? bx : ax), 0);
    const ay = nodeLat[a];
    const by = nodeLat[b];
    const dy = Math.max((ay < by ? ay : by) - qy, qy - (ay < by ? by : ay), 0);
    const bound = Math.sqrt(dx * dx + dy * dy) * lowerMetresPerUnit;
    if (out.metres <= bound) return out;
    k *= 4;
  }
}
