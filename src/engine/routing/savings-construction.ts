/**
 * Clarke–Wright savings, parallel version, with time windows and capacity: start with one route per
 * customer and merge route ends in order of saving c(i,0) + c(0,j) − c(i,j) while the merged route
 * stays feasible (checked in O(1) from the forward/backward times of the two routes).
 */
import { createRouteState, dropEmptyRoutes, nearestCustomers, refreshRoute, singletonCost, type RouteState } from './route-state';
import { TIME_EPS, type VrpProblem } from './vrp-problem';

export interface SavingsOptions {
  /** route shape parameter λ in c(i,0) + c(0,j) − λ·c(i,j) (default 1) */
  shape?: number;
  /** merge only within each customer's nearest neighbours above this size (default 300) */
  fullPairsUpTo?: number;
  /** a merge also saves a vehicle: added to every saving (default 0) */
  vehicleCost?: number;
}

export interface Construction {
  routes: number[][];
  /** customers no route can serve, even alone */
  unassigned: number[];
}

export function savingsConstruction(p: VrpProblem, customers: ArrayLike<number>, options: SavingsOptions = {}): Construction {
  const n = p.size;
  const shape = options.shape ?? 1;
  const vehicleCost = options.vehicleCost ?? 0;
  const unassigned: number[] = [];
  const start: number[][] = [];
  for (let k = 0; k < customers.length; k++) {
    const u = customers[k];
    if (Number.isNaN(singletonCost(p, u))) unassigned.push(u);
    else start.push([u]);
  }
  const s = createRouteState(p, start);
  const active = new Uint8Array(n);
  for (const R of s.routes) active[R[0]] = 1;

  const pairsI: number[] = [];
  const pairsJ: number[] = [];
  const saving: number[] = [];
  const d = p.depot;
  const c = p.cost;
  const consider = (i: number, j: number) => {
    const sv = c[i * n + d] + c[d * n + j] - shape * c[i * n + j] + vehicleCost;
    if (sv > 0) {
      pairsI.push(i);
      pairsJ.push(j);
      saving.push(sv);
    }
  };
  const m = s.routes.length;
  if (m <= (options.fullPairsUpTo ?? 300)) {
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) if (a !== b) consider(s.routes[a][0], s.routes[b][0]);
  } else {
    const nb = nearestCustomers(p, 40);
    for (const R of s.routes) {
      const i = R[0];
      for (let x = 0; x < nb.k; x++) {
        const j = nb.list[i * nb.k + x];
        if (j >= 0 && active[j]) consider(i, j);
      }
    }
  }
  const order = Array.from(saving.keys()).sort((a, b) => saving[b] - saving[a] || pairsI[a] - pairsI[b] || pairsJ[a] - pairsJ[b]);
  for (const x of order) {
    const i = pairsI[x];
    const j = pairsJ[x];
    const ra = s.routeOf[i];
    const rb = s.routeOf[j];
    if (ra === rb || ra < 0 || rb < 0) continue;
    const A = s.routes[ra];
    const B = s.routes[rb];
    if (A[A.length - 1] !== i || B[0] !== j) continue;
    if (mergeFeasible(s, ra, rb)) {
      s.routes[ra] = A.concat(B);
      s.routes[rb] = [];
      refreshRoute(s, ra);
    }
  }
  dropEmptyRoutes(s);
  return { routes: s.routes, unassigned };
}

/** Can route b follow route a (a's last customer straight to b's first)? O(1). */
function mergeFeasible(s: RouteState, ra: number, rb: number): boolean {
  const p = s.p;
  if (s.routeLoad[ra] + s.routeLoad[rb] > p.capacity + TIME_EPS) return false;
  const A = s.routes[ra];
  const i = A[A.length - 1];
  const j = s.routes[rb][0];
  const arrive = s.begin[i] + p.serviceMinutes[i] + p.travelMinutes[i * p.size + j];
  return arrive <= s.latest[j] + TIME_EPS;
}
