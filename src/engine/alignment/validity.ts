/**
 * Validity of prepared polygons, as far as the overlay depends on it: a ring may touch itself or
 * another ring at a point (OGC allows that, and the event classification copes), but boundaries
 * must not cross or run along each other, holes must lie inside their own outer ring and outside
 * each other, and the parts of a multipolygon must not overlap. A feature failing any of these is
 * ambiguous for area (a bow-tie's lobes, doubly covered ground) and is repaired or reported.
 */
import { cross, withinBox } from './exact-grid';
import { previousVertex, type PolygonLayer } from './polygon-layer';
import { forEachNearSegmentPairWithinFeatures } from './segment-pairs';

/** 1 inside, −1 outside, 0 on the boundary of one ring (exact). */
export function pointInRingExact(L: PolygonLayer, ring: number, px: number, py: number): number {
  const { gx, gy } = L;
  let inside = false;
  for (let s = L.ringStart[ring]; s < L.ringStart[ring + 1] - 1; s++) {
    const ax = gx[s];
    const ay = gy[s];
    const bx = gx[s + 1];
    const by = gy[s + 1];
    const o = cross(bx - ax, by - ay, px - ax, py - ay);
    if (o === 0 && withinBox(ax, ay, bx, by, px, py)) return 0;
    if (ay <= py && by > py) {
      if (o > 0) inside = !inside;
    } else if (by <= py && ay > py) {
      if (o < 0) inside = !inside;
    }
  }
  return inside ? 1 : -1;
}

/**
 * Side of ring `inner` relative to ring `outer`: from its first vertex not on `outer`, else from
 * the first edge midpoint not on it (a ring may touch another at every vertex); 0 if none.
 */
function ringSide(L: PolygonLayer, inner: number, outer: number): number {
  const { gx, gy } = L;
  for (let v = L.ringStart[inner]; v < L.ringStart[inner + 1] - 1; v++) {
    const s = pointInRingExact(L, outer, gx[v], gy[v]);
    if (s !== 0) return s;
  }
  for (let v = L.ringStart[inner]; v < L.ringStart[inner + 1] - 1; v++) {
    // half-units keep the arithmetic exact
    const s = pointInRingExact(L, outer, (gx[v] + gx[v + 1]) / 2, (gy[v] + gy[v + 1]) / 2);
    if (s !== 0) return s;
  }
  return 0;
}

/** Whether w lies strictly inside the counter-clockwise sector from ray r1 to ray r2. */
function inSector(r1x: number, r1y: number, r2x: number, r2y: number, wx: number, wy: number): boolean {
  const c12 = cross(r1x, r1y, r2x, r2y);
  const a = cross(r1x, r1y, wx, wy);
  const b = cross(wx, wy, r2x, r2y);
  if (c12 > 0) return a > 0 && b > 0;
  if (c12 < 0) return a > 0 || b > 0;
  return a > 0;
}

/**
 * The boundary pass of segment s through point T (grid), as out and in rays: at the segment's
 * start, its interior, or its end (then the pass continues on the next segment).
 */
function passAt(L: PolygonLayer, s: number, tx: number, ty: number, out: Float64Array): void {
  const { gx, gy } = L;
  const ax = gx[s];
  const ay = gy[s];
  const bx = gx[s + 1];
  const by = gy[s + 1];
  if (tx === ax && ty === ay) {
    const p = previousVertex(L, s);
    out[0] = bx - ax;
    out[1] = by - ay;
    out[2] = gx[p] - ax;
    out[3] = gy[p] - ay;
  } else if (tx === bx && ty === by) {
    const r = L.vertexRing[s];
    const n = s + 2 < L.ringStart[r + 1] ? s + 2 : L.ringStart[r] + 1;
    out[0] = gx[n] - bx;
    out[1] = gy[n] - by;
    out[2] = ax - bx;
    out[3] = ay - by;
  } else {
    out[0] = bx - ax;
    out[1] = by - ay;
    out[2] = ax - bx;
    out[3] = ay - by;
  }
}

const boxesMeet = (b: Float64Array, r: number, q: number) =>
  b[4 * r] <= b[4 * q + 2] && b[4 * q] <= b[4 * r + 2] && b[4 * r + 1] <= b[4 * q + 3] && b[4 * q + 1] <= b[4 * r + 3];

