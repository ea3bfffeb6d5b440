/**
 * The working state the route builders share: routes as arrays of customers plus, per customer,
 * its route, position, start of service and latest feasible start (forward time and backward
 * slack). With those, inserting a customer anywhere is checked in O(1) (Savelsbergh's
 * forward/backward times); other moves rebuild the changed route in O(route length).
 *
 * Internal to the optimisers: results leave as plain `number[][]` routes.
 */
import { TIME_EPS, type VrpProblem } from './vrp-problem';

export interface RouteState {
  p: VrpProblem;
  routes: number[][];
  /** route index of each node, -1 = unassigned (and for the depot) */
  routeOf: Int32Array;
  posOf: Int32Array;
  /** start of service */
  begin: Float64Array;
  /** latest start of service that keeps the rest of the route feasible */
  latest: Float64Array;
  routeLoad: number[];
  routeCost: number[];
}

export function createRouteState(p: VrpProblem, routes: ReadonlyArray<ReadonlyArray<number>>): RouteState {
  const s: RouteState = {
    p,
    routes: routes.filter((r) => r.length > 0).map((r) => r.slice()),
    routeOf: new Int32Array(p.size).fill(-1),
    posOf: new Int32Array(p.size).fill(-1),
    begin: new Float64Array(p.size),
    latest: new Float64Array(p.size),
    routeLoad: [],
    routeCost: [],
  };
  for (let r = 0; r < s.routes.length; r++) refreshRoute(s, r);
  return s;
}

/** Recomputes the caches of one route after its customer list changed. O(route length). */
export function refreshRoute(s: RouteState, r: number): void {
  const p = s.p;
  const n = p.size;
  const d = p.depot;
  const R = s.routes[r];
  const t = p.travelMinutes;
  const e = p.earliestMinutes;
  let time = e[d];
  let prev = d;
  let load = 0;
  let cost = 0;
  for (let k = 0; k < R.length; k++) {
    const v = R[k];
    s.routeOf[v] = r;
    s.posOf[v] = k;
    time += t[prev * n + v];
    if (time < e[v]) time = e[v];
    s.begin[v] = time;
    time += p.serviceMinutes[v];
    load += p.demand[v];
    cost += p.cost[prev * n + v];
    prev = v;
  }
  cost += p.cost[prev * n + d];
  let z = p.latestMinutes[d];
  prev = d;
  for (let k = R.length - 1; k >= 0; k--) {
    const v = R[k];
    z = Math.min(p.latestMinutes[v], z - t[v * n + prev] - p.serviceMinutes[v]);
    s.latest[v] = z;
    prev = v;
  }
  s.routeLoad[r] = load;
  s.routeCost[r] = cost;
}

/** Removes empty routes (keeping the order of the others) and refreshes indices. */
export function dropEmptyRoutes(s: RouteState): void {
  let w = 0;
  for (let r = 0; r < s.routes.length; r++) {
    if (s.routes[r].length === 0) continue;
    s.routes[w] = s.routes[r];
    s.routeLoad[w] = s.routeLoad[r];
    s.routeCost[w] = s.routeCost[r];
    if (w !== r) for (const v of s.routes[w]) s.routeOf[v] = w;
    w++;
  }
  s.routes.length = w;
  s.routeLoad.length = w;
  s.routeCost.length = w;
}

/** Departure time from the node before position `pos` of route r (the depot when pos = 0). */
function departBefore(s: RouteState, R: number[], pos: number): number {
  if (pos === 0) return s.p.earliestMinutes[s.p.depot];
  const v = R[pos - 1];
  return s.begin[v] + s.p.serviceMinutes[v];
}

/**
 * Can customer u go into route r before position pos (pos = length appends)? O(1).
 * Returns the cost increase, or NaN when infeasible.
 */
export function insertionDelta(s: RouteState, r: number, pos: number, u: number): number {
  const p = s.p;
  const n = p.size;
  const R = s.routes[r];
  if (s.routeLoad[r] + p.demand[u] > p.capacity + TIME_EPS) return NaN;
  const prev = pos === 0 ? p.depot : R[pos - 1];
  const next = pos === R.length ? p.depot : R[pos];
  let b = departBefore(s, R, pos) + p.travelMinutes[prev * n + u];
  if (b < p.earliestMinutes[u]) b = p.earliestMinutes[u];
  if (b > p.latestMinutes[u] + TIME_EPS) return NaN;
  const aNext = b + p.serviceMinutes[u] + p.travelMinutes[u * n + next];
  const zNext = next === p.depot ? p.latestMinutes[p.depot] : s.latest[next];
  if (aNext > zNext + TIME_EPS) return NaN;
  return p.cost[prev * n + u] + p.cost[u * n + next] - p.cost[prev * n + next];
}

