/** The extent to fit the view to, and whether the URL already chose a view. */
import type { FeatureCollection, Geometry, Position } from 'geojson';
import type { Extent } from '../model/units';

function visit(g: Geometry | null | undefined, add: (p: Position) => void): void {
  if (!g) return;
  switch (g.type) {
    case 'Point':
      add(g.coordinates);
      break;
    case 'MultiPoint':
    case 'LineString':
      g.coordinates.forEach(add);
      break;
    case 'MultiLineString':
    case 'Polygon':
      g.coordinates.forEach((line) => line.forEach(add));
      break;
    case 'MultiPolygon':
      g.coordinates.forEach((poly) => poly.forEach((ring) => ring.forEach(add)));
      break;
    case 'GeometryCollection':
      g.geometries.forEach((x) => visit(x, add));
      break;
  }
}

/** [minLon, minLat, maxLon, maxLat] over every coordinate of the given collections; undefined if none. */
export function extentOf(collections: ReadonlyArray<FeatureCollection | undefined>): Extent | undefined {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const add = (p: Position) => {
    const [x, y] = p;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  };
  for (const fc of collections) for (const f of fc?.features ?? []) visit(f.geometry, add);
  return w <= e ? [w, s, e, n] : undefined;
}

/**
 * Bounds for `fitBounds`: the extent, widened to at least `minSpanDegrees` each way so that a single
 * point (or a few close together) doesn't zoom the map to street level.
 */
export function fitBoundsFor(extent: Extent, minSpanDegrees = 0.05): [[number, number], [number, number]] {
  const [w, s, e, n] = extent;
  const padX = Math.max(0, minSpanDegrees - (e - w)) / 2;
  const padY = Math.max(0, minSpanDegrees - (n - s)) / 2;
  return [
    [w - padX, Math.max(-85, s - padY)],
    [e + padX, Math.min(85, n + padY)],
  ];
}

/**
 * Whether a location hash carries a map view in MapLibre's named form (`#…&map=zoom/lat/lon…`).
 * The map honours such a view (a shared link) instead of fitting to the data on first load.
 */
export function hashHasView(hash: string, name: string): boolean {
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq) !== name) continue;
    const nums = part.slice(eq + 1).split('/');
    return nums.length >= 3 && nums.every((x) => x !== '' && Number.isFinite(Number(x)));
  }
  return false;
}
