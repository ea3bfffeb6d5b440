/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import type { Feature } from 'geojson';
import { featureBatches } from '../src/io/feature-batches';
import { loadSource, type LoadOptions, type LoadResult } from '../src/io/load-file';
import type { ProgressFn } from '../src/model/progress';
import { newCollectionKey, storeCollection, storeMapText } from '../src/app/scenarios/file-store';
import { mapBlobWriter } from '../src/map/map-data';
import { holdLifeLock } from './liveness';

// Thin: the loading pipeline lives in src/io; this only wires it to comlink.
const ioApi = {
  /**
   * Loads a File/Blob (streamed when it is big GeoJSON) or bytes. With `deliver`, a loaded file's
   * features go over in batches, each awaited, and the result comes back with none of its own.
   */
  async loadSource(
    source: Blob | ArrayBuffer,
    options: LoadOptions,
    progress?: ProgressFn,
    deliver?: (features: Feature[], total: number) => Promise<void>,
  ): Promise<LoadResult & { storedAs?: string; storeRefused?: string; mapBlob?: Blob }> {
    const result = await loadSource(source, options, progress);
    if (!result.ok || !deliver) return result;
    // the features go into the browser's storage from here, so saving the scenario later never
    // clones them on the page's thread (src/app/scenarios/file-store.ts)
    const key = newCollectionKey();
    const stored = storeCollection(key, result.file.collection);
    const { features } = result.file.collection;
    // the same features as GeoJSON text for the map: MapLibre's worker reads it from a blob: URL,
    // so drawing a big file never clones it on the page's thread either
    const text = mapBlobWriter();
    for (const batch of featureBatches(features)) {
      text.add(batch);
      await deliver(batch, features.length);
    }
    const mapBlob = text.blob();
    const outcome = await stored;
    const storedAs = outcome === true ? key : undefined;
    if (storedAs) await storeMapText(key, mapBlob);
    const storeRefused = outcome === true ? undefined : outcome;
    return { ok: true, file: { ...result.file, collection: { ...result.file.collection, features: [] } }, storedAs, storeRefused, mapBlob };
  },
};

export type IoApi = typeof ioApi;
Comlink.expose(ioApi);
holdLifeLock();
