/**
 * Exact answers for small instances (up to about 40 candidates with small k) by depth-first branch
 * and bound, written independently of the heuristics — on a plain dense matrix, with no reductions
 * and no shared bookkeeping — so tests can hold the heuristics and their bounds against them.
 */
import { validateProblem, type LocationProblem } from './problem';

export interface ExactAnswer {
  objective: number;
  /** ascending candidate indices, fixed sites included */
  selected: Uint32Array;
  /** search nodes visited */
  nodes: number;
}

/** Effective minutes: Infinity where a candidate is ineligible or the pair is unreachable/absent. */
function denseMinutes(p: LocationProblem): Float64Array {
  const { demandCount: m, candidateCount: n } = p;
  const out = new Float64Array(m * n).fill(Infinity);
  if (p.minutes) {
    for (let i = 0; i < m * n; i++) if (p.minutes[i] >= 0) out[i] = p.minutes[i];
  } else {
    const s = p.sparse!;
    for (let d = 0; d < m; d++) for (let e = s.offsets[d]; e < s.offsets[d + 1]; e++) out[d * n + s.candidates[e]] = s.minutes[e];
  }
  if (p.eligible) for (let d = 0; d < m; d++) for (let j = 0; j < n; j++) if (!p.eligible[j]) out[d * n + j] = Infinity;
  return out;
}

function freeCandidates(p: LocationProblem): number[] {
  const fixed = new Set(p.fixed ?? []);
  const out: number[] = [];
  for (let j = 0; j < p.candidateCount; j++) if (!fixed.has(j)) out.push(j);
  return out;
}

/** The k-subset (fixed sites included) maximising the population within T. */
export function exactMaximalCovering(p: LocationProblem, k: number, minutes: number, maxNodes = 5e7): ExactAnswer {
  validateProblem(p);
  const { demandCount: m, candidateCount: n } = p;
  const t = denseMinutes(p);
  const covers = (d: number, j: number) => t[d * n + j] <= minutes;
  const count = new Int32Array(m);
  const fixed = Array.from(p.fixed ?? []);
  let value = 0;
  const add = (j: number, sign: 1 | -1) => {
    for (let d = 0; d < m; d++) {
      if (!covers(d, j)) continue;
      if (sign === 1 && count[d]++ === 0) value += p.population[d];
      if (sign === -1 && --count[d] === 0) value -= p.population[d];
    }
  };
  for (const j of fixed) add(j, 1);
  const free = freeCandidates(p);
  const r = Math.max(0, Math.min(k - fixed.length, free.length));
  let best = -1;
  let bestSet: number[] = [];
  const chosen: number[] = [];
  let nodes = 0;
  const gains = new Float64Array(free.length);
  const dfs = (from: number) => {
    nodes++;
    if (nodes > maxNodes) throw new Error('exactMaximalCovering: node limit reached (instance too large)');
    if (chosen.length === r || from === free.length) {
      if (value > best) ((best = value), (bestSet = chosen.slice()));
      return;
    }
    // bound: coverage is submodular, so today's marginal gains bound any completion
    const need = r - chosen.length;
    let g = 0;
    for (let q = from; q < free.length; q++) {
      let s = 0;
      for (let d = 0; d < m; d++) if (count[d] === 0 && covers(d, free[q])) s += p.population[d];
      gains[q] = s;
    }
    const top = Array.from(gains.subarray(from)).sort((a, b) => b - a);
    for (let q = 0; q < Math.min(need, top.length); q++) g += top[q];
    if (value + g <= best) return;
    for (let q = from; q <= free.length - need; q++) {
      chosen.push(free[q]);
      add(free[q], 1);
      dfs(q + 1);
      add(free[q], -1);
      chosen.pop();
    }
  };
  dfs(0);
  return { objective: best, selected: Uint32Array.from([...fixed, ...bestSet].sort((a, b) => a - b)), nodes };
}

/**
 * The k-subset minimising Σ population × min(penalty, minutes to the nearest chosen candidate),
 * over the demand points some eligible candidate reaches at all. The default penalty follows
 * `solvePMedian`: the sparse cutoff, else the slowest finite eligible pair.
 */
