import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { assignPointsToPolygons } from '../../../src/engine/spatial/polygon-index';
import { pointInPolygon, polygonCentroid } from '../../../src/engine/spatial/polygon';
import { seeded } from '../fixtures';

const square = (x0: number, y0: number, s: number): number[][] => [[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s], [x0, y0]];

describe('polygons', () => {
  const withHole: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 4), square(1, 1, 2)] };

  it('puts a point in the ring but not in its hole', () => {
    expect(pointInPolygon(0.5, 0.5, withHole)).toBe(true);
    expect(pointInPolygon(2, 2, withHole)).toBe(false);
    expect(pointInPolygon(5, 2, withHole)).toBe(false);
  });

  it('finds the area-weighted centroid, holes subtracted', () => {
    // two unit squares side by side: the centroid is the middle of the 2 × 1 rectangle
    const two: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(1, 0, 1)]] };
    expect(polygonCentroid(two)).toEqual([1, 0.5]);
    const [x, y] = polygonCentroid(withHole);
    expect(x).toBeCloseTo(2, 12);
    expect(y).toBeCloseTo(2, 12);
  });

  it('assigns points to polygons as a scan of every polygon does', () => {
    const rand = seeded(3);
    const polygons: Polygon[] = Array.from({ length: 30 }, () => ({ type: 'Polygon', coordinates: [square(rand() * 10, rand() * 10, 0.5 + rand() * 2)] }));
    const lon = Float64Array.from({ length: 2000 }, () => rand() * 12);
    const lat = Float64Array.from({ length: 2000 }, () => rand() * 12);
    const got = assignPointsToPolygons(lon, lat, polygons);
    for (let i = 0; i < lon.length; i++) {
      const expected = polygons.findIndex((p) => pointInPolygon(lon[i], lat[i], p));
      expect(got[i]).toBe(expected);
    }
  });
});
