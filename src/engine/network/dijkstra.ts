/**
 * Multi-source Dijkstra on a CSR graph: every node gets the minutes from (or, on a reversed graph,
 * to) the nearest seed, and which seed that is. Seeds carry a starting cost, so a facility that
 * joins the network part-way along a road starts at each end with its share of that road's time.
 */
import { clearIndexedHeap, createIndexedHeap, heapPop, heapPushOrDecrease, type IndexedHeap } from './binary-heap';
import type { Csr } from './build-graph';

/** Where searches start: node, starting minutes, and a label (e.g. the office index). */
export interface Seeds {
  count: number;
  node: Uint32Array;
  minutes: Float64Array;
  label: Int32Array;
}

/** Scratch memory for repeated searches on one graph; its contents between calls mean nothing. */
export interface DijkstraWorkspace {
  minutes: Float64Array;
  label: Int32Array;
  settled: Uint8Array;
  /** marks of the nodes still awaited by an early-stopping search */
  awaited: Uint8Array;
  heap: IndexedHeap;
}

export function createDijkstraWorkspace(nodeCount: number): DijkstraWorkspace {
  return {
    minutes: new Float64Array(nodeCount),
    label: new Int32Array(nodeCount),
    settled: new Uint8Array(nodeCount),
    awaited: new Uint8Array(nodeCount),
    heap: createIndexedHeap(nodeCount),
  };
}

export interface DijkstraOptions {
  /** stop once all these nodes are settled (values elsewhere are then upper bounds only) */
  stopWhenSettled?: Uint32Array;
  /** do not expand beyond this many minutes */
  maxMinutes?: number;
}

export interface DijkstraResult {
  /** minutes per node; Infinity where not reached */
  minutes: Float64Array;
  /** seed label per node; -1 where not reached */
  label: Int32Array;
  settledCount: number;
}

/**
 * Runs the search. With a `workspace`, the result's arrays ARE the workspace's arrays (read them
 * before the next search); without one, fresh arrays are allocated.
 */
export function multiSourceDijkstra(
  graph: Csr,
  seeds: Seeds,
  options: DijkstraOptions = {},
  workspace: DijkstraWorkspace = createDijkstraWorkspace(graph.nodeCount),
): DijkstraResult {
  const { offsets, targets, minutes: edgeMinutes } = graph;
  const { minutes: dist, label, settled, awaited, heap } = workspace;
  dist.fill(Infinity);
  label.fill(-1);
  settled.fill(0);
  clearIndexedHeap(heap);
  const maxMinutes = options.maxMinutes ?? Infinity;

  for (let i = 0; i < seeds.count; i++) {
    const v = seeds.node[i];
    const m = seeds.minutes[i];
    if (!(m < dist[v])) continue;
    dist[v] = m;
    label[v] = seeds.label[i];
    heapPushOrDecrease(heap, v, m);
  }

  let remaining = -1;
  const stop = options.stopWhenSettled;
  if (stop) {
    remaining = 0;
    for (let i = 0; i < stop.length; i++) {
      if (awaited[stop[i]] === 0) {
        awaited[stop[i]] = 1;
        remaining++;
      }
    }
    if (remaining === 0) return { minutes: dist, label, settledCount: 0 };
  }

  let settledCount = 0;
  while (heap.size > 0) {
    const v = heapPop(heap);
    const dv = dist[v];
    if (dv > maxMinutes) {
      dist[v] = Infinity;
      label[v] = -1;
      break;
    }
    settled[v] = 1;
    settledCount++;
    if (remaining > 0 && awaited[v] === 1) {
      awaited[v] = 0;
      if (--remaining === 0) break;
    }
    const lv = label[v];
    const end = offsets[v + 1];
    for (let e = offsets[v]; e < end; e++) {
      const w = targets[e];
      if (settled[w] === 1) continue;
      const dw = dv + edgeMinutes[e];
      if (dw < dist[w]) {
        dist[w] = dw;
        label[w] = lv;
        heapPushOrDecrease(heap, w, dw);
      }
    }
  }
  // leave the awaited marks clean for the next search
  if (stop && remaining > 0) for (let i = 0; i < stop.length; i++) awaited[stop[i]] = 0;
  // nodes still queued at a maxMinutes cut-off are beyond reach by definition
  if (maxMinutes < Infinity) {
    for (let i = 0; i < heap.size; i++) {
      const v = heap.nodes[i];
      dist[v] = Infinity;
      label[v] = -1;
    }
  }
  return { minutes: dist, label, settledCount };
}
