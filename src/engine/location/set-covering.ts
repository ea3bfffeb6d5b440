/**
 * Location set covering (LSCP, Toregas et al. 1971): the fewest zones so that every demand point
 * some eligible candidate can reach within T is within T of a chosen zone. Points no candidate
 * reaches are reported as uncoverable, not silently dropped. Every coverable point counts, however
 * few live there.
 *
 * Heuristic: greedy (most uncovered points per zone, ties by population) and redundancy
 * elimination. Bound: ⌈LP relaxation⌉ by HiGHS; when the gap is open, HiGHS branch-and-cut from the
 * heuristic answer within the time budget (set covering at municipal scale usually closes).
 * Without HiGHS: ⌈Lagrangian bound⌉ (Beasley 1990).
 */
import type { Highs, ModelData } from 'highs';
import { throttleProgress, type ProgressFn } from '../../model/progress';
import { buildCoverInstance, type CoverInstance } from './cover-instance';
import { buildDemandLists } from './demand-lists';
import { evaluateCoverage } from './evaluate';
import { loadHighsRuntime, solveLinear } from './highs-solver';
import { greedyCover } from './maximal-covering';
import { fixedMask, relativeGap, validateProblem, type LocationProblem, type LocationResult } from './problem';

export interface SetCoveringOptions {
  /** T: every coverable resident must be within this many minutes of a zone */
  minutes: number;
  /** budget for improving the answer and its bound; default 5 */
  timeLimitSeconds?: number;
  /** stop once the gap is at most this; default 0 (prove the fewest) */
  targetGap?: number;
  /** a loaded HiGHS runtime; undefined = load the shared one; null = do not use HiGHS */
  highs?: Highs | null;
}

