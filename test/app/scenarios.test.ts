import { describe, expect, it } from 'vitest';
import { decodeScenario, encodeScenario } from '../../src/app/scenarios/scenario-codec';
import { restoreSnapshot, scenarioFigures, snapshotOf } from '../../src/app/scenarios/snapshot';
import { createHistory } from '../../src/app/history';
import { createStore } from '../../src/app/store';
import { initialState } from '../../src/app/state';

describe('scenario files', () => {
  it('round-trip typed arrays with their type, and non-finite numbers', () => {
    const state = {
      a: new Float32Array([1.5, Infinity, NaN, -0]),
      b: new Int32Array([-1, 2, 2147483647]),
      c: new Uint8Array([0, 255]),
      d: new Float64Array(new Float64Array([1, 2, 3, 4]).buffer, 8, 2), // a view into a larger buffer
      n: { x: Infinity, y: -Infinity, z: NaN, w: 3 },
      s: ['x', { t: 'y' }],
    };
    const back = decodeScenario<typeof state>(encodeScenario({ name: 'Test', savedAt: 'now', state })).state;
    expect(back.a).toBeInstanceOf(Float32Array);
    expect([...back.a]).toEqual([1.5, Infinity, NaN, -0]);
    expect(back.b).toBeInstanceOf(Int32Array);
    expect([...back.b]).toEqual([-1, 2, 2147483647]);
    expect([...back.c]).toEqual([0, 255]);
    expect([...back.d]).toEqual([2, 3]);
    expect(back.n).toEqual({ x: Infinity, y: -Infinity, z: NaN, w: 3 });
    expect(back.s).toEqual(['x', { t: 'y' }]);
  });

  it('refuses files that are not scenarios, naming what is wrong', () => {
    expect(() => decodeScenario('{oops')).toThrow(/not valid JSON/);
    expect(() => decodeScenario('{"type":"FeatureCollection"}')).toThrow(/not a Thusong Planner scenario/);
    expect(() => decodeScenario('{"format":"thusong-planner-scenario","version":99,"name":"x","state":{}}')).toThrow(/newer/);
  });
});

describe('snapshots', () => {
  it('leave out what belongs to the moment and save a running job as not run', () => {
    const s = initialState();
    const running = {
      ...s,
      jobs: [{ id: 'j', fileName: 'x', bytes: 1 }],
      failures: [{ id: 'f', fileName: 'y', errors: [] }],
      coverage: { ...s.coverage, status: 'running' as const, progress: { phase: 'x', done: 1, total: 2 } },
    };
    const snap = snapshotOf(running);
    expect(snap.jobs).toEqual([]);
    expect(snap.failures).toEqual([]);
    expect(snap.coverage.status).toBe('idle');
    expect(snap.coverage.progress).toBeUndefined();
  });

  it('restore over fresh defaults, so settings added since the save get their default', () => {
    const fresh = initialState();
    const saved = { coverage: { thresholds: [15] } } as never;
    const restored = restoreSnapshot(fresh, saved);
    expect(restored.coverage.thresholds).toEqual([15]);
    expect(restored.coverage.travel).toEqual(fresh.coverage.travel);
    expect(restored.view).toEqual(fresh.view);
  });

  it('summarise layers and coverage for the comparison', () => {
    const s = initialState();
    const rows = scenarioFigures(s);
    expect(rows.find((r) => r.label === 'settlements: features')?.value).toBe('0');
    expect(rows.some((r) => r.label.startsWith('coverage'))).toBe(false);
  });
});

describe('undo history', () => {
  it('undoes and redoes checkpointed changes in order, and a new edit clears the redo list', () => {
    const store = createStore({ n: 0, transient: 'a' });
    const h = createHistory(store, (restored, now) => ({ ...restored, transient: now.transient }));
    const edit = (n: number) => {
      h.checkpoint();
      store.set((s) => ({ ...s, n }));
    };
    edit(1);
    edit(2);
    store.set((s) => ({ ...s, transient: 'b' }));
    expect(h.undo()).toBe(true);
    expect(store.get()).toEqual({ n: 1, transient: 'b' });
    expect(h.undo()).toBe(true);
    expect(store.get().n).toBe(0);
    expect(h.undo()).toBe(false);
    expect(h.redo()).toBe(true);
    expect(store.get().n).toBe(1);
    edit(5);
    expect(h.canRedo()).toBe(false);
    expect(h.undo()).toBe(true);
    expect(store.get().n).toBe(1);
  });

  it('keeps at most the limit of steps', () => {
    const store = createStore({ n: 0 });
    const h = createHistory(store, undefined, 3);
    for (let i = 1; i <= 10; i++) {
      h.checkpoint();
      store.set(() => ({ n: i }));
    }
    let steps = 0;
    while (h.undo()) steps++;
    expect(steps).toBe(3);
    expect(store.get().n).toBe(7);
  });
});
