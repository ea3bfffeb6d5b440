/**
 * Where the boundary of one layer meets the boundary of another, as events along each boundary.
 *
 * An event sits at a position along a segment (segment id, parameter t in [0, 1)) and records the
 * other polygon's boundary rays at that point. Three cases make every meeting point an event:
 * a proper crossing; a vertex of the other boundary lying on this segment (including on its start);
 * and this segment's start lying inside one of the other boundary's segments. The side of the other
 * polygon on which this boundary continues after the event is then decided exactly from directions
 * alone (see `classifyDirection`), so shared edges, shared vertices and T-junctions — the normal
 * state of boundaries digitised from a common source — need no tolerance.
 */
import { classifyDirection, cross, fromGrid, withinBox, type SideClass } from './exact-grid';
import { projectEqualArea, type EqualAreaFrame } from './equal-area';
import { forEachNearSegmentPair } from './segment-pairs';
import { previousVertex, vertexMetres, type PolygonLayer } from './polygon-layer';

/** Growable struct-of-arrays of raw events on one layer's segments. */
export interface EventBuffer {
  count: number;
  seg: Uint32Array;
  other: Uint32Array;
  t: Float64Array;
  /** the meeting point in equal-area metres (shared by both sides, so boundary pieces join exactly) */
  px: Float64Array;
  py: Float64Array;
  /** per event: outgoing ray x, y, incoming ray x, y of the other boundary (grid units) */
  rays: Float64Array;
}

function eventBuffer(capacity = 1024): EventBuffer {
  return {
    count: 0,
    seg: new Uint32Array(capacity),
    other: new Uint32Array(capacity),
    t: new Float64Array(capacity),
    px: new Float64Array(capacity),
    py: new Float64Array(capacity),
    rays: new Float64Array(4 * capacity),
  };
}

function grow(b: EventBuffer): void {
  const cap = b.seg.length * 2;
  const g = <T extends Float64Array | Uint32Array>(a: T, k = 1): T => {
    const c = new (a.constructor as { new (n: number): T })(cap * k);
    c.set(a);
    return c;
  };
  b.seg = g(b.seg);
  b.other = g(b.other);
  b.t = g(b.t);
  b.px = g(b.px);
  b.py = g(b.py);
  b.rays = g(b.rays, 4);
}

function push(b: EventBuffer, seg: number, t: number, other: number, px: number, py: number, ox: number, oy: number, ix: number, iy: number): void {
  if (b.count === b.seg.length) grow(b);
  const k = b.count++;
  b.seg[k] = seg;
  b.t[k] = t;
  b.other[k] = other;
  b.px[k] = px;
  b.py[k] = py;
  b.rays[4 * k] = ox;
  b.rays[4 * k + 1] = oy;
  b.rays[4 * k + 2] = ix;
  b.rays[4 * k + 3] = iy;
}

/**
 * Stretches where a segment runs along a segment of the other layer (collinear overlap), as
 * parameters [t0, t1] along this segment and the other segment's direction. An event of another
 * pass of the same feature inside such a stretch must also see this pass's rays — e.g. a polygon
 * whose edge carries, mid-edge, the corner of its own second part.
 */
export interface OverlapBuffer {
  count: number;
  seg: Uint32Array;
  other: Uint32Array;
  t0: Float64Array;
  t1: Float64Array;
  dx: Float64Array;
  dy: Float64Array;
}

function overlapBuffer(capacity = 256): OverlapBuffer {
  return {
    count: 0,
    seg: new Uint32Array(capacity),
    other: new Uint32Array(capacity),
    t0: new Float64Array(capacity),
    t1: new Float64Array(capacity),
    dx: new Float64Array(capacity),
    dy: new Float64Array(capacity),
  };
}

function pushOverlap(o: OverlapBuffer, seg: number, other: number, t0: number, t1: number, dx: number, dy: number): void {
  if (o.count === o.seg.length) {
    const cap = o.count * 2;
    const g = <T extends Float64Array | Uint32Array>(a: T): T => {
      const c = new (a.constructor as { new (n: number): T })(cap);
      c.set(a);
      return c;
    };
    o.seg = g(o.seg);
    o.other = g(o.other);
    o.t0 = g(o.t0);
    o.t1 = g(o.t1);
    o.dx = g(o.dx);
    o.dy = g(o.dy);
  }
  const k = o.count++;
  o.seg[k] = seg;
  o.other[k] = other;
  o.t0[k] = t0;
  o.t1[k] = t1;
  o.dx[k] = dx;
  o.dy[k] = dy;
}

