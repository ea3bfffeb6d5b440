/**
 * Area of W ∩ R ∩ M for chosen triples of features of three layers (wards, regions,
 * municipalities), from the boundary events of the three pairwise overlays. Each ring of each of
 * the three features contributes the pieces that lie inside (or, by rank, on) both of the other
 * two — the pairwise rule of boundary-pieces carried to three polygons.
 */
import Flatbush from 'flatbush';
import { findGroup } from './boundary-events';
import { multiTrackPieces, type PieceSum, type Track } from './boundary-pieces';
import { INSIDE, OUTSIDE } from './exact-grid';
import type { PairOverlay } from './overlay-areas';
import type { PolygonLayer } from './polygon-layer';
import { castRay } from './segment-pairs';

/** A layer in a three-way overlay, with the pairwise overlays it took part in. */
interface Side {
  layer: PolygonLayer;
  rank: number;
}

/**
 * Ray-parity membership of rings, cached: which features of `of` contain ring r of `ring`
 * (asked only for rings that never meet that feature's boundary).
 */
function ringInsideCache(ring: PolygonLayer, of: PolygonLayer) {
  const cache = new Map<number, Set<number>>();
  const tree = of.chunkCount ? Flatbush.from(of.chunkIndex) : null;
  return (r: number, feature: number): boolean => {
    const rb = ring.ringBox;
    const fb = of.featureBox;
    if (!(fb[4 * feature] <= rb[4 * r] && fb[4 * feature + 1] <= rb[4 * r + 1] && fb[4 * feature + 2] >= rb[4 * r + 2] && fb[4 * feature + 3] >= rb[4 * r + 3])) return false;
    let set = cache.get(r);
    if (!set) {
      const odd = new Set<number>();
      const v = ring.ringStart[r];
      if (tree) castRay(of, tree, ring.gx[v], ring.gy[v], (f) => (odd.has(f) ? odd.delete(f) : odd.add(f)));
      cache.set(r, (set = odd));
    }
    return set.has(feature);
  };
}

export interface TripleInput {
  /** layers in rank order is not required; ranks decide shared-boundary ownership */
  w: Side;
  r: Side;
  m: Side;
  /** overlays with A/B roles: rm = (R, M), rw = (R, W), mw = (M, W) */
  rm: PairOverlay;
  rw: PairOverlay;
  mw: PairOverlay;
}

/** Areas (m²) of w ∩ r ∩ m for each triple (parallel arrays of feature indices). */
export function tripleAreas(input: TripleInput, tw: Uint32Array, tr: Uint32Array, tm: Uint32Array): Float64Array {
  const { w, r, m, rm, rw, mw } = input;
  const wInR = ringInsideCache(w.layer, r.layer);
  const wInM = ringInsideCache(w.layer, m.layer);
  const rInW = ringInsideCache(r.layer, w.layer);
  const rInM = ringInsideCache(r.layer, m.layer);
  const mInR = ringInsideCache(m.layer, r.layer);
  const mInW = ringInsideCache(m.layer, w.layer);
  const out = new Float64Array(tw.length);
  const sum: PieceSum = { cross: 0, length: 0 };
  const t1: Track = { groups: null, group: -1, constant: OUTSIDE, rankOther: 0 };
  const t2: Track = { groups: null, group: -1, constant: OUTSIDE, rankOther: 0 };
  const tracks = [t1, t2];
  const setTrack = (t: Track, groups: PairOverlay['eventsOnA'], ring: number, feature: number, rank: number, inside: (ring: number, f: number) => boolean) => {
    t.groups = groups;
    t.group = findGroup(groups, ring, feature);
    t.rankOther = rank;
    t.constant = t.group < 0 && inside(ring, feature) ? INSIDE : OUTSIDE;
  };
  for (let k = 0; k < tw.length; k++) {
    const fw = tw[k];
    const fr = tr[k];
    const fm = tm[k];
    sum.cross = 0;
    sum.length = 0;
    const W = w.layer;
    for (let ring = W.featureRingStart[fw]; ring < W.featureRingStart[fw + 1]; ring++) {
      setTrack(t1, rw.eventsOnB, ring, fr, r.rank, wInR);
      setTrack(t2, mw.eventsOnB, ring, fm, m.rank, wInM);
      multiTrackPieces(W, ring, w.rank, tracks, sum);
    }
    const R = r.layer;
    for (let ring = R.featureRingStart[fr]; ring < R.featureRingStart[fr + 1]; ring++) {
      setTrack(t1, rm.eventsOnA, ring, fm, m.rank, rInM);
      setTrack(t2, rw.eventsOnA, ring, fw, w.rank, rInW);
      multiTrackPieces(R, ring, r.rank, tracks, sum);
    }
    const M = m.layer;
    for (let ring = M.featureRingStart[fm]; ring < M.featureRingStart[fm + 1]; ring++) {
      setTrack(t1, rm.eventsOnB, ring, fr, r.rank, mInR);
      setTrack(t2, mw.eventsOnA, ring, fw, w.rank, mInW);
      multiTrackPieces(M, ring, m.rank, tracks, sum);
    }
    out[k] = sum.cross / 2;
  }
  return out;
}