export async function solveSetCovering(problem: LocationProblem, options: SetCoveringOptions, onProgress?: ProgressFn): Promise<LocationResult> {
  const t0 = performance.now();
  validateProblem(problem);
  const { minutes } = options;
  if (!(minutes >= 0)) throw new RangeError(`minutes (T) must be ≥ 0, got ${minutes}`);
  const deadline = t0 + (options.timeLimitSeconds ?? 5) * 1000;
  const targetGap = options.targetGap ?? 0;
  const progress = throttleProgress(onProgress);
  const highs = options.highs === null ? null : (options.highs ?? (await loadHighsRuntime()));

  const lists = buildDemandLists(problem, minutes);
  const fixed = fixedMask(problem);
  const fixedCount = problem.fixed?.length ?? 0;
  const inst = buildCoverInstance(lists, problem.population, fixed, false);
  let totalPopulation = 0;
  for (let d = 0; d < problem.demandCount; d++) totalPopulation += problem.population[d];

  progress({ phase: 'greedy', done: 0, total: 1 });
  let cols = greedySetCover(inst);
  let iterations = 0;
  const methods = ['greedy + redundancy elimination'];
  // the smallest possible count: every row needs a column
  let bound = inst.rows > 0 ? 1 : 0;
  let boundMethod = 'trivial';
  if (cols.length > bound) {
    // Lagrangian bound and heuristic first (cheap), then two-for-one swaps on the best cover
    progress({ phase: 'bound', done: 0, total: 1 });
    const lag = lagrangianSetCover(inst, cols, highs ? Math.min(deadline, t0 + (deadline - t0) * 0.25) : deadline, highs ? 600 : 3000);
    iterations += lag.iterations;
    if (lag.cover.length < cols.length) {
      cols = lag.cover;
      methods.push('Lagrangian heuristic');
    }
    if (lag.bound > bound) {
      bound = lag.bound;
      boundMethod = 'Lagrangian relaxation, rounded up (subgradient)';
    }
    progress({ phase: 'local search', done: 0, total: 1 });
    const swapped = twoForOneSwaps(inst, cols, deadline);
    iterations += swapped.moves;
    if (swapped.cols.length < cols.length) {
      cols = swapped.cols;
      methods.push('two-for-one swaps');
    }
  }
  if (cols.length <= bound) {
    if (boundMethod === 'trivial') boundMethod = 'nothing left to cover, or one zone covers all';
  } else if (highs) {
    progress({ phase: 'bound', done: 0, total: 1 });
    const model = lscpModel(inst, highs);
    const lp = solveLinear(highs, model, { integer: false, timeLimitSeconds: Math.max(1, (deadline - performance.now()) / 1000) });
    iterations += lp.iterations;
    if (lp.status === 'optimal') {
      bound = Math.max(bound, Math.ceil(lp.dualBound - 1e-6));
      boundMethod = 'LP relaxation, rounded up (HiGHS)';
      // an integral LP optimum is an optimal cover
      const x = lp.colValue!;
      const picked: number[] = [];
      let integral = true;
      for (let j = 0; j < inst.cols; j++) {
        if (x[j] > 1 - 1e-6) picked.push(j);
        else if (x[j] > 1e-6) integral = false;
      }
      if (integral && picked.length < cols.length && isCover(inst, picked)) {
        cols = picked;
        methods.push('LP relaxation (integral)');
      } else {
        const rounded = twoForOneSwaps(inst, coverInOrder(inst, x), deadline).cols;
        if (rounded.length < cols.length) {
          cols = rounded;
          methods.push('LP rounding');
        }
      }
    }
    // HiGHS overruns its time limit a little (presolve and the root LP are not interruptible)
    const remaining = ((deadline - performance.now()) / 1000) * 0.9 - 0.05;
    if (relativeGap(cols.length + fixedCount, bound + fixedCount) > targetGap && remaining > 0.1) {
      progress({ phase: 'exact search', done: 0, total: 1 });
      const start = new Float64Array(inst.cols);
      for (const j of cols) start[j] = 1;
      const mip = solveLinear(highs, model, {
        integer: true,
        timeLimitSeconds: remaining,
        relativeGap: Math.max(targetGap, 1e-9),
        start,
      });
      iterations += mip.iterations;
      if (mip.colValue) {
        const picked: number[] = [];
        for (let j = 0; j < inst.cols; j++) if (mip.colValue[j] > 0.5) picked.push(j);
        if (picked.length < cols.length && isCover(inst, picked)) {
          cols = picked;
          methods.push('branch-and-cut (HiGHS)');
        }
      }
      if (Number.isFinite(mip.dualBound) && Math.ceil(mip.dualBound - 1e-6) > bound) {
        bound = Math.ceil(mip.dualBound - 1e-6);
        boundMethod = 'branch-and-cut bound (HiGHS)';
      }
    }
  }
  bound = Math.min(bound, cols.length);

  const selected = Uint32Array.from([...(problem.fixed ?? []), ...cols.map((c) => inst.colCandidate[c])].sort((a, b) => a - b));
  const ev = evaluateCoverage(lists, problem.population, selected);
  const objective = selected.length;
  const fullBound = bound + fixedCount;
  const gap = relativeGap(objective, fullBound);
  progress({ phase: 'done', done: 1, total: 1 });
  return {
    model: 'lscp',
    method: `${methods.join(' + ')}; bound: ${boundMethod}`,
    objective,
    bound: fullBound,
    gap,
    optimal: gap === 0,
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

function isCover(inst: CoverInstance, cols: number[]): boolean {
  const hit = new Uint8Array(inst.rows);
  for (const j of cols) for (let e = inst.colStart[j]; e < inst.colStart[j + 1]; e++) hit[inst.colRows[e]] = 1;
  return hit.every((h) => h === 1);
}

/**
 * Greedy by rows covered (a row's weight is 1 plus a population share below 1, so the count leads
 * and population breaks ties), then drop zones whose every row another chosen zone also covers,
 * least useful first.
 */
export function greedySetCover(inst: CoverInstance): number[] {
  let total = 0;
  for (let r = 0; r < inst.rows; r++) total += inst.weight[r];
  const byCount: CoverInstance = { ...inst, weight: inst.weight.map((w) => 1 + w / (total + 1)) };
  const cols = greedyCover(byCount, inst.cols, []);
  const cnt = new Uint32Array(inst.rows);
  for (const j of cols) for (let e = inst.colStart[j]; e < inst.colStart[j + 1]; e++) cnt[inst.colRows[e]]++;
  const unique = (j: number) => {
    let u = 0;
    for (let e = inst.colStart[j]; e < inst.colStart[j + 1]; e++) if (cnt[inst.colRows[e]] === 1) u++;
    return u;
  };
  const order = cols.slice().sort((a, b) => unique(a) - unique(b) || inst.colStart[a + 1] - inst.colStart[a] - (inst.colStart[b + 1] - inst.colStart[b]));
  const keep = new Set(cols);
  for (const j of order) {
    if (unique(j) > 0) continue;
    keep.delete(j);
    for (let e = inst.colStart[j]; e < inst.colStart[j + 1]; e++) cnt[inst.colRows[e]]--;
  }
  return cols.filter((j) => keep.has(j));
}

/**
 * A cover from a score per column (the LP values): take columns, highest score first, when they
 * cover a row not yet covered; then drop redundant ones, lowest score first.
 */
export function coverInOrder(inst: CoverInstance, score: ArrayLike<number>): number[] {
  const order = Array.from({ length: inst.cols }, (_, j) => j).sort((a, b) => score[b] - score[a]);
  const cnt = new Uint32Array(inst.rows);
  let uncovered = inst.rows;
  const taken: number[] = [];
  for (const j of order) {
    if (uncovered === 0) break;
    let useful = false;
    for (let e = inst.colStart[j]; e < inst.colStart[j + 1] && !useful; e++) useful = cnt[inst.colRows[e]] === 0;
    if (!useful) continue;
    taken.push(j);
    for (let e = inst.colStart[j]; e < inst.colStart[j + 1]; e++) if (cnt[inst.colRows[e]]++ === 0) uncovered--;
  }
  const keep = new Set(taken);
  for (let q = taken.length - 1; q >= 0; q--) {
    const j = taken[q];
    let redundant = true;
    for (let e = inst.colStart[j]; e < inst.colStart[j + 1] && redundant; e++) redundant = cnt[inst.colRows[e]] > 1;
    if (!redundant) continue;
    keep.delete(j);
    for (let e = inst.colStart[j]; e < inst.colStart[j + 1]; e++) cnt[inst.colRows[e]]--;
  }
  return taken.filter((j) => keep.has(j));
}

/**
 * Two-for-one swaps: replace two chosen zones by one zone that covers every row only they
 * covered, until no such pair exists (or time runs out). Each pass tries every pair.
 */
export function twoForOneSwaps(inst: CoverInstance, start: number[], deadline: number): { cols: number[]; moves: number } {
  const cols = start.slice();
  const cnt = new Uint32Array(inst.rows);
  for (const j of cols) for (let e = inst.colStart[j]; e < inst.colStart[j + 1]; e++) cnt[inst.colRows[e]]++;
  const mark = new Uint32Array(inst.rows);
  let stamp = 0;
  const lost: number[] = [];
  const rowHas = (r: number, j: number) => {
    let lo = inst.rowStart[r];
    let hi = inst.rowStart[r + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = inst.rowCols[mid];
      if (v === j) return true;
      if (v < j) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  };
  let moves = 0;
  let improved = true;
  while (improved && performance.now() < deadline) {
    improved = false;
    for (let a = 0; a < cols.length && !improved; a++) {
      for (let b = a + 1; b < cols.length && !improved; b++) {
        const i1 = cols[a];
        const i2 = cols[b];
        // rows that only i1 and/or i2 cover
        stamp++;
        lost.length = 0;
        for (const i of [i1, i2]) {
          for (let e = inst.colStart[i]; e < inst.colStart[i + 1]; e++) {
            const r = inst.colRows[e];
            if (mark[r] === stamp) continue;
            mark[r] = stamp;
            let c = cnt[r];
            if (rowHas(r, i1)) c--;
            if (rowHas(r, i2)) c--;
            if (c === 0) lost.push(r);
          }
        }
        let replacement = -1;
        if (lost.length === 0) replacement = -2; // both redundant
        else {
          const r0 = lost[0];
          for (let e = inst.rowStart[r0]; e < inst.rowStart[r0 + 1] && replacement < 0; e++) {
            const j = inst.rowCols[e];
            if (j === i1 || j === i2) continue;
            let all = true;
            for (let q = 1; q < lost.length && all; q++) all = rowHas(lost[q], j);
            if (all) replacement = j;
          }
        }
        if (replacement === -1) continue;
        for (const i of [i1, i2]) for (let e = inst.colStart[i]; e < inst.colStart[i + 1]; e++) cnt[inst.colRows[e]]--;
        cols.splice(b, 1);
        cols.splice(a, 1);
        if (replacement >= 0) {
          cols.push(replacement);
          for (let e = inst.colStart[replacement]; e < inst.colStart[replacement + 1]; e++) cnt[inst.colRows[e]]++;
        }
        moves++;
        improved = true;
      }
    }
  }
  return { cols, moves };
}

/** min Σ x_j  s.t.  Σ_{j covers r} x_j ≥ 1 for every row,  0 ≤ x ≤ 1,  x integer (MIP only). */
function lscpModel(inst: CoverInstance, highs: Highs): ModelData {
  return {
    numCols: inst.cols,
    numRows: inst.rows,
    colCost: new Float64Array(inst.cols).fill(1),
    colLower: new Float64Array(inst.cols),
    colUpper: new Float64Array(inst.cols).fill(1),
    rowLower: new Float64Array(inst.rows).fill(1),
    rowUpper: new Float64Array(inst.rows).fill(highs.infinity),
    matrix: {
      format: 'csr',
      numRows: inst.rows,
      numCols: inst.cols,
      starts: Int32Array.from(inst.rowStart),
      indices: Int32Array.from(inst.rowCols),
      values: new Float64Array(inst.rowCols.length).fill(1),
    },
    integrality: new Int32Array(inst.cols).fill(1),
  };
}

/**
 * Beasley's Lagrangian bound for set covering: with u_r ≥ 0 on the cover rows,
 *   L(u) = Σ_r u_r + Σ_j min(0, 1 − Σ_{r ∈ j} u_r)  ≤  the fewest zones,
 * so ⌈L(u)⌉ (less a rounding tolerance) is a bound for every u ≥ 0. Every tenth step the
 * multipliers also rank the columns for a cover (a Lagrangian heuristic).
 */
export function lagrangianSetCover(
  inst: CoverInstance,
  start: number[],
  deadline: number,
  maxIterations = 3000,
): { bound: number; iterations: number; cover: number[] } {
  let cover = start;
  let upper = start.length;
  const R = inst.rows;
  const C = inst.cols;
  const u = new Float64Array(R);
  for (let r = 0; r < R; r++) u[r] = 1 / Math.max(1, inst.rowStart[r + 1] - inst.rowStart[r]);
  const x = new Uint8Array(C);
  const g = new Float64Array(R);
  let best = -Infinity;
  let theta = 2;
  let stall = 0;
  let it = 0;
  const score = new Float64Array(C);
  for (; it < maxIterations; it++) {
    let L = 0;
    for (let r = 0; r < R; r++) L += u[r];
    for (let j = 0; j < C; j++) {
      let s = 0;
      for (let e = inst.colStart[j]; e < inst.colStart[j + 1]; e++) s += u[inst.colRows[e]];
      score[j] = s;
      const reduced = 1 - s;
      x[j] = reduced < 0 ? 1 : 0;
      if (reduced < 0) L += reduced;
    }
    if (L > best + 1e-9) ((best = L), (stall = 0));
    else if (++stall >= 30) ((theta /= 2), (stall = 0));
    if (it % 10 === 0) {
      // Lagrangian heuristic: columns by how much multiplier weight they cover
      const candidate = coverInOrder(inst, score);
      if (candidate.length < upper) ((cover = candidate), (upper = candidate.length));
    }
    if (Math.ceil(best - 1e-6) >= upper || theta < 1e-4) break;
    if ((it & 7) === 0 && performance.now() > deadline) break;
    let norm = 0;
    for (let r = 0; r < R; r++) {
      let covered = 0;
      for (let e = inst.rowStart[r]; e < inst.rowStart[r + 1]; e++) covered += x[inst.rowCols[e]];
      const v = 1 - covered;
      g[r] = v;
      norm += v * v;
    }
    if (norm === 0) break;
    const step = (theta * Math.max(upper - L, 1e-3)) / norm;
    for (let r = 0; r < R; r++) u[r] = Math.max(0, u[r] + step * g[r]);
  }
  return { bound: Math.max(0, Math.ceil(best - 1e-6)), iterations: it, cover };
}
