import { describe, expect, it } from 'vitest';
import { resolveObjectURL } from 'node:buffer';
import type { Feature, FeatureCollection } from 'geojson';
import { mapBlobWriter, mapSourceData, registerMapBlob } from '../../src/map/map-data';
import { layerCollection } from '../../src/model/dataset';
import type { LoadedFile } from '../../src/model/layers';

const point = (id: string, x: number): Feature => ({ type: 'Feature', properties: { id, name: `Dorp “${id}” ë` }, geometry: { type: 'Point', coordinates: [x, -33.5] } });

/** The way the io worker does it: text written batch by batch, registered for the collection. */
function loaded(id: string, features: Feature[], batch = 2): LoadedFile {
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  const w = mapBlobWriter();
  for (let i = 0; i < features.length; i += batch) w.add(features.slice(i, i + batch));
  registerMapBlob(collection, w.blob());
  return { id, fileName: `${id}.geojson`, kind: 'settlements', collection, fields: [], fieldMap: {}, extent: [0, 0, 0, 0], sourceCrs: 'EPSG:4326', warnings: [], bytes: 1 };
}

/** The blob: URLs a thusong-blob:// URL names. */
function named(url: unknown): string[] {
  expect(typeof url).toBe('string');
  expect(url).toMatch(/^thusong-blob:\/\//);
  const list = JSON.parse(decodeURIComponent((url as string).slice('thusong-blob://'.length))) as string[];
  for (const u of list) expect(u).toMatch(/^blob:/);
  return list;
}

/** What MapLibre's worker does with the URL (src/map/maplibre-blob-protocol.js): fetch each, parse, join. */
async function read(url: unknown): Promise<unknown> {
  const parts = await Promise.all(named(url).map(async (u) => JSON.parse(await resolveObjectURL(u)!.text()) as FeatureCollection));
  return parts.length === 1 ? parts[0] : { type: 'FeatureCollection', features: parts.flatMap((p) => p.features) };
}

describe('GeoJSON given to MapLibre as a URL of a blob its worker reads', () => {
  it('is the same collection, written in batches (including an empty one and non-ASCII names)', async () => {
    const file = loaded('a', [point('1', 18), point('2', 18.5), point('3', 19)]);
    expect(await read(mapSourceData(file.collection))).toEqual(file.collection);
    const empty = loaded('e', []);
    expect(await read(mapSourceData(empty.collection))).toEqual(empty.collection);
    // the same URL every time for the same collection
    expect(mapSourceData(file.collection)).toBe(mapSourceData(file.collection));
  });

  it("names each file's text for a layer of several files (no bytes joined on the page), skipping empty files", async () => {
    const files = [loaded('a', [point('1', 18)]), loaded('e', []), loaded('b', [point('2', 19), point('3', 20)], 1)];
    const layer = layerCollection({ files }, 'settlements')!;
    expect(layer.features).toHaveLength(3);
    expect(named(mapSourceData(layer))).toEqual([named(mapSourceData(files[0].collection))[0], named(mapSourceData(files[2].collection))[0]]);
    expect(await read(mapSourceData(layer))).toEqual({ type: 'FeatureCollection', features: layer.features });
  });

  it('falls back to the object where any part has no text (an edit made on the page)', () => {
    const edited: LoadedFile = { ...loaded('c', [point('9', 21)]), collection: { type: 'FeatureCollection', features: [point('9', 21.1)] } };
    expect(mapSourceData(edited.collection)).toBe(edited.collection);
    const layer = layerCollection({ files: [loaded('d', [point('1', 18)]), edited] }, 'settlements')!;
    expect(mapSourceData(layer)).toBe(layer);
    expect(mapSourceData(null)).toBe(null);
  });
});
