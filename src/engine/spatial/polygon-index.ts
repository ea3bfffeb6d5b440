/**
 * Which polygon holds each point: a flatbush index over polygon bounding boxes narrows the
 * candidates, an exact point-in-polygon test decides. Where polygons overlap (bad data), the
 * lowest polygon index wins, so results are deterministic.
 */
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { pointInPolygon, polygonBounds } from './polygon';

/** For each point, the index of the polygon containing it, or -1. */
export function assignPointsToPolygons(
  pointLon: Float64Array,
  pointLat: Float64Array,
  polygons: ReadonlyArray<Polygon | MultiPolygon | null>,
): Int32Array {
  const out = new Int32Array(pointLon.length).fill(-1);
  if (polygons.length === 0) return out;
  const index = new Flatbush(polygons.length);
  for (const g of polygons) {
    const b = g ? polygonBounds(g) : [1e9, 1e9, 1e9, 1e9];
    index.add(b[0], b[1], b[2], b[3]);
  }
  index.finish();
  for (let i = 0; i < pointLon.length; i++) {
    const x = pointLon[i];
    const y = pointLat[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const candidates = index.search(x, y, x, y);
    let best = -1;
    for (const c of candidates) {
      if ((best < 0 || c < best) && polygons[c] && pointInPolygon(x, y, polygons[c]!)) best = c;
    }
    out[i] = best;
  }
  return out;
}
