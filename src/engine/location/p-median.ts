/**
 * p-median (Hakimi 1964; ReVelle & Swain 1970): choose k zones to minimise population-weighted
 * travel time to the nearest zone.
 *
 * Heuristic: greedy addition, then fast interchange (Whitaker 1983) priced with Resende & Werneck's
 * (2007) gain / loss / extra tables over closest and second-closest open zones, then iterated local
 * search (random swaps, descend, keep if better). Bound: Lagrangian relaxation of the assignment
 * constraints with deflected subgradient optimisation (Beasley 1993), whose relaxed zone sets also
 * seed the local search. Small instances (≤ 20,000 pairs) finish with HiGHS branch-and-cut, which
 * closes the LP gap the Lagrangian cannot.
 *
 * Demand no eligible candidate reaches is left out (reported as uncoverable). A demand point no
 * *chosen* zone reaches costs `penaltyMinutes` × population (default: the sparse cutoff, or the
 * slowest finite pair of the matrix), modelled as an always-open dummy zone, so bounds stay valid.
 */
import type { Highs, ModelData } from 'highs';
import { throttleProgress, type ProgressFn } from '../../model/progress';
import { buildDemandLists, emptyDemands, type DemandLists } from './demand-lists';
import { evaluateMedian } from './evaluate';
import { loadHighsRuntime, solveLinear } from './highs-solver';
import { fixedMask, relativeGap, validateProblem, type LocationProblem, type LocationResult } from './problem';
import { buildMedianInstance, fastInterchange, iteratedInterchange, type MedianInstance } from './median-interchange';

export interface PMedianOptions {
  /** number of zones, fixed sites included */
  k: number;
  /** minutes charged to a resident no chosen zone reaches (see the module comment for the default) */
  penaltyMinutes?: number;
  /** budget for improving the answer and its bound; default 5 */
  timeLimitSeconds?: number;
  /** stop once the gap is at most this; default 0.001 (0.1 %) */
  targetGap?: number;
  /**
   * a loaded HiGHS runtime (undefined = load the shared one; null = do not use HiGHS). Used only on
   * instances of at most `mipPairLimit` (demand, candidate) pairs, whose gap the Lagrangian leaves
   * open: branch-and-cut then proves the optimum. Larger ones rely on the Lagrangian bound alone.
   */
  highs?: Highs | null;
  /** default 20,000 pairs (within the penalty); above it HiGHS is slower than the Lagrangian */
  mipPairLimit?: number;
  seed?: number;
}

/** The working data of one p-median instance (sorted lists, capped at the penalty). */
export interface MedianContext {
  lists: DemandLists;
  weight: Float64Array;
  penalty: number;
  fixed: Uint8Array;
  fixedList: number[];
  /** zones to choose besides the fixed ones */
  free: number;
}

export function defaultPenaltyMinutes(problem: LocationProblem, lists: DemandLists): number {
  if (problem.sparse && Number.isFinite(problem.sparse.cutoffMinutes)) return problem.sparse.cutoffMinutes;
  let max = 0;
  for (let e = 0; e < lists.minutes.length; e++) if (lists.minutes[e] > max) max = lists.minutes[e];
  return max;
}

