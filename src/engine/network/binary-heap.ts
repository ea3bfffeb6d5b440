/**
 * Two binary min-heaps on typed arrays, with no per-item objects.
 *
 * - `IndexedHeap` holds each node at most once and supports decrease-key through a position
 *   array: memory is O(nodes), which is what single-label Dijkstra needs.
 * - `LazyHeap` allows duplicates (stale entries are skipped by the caller on pop) and carries a
 *   label with each entry: what the k-nearest search needs, where a node holds several labels.
 */

export interface IndexedHeap {
  nodes: Uint32Array;
  keys: Float64Array;
  /** node → slot in the heap; -1 = not in the heap */
  position: Int32Array;
  size: number;
}

export function createIndexedHeap(nodeCount: number): IndexedHeap {
  return {
    nodes: new Uint32Array(Math.max(1, nodeCount)),
    keys: new Float64Array(Math.max(1, nodeCount)),
    position: new Int32Array(Math.max(1, nodeCount)).fill(-1),
    size: 0,
  };
}

/** Empties the heap, clearing positions of anything left in it (O(size), not O(nodes)). */
export function clearIndexedHeap(h: IndexedHeap): void {
  for (let i = 0; i < h.size; i++) h.position[h.nodes[i]] = -1;
  h.size = 0;
}

function siftUp(h: IndexedHeap, i: number, node: number, key: number): void {
  const { nodes, keys, position } = h;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pk = keys[parent];
    if (pk <= key) break;
    const pn = nodes[parent];
    nodes[i] = pn;
    keys[i] = pk;
    position[pn] = i;
    i = parent;
  }
  nodes[i] = node;
  keys[i] = key;
  position[node] = i;
}

/** Inserts `node` with `key`, or lowers its key if it is already queued with a larger one. */
export function heapPushOrDecrease(h: IndexedHeap, node: number, key: number): void {
  const at = h.position[node];
  if (at >= 0) {
    if (key < h.keys[at]) siftUp(h, at, node, key);
    return;
  }
  siftUp(h, h.size++, node, key);
}

/** Smallest key in the heap (undefined behaviour when empty). */
export function heapPeekKey(h: IndexedHeap): number {
  return h.keys[0];
}

/** Removes and returns the node with the smallest key. */
export function heapPop(h: IndexedHeap): number {
  const { nodes, keys, position } = h;
  const top = nodes[0];
  position[top] = -1;
  const n = --h.size;
  if (n > 0) {
    const node = nodes[n];
    const key = keys[n];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let ck = keys[child];
      const right = child + 1;
      if (right < n && keys[right] < ck) {
        child = right;
        ck = keys[right];
      }
      if (ck >= key) break;
      const cn = nodes[child];
      nodes[i] = cn;
      keys[i] = ck;
      position[cn] = i;
      i = child;
    }
    nodes[i] = node;
    keys[i] = key;
    position[node] = i;
  }
  return top;
}

export interface LazyHeap {
  keys: Float64Array;
  nodes: Uint32Array;
  labels: Int32Array;
  size: number;
}

export function createLazyHeap(capacity: number): LazyHeap {
  const c = Math.max(16, capacity);
  return { keys: new Float64Array(c), nodes: new Uint32Array(c), labels: new Int32Array(c), size: 0 };
}

function growLazy(h: LazyHeap): void {
  const c = h.keys.length * 2;
  const keys = new Float64Array(c);
  const nodes = new Uint32Array(c);
  const labels = new Int32Array(c);
  keys.set(h.keys);
  nodes.set(h.nodes);
  labels.set(h.labels);
  h.keys = keys;
  h.nodes = nodes;
  h.labels = labels;
}

export function lazyPush(h: LazyHeap, key: number, node: number, label: number): void {
  if (h.size === h.keys.length) growLazy(h);
  const { keys, nodes, labels } = h;
  let i = h.size++;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pk = keys[parent];
    if (pk <= key) break;
    keys[i] = pk;
    nodes[i] = nodes[parent];
    labels[i] = labels[parent];
    i = parent;
  }
  keys[i] = key;
  nodes[i] = node;
  labels[i] = label;
}

/** Removes the smallest entry; read keys[0], nodes[0], labels[0] BEFORE calling. */
export function lazyPop(h: LazyHeap): void {
  const { keys, nodes, labels } = h;
  const n = --h.size;
  if (n <= 0) return;
  const key = keys[n];
  const node = nodes[n];
  const label = labels[n];
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    let ck = keys[child];
    const right = child + 1;
    if (right < n && keys[right] < ck) {
      child = right;
      ck = keys[right];
    }
    if (ck >= key) break;
    keys[i] = ck;
    nodes[i] = nodes[child];
    labels[i] = labels[child];
    i = child;
  }
  keys[i] = key;
  nodes[i] = node;
  labels[i] = label;
}
