import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import type { FeatureCollection } from 'geojson';
import { mapBlobWriter, mapSourceData, registerMapBlob } from '../../src/map/map-data';
import { layerCollection } from '../../src/model/dataset';
import type { LoadedFile } from '../../src/model/layers';

/**
 * The script MapLibre's workers import (src/map/maplibre-blob-protocol.js), run as written in a
 * context that stands in for the worker's global: the protocol it adds, and what it does to the
 * messages MapLibre posts. In the browser the e2e suite checks the same end to end.
 */
const SCRIPT = readFileSync(new URL('../../src/map/maplibre-blob-protocol.js', import.meta.url), 'utf8');

function workerGlobal() {
  const posted: unknown[] = [];
  const listeners: ((e: { data: unknown }) => void)[] = [];
  let protocol: ((params: { url: string; type: string }, ac: AbortController) => Promise<{ data: unknown }>) | undefined;
  const self = {
    addProtocol: (name: string, fn: typeof protocol) => name === 'thusong-blob' && (protocol = fn),
    addEventListener: (type: string, fn: (e: { data: unknown }) => void) => type === 'message' && listeners.push(fn),
    postMessage: (m: unknown) => posted.push(m),
  };
  runInNewContext(SCRIPT, { self, fetch, decodeURIComponent, JSON, Error });
  return {
    load: (url: string) => protocol!({ url, type: 'json' }, new AbortController()),
    receive: (data: unknown) => listeners.forEach((l) => l({ data })),
    post: (m: unknown) => (self.postMessage as (m: unknown) => void)(m),
    posted,
  };
}

const file = (id: string, xs: number[]): LoadedFile => {
  const collection: FeatureCollection = { type: 'FeatureCollection', features: xs.map((x, i) => ({ type: 'Feature', properties: { id: `${id}${i}` }, geometry: { type: 'Point', coordinates: [x, -33] } })) };
  const w = mapBlobWriter();
  w.add(collection.features);
  registerMapBlob(collection, w.blob());
  return { id, fileName: `${id}.geojson`, kind: 'offices', collection, fields: [], fieldMap: {}, extent: [0, 0, 0, 0], sourceCrs: 'EPSG:4326', warnings: [], bytes: 1 };
};

describe("the script in MapLibre's workers", () => {
  it("reads one file's text, and joins a layer of several files in order", async () => {
    const w = workerGlobal();
    const a = file('a', [18, 18.5]);
    const b = file('b', [19]);
    expect((await w.load(mapSourceData(a.collection) as string)).data).toEqual(a.collection);
    const layer = layerCollection({ files: [a, file('e', []), b] }, 'offices')!;
    expect((await w.load(mapSourceData(layer) as string)).data).toEqual({ type: 'FeatureCollection', features: layer.features });
  });

  it('leaves the parsed data out of the answer to a load of its URLs, and nothing else', () => {
    const w = workerGlobal();
    const ours = { type: 'LD', id: 'x1', data: { request: { url: 'thusong-blob://%5B%5D' }, source: 'roads' } };
    const theirs = { type: 'LD', id: 'x2', data: { request: { url: 'https://tiles.example.org/a.geojson' }, source: 'other' } };
    w.receive(ours);
    w.receive(theirs);
    const geojson = { type: 'FeatureCollection', features: [] };
    w.post({ type: '<response>', id: 'x1', data: { data: geojson, resourceTiming: 1 } });
    w.post({ type: '<response>', id: 'x2', data: { data: geojson } });
    w.post({ type: '<response>', id: 'x1', data: { data: geojson } }); // a later answer with the same id is not ours
    w.post({ type: 'LT', id: 'x3', data: { tile: 1 } });
    expect(w.posted).toEqual([
      { type: '<response>', id: 'x1', data: { resourceTiming: 1 } },
      { type: '<response>', id: 'x2', data: { data: geojson } },
      { type: '<response>', id: 'x1', data: { data: geojson } },
      { type: 'LT', id: 'x3', data: { tile: 1 } },
    ]);
  });
});
