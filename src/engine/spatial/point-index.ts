/**
 * Nearest-point search over a kdbush index, exact in metres. kdbush answers radius queries only,
 * so the radius grows until it holds a point, then one more query at the exact metric bound
 * guarantees nothing closer was missed.
 */
import KDBush from 'kdbush';
import { cosLatitude, haversineMetres, METRES_PER_DEGREE } from './geodesy';
import { referenceCos } from './segment-index';

export interface PointIndex {
  data: ArrayBuffer;
  cosRef: number;
  pointCount: number;
}

export function buildPointIndex(lon: Float64Array, lat: Float64Array): PointIndex {
  const cosRef = referenceCos(lat);
  const n = lon.length;
  const index = new KDBush(Math.max(1, n));
  for (let i = 0; i < n; i++) index.add(lon[i] * cosRef, lat[i]);
  if (n === 0) index.add(1e9, 1e9);
  index.finish();
  return { data: index.data as ArrayBuffer, cosRef, pointCount: n };
}

export function openPointIndex(index: PointIndex): KDBush {
  return KDBush.from(index.data);
}

export interface NearestPoint {
  point: number;
  metres: number;
}

/** The indexed point nearest to (lon, lat) by great-circle distance; -1 if the index is empty. */
export function nearestPoint(
  kd: KDBush,
  index: PointIndex,
  pointLon: Float64Array,
  pointLat: Float64Array,
  lon: number,
  lat: number,
  out: NearestPoint,
  startMetres = 250,
): NearestPoint {
  out.point = -1;
  out.metres = Infinity;
  if (index.pointCount === 0) return out;
  const qx = lon * index.cosRef;
  // metres at the query latitude per unit of the index plane, at least
  const lowerMetresPerUnit = METRES_PER_DEGREE * Math.min(1, cosLatitude(lat) / index.cosRef) * 0.999;
  let r = startMetres / METRES_PER_DEGREE;
  for (let iter = 0; iter < 64; iter++) {
    const ids = kd.within(qx, lat, r);
    for (let i = 0; i < ids.length; i++) {
      const p = ids[i];
      const d = haversineMetres(lon, lat, pointLon[p], pointLat[p]);
      if (d < out.metres || (d === out.metres && p < out.point)) {
        out.metres = d;
        out.point = p;
      }
    }
    if (out.point >= 0) {
      const safeR = out.metres / lowerMetresPerUnit;
      if (safeR <= r) return out;
      r = safeR; // one more query is enough: it covers every point that could be closer
    } else {
      r *= 4;
    }
  }
  return out;
}
