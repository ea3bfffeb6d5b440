/**
 * Candidate segment pairs: every pair of segments, one from each layer, whose boxes meet (closed
 * boxes, so touching counts). Chunk boxes are joined through the Flatbush index first, then the
 * segments of each candidate chunk pair are filtered box against box — far fewer index queries
 * than one per segment, which is what makes a million vertices affordable.
 */
import Flatbush from 'flatbush';
import { cross } from './exact-grid';
import type { PolygonLayer } from './polygon-layer';

export type SegmentPairVisitor = (segmentA: number, segmentB: number) => void;

/** Calls `visit` for each near pair (segment of A, segment of B); returns how many it called. */
export function forEachNearSegmentPair(A: PolygonLayer, B: PolygonLayer, visit: SegmentPairVisitor): number {
  if (A.chunkCount === 0 || B.chunkCount === 0) return 0;
  const tree = Flatbush.from(B.chunkIndex);
  const { gx: agx, gy: agy, chunkBox: aBox } = A;
  const { gx: bgx, gy: bgy, chunkBox: bBox } = B;
  let visited = 0;
  for (let ca = 0; ca < A.chunkCount; ca++) {
    const found = tree.search(aBox[4 * ca], aBox[4 * ca + 1], aBox[4 * ca + 2], aBox[4 * ca + 3]);
    if (found.length === 0) continue;
    const s0 = A.chunkStart[ca];
    const s1 = A.chunkEnd[ca];
    for (let q = 0; q < found.length; q++) {
      const cb = found[q];
      const qx0 = bBox[4 * cb];
      const qy0 = bBox[4 * cb + 1];
      const qx1 = bBox[4 * cb + 2];
      const qy1 = bBox[4 * cb + 3];
      const t0 = B.chunkStart[cb];
      const t1 = B.chunkEnd[cb];
      for (let i = s0; i < s1; i++) {
        const ax = agx[i];
        const bx = agx[i + 1];
        const ix0 = ax < bx ? ax : bx;
        const ix1 = ax < bx ? bx : ax;
        if (ix0 > qx1 || ix1 < qx0) continue;
        const ay = agy[i];
        const by = agy[i + 1];
        const iy0 = ay < by ? ay : by;
        const iy1 = ay < by ? by : ay;
        if (iy0 > qy1 || iy1 < qy0) continue;
        for (let j = t0; j < t1; j++) {
          const cx = bgx[j];
          const dx = bgx[j + 1];
          if ((cx < dx ? cx : dx) > ix1 || (cx < dx ? dx : cx) < ix0) continue;
          const cy = bgy[j];
          const dy = bgy[j + 1];
          if ((cy < dy ? cy : dy) > iy1 || (cy < dy ? dy : cy) < iy0) continue;
          visited++;
          visit(i, j);
        }
      }
    }
  }
  return visited;
}

/**
 * Near pairs of segments of the same feature of one layer, each unordered pair once (i < j),
 * for validity checks.
 */
export function forEachNearSegmentPairWithinFeatures(L: PolygonLayer, visit: SegmentPairVisitor): void {
  if (L.chunkCount === 0) return;
  const tree = Flatbush.from(L.chunkIndex);
  const { gx, gy, chunkBox: box, chunkFeature } = L;
  for (let ca = 0; ca < L.chunkCount; ca++) {
    const f = chunkFeature[ca];
    const found = tree.search(box[4 * ca], box[4 * ca + 1], box[4 * ca + 2], box[4 * ca + 3], (cb) => cb >= ca && chunkFeature[cb] === f);
    const s0 = L.chunkStart[ca];
    const s1 = L.chunkEnd[ca];
    for (let q = 0; q < found.length; q++) {
      const cb = found[q];
      const qx0 = box[4 * cb];
      const qy0 = box[4 * cb + 1];
      const qx1 = box[4 * cb + 2];
      const qy1 = box[4 * cb + 3];
      const t1 = L.chunkEnd[cb];
      for (let i = s0; i < s1; i++) {
        const ax = gx[i];
        const bx = gx[i + 1];
        const ix0 = ax < bx ? ax : bx;
        const ix1 = ax < bx ? bx : ax;
        if (ix0 > qx1 || ix1 < qx0) continue;
        const ay = gy[i];
        const by = gy[i + 1];
        const iy0 = ay < by ? ay : by;
        const iy1 = ay < by ? by : ay;
        if (iy0 > qy1 || iy1 < qy0) continue;
        for (let j = cb === ca ? i + 1 : L.chunkStart[cb]; j < t1; j++) {
          const cx = gx[j];
          const dx = gx[j + 1];
          if ((cx < dx ? cx : dx) > ix1 || (cx < dx ? dx : cx) < ix0) continue;
          const cy = gy[j];
          const dy = gy[j + 1];
          if ((cy < dy ? cy : dy) > iy1 || (cy < dy ? dy : cy) < iy0) continue;
          visit(i, j);
        }
      }
    }
  }
}

/**
 * Crossing parity of a ray from grid point (px, py) towards +x against every feature of a layer:
 * odd = inside. Half-open in y, so a ray through a vertex counts once, and a point on an edge
 * shared by two features lands in exactly one of them. Calls `toggle(feature)` per crossing.
 */
export function castRay(L: PolygonLayer, tree: Flatbush, px: number, py: number, toggle: (feature: number) => void): void {
  if (L.chunkCount === 0) return;
  const { gx, gy, vertexRing, ringFeature } = L;
  const found = tree.search(px, py, Infinity, py);
  for (let q = 0; q < found.length; q++) {
    const c = found[q];
    for (let s = L.chunkStart[c]; s < L.chunkEnd[c]; s++) {
      const ay = gy[s];
      const by = gy[s + 1];
      const up = ay <= py && by > py;
      if (!up && !(by <= py && ay > py)) continue;
      const ax = gx[s];
      const bx = gx[s + 1];
      if (ax < px && bx < px) continue;
      // side of p relative to a→b, exactly: crossing lies right of p when p is left of an upward edge
      const o = cross(bx - ax, by - ay, px - ax, py - ay);
      if (up ? o > 0 : o < 0) toggle(ringFeature[vertexRing[s]]);
    }
  }
}
