import { describe, expect, it } from 'vitest';
import { area, featureCollection, intersect } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { overlapGeometry } from '../../../src/engine/alignment';
import { feature, poly, rect } from './helpers';

const asFeature = (g: Polygon) => feature(g, {}) as Feature<Polygon>;

describe('overlap geometry', () => {
  it('cuts the same piece as turf.intersect of the whole polygons (the bounding-box clip changes nothing)', () => {
    // an L-shaped region with a hole, and a municipality overlapping its foot and part of the hole
    const region = asFeature(poly([[0, 0], [4, 0], [4, 1], [1, 1], [1, 4], [0, 4]], [[0.2, 0.2], [0.6, 0.2], [0.6, 0.6], [0.2, 0.6]]));
    const municipality = asFeature(rect(0.4, -1, 3, 0.8));
    const piece = overlapGeometry(region, municipality)!;
    const reference = intersect(featureCollection([region, municipality]))!;
    expect(area(piece)).toBeCloseTo(area(reference), 0);
    expect(area(piece)).toBeGreaterThan(0);
  });

  it('is empty for polygons whose boxes do not meet', () => {
    expect(overlapGeometry(asFeature(rect(0, 0, 1, 1)), asFeature(rect(2, 2, 3, 3)))).toBeNull();
  });

  it('cuts a thin strip along a shared edge digitised twice', () => {
    const a = asFeature(rect(0, 0, 1.001, 1));
    const b = asFeature(rect(1, 0, 2, 1));
    const piece = overlapGeometry(a, b)!;
    const reference = intersect(featureCollection([a, b]))!;
    expect(area(piece) / area(reference)).toBeCloseTo(1, 9);
  });
});
