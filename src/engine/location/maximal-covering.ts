/**
 * Maximal covering (MCLP, Church & ReVelle 1974): choose k zones to maximise the population within
 * T minutes of a zone.
 *
 * Heuristic: greedy with exactly maintained marginal gains, then best-improvement swap local search
 * with Resende–Werneck style gain / loss / extra tables (profit(i→j) = gain(j) − loss(i) +
 * extra(i, j)), then tabu search over the same swaps while the gap is above target. Bound: the
 * LP relaxation by HiGHS (within a fraction of a per cent for MCLP, and often integral — then its
 * answer is optimal); when the gap is still above target, HiGHS branch-and-cut from the best answer
 * within the time budget. Without HiGHS: a Lagrangian bound (coverage rows relaxed, subgradient).
 */
import type { Highs, ModelData } from 'highs';
import { throttleProgress, type ProgressFn } from '../../model/progress';
import { buildCoverInstance, type CoverInstance } from './cover-instance';
import { buildDemandLists } from './demand-lists';
import { evaluateCoverage } from './evaluate';
import { loadHighsRuntime, solveLinear } from './highs-solver';
import { fixedMask, relativeGap, validateProblem, type LocationProblem, type LocationResult } from './problem';
import { seededRandom } from './seeded-random';

export interface MaximalCoveringOptions {
  /** number of zones, fixed sites included */
  k: number;
  /** T: a resident is covered within this many minutes of a zone */
  minutes: number;
  /** budget for improving the answer and its bound (the greedy, swap and LP always run); default 5 */
  timeLimitSeconds?: number;
  /** stop improving once the gap is at most this; default 0.001 (0.1 %) */
  targetGap?: number;
  /** a loaded HiGHS runtime; undefined = load the shared one; null = do not use HiGHS */
  highs?: Highs | null;
  /** seed for the tie-breaking and tabu tenures of the tabu search */
  seed?: number;
}

