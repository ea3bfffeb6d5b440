/**
 * The road graph with its degree-2 chains contracted — the "compressed" graph OSRM searches.
 *
 * Real road data is mostly shape points: a road bends, so it has vertices, but nothing joins
 * there (over half the nodes of the generated province, 70 %+ in OpenStreetMap). A search only
 * needs the JUNCTIONS (nodes with ≠ 2 road segments) and the places trips end at; a chain of
 * shape points between two of those becomes one edge per allowed direction. Any node inside a
 * chain can leave it only by one of its two ends, so its time to the nearest office is
 * min(to end A + time at A, to end B + time at B) — read off after the search, at no cost.
 *
 * Destinations (offices, sites) must not sit inside a chain, or that read-off would miss them:
 * the nodes where they join the network are passed as `keep` and stay in the core.
 */
import { createArena, plan, take } from './arena';
import type { Csr, RoadGraph } from './build-graph';

export interface CoreGraph {
  /** nodes of the full graph */
  nodeCount: number;
  coreCount: number;
  /** core id of each node, -1 for nodes inside a chain */
  coreOf: Int32Array;
  /** node id of each core node */
  coreNode: Uint32Array;
  /** for a chain node: core ids of the chain's two ends (-1 for core nodes) */
  endA: Int32Array;
  endB: Int32Array;
  /** for a chain node: minutes along the chain to end A / end B; Infinity where one-way forbids */
  toA: Float32Array;
  toB: Float32Array;
  /** the reversed graph over core nodes (edges arriving at each core node) */
  reverse: Csr;
  /** share of nodes inside chains, for the record */
  contractedShare: number;
}

/**
 * Builds the core. `keep[v] = 1` keeps node v as a core node (destinations' entry nodes).
 * O(nodes + segments), typed arrays only.
 */
