/**
 * One closed tour through every node: greedy nearest-neighbour start, then local search with 2-opt
 * and or-opt (moving chains of 1–3 nodes, either direction) over nearest-neighbour candidate lists
 * with don't-look bits, then iterated local search: a local double-bridge kick (segments chosen near
 * each other, so the re-optimisation stays local), re-optimise, keep if no worse (Johnson &
 * McGeoch's ILS). Asymmetric costs are handled exactly (a reversed segment is re-summed).
 */
import { seededRandom, type Random } from './seeded-random';

export interface TspOptions {
  seed?: number;
  /** kicks of the iterated local search (default 50·n) */
  kicks?: number;
  timeLimitMs?: number;
  /** candidate neighbours per node (default 10) */
  neighbours?: number;
}

export interface TspResult {
  /** starts at node 0; the return to 0 is implicit */
  tour: number[];
  length: number;
  seconds: number;
}

export function tourLength(cost: Float64Array, n: number, tour: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < tour.length; k++) s += cost[tour[k] * n + tour[(k + 1) % tour.length]];
  return s;
}

function isSymmetric(cost: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (Math.abs(cost[i * n + j] - cost[j * n + i]) > 1e-9) return false;
  return true;
}

export function solveTsp(cost: Float64Array, n: number, options: TspOptions = {}): TspResult {
  const t0 = performance.now();
  if (n <= 3) {
    const tour = Array.from({ length: n }, (_, i) => i);
    return { tour, length: tourLength(cost, n, tour), seconds: 0 };
  }
  const rng = seededRandom(options.seed ?? 1);
  const symmetric = isSymmetric(cost, n);
  const K = Math.min(options.neighbours ?? 10, n - 1);
  const cand = new Int32Array(n * K);
  {
    const idx = Array.from({ length: n }, (_, i) => i);
    for (let a = 0; a < n; a++) {
      const sorted = idx.filter((b) => b !== a).sort((x, y) => cost[a * n + x] + cost[x * n + a] - cost[a * n + y] - cost[y * n + a] || x - y);
      for (let k = 0; k < K; k++) cand[a * K + k] = sorted[k];
    }
  }
  const tour = nearestNeighbourTour(cost, n);
  const pos = new Int32Array(n);
  const sync = () => {
    for (let k = 0; k < n; k++) pos[tour[k]] = k;
  };
  sync();
  const c = (a: number, b: number) => cost[a * n + b];
  const at = (k: number) => tour[((k % n) + n) % n];

  /** Reverse tour positions i..j (inclusive, cyclic). Symmetric: the shorter side suffices. */
  const reverse = (i: number, j: number) => {
    let len = ((j - i + n) % n) + 1;
    if (symmetric && len * 2 > n) {
      const ni = (j + 1) % n;
      j = (i - 1 + n) % n;
      i = ni;
      len = n - len;
    }
    for (let k = 0; k < len >> 1; k++) {
      const a = (i + k) % n;
      const b = (j - k + n) % n;
      const t = tour[a];
      tour[a] = tour[b];
      tour[b] = t;
      pos[tour[a]] = a;
      pos[tour[b]] = b;
    }
  };
  /** Extra cost of traversing positions i..j backwards (0 for symmetric costs). */
  const reversalExtra = (i: number, j: number) => {
    if (symmetric) return 0;
    let extra = 0;
    const len = (j - i + n) % n;
    for (let k = 0; k < len; k++) {
      const a = at(i + k);
      const b = at(i + k + 1);
      extra += c(b, a) - c(a, b);
    }
    return extra;
  };

  const dontLook = new Uint8Array(n);
  const queue: number[] = [];
  const push = (v: number) => {
    if (dontLook[v]) {
      dontLook[v] = 0;
      queue.push(v);
    }
  };

  /** Try 2-opt and or-opt moves around node a; true when one was applied. */
  const improveAt = (a: number): boolean => {
    for (const dir of [1, -1]) {
      const pa = pos[a];
      const b = at(pa + dir); // a's successor (dir 1) or predecessor (dir −1)
      const dab = dir === 1 ? c(a, b) : c(b, a);
      for (let x = 0; x < K; x++) {
        const cc = cand[a * K + x];
        const g1 = dab - (dir === 1 ? c(a, cc) : c(cc, a));
        if (g1 <= 1e-12 && symmetric) break;
        const pc = pos[cc];
        const d = at(pc + dir);
        if (cc === b || d === a) continue;
        let delta: number;
        let i: number;
        let j: number;
        if (dir === 1) {
          // a→b … cc→d  becomes  a→cc … b→d (reverse b..cc)
          i = pos[b];
          j = pc;
          delta = c(a, cc) + c(b, d) - c(a, b) - c(cc, d) + reversalExtra(i, j);
        } else {
          // b→a … d→cc  becomes  d→b … cc→a?  i.e. reverse a..d: b→d … a→cc
          i = pa;
          j = pos[d];
          delta = c(b, d) + c(a, cc) - c(b, a) - c(d, cc) + reversalExtra(i, j);
        }
        if (delta < -1e-9) {
          reverse(i, j);
          push(a); push(b); push(cc); push(d);
          return true;
        }
      }
    }
    // or-opt: move the chain starting at a (length L, forwards) to between cc and its successor
    for (let L = 1; L <= 3; L++) {
      const pa = pos[a];
      const first = a;
      const last = at(pa + L - 1);
      const before = at(pa - 1);
      const after = at(pa + L);
      if (L >= n - 2) break;
      let inner = 0;
      let innerRev = 0;
      for (let k = 0; k < L - 1; k++) {
        inner += c(at(pa + k), at(pa + k + 1));
        innerRev += c(at(pa + k + 1), at(pa + k));
      }
      const removeGain = c(before, first) + c(last, after) - c(before, after);
      for (const end of [first, last]) {
        for (let x = 0; x < K; x++) {
          const cc = cand[end * K + x];
          const off = (pos[cc] - pa + n) % n;
          if (off < L) continue; // inside the chain
          const dnext = at(pos[cc] + 1);
          if (cc === before) continue;
          const base = c(cc, dnext);
          // forwards: cc → first … last → dnext ; backwards: cc → last … first → dnext
          const fwd = c(cc, first) + c(last, dnext) - base - removeGain;
          const bwd = c(cc, last) + c(first, dnext) - base - removeGain + (innerRev - inner);
          const reversed = bwd < fwd;
          const delta = reversed ? bwd : fwd;
          if (delta < -1e-9) {
            const chain: number[] = [];
            for (let k = 0; k < L; k++) chain.push(at(pa + k));
            if (reversed) chain.reverse();
            moveChain(tour, pa, L, cc, chain);
            sync();
            push(before); push(after); push(cc); push(dnext); push(first); push(last);
            return true;
          }
        }
      }
    }
    return false;
  };

  const optimise = () => {
    while (queue.length) {
      const a = queue.pop()!;
      dontLook[a] = 1;
      while (improveAt(a)) { /* keep improving around a */ }
    }
  };

  for (let v = 0; v < n; v++) queue.push(v);
  optimise();
  let bestLen = tourLength(cost, n, tour);
  let best = tour.slice();
  const kicks = options.kicks ?? 50 * n;
  for (let it = 0; it < kicks; it++) {
    if (options.timeLimitMs !== undefined && (it & 15) === 0 && performance.now() - t0 > options.timeLimitMs) break;
    const touched = doubleBridge(tour, n, rng);
    sync();
    for (const v of touched) push(v);
    optimise();
    const len = tourLength(cost, n, tour);
    if (len <= bestLen + 1e-9) {
      best = tour.slice();
      bestLen = len;
    } else {
      for (let k = 0; k < n; k++) tour[k] = best[k];
      sync();
    }
  }
  const start = best.indexOf(0);
  const out = best.slice(start).concat(best.slice(0, start));
  return { tour: out, length: tourLength(cost, n, out), seconds: (performance.now() - t0) / 1000 };
}

