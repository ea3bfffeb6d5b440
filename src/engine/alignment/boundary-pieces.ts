/**
 * Area from boundary pieces (Green's theorem). The boundary of A ∩ B is made of the pieces of ∂A
 * that lie inside B and the pieces of ∂B that lie inside A; summing their shoelace terms
 * (x_i·y_{i+1} − x_{i+1}·y_i) gives twice the area of A ∩ B, without ever building the
 * intersection polygon. A piece lying on both boundaries with the same direction is counted once,
 * from the polygon of lower rank; with opposite directions it bounds nothing and is not counted.
 * The same rule extends to three polygons (ward ∩ region ∩ municipality).
 */
import { SAME_POSITION_T, type EventGroups } from './boundary-events';
import { INSIDE, ON_SAME } from './exact-grid';
import { vertexMetres, type PolygonLayer } from './polygon-layer';

const va = new Float64Array(2);
const vb = new Float64Array(2);

/** Out-parameters of a piece sum: twice the area (m²) and the length (m). */
export interface PieceSum {
  cross: number;
  length: number;
}

/**
 * Adds the piece of ring `ring` running from point 1 (on segment s1) to point 2 (on segment s2)
 * to `acc`. `wrap` means the piece passes the ring's start (always so for a piece from the last
 * event back to the first, including a lone event's full loop).
 */
export function addPiece(
  L: PolygonLayer,
  ring: number,
  s1: number,
  p1x: number,
  p1y: number,
  s2: number,
  p2x: number,
  p2y: number,
  wrap: boolean,
  acc: PieceSum,
): void {
  const { prefixCross: P, prefixLength: Q } = L;
  if (!wrap && s1 === s2) {
    acc.cross += p1x * p2y - p2x * p1y;
    acc.length += Math.sqrt((p2x - p1x) ** 2 + (p2y - p1y) ** 2);
    return;
  }
  const n1 = s1 + 1;
  vertexMetres(L, n1, va);
  vertexMetres(L, s2, vb);
  let c = p1x * va[1] - va[0] * p1y + (vb[0] * p2y - p2x * vb[1]);
  let len = Math.sqrt((va[0] - p1x) ** 2 + (va[1] - p1y) ** 2) + Math.sqrt((p2x - vb[0]) ** 2 + (p2y - vb[1]) ** 2);
  if (!wrap) {
    c += P[s2] - P[n1];
    len += Q[s2] - Q[n1];
  } else {
    const s0 = L.ringStart[ring];
    const sL = L.ringStart[ring + 1] - 1;
    c += P[sL] - P[n1] + (P[s2] - P[s0]);
    len += Q[sL] - Q[n1] + (Q[s2] - Q[s0]);
  }
  acc.cross += c;
  acc.length += len;
}

/** Whether a piece with class `cls` relative to a polygon of rank `rankOther` bounds the intersection. */
export function counts(cls: number, rankSelf: number, rankOther: number): boolean {
  return cls === INSIDE || (cls === ON_SAME && rankSelf < rankOther);
}

/** Sums the counted pieces of one event group (one ring against one other feature). */
export function groupPieces(L: PolygonLayer, G: EventGroups, g: number, rankSelf: number, rankOther: number, acc: PieceSum): void {
  const ring = G.groupRing[g];
  const k0 = G.groupStart[g];
  const k1 = G.groupStart[g + 1];
  for (let k = k0; k < k1; k++) {
    if (!counts(G.cls[k], rankSelf, rankOther)) continue;
    const next = k + 1 < k1 ? k + 1 : k0;
    addPiece(L, ring, G.seg[k], G.px[k], G.py[k], G.seg[next], G.px[next], G.py[next], next === k0, acc);
  }
}

/** The whole ring as one piece. */
export function addWholeRing(L: PolygonLayer, ring: number, acc: PieceSum): void {
  const sL = L.ringStart[ring + 1] - 1;
  acc.cross += L.prefixCross[sL];
  acc.length += L.prefixLength[sL];
}

/** One other polygon seen from a ring: its events on the ring, or a constant side when none. */
export interface Track {
  groups: EventGroups | null;
  /** group index in `groups`, or −1 for a constant side */
  group: number;
  /** side when the ring never meets the polygon: INSIDE or OUTSIDE */
  constant: number;
  rankOther: number;
}

/**
 * Sums the pieces of ring `ring` that bound the intersection with every polygon in `tracks`
 * (each piece must count against all of them). Event positions of all tracks are merged along the
 * ring; a track's class holds from its event to its next one.
 */
export function multiTrackPieces(L: PolygonLayer, ring: number, rankSelf: number, tracks: Track[], acc: PieceSum): void {
  const k = tracks.length;
  const pos = new Int32Array(k);
  const end = new Int32Array(k);
  const status = new Uint8Array(k);
  let anyEvents = false;
  for (let q = 0; q < k; q++) {
    const tr = tracks[q];
    if (tr.group < 0 || !tr.groups) {
      pos[q] = end[q] = 0;
      status[q] = tr.constant;
      if (!counts(tr.constant, rankSelf, tr.rankOther)) return; // never inside this one
      continue;
    }
    const G = tr.groups;
    pos[q] = G.groupStart[tr.group];
    end[q] = G.groupStart[tr.group + 1];
    status[q] = G.cls[end[q] - 1]; // carried round from the last event
    anyEvents = true;
  }
  if (!anyEvents) {
    addWholeRing(L, ring, acc);
    return;
  }
  // earliest pending position among tracks, −1 when all are exhausted
  const earliest = (): number => {
    let best = -1;
    for (let q = 0; q < k; q++) {
      if (pos[q] >= end[q]) continue;
      const G = tracks[q].groups!;
      if (best < 0) {
        best = q;
        continue;
      }
      const Gb = tracks[best].groups!;
      const s = G.seg[pos[q]];
      const sb = Gb.seg[pos[best]];
      if (s < sb || (s === sb && G.t[pos[q]] < Gb.t[pos[best]])) best = q;
    }
    return best;
  };
  const first = earliest();
  const fG = tracks[first].groups!;
  const firstSeg = fG.seg[pos[first]];
  const firstX = fG.px[pos[first]];
  const firstY = fG.py[pos[first]];
  let cur = first;
  while (cur >= 0) {
    const G = tracks[cur].groups!;
    const s = G.seg[pos[cur]];
    const tt = G.t[pos[cur]];
    const px = G.px[pos[cur]];
    const py = G.py[pos[cur]];
    // apply every track's event at this position
    for (let q = 0; q < k; q++) {
      if (pos[q] >= end[q]) continue;
      const Gq = tracks[q].groups!;
      if (Gq.seg[pos[q]] === s && Gq.t[pos[q]] - tt <= SAME_POSITION_T) {
        status[q] = Gq.cls[pos[q]];
        pos[q]++;
      }
    }
    let pass = true;
    for (let q = 0; q < k && pass; q++) pass = counts(status[q], rankSelf, tracks[q].rankOther);
    const nxt = earliest();
    if (pass) {
      if (nxt >= 0) {
        const Gn = tracks[nxt].groups!;
        addPiece(L, ring, s, px, py, Gn.seg[pos[nxt]], Gn.px[pos[nxt]], Gn.py[pos[nxt]], false, acc);
      } else addPiece(L, ring, s, px, py, firstSeg, firstX, firstY, true, acc);
    }
    cur = nxt;
  }
}
