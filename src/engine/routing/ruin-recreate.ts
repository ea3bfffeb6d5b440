/**
 * Ruin and recreate with string removals and blink insertion, after SISR (Christiaens & Vanden
 * Berghe, "Slack induction by string removals for vehicle routing problems", Transportation
 * Science 54(2), 2020): remove a few strings of consecutive customers from routes near a random
 * seed customer, put them back greedily at their cheapest feasible places (skipping each place
 * with a small "blink" probability), and accept the result by simulated annealing.
 *
 * `minimiseFleet` is the paper's fleet-minimisation phase: take a route away, keep its customers
 * aside, and accept any recreate that leaves fewer (or less often absent) customers out; when none
 * is out, the fleet is one smaller and another route is taken away.
 */
import { createRouteState, dropEmptyRoutes, insertAt, insertionDelta, openRoute, reachableInTime, refreshRoute, singletonCost, usedRoutes, type RouteState } from './route-state';
import { randomInt, type Random } from './seeded-random';
import type { VrpProblem } from './vrp-problem';

export interface RuinRecreateOptions {
  iterations: number;
  rng: Random;
  /** added to the objective per route used */
  vehicleCost?: number;
  /** average customers removed per ruin (c̄, default 10) */
  averageRemoved?: number;
  /** longest string removed (L_max, default 10) */
  maxString?: number;
  blinkRate?: number;
  /** simulated-annealing temperatures, in objective units */
  startTemperature: number;
  endTemperature: number;
  /** stop early after this many milliseconds */
  timeLimitMs?: number;
  /** adjacency: for each customer the others nearest first */
  adjacency: { k: number; list: Int32Array };
}

export interface RoutesWithCost {
  routes: number[][];
  /** objective: arc costs + vehicleCost × routes */
  cost: number;
  /** customers left out (fleet minimisation only) */
  absent: number[];
}

function objective(s: RouteState, vehicleCost: number): number {
  let c = 0;
  for (let r = 0; r < s.routes.length; r++) if (s.routes[r].length) c += s.routeCost[r] + vehicleCost;
  return c;
}

/** Removes strings of customers near a random seed; returns the removed customers. */
function ruin(s: RouteState, customers: number[], o: RuinRecreateOptions): number[] {
  const rng = o.rng;
  const removed: number[] = [];
  let used = 0;
  let total = 0;
  for (const R of s.routes) if (R.length) { used++; total += R.length; }
  if (!used) return removed;
  const cbar = o.averageRemoved ?? 10;
  const lsMax = Math.min(o.maxString ?? 10, total / used);
  const ksMax = (4 * cbar) / (1 + lsMax) - 1;
  const ks = Math.floor(rng() * ksMax) + 1;
  const seed = customers[Math.floor(rng() * customers.length)];
  const ruined = new Set<number>();
  const adj = o.adjacency;
  const visit = (c: number) => {
    const r = s.routeOf[c];
    if (r < 0 || ruined.has(r)) return;
    const R = s.routes[r];
    const lMax = Math.min(R.length, lsMax);
    const l = Math.floor(rng() * lMax) + 1;
    const pc = s.posOf[c];
    const kept: number[] = [];
    if (rng() < 0.5 || l + 1 > R.length) {
      const start = randomInt(rng, Math.max(0, pc - l + 1), Math.min(pc, R.length - l));
      for (let k = 0; k < R.length; k++) (k >= start && k < start + l ? removed : kept).push(R[k]);
    } else {
      // split string: a window of l + m customers around c keeps m consecutive ones
      let m = 1;
      while (l + m < R.length && rng() < 0.5) m++;
      const w = l + m;
      const start = randomInt(rng, Math.max(0, pc - w + 1), Math.min(pc, R.length - w));
      const keepFrom = start + randomInt(rng, 0, l);
      for (let k = 0; k < R.length; k++) {
        const inWindow = k >= start && k < start + w;
        const preserved = k >= keepFrom && k < keepFrom + m;
        (inWindow && !preserved ? removed : kept).push(R[k]);
      }
    }
    for (const v of R) s.routeOf[v] = -1;
    s.routes[r] = kept;
    refreshRoute(s, r);
    ruined.add(r);
  };
  visit(seed);
  for (let x = 0; x < adj.k && ruined.size < ks; x++) {
    const c = adj.list[seed * adj.k + x];
    if (c < 0) break;
    visit(c);
  }
  return removed;
}