function nearestNeighbourTour(cost: Float64Array, n: number): number[] {
  const seen = new Uint8Array(n);
  const tour = [0];
  seen[0] = 1;
  let cur = 0;
  for (let k = 1; k < n; k++) {
    let best = -1;
    for (let v = 0; v < n; v++) if (!seen[v] && (best < 0 || cost[cur * n + v] < cost[cur * n + best])) best = v;
    tour.push(best);
    seen[best] = 1;
    cur = best;
  }
  return tour;
}

/** Moves the chain at positions pa..pa+L-1 (cyclic) to right after node cc, as `chain` (already oriented). */
function moveChain(tour: number[], pa: number, L: number, cc: number, chain: number[]): void {
  const n = tour.length;
  const inChain = new Set(chain);
  const rest: number[] = [];
  for (let k = 0; k < n; k++) {
    const v = tour[(pa + L + k) % n];
    if (!inChain.has(v)) rest.push(v);
  }
  const at = rest.indexOf(cc);
  const out = rest.slice(0, at + 1).concat(chain, rest.slice(at + 1));
  for (let k = 0; k < n; k++) tour[k] = out[k];
}

/** A → B → C → D becomes A → C → B → D, with B and C short and near each other. */
function doubleBridge(tour: number[], n: number, rng: Random): number[] {
  const span = Math.max(8, Math.min(n, 50));
  const p0 = Math.floor(rng() * n);
  const cuts = [0, 0, 0].map(() => 1 + Math.floor(rng() * (span - 2))).sort((a, b) => a - b);
  const [x, y, z] = cuts;
  if (x === y || y === z) return [];
  const rot = tour.slice(p0).concat(tour.slice(0, p0));
  const out = rot.slice(0, x).concat(rot.slice(y, z), rot.slice(x, y), rot.slice(z));
  for (let k = 0; k < n; k++) tour[k] = out[k];
  return [rot[x - 1], rot[x], rot[y - 1], rot[y], rot[z - 1], rot[z % n]];
}
