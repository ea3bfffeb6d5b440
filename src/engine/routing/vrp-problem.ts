/**
 * The generic vehicle-routing problem every route builder here solves: n nodes (node `depot` is
 * where each route starts and ends), a travel-time matrix and an objective-cost matrix (both
 * row-major n×n, asymmetric allowed), service times, time windows on the start of service,
 * demands and one vehicle capacity.
 *
 * Time windows are in minutes on one clock: a route leaves the depot at the depot's earliest time
 * and must be back by the depot's latest time (so a working day from 08:00 to 16:00 is the depot
 * window [480, 960]); a vehicle arriving early waits.
 */

export interface VrpProblem {
  /** nodes including the depot */
  size: number;
  depot: number;
  /** travelMinutes[i * size + j]: driving time i → j */
  travelMinutes: Float64Array;
  /** cost[i * size + j]: what the objective sums per arc (km, or minutes) */
  cost: Float64Array;
  serviceMinutes: Float64Array;
  /** earliest start of service (depot: earliest departure) */
  earliestMinutes: Float64Array;
  /** latest start of service (depot: latest return) */
  latestMinutes: Float64Array;
  demand: Float64Array;
  /** vehicle capacity; Infinity when there is none */
  capacity: number;
  /** Infinity when the fleet is unlimited */
  maxVehicles: number;
}

/** Tolerance for time and capacity comparisons (floating-point sums of travel times). */
export const TIME_EPS = 1e-7;

/** A plain problem with no windows, no capacity and zero service: the caller fills in what it needs. */
export function createVrpProblem(size: number, travelMinutes: Float64Array, cost: Float64Array = travelMinutes, depot = 0): VrpProblem {
  return {
    size,
    depot,
    travelMinutes,
    cost,
    serviceMinutes: new Float64Array(size),
    earliestMinutes: new Float64Array(size),
    latestMinutes: new Float64Array(size).fill(Infinity),
    demand: new Float64Array(size),
    capacity: Infinity,
    maxVehicles: Infinity,
  };
}

export interface RouteSchedule {
  feasible: boolean;
  /** why not, when infeasible: which customer and which rule */
  problem?: string;
  /** arrival and start of service at each customer, in route order */
  arrivalMinutes: number[];
  beginMinutes: number[];
  /** back at the depot */
  returnMinutes: number;
  load: number;
  cost: number;
  travelMinutes: number;
}

/** Simulates a route (customers only; the depot is implicit at both ends). */
export function scheduleRoute(p: VrpProblem, route: ArrayLike<number>): RouteSchedule {
  const n = p.size;
  const d = p.depot;
  let time = p.earliestMinutes[d];
  let prev = d;
  let load = 0;
  let cost = 0;
  let travel = 0;
  let problem: string | undefined;
  const arrivalMinutes: number[] = [];
  const beginMinutes: number[] = [];
  for (let k = 0; k < route.length; k++) {
    const v = route[k];
    const t = p.travelMinutes[prev * n + v];
    time += t;
    travel += t;
    cost += p.cost[prev * n + v];
    arrivalMinutes.push(time);
    if (time < p.earliestMinutes[v]) time = p.earliestMinutes[v];
    beginMinutes.push(time);
    if (!problem && time > p.latestMinutes[v] + TIME_EPS) problem = `customer ${v}: service would start at ${time.toFixed(2)}, after its latest ${p.latestMinutes[v]}`;
    time += p.serviceMinutes[v];
    load += p.demand[v];
    prev = v;
  }
  const back = p.travelMinutes[prev * n + d];
  time += back;
  travel += back;
  cost += p.cost[prev * n + d];
  if (!problem && time > p.latestMinutes[d] + TIME_EPS) problem = `back at the depot at ${time.toFixed(2)}, after its closing ${p.latestMinutes[d]}`;
  if (!problem && load > p.capacity + TIME_EPS) problem = `load ${load} exceeds the capacity ${p.capacity}`;
  return { feasible: !problem, problem, arrivalMinutes, beginMinutes, returnMinutes: time, load, cost, travelMinutes: travel };
}

/** The objective cost of a route's arcs (no feasibility check). */
export function routeCost(p: VrpProblem, route: ArrayLike<number>): number {
  const n = p.size;
  let prev = p.depot;
  let c = 0;
  for (let k = 0; k < route.length; k++) {
    c += p.cost[prev * n + route[k]];
    prev = route[k];
  }
  return c + p.cost[prev * n + p.depot];
}

export interface SolutionCheck {
  feasible: boolean;
  problems: string[];
  vehicles: number;
  cost: number;
}

/**
 * An independent check of a whole solution: each customer (every node but the depot, unless
 * `customers` lists the ones that must be served) exactly once, every route feasible, fleet size.
 */
export function checkVrpSolution(p: VrpProblem, routes: ReadonlyArray<ArrayLike<number>>, customers?: ArrayLike<number>): SolutionCheck {
  const problems: string[] = [];
  const seen = new Int32Array(p.size);
  let cost = 0;
  let vehicles = 0;
  routes.forEach((route, r) => {
    if (route.length === 0) return;
    vehicles++;
    for (let k = 0; k < route.length; k++) {
      const v = route[k];
      if (!Number.isInteger(v) || v < 0 || v >= p.size || v === p.depot) {
        problems.push(`route ${r}: ${v} is not a customer`);
        continue;
      }
      seen[v]++;
    }
    const s = scheduleRoute(p, route);
    if (!s.feasible) problems.push(`route ${r}: ${s.problem}`);
    cost += s.cost;
  });
  const must = customers ? Array.from(customers) : Array.from({ length: p.size }, (_, i) => i).filter((i) => i !== p.depot);
  for (const v of must) {
    if (seen[v] === 0) problems.push(`customer ${v} is not visited`);
  }
  for (let v = 0; v < p.size; v++) if (seen[v] > 1) problems.push(`customer ${v} is visited ${seen[v]} times`);
  if (vehicles > p.maxVehicles) problems.push(`${vehicles} routes exceed the fleet of ${p.maxVehicles}`);
  return { feasible: problems.length === 0, problems, vehicles, cost };
}
