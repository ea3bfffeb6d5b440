/**
 * Which features of a polygon layer hold each point, by one ray per point against the layer's
 * chunk index (crossing parity per feature). Overlapping features — the regions of different
 * departments all cover the province — are all reported. A point exactly on a boundary shared by
 * two features lands in one of them (see castRay).
 */
import Flatbush from 'flatbush';
import { toGrid } from './exact-grid';
import type { PolygonLayer } from './polygon-layer';
import { castRay } from './segment-pairs';

/** Containing features per point, CSR: features of point i are feature[start[i] … start[i+1]). */
export interface PointMembership {
  start: Uint32Array;
  feature: Uint32Array;
}

export function assignPoints(L: PolygonLayer, lon: Float64Array, lat: Float64Array): PointMembership {
  const n = lon.length;
  const start = new Uint32Array(n + 1);
  const out: number[] = [];
  if (L.chunkCount === 0 || L.featureCount === 0) return { start, feature: new Uint32Array(0) };
  const tree = Flatbush.from(L.chunkIndex);
  const parity = new Uint8Array(L.featureCount);
  const touched: number[] = [];
  const toggle = (f: number) => {
    if (parity[f] === 0) touched.push(f);
    parity[f] ^= 1;
  };
  for (let i = 0; i < n; i++) {
    start[i] = out.length;
    if (!Number.isFinite(lon[i]) || !Number.isFinite(lat[i])) continue;
    castRay(L, tree, toGrid(lon[i]), toGrid(lat[i]), toggle);
    if (touched.length > 0) {
      touched.sort((a, b) => a - b);
      let last = -1;
      for (const f of touched) {
        if (parity[f] === 1 && f !== last) out.push(f);
        last = f;
        parity[f] = 0;
      }
      touched.length = 0;
    }
  }
  start[n] = out.length;
  return { start, feature: Uint32Array.from(out) };
}
