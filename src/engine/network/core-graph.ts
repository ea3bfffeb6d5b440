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

  // incident segments per node (undirected), as CSR
  const incOffsets = new Uint32Array(n + 1);
  for (let s = 0; s < S; s++) {
    incOffsets[segmentFrom[s] + 1]++;
    incOffsets[segmentTo[s] + 1]++;
  }
  for (let v = 0; v < n; v++) incOffsets[v + 1] += incOffsets[v];
  const incSegments = new Uint32Array(2 * S);
  const cursor = incOffsets.slice(0, n);
  for (let s = 0; s < S; s++) {
    incSegments[cursor[segmentFrom[s]]++] = s;
    incSegments[cursor[segmentTo[s]]++] = s;
  }

  const coreOf = new Int32Array(n).fill(-1);
  const coreNodeList = new Uint32Array(n);
  let coreCount = 0;
  for (let v = 0; v < n; v++) {
    if (incOffsets[v + 1] - incOffsets[v] !== 2 || (keep && keep[v])) {
      coreOf[v] = coreCount;
      coreNodeList[coreCount++] = v;
    }
  }

  const endA = new Int32Array(n).fill(-1);
  const endB = new Int32Array(n).fill(-1);
  const toA = new Float32Array(n);
  const toB = new Float32Array(n);
  const visited = new Uint8Array(S);
  // core edges, collected then sorted into a reversed CSR
  let edgeCap = 1024;
  let eFrom = new Uint32Array(edgeCap);
  let eTo = new Uint32Array(edgeCap);
  let eMin = new Float32Array(edgeCap);
  let edgeCount = 0;
  const addEdge = (from: number, to: number, minutes: number) => {
    if (edgeCount === edgeCap) {
      edgeCap *= 2;
      const f = new Uint32Array(edgeCap);
      const t = new Uint32Array(edgeCap);
      const m = new Float32Array(edgeCap);
      f.set(eFrom);
      t.set(eTo);
      m.set(eMin);
      eFrom = f;
      eTo = t;
      eMin = m;
    }
    eFrom[edgeCount] = from;
    eTo[edgeCount] = to;
    eMin[edgeCount] = minutes;
    edgeCount++;
  };

  // scratch for one chain: its interior nodes, and each one's time back to A
  const chainNodes = new Uint32Array(n);
  const bwdToA = new Float64Array(n + 1);

  // per-segment data of the chain being walked: segment i leads from interior node i−1 (or A)
  // to interior node i (or B)
  const segTimes = new Float64Array(n + 1);
  const segForwardOk = new Uint8Array(n + 1);

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
