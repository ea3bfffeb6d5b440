import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/app/store';
import { throttleProgress, type Progress } from '../../src/model/progress';

describe('store', () => {
  it('notifies subscribers on change and not when an update returns the same state', () => {
    const store = createStore({ n: 0 });
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.set((s) => ({ n: s.n + 1 }));
    store.set((s) => s);
    expect(store.get().n).toBe(1);
    expect(calls).toBe(1);
    off();
    store.set((s) => ({ n: s.n + 1 }));
    expect(calls).toBe(1);
  });
});

describe('progress throttling', () => {
  it('passes the first and the final update and drops those in between', () => {
    const seen: Progress[] = [];
    const p = throttleProgress((x) => seen.push(x), 10_000);
    for (let i = 0; i <= 100; i++) p({ phase: 'x', done: i, total: 100 });
    expect(seen.map((s) => s.done)).toEqual([0, 100]);
  });
});