export async function solvePMedian(problem: LocationProblem, options: PMedianOptions, onProgress?: ProgressFn): Promise<LocationResult> {
  const t0 = performance.now();
  validateProblem(problem);
  const { k } = options;
  const fixedCount = problem.fixed?.length ?? 0;
  if (!Number.isInteger(k) || k < fixedCount) throw new RangeError(`k = ${k} must be an integer ≥ the ${fixedCount} fixed sites`);
  const timeLimit = options.timeLimitSeconds ?? 5;
  const targetGap = options.targetGap ?? 0.001;
  const deadline = t0 + timeLimit * 1000;
  const progress = throttleProgress(onProgress);

  const lists = buildDemandLists(problem, Infinity, true);
  const penalty = options.penaltyMinutes ?? defaultPenaltyMinutes(problem, lists);
  if (!(penalty >= 0)) throw new RangeError(`penaltyMinutes must be ≥ 0, got ${penalty}`);
  const fixed = fixedMask(problem);
  const fixedList = Array.from(problem.fixed ?? []);
  let eligibleFree = 0;
  for (let j = 0; j < problem.candidateCount; j++) if (!fixed[j] && (!problem.eligible || problem.eligible[j])) eligibleFree++;
  const ctx: MedianContext = { lists, weight: problem.population, penalty, fixed, fixedList, free: Math.min(k - fixedCount, eligibleFree) };

  progress({ phase: 'greedy', done: 0, total: ctx.free });
  let iterations = 0;
  const greedy = greedyMedian(ctx, []);
  const inst = buildMedianInstance(lists, problem.population, penalty, fixedList);
  progress({ phase: 'local search', done: 0, total: 1 });
  const fi = fastInterchange(inst, greedy, deadline);
  iterations += fi.moves;
  const incumbent = { open: fi.open, cost: fi.cost };
  const methods = ['greedy + fast interchange'];
  const note = (how: string, before: number) => {
    if (incumbent.cost < before && !methods.includes(how)) methods.push(how);
  };

  let bound = -Infinity;
  let boundMethod = 'none';
  if (greedy.length < ctx.free || ctx.free === 0 || ctx.free >= eligibleFree) {
    // Greedy stopped because no zone helps any more (everyone is at their nearest), or every
    // candidate is open: the answer is optimal.
    bound = incumbent.cost;
    boundMethod = 'every demand point at its nearest eligible candidate';
  } else {
    // Rounds: iterated local search (a short first one, to give the subgradient a good UB), then
    // the Lagrangian bound, and so on while the gap is above target and time remains.
    const sg = startSubgradient(ctx, incumbent.open);
    let round = 0;
    let mipBound = false;
    // small instances: branch-and-cut closes the LP gap the subgradient cannot, so it gets the time
    const mipLater = options.highs !== null && countPairs(ctx) <= (options.mipPairLimit ?? 20_000);
    while (performance.now() < deadline) {
      const left = deadline - performance.now();
      const before = incumbent.cost;
      progress({ phase: 'local search', done: round, total: round + 1 });
      const ils = iteratedInterchange(inst, incumbent.open, {
        deadline: performance.now() + left * (round === 0 ? 0.25 : 0.3),
        seed: (options.seed ?? 1) + round,
        stopAtCost: Number.isFinite(sg.best) ? sg.best / (1 - targetGap) : 0,
        maxRounds: round === 0 ? 300 : 600,
      });
      iterations += ils.moves;
      if (ils.cost < incumbent.cost) ((incumbent.cost = ils.cost), (incumbent.open = ils.open));
      note('iterated local search', before);
      if (relativeGap(incumbent.cost, sg.best) <= targetGap) break;
      const beforeLag = incumbent.cost;
      const itBefore = sg.iterations;
      subgradientRounds(ctx, inst, sg, incumbent, {
        deadline: round > 0 ? deadline : mipLater ? performance.now() + (deadline - performance.now()) * 0.4 : deadline - (deadline - performance.now()) * 0.2,
        targetGap,
        maxIterations: mipLater ? 600 : 4000,
      }, () => progress({ phase: 'bound', done: sg.iterations, total: sg.iterations + 1 }));
      iterations += sg.iterations - itBefore;
      note('Lagrangian heuristic', beforeLag);
      if (relativeGap(incumbent.cost, sg.best) <= targetGap) break;
      if (sg.theta < 1e-4) sg.theta = 0.05; // converged at this UB; small steps if it improves again
      round++;
      if (mipLater && performance.now() < deadline - 50) {
        const highs = options.highs ?? (await loadHighsRuntime());
        if (highs) {
          progress({ phase: 'exact search', done: 0, total: 1 });
          const mip = medianMip(ctx, highs, incumbent.open, ((deadline - performance.now()) / 1000) * 0.9 - 0.05, targetGap);
          iterations += mip.iterations;
          if (mip.open && mip.cost < incumbent.cost) {
            const cost = medianCost(ctx, mip.open);
            if (cost < incumbent.cost) ((incumbent.cost = cost), (incumbent.open = mip.open), methods.push('branch-and-cut (HiGHS)'));
          }
          if (mip.bound > sg.best) ((sg.best = mip.bound), (mipBound = true));
          break;
        }
      }
    }
    bound = sg.best;
    boundMethod = mipBound ? 'branch-and-cut bound (HiGHS)' : 'Lagrangian relaxation (subgradient)';
  }
  const open = incumbent.open;

  const selected = Uint32Array.from([...fixedList, ...open].sort((a, b) => a - b));
  const ev = evaluateMedian(lists, problem.population, selected, penalty);
  const objective = ev.value;
  if (bound > objective && bound - objective <= 1e-9 * Math.max(1, objective)) bound = objective;
  const gap = relativeGap(objective, bound);
  const uncoverable = emptyDemands(lists);
  let uncoverablePopulation = 0;
  let totalPopulation = 0;
  for (const d of uncoverable) uncoverablePopulation += problem.population[d];
  for (let d = 0; d < problem.demandCount; d++) totalPopulation += problem.population[d];
  progress({ phase: 'done', done: 1, total: 1 });
  return {
    model: 'pmedian',
    method: `${methods.join(' + ')}; bound: ${boundMethod}`,
    objective,
    bound,
    gap,
    optimal: gap <= 1e-9,
    selected,
    populationServed: ev.populationServed,
    assignment: ev.assignment,
    coveredPopulation: ev.coveredPopulation,
    totalPopulation,
    uncoverable,
    uncoverablePopulation,
    averageMinutes: ev.coveredPopulation > 0 ? objective / (totalPopulation - uncoverablePopulation) : NaN,
    seconds: (performance.now() - t0) / 1000,
    iterations,
  };
}