/** Features that are not valid, with a short reason each. */
export function findInvalidFeatures(L: PolygonLayer): Map<number, string> {
  const invalid = new Map<number, string>();
  const { gx, gy, vertexRing, ringStart, ringFeature } = L;
  const p1 = new Float64Array(4);
  const p2 = new Float64Array(4);
  /** two passes through T cross (rather than touch) when their rays interleave */
  const crossAt = (i: number, j: number, tx: number, ty: number): boolean => {
    passAt(L, i, tx, ty, p1);
    passAt(L, j, tx, ty, p2);
    return inSector(p1[0], p1[1], p1[2], p1[3], p2[0], p2[1]) !== inSector(p1[0], p1[1], p1[2], p1[3], p2[2], p2[3]);
  };
  forEachNearSegmentPairWithinFeatures(L, (i, j) => {
    const f = ringFeature[vertexRing[i]];
    if (invalid.has(f)) return;
    const ri = vertexRing[i];
    const rj = vertexRing[j];
    if (ri === rj) {
      // neighbours along the ring share a vertex by construction
      if (j === i + 1) return;
      if (i === ringStart[ri] && j === ringStart[ri + 1] - 2) return;
    }
    const ax = gx[i];
    const ay = gy[i];
    const bx = gx[i + 1];
    const by = gy[i + 1];
    const cx = gx[j];
    const cy = gy[j];
    const dx = gx[j + 1];
    const dy = gy[j + 1];
    const o1 = cross(bx - ax, by - ay, cx - ax, cy - ay);
    const o2 = cross(bx - ax, by - ay, dx - ax, dy - ay);
    if ((o1 > 0 && o2 > 0) || (o1 < 0 && o2 < 0)) return;
    const o3 = cross(dx - cx, dy - cy, ax - cx, ay - cy);
    const o4 = cross(dx - cx, dy - cy, bx - cx, by - cy);
    if ((o3 > 0 && o4 > 0) || (o3 < 0 && o4 < 0)) return;
    if (o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) {
      invalid.set(f, ri === rj ? 'a ring crosses itself' : 'two rings cross');
      return;
    }
    if (!(o1 === 0 && o2 === 0)) {
      // touching at a point: fine unless the boundary passes through it crosswise
      let tx: number;
      let ty: number;
      if (o1 === 0 && withinBox(ax, ay, bx, by, cx, cy)) [tx, ty] = [cx, cy];
      else if (o2 === 0 && withinBox(ax, ay, bx, by, dx, dy)) [tx, ty] = [dx, dy];
      else if (o3 === 0 && withinBox(cx, cy, dx, dy, ax, ay)) [tx, ty] = [ax, ay];
      else [tx, ty] = [bx, by];
      if (crossAt(i, j, tx, ty)) invalid.set(f, ri === rj ? 'a ring crosses itself at a vertex' : 'two rings cross at a vertex');
      return;
    }
    {
      // collinear: invalid when they share more than a point
      const strictlyIn = (p1x: number, p1y: number, p2x: number, p2y: number, qx: number, qy: number) =>
        withinBox(p1x, p1y, p2x, p2y, qx, qy) && !(qx === p1x && qy === p1y) && !(qx === p2x && qy === p2y);
      const same = (ax === cx && ay === cy && bx === dx && by === dy) || (ax === dx && ay === dy && bx === cx && by === cy);
      if (same || strictlyIn(ax, ay, bx, by, cx, cy) || strictlyIn(ax, ay, bx, by, dx, dy) || strictlyIn(cx, cy, dx, dy, ax, ay) || strictlyIn(cx, cy, dx, dy, bx, by))
        invalid.set(f, 'boundaries run along each other');
    }
  });

  // nesting of rings within multi-ring features
  for (let f = 0; f < L.featureCount; f++) {
    if (invalid.has(f)) continue;
    const r0 = L.featureRingStart[f];
    const r1 = L.featureRingStart[f + 1];
    if (r1 - r0 < 2) continue;
    const outerOf = new Int32Array(r1 - r0);
    let o = -1;
    for (let r = r0; r < r1; r++) {
      if (!L.ringIsHole[r]) o = r;
      outerOf[r - r0] = o;
    }
    let reason = '';
    for (let r = r0; r < r1 && !reason; r++) {
      if (!L.ringIsHole[r]) continue;
      const outer = outerOf[r - r0];
      if (!boxesMeet(L.ringBox, r, outer) || ringSide(L, r, outer) < 0) reason = 'a hole lies outside its polygon';
      for (let h = outer + 1; h < r1 && !reason && outerOf[h - r0] === outer; h++) {
        if (h !== r && L.ringIsHole[h] && boxesMeet(L.ringBox, r, h) && ringSide(L, r, h) > 0) reason = 'holes overlap';
      }
    }
    // parts must not overlap: a part's outer ring inside another part must sit in one of its holes
    for (let p = r0; p < r1 && !reason; p++) {
      if (L.ringIsHole[p]) continue;
      for (let q = r0; q < r1 && !reason; q++) {
        if (q === p || L.ringIsHole[q] || !boxesMeet(L.ringBox, p, q)) continue;
        if (ringSide(L, q, p) <= 0) continue;
        let inHole = false;
        for (let h = p + 1; h < r1 && L.ringIsHole[h] && outerOf[h - r0] === p; h++) {
          if (boxesMeet(L.ringBox, q, h) && ringSide(L, q, h) > 0) inHole = true;
        }
        if (!inHole) reason = 'parts of the multipolygon overlap';
      }
    }
    if (reason) invalid.set(f, reason);
  }
  return invalid;
}
