/**
 * Area and perimeter of A ∩ B for every pair of features of two polygon layers, from boundary
 * events and prefix sums (no intersection polygons are built). Rings that never meet a feature
 * whose box holds them are either wholly inside or wholly outside it; one ray per such ring says
 * which.
 */
import Flatbush from 'flatbush';
import { collectBoundaryEvents, findGroup, groupEvents, type EventGroups } from './boundary-events';
import { addWholeRing, groupPieces, type PieceSum } from './boundary-pieces';
import type { EqualAreaFrame } from './equal-area';
import type { PolygonLayer } from './polygon-layer';
import { castRay } from './segment-pairs';

export interface PairOverlay {
  pairCount: number;
  /** feature of A and feature of B of each pair */
  a: Uint32Array;
  b: Uint32Array;
  areaM2: Float64Array;
  /** perimeter of the intersection, metres */
  perimeterM: Float64Array;
  /** feature pairs whose boxes meet (the pairs the spatial index lets through) */
  featurePairsTested: number;
  segmentPairsTested: number;
  eventsOnA: EventGroups;
  eventsOnB: EventGroups;
  rankA: number;
  rankB: number;
}

interface PairAccumulator {
  index: Map<number, number>;
  a: number[];
  b: number[];
  cross: number[];
  length: number[];
  stride: number;
}

function addPair(acc: PairAccumulator, a: number, b: number, sum: PieceSum): void {
  const key = a * acc.stride + b;
  let k = acc.index.get(key);
  if (k === undefined) {
    k = acc.a.length;
    acc.index.set(key, k);
    acc.a.push(a);
    acc.b.push(b);
    acc.cross.push(0);
    acc.length.push(0);
  }
  acc.cross[k] += sum.cross;
  acc.length[k] += sum.length;
}

/** Pieces of each ring of X bounding X ∩ (feature of Y); `swap` files them under (Y, X) pairs. */
function accumulateSide(X: PolygonLayer, Y: PolygonLayer, G: EventGroups, rankX: number, rankY: number, acc: PairAccumulator, swap: boolean): void {
  const sum: PieceSum = { cross: 0, length: 0 };
  const file = (fx: number, fy: number) => (swap ? addPair(acc, fy, fx, sum) : addPair(acc, fx, fy, sum));
  for (let g = 0; g < G.groupCount; g++) {
    sum.cross = 0;
    sum.length = 0;
    groupPieces(X, G, g, rankX, rankY, sum);
    file(X.ringFeature[G.groupRing[g]], G.groupOther[g]);
  }
  // rings meeting no boundary of a feature whose box contains them
  if (Y.featureCount === 0) return;
  const featureTree = Flatbush.from(Y.featureIndex);
  const chunkTree = Flatbush.from(Y.chunkIndex);
  const parity = new Uint8Array(Y.featureCount);
  const seen = new Uint8Array(Y.featureCount);
  const touched: number[] = [];
  const toggle = (f: number) => {
    if (seen[f] === 0) {
      seen[f] = 1;
      touched.push(f);
    }
    parity[f] ^= 1;
  };
  const fb = Y.featureBox;
  for (let r = 0; r < X.ringCount; r++) {
    const x0 = X.ringBox[4 * r];
    const y0 = X.ringBox[4 * r + 1];
    const x1 = X.ringBox[4 * r + 2];
    const y1 = X.ringBox[4 * r + 3];
    const candidates = featureTree.search(x0, y0, x1, y1, (f) => fb[4 * f] <= x0 && fb[4 * f + 1] <= y0 && fb[4 * f + 2] >= x1 && fb[4 * f + 3] >= y1 && findGroup(G, r, f) < 0);
    if (candidates.length === 0) continue;
    const v = X.ringStart[r];
    castRay(Y, chunkTree, X.gx[v], X.gy[v], toggle);
    for (const f of candidates) {
      if (parity[f] !== 1) continue;
      sum.cross = 0;
      sum.length = 0;
      addWholeRing(X, r, sum);
      file(X.ringFeature[r], f);
    }
    for (const f of touched) parity[f] = seen[f] = 0;
    touched.length = 0;
  }
}

/** Counts feature pairs whose boxes meet. */
export function countFeaturePairs(A: PolygonLayer, B: PolygonLayer): number {
  if (A.featureCount === 0 || B.featureCount === 0) return 0;
  const tree = Flatbush.from(B.featureIndex);
  let n = 0;
  for (let f = 0; f < A.featureCount; f++) {
    if (A.featureRingStart[f] === A.featureRingStart[f + 1]) continue;
    n += tree.search(A.featureBox[4 * f], A.featureBox[4 * f + 1], A.featureBox[4 * f + 2], A.featureBox[4 * f + 3]).length;
  }
  return n;
}

/**
 * Overlays layer A (rank `rankA`) on layer B (rank `rankB`, different). Returns every pair met by
 * a boundary piece or a contained ring — including pairs whose area rounds to zero; callers drop
 * those below their own threshold.
 */
export function overlayAreas(A: PolygonLayer, B: PolygonLayer, frame: EqualAreaFrame, rankA = 0, rankB = 1): PairOverlay {
  const raw = collectBoundaryEvents(A, B, frame);
  const eventsOnA = groupEvents(A, raw.onA, raw.overlapsOnA, B.featureCount);
  const eventsOnB = groupEvents(B, raw.onB, raw.overlapsOnB, A.featureCount);
  const acc: PairAccumulator = { index: new Map(), a: [], b: [], cross: [], length: [], stride: B.featureCount };
  accumulateSide(A, B, eventsOnA, rankA, rankB, acc, false);
  accumulateSide(B, A, eventsOnB, rankB, rankA, acc, true);
  const n = acc.a.length;
  const areaM2 = new Float64Array(n);
  const perimeterM = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    areaM2[k] = acc.cross[k] / 2;
    perimeterM[k] = acc.length[k];
  }
  return {
    pairCount: n,
    a: Uint32Array.from(acc.a),
    b: Uint32Array.from(acc.b),
    areaM2,
    perimeterM,
    featurePairsTested: countFeaturePairs(A, B),
    segmentPairsTested: raw.segmentPairsTested,
    eventsOnA,
    eventsOnB,
    rankA,
    rankB,
  };
}
