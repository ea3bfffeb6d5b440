/**
 * The Held–Karp lower bound on a closed tour's length: the best 1-tree (a minimum spanning tree on
 * nodes 1…n−1 plus the two cheapest edges at node 0) under node penalties π, improved by
 * subgradient ascent (Held & Karp 1971; step t = λ·(UB − L(π)) / ‖d − 2‖², λ halved when the bound
 * stalls). Costs must be symmetric; an asymmetric matrix is symmetrised by min(c_ij, c_ji), which
 * still bounds every directed tour from below. Prim on the dense matrix: O(n²) per iteration.
 */

export interface OneTreeOptions {
  /** a known tour length (upper bound) to size the steps; default: a nearest-neighbour tour */
  upperBound?: number;
  /** default 50 + 5n, capped at 2000 */
  iterations?: number;
}

export interface OneTreeBound {
  bound: number;
  iterations: number;
  /** true when the best 1-tree was itself a tour (the bound is then the optimum) */
  tour: boolean;
}

export function oneTreeBound(cost: Float64Array, n: number, options: OneTreeOptions = {}): OneTreeBound {
  if (n < 3) {
    let s = 0;
    if (n === 2) s = Math.min(cost[1], cost[n]) * 2;
    return { bound: s, iterations: 0, tour: true };
  }
  const w = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) w[i * n + j] = Math.min(cost[i * n + j], cost[j * n + i]);
  const ub = options.upperBound ?? nearestNeighbourLength(w, n);
  const maxIt = options.iterations ?? Math.min(2000, 50 + 5 * n);
  const pi = new Float64Array(n);
  const degree = new Int32Array(n);
  const key = new Float64Array(n);
  const from = new Int32Array(n);
  const inTree = new Uint8Array(n);
  let best = -Infinity;
  let lambda = 2;
  let stall = 0;
  let isTour = false;
  let it = 0;
  for (; it < maxIt; it++) {
    // Prim over nodes 1..n-1
    degree.fill(0);
    inTree.fill(0);
    key.fill(Infinity);
    let length = 0;
    key[1] = 0;
    from[1] = -1;
    for (let k = 1; k < n; k++) {
      let u = -1;
      for (let v = 1; v < n; v++) if (!inTree[v] && (u < 0 || key[v] < key[u])) u = v;
      inTree[u] = 1;
      if (from[u] >= 0) {
        length += key[u];
        degree[u]++;
        degree[from[u]]++;
      }
      for (let v = 1; v < n; v++) {
        if (inTree[v]) continue;
        const c = w[u * n + v] + pi[u] + pi[v];
        if (c < key[v]) {
          key[v] = c;
          from[v] = u;
        }
      }
    }
    // the two cheapest edges at node 0
    let a = -1;
    let b = -1;
    for (let v = 1; v < n; v++) {
      const c = w[v] + pi[0] + pi[v];
      if (a < 0 || c < w[a] + pi[0] + pi[a]) {
        b = a;
        a = v;
      } else if (b < 0 || c < w[b] + pi[0] + pi[b]) b = v;
    }
    length += w[a] + pi[0] + pi[a] + w[b] + pi[0] + pi[b];
    degree[0] = 2;
    degree[a]++;
    degree[b]++;
    let sumPi = 0;
    for (let v = 0; v < n; v++) sumPi += pi[v];
    const bound = length - 2 * sumPi;
    if (bound > best + 1e-9) {
      best = bound;
      stall = 0;
    } else if (++stall >= Math.max(10, n >> 2)) {
      lambda /= 2;
      stall = 0;
    }
    let norm = 0;
    for (let v = 0; v < n; v++) norm += (degree[v] - 2) ** 2;
    if (norm === 0) {
      isTour = true;
      best = Math.max(best, bound);
      it++;
      break;
    }
    if (lambda < 1e-5) {
      it++;
      break;
    }
    const step = (lambda * Math.max(ub - bound, 1e-9 * Math.abs(ub))) / norm;
    for (let v = 0; v < n; v++) pi[v] += step * (degree[v] - 2);
  }
  return { bound: best, iterations: it, tour: isTour };
}

function nearestNeighbourLength(w: Float64Array, n: number): number {
  const seen = new Uint8Array(n);
  seen[0] = 1;
  let cur = 0;
  let len = 0;
  for (let k = 1; k < n; k++) {
    let best = -1;
    for (let v = 0; v < n; v++) if (!seen[v] && (best < 0 || w[cur * n + v] < w[cur * n + best])) best = v;
    len += w[cur * n + best];
    seen[best] = 1;
    cur = best;
  }
  return len + w[cur * n];
}
