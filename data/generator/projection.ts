/**
 * The generator works in a flat local plane in kilometres (x east, y north) centred in the
 * province, because distances, spacings and areas are then plain arithmetic. Output is converted
 * to WGS84 [lon, lat] and rounded to 5 decimals (about 1 m), which keeps files small and makes
 * shared vertices identical strings in every file.
 */

/** centre of the sample province (inland Western Cape, roughly between Ceres and Beaufort West) */
export const LON0 = 20.4;
export const LAT0 = -32.95;
const EARTH_KM_PER_DEG = 111.195;
export const KM_PER_DEG_LAT = EARTH_KM_PER_DEG;
export const KM_PER_DEG_LON = EARTH_KM_PER_DEG * Math.cos((LAT0 * Math.PI) / 180);

/** half-extent of the working plane in km; everything generated lies inside */
export const PLANE_HALF_WIDTH_KM = 196;
export const PLANE_HALF_HEIGHT_KM = 160;

export function round5(v: number): number {
  return Math.round(v * 1e5) / 1e5;
}

export function lonOf(xKm: number): number {
  return round5(LON0 + xKm / KM_PER_DEG_LON);
}

export function latOf(yKm: number): number {
  return round5(LAT0 + yKm / KM_PER_DEG_LAT);
}

export function toLonLat(xKm: number, yKm: number): [number, number] {
  return [lonOf(xKm), latOf(yKm)];
}

/** ring of plane points (flat x,y pairs) → closed GeoJSON ring, consecutive duplicates dropped */
export function ringToLonLat(flat: ArrayLike<number>): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) {
    const p = toLonLat(flat[i], flat[i + 1]);
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out;
}