export interface RawEvents {
  onA: EventBuffer;
  onB: EventBuffer;
  overlapsOnA: OverlapBuffer;
  overlapsOnB: OverlapBuffer;
  segmentPairsTested: number;
}

/** All meeting points of the boundaries of layers A and B, as events on each. */
export function collectBoundaryEvents(A: PolygonLayer, B: PolygonLayer, frame: EqualAreaFrame): RawEvents {
  const onA = eventBuffer();
  const onB = eventBuffer();
  const overlapsOnA = overlapBuffer();
  const overlapsOnB = overlapBuffer();
  const xy = new Float64Array(2);
  const { gx: agx, gy: agy, ringFeature: aRingFeature, vertexRing: aVertexRing } = A;
  const { gx: bgx, gy: bgy, ringFeature: bRingFeature, vertexRing: bVertexRing } = B;

  const segmentPairsTested = forEachNearSegmentPair(A, B, (i, j) => {
    const ax = agx[i];
    const ay = agy[i];
    const bx = agx[i + 1];
    const by = agy[i + 1];
    const cx = bgx[j];
    const cy = bgy[j];
    const dx = bgx[j + 1];
    const dy = bgy[j + 1];
    const abx = bx - ax;
    const aby = by - ay;
    const o1 = cross(abx, aby, cx - ax, cy - ay);
    const o2 = cross(abx, aby, dx - ax, dy - ay);
    if ((o1 > 0 && o2 > 0) || (o1 < 0 && o2 < 0)) return;
    const cdx = dx - cx;
    const cdy = dy - cy;
    const o3 = cross(cdx, cdy, ax - cx, ay - cy);
    const o4 = cross(cdx, cdy, bx - cx, by - cy);
    if ((o3 > 0 && o4 > 0) || (o3 < 0 && o4 < 0)) return;
    const fA = aRingFeature[aVertexRing[i]];
    const fB = bRingFeature[bVertexRing[j]];
    if (o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) {
      // proper crossing at interior points of both segments
      const t = o3 / (o3 - o4);
      const u = o1 / (o1 - o2);
      projectEqualArea(frame, fromGrid(ax + t * abx), fromGrid(ay + t * aby), xy);
      push(onA, i, t, fB, xy[0], xy[1], cdx, cdy, -cdx, -cdy);
      push(onB, j, u, fA, xy[0], xy[1], abx, aby, -abx, -aby);
      return;
    }
    if (o1 === 0 && o2 === 0) {
      // collinear: record the shared stretch on both segments, if it is longer than a point
      const ab2 = abx * abx + aby * aby;
      const cd2 = cdx * cdx + cdy * cdy;
      const tc = ((cx - ax) * abx + (cy - ay) * aby) / ab2;
      const td = ((dx - ax) * abx + (dy - ay) * aby) / ab2;
      const t0 = Math.max(0, Math.min(tc, td));
      const t1 = Math.min(1, Math.max(tc, td));
      if (t1 > t0) {
        pushOverlap(overlapsOnA, i, fB, t0, t1, cdx, cdy);
        const ua = ((ax - cx) * cdx + (ay - cy) * cdy) / cd2;
        const ub = ((bx - cx) * cdx + (by - cy) * cdy) / cd2;
        pushOverlap(overlapsOnB, j, fA, Math.max(0, Math.min(ua, ub)), Math.min(1, Math.max(ua, ub)), abx, aby);
      }
    }
    // c on [a, b): a vertex of B on this segment of A
    if (o1 === 0 && withinBox(ax, ay, bx, by, cx, cy) && !(cx === bx && cy === by)) {
      const atA = cx === ax && cy === ay;
      const t = atA ? 0 : ((cx - ax) * abx + (cy - ay) * aby) / (abx * abx + aby * aby);
      const pj = previousVertex(B, j);
      vertexMetres(B, j, xy);
      push(onA, i, t, fB, xy[0], xy[1], cdx, cdy, bgx[pj] - cx, bgy[pj] - cy);
      if (!atA) push(onB, j, 0, fA, xy[0], xy[1], abx, aby, -abx, -aby);
    }
    // a on [c, d): this segment of A starts on a segment of B
    if (o3 === 0 && withinBox(cx, cy, dx, dy, ax, ay) && !(ax === dx && ay === dy)) {
      const atC = ax === cx && ay === cy;
      const u = atC ? 0 : ((ax - cx) * cdx + (ay - cy) * cdy) / (cdx * cdx + cdy * cdy);
      const pi = previousVertex(A, i);
      vertexMetres(A, i, xy);
      push(onB, j, u, fA, xy[0], xy[1], abx, aby, agx[pi] - ax, agy[pi] - ay);
      if (!atC) push(onA, i, 0, fB, xy[0], xy[1], cdx, cdy, -cdx, -cdy);
    }
  });
  return { onA, onB, overlapsOnA, overlapsOnB, segmentPairsTested };
}

