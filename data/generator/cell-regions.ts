/**
 * Grouping mesh cells into contiguous areas by growing from seed cells (a multi-source Dijkstra
 * over cell adjacency). Unlike a plain Voronoi of the seeds clipped to the province, every area
 * comes out in one piece even where the coast bends, and random edge weights give the irregular
 * boundaries real administrative lines have.
 */
import type { CellMesh } from './cell-mesh';
import { MinHeap } from './min-heap';
import { hash32, mixInts, unitFromHash } from './prng';

export interface GrowOptions {
  /** cells that may be labelled (1) */
  allowed: Uint8Array;
  /** seeds[label] = starting cells of that label */
  seeds: number[][];
  /** multiplies edge lengths per label (>1 grows that label more slowly) */
  labelCost?: number[];
  /** spread of the random log-normal edge weights; 0 gives a geodesic Voronoi */
  roughness: number;
  /** decorrelates the random weights of different groupings */
  salt: string;
  /** stop a label once it holds this many cells (Infinity = no cap) */
  maxCells?: number[];
}

/** Labels allowed cells with the seed they are cheapest to reach from; −1 where unreachable. */
export function growRegions(mesh: CellMesh, options: GrowOptions): Int32Array {
  const { allowed, seeds, roughness, salt } = options;
  const label = new Int32Array(mesh.count).fill(-1);
  const cost = new Float64Array(mesh.count).fill(Infinity);
  const tentative = new Int32Array(mesh.count).fill(-1);
  const sizes = new Array(seeds.length).fill(0);
  const heap = new MinHeap();
  const saltHash = hash32(mesh.seed, salt);
  seeds.forEach((cells, l) => {
    for (const c of cells) {
      if (!allowed[c] || cost[c] === 0) continue;
      cost[c] = 0;
      tentative[c] = l;
      heap.push(0, c);
    }
  });
  while (heap.size) {
    const c = heap.pop();
    const d = heap.lastKey;
    if (label[c] >= 0 || d > cost[c]) continue;
    const l = tentative[c];
    if (options.maxCells && sizes[l] >= options.maxCells[l]) {
      // this label is full: let the cell be claimed by another label later
      cost[c] = Infinity;
      tentative[c] = -1;
      continue;
    }
    label[c] = l;
    sizes[l]++;
    const factor = options.labelCost?.[l] ?? 1;
    for (let k = mesh.neighbourOffsets[c]; k < mesh.neighbourOffsets[c + 1]; k++) {
      const n = mesh.neighbours[k];
      if (!allowed[n] || label[n] >= 0) continue;
      const dx = mesh.sites[2 * n] - mesh.sites[2 * c];
      const dy = mesh.sites[2 * n + 1] - mesh.sites[2 * c + 1];
      const w = Math.hypot(dx, dy) * factor * edgeNoise(saltHash, c, n, roughness);
      if (d + w < cost[n]) {
        cost[n] = d + w;
        tentative[n] = l;
        heap.push(d + w, n);
      }
    }
  }
  return label;
}

/** a log-normal-ish weight per cell pair, the same whichever side asks */
function edgeNoise(saltHash: number, a: number, b: number, roughness: number): number {
  if (roughness === 0) return 1;
  const lo = a < b ? a : b;
  const hi = a < b ? b : a;
  // Irwin–Hall: the sum of three uniforms, centred and scaled to unit variance, is near-normal
  const u = unitFromHash(mixInts(saltHash, lo, hi, 1)) + unitFromHash(mixInts(saltHash, lo, hi, 2)) + unitFromHash(mixInts(saltHash, lo, hi, 3));
  return Math.exp(roughness * (u - 1.5) * 2);
}

/** gives every allowed but unlabelled cell the label of a labelled neighbour, repeatedly */
export function absorbLeftovers(mesh: CellMesh, allowed: Uint8Array, label: Int32Array): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (let c = 0; c < mesh.count; c++) {
      if (!allowed[c] || label[c] >= 0) continue;
      for (let k = mesh.neighbourOffsets[c]; k < mesh.neighbourOffsets[c + 1]; k++) {
        const l = label[mesh.neighbours[k]];
        if (l >= 0) {
          label[c] = l;
          changed = true;
          break;
        }
      }
    }
  }
}