/** Distance to the nearest open zone (capped at the penalty) per demand point. */
function nearestOpen(ctx: MedianContext, open: Uint8Array, out: Float64Array): void {
  const { lists, penalty } = ctx;
  for (let d = 0; d < lists.demandCount; d++) {
    let best = penalty;
    for (let e = lists.offsets[d]; e < lists.offsets[d + 1]; e++) {
      const t = lists.minutes[e];
      if (t >= best) break;
      if (open[lists.candidates[e]]) {
        best = t;
        break;
      }
    }
    out[d] = best;
  }
}

/** Population-weighted minutes of a set of open zones (the fixed ones are added here). */
export function medianCost(ctx: MedianContext, free: ArrayLike<number>): number {
  const open = new Uint8Array(ctx.lists.candidateCount);
  for (const j of ctx.fixedList) open[j] = 1;
  for (let s = 0; s < free.length; s++) open[free[s]] = 1;
  const near = new Float64Array(ctx.lists.demandCount);
  nearestOpen(ctx, open, near);
  let cost = 0;
  for (let d = 0; d < near.length; d++) if (ctx.lists.offsets[d + 1] > ctx.lists.offsets[d]) cost += ctx.weight[d] * near[d];
  return cost;
}

/**
 * Greedy addition: open, one at a time, the zone saving the most person-minutes. Each step scans
 * every demand's sorted list only up to its current distance.
 */