/** Events at positions closer than this (as a fraction of one segment) are one meeting point. */
export const SAME_POSITION_T = 1e-12;

/**
 * Events of one layer grouped by (ring, other feature), ordered along the ring, with events at the
 * same point merged and classified: `cls[k]` is where the ring runs, relative to the other
 * feature, from event k to the next event of its group.
 */
export interface EventGroups {
  count: number;
  seg: Uint32Array;
  t: Float64Array;
  px: Float64Array;
  py: Float64Array;
  cls: Uint8Array;
  groupCount: number;
  groupRing: Uint32Array;
  groupOther: Uint32Array;
  /** groupCount + 1 offsets into the events */
  groupStart: Uint32Array;
  /** ringCount + 1 offsets into the groups */
  ringGroupStart: Uint32Array;
}

function countingSort(order: Uint32Array, key: (e: number) => number, keyCount: number): Uint32Array {
  const counts = new Uint32Array(keyCount + 1);
  for (let k = 0; k < order.length; k++) counts[key(order[k]) + 1]++;
  for (let k = 0; k < keyCount; k++) counts[k + 1] += counts[k];
  const out = new Uint32Array(order.length);
  for (let k = 0; k < order.length; k++) out[counts[key(order[k])]++] = order[k];
  return out;
}

export function groupEvents(L: PolygonLayer, b: EventBuffer, overlaps: OverlapBuffer, otherFeatureCount: number): EventGroups {
  const n = b.count;
  // overlaps by segment (CSR), for lookup while classifying
  const ovStart = new Uint32Array(L.vertexCount + 1);
  for (let k = 0; k < overlaps.count; k++) ovStart[overlaps.seg[k] + 1]++;
  for (let v = 0; v < L.vertexCount; v++) ovStart[v + 1] += ovStart[v];
  const ovOrder = new Uint32Array(overlaps.count);
  {
    const cur = ovStart.slice(0, L.vertexCount);
    for (let k = 0; k < overlaps.count; k++) ovOrder[cur[overlaps.seg[k]]++] = k;
  }
  const { seg, t, other } = b;
  // by segment (hence by ring and along it), then by t within a segment
  let order: Uint32Array = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  order = countingSort(order, (e) => seg[e], L.vertexCount);
  for (let k = 1; k < n; k++) {
    const e = order[k];
    const s = seg[e];
    const te = t[e];
    let m = k - 1;
    while (m >= 0 && seg[order[m]] === s && t[order[m]] > te) {
      order[m + 1] = order[m];
      m--;
    }
    order[m + 1] = e;
  }
  // stable passes: by other feature, then by ring → (ring, other, seg, t)
  order = countingSort(order, (e) => other[e], otherFeatureCount);
  const vr = L.vertexRing;
  order = countingSort(order, (e) => vr[seg[e]], L.ringCount);

  const oSeg = new Uint32Array(n);
  const oT = new Float64Array(n);
  const oPx = new Float64Array(n);
  const oPy = new Float64Array(n);
  const oCls = new Uint8Array(n);
  const gRing: number[] = [];
  const gOther: number[] = [];
  const gStart: number[] = [];
  let raysBuf = new Float64Array(3 * 64);
  let m = 0;
  let k = 0;
  while (k < n) {
    const e0 = order[k];
    const s = seg[e0];
    const ring = vr[s];
    const oth = other[e0];
    if (gRing.length === 0 || gRing[gRing.length - 1] !== ring || gOther[gOther.length - 1] !== oth) {
      gRing.push(ring);
      gOther.push(oth);
      gStart.push(m);
    }
    // merge the run of events at the same point of the same group
    let rayCount = 0;
    let k2 = k;
    while (k2 < n) {
      const e = order[k2];
      if (seg[e] !== s || other[e] !== oth || t[e] - t[e0] > SAME_POSITION_T) break;
      if (3 * (rayCount + 2) > raysBuf.length) {
        const bigger = new Float64Array(raysBuf.length * 2);
        bigger.set(raysBuf);
        raysBuf = bigger;
      }
      raysBuf[3 * rayCount] = b.rays[4 * e];
      raysBuf[3 * rayCount + 1] = b.rays[4 * e + 1];
      raysBuf[3 * rayCount + 2] = 1;
      raysBuf[3 * rayCount + 3] = b.rays[4 * e + 2];
      raysBuf[3 * rayCount + 4] = b.rays[4 * e + 3];
      raysBuf[3 * rayCount + 5] = 0;
      rayCount += 2;
      k2++;
    }
    if (ovStart[s] < ovStart[s + 1]) {
      const te = t[e0];
      for (let q = ovStart[s]; q < ovStart[s + 1]; q++) {
        const o = ovOrder[q];
        // strictly inside the stretch: at its ends the corner events carry the right rays
        if (overlaps.other[o] !== oth || te <= overlaps.t0[o] + SAME_POSITION_T || te >= overlaps.t1[o] - SAME_POSITION_T) continue;
        if (3 * (rayCount + 2) > raysBuf.length) {
          const bigger = new Float64Array(raysBuf.length * 2);
          bigger.set(raysBuf);
          raysBuf = bigger;
        }
        raysBuf[3 * rayCount] = overlaps.dx[o];
        raysBuf[3 * rayCount + 1] = overlaps.dy[o];
        raysBuf[3 * rayCount + 2] = 1;
        raysBuf[3 * rayCount + 3] = -overlaps.dx[o];
        raysBuf[3 * rayCount + 4] = -overlaps.dy[o];
        raysBuf[3 * rayCount + 5] = 0;
        rayCount += 2;
      }
    }
    const vx = L.gx[s + 1] - L.gx[s];
    const vy = L.gy[s + 1] - L.gy[s];
    oSeg[m] = s;
    oT[m] = t[e0];
    oPx[m] = b.px[e0];
    oPy[m] = b.py[e0];
    oCls[m] = classifyDirection(vx, vy, raysBuf, rayCount) as SideClass;
    m++;
    k = k2;
  }
  const groupCount = gRing.length;
  const groupStart = new Uint32Array(groupCount + 1);
  groupStart.set(gStart);
  groupStart[groupCount] = m;
  const ringGroupStart = new Uint32Array(L.ringCount + 1);
  for (let g = 0; g < groupCount; g++) ringGroupStart[gRing[g] + 1]++;
  for (let r = 0; r < L.ringCount; r++) ringGroupStart[r + 1] += ringGroupStart[r];
  return {
    count: m,
    seg: oSeg.slice(0, m),
    t: oT.slice(0, m),
    px: oPx.slice(0, m),
    py: oPy.slice(0, m),
    cls: oCls.slice(0, m),
    groupCount,
    groupRing: Uint32Array.from(gRing),
    groupOther: Uint32Array.from(gOther),
    groupStart,
    ringGroupStart,
  };
}

/** Index of the group of (ring, other), or −1 when the ring never meets that feature. */
export function findGroup(G: EventGroups, ring: number, other: number): number {
  let lo = G.ringGroupStart[ring];
  let hi = G.ringGroupStart[ring + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const o = G.groupOther[mid];
    if (o === other) return mid;
    if (o < other) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