/**
 * Whether u can start service no later than its latest when inserted at pos. Start times only grow
 * along a route, so once this fails every later position of the route fails too.
 */
export function reachableInTime(s: RouteState, r: number, pos: number, u: number): boolean {
  const p = s.p;
  const R = s.routes[r];
  const prev = pos === 0 ? p.depot : R[pos - 1];
  const b = Math.max(departBefore(s, R, pos) + p.travelMinutes[prev * p.size + u], p.earliestMinutes[u]);
  return b <= p.latestMinutes[u] + TIME_EPS;
}

export function insertAt(s: RouteState, r: number, pos: number, u: number): void {
  s.routes[r].splice(pos, 0, u);
  refreshRoute(s, r);
}

/** Opens a new route holding u alone; returns its index. */
export function openRoute(s: RouteState, u: number): number {
  s.routes.push([u]);
  const r = s.routes.length - 1;
  refreshRoute(s, r);
  return r;
}

/** Cost of a route holding u alone, or NaN when even that is infeasible. */
export function singletonCost(p: VrpProblem, u: number): number {
  const n = p.size;
  const d = p.depot;
  if (p.demand[u] > p.capacity + TIME_EPS) return NaN;
  const b = Math.max(p.earliestMinutes[d] + p.travelMinutes[d * n + u], p.earliestMinutes[u]);
  if (b > p.latestMinutes[u] + TIME_EPS) return NaN;
  if (b + p.serviceMinutes[u] + p.travelMinutes[u * n + d] > p.latestMinutes[d] + TIME_EPS) return NaN;
  return p.cost[d * n + u] + p.cost[u * n + d];
}

/**
 * Cost of a candidate route held in buf[0..len), or NaN when it breaks a window or the capacity.
 * O(len): the check the local search runs on every route a move would change.
 */
export function sequenceCost(p: VrpProblem, buf: Int32Array, len: number): number {
  const n = p.size;
  const d = p.depot;
  const t = p.travelMinutes;
  const c = p.cost;
  const e = p.earliestMinutes;
  const l = p.latestMinutes;
  let time = e[d];
  let prev = d;
  let load = 0;
  let cost = 0;
  for (let k = 0; k < len; k++) {
    const v = buf[k];
    time += t[prev * n + v];
    if (time < e[v]) time = e[v];
    if (time > l[v] + TIME_EPS) return NaN;
    time += p.serviceMinutes[v];
    load += p.demand[v];
    cost += c[prev * n + v];
    prev = v;
  }
  if (time + t[prev * n + d] > l[d] + TIME_EPS || load > p.capacity + TIME_EPS) return NaN;
  return cost + c[prev * n + d];
}

export function totalRouteCost(s: RouteState): number {
  let c = 0;
  for (let r = 0; r < s.routes.length; r++) if (s.routes[r].length) c += s.routeCost[r];
  return c;
}

export function usedRoutes(s: RouteState): number {
  let k = 0;
  for (const R of s.routes) if (R.length) k++;
  return k;
}

/** For each customer, its nearest other customers by cost (both directions summed), nearest first. */
export function nearestCustomers(p: VrpProblem, k: number): { k: number; list: Int32Array } {
  const n = p.size;
  const kk = Math.max(0, Math.min(k, n - 2));
  const list = new Int32Array(n * kk).fill(-1);
  const idx: number[] = [];
  const key = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    if (u === p.depot) continue;
    idx.length = 0;
    for (let v = 0; v < n; v++) {
      if (v === u || v === p.depot) continue;
      key[v] = p.cost[u * n + v] + p.cost[v * n + u];
      idx.push(v);
    }
    idx.sort((a, b) => key[a] - key[b] || a - b);
    for (let j = 0; j < kk; j++) list[u * kk + j] = idx[j];
  }
  return { k: kk, list };
}
