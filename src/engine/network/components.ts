/**
 * Weakly connected components of the road graph (one-way streets ignored), by union-find with
 * path halving on a typed array. Component 0 is the largest; the rest follow by size.
 */

export interface Components {
  componentCount: number;
  /** component id per node; 0 = largest */
  nodeComponent: Uint32Array;
  /** nodes per component, largest first */
  componentSizes: Uint32Array;
}

function find(parent: Uint32Array, x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

/** `memory` may supply the output array and 2 × nodeCount words of scratch. */
export function findComponents(
  nodeCount: number,
  edgeFrom: Uint32Array,
  edgeTo: Uint32Array,
  edgeCount: number,
  memory?: { nodeComponent: Uint32Array; scratch: Uint32Array },
): Components {
  const parent = memory ? memory.scratch.subarray(0, nodeCount) : new Uint32Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) parent[i] = i;
  for (let e = 0; e < edgeCount; e++) {
    const a = find(parent, edgeFrom[e]);
    const b = find(parent, edgeTo[e]);
    if (a !== b) {
      if (a < b) parent[b] = a;
      else parent[a] = b;
    }
  }
  // root → provisional id in order of first appearance, with sizes
  const rootId = memory ? new Int32Array(memory.scratch.buffer, memory.scratch.byteOffset + nodeCount * 4, nodeCount).fill(-1) : new Int32Array(nodeCount).fill(-1);
  const nodeComponent = memory ? memory.nodeComponent : new Uint32Array(nodeCount);
  const sizes: number[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const r = find(parent, i);
    let c = rootId[r];
    if (c < 0) {
      c = rootId[r] = sizes.length;
      sizes.push(0);
    }
    nodeComponent[i] = c;
    sizes[c]++;
  }
  // relabel by size, largest first (ties by first appearance, so results are stable)
  const order = sizes.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const rank = new Uint32Array(sizes.length);
  order.forEach((c, r) => (rank[c] = r));
  for (let i = 0; i < nodeCount; i++) nodeComponent[i] = rank[nodeComponent[i]];
  return {
    componentCount: sizes.length,
    nodeComponent,
    componentSizes: Uint32Array.from(order.map((c) => sizes[c])),
  };
}
