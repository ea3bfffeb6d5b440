/** Tiny hand-checkable geometry for engine tests. Distances are along a meridian, so exact. */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { METRES_PER_DEGREE } from '../../src/engine/spatial/geodesy';

/** Latitude offset (degrees) of `km` kilometres due north. */
export const kmNorth = (km: number) => (km * 1000) / METRES_PER_DEGREE;

export const LON0 = 28;
export const LAT0 = -26;

/** [lon, lat] of a point `northKm` north of the origin and `eastKm` east (east is approximate). */
export function at(northKm: number, eastKm = 0): [number, number] {
  return [LON0 + kmNorth(eastKm) / Math.cos((LAT0 * Math.PI) / 180), LAT0 + kmNorth(northKm)];
}

export function road(coords: [number, number][], props: Record<string, unknown> = { class: 'primary' }): Feature<LineString> {
  return { type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: coords } };
}

export function point(coord: [number, number], props: Record<string, unknown> = {}): Feature<Point> {
  return { type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: coord } };
}

export function collection<F extends Feature>(features: F[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

export function points(coords: [number, number][]): { lon: Float64Array; lat: Float64Array } {
  return { lon: Float64Array.from(coords, (c) => c[0]), lat: Float64Array.from(coords, (c) => c[1]) };
}

/** A seeded PRNG (mulberry32), so random tests are reproducible. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