export function greedyMedian(ctx: MedianContext, start: number[]): number[] {
  const { lists, weight } = ctx;
  const n = lists.candidateCount;
  const open = new Uint8Array(n);
  for (const j of ctx.fixedList) open[j] = 1;
  const chosen = start.slice();
  for (const j of chosen) open[j] = 1;
  const cur = new Float64Array(lists.demandCount);
  nearestOpen(ctx, open, cur);
  const saving = new Float64Array(n);
  while (chosen.length < ctx.free) {
    saving.fill(0);
    for (let d = 0; d < lists.demandCount; d++) {
      const w = weight[d];
      if (w === 0) continue;
      const c = cur[d];
      for (let e = lists.offsets[d]; e < lists.offsets[d + 1]; e++) {
        const t = lists.minutes[e];
        if (t >= c) break;
        saving[lists.candidates[e]] += w * (c - t);
      }
    }
    let best = -1;
    let bestSaving = 0;
    for (let j = 0; j < n; j++) if (!open[j] && saving[j] > bestSaving) ((best = j), (bestSaving = saving[j]));
    if (best < 0) break;
    open[best] = 1;
    chosen.push(best);
    for (let d = 0; d < lists.demandCount; d++) {
      for (let e = lists.offsets[d]; e < lists.offsets[d + 1]; e++) {
        const t = lists.minutes[e];
        if (t >= cur[d]) break;
        if (lists.candidates[e] === best) {
          cur[d] = t;
          break;
        }
      }
    }
  }
  return chosen;
}

/** Multipliers and step control of the subgradient, kept between rounds so it resumes where it stopped. */
export interface SubgradientState {
  lambda: Float64Array;
  theta: number;
  stall: number;
  best: number;
  iterations: number;
  /** previous step direction (deflected subgradient) */
  direction: Float64Array;
}
/** share of the previous direction kept in the next step (Camerini–Fratta–Maffioli deflection; ~3× faster convergence here) */
const DEFLECT = 0.7;

/** Multipliers start at each point's cost in the best answer known: the relaxation then opens its zones. */
export function startSubgradient(ctx: MedianContext, open: number[]): SubgradientState {
  const n = ctx.lists.candidateCount;
  const isOpen = new Uint8Array(n);
  for (const j of ctx.fixedList) isOpen[j] = 1;
  for (const j of open) isOpen[j] = 1;
  const near = new Float64Array(ctx.lists.demandCount);
  nearestOpen(ctx, isOpen, near);
  const lambda = new Float64Array(ctx.lists.demandCount);
  for (let d = 0; d < lambda.length; d++) lambda[d] = ctx.weight[d] * near[d];
  return { lambda, theta: 2, stall: 0, best: -Infinity, iterations: 0, direction: new Float64Array(lambda.length) };
}

/**
 * Beasley's (1993) Lagrangian relaxation: with multipliers λ_d on "each demand point is assigned
 * once", the problem separates per zone:
 *   L(λ) = Σ_d λ_d + Σ_d min(0, w_d·P − λ_d) + Σ_{fixed} ρ_j + (the k smallest ρ_j of the rest),
 *   ρ_j = Σ_d min(0, w_d·t_dj − λ_d),
 * a lower bound for every λ. Deflected subgradient ascent (direction g + 0.7·previous direction,
 * step θ·(UB − L)/‖direction‖², θ halved after 50 steps without progress) drives it up. Each relaxed zone set is also a feasible answer; promising new
 * ones are polished by fast interchange (a Lagrangian heuristic) and may lower UB.
 */
