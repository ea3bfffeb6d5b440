import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { featureBatches } from '../../src/io/feature-batches';

const point = (i: number): Feature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [i, 0] }, properties: { i } });
const line = (n: number): Feature => ({ type: 'Feature', geometry: { type: 'LineString', coordinates: Array.from({ length: n }, (_, k) => [k, 0]) }, properties: {} });

describe('feature batches for handing a loaded file over', () => {
  it('cuts the features into consecutive batches of at most maxFeatures, losing none', () => {
    const features = Array.from({ length: 10 }, (_, i) => point(i));
    const batches = [...featureBatches(features, 4)];
    expect(batches.map((b) => b.length)).toEqual([4, 4, 2]);
    expect(batches.flat()).toEqual(features);
  });

  it('closes a batch early when its positions would pass maxPositions, and gives a huge feature a batch of its own', () => {
    const features = [line(3), line(3), line(10), line(1)];
    expect([...featureBatches(features, 100, 6)].map((b) => b.length)).toEqual([2, 1, 1]);
  });

  it('gives nothing for no features', () => {
    expect([...featureBatches([])]).toEqual([]);
  });
});