export function buildCoreGraph(graph: RoadGraph, keep?: Uint8Array): CoreGraph {
  const n = graph.nodeCount;
  const S = graph.segmentCount;
  const { segmentFrom, segmentTo, segmentMinutes, segmentOneway } = graph;

  // all scratch in one buffer and the result in another (see arena.ts for why). A chain has at
  // least one segment, so there are at most S chains and 2S core edges.
  const scratchPlan = { bytes: 0 };
  plan(scratchPlan, Uint32Array, n + 1); // incOffsets
  plan(scratchPlan, Uint32Array, 2 * S); // incSegments
  plan(scratchPlan, Uint32Array, n); // cursor, then chainNodes
  plan(scratchPlan, Float32Array, n + 1); // bwdToA
  plan(scratchPlan, Float32Array, n + 1); // segTimes
  plan(scratchPlan, Uint8Array, n + 1); // segForwardOk
  plan(scratchPlan, Uint8Array, S); // visited
  plan(scratchPlan, Uint32Array, n); // coreNodeList
  plan(scratchPlan, Uint32Array, 2 * S); // eFrom
  plan(scratchPlan, Uint32Array, 2 * S); // eTo
  plan(scratchPlan, Float32Array, 2 * S); // eMin
  const scratch = createArena(scratchPlan.bytes);

  // incident segments per node (undirected), as CSR
  const incOffsets = take(scratch, Uint32Array, n + 1);
  for (let s = 0; s < S; s++) {
    incOffsets[segmentFrom[s] + 1]++;
    incOffsets[segmentTo[s] + 1]++;
  }
  for (let v = 0; v < n; v++) incOffsets[v + 1] += incOffsets[v];
  const incSegments = take(scratch, Uint32Array, 2 * S);
  const chainNodes = take(scratch, Uint32Array, n); // first used as insertion cursors
  chainNodes.set(incOffsets.subarray(0, n));
  for (let s = 0; s < S; s++) {
    incSegments[chainNodes[segmentFrom[s]]++] = s;
    incSegments[chainNodes[segmentTo[s]]++] = s;
  }
  const bwdToA = take(scratch, Float32Array, n + 1);
  const segTimes = take(scratch, Float32Array, n + 1);
  const segForwardOk = take(scratch, Uint8Array, n + 1);
  const visited = take(scratch, Uint8Array, S);
  const coreNodeList = take(scratch, Uint32Array, n);
  const eFrom = take(scratch, Uint32Array, 2 * S);
  const eTo = take(scratch, Uint32Array, 2 * S);
  const eMin = take(scratch, Float32Array, 2 * S);
  let edgeCount = 0;

  const outPlan = { bytes: 0 };
  plan(outPlan, Int32Array, n); // coreOf
  plan(outPlan, Int32Array, n); // endA
  plan(outPlan, Int32Array, n); // endB
  plan(outPlan, Float32Array, n); // toA
  plan(outPlan, Float32Array, n); // toB
  const out = createArena(outPlan.bytes);
  const coreOf = take(out, Int32Array, n).fill(-1);
  let coreCount = 0;
  for (let v = 0; v < n; v++) {
    if (incOffsets[v + 1] - incOffsets[v] !== 2 || (keep && keep[v])) {
      coreOf[v] = coreCount;
      coreNodeList[coreCount++] = v;
    }
  }
  const endA = take(out, Int32Array, n).fill(-1);
  const endB = take(out, Int32Array, n).fill(-1);
  const toA = take(out, Float32Array, n);
  const toB = take(out, Float32Array, n);
  const addEdge = (from: number, to: number, minutes: number) => {
    eFrom[edgeCount] = from;
    eTo[edgeCount] = to;
    eMin[edgeCount] = minutes;
    edgeCount++;
  };
  // per-segment data of the chain being walked: segment i leads from interior node i−1 (or A)
  // to interior node i (or B); bwdToA[i]: interior node i back to A

  // walks every unvisited chain leaving core node a, to the core node at its other end
  const walk = (a: number) => {
    for (let k = incOffsets[a]; k < incOffsets[a + 1]; k++) {
      const first = incSegments[k];
      if (visited[first]) continue;
      let prev = a;
      let seg = first;
      let len = 0;
      let fwd = 0;
      let bwd = 0;
      for (;;) {
        visited[seg] = 1;
        const forward = segmentFrom[seg] === prev;
        const cur = forward ? segmentTo[seg] : segmentFrom[seg];
        const dir = segmentOneway[seg];
        const t = segmentMinutes[seg];
        const okF = forward ? dir >= 0 : dir <= 0;
        const okB = forward ? dir <= 0 : dir >= 0;
        segTimes[len] = t;
        segForwardOk[len] = okF ? 1 : 0;
        fwd = okF ? fwd + t : Infinity;
        bwd = okB ? bwd + t : Infinity;
        if (coreOf[cur] >= 0) {
          // chain A … B complete. v = chainNodes[i] sits after segment i; v → B uses
          // segments i+1 … len, open only if each allows the forward direction
          const ca = coreOf[a];
          const cb = coreOf[cur];
          let suffix = 0;
          for (let i = len - 1; i >= 0; i--) {
            suffix = segForwardOk[i + 1] && suffix < Infinity ? suffix + segTimes[i + 1] : Infinity;
            const v = chainNodes[i];
            endA[v] = ca;
            endB[v] = cb;
            toA[v] = bwdToA[i];
            toB[v] = suffix;
          }
          if (a !== cur) {
            if (fwd < Infinity) addEdge(ca, cb, fwd);
            if (bwd < Infinity) addEdge(cb, ca, bwd);
          }
          break;
        }
        chainNodes[len] = cur;
        bwdToA[len] = bwd;
        len++;
        const o = incOffsets[cur];
        seg = incSegments[o] === seg ? incSegments[o + 1] : incSegments[o];
        prev = cur;
      }
    }
  };
  for (let c = 0; c < coreCount; c++) walk(coreNodeList[c]);
  // pure cycles (every node of degree 2, none kept): promote one node each to the core
  for (let v = 0; v < n; v++) {
    if (coreOf[v] < 0 && endA[v] < 0) {
      coreOf[v] = coreCount;
      coreNodeList[coreCount++] = v;
      walk(v);
    }
  }

  // reversed CSR over the core: edge (from → to) is listed at `to`, with `from` as its target
  const reverseOffsets = new Uint32Array(coreCount + 1);
  for (let e = 0; e < edgeCount; e++) reverseOffsets[eTo[e] + 1]++;
  for (let c = 0; c < coreCount; c++) reverseOffsets[c + 1] += reverseOffsets[c];
  const fill = reverseOffsets.slice(0, coreCount);
  const reverseTargets = new Uint32Array(edgeCount);
  const reverseMinutes = new Float32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const i = fill[eTo[e]]++;
    reverseTargets[i] = eFrom[e];
    reverseMinutes[i] = eMin[e];
  }
  return {
    nodeCount: n,
    coreCount,
    coreOf,
    coreNode: coreNodeList.slice(0, coreCount),
    endA,
    endB,
    toA,
    toB,
    reverse: { nodeCount: coreCount, offsets: reverseOffsets, targets: reverseTargets, minutes: reverseMinutes },
    contractedShare: n ? 1 - coreCount / n : 0,
  };
}

/** Share of nodes with exactly two road segments: what contraction could remove. */
export function degreeTwoShare(graph: RoadGraph): number {
  const degree = new Uint8Array(graph.nodeCount);
  for (let s = 0; s < graph.segmentCount; s++) {
    const a = graph.segmentFrom[s];
    const b = graph.segmentTo[s];
    if (degree[a] < 3) degree[a]++;
    if (degree[b] < 3) degree[b]++;
  }
  let two = 0;
  for (let v = 0; v < graph.nodeCount; v++) if (degree[v] === 2) two++;
  return graph.nodeCount ? two / graph.nodeCount : 0;
}
