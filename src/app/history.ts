import type { Store } from './store';

/**
 * Undo and redo for user edits (settings, layer choices, added or removed files and candidates):
 * an action calls `checkpoint()` just before it changes the state, and undo puts the whole state
 * back (states are immutable, so a snapshot costs one reference). What is transient (loading jobs,
 * messages) is kept as it is now rather than rewound, through `keep`.
 */
export interface History<S> {
  checkpoint(): void;
  undo(): boolean;
  redo(): boolean;
  canUndo(): boolean;
  canRedo(): boolean;
  clear(): void;
  subscribe(listener: () => void): () => void;
  version(): number;
}

export function createHistory<S>(store: Store<S>, keep: (restored: S, now: S) => S = (r) => r, limit = 100): History<S> {
  const past: S[] = [];
  const future: S[] = [];
  const listeners = new Set<() => void>();
  let v = 0;
  const changed = () => {
    v++;
    for (const l of [...listeners]) l();
  };
  return {
    checkpoint() {
      past.push(store.get());
      if (past.length > limit) past.shift();
      future.length = 0;
      changed();
    },
    undo() {
      const prev = past.pop();
      if (prev === undefined) return false;
      future.push(store.get());
      store.set((now) => keep(prev, now));
      changed();
      return true;
    },
    redo() {
      const next = future.pop();
      if (next === undefined) return false;
      past.push(store.get());
      store.set((now) => keep(next, now));
      changed();
      return true;
    },
    canUndo: () => past.length > 0,
    canRedo: () => future.length > 0,
    clear() {
      past.length = 0;
      future.length = 0;
      changed();
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    version: () => v,
  };
}
