/**
 * Solomon's I1 sequential insertion heuristic (Solomon 1987): open a route with a seed customer,
 * then repeatedly insert the customer that gains most from being served on this route rather than
 * directly from the depot, at its cheapest feasible position; open a new route when none fits.
 *
 *   c1(i,u,j) = α·(c(i,u) + c(u,j) − μ·c(i,j)) + (1 − α)·(push-forward of the start at j)
 *   c2(u)     = λ·c(0,u) − c1*(u)   (maximised)
 */
import { createRouteState, insertAt, openRoute, singletonCost, type RouteState } from './route-state';
import type { Construction } from './savings-construction';
import { TIME_EPS, type VrpProblem } from './vrp-problem';

export interface InsertionOptions {
  mu?: number;
  lambda?: number;
  /** weight of the distance term (1) against the push-forward term (0) */
  alpha?: number;
  /** 'far' = farthest unrouted customer, 'due' = the one with the earliest latest start */
  seed?: 'far' | 'due';
}

export function insertionConstruction(p: VrpProblem, customers: ArrayLike<number>, options: InsertionOptions = {}): Construction {
  const mu = options.mu ?? 1;
  const lambda = options.lambda ?? 1;
  const alpha = options.alpha ?? 1;
  const n = p.size;
  const d = p.depot;
  const unassigned: number[] = [];
  const open: number[] = [];
  for (let k = 0; k < customers.length; k++) {
    const u = customers[k];
    if (Number.isNaN(singletonCost(p, u))) unassigned.push(u);
    else open.push(u);
  }
  const s = createRouteState(p, []);
  const inRoute = new Uint8Array(n);
  let remaining = open.length;
  while (remaining > 0) {
    let seed = -1;
    for (const u of open) {
      if (inRoute[u]) continue;
      if (seed < 0) seed = u;
      else if (options.seed === 'due') {
        if (p.latestMinutes[u] < p.latestMinutes[seed] || (p.latestMinutes[u] === p.latestMinutes[seed] && p.cost[d * n + u] > p.cost[d * n + seed])) seed = u;
      } else if (p.cost[d * n + u] > p.cost[d * n + seed]) seed = u;
    }
    const r = openRoute(s, seed);
    inRoute[seed] = 1;
    remaining--;
    for (;;) {
      let bestU = -1;
      let bestPos = -1;
      let bestC2 = -Infinity;
      for (const u of open) {
        if (inRoute[u]) continue;
        const ins = cheapestI1(s, r, u, mu, alpha);
        if (ins.pos < 0) continue;
        const c2 = lambda * p.cost[d * n + u] - ins.c1;
        if (c2 > bestC2) {
          bestC2 = c2;
          bestU = u;
          bestPos = ins.pos;
        }
      }
      if (bestU < 0) break;
      insertAt(s, r, bestPos, bestU);
      inRoute[bestU] = 1;
      remaining--;
    }
  }
  return { routes: s.routes, unassigned };
}

function cheapestI1(s: RouteState, r: number, u: number, mu: number, alpha: number): { pos: number; c1: number } {
  const p = s.p;
  const n = p.size;
  const d = p.depot;
  const R = s.routes[r];
  if (s.routeLoad[r] + p.demand[u] > p.capacity + TIME_EPS) return { pos: -1, c1: Infinity };
  let best = -1;
  let bestC1 = Infinity;
  let depart = p.earliestMinutes[d];
  let prev = d;
  for (let pos = 0; pos <= R.length; pos++) {
    const next = pos === R.length ? d : R[pos];
    let b = depart + p.travelMinutes[prev * n + u];
    if (b < p.earliestMinutes[u]) b = p.earliestMinutes[u];
    if (b > p.latestMinutes[u] + TIME_EPS) break; // later positions only start later
    const aNext = b + p.serviceMinutes[u] + p.travelMinutes[u * n + next];
    const oldNext = next === d ? depart + p.travelMinutes[prev * n + d] : s.begin[next];
    const zNext = next === d ? p.latestMinutes[d] : s.latest[next];
    if (aNext <= zNext + TIME_EPS) {
      const newNext = next === d ? aNext : Math.max(aNext, p.earliestMinutes[next]);
      const c11 = p.cost[prev * n + u] + p.cost[u * n + next] - mu * p.cost[prev * n + next];
      const c1 = alpha * c11 + (1 - alpha) * (newNext - oldNext);
      if (c1 < bestC1) {
        bestC1 = c1;
        best = pos;
      }
    }
    if (next !== d) {
      depart = s.begin[next] + p.serviceMinutes[next];
      prev = next;
    }
  }
  return { pos: best, c1: bestC1 };
}
