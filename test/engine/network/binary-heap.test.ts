import { describe, expect, it } from 'vitest';
import { createIndexedHeap, createLazyHeap, heapPop, heapPushOrDecrease, lazyPop, lazyPush } from '../../../src/engine/network/binary-heap';
import { hilbertOrder } from '../../../src/engine/network/node-order';
import { seeded } from '../fixtures';

describe('typed-array heaps', () => {
  it('pops an indexed heap in key order, honouring decrease-key', () => {
    const rand = seeded(5);
    const n = 500;
    const heap = createIndexedHeap(n);
    const key = new Float64Array(n).fill(Infinity);
    for (let round = 0; round < 3000; round++) {
      const v = Math.floor(rand() * n);
      const k = rand() * 100;
      if (k < key[v]) {
        key[v] = k;
        heapPushOrDecrease(heap, v, k);
      }
    }
    const expected = Array.from(key.keys()).filter((v) => key[v] < Infinity).sort((a, b) => key[a] - key[b]);
    const popped: number[] = [];
    while (heap.size) popped.push(heapPop(heap));
    expect(popped.map((v) => key[v])).toEqual(expected.map((v) => key[v]));
    expect(new Set(popped).size).toBe(popped.length);
  });

  it('pops a lazy heap in key order, growing as needed, labels attached', () => {
    const rand = seeded(6);
    const heap = createLazyHeap(4);
    const items = Array.from({ length: 2000 }, (_, i) => ({ key: rand(), node: i, label: i % 7 }));
    for (const it of items) lazyPush(heap, it.key, it.node, it.label);
    const out: number[] = [];
    while (heap.size) {
      expect(heap.labels[0]).toBe(heap.nodes[0] % 7);
      out.push(heap.keys[0]);
      lazyPop(heap);
    }
    expect(out).toEqual(items.map((i) => i.key).sort((a, b) => a - b));
  });
});

describe('Hilbert node order', () => {
  it('is a permutation that keeps near points near in memory', () => {
    const rand = seeded(8);
    const n = 4096;
    const lon = Float64Array.from({ length: n }, () => 27 + rand());
    const lat = Float64Array.from({ length: n }, () => -27 + rand());
    const id = hilbertOrder(lon, lat, n);
    expect(new Set(id).size).toBe(n);
    expect(Math.max(...id)).toBe(n - 1);
    // consecutive ids are close on the ground: mean step far below the mean random distance
    const byId = new Uint32Array(n);
    id.forEach((newId, old) => (byId[newId] = old));
    let step = 0;
    for (let i = 1; i < n; i++) step += Math.hypot(lon[byId[i]] - lon[byId[i - 1]], lat[byId[i]] - lat[byId[i - 1]]);
    expect(step / (n - 1)).toBeLessThan(0.05);
  });
});
