import * as Comlink from 'comlink';
import type { IoApi } from './io.worker';
import { createWorkerHandle, type Job } from './worker-handle';
import type { LoadOptions, LoadResult } from '../src/io/load-file';
import type { ProgressFn } from '../src/model/progress';

/**
 * Each file loads in its own worker, so files parse in parallel and cancelling one load
 * (which terminates its worker) never touches another.
 */
export function loadFileInWorker(bytes: ArrayBuffer, options: LoadOptions, onProgress?: ProgressFn): Job<LoadResult> {
  const handle = createWorkerHandle<IoApi>(() => new Worker(new URL('./io.worker.ts', import.meta.url), { type: 'module', name: `load ${options.fileName}` }));
  // the caller keeps its bytes (for reassigning the file later), so send a copy
  const copy = bytes.slice(0);
  const job = handle.call<LoadResult>((api, progress) => api.loadFile(Comlink.transfer(copy, [copy]), options, progress) as Promise<LoadResult>, onProgress);
  job.promise.then(handle.dispose, handle.dispose);
  return job;
}
