/** The extent to fit the view to, and whether the URL already chose a view. */
import type { FeatureCollection, Geometry, Position } from 'geojson';
import type { Extent } from '../model/units';
import { layerParts, unionExtent } from '../model/dataset';

/**
 * Extents already known, so fitting the map to a big file does not walk its millions of positions on
 * the page's thread: the loader measured each file's extent in its worker.
 */
const known = new WeakMap<FeatureCollection, Extent>();

/** Records a collection's extent, as measured over exactly its features (empty collections have none). */
export function registerExtent(fc: FeatureCollection, extent: Extent): void {
  if (fc.features.length && extent.every(Number.isFinite)) known.set(fc, extent);
}

/** A layer's extent from what is known of it or of each file it is made of; undefined if any part is unknown. */
function knownExtent(fc: FeatureCollection): Extent | undefined {
  const hit = known.get(fc);
  if (hit) return hit;
  const parts = layerParts(fc)?.filter((p) => p.features.length);
  if (!parts) return undefined;
  const extents = parts.map((p) => known.get(p));
  return extents.every((e) => e) ? unionExtent(extents as Extent[]) : undefined;
}

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
  for (const fc of collections) {
    if (!fc) continue;
    const k = knownExtent(fc);
    if (k) {
      add([k[0], k[1]]);
      add([k[2], k[3]]);
      continue;
    }
    for (const f of fc.features) visit(f.geometry, add);
  }
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
