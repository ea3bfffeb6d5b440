import { describe, expect, it } from 'vitest';
import { datasetLayers, layerCollection, unionExtent, withFile, withoutFile } from '../../src/model/dataset';
import type { Dataset, LayerKind, LoadedFile } from '../../src/model/layers';

const point = (x: number, y: number, props: Record<string, unknown> = {}) => ({
  type: 'Feature' as const,
  geometry: { type: 'Point' as const, coordinates: [x, y] },
  properties: props,
});

function file(id: string, fileName: string, kind: LayerKind, n: number): LoadedFile {
  return {
    id,
    fileName,
    kind,
    collection: { type: 'FeatureCollection', features: Array.from({ length: n }, (_, i) => point(18 + i, -33)) },
    fields: [],
    fieldMap: {},
    extent: [18, -33, 18 + n - 1, -33],
    sourceCrs: 'EPSG:4326',
    warnings: [],
    bytes: 0,
  };
}

describe('dataset', () => {
  it('a layer is every file assigned to it, concatenated in load order', () => {
    const ds: Dataset = { files: [file('a', 'a.geojson', 'offices', 2), file('b', 'b.csv', 'settlements', 1), file('c', 'c.geojson', 'offices', 3)] };
    expect(layerCollection(ds, 'offices')?.features).toHaveLength(5);
    expect(layerCollection(ds, 'settlements')?.features).toHaveLength(1);
    expect(layerCollection(ds, 'roads')).toBeUndefined();
  });

  it('reading a layer twice from the same files returns the same object (memoised)', () => {
    const ds: Dataset = { files: [file('a', 'a.geojson', 'offices', 2), file('c', 'c.geojson', 'offices', 3)] };
    expect(layerCollection(ds, 'offices')).toBe(layerCollection(ds, 'offices'));
  });

  it('datasetLayers lists only the layers that have files', () => {
    const ds: Dataset = { files: [file('a', 'a.geojson', 'roads', 2)] };
    expect(Object.keys(datasetLayers(ds))).toEqual(['roads']);
  });

  it('loading a file with the name of a loaded file replaces it in place', () => {
    const ds: Dataset = { files: [file('a', 'a.geojson', 'offices', 2), file('b', 'b.csv', 'settlements', 1)] };
    const next = withFile(ds, file('z', 'a.geojson', 'offices', 7));
    expect(next.files.map((f) => f.id)).toEqual(['z', 'b']);
    expect(ds.files.map((f) => f.id)).toEqual(['a', 'b']);
  });

  it('loading a file with a new name appends it and removing it restores the rest', () => {
    const ds: Dataset = { files: [file('a', 'a.geojson', 'offices', 2)] };
    const next = withFile(ds, file('b', 'b.geojson', 'offices', 1));
    expect(next.files.map((f) => f.id)).toEqual(['a', 'b']);
    expect(withoutFile(next, 'b').files.map((f) => f.id)).toEqual(['a']);
  });

  it('the union extent covers every extent', () => {
    expect(unionExtent([[18, -34, 19, -33], [17.5, -33.5, 18.5, -32]])).toEqual([17.5, -34, 19, -32]);
    expect(unionExtent([])).toBeUndefined();
  });
});