export async function solveMaximalCovering(problem: LocationProblem, options: MaximalCoveringOptions, onProgress?: ProgressFn): Promise<LocationResult> {
  const t0 = performance.now();
  validateProblem(problem);
  const { k, minutes } = options;
  const fixedCount = problem.fixed?.length ?? 0;
  if (!Number.isInteger(k) || k < fixedCount) throw new RangeError(`k = ${k} must be an integer ≥ the ${fixedCount} fixed sites`);
  if (!(minutes >= 0)) throw new RangeError(`minutes (T) must be ≥ 0, got ${minutes}`);
  const timeLimit = options.timeLimitSeconds ?? 5;
  const targetGap = options.targetGap ?? 0.001;
  const deadline = t0 + timeLimit * 1000;
  const progress = throttleProgress(onProgress);
  const highs = options.highs === null ? null : (options.highs ?? (await loadHighsRuntime()));

  const lists = buildDemandLists(problem, minutes);
  const fixed = fixedMask(problem);
  const inst = buildCoverInstance(lists, problem.population, fixed, true);
  const free = Math.min(k - fixedCount, inst.cols);
  let totalPopulation = 0;
  for (let d = 0; d < problem.demandCount; d++) totalPopulation += problem.population[d];

  progress({ phase: 'greedy', done: 0, total: free });
  let cols = greedyCover(inst, free, []);
  progress({ phase: 'local search', done: 0, total: 1 });
  let iterations = 0;
  const ls = swapSearch(inst, cols, deadline);
  cols = ls.cols;
  iterations += ls.moves;
  let covered = coveredWeight(inst, cols);
  const methods = ['greedy + swap'];
  const accept = (candidate: number[], how: string) => {
    const c = coveredWeight(inst, candidate);
    if (candidate.length <= free && c > covered + 1e-9 * Math.max(1, covered)) {
      cols = candidate;
      covered = c;
      if (!methods.includes(how)) methods.push(how);
    }
  };

  // Bounds are on the reduced instance; demand covered by fixed sites is added at the end.
  let bound = Infinity;
  let boundMethod = 'none';
  const reducedTotal = totalWeight(inst);
  const trivial = free >= inst.cols || covered >= reducedTotal;
  let model: ModelData | undefined;
  if (trivial) {
    bound = covered;
    boundMethod = 'every useful candidate chosen or all coverable demand covered';
  } else if (highs) {
    progress({ phase: 'bound', done: 0, total: 1 });
    model = mclpModel(inst, free, highs);
    const lp = solveLinear(highs, model, { integer: false, timeLimitSeconds: Math.max(1, (deadline - performance.now()) / 1000) });
    iterations += lp.iterations;
    if (lp.status === 'optimal') {
      bound = lp.dualBound;
      boundMethod = 'LP relaxation (HiGHS)';
      // The MCLP relaxation is often integral; then its x is an optimal answer.
      const x = lp.colValue!;
      const picked: number[] = [];
      let integral = true;
      for (let j = 0; j < inst.cols; j++) {
        if (x[j] > 1 - 1e-6) picked.push(j);
        else if (x[j] > 1e-6) integral = false;
      }
      if (integral) accept(picked, 'LP relaxation (integral)');
    }
  }
  if (!trivial && !Number.isFinite(bound)) {
    progress({ phase: 'bound', done: 0, total: 1 });
    const lag = lagrangianBound(inst, free, covered, t0 + (deadline - t0) * 0.5, targetGap);
    iterations += lag.iterations;
    bound = lag.bound;
    boundMethod = 'Lagrangian relaxation (subgradient)';
  }
  if (!trivial && relativeGap(covered, bound) > targetGap && performance.now() < deadline) {
    progress({ phase: 'local search', done: 0, total: 1 });
    // With HiGHS to follow, tabu search gets part of the budget; without, all of it.
    const share = model ? 0.4 : 1;
    const tabu = tabuSearch(inst, cols, {
      deadline: performance.now() + (deadline - performance.now()) * share,
      maxStall: Math.max(3000, 40 * free),
      seed: options.seed ?? 1,
      stopAtWeight: bound * (1 - targetGap),
    });
    iterations += tabu.moves;
    accept(tabu.cols, 'tabu search');
  }
  // HiGHS overruns its time limit a little (presolve and the root LP are not interruptible)
  const remaining = ((deadline - performance.now()) / 1000) * 0.9 - 0.05;
  if (!trivial && model && highs && relativeGap(covered, bound) > targetGap && remaining > 0.1) {
    progress({ phase: 'exact search', done: 0, total: 1 });
    const start = new Float64Array(inst.cols + inst.rows);
    for (const j of cols) start[j] = 1;
    const cnt = coverCounts(inst, cols);
    for (let r = 0; r < inst.rows; r++) start[inst.cols + r] = cnt[r] > 0 ? 1 : 0;
    const mip = solveLinear(highs, model, { integer: true, timeLimitSeconds: remaining, relativeGap: targetGap, start });
    iterations += mip.iterations;
    if (mip.colValue) {
      const picked: number[] = [];
      for (let j = 0; j < inst.cols; j++) if (mip.colValue[j] > 0.5) picked.push(j);
      accept(picked, 'branch-and-cut (HiGHS)');
    }
    if (Number.isFinite(mip.dualBound) && mip.dualBound < bound) {
      bound = mip.dualBound;
      boundMethod = 'branch-and-cut bound (HiGHS)';
    }
  }

  const selectedList = [...(problem.fixed ?? []), ...cols.map((c) => inst.colCandidate[c])].sort((a, b) => a - b);
  const selected = Uint32Array.from(selectedList);
  const ev = evaluateCoverage(lists, problem.population, selected);
  const objective = ev.value;
  // The reduced bound plus the constant; numerical slack of the LP (≤ 1e-7 relative) is absorbed.
  let fullBound = bound + inst.fixedCoveredPopulation;
  if (fullBound < objective && objective - fullBound <= 1e-6 * Math.max(1, objective)) fullBound = objective;
  const gap = relativeGap(objective, fullBound);
  progress({ phase: 'done', done: 1, total: 1 });
  return {
    model: 'mclp',
    method: `${methods.join(' + ')}; bound: ${boundMethod}`,
    objective,
    bound: fullBound,
    gap,
    optimal: gap <= 1e-9,
    selected,
    populationServed: ev.populationServed,
    assignment: ev.assignment,
    coveredPopulation: ev.coveredPopulation,
    totalPopulation,
    uncoverable: inst.uncoverable,
    uncoverablePopulation: inst.uncoverablePopulation,
    averageMinutes: NaN,
    seconds: (performance.now() - t0) / 1000,
    iterations,
  };
}

function totalWeight(inst: CoverInstance): number {
  let s = 0;
  for (let r = 0; r < inst.rows; r++) s += inst.weight[r];
  return s;
}

function coverCounts(inst: CoverInstance, cols: ArrayLike<number>): Uint32Array {
  const cnt = new Uint32Array(inst.rows);
  for (let s = 0; s < cols.length; s++) {
    const j = cols[s];
    for (let e = inst.colStart[j]; e < inst.colStart[j + 1]; e++) cnt[inst.colRows[e]]++;
  }
  return cnt;
}

