/**
 * Planar polygon helpers in [lon, lat] degrees. Planar maths is fine at municipal scale: the
 * question is only "which side of this boundary", which a projection does not change.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Ray-casting test for one ring (first and last position may or may not repeat). */
export function pointInRing(lon: number, lat: number, ring: Position[]): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[i][0];
    const yi = ring[i][1];
    const xj = ring[j][0];
    const yj = ring[j][1];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and outside every hole, of any of the polygons. */
export function pointInPolygon(lon: number, lat: number, geometry: Polygon | MultiPolygon): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of polygons) {
    if (rings.length === 0 || !pointInRing(lon, lat, rings[0])) continue;
    let inHole = false;
    for (let h = 1; h < rings.length; h++) {
      if (pointInRing(lon, lat, rings[h])) {
        inHole = true;
        break;
      }
    }
    if (!inHole) return true;
  }
  return false;
}

/** Signed planar area (shoelace) and area-weighted centroid accumulators of one ring. */
function ringMoments(ring: Position[], acc: { area: number; cx: number; cy: number }, sign: number): void {
  const n = ring.length;
  if (n < 3) return;
  // shift to the first vertex so large coordinates do not lose precision in the cross products
  const ox = ring[0][0];
  const oy = ring[0][1];
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[i][0] - ox;
    const yi = ring[i][1] - oy;
    const xj = ring[j][0] - ox;
    const yj = ring[j][1] - oy;
    const cross = xj * yi - xi * yj;
    a += cross;
    cx += (xj + xi) * cross;
    cy += (yj + yi) * cross;
  }
  // orientation-independent: outer rings add, holes subtract
  const s = a < 0 ? -sign : sign;
  const area = (a / 2) * s;
  acc.area += area;
  if (a !== 0) {
    acc.cx += (cx / (3 * a) + ox) * area;
    acc.cy += (cy / (3 * a) + oy) * area;
  }
}

/**
 * Area-weighted centroid of a polygon or multipolygon (holes subtracted). It can fall outside a
 * strongly concave shape; for a settlement footprint that is an acceptable "where people are".
 * Falls back to the mean of the outer-ring vertices for degenerate (zero-area) shapes.
 */
export function polygonCentroid(geometry: Polygon | MultiPolygon): [number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const acc = { area: 0, cx: 0, cy: 0 };
  for (const rings of polygons) {
    rings.forEach((ring, r) => ringMoments(ring, acc, r === 0 ? 1 : -1));
  }
  if (acc.area > 0) return [acc.cx / acc.area, acc.cy / acc.area];
  let sx = 0;
  let sy = 0;
  let k = 0;
  for (const rings of polygons) {
    for (const p of rings[0] ?? []) {
      sx += p[0];
      sy += p[1];
      k++;
    }
  }
  return k ? [sx / k, sy / k] : [NaN, NaN];
}

/** [minLon, minLat, maxLon, maxLat] of a polygon or multipolygon's outer rings. */
export function polygonBounds(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const rings of polygons) {
    for (const p of rings[0] ?? []) {
      if (p[0] < x0) x0 = p[0];
      if (p[1] < y0) y0 = p[1];
      if (p[0] > x1) x1 = p[0];
      if (p[1] > y1) y1 = p[1];
    }
  }
  return [x0, y0, x1, y1];
}
