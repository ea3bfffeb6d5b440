import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon, Position } from 'geojson';
import { declutter, labelPoint, municipalityLabels, poleOfInaccessibility, signedDistance } from '../../src/map/label-point';
import * as fx from './fixtures';

/** Brute force: the best grid point over the bounding box. */
function bruteForce(rings: Position[][], steps = 300): number {
  const xs = rings[0].map((p) => p[0]);
  const ys = rings[0].map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let best = -Infinity;
  for (let i = 0; i <= steps; i++) for (let j = 0; j <= steps; j++) best = Math.max(best, signedDistance(x0 + ((x1 - x0) * i) / steps, y0 + ((y1 - y0) * j) / steps, rings));
  return best;
}

// A "C" shape: its centroid falls in the empty mouth, outside the polygon.
const cShape: Position[][] = [[[0, 0], [10, 0], [10, 2], [2, 2], [2, 8], [10, 8], [10, 10], [0, 10], [0, 0]]];
// A square with a square hole in the middle.
const donut: Position[][] = [
  [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
  [[3, 3], [7, 3], [7, 7], [3, 7], [3, 3]],
];

describe('poleOfInaccessibility', () => {
  it('finds the centre of a square, at half its side from the edge', () => {
    const r = poleOfInaccessibility([[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]], 1e-6);
    expect(r.point[0]).toBeCloseTo(2);
    expect(r.point[1]).toBeCloseTo(2);
    expect(r.distance).toBeCloseTo(2);
  });

  it.each([['a C shape', cShape], ['a square with a hole', donut]])('in %s, lands inside and is at least as good as a fine brute-force grid', (_name, rings) => {
    const r = poleOfInaccessibility(rings, 0.01);
    expect(signedDistance(r.point[0], r.point[1], rings)).toBeGreaterThan(0);
    expect(r.distance).toBeGreaterThanOrEqual(bruteForce(rings) - 0.01);
  });

  it('copes with a degenerate ring', () => {
    expect(poleOfInaccessibility([[[1, 1], [1, 1], [1, 1]]], 0.1).point).toEqual([1, 1]);
    expect(poleOfInaccessibility([], 0.1).distance).toBe(0);
  });
});

describe('labelPoint', () => {
  it('labels a multipolygon inside its largest part', () => {
    const g = { type: 'MultiPolygon' as const, coordinates: [[[[18, -33], [18.1, -33], [18.1, -32.9], [18, -32.9], [18, -33]]], [[[20, -34], [21, -34], [21, -33], [20, -33], [20, -34]]]] };
    const at = labelPoint(g)!;
    expect(at.lngLat[0]).toBeCloseTo(20.5, 2);
    expect(at.lngLat[1]).toBeCloseTo(-33.5, 2);
  });

  it('keeps a C-shaped municipality’s label off the empty mouth', () => {
    const g: Polygon = { type: 'Polygon', coordinates: cShape.map((r) => r.map(([x, y]) => [18 + x / 10, -33 + y / 10])) };
    const [lon, lat] = labelPoint(g)!.lngLat;
    expect(signedDistance(lon, lat, g.coordinates)).toBeGreaterThan(0);
  });
});

describe('municipalityLabels', () => {
  it('makes one label per named municipality, keyed by code', () => {
    const labels = municipalityLabels(fx.municipalities);
    expect(labels.map((l) => [l.id, l.text, l.tier])).toEqual([['WC011', 'Matzikama', 'local'], ['WC012', 'Cederberg', 'local']]);
    expect(labels[0].lngLat[0]).toBeCloseTo(18.5, 2);
    expect(labels[0].lngLat[1]).toBeCloseTo(-31.5, 2);
  });

  it('ranks every local municipality above any district, larger first', () => {
    const big = { type: 'Polygon' as const, coordinates: [[[17, -34], [21, -34], [21, -30], [17, -30], [17, -34]]] };
    const small = { type: 'Polygon' as const, coordinates: [[[18, -32], [18.1, -32], [18.1, -31.9], [18, -31.9], [18, -32]]] };
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: 'DC1', name: 'West Coast', category: 'C' }, geometry: big },
        { type: 'Feature', properties: { code: 'S', name: 'Small', category: 'B' }, geometry: small },
        { type: 'Feature', properties: { code: 'B', name: 'Bigger', category: 'B' }, geometry: fx.municipalities.features[0].geometry },
        { type: 'Feature', properties: { code: 'X', name: '  ', category: 'B' }, geometry: small },
      ],
    };
    expect(municipalityLabels(fc).map((l) => l.id)).toEqual(['B', 'S', 'DC1']);
  });
});

describe('declutter', () => {
  const box = (x: number, y: number) => ({ x, y, width: 60, height: 14 });
  it('keeps the first of two overlapping labels and every label that overlaps none', () => {
    expect(declutter([box(0, 0), box(30, 5), box(200, 0), box(0, 40)])).toEqual([true, false, true, true]);
  });
  it('counts padding as overlap', () => {
    expect(declutter([box(0, 0), box(62, 0)], 0)).toEqual([true, true]);
    expect(declutter([box(0, 0), box(62, 0)], 4)).toEqual([true, false]);
  });
  it('hides labels without a box (off screen)', () => {
    expect(declutter([undefined, box(0, 0)])).toEqual([false, true]);
  });
});