function coveredWeight(inst: CoverInstance, cols: ArrayLike<number>): number {
  const cnt = coverCounts(inst, cols);
  let s = 0;
  for (let r = 0; r < inst.rows; r++) if (cnt[r]) s += inst.weight[r];
  return s;
}

/**
 * Greedy: repeatedly add the column covering the most uncovered weight. Gains are kept exact by
 * subtracting a row's weight from every column in it when the row becomes covered, so each step is
 * a scan of the columns (O(nnz + k·cols) overall) — cheaper than a lazy heap at this size.
 */
export function greedyCover(inst: CoverInstance, count: number, start: ArrayLike<number>): number[] {
  const gain = new Float64Array(inst.cols);
  const covered = new Uint8Array(inst.rows);
  const chosen = new Uint8Array(inst.cols);
  const out: number[] = [];
  const take = (j: number) => {
    chosen[j] = 1;
    out.push(j);
    for (let e = inst.colStart[j]; e < inst.colStart[j + 1]; e++) {
      const r = inst.colRows[e];
      if (covered[r]) continue;
      covered[r] = 1;
      const w = inst.weight[r];
      for (let f = inst.rowStart[r]; f < inst.rowStart[r + 1]; f++) gain[inst.rowCols[f]] -= w;
    }
  };
  for (let j = 0; j < inst.cols; j++) {
    let g = 0;
    for (let e = inst.colStart[j]; e < inst.colStart[j + 1]; e++) g += inst.weight[inst.colRows[e]];
    gain[j] = g;
  }
  for (let s = 0; s < start.length; s++) take(start[s]);
  while (out.length < count) {
    let best = -1;
    let bestGain = 0;
    for (let j = 0; j < inst.cols; j++) if (!chosen[j] && gain[j] > bestGain) ((best = j), (bestGain = gain[j]));
    if (best < 0 || bestGain <= 1e-12) break; // nothing left to cover: the answer is already optimal
    take(best);
  }
  return out;
}

/**
 * Best-improvement swap local search. Each pass rebuilds, from the cover counts:
 *   gain(j)     weight of uncovered rows column j covers,
 *   loss(i)     weight of rows covered by i alone,
 *   extra(i, j) weight of rows covered by i alone that j also covers,
 * so every (i out, j in) swap is priced in O(1): gain(j) − loss(i) + extra(i, j).
 */
export function swapSearch(inst: CoverInstance, start: number[], deadline: number): { cols: number[]; moves: number } {
  const kk = start.length;
  const cols = start.slice();
  if (kk === 0 || kk >= inst.cols) return { cols, moves: 0 };
  const C = inst.cols;
  const slotOf = new Int32Array(C).fill(-1);
  cols.forEach((j, s) => (slotOf[j] = s));
  const cnt = coverCounts(inst, cols);
  const gain = new Float64Array(C);
  const loss = new Float64Array(kk);
  const extra = new Float64Array(kk * C);
  let tol = 0;
  for (let r = 0; r < inst.rows; r++) tol += inst.weight[r];
  tol *= 1e-12;
  let moves = 0;
  for (;;) {
    gain.fill(0);
    loss.fill(0);
    extra.fill(0);
    for (let r = 0; r < inst.rows; r++) {
      const c = cnt[r];
      if (c > 1) continue;
      const w = inst.weight[r];
      const a = inst.rowStart[r];
      const b = inst.rowStart[r + 1];
      if (c === 0) {
        for (let e = a; e < b; e++) gain[inst.rowCols[e]] += w;
        continue;
      }
      let s = -1;
      for (let e = a; e < b && s < 0; e++) s = slotOf[inst.rowCols[e]];
      loss[s] += w;
      const base = s * C;
      for (let e = a; e < b; e++) extra[base + inst.rowCols[e]] += w;
    }
    let bestProfit = tol;
    let bestSlot = -1;
    let bestIn = -1;
    for (let j = 0; j < C; j++) {
      if (slotOf[j] >= 0) continue;
      const g = gain[j];
      for (let s = 0; s < kk; s++) {
        const p = g - loss[s] + extra[s * C + j];
        if (p > bestProfit) ((bestProfit = p), (bestSlot = s), (bestIn = j));
      }
    }
    if (bestSlot < 0) break;
    const out = cols[bestSlot];
    for (let e = inst.colStart[out]; e < inst.colStart[out + 1]; e++) cnt[inst.colRows[e]]--;
    for (let e = inst.colStart[bestIn]; e < inst.colStart[bestIn + 1]; e++) cnt[inst.colRows[e]]++;
    slotOf[out] = -1;
    slotOf[bestIn] = bestSlot;
    cols[bestSlot] = bestIn;
    moves++;
    if ((moves & 15) === 0 && performance.now() > deadline) break;
  }
  return { cols, moves };
}

