/**
 * Albers equal-area conic on the WGS84 ellipsoid (Snyder, "Map Projections — A Working Manual",
 * pp. 98–103). Areas measured in this plane are ellipsoidal areas, whatever the standard
 * parallels; the parallels only shape the (small) distortion of lengths and widths, so they are
 * chosen from the data's extent. Coordinates are shifted so the extent's centre is the origin:
 * shoelace sums then stay small and cancel less.
 */

const A_METRES = 6_378_137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
const RAD = Math.PI / 180;

/** The projection constants and the origin shift; plain data, so it crosses to a worker. */
export interface EqualAreaFrame {
  /**
   * 'albers' (cylindrical equal-area when the cone degenerates, n = 0). 'degrees' maps lon/lat
   * linearly and is NOT equal-area: tests use it to compare topology with an oracle that drops
   * collinear vertices, which bends nothing only in a linear map.
   */
  kind: 'albers' | 'degrees';
  lon0: number;
  lat1: number;
  lat2: number;
  lat0: number;
  /** cone constant; 0 selects the cylindrical equal-area fallback (data straddling the equator) */
  n: number;
  c: number;
  rho0: number;
  /** projected metres subtracted from every point */
  x0: number;
  y0: number;
}

function q(sinPhi: number): number {
  const es = E * sinPhi;
  return (1 - E2) * (sinPhi / (1 - E2 * sinPhi * sinPhi) - (1 / (2 * E)) * Math.log((1 - es) / (1 + es)));
}

function m(phi: number): number {
  const s = Math.sin(phi);
  return Math.cos(phi) / Math.sqrt(1 - E2 * s * s);
}

/** Frame for explicit Albers parameters (degrees); the origin shift is (0, 0). */
export function albersFrame(lon0: number, lat1: number, lat2: number, lat0 = 0): EqualAreaFrame {
  const p1 = lat1 * RAD;
  const p2 = lat2 * RAD;
  const m1 = m(p1);
  const m2 = m(p2);
  const q1 = q(Math.sin(p1));
  const q2 = q(Math.sin(p2));
  const n = Math.abs(lat1 - lat2) < 1e-9 ? Math.sin(p1) : (m1 * m1 - m2 * m2) / (q2 - q1);
  if (Math.abs(n) < 0.05) return { kind: 'albers', lon0, lat1, lat2, lat0, n: 0, c: 0, rho0: 0, x0: 0, y0: 0 };
  const c = m1 * m1 + n * q1;
  const rho0 = (A_METRES * Math.sqrt(c - n * q(Math.sin(lat0 * RAD)))) / n;
  return { kind: 'albers', lon0, lat1, lat2, lat0, n, c, rho0, x0: 0, y0: 0 };
}

/** Test-only linear frame: x = (lon − lon0)·k, y = (lat − lat0)·k with k = 111 km per degree. */
export function degreesTestFrame(lon0: number, lat0: number): EqualAreaFrame {
  return { kind: 'degrees', lon0, lat1: lat0, lat2: lat0, lat0, n: 0, c: 0, rho0: 0, x0: 0, y0: 0 };
}

/**
 * A frame centred on an extent [minLon, minLat, maxLon, maxLat]: central meridian through its
 * middle, standard parallels at one sixth and five sixths of its latitude range (the usual rule),
 * origin at its centre.
 */
export function equalAreaFrameFor(extent: readonly [number, number, number, number]): EqualAreaFrame {
  const [minLon, minLat, maxLon, maxLat] = extent;
  const lon0 = (minLon + maxLon) / 2;
  const latC = (minLat + maxLat) / 2;
  const half = Math.max((maxLat - minLat) / 3, 0.5);
  let lat1 = latC - half;
  let lat2 = latC + half;
  // keep both parallels in the hemisphere of the data so the cone does not degenerate
  if (latC < 0) lat2 = Math.min(lat2, -1);
  else lat1 = Math.max(lat1, 1);
  if (lat1 >= lat2) [lat1, lat2] = [latC - 0.5, latC + 0.5];
  const frame = albersFrame(lon0, lat1, lat2, 0);
  const out = new Float64Array(2);
  projectEqualArea(frame, lon0, latC, out);
  return { ...frame, x0: out[0], y0: out[1] };
}

/** Projects one [lon, lat] (degrees) to metres in the frame, writing [x, y] into `out`. */
export function projectEqualArea(frame: EqualAreaFrame, lon: number, lat: number, out: Float64Array): void {
  if (frame.kind === 'degrees') {
    out[0] = (lon - frame.lon0) * 111_000;
    out[1] = (lat - frame.lat0) * 111_000;
    return;
  }
  let dLon = lon - frame.lon0;
  if (dLon > 180) dLon -= 360;
  else if (dLon < -180) dLon += 360;
  const qq = q(Math.sin(lat * RAD));
  if (frame.n === 0) {
    // Lambert cylindrical equal-area on the ellipsoid (true scale on the equator)
    out[0] = A_METRES * dLon * RAD - frame.x0;
    out[1] = (A_METRES * qq) / 2 - frame.y0;
    return;
  }
  const rho = (A_METRES * Math.sqrt(Math.max(0, frame.c - frame.n * qq))) / frame.n;
  const theta = frame.n * dLon * RAD;
  out[0] = rho * Math.sin(theta) - frame.x0;
  out[1] = frame.rho0 - rho * Math.cos(theta) - frame.y0;
}

/**
 * proj4 string of the frame's projection (without the origin shift), for cross-checks and exports.
 * (+x_0/+y_0 are spelled out: proj4js's Albers returns NaN without them.)
 */
export function equalAreaProj4(frame: EqualAreaFrame): string {
  if (frame.n === 0) return `+proj=cea +lon_0=${frame.lon0} +lat_ts=0 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs`;
  return `+proj=aea +lat_1=${frame.lat1} +lat_2=${frame.lat2} +lat_0=${frame.lat0} +lon_0=${frame.lon0} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs`;
}
