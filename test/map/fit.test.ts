import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { extentOf, fitBoundsFor, hashHasView, registerExtent } from '../../src/map/fit';
import { collectionExtent } from '../../src/io/summarise';
import { layerCollection } from '../../src/model/dataset';
import type { LoadedFile } from '../../src/model/layers';
import * as fx from './fixtures';

describe('extentOf', () => {
  it('spans every coordinate of every collection given', () => {
    expect(extentOf([fx.municipalities, fx.offices])).toEqual([18, -32.18, 20, -31]); // office o2 lies south of the squares
  });
  it('reads points, multi-lines and polygons alike', () => {
    expect(extentOf([fx.roads])).toEqual([18.4, -32.2, 18.9, -31.6]);
    expect(extentOf([fx.thusong])).toEqual([18.51, -31.66, 18.51, -31.66]);
  });
  it('skips missing collections, null geometries and non-finite coordinates', () => {
    const odd: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: null as never },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [NaN, 5] } },
        { type: 'Feature', properties: {}, geometry: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [25, -29] }] } },
      ],
    };
    expect(extentOf([undefined, odd])).toEqual([25, -29, 25, -29]);
  });
  it('is undefined when there is nothing to fit', () => {
    expect(extentOf([])).toBeUndefined();
    expect(extentOf([{ type: 'FeatureCollection', features: [] }])).toBeUndefined();
  });

  describe("with the extents the loader measured (a big file's positions are not walked again on the page)", () => {
    const copy = (fc: FeatureCollection): FeatureCollection => structuredClone(fc);
    const file = (id: string, collection: FeatureCollection): LoadedFile => ({
      id, fileName: `${id}.geojson`, kind: 'roads', collection, fields: [], fieldMap: {}, extent: collectionExtent(collection), sourceCrs: 'EPSG:4326', warnings: [], bytes: 1,
    });

    it("gives the same answer as walking, for a file and for a layer of several files", () => {
      const walked = extentOf([fx.roads, fx.offices]);
      const roads = copy(fx.roads);
      const offices = copy(fx.offices);
      registerExtent(roads, collectionExtent(roads));
      registerExtent(offices, collectionExtent(offices));
      expect(extentOf([roads, offices])).toEqual(walked);
      const files = [file('a', roads), file('e', { type: 'FeatureCollection', features: [] }), file('b', offices)];
      registerExtent(files[1].collection, files[1].extent); // [0, 0, 0, 0] of an empty file is not an extent
      const layer = layerCollection({ files }, 'roads')!;
      expect(extentOf([layer])).toEqual(walked);
    });

    it('uses the registered extent instead of the positions (which is what makes it cheap)', () => {
      const roads = copy(fx.roads);
      registerExtent(roads, [10, -40, 30, -20]);
      expect(extentOf([roads])).toEqual([10, -40, 30, -20]);
      // a layer with one part unknown walks that part; the known part still counts as registered
      const other = copy(fx.thusong);
      const layer = layerCollection({ files: [file('a', roads), file('c', other)] }, 'roads')!;
      expect(extentOf([layer])).toEqual(extentOf([fx.roads, fx.thusong])); // walked: the registered [10, …] is not mixed in
    });

    it('ignores an extent that is not finite', () => {
      const roads = copy(fx.roads);
      registerExtent(roads, [NaN, 0, 1, 1]);
      expect(extentOf([roads])).toEqual(extentOf([fx.roads]));
    });
  });
});

describe('fitBoundsFor', () => {
  it('keeps an extent larger than the minimum span as it is', () => {
    expect(fitBoundsFor([18, -32, 20, -31])).toEqual([[18, -32], [20, -31]]);
  });
  it('widens a single point to the minimum span around it', () => {
    const [[w, s], [e, n]] = fitBoundsFor([25, -29, 25, -29], 0.1);
    expect([w, s, e, n].map((v) => +v.toFixed(9))).toEqual([24.95, -29.05, 25.05, -28.95]);
  });
});

describe('hashHasView', () => {
  it('finds a named map view among other hash parameters', () => {
    expect(hashHasView('#tab=coverage&map=8.5/-31.7/18.6', 'map')).toBe(true);
    expect(hashHasView('map=8.5/-31.7/18.6/12/30', 'map')).toBe(true);
  });
  it('ignores a hash without the named view, or with a broken one', () => {
    expect(hashHasView('', 'map')).toBe(false);
    expect(hashHasView('#tab=coverage', 'map')).toBe(false);
    expect(hashHasView('#map=8.5/-31.7', 'map')).toBe(false);
    expect(hashHasView('#map=8.5/abc/18', 'map')).toBe(false);
    expect(hashHasView('#mapx=8.5/-31.7/18.6', 'map')).toBe(false);
  });
});
