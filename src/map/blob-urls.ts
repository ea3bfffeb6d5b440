import type { FeatureCollection } from 'geojson';
import { mapTextOf, setMapUrl } from './map-data';

/**
 * Page side of workers/blob-url.worker.ts: makes the blob: URL of a collection's map text in that
 * worker, before the map asks for it, so the page's thread never waits on `URL.createObjectURL` for
 * a big file. Where workers are missing (Node), or this one fails or does not answer, nothing is
 * made here and map-data.ts makes the URL itself when it is first needed: a load waits for it at most
 * {@link ANSWER_MS} (it is awaited so that the URL is there before the map asks for it).
 */
const ANSWER_MS = 10_000;
let worker: Worker | null = null;
let broken = false;
let next = 0;
const waiting = new Map<number, (url: string | null) => void>();

function urlWorker(): Worker | null {
  if (worker || broken || typeof Worker !== 'function') return worker;
  worker = new Worker(new URL('../../workers/blob-url.worker.ts', import.meta.url), { type: 'module', name: 'blob urls' });
  worker.onmessage = (e: MessageEvent<{ id: number; url: string }>) => {
    const give = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    if (give) give(e.data.url);
    else worker?.postMessage({ revoke: e.data.url }); // too late: nobody took it
  };
  worker.onerror = (e) => {
    e.preventDefault();
    broken = true;
    worker?.terminate();
    worker = null;
    for (const give of waiting.values()) give(null);
    waiting.clear();
  };
  return worker;
}

const revoke =
  typeof FinalizationRegistry === 'function' ? new FinalizationRegistry<string>((url) => worker?.postMessage({ revoke: url })) : null;

/** Makes the map URL of `fc`'s registered text in the URL worker; resolves once it is set (at once if there is nothing to do). */
export async function prepareMapUrl(fc: FeatureCollection): Promise<void> {
  const blob = mapTextOf(fc);
  const w = blob && urlWorker();
  if (!blob || !w) return;
  const id = ++next;
  const url = await new Promise<string | null>((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      resolve(null);
    }, ANSWER_MS);
    waiting.set(id, (u) => {
      clearTimeout(timer);
      resolve(u);
    });
    w.postMessage({ id, blob });
  });
  if (!url) return;
  if (setMapUrl(fc, url)) revoke?.register(fc, url);
  else worker?.postMessage({ revoke: url }); // one was made meanwhile
}
