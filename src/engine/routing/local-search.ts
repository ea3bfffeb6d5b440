/**
 * Descent with the classic VRP neighbourhoods, tried between each customer u and its nearest
 * neighbours v (granular search, Toth & Vigo 2003):
 *  - between routes: relocate u next to v, exchange u and v, 2-opt* (swap route tails so u and v
 *    become adjacent), or-opt of a 2–3 customer chain starting at u to after v (either direction);
 *  - within a route: 2-opt (reverse a segment so u and v become adjacent), or-opt of 1–3
 *    customers to after v (either direction), exchange.
 * First improvement. Every move's cost change is computed exactly; inter-route moves are filtered by
 * an O(1) cost delta before their feasibility is checked, and any route a move changes is checked
 * in O(route length).
 */
import { dropEmptyRoutes, insertionDelta, refreshRoute, sequenceCost, type RouteState } from './route-state';

export interface LocalSearchOptions {
  /** added to the objective per route used (a move that empties a route gains it) */
  vehicleCost?: number;
  /** stop after this many passes over all customers (default 100) */
  maxPasses?: number;
}

const EPS = 1e-9;

/** Improves the state in place; returns the objective gained (≥ 0). */
export function localSearch(s: RouteState, neighbours: { k: number; list: Int32Array }, options: LocalSearchOptions = {}): number {
  const p = s.p;
  const n = p.size;
  const d = p.depot;
  const c = p.cost;
  const vehicleCost = options.vehicleCost ?? 0;
  const maxPasses = options.maxPasses ?? 100;
  const bufA = new Int32Array(n);
  const bufB = new Int32Array(n);
  let gained = 0;

  const cost = (i: number, j: number) => c[i * n + j];
  const pred = (R: number[], k: number) => (k > 0 ? R[k - 1] : d);
  const succ = (R: number[], k: number) => (k < R.length - 1 ? R[k + 1] : d);
  const copy = (buf: Int32Array, at: number, R: number[], from: number, to: number) => {
    for (let k = from; k < to; k++) buf[at++] = R[k];
    return at;
  };
  const copyReversed = (buf: Int32Array, at: number, R: number[], from: number, to: number) => {
    for (let k = to - 1; k >= from; k--) buf[at++] = R[k];
    return at;
  };
  const routeFixed = (len: number) => (len === 0 ? 0 : vehicleCost);

  /** Commit new contents for one or two routes (lenB < 0: one route). */
  const commit = (ra: number, lenA: number, rb: number, lenB: number) => {
    s.routes[ra] = Array.from(bufA.subarray(0, lenA));
    refreshRoute(s, ra);
    if (lenB >= 0) {
      s.routes[rb] = Array.from(bufB.subarray(0, lenB));
      refreshRoute(s, rb);
    }
    if (lenA === 0 || lenB === 0) dropEmptyRoutes(s);
  };

  /** Evaluate two rebuilt routes against their old cost; commit when better. */
  const tryPair = (ra: number, lenA: number, rb: number, lenB: number): boolean => {
    const ca = lenA ? sequenceCost(p, bufA, lenA) : 0;
    if (Number.isNaN(ca)) return false;
    const cb = lenB ? sequenceCost(p, bufB, lenB) : 0;
    if (Number.isNaN(cb)) return false;
    const delta = ca + cb + routeFixed(lenA) + routeFixed(lenB) - s.routeCost[ra] - s.routeCost[rb] - 2 * vehicleCost;
    if (delta < -EPS) {
      commit(ra, lenA, rb, lenB);
      gained -= delta;
      return true;
    }
    return false;
  };
  const trySingle = (r: number, len: number): boolean => {
    const cr = sequenceCost(p, bufA, len);
    if (Number.isNaN(cr)) return false;
    const delta = cr - s.routeCost[r];
    if (delta < -EPS) {
      commit(r, len, -1, -1);
      gained -= delta;
      return true;
    }
    return false;
  };

  const interMoves = (u: number, v: number): boolean => {
    const ra = s.routeOf[u];
    const rb = s.routeOf[v];
    const A = s.routes[ra];
    const B = s.routes[rb];
    const pu = s.posOf[u];
    const pv = s.posOf[v];
    const a0 = pred(A, pu);
    const a1 = succ(A, pu);
    const b0 = pred(B, pv);
    const b1 = succ(B, pv);
    // relocate u into B after v, then before v
    const removeGain = cost(a0, u) + cost(u, a1) - cost(a0, a1) + (A.length === 1 ? vehicleCost : 0);
    for (const pos of [pv + 1, pv]) {
      const ins = insertionDelta(s, rb, pos, u);
      if (!(ins - removeGain < -EPS)) continue;
      let la = copy(bufA, 0, A, 0, pu);
      la = copy(bufA, la, A, pu + 1, A.length);
      if (la > 0 && Number.isNaN(sequenceCost(p, bufA, la))) continue;
      let lb = copy(bufB, 0, B, 0, pos);
      bufB[lb++] = u;
      lb = copy(bufB, lb, B, pos, B.length);
      if (tryPair(ra, la, rb, lb)) return true;
    }
    // exchange u and v
    {
      const delta = cost(a0, v) + cost(v, a1) - cost(a0, u) - cost(u, a1) + cost(b0, u) + cost(u, b1) - cost(b0, v) - cost(v, b1);
      if (delta < -EPS) {
        const la = copy(bufA, 0, A, 0, A.length);
        bufA[pu] = v;
        const lb = copy(bufB, 0, B, 0, B.length);
        bufB[pv] = u;
        if (tryPair(ra, la, rb, lb)) return true;
      }
    }
    // 2-opt*: A[..u] + B[v..] and B[..v) + A(u..]
    {
      const emptied = (pu === A.length - 1 && pv === 0 ? vehicleCost : 0);
      const delta = cost(u, v) + cost(b0, a1) - cost(u, a1) - cost(b0, v) - emptied;
      if (delta < -EPS) {
        let la = copy(bufA, 0, A, 0, pu + 1);
        la = copy(bufA, la, B, pv, B.length);
        let lb = copy(bufB, 0, B, 0, pv);
        lb = copy(bufB, lb, A, pu + 1, A.length);
        if (tryPair(ra, la, rb, lb)) return true;
      }
    }
    // 2-opt*: B[..v] + A[u..] and A[..u) + B(v..]
    {
      const emptied = (pv === B.length - 1 && pu === 0 ? vehicleCost : 0);
      const delta = cost(v, u) + cost(a0, b1) - cost(a0, u) - cost(v, b1) - emptied;
      if (delta < -EPS) {
        let lb = copy(bufB, 0, B, 0, pv + 1);
        lb = copy(bufB, lb, A, pu, A.length);
        let la = copy(bufA, 0, A, 0, pu);
        la = copy(bufA, la, B, pv + 1, B.length);
        if (tryPair(ra, la, rb, lb)) return true;
      }
    }
    // or-opt of a chain of 2–3 starting at u, to after v, either direction
    for (let L = 2; L <= 3; L++) {
      if (pu + L > A.length) break;
      const first = u;
      const last = A[pu + L - 1];
      const after = pu + L < A.length ? A[pu + L] : d;
      let inner = 0;
      let innerRev = 0;
      for (let k = pu; k < pu + L - 1; k++) {
        inner += cost(A[k], A[k + 1]);
        innerRev += cost(A[k + 1], A[k]);
      }
      const gainOut = cost(a0, first) + cost(last, after) - cost(a0, after) + (A.length === L ? vehicleCost : 0);
      for (const reversed of [false, true]) {
        const h = reversed ? last : first;
        const t = reversed ? first : last;
        const delta = cost(v, h) + cost(t, b1) - cost(v, b1) + (reversed ? innerRev - inner : 0) - gainOut;
        if (!(delta < -EPS)) continue;
        let la = copy(bufA, 0, A, 0, pu);
        la = copy(bufA, la, A, pu + L, A.length);
        let lb = copy(bufB, 0, B, 0, pv + 1);
        lb = reversed ? copyReversed(bufB, lb, A, pu, pu + L) : copy(bufB, lb, A, pu, pu + L);
        lb = copy(bufB, lb, B, pv + 1, B.length);
        if (tryPair(ra, la, rb, lb)) return true;
      }
    }
    return false;
  };

  const intraMoves = (u: number, v: number): boolean => {
    const r = s.routeOf[u];
    const R = s.routes[r];
    const pu = s.posOf[u];
    const pv = s.posOf[v];
    const len = R.length;
    // 2-opt: reverse a segment so that u and v become adjacent
    const lo = Math.min(pu, pv);
    const hi = Math.max(pu, pv);
    for (const [i, j] of [[lo + 1, hi], [lo, hi - 1]]) {
      if (j - i < 1) continue;
      let l = copy(bufA, 0, R, 0, i);
      l = copyReversed(bufA, l, R, i, j + 1);
      l = copy(bufA, l, R, j + 1, len);
      if (trySingle(r, l)) return true;
    }
    // or-opt: move R[pu..pu+L) to after v, either direction
    for (let L = 1; L <= 3; L++) {
      if (pu + L > len) break;
      if (pv >= pu && pv < pu + L) break;
      for (const reversed of L === 1 ? [false] : [false, true]) {
        let l = 0;
        const put = () => (l = reversed ? copyReversed(bufA, l, R, pu, pu + L) : copy(bufA, l, R, pu, pu + L));
        if (pv < pu) {
          l = copy(bufA, l, R, 0, pv + 1);
          put();
          l = copy(bufA, l, R, pv + 1, pu);
          l = copy(bufA, l, R, pu + L, len);
        } else {
          l = copy(bufA, l, R, 0, pu);
          l = copy(bufA, l, R, pu + L, pv + 1);
          put();
          l = copy(bufA, l, R, pv + 1, len);
        }
        if (trySingle(r, l)) return true;
      }
    }
    // exchange
    {
      const l = copy(bufA, 0, R, 0, len);
      bufA[pu] = v;
      bufA[pv] = u;
      if (trySingle(r, l)) return true;
    }
    return false;
  };

  const k = neighbours.k;
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (let u = 0; u < n; u++) {
      if (u === d || s.routeOf[u] < 0) continue;
      for (let x = 0; x < k; x++) {
        const v = neighbours.list[u * k + x];
        if (v < 0) break;
        if (s.routeOf[v] < 0 || s.routeOf[u] < 0) continue;
        const moved = s.routeOf[u] === s.routeOf[v] ? intraMoves(u, v) : interMoves(u, v);
        if (moved) improved = true;
      }
    }
    if (!improved) break;
  }
  return gained;
}
