/**
 * Exact travelling-salesman tours by the Held–Karp dynamic programme, O(2ⁿ·n²) time and O(2ⁿ·n)
 * memory: the oracle the heuristics are tested against. Asymmetric costs allowed; n ≤ 16.
 */

export interface ExactTour {
  /** starts at node 0 and visits every node once; the return to 0 is implicit */
  tour: number[];
  length: number;
}

export function heldKarpTour(cost: Float64Array, n: number): ExactTour {
  if (n > 16) throw new Error(`heldKarpTour: ${n} nodes is too many for the exact DP (at most 16)`);
  if (n <= 1) return { tour: n ? [0] : [], length: 0 };
  if (n === 2) return { tour: [0, 1], length: cost[1] + cost[n] };
  // subsets of nodes 1..n-1 as bit masks over m = n-1 bits; dp[mask*m + j] = shortest path 0 → … → j+1 covering mask
  const m = n - 1;
  const full = (1 << m) - 1;
  const dp = new Float64Array((full + 1) * m).fill(Infinity);
  const parent = new Int8Array((full + 1) * m).fill(-1);
  for (let j = 0; j < m; j++) dp[(1 << j) * m + j] = cost[0 * n + (j + 1)];
  for (let mask = 1; mask <= full; mask++) {
    for (let j = 0; j < m; j++) {
      if (!(mask & (1 << j))) continue;
      const here = dp[mask * m + j];
      if (here === Infinity) continue;
      for (let k = 0; k < m; k++) {
        if (mask & (1 << k)) continue;
        const next = mask | (1 << k);
        const v = here + cost[(j + 1) * n + (k + 1)];
        if (v < dp[next * m + k]) {
          dp[next * m + k] = v;
          parent[next * m + k] = j;
        }
      }
    }
  }
  let best = Infinity;
  let last = -1;
  for (let j = 0; j < m; j++) {
    const v = dp[full * m + j] + cost[(j + 1) * n];
    if (v < best) {
      best = v;
      last = j;
    }
  }
  const rev: number[] = [];
  let mask = full;
  let j = last;
  while (j >= 0) {
    rev.push(j + 1);
    const pj = parent[mask * m + j];
    mask &= ~(1 << j);
    j = pj;
  }
  return { tour: [0, ...rev.reverse()], length: best };
}
