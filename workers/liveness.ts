/**
 * Telling a worker that died silently from one that is only busy.
 *
 * A worker can end without an `error` event: it may call `close()`, or the browser may stop it
 * (memory pressure, a crashed thread). Its jobs would then wait forever. A heartbeat cannot tell
 * that from a long synchronous job, which cannot answer either. A Web Lock can: the worker takes a
 * lock of its own as it starts and never lets go, and the browser releases it only when the worker
 * is gone. The page queues for the same lock; being granted it means the worker has ended.
 *
 * Where the Web Locks API is missing (it needs a secure context; localhost counts), nothing is
 * watched and the worker behaves as before.
 */

/** The message a worker posts once it holds its lock. */
interface LifeMessage {
  thusongLife: string;
}

const PREFIX = 'thusong-worker:';

const isLifeMessage = (v: unknown): v is LifeMessage =>
  !!v && typeof v === 'object' && typeof (v as LifeMessage).thusongLife === 'string' && (v as LifeMessage).thusongLife.startsWith(PREFIX);

/** Worker side: hold a lock for as long as this worker lives, and tell the page its name. */
export function holdLifeLock(): void {
  const locks = (globalThis as { navigator?: Navigator }).navigator?.locks;
  if (!locks) return;
  const name = PREFIX + crypto.randomUUID();
  void locks.request(name, () => {
    self.postMessage({ thusongLife: name } satisfies LifeMessage);
    return new Promise<never>(() => {});
  });
}

/**
 * Page side: calls `onEnd` once if the worker ends by itself. The returned function stops watching,
 * and must be called before the page terminates the worker on purpose.
 */
export function watchLife(worker: Worker, onEnd: () => void): () => void {
  const locks = globalThis.navigator?.locks;
  const stopped = new AbortController();
  if (!locks) return () => stopped.abort();
  const listen = (e: MessageEvent) => {
    if (!isLifeMessage(e.data)) return;
    worker.removeEventListener('message', listen);
    locks
      .request(e.data.thusongLife, { signal: stopped.signal }, () => {
        if (!stopped.signal.aborted) onEnd();
      })
      .catch(() => {}); // aborted while queued: the page stopped watching
  };
  worker.addEventListener('message', listen);
  return () => {
    worker.removeEventListener('message', listen);
    stopped.abort();
  };
}