/**
 * Tabu search over swaps (the same gain / loss / extra pricing as `swapSearch`): each iteration
 * makes the best swap that is not tabu, even a worsening one, so the search walks off plateaus and
 * out of local optima; a column just removed may not re-enter (and one just added may not leave)
 * for a few randomised iterations, unless the move beats the best answer found (aspiration).
 * Stops at `stopAtWeight`, after `maxStall` iterations without a new best, or at the deadline.
 */
export function tabuSearch(
  inst: CoverInstance,
  start: number[],
  o: { deadline: number; maxStall: number; seed: number; stopAtWeight: number },
): { cols: number[]; covered: number; moves: number } {
  const kk = start.length;
  const C = inst.cols;
  let bestCols = start.slice();
  let best = coveredWeight(inst, start);
  if (kk === 0 || kk >= C) return { cols: bestCols, covered: best, moves: 0 };
  const random = seededRandom(o.seed);
  const cols = start.slice();
  const slotOf = new Int32Array(C).fill(-1);
  cols.forEach((j, s) => (slotOf[j] = s));
  const cnt = coverCounts(inst, cols);
  const gain = new Float64Array(C);
  const loss = new Float64Array(kk);
  const extra = new Float64Array(kk * C);
  const tabuUntil = new Int32Array(C);
  let current = best;
  const tol = 1e-9 * Math.max(1, best);
  let stall = 0;
  let it = 0;
  while (stall < o.maxStall && best < o.stopAtWeight - tol) {
    it++;
    if ((it & 15) === 0 && performance.now() > o.deadline) break;
    gain.fill(0);
    loss.fill(0);
    extra.fill(0);
    for (let r = 0; r < inst.rows; r++) {
      const c = cnt[r];
      if (c > 1) continue;
      const w = inst.weight[r];
      const a = inst.rowStart[r];
      const b = inst.rowStart[r + 1];
      if (c === 0) {
        for (let e = a; e < b; e++) gain[inst.rowCols[e]] += w;
        continue;
      }
      let s = -1;
      for (let e = a; e < b && s < 0; e++) s = slotOf[inst.rowCols[e]];
      loss[s] += w;
      const base = s * C;
      for (let e = a; e < b; e++) extra[base + inst.rowCols[e]] += w;
    }
    let bestProfit = -Infinity;
    let bestSlot = -1;
    let bestIn = -1;
    let ties = 0;
    for (let j = 0; j < C; j++) {
      if (slotOf[j] >= 0) continue;
      const g = gain[j];
      const jTabu = tabuUntil[j] > it;
      for (let s = 0; s < kk; s++) {
        const p = g - loss[s] + extra[s * C + j];
        if (p < bestProfit - tol) continue;
        if ((jTabu || tabuUntil[cols[s]] > it) && !(current + p > best + tol)) continue;
        if (p > bestProfit + tol) ((bestProfit = p), (bestSlot = s), (bestIn = j), (ties = 1));
        else if (random() * ++ties < 1) ((bestSlot = s), (bestIn = j));
      }
    }
    if (bestSlot < 0) break;
    const out = cols[bestSlot];
    for (let e = inst.colStart[out]; e < inst.colStart[out + 1]; e++) cnt[inst.colRows[e]]--;
    for (let e = inst.colStart[bestIn]; e < inst.colStart[bestIn + 1]; e++) cnt[inst.colRows[e]]++;
    slotOf[out] = -1;
    slotOf[bestIn] = bestSlot;
    cols[bestSlot] = bestIn;
    current += bestProfit;
    tabuUntil[out] = it + 7 + Math.floor(random() * 10);
    tabuUntil[bestIn] = it + 3 + Math.floor(random() * 5);
    if (current > best + tol) {
      current = coveredWeight(inst, cols); // resynchronise the running sum
      best = current;
      bestCols = cols.slice();
      stall = 0;
    } else stall++;
  }
  return { cols: bestCols, covered: best, moves: it };
}

/**
 * max Σ w_r z_r  s.t.  z_r ≤ Σ_{j covers r} x_j,  Σ x_j = k,  0 ≤ x, z ≤ 1,  x integer (MIP only).
 * z needs no integrality: at an integral x the best z is min(1, Σ x) ∈ {0, 1}.
 */
