/**
 * Feature collections cross to a worker once, in small batches, and stay there.
 *
 * A job's inputs are GeoJSON feature collections (roads, settlements, offices…). Posting them whole
 * with every job means one structured clone of megabytes on the main thread, a long task that
 * freezes the page, and again for the next job. Instead the client sends each collection in
 * batches timed to about {@link BATCH_MS} of cloning each, yielding to the page between them, and
 * the worker keeps it under an id; later jobs on the same worker send only a reference. A restarted
 * worker holds nothing, so everything is sent again.
 *
 * Only collections that are an argument, or a property of an argument that is a plain object (as in
 * `analyse({ roads, settlements }, options)`), are shared; anything else crosses as before.
 */
import * as Comlink from 'comlink';
import type { Feature, FeatureCollection } from 'geojson';
import { holdLifeLock } from './liveness';

export const BATCH_MS = 25;

export interface CollectionRef {
  $collection: string;
}

export interface CollectionHost {
  __begin(id: string, head: Omit<FeatureCollection, 'features'>): void;
  __put(id: string, features: Feature[]): number;
  __retain(ids: string[]): void;
}

export const isCollection = (v: unknown): v is FeatureCollection =>
  !!v && typeof v === 'object' && (v as { type?: unknown }).type === 'FeatureCollection' && Array.isArray((v as { features?: unknown }).features);

const isRef = (v: unknown): v is CollectionRef => !!v && typeof v === 'object' && typeof (v as CollectionRef).$collection === 'string';

const isPlain = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

/** Maps each argument, and each property of a plain-object argument, through `f`; copies only what changed. */
async function mapShallow(args: unknown[], f: (v: unknown) => Promise<unknown> | unknown): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const a of args) {
    const direct = await f(a);
    if (direct !== a || !isPlain(a)) {
      out.push(direct);
      continue;
    }
    let copy: Record<string, unknown> | null = null;
    for (const [k, v] of Object.entries(a)) {
      const m = await f(v);
      if (m !== v) (copy ??= { ...a })[k] = m;
    }
    out.push(copy ?? a);
  }
  return out;
}

// ---- worker side ----

/** `Comlink.expose` for a worker API whose arguments may be collection references (and, in a worker, its life lock). */
export function exposeWithCollections(api: object, endpoint?: Comlink.Endpoint): void {
  const held = new Map<string, FeatureCollection>();
  const resolve = (v: unknown) => {
    if (!isRef(v)) return v;
    const fc = held.get(v.$collection);
    if (!fc) throw new Error(`The background worker no longer holds input ${v.$collection}; run again.`);
    return fc;
  };
  const host: CollectionHost & Record<string, unknown> = {
    __begin(id, head) {
      held.set(id, { ...head, features: [] } as FeatureCollection);
    },
    __put(id, features) {
      const fc = held.get(id);
      if (!fc) throw new Error(`Input ${id} was not started`);
      for (const f of features) fc.features.push(f);
      return fc.features.length;
    },
    __retain(ids) {
      const keep = new Set(ids);
      for (const id of [...held.keys()]) if (!keep.has(id)) held.delete(id);
    },
  };
  for (const [name, fn] of Object.entries(api)) {
    if (typeof fn !== 'function') continue;
    host[name] = async (...args: unknown[]) => (fn as (...a: unknown[]) => unknown).apply(api, await mapShallow(args, resolve));
  }
  Comlink.expose(host, endpoint);
  // in a real worker (no endpoint given), let the page see if this worker ends without an error
  if (!endpoint) holdLifeLock();
}

// ---- client side ----

const ids = new WeakMap<object, string>();
let nextId = 0;
const idOf = (fc: FeatureCollection) => {
  let id = ids.get(fc);
  if (!id) ids.set(fc, (id = `c${++nextId}`));
  return id;
};

/** The client's record of what one worker instance holds. */
export interface CollectionSender {
  /** the remote with every method call's collections sent (if needed) and replaced by references */
  wrap<Api>(remote: Comlink.Remote<Api>): Comlink.Remote<Api>;
}

export function collectionSender(now: () => number = () => performance.now()): CollectionSender {
  const held = new Set<string>();
  let previous: string[] = [];

  async function send(host: Comlink.Remote<CollectionHost>, id: string, fc: FeatureCollection) {
    const { features, ...head } = fc;
    await host.__begin(id, head);
    let size = 64;
    for (let i = 0; i < features.length; ) {
      const batch = features.slice(i, i + size);
      const t = now();
      // comlink clones the arguments synchronously, inside this call
      const ack = host.__put(id, batch);
      const took = now() - t;
      i += batch.length;
      size = Math.max(16, Math.min(100_000, Math.round((size * BATCH_MS) / Math.max(took, 0.5))));
      await ack; // the worker's answer arrives as a new task: the page renders and handles input between batches
    }
    held.add(id);
  }

  async function share(host: Comlink.Remote<CollectionHost>, args: unknown[]): Promise<unknown[]> {
    const used = new Set<string>();
    const out = await mapShallow(args, async (v) => {
      if (!isCollection(v)) return v;
      const id = idOf(v);
      used.add(id);
      if (!held.has(id)) await send(host, id, v);
      return { $collection: id } satisfies CollectionRef;
    });
    if (used.size) {
      // keep what this call and the one before it used; the worker drops the rest
      const keep = [...new Set([...used, ...previous])];
      if ([...held].some((id) => !keep.includes(id))) {
        for (const id of [...held]) if (!keep.includes(id)) held.delete(id);
        void host.__retain(keep);
      }
      previous = [...used];
    }
    return out;
  }

  return {
    wrap<Api>(remote: Comlink.Remote<Api>): Comlink.Remote<Api> {
      const host = remote as unknown as Comlink.Remote<CollectionHost>;
      return new Proxy(remote as object, {
        get(target, name) {
          if (typeof name !== 'string' || name === 'then') return Reflect.get(target, name);
          return async (...args: unknown[]) => {
            const shared = await share(host, args);
            return (remote as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name](...shared);
          };
        },
      }) as Comlink.Remote<Api>;
    },
  };
}