/** Puts customers back, opening routes while fewer than maxRoutes are in use; returns those left out. */
function recreate(s: RouteState, removed: number[], o: RuinRecreateOptions, maxRoutes: number): number[] {
  const p = s.p;
  const n = p.size;
  const d = p.depot;
  const rng = o.rng;
  const blink = o.blinkRate ?? 0.01;
  const vehicleCost = o.vehicleCost ?? 0;
  const pick = rng() * 11;
  if (pick < 4) shuffle(removed, rng);
  else if (pick < 8) removed.sort((a, b) => p.demand[b] - p.demand[a] || rng() - 0.5);
  else if (pick < 10) removed.sort((a, b) => p.cost[d * n + b] - p.cost[d * n + a]);
  else removed.sort((a, b) => p.cost[d * n + a] - p.cost[d * n + b]);
  const left: number[] = [];
  let inUse = usedRoutes(s);
  for (const u of removed) {
    let bestR = -1;
    let bestPos = -1;
    let best = Infinity;
    for (let r = 0; r < s.routes.length; r++) {
      const R = s.routes[r];
      if (R.length === 0) continue;
      for (let pos = 0; pos <= R.length; pos++) {
        if (!reachableInTime(s, r, pos, u)) break;
        if (rng() < blink) continue;
        const delta = insertionDelta(s, r, pos, u);
        if (delta < best) {
          best = delta;
          bestR = r;
          bestPos = pos;
        }
      }
    }
    if (inUse < maxRoutes) {
      const alone = singletonCost(p, u) + vehicleCost;
      if (alone < best) bestR = -2;
    }
    if (bestR === -2) {
      openRoute(s, u);
      inUse++;
    }
    else if (bestR >= 0) insertAt(s, bestR, bestPos, u);
    else left.push(u);
  }
  return left;
}

function shuffle<T>(a: T[], rng: Random): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
}

function cloneRoutes(routes: number[][]): number[][] {
  const out: number[][] = [];
  for (const R of routes) if (R.length) out.push(R.slice());
  return out;
}

function rebuild(p: VrpProblem, routes: number[][]): RouteState {
  return createRouteState(p, routes);
}

/** Simulated annealing over ruin-and-recreate moves; returns the best solution seen. */
export function ruinAndRecreate(p: VrpProblem, start: number[][], customers: number[], o: RuinRecreateOptions): RoutesWithCost {
  const vehicleCost = o.vehicleCost ?? 0;
  const t0 = Date.now();
  let current = rebuild(p, start);
  let currentCost = objective(current, vehicleCost);
  let best = cloneRoutes(current.routes);
  let bestCost = currentCost;
  if (!customers.length) return { routes: best, cost: bestCost, absent: [] };
  for (let it = 0; it < o.iterations; it++) {
    if (o.timeLimitMs !== undefined && (it & 63) === 0 && Date.now() - t0 > o.timeLimitMs) break;
    const temperature = o.startTemperature * Math.pow(o.endTemperature / o.startTemperature, it / o.iterations);
    const next = rebuild(p, current.routes);
    const removed = ruin(next, customers, o);
    const left = recreate(next, removed, o, p.maxVehicles);
    if (left.length) continue; // cannot place everyone within the fleet: reject
    dropEmptyRoutes(next);
    const cost = objective(next, vehicleCost);
    if (cost < currentCost - temperature * Math.log(o.rng())) {
      current = next;
      currentCost = cost;
      if (cost < bestCost - 1e-9) {
        bestCost = cost;
        best = cloneRoutes(next.routes);
      }
    }
  }
  return { routes: best, cost: bestCost, absent: [] };
}

/**
 * Fleet minimisation (SISR §5): returns the solution with the fewest routes found in the budget.
 * Customers that keep ending up absent weigh more, steering the search to place them.
 */
export function minimiseFleet(p: VrpProblem, start: number[][], customers: number[], o: RuinRecreateOptions): RoutesWithCost {
  const vehicleCost = o.vehicleCost ?? 0;
  const t0 = Date.now();
  const absence = new Float64Array(p.size);
  let best = cloneRoutes(start);
  let current = rebuild(p, best);
  let absent: number[] = [];
  const removeSmallest = (s: RouteState): number[] => {
    let r = -1;
    for (let k = 0; k < s.routes.length; k++) {
      const R = s.routes[k];
      if (R.length && (r < 0 || R.length < s.routes[r].length || (R.length === s.routes[r].length && o.rng() < 0.5))) r = k;
    }
    if (r < 0) return [];
    const out = s.routes[r];
    for (const v of out) s.routeOf[v] = -1;
    s.routes[r] = [];
    dropEmptyRoutes(s);
    return out.slice();
  };
  if (usedRoutes(current) <= 1) return { routes: best, cost: objective(current, vehicleCost), absent: [] };
  absent = removeSmallest(current);
  let fleet = usedRoutes(current);
  const weight = (list: number[]) => list.reduce((a, v) => a + absence[v], 0);
  for (let it = 0; it < o.iterations; it++) {
    if (o.timeLimitMs !== undefined && (it & 63) === 0 && Date.now() - t0 > o.timeLimitMs) break;
    const next = rebuild(p, current.routes);
    const removed = ruin(next, customers, o);
    const left = recreate(next, removed.concat(absent), o, fleet);
    dropEmptyRoutes(next);
    if (left.length < absent.length || weight(left) < weight(absent)) {
      current = next;
      absent = left;
    }
    if (absent.length === 0) {
      best = cloneRoutes(current.routes);
      if (usedRoutes(current) <= 1) break;
      absent = removeSmallest(current);
      fleet = usedRoutes(current);
    }
    for (const v of absent) absence[v]++;
  }
  const s = rebuild(p, best);
  return { routes: best, cost: objective(s, vehicleCost), absent: [] };
}
