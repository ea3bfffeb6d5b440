/**
 * HiGHS (compiled to WebAssembly) for LP bounds and exact MIP answers. The runtime is loaded once
 * per worker/process and reused; solves are synchronous and bounded by a time limit, so a caller's
 * budget holds. A caller can pass its own loaded runtime (a browser worker loads the .wasm with
 * `locateFile`); in Node the package finds its .wasm beside itself.
 */
import type { Highs, ModelData } from 'highs';

let runtime: Promise<Highs | null> | undefined;

/** The shared HiGHS runtime, or null when it cannot be loaded here (the solvers then fall back to Lagrangian bounds). */
export function loadHighsRuntime(): Promise<Highs | null> {
  runtime ??= import('highs').then(
    (mod) => mod.default(),
    () => null,
  ).catch(() => null);
  return runtime;
}

export interface LinearSolveOptions {
  /** solve as a MIP (the model's integrality applies); otherwise the LP relaxation */
  integer: boolean;
  timeLimitSeconds: number;
  /** MIP: stop when (incumbent − dual bound) / incumbent ≤ this */
  relativeGap?: number;
  /** MIP: a feasible start (full column vector) */
  start?: Float64Array;
  /**
   * LP algorithm: interior point with crossover (a basic, verified-optimal answer) is several times
   * faster than dual simplex on covering relaxations; 'simplex' is the fallback. Default 'ipm'.
   */
  lpAlgorithm?: 'ipm' | 'simplex';
}

export interface LinearSolveResult {
  /** 'optimal' | 'time-limit' | 'infeasible' | other HiGHS status names */
  status: string;
  /** objective of the primal solution found (NaN when none) */
  objective: number;
  /** best proven bound on the optimum (LP: the optimum itself when optimal; MIP: mip_dual_bound) */
  dualBound: number;
  colValue: Float64Array | null;
  /** simplex iterations (LP) or branch-and-bound nodes (MIP) */
  iterations: number;
  seconds: number;
}

const STATUS_NAMES: Record<number, string> = {
  7: 'optimal',
  8: 'infeasible',
  9: 'unbounded-or-infeasible',
  10: 'unbounded',
  13: 'time-limit',
  14: 'iteration-limit',
  16: 'solution-limit',
  17: 'interrupted',
};

/**
 * Solves a model built as typed arrays; never throws for a solver outcome, only for a malformed
 * model. An LP whose interior-point solve does not end optimal is retried with simplex.
 */
export function solveLinear(highs: Highs, model: ModelData, opts: LinearSolveOptions): LinearSolveResult {
  const first = solveOnce(highs, model, opts);
  if (opts.integer || first.status === 'optimal' || (opts.lpAlgorithm ?? 'ipm') === 'simplex' || first.status === 'time-limit') return first;
  const second = solveOnce(highs, model, { ...opts, lpAlgorithm: 'simplex' });
  return { ...second, seconds: first.seconds + second.seconds, iterations: first.iterations + second.iterations };
}

function solveOnce(highs: Highs, model: ModelData, opts: LinearSolveOptions): LinearSolveResult {
  const t0 = performance.now();
  const data: ModelData = opts.integer ? model : { ...model, integrality: undefined };
  return highs.withModel(data, (m) => {
    m.options.set({
      output_flag: false,
      time_limit: Math.max(0.05, opts.timeLimitSeconds),
      random_seed: 0,
    });
    if (opts.integer && opts.relativeGap !== undefined) m.options.set('mip_rel_gap', opts.relativeGap);
    if (!opts.integer) m.options.set({ solver: opts.lpAlgorithm ?? 'ipm', run_crossover: 'on' });
    if (opts.integer && opts.start) m.setSolution({ colValue: opts.start });
    const run = m.run();
    const code = run.modelStatus as number;
    const status = STATUS_NAMES[code] ?? `status-${code}`;
    const primalStatus = Number(m.info.get('primal_solution_status'));
    const hasPrimal = primalStatus === 2; // kSolutionStatusFeasible
    const colValue = hasPrimal ? m.getSolution().colValue : null;
    const objective = hasPrimal ? m.getObjectiveValue() : NaN;
    let dualBound: number;
    let iterations: number;
    if (opts.integer) {
      dualBound = Number(m.info.get('mip_dual_bound'));
      iterations = Number(m.info.get('mip_node_count'));
    } else {
      dualBound = code === 7 ? objective : NaN;
      iterations = Number(m.info.get('simplex_iteration_count')) + Number(m.info.get('ipm_iteration_count'));
    }
    return { status, objective, dualBound, colValue, iterations, seconds: (performance.now() - t0) / 1000 };
  });
}
