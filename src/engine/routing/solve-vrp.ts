/**
 * The route engine's entry point for one vehicle-routing problem: construction (Clarke–Wright
 * savings and Solomon I1 insertion with a few parameter settings; the best start is kept), local
 * search (2-opt, or-opt, relocate, exchange, 2-opt*), then — when the objective counts vehicles
 * first — fleet minimisation, then ruin-and-recreate with simulated annealing, then a last local
 * search. Deterministic for a given seed (iteration budgets, not wall-clock, decide the work; the
 * optional time limit only cuts it short).
 */
import type { ProgressFn } from '../../model/progress';
import { insertionConstruction } from './insertion-construction';
import { localSearch } from './local-search';
import { createRouteState, nearestCustomers, totalRouteCost, usedRoutes } from './route-state';
import { minimiseFleet, ruinAndRecreate } from './ruin-recreate';
import { savingsConstruction, type Construction } from './savings-construction';
import { seededRandom } from './seeded-random';
import type { VrpProblem } from './vrp-problem';

export interface SolveVrpOptions {
  seed?: number;
  /** 'distance': arc cost + vehicleCost per route; 'vehicles-then-distance': fewest routes first (Solomon's ranking) */
  objective?: 'distance' | 'vehicles-then-distance';
  /** objective units per route used (with 'distance'); default 0 */
  vehicleCost?: number;
  /** ruin-and-recreate iterations for the cost phase (default 4000 + 60·customers) */
  iterations?: number;
  /** iterations of fleet minimisation (with 'vehicles-then-distance'; default = iterations) */
  fleetIterations?: number;
  /** wall-clock cap for the whole solve, ms (default none) */
  timeLimitMs?: number;
  /** neighbours per customer for the local search (default 20) */
  neighbours?: number;
  /** the customers to route (default: every node but the depot) */
  customers?: ArrayLike<number>;
  /** annealing temperatures as multiples of the mean arc cost of the start solution (defaults 1 and 0.01) */
  startTemperature?: number;
  endTemperature?: number;
}

export interface VrpResult {
  /** customers in visiting order; the depot is implicit at both ends */
  routes: number[][];
  vehicles: number;
  /** sum of arc costs (without vehicle costs) */
  cost: number;
  /** customers that no route can serve even alone (a window unreachable, a demand over capacity) */
  unassigned: number[];
  construction: { method: string; vehicles: number; cost: number };
  seconds: number;
}

export function solveVrp(p: VrpProblem, options: SolveVrpOptions = {}, progress?: ProgressFn): VrpResult {
  const t0 = performance.now();
  const rng = seededRandom(options.seed ?? 1);
  const customers = options.customers ? Array.from(options.customers) : Array.from({ length: p.size }, (_, i) => i).filter((i) => i !== p.depot);
  const hierarchical = options.objective === 'vehicles-then-distance';
  const nb = nearestCustomers(p, options.neighbours ?? 20);
  const adjacency = nearestCustomers(p, Math.min(p.size, 100));

  progress?.({ phase: 'construction', done: 0, total: 1 });
  const starts: Array<[string, Construction]> = [
    ['savings', savingsConstruction(p, customers)],
    ['insertion (far seed)', insertionConstruction(p, customers, { seed: 'far' })],
    ['insertion (due seed)', insertionConstruction(p, customers, { seed: 'due' })],
    ['insertion (λ=2, push-forward)', insertionConstruction(p, customers, { seed: 'due', lambda: 2, alpha: 0.5 })],
  ];
  const unassigned = starts[0][1].unassigned;
  const routable = customers.filter((c) => !unassigned.includes(c));
  // a large per-route cost makes the distance phase keep the fleet it was given
  const meanArcOf = (routes: number[][]) => {
    const s = createRouteState(p, routes);
    return totalRouteCost(s) / Math.max(1, routable.length + usedRoutes(s));
  };
  const startScore = (c: Construction) => {
    const s = createRouteState(p, c.routes);
    const routes = usedRoutes(s);
    const cost = totalRouteCost(s);
    return hierarchical ? routes * 1e9 + cost : cost + (options.vehicleCost ?? 0) * routes;
  };
  starts.sort((a, b) => startScore(a[1]) - startScore(b[1]));
  const [method, chosen] = starts[0];
  const meanArc = meanArcOf(chosen.routes) || 1;
  const vehicleCost = hierarchical ? 1000 * meanArc * Math.max(1, routable.length) : options.vehicleCost ?? 0;
  const constructionSummary = (() => {
    const s = createRouteState(p, chosen.routes);
    return { method, vehicles: usedRoutes(s), cost: totalRouteCost(s) };
  })();

  let state = createRouteState(p, chosen.routes);
  localSearch(state, nb, { vehicleCost });
  let routes = state.routes;
  const iterations = options.iterations ?? 4000 + 60 * routable.length;
  const timeLeft = () => (options.timeLimitMs === undefined ? undefined : Math.max(0, options.timeLimitMs - (performance.now() - t0)));
  const common = {
    rng,
    adjacency,
    vehicleCost,
    startTemperature: (options.startTemperature ?? 1) * meanArc,
    endTemperature: (options.endTemperature ?? 0.01) * meanArc,
  };
  // no fewer routes than the capacity allows: skip the fleet phase when already there
  let totalDemand = 0;
  for (const c of routable) totalDemand += p.demand[c];
  const fleetBound = Number.isFinite(p.capacity) && p.capacity > 0 ? Math.ceil(totalDemand / p.capacity - 1e-9) : 1;
  if (hierarchical && routable.length > 1 && usedRoutes(state) > fleetBound) {
    progress?.({ phase: 'fleet minimisation', done: 0, total: 1 });
    const fleetTime = timeLeft();
    const fleet = minimiseFleet(p, routes, routable, { ...common, iterations: options.fleetIterations ?? iterations, timeLimitMs: fleetTime === undefined ? undefined : fleetTime / 2 });
    routes = fleet.routes;
  }
  if (routable.length > 1) {
    progress?.({ phase: 'ruin and recreate', done: 0, total: 1 });
    routes = ruinAndRecreate(p, routes, routable, { ...common, iterations, timeLimitMs: timeLeft() }).routes;
  }
  state = createRouteState(p, routes);
  localSearch(state, nb, { vehicleCost });
  progress?.({ phase: 'done', done: 1, total: 1 });
  return {
    routes: state.routes.filter((r) => r.length).map((r) => r.slice()),
    vehicles: usedRoutes(state),
    cost: totalRouteCost(state),
    unassigned,
    construction: constructionSummary,
    seconds: (performance.now() - t0) / 1000,
  };
}