export function exactPMedian(p: LocationProblem, k: number, penaltyMinutes?: number, maxNodes = 5e7): ExactAnswer {
  validateProblem(p);
  const { demandCount: m, candidateCount: n } = p;
  const t = denseMinutes(p);
  let penalty = penaltyMinutes;
  if (penalty === undefined) {
    if (p.sparse && Number.isFinite(p.sparse.cutoffMinutes)) penalty = p.sparse.cutoffMinutes;
    else {
      penalty = 0;
      for (let i = 0; i < t.length; i++) if (t[i] < Infinity && t[i] > penalty) penalty = t[i];
    }
  }
  const reachable = new Uint8Array(m);
  for (let d = 0; d < m; d++) for (let j = 0; j < n; j++) if (t[d * n + j] < Infinity) reachable[d] = 1;
  const fixed = Array.from(p.fixed ?? []);
  const free = freeCandidates(p);
  const r = Math.max(0, Math.min(k - fixed.length, free.length));
  const cur = new Float64Array(m).fill(penalty);
  for (const j of fixed) for (let d = 0; d < m; d++) cur[d] = Math.min(cur[d], t[d * n + j]);
  // suffixMin[q][d]: nearest of free[q..] — the best any completion from q could do for d
  const suffixMin = new Float64Array((free.length + 1) * m).fill(Infinity);
  for (let q = free.length - 1; q >= 0; q--) {
    for (let d = 0; d < m; d++) suffixMin[q * m + d] = Math.min(suffixMin[(q + 1) * m + d], t[d * n + free[q]]);
  }
  const cost = (c: Float64Array) => {
    let s = 0;
    for (let d = 0; d < m; d++) if (reachable[d]) s += p.population[d] * c[d];
    return s;
  };
  let best = Infinity;
  let bestSet: number[] = [];
  const chosen: number[] = [];
  let nodes = 0;
  const dfs = (from: number, c: Float64Array) => {
    nodes++;
    if (nodes > maxNodes) throw new Error('exactPMedian: node limit reached (instance too large)');
    if (chosen.length === r || from === free.length) {
      const v = cost(c);
      if (v < best) ((best = v), (bestSet = chosen.slice()));
      return;
    }
    let lower = 0;
    for (let d = 0; d < m; d++) if (reachable[d]) lower += p.population[d] * Math.min(c[d], suffixMin[from * m + d]);
    if (lower >= best) return;
    const need = r - chosen.length;
    for (let q = from; q <= free.length - need; q++) {
      const next = new Float64Array(m);
      const j = free[q];
      for (let d = 0; d < m; d++) next[d] = Math.min(c[d], t[d * n + j]);
      chosen.push(j);
      dfs(q + 1, next);
      chosen.pop();
    }
  };
  dfs(0, cur);
  return { objective: best, selected: Uint32Array.from([...fixed, ...bestSet].sort((a, b) => a - b)), nodes };
}

/**
 * The fewest candidates (fixed sites included) covering, within T, every demand point some eligible
 * candidate covers. Branches on the candidates covering the first uncovered point.
 */
export function exactSetCovering(p: LocationProblem, minutes: number, maxNodes = 5e7): ExactAnswer & { uncoverable: Uint32Array } {
  validateProblem(p);
  const { demandCount: m, candidateCount: n } = p;
  const t = denseMinutes(p);
  const coverers: number[][] = [];
  const uncoverable: number[] = [];
  for (let d = 0; d < m; d++) {
    const list: number[] = [];
    for (let j = 0; j < n; j++) if (t[d * n + j] <= minutes) list.push(j);
    coverers.push(list);
    if (!list.length) uncoverable.push(d);
  }
  const fixed = Array.from(p.fixed ?? []);
  const count = new Int32Array(m);
  const add = (j: number, sign: number) => {
    for (let d = 0; d < m; d++) if (t[d * n + j] <= minutes) count[d] += sign;
  };
  for (const j of fixed) add(j, 1);
  let best = Infinity;
  let bestSet: number[] = [];
  const chosen: number[] = [];
  let nodes = 0;
  const dfs = () => {
    nodes++;
    if (nodes > maxNodes) throw new Error('exactSetCovering: node limit reached (instance too large)');
    let row = -1;
    for (let d = 0; d < m && row < 0; d++) if (count[d] === 0 && coverers[d].length) row = d;
    if (row < 0) {
      if (chosen.length < best) ((best = chosen.length), (bestSet = chosen.slice()));
      return;
    }
    if (chosen.length + 1 >= best) return;
    for (const j of coverers[row]) {
      chosen.push(j);
      add(j, 1);
      dfs();
      add(j, -1);
      chosen.pop();
    }
  };
  dfs();
  return {
    objective: best + fixed.length,
    selected: Uint32Array.from([...fixed, ...bestSet].sort((a, b) => a - b)),
    nodes,
    uncoverable: Uint32Array.from(uncoverable),
  };
}