export function subgradientRounds(
  ctx: MedianContext,
  inst: MedianInstance,
  sg: SubgradientState,
  incumbent: { open: number[]; cost: number },
  o: { deadline: number; targetGap: number; maxIterations: number },
  onStep?: () => void,
): void {
  const { lists, weight, penalty, fixed } = ctx;
  const n = lists.candidateCount;
  const m = lists.demandCount;
  const kk = ctx.free;
  const lambda = sg.lambda;
  const active: number[] = [];
  for (let d = 0; d < m; d++) if (weight[d] > 0 && lists.offsets[d + 1] > lists.offsets[d]) active.push(d);
  const act = Uint32Array.from(active);
  const rho = new Float64Array(n);
  const order: number[] = [];
  for (let j = 0; j < n; j++) if (!fixed[j]) order.push(j);
  const relaxedOpen = new Uint8Array(n);
  const g = new Float64Array(m);
  const tried = new Set<string>();
  for (let it = 0; it < o.maxIterations; it++) {
    sg.iterations++;
    let L = 0;
    rho.fill(0);
    for (let q = 0; q < act.length; q++) {
      const d = act[q];
      const w = weight[d];
      const lam = lambda[d];
      L += lam + Math.min(0, w * penalty - lam);
      const limit = lam / w; // only pairs with w·t < λ have ρ < 0
      for (let e = lists.offsets[d]; e < lists.offsets[d + 1]; e++) {
        const t = lists.minutes[e];
        if (t >= limit || t >= penalty) break;
        rho[lists.candidates[e]] += w * t - lam;
      }
    }
    relaxedOpen.fill(0);
    for (const j of ctx.fixedList) ((relaxedOpen[j] = 1), (L += rho[j]));
    order.sort((a, b) => rho[a] - rho[b]);
    for (let s = 0; s < kk; s++) ((relaxedOpen[order[s]] = 1), (L += rho[order[s]]));
    if (L > sg.best + 1e-7 * Math.abs(L)) sg.stall = 0;
    else if (++sg.stall >= 50) ((sg.theta /= 2), (sg.stall = 0));
    if (L > sg.best) sg.best = L;

    if (it % 10 === 0) {
      const relaxedFree = order.slice(0, kk);
      const relaxedCost = medianCost(ctx, relaxedFree);
      const key = relaxedFree.slice().sort((a, b) => a - b).join(',');
      if (relaxedCost < incumbent.cost * 1.005 && !tried.has(key)) {
        tried.add(key);
        const polished = fastInterchange(inst, relaxedFree, o.deadline);
        if (polished.cost < incumbent.cost) ((incumbent.cost = polished.cost), (incumbent.open = polished.open));
      }
    }
    if (relativeGap(incumbent.cost, sg.best) <= o.targetGap || sg.theta < 1e-4) break;
    if ((it & 3) === 0) {
      if (performance.now() > o.deadline) break;
      onStep?.();
    }

    // subgradient: g_d = 1 − (number of relaxed-open zones, dummy included, with w·t < λ_d)
    let norm = 0;
    for (let q = 0; q < act.length; q++) {
      const d = act[q];
      const w = weight[d];
      const lam = lambda[d];
      let x = w * penalty < lam ? 1 : 0;
      const limit = lam / w;
      for (let e = lists.offsets[d]; e < lists.offsets[d + 1]; e++) {
        const t = lists.minutes[e];
        if (t >= limit || t >= penalty) break;
        x += relaxedOpen[lists.candidates[e]];
      }
      const v = 1 - x;
      const dv = v + DEFLECT * sg.direction[d];
      sg.direction[d] = dv;
      g[d] = dv;
      norm += dv * dv;
    }
    if (norm === 0) break; // the relaxed answer is feasible, hence optimal
    const step = (sg.theta * Math.max(incumbent.cost - L, 1e-6 * Math.abs(incumbent.cost))) / norm;
    for (let q = 0; q < act.length; q++) {
      const d = act[q];
      if (g[d] !== 0) lambda[d] = Math.max(0, lambda[d] + step * g[d]);
    }
  }
}

/** (demand, candidate) pairs nearer than the penalty, over demand points with residents. */
function countPairs(ctx: MedianContext): number {
  const { lists, weight, penalty } = ctx;
  let count = 0;
  for (let d = 0; d < lists.demandCount; d++) {
    if (!(weight[d] > 0)) continue;
    for (let e = lists.offsets[d]; e < lists.offsets[d + 1] && lists.minutes[e] < penalty; e++) count++;
  }
  return count;
}

/**
 * The classic strong formulation, for small instances:
 *   min Σ w_d·t_dj·x_dj + Σ w_d·P·u_d   s.t.  Σ_j x_dj + u_d = 1,  x_dj ≤ y_j,  Σ y_j = k,
 *   fixed y_j = 1,  y binary,  0 ≤ x, u ≤ 1   (u_d: the always-open penalty "zone").
 */
