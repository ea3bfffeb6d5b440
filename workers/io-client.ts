import * as Comlink from 'comlink';
import type { Feature } from 'geojson';
import type { IoApi } from './io.worker';
import { createWorkerHandle, type Job } from './worker-handle';
import type { LoadOptions, LoadResult } from '../src/io/load-file';
import type { ProgressFn } from '../src/model/progress';
import { registerRefusedCollection, registerStoredCollection } from '../src/app/scenarios/file-store';
import { registerMapBlob } from '../src/map/map-data';
import { registerExtent } from '../src/map/fit';
import { prepareMapUrl } from '../src/map/blob-urls';

/**
 * Each file loads in its own worker, so files parse in parallel and cancelling one load
 * (which terminates its worker) never touches another.
 *
 * A File (a Blob) crosses as a handle: nothing is read on the main thread, and the worker streams a
 * big GeoJSON from it. Bytes are copied and the copy transferred, as the caller keeps its own (for
 * reassigning the file later). The loaded features come back in batches (phase 'receiving'), so
 * taking in a big file never blocks the page for long.
 */
export function loadFileInWorker(source: Blob | ArrayBuffer, options: LoadOptions, onProgress?: ProgressFn): Job<LoadResult> {
  const handle = createWorkerHandle<IoApi>(() => new Worker(new URL('./io.worker.ts', import.meta.url), { type: 'module', name: `load ${options.fileName}` }));
  let send: Blob | ArrayBuffer = source;
  if (!(source instanceof Blob)) {
    const copy = source.slice(0);
    send = Comlink.transfer(copy, [copy]);
  }
  const received: Feature[] = [];
  const deliver = Comlink.proxy(async (batch: Feature[], total: number) => {
    for (const f of batch) received.push(f);
    onProgress?.({ phase: 'receiving', done: received.length, total });
  });
  const job = handle.call<LoadResult>(async (api, progress) => {
    type Extra = { storedAs?: string; storeRefused?: string; mapBlob?: Blob };
    const result = (await api.loadSource(send, options, progress, deliver)) as LoadResult & Extra;
    if (result.ok) {
      result.file.collection.features = received;
      if (result.storedAs) registerStoredCollection(result.file.collection, result.storedAs);
      if (result.storeRefused) registerRefusedCollection(result.file.collection, result.storeRefused);
      if (result.mapBlob) {
        registerMapBlob(result.file.collection, result.mapBlob);
        await prepareMapUrl(result.file.collection);
      }
      registerExtent(result.file.collection, result.file.extent);
    }
    const { storedAs: _stored, storeRefused: _refused, mapBlob: _blob, ...loaded } = result as LoadResult & Extra;
    return loaded as LoadResult;
  }, onProgress);
  job.promise.then(handle.dispose, handle.dispose);
  return job;
}
