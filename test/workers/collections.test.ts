import { afterEach, describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import type { Feature, FeatureCollection } from 'geojson';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { exposeWithCollections } from '../../workers/collections';
import { createWorkerHandle } from '../../workers/worker-handle';

/**
 * The real client and worker code over a real MessageChannel (structured clone included): only the
 * Worker constructor is replaced by a port, which is what a Worker is to comlink.
 */
const collection = (n: number, tag = 'x'): FeatureCollection => ({
  type: 'FeatureCollection',
  features: Array.from({ length: n }, (_, i): Feature => ({ type: 'Feature', properties: { id: `${tag}${i}`, population: i }, geometry: { type: 'Point', coordinates: [18 + i / n, -33] } })),
});

function world() {
  const seen: { method: string; batch?: number }[] = [];
  const ports: MessagePort[] = [];
  const api = {
    count(inputs: { a: FeatureCollection; b?: FeatureCollection | null }, extra: number) {
      return inputs.a.features.length * 1000 + (inputs.b?.features.length ?? 0) + extra;
    },
    total(fc: FeatureCollection) {
      return fc.features.reduce((n, f) => n + Number(f.properties?.population), 0);
    },
    ids(fc: FeatureCollection) {
      return fc.features.map((f) => f.properties?.id);
    },
    /** leaves typed arrays and other arguments alone */
    sum(values: Float64Array) {
      return values.reduce((n, v) => n + v, 0);
    },
  };
  const factory = () => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    port2.on('message', (m: { type?: string; path?: string[]; argumentList?: { value?: unknown }[] }) => {
      if (m?.type === 'APPLY') seen.push({ method: m.path?.join('.') ?? '', batch: m.path?.[0] === '__put' ? (m.argumentList?.[1]?.value as unknown[]).length : undefined });
    });
    exposeWithCollections(api, port2 as unknown as Comlink.Endpoint);
    return Object.assign(port1, { terminate: () => { port1.close(); port2.close(); } }) as unknown as Worker;
  };
  const handle = createWorkerHandle<typeof api>(factory);
  return { handle, seen, ports, api };
}

let open: ReturnType<typeof world>[] = [];
afterEach(() => {
  for (const w of open) w.handle.dispose();
  open = [];
});
const make = () => {
  const w = world();
  open.push(w);
  return w;
};

describe('feature collections sent to a worker once, in batches', () => {
  it('give the same answers as the worker API called directly', async () => {
    const { handle, api } = make();
    const a = collection(2_345, 'a');
    const b = collection(17, 'b');
    expect(await handle.call((r) => r.count({ a, b }, 5)).promise).toBe(api.count({ a, b }, 5));
    expect(await handle.call((r) => r.count({ a, b: null }, 0)).promise).toBe(api.count({ a, b: null }, 0));
    expect(await handle.call((r) => r.total(a)).promise).toBe(api.total(a));
    // order and content survive the batching
    expect(await handle.call((r) => r.ids(a)).promise).toEqual(api.ids(a));
    expect(await handle.call((r) => r.sum(new Float64Array([1, 2, 3.5]))).promise).toBe(6.5);
  });

  it('send a collection once per worker, and only a reference for later jobs', async () => {
    const { handle, seen } = make();
    const a = collection(5_000);
    await handle.call((r) => r.total(a)).promise;
    const firstPuts = seen.filter((s) => s.method === '__put');
    expect(firstPuts.reduce((n, s) => n + (s.batch ?? 0), 0)).toBe(5_000);
    seen.length = 0;
    await handle.call((r) => r.total(a)).promise;
    await handle.call((r) => r.count({ a }, 1)).promise;
    expect(seen.filter((s) => s.method === '__put')).toEqual([]);
    // a new collection object (an edit) is sent again
    const edited = { ...a, features: a.features.slice(1) };
    await handle.call((r) => r.total(edited)).promise;
    expect(seen.filter((s) => s.method === '__put').reduce((n, s) => n + (s.batch ?? 0), 0)).toBe(4_999);
  });

  it('cut a big collection into batches that grow towards the time budget, starting small', async () => {
    const { handle, seen } = make();
    await handle.call((r) => r.total(collection(60_000))).promise;
    const batches = seen.filter((s) => s.method === '__put').map((s) => s.batch ?? 0);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches[0]).toBe(64);
    expect(batches.reduce((n, b) => n + b, 0)).toBe(60_000);
    // cloning 64 small features takes far less than the budget, so the next batch is bigger
    expect(Math.max(...batches.slice(1))).toBeGreaterThan(batches[0]);
  });

  it('send everything again to a worker that was restarted after a cancel', async () => {
    const { handle, seen } = make();
    const a = collection(300);
    await handle.call((r) => r.total(a)).promise;
    const job = handle.call((r) => r.total(a));
    job.cancel();
    await expect(job.promise).rejects.toThrow();
    seen.length = 0;
    expect(await handle.call((r) => r.total(a)).promise).toBe((299 * 300) / 2);
    expect(seen.filter((s) => s.method === '__put').reduce((n, s) => n + (s.batch ?? 0), 0)).toBe(300);
  });

  it('let the worker drop collections no longer used by the last two jobs', async () => {
    const { handle, seen } = make();
    const [a, b, c] = [collection(10, 'a'), collection(10, 'b'), collection(10, 'c')];
    for (const x of [a, b, c]) await handle.call((r) => r.total(x)).promise;
    expect(seen.some((s) => s.method === '__retain')).toBe(true);
    seen.length = 0;
    await handle.call((r) => r.total(a)).promise; // dropped, so sent again
    expect(seen.filter((s) => s.method === '__put').length).toBeGreaterThan(0);
    seen.length = 0;
    await handle.call((r) => r.total(c)).promise; // still held
    expect(seen.filter((s) => s.method === '__put')).toEqual([]);
  });
});
