/**
 * Distances on the WGS84 sphere, in metres. A sphere (mean radius) is accurate to ~0.5 % — far
 * below the uncertainty of road speeds — and much cheaper than an ellipsoid.
 */

export const EARTH_RADIUS_METRES = 6_371_008.8;
/** metres per degree of latitude (and of longitude at the equator) on the mean sphere */
export const METRES_PER_DEGREE = (EARTH_RADIUS_METRES * Math.PI) / 180;
const RAD = Math.PI / 180;

/** Great-circle distance between two [lon, lat] points, in metres (haversine). */
export function haversineMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s1 = Math.sin(dLat / 2);
  const s2 = Math.sin(dLon / 2);
  const a = s1 * s1 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * s2 * s2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** cos(latitude) — the east–west shrink factor of a degree of longitude. */
export function cosLatitude(latDeg: number): number {
  return Math.cos(latDeg * RAD);
}

/**
 * Where a point lies relative to a segment, in a local equirectangular plane centred on the point
 * (x scaled by cos(lat) of the point). Exact enough for the few kilometres a snap spans.
 * `fraction` is the position of the nearest point along A→B in [0, 1].
 */
export interface PointSegmentResult {
  metres: number;
  fraction: number;
}

/**
 * Distance in metres from point P to segment AB (all [lon, lat] degrees), with the fraction along
 * A→B of the nearest point. Writes into `out` to avoid allocating in hot loops.
 */
export function pointSegmentMetres(
  pLon: number,
  pLat: number,
  aLon: number,
  aLat: number,
  bLon: number,
  bLat: number,
  out: PointSegmentResult,
): PointSegmentResult {
  const kx = cosLatitude(pLat) * METRES_PER_DEGREE;
  const ky = METRES_PER_DEGREE;
  const ax = (aLon - pLon) * kx;
  const ay = (aLat - pLat) * ky;
  const dx = (bLon - aLon) * kx;
  const dy = (bLat - aLat) * ky;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const x = ax + t * dx;
  const y = ay + t * dy;
  out.metres = Math.sqrt(x * x + y * y);
  out.fraction = t;
  return out;
}
