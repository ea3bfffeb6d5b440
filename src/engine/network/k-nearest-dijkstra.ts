/**
 * k-nearest multi-source Dijkstra: every node gets its k nearest DISTINCT seed labels (e.g. the k
 * nearest offices offering a service), sorted by minutes. Each node may be settled up to k times,
 * once per label, so the cost is about k single-label searches, not one per seed.
 */
import { createLazyHeap, lazyPop, lazyPush, type LazyHeap } from './binary-heap';
import type { Csr } from './build-graph';
import type { Seeds } from './dijkstra';

export interface KNearestResult {
  k: number;
  /** node v's i-th nearest label is at v·k + i; Infinity where fewer than k are reachable */
  minutes: Float64Array;
  /** -1 where fewer than k are reachable */
  label: Int32Array;
}

/** Offers (key, label) to node v's tentative top-k list; true if it was taken. */
function offer(minutes: Float64Array, label: Int32Array, settledCount: Uint8Array, k: number, v: number, key: number, lab: number): boolean {
  const base = v * k;
  const settled = settledCount[v];
  if (settled === k) return false;
  let at = -1;
  for (let j = 0; j < k; j++) {
    if (label[base + j] === lab) {
      at = j;
      break;
    }
  }
  let end: number; // the slot freed for insertion: the old entry of this label, or the last slot
  if (at >= 0) {
    if (at < settled || !(key < minutes[base + at])) return false;
    end = at;
  } else {
    if (!(key < minutes[base + k - 1])) return false;
    end = k - 1;
  }
  // shift larger entries one slot down, keeping the list sorted; settled entries never move
  let j = end;
  while (j > settled && minutes[base + j - 1] > key) {
    minutes[base + j] = minutes[base + j - 1];
    label[base + j] = label[base + j - 1];
    j--;
  }
  minutes[base + j] = key;
  label[base + j] = lab;
  return true;
}

/** Scratch memory for repeated k-nearest searches with one k on one graph. */
export interface KNearestWorkspace {
  k: number;
  minutes: Float64Array;
  label: Int32Array;
  settledCount: Uint8Array;
  heap: LazyHeap;
}

export function createKNearestWorkspace(nodeCount: number, k: number): KNearestWorkspace {
  return {
    k,
    minutes: new Float64Array(nodeCount * k),
    label: new Int32Array(nodeCount * k),
    settledCount: new Uint8Array(nodeCount),
    heap: createLazyHeap(Math.min(nodeCount * k, 1 << 20)),
  };
}

/**
 * With a `workspace` (made for this k), the result's arrays ARE the workspace's: read them before
 * the next search.
 */
export function kNearestDijkstra(graph: Csr, seeds: Seeds, k: number, workspace?: KNearestWorkspace): KNearestResult {
  const n = graph.nodeCount;
  const { offsets, targets, minutes: edgeMinutes } = graph;
  const ws = workspace && workspace.k === k && workspace.settledCount.length >= n ? workspace : createKNearestWorkspace(n, k);
  const { minutes, label, settledCount, heap } = ws;
  minutes.fill(Infinity);
  label.fill(-1);
  settledCount.fill(0);
  heap.size = 0;

  for (let i = 0; i < seeds.count; i++) {
    const v = seeds.node[i];
    if (offer(minutes, label, settledCount, k, v, seeds.minutes[i], seeds.label[i])) lazyPush(heap, seeds.minutes[i], v, seeds.label[i]);
  }
  while (heap.size > 0) {
    const key = heap.keys[0];
    const v = heap.nodes[0];
    const lab = heap.labels[0];
    lazyPop(heap);
    const base = v * k;
    const s = settledCount[v];
    if (s === k) continue;
    let at = -1;
    for (let j = s; j < k; j++) {
      if (label[base + j] === lab) {
        at = j;
        break;
      }
    }
    if (at < 0 || minutes[base + at] !== key) continue; // stale entry
    if (at !== s) {
      // an equal-key entry sits before it; swap so settled entries stay a sorted prefix
      label[base + at] = label[base + s];
      minutes[base + at] = minutes[base + s];
      label[base + s] = lab;
      minutes[base + s] = key;
    }
    settledCount[v] = s + 1;
    const end = offsets[v + 1];
    for (let e = offsets[v]; e < end; e++) {
      const w = targets[e];
      const kw = key + edgeMinutes[e];
      if (offer(minutes, label, settledCount, k, w, kw, lab)) lazyPush(heap, kw, w, lab);
    }
  }
  return { k, minutes, label };
}
