/** Small seeded VRPTW instances and an exhaustive solver, for tests. */
import { seededRandom } from '../../../src/engine/routing/seeded-random';
import { scheduleRoute, type VrpProblem } from '../../../src/engine/routing/vrp-problem';

export function randomVrptw(seed: number, customers: number, opts: { capacity?: number; windowWidth?: number; horizon?: number } = {}): VrpProblem {
  const rng = seededRandom(seed);
  const n = customers + 1;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  x[0] = 50;
  y[0] = 50;
  for (let i = 1; i < n; i++) {
    x[i] = rng() * 100;
    y[i] = rng() * 100;
  }
  const dist = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) dist[i * n + j] = Math.hypot(x[i] - x[j], y[i] - y[j]);
  const horizon = opts.horizon ?? 400;
  const width = opts.windowWidth ?? 120;
  const p: VrpProblem = {
    size: n,
    depot: 0,
    travelMinutes: dist,
    cost: dist,
    serviceMinutes: new Float64Array(n).fill(10),
    earliestMinutes: new Float64Array(n),
    latestMinutes: new Float64Array(n),
    demand: new Float64Array(n),
    capacity: opts.capacity ?? 40,
    maxVehicles: Infinity,
  };
  p.serviceMinutes[0] = 0;
  p.latestMinutes[0] = horizon;
  for (let i = 1; i < n; i++) {
    const d0 = dist[i];
    const lo = d0;
    const hi = horizon - d0 - 10;
    const centre = lo + rng() * Math.max(0, hi - lo);
    p.earliestMinutes[i] = Math.max(0, centre - width / 2);
    p.latestMinutes[i] = Math.min(hi, centre + width / 2);
    p.demand[i] = 1 + Math.floor(rng() * 15);
  }
  return p;
}

/** Every ordering of the customers, split into routes every possible way: the true optimum. */
export function exhaustiveVrp(p: VrpProblem, customers: number[]): { cost: number; vehicles: number; minVehicles: number; costAtMinVehicles: number } {
  let best = Infinity;
  let bestVehicles = 0;
  let minVehicles = Infinity;
  let costAtMin = Infinity;
  const m = customers.length;
  const perm = customers.slice();
  const routeCache = new Map<string, number>();
  const routeCostOf = (route: number[]) => {
    const key = route.join(',');
    let c = routeCache.get(key);
    if (c === undefined) {
      const s = scheduleRoute(p, route);
      c = s.feasible ? s.cost : Infinity;
      routeCache.set(key, c);
    }
    return c;
  };
  const visit = () => {
    for (let mask = 0; mask < 1 << (m - 1); mask++) {
      let cost = 0;
      let vehicles = 0;
      let start = 0;
      for (let k = 0; k < m; k++) {
        if (k === m - 1 || mask & (1 << k)) {
          cost += routeCostOf(perm.slice(start, k + 1));
          vehicles++;
          start = k + 1;
          if (cost === Infinity) break;
        }
      }
      if (cost === Infinity) continue;
      if (cost < best - 1e-9) {
        best = cost;
        bestVehicles = vehicles;
      }
      if (vehicles < minVehicles || (vehicles === minVehicles && cost < costAtMin)) {
        minVehicles = vehicles;
        costAtMin = cost;
      }
    }
  };
  const permute = (k: number) => {
    if (k === m) return visit();
    for (let i = k; i < m; i++) {
      [perm[k], perm[i]] = [perm[i], perm[k]];
      permute(k + 1);
      [perm[k], perm[i]] = [perm[i], perm[k]];
    }
  };
  permute(0);
  return { cost: best, vehicles: bestVehicles, minVehicles, costAtMinVehicles: costAtMin };
}
