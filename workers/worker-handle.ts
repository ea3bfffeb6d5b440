import * as Comlink from 'comlink';
import { AbortError } from '../src/model/errors';
import type { Progress, ProgressFn } from '../src/model/progress';
import { collectionSender } from './collections';
import { watchLife } from './liveness';

/**
 * A lazily created, explicitly disposed comlink worker. The UI never holds a raw Worker.
 *
 * A tight synchronous loop in the worker cannot hear a comlink message, so cancelling a job means
 * terminating the worker; the next call starts a fresh one. A worker that dies rejects every job in
 * flight with an error that says so, and is restarted on the next call. That includes a worker that
 * ends without an error event (closed, or stopped by the browser), seen through ./liveness.
 */
export interface Job<R> {
  promise: Promise<R>;
  cancel(): void;
}

export interface WorkerHandle<Api> {
  call<R>(fn: (api: Comlink.Remote<Api>, progress: ProgressFn) => Promise<R>, onProgress?: ProgressFn): Job<R>;
  /** true while a job runs */
  busy(): boolean;
  dispose(): void;
}

export class WorkerCrashError extends Error {
  override readonly name = 'WorkerCrashError';
}

interface Running {
  reject(e: unknown): void;
}

export function createWorkerHandle<Api>(factory: () => Worker): WorkerHandle<Api> {
  let worker: Worker | null = null;
  let remote: Comlink.Remote<Api> | null = null;
  /** what the jobs call: the remote, with feature collections sent once per worker (./collections) */
  let api: Comlink.Remote<Api> | null = null;
  const running = new Set<Running>();
  let unwatch: (() => void) | null = null;

  const stop = () => {
    unwatch?.();
    unwatch = null;
    if (remote) remote[Comlink.releaseProxy]();
    worker?.terminate();
    worker = null;
    remote = null;
    api = null;
  };

  const start = () => {
    if (api) return api;
    worker = factory();
    const crashed = (what: string) => {
      stop();
      const err = new WorkerCrashError(`The background worker failed: ${what}. A fresh worker starts when you run it again.`);
      for (const r of [...running]) r.reject(err);
      running.clear();
    };
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      crashed(e.message || 'it stopped unexpectedly');
    });
    worker.addEventListener('messageerror', () => crashed('a message could not be read'));
    unwatch = watchLife(worker, () => crashed('it stopped without reporting an error (closed, or stopped by the browser, for example when memory ran short)'));
    remote = Comlink.wrap<Api>(worker);
    api = collectionSender().wrap(remote);
    return api;
  };

  return {
    call(fn, onProgress) {
      const api = start();
      let settle!: Running;
      const promise = new Promise<any>((resolve, reject) => {
        let done = false;
        settle = {
          reject: (e) => {
            if (!done) {
              done = true;
              reject(e);
            }
          },
        };
        running.add(settle);
        const progress = Comlink.proxy((p: Progress) => {
          if (!done) onProgress?.(p);
        });
        fn(api, progress as ProgressFn).then(
          (v) => {
            running.delete(settle);
            if (!done) {
              done = true;
              resolve(v);
            }
          },
          (e) => {
            running.delete(settle);
            settle.reject(e);
          },
        );
      });
      return {
        promise,
        cancel() {
          if (!running.has(settle)) return;
          running.delete(settle);
          settle.reject(new AbortError());
          // the worker may be deep in a synchronous loop: only terminating stops it
          stop();
          for (const r of [...running]) r.reject(new AbortError('Cancelled with another job in the same worker.'));
          running.clear();
        },
      };
    },
    busy: () => running.size > 0,
    dispose() {
      for (const r of [...running]) r.reject(new AbortError('The worker was closed.'));
      running.clear();
      stop();
    },
  };
}

/**
 * Runs jobs so that only the latest one's result is kept: starting a job cancels the previous one,
 * and a superseded result is never delivered (it rejects with AbortError).
 */
export function latestOnly<Api>(handle: WorkerHandle<Api>) {
  let current: Job<unknown> | null = null;
  return function run<R>(fn: (api: Comlink.Remote<Api>, progress: ProgressFn) => Promise<R>, onProgress?: ProgressFn): Job<R> {
    current?.cancel();
    const job = handle.call(fn, onProgress);
    current = job;
    const promise = job.promise.then((v) => {
      if (current !== job) throw new AbortError('Superseded by a newer job.');
      return v;
    });
    return { promise, cancel: job.cancel };
  };
}
