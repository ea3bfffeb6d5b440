/**
 * Road vertices in growable typed arrays (a million nodes as objects would cost ~10× the memory),
 * with a bucket grid for "nearest existing vertex" queries: tracks and village roads join the
 * network at an existing vertex, which is what makes junctions share exact coordinates.
 */
import { PLANE_HALF_HEIGHT_KM, PLANE_HALF_WIDTH_KM } from './projection';

export interface NodeStore {
  xs: Float64Array;
  ys: Float64Array;
  count: number;
  /** bucket grid over the plane: head node per cell, then a linked list through `next` */
  cellKm: number;
  cols: number;
  rows: number;
  heads: Int32Array;
  next: Int32Array;
}

const PAD_KM = 20;

export function makeNodeStore(expectedNodes: number, cellKm = 0.5): NodeStore {
  const cols = Math.ceil((2 * (PLANE_HALF_WIDTH_KM + PAD_KM)) / cellKm);
  const rows = Math.ceil((2 * (PLANE_HALF_HEIGHT_KM + PAD_KM)) / cellKm);
  const capacity = Math.max(1024, Math.ceil(expectedNodes * 1.2));
  return {
    xs: new Float64Array(capacity),
    ys: new Float64Array(capacity),
    count: 0,
    cellKm,
    cols,
    rows,
    heads: new Int32Array(cols * rows).fill(-1),
    next: new Int32Array(capacity), // set when a node is indexed
  };
}

function grow(store: NodeStore): void {
  const capacity = store.xs.length * 2;
  const xs = new Float64Array(capacity);
  xs.set(store.xs);
  const ys = new Float64Array(capacity);
  ys.set(store.ys);
  const next = new Int32Array(capacity);
  next.set(store.next);
  store.xs = xs;
  store.ys = ys;
  store.next = next;
}

function cellOf(store: NodeStore, x: number, y: number): number {
  const cx = Math.min(store.cols - 1, Math.max(0, Math.floor((x + PLANE_HALF_WIDTH_KM + PAD_KM) / store.cellKm)));
  const cy = Math.min(store.rows - 1, Math.max(0, Math.floor((y + PLANE_HALF_HEIGHT_KM + PAD_KM) / store.cellKm)));
  return cy * store.cols + cx;
}

/** adds a vertex; `indexed: false` keeps it out of nearest queries until `indexNode` */
export function addNode(store: NodeStore, x: number, y: number, indexed = true): number {
  if (store.count === store.xs.length) grow(store);
  const id = store.count++;
  store.xs[id] = x;
  store.ys[id] = y;
  if (indexed) indexNode(store, id);
  return id;
}

export function indexNode(store: NodeStore, id: number): void {
  const c = cellOf(store, store.xs[id], store.ys[id]);
  store.next[id] = store.heads[c];
  store.heads[c] = id;
}

/** the indexed vertex nearest (x, y), searching at most `maxKm` away; −1 if none */
export function nearestNode(store: NodeStore, x: number, y: number, maxKm = Infinity): number {
  const cs = store.cellKm;
  const cx = Math.floor((x + PLANE_HALF_WIDTH_KM + PAD_KM) / cs);
  const cy = Math.floor((y + PLANE_HALF_HEIGHT_KM + PAD_KM) / cs);
  let best = -1;
  let bestD2 = Infinity;
  const maxRing = Math.min(Math.max(store.cols, store.rows), Math.ceil(maxKm / cs) + 1);
  for (let ring = 0; ring <= maxRing; ring++) {
    // every vertex in a further ring is at least (ring − 1)·cell away
    const floor = (ring - 1) * cs;
    if (best >= 0 && floor * floor > bestD2) break;
    for (let gy = cy - ring; gy <= cy + ring; gy++) {
      if (gy < 0 || gy >= store.rows) continue;
      const edgeRow = gy === cy - ring || gy === cy + ring;
      for (let gx = cx - ring; gx <= cx + ring; gx += edgeRow ? 1 : 2 * ring) {
        if (gx < 0 || gx >= store.cols) continue;
        for (let n = store.heads[gy * store.cols + gx]; n >= 0; n = store.next[n]) {
          const dx = store.xs[n] - x;
          const dy = store.ys[n] - y;
          const d2 = dx * dx + dy * dy;
          if (d2 < bestD2) {
            bestD2 = d2;
            best = n;
          }
        }
        if (ring === 0) break;
      }
    }
  }
  return bestD2 <= maxKm * maxKm ? best : -1;
}
