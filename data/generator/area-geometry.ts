/**
 * Turns the rings of a cell group (flat km, outer rings counter-clockwise, holes clockwise) into
 * a GeoJSON Polygon or MultiPolygon in [lon, lat], as RFC 7946 orders them.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ringArea } from './cell-mesh';
import { ringToLonLat } from './projection';

function pointInRing(ring: Float64Array, x: number, y: number): boolean {
  let inside = false;
  const n = ring.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[2 * i], yi = ring[2 * i + 1];
    const xj = ring[2 * j], yj = ring[2 * j + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function ringsToGeometry(rings: Float64Array[]): Polygon | MultiPolygon {
  const outers = rings.filter((r) => ringArea(r) > 0);
  const holes = rings.filter((r) => ringArea(r) <= 0);
  if (outers.length === 0) throw new Error('an area has no outer ring');
  const polygons: Position[][][] = outers.map((r) => [ringToLonLat(r)]);
  for (const hole of holes) {
    const owner = outers.findIndex((o) => pointInRing(o, hole[0], hole[1]));
    polygons[owner >= 0 ? owner : 0].push(ringToLonLat(hole));
  }
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
}