function mclpModel(inst: CoverInstance, kk: number, highs: Highs): ModelData {
  const C = inst.cols;
  const R = inst.rows;
  const nnz = inst.rowCols.length + R + C;
  const starts = new Int32Array(R + 2);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let e = 0;
  for (let r = 0; r < R; r++) {
    starts[r] = e;
    for (let f = inst.rowStart[r]; f < inst.rowStart[r + 1]; f++) {
      indices[e] = inst.rowCols[f];
      values[e++] = -1;
    }
    indices[e] = C + r;
    values[e++] = 1;
  }
  starts[R] = e;
  for (let j = 0; j < C; j++) {
    indices[e] = j;
    values[e++] = 1;
  }
  starts[R + 1] = e;
  const colCost = new Float64Array(C + R);
  colCost.set(inst.weight, C);
  const rowLower = new Float64Array(R + 1).fill(-highs.infinity);
  const rowUpper = new Float64Array(R + 1);
  rowLower[R] = kk;
  rowUpper[R] = kk;
  const integrality = new Int32Array(C + R);
  integrality.fill(1, 0, C);
  return {
    numCols: C + R,
    numRows: R + 1,
    sense: highs.constants.objectiveSense.maximize,
    colCost,
    colLower: new Float64Array(C + R),
    colUpper: new Float64Array(C + R).fill(1),
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows: R + 1, numCols: C + R, starts, indices, values },
    integrality,
  };
}

/**
 * Lagrangian bound: relax z_r ≤ Σ x_j with multipliers λ_r ≥ 0. Then
 *   L(λ) = Σ_r max(0, w_r − λ_r) + (sum of the k largest Σ_{r ∈ col j} λ_r),
 * an upper bound for every λ ≥ 0; subgradient steps (Held–Karp / Polyak) push it down.
 */
export function lagrangianBound(inst: CoverInstance, kk: number, lower: number, deadline: number, targetGap: number, maxIterations = 3000) {
  const R = inst.rows;
  const C = inst.cols;
  const lambda = new Float64Array(R);
  for (let r = 0; r < R; r++) lambda[r] = inst.weight[r] / Math.max(1, inst.rowStart[r + 1] - inst.rowStart[r]);
  const score = new Float64Array(C);
  const order = new Uint32Array(C);
  const open = new Uint8Array(C);
  const g = new Float64Array(R);
  let best = Infinity;
  let theta = 2;
  let sinceImprovement = 0;
  let it = 0;
  for (; it < maxIterations; it++) {
    let L = 0;
    for (let r = 0; r < R; r++) L += Math.max(0, inst.weight[r] - lambda[r]);
    for (let j = 0; j < C; j++) {
      let s = 0;
      for (let e = inst.colStart[j]; e < inst.colStart[j + 1]; e++) s += lambda[inst.colRows[e]];
      score[j] = s;
      order[j] = j;
    }
    const top = Array.from(order).sort((a, b) => score[b] - score[a]).slice(0, kk);
    open.fill(0);
    for (const j of top) ((open[j] = 1), (L += score[j]));
    if (L < best) {
      if (best - L > 1e-9 * L) sinceImprovement = 0;
      else if (++sinceImprovement >= 20) ((theta /= 2), (sinceImprovement = 0));
      best = L;
    }
    else if (++sinceImprovement >= 20) ((theta /= 2), (sinceImprovement = 0));
    if (relativeGap(lower, best) <= targetGap || theta < 1e-5) break;
    if ((it & 7) === 0 && performance.now() > deadline) break;
    // subgradient of L at λ: ∂/∂λ_r = −[w_r > λ_r] + Σ_{j open, covers r} 1
    let norm = 0;
    for (let r = 0; r < R; r++) {
      let x = 0;
      for (let e = inst.rowStart[r]; e < inst.rowStart[r + 1]; e++) x += open[inst.rowCols[e]];
      const v = x - (inst.weight[r] > lambda[r] ? 1 : 0);
      g[r] = v;
      norm += v * v;
    }
    if (norm === 0) break; // λ is optimal: the bound equals a feasible value
    const step = (theta * Math.max(L - lower, 1e-9 * Math.abs(L))) / norm;
    for (let r = 0; r < R; r++) lambda[r] = Math.min(inst.weight[r], Math.max(0, lambda[r] - step * g[r]));
  }
  return { bound: best, iterations: it };
}