function medianMip(ctx: MedianContext, highs: Highs, start: number[], seconds: number, targetGap: number) {
  const { lists, weight, penalty, fixed } = ctx;
  const n = lists.candidateCount;
  const active: number[] = [];
  for (let d = 0; d < lists.demandCount; d++) if (weight[d] > 0 && lists.offsets[d + 1] > lists.offsets[d]) active.push(d);
  const pairs: Array<[number, number, number]> = []; // [demand row, candidate, minutes]
  active.forEach((d, row) => {
    for (let e = lists.offsets[d]; e < lists.offsets[d + 1] && lists.minutes[e] < penalty; e++) pairs.push([row, lists.candidates[e], lists.minutes[e]]);
  });
  const A = active.length;
  const P = pairs.length;
  // columns: y (n) | u (A) | x (P); rows: assignment (A) | x ≤ y (P) | Σ y = k (1)
  const numCols = n + A + P;
  const numRows = A + P + 1;
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(1);
  const eligibleCol = new Uint8Array(n);
  for (const [, j] of pairs) eligibleCol[j] = 1;
  for (let j = 0; j < n; j++) {
    if (fixed[j]) colLower[j] = 1;
    else if (!eligibleCol[j]) colUpper[j] = 0;
  }
  active.forEach((d, row) => (colCost[n + row] = weight[d] * penalty));
  pairs.forEach(([row, , t], q) => (colCost[n + A + q] = weight[active[row]] * t));
  const byRow: number[][] = Array.from({ length: A }, () => []);
  pairs.forEach(([row], q) => byRow[row].push(q));
  const starts = new Int32Array(numRows + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let row = 0; row < A; row++) {
    starts[row] = indices.length;
    indices.push(n + row);
    values.push(1);
    for (const q of byRow[row]) (indices.push(n + A + q), values.push(1));
  }
  for (let q = 0; q < P; q++) {
    starts[A + q] = indices.length;
    indices.push(pairs[q][1], n + A + q);
    values.push(-1, 1);
  }
  starts[A + P] = indices.length;
  let openCount = ctx.fixedList.length;
  for (let j = 0; j < n; j++) {
    if (fixed[j] || !eligibleCol[j]) continue;
    indices.push(j);
    values.push(1);
  }
  for (const j of ctx.fixedList) (indices.push(j), values.push(1));
  openCount += ctx.free;
  starts[A + P + 1] = indices.length;
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  rowLower.fill(1, 0, A);
  rowUpper.fill(1, 0, A);
  rowLower.fill(-highs.infinity, A, A + P);
  rowUpper.fill(0, A, A + P);
  rowLower[A + P] = openCount;
  rowUpper[A + P] = openCount;
  const integrality = new Int32Array(numCols);
  integrality.fill(1, 0, n);
  const model: ModelData = {
    numCols,
    numRows,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows, numCols, starts, indices: Int32Array.from(indices), values: Float64Array.from(values) },
    integrality,
  };
  // the heuristic answer as a start: y, then each point to its nearest open zone (or the penalty)
  const x0 = new Float64Array(numCols);
  for (const j of ctx.fixedList) x0[j] = 1;
  for (const j of start) x0[j] = 1;
  active.forEach((_, row) => {
    const q = byRow[row].find((qq) => x0[pairs[qq][1]] === 1);
    if (q === undefined) x0[n + row] = 1;
    else x0[n + A + q] = 1;
  });
  const r = solveLinear(highs, model, { integer: true, timeLimitSeconds: Math.max(0.05, seconds), relativeGap: targetGap, start: x0 });
  let open: number[] | null = null;
  if (r.colValue) {
    open = [];
    for (let j = 0; j < n; j++) if (!fixed[j] && r.colValue[j] > 0.5) open.push(j);
  }
  return { open, cost: r.objective, bound: Number.isFinite(r.dualBound) ? r.dualBound : -Infinity, iterations: r.iterations };
}
