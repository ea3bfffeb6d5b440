/**
 * Multi-day trips for remote stops: savings construction (join trip ends while the joined trip
 * needs at most `maxDays` days and costs less than the two apart), then relocation of stops
 * between trips and or-opt / 2-opt within trips, every candidate scheduled with scheduleTrip
 * (O(trip length) per check). Cost of a trip: drive minutes + dayCost per day.
 */
import { scheduleTrip, type TripContext, type TripSchedule } from './trip-schedule';

export interface OvernightOptions {
  maxDays: number;
  /** minutes of objective per day used */
  dayCostMinutes: number;
  /** passes of the improvement loop (default 20) */
  maxPasses?: number;
}

export interface OvernightTrips {
  trips: number[][];
  /** stops that fit no trip, with the reason */
  rejected: Array<{ stop: number; code: string; reason: string }>;
}

export function buildOvernightTrips(ctx: TripContext, stops: number[], o: OvernightOptions): OvernightTrips {
  const rejected: OvernightTrips['rejected'] = [];
  const costOf = (s: TripSchedule) => (s.feasible && s.days.length <= o.maxDays ? s.driveMinutes + o.dayCostMinutes * s.days.length : Infinity);
  const evaluate = (seq: number[]) => costOf(scheduleTrip(ctx, seq));
  let trips: number[][] = [];
  for (const s of stops) {
    const sch = scheduleTrip(ctx, [s]);
    if (!sch.feasible) rejected.push({ stop: s, code: sch.code ?? 'infeasible', reason: sch.reason ?? 'cannot be scheduled' });
    else if (sch.days.length > o.maxDays) rejected.push({ stop: s, code: 'trip-too-long', reason: `a trip to ${ctx.stopLabel ? ctx.stopLabel(s) : `stop ${s}`} alone takes ${sch.days.length} days, more than the ${o.maxDays} allowed` });
    else trips.push([s]);
  }
  if (trips.length <= 1) return { trips, rejected };

  // savings between trip ends
  const base = ctx.basePlace;
  const m = (a: number, b: number) => ctx.travel.minutes(a, b);
  const pairs: Array<[number, number, number]> = [];
  for (const [i] of trips) for (const [j] of trips) if (i !== j) pairs.push([i, j, m(ctx.placeOf(i), base) + m(base, ctx.placeOf(j)) - m(ctx.placeOf(i), ctx.placeOf(j))]);
  pairs.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
  const tripOf = new Map<number, number[]>();
  for (const t of trips) tripOf.set(t[0], t);
  const costs = new Map<number[], number>();
  for (const t of trips) costs.set(t, evaluate(t));
  for (const [i, j, sv] of pairs) {
    if (sv <= 0) break;
    const A = tripOf.get(i)!;
    const B = tripOf.get(j)!;
    if (A === B || A[A.length - 1] !== i || B[0] !== j) continue;
    const joined = A.concat(B);
    const c = evaluate(joined);
    if (c < costs.get(A)! + costs.get(B)!) {
      for (const s of joined) tripOf.set(s, joined);
      costs.set(joined, c);
      costs.delete(A);
      costs.delete(B);
    }
  }
  trips = [...costs.keys()];
  improveTrips(trips, evaluate, o.maxPasses ?? 20);
  return { trips: trips.filter((t) => t.length), rejected };
}

/** Relocate between trips, or-opt and 2-opt within trips; first improvement; in place. */
function improveTrips(trips: number[][], evaluate: (seq: number[]) => number, maxPasses: number): void {
  const cost = trips.map(evaluate);
  const EPS = 1e-9;
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (let a = 0; a < trips.length; a++) {
      // within the trip: 2-opt and or-opt
      const T = trips[a];
      for (let i = 0; i < T.length; i++) {
        for (let j = i + 1; j < T.length; j++) {
          const rev = T.slice(0, i).concat(T.slice(i, j + 1).reverse(), T.slice(j + 1));
          const c = evaluate(rev);
          if (c < cost[a] - EPS) {
            trips[a] = rev;
            cost[a] = c;
            improved = true;
          }
        }
      }
      for (let i = 0; i < trips[a].length; i++) {
        const U = trips[a];
        const rest = U.slice(0, i).concat(U.slice(i + 1));
        for (let p = 0; p <= rest.length; p++) {
          if (p === i) continue;
          const moved = rest.slice(0, p).concat([U[i]], rest.slice(p));
          const c = evaluate(moved);
          if (c < cost[a] - EPS) {
            trips[a] = moved;
            cost[a] = c;
            improved = true;
            break;
          }
        }
      }
      // relocate a stop from trip a into another trip b
      for (let i = 0; i < trips[a].length; i++) {
        const U = trips[a];
        const s = U[i];
        const rest = U.slice(0, i).concat(U.slice(i + 1));
        const cRest = rest.length ? evaluate(rest) : 0;
        if (cRest === Infinity) continue;
        let done = false;
        for (let b = 0; b < trips.length && !done; b++) {
          if (b === a || trips[b].length === 0) continue;
          const V = trips[b];
          for (let p = 0; p <= V.length; p++) {
            const into = V.slice(0, p).concat([s], V.slice(p));
            const c = evaluate(into);
            if (cRest + c < cost[a] + cost[b] - EPS) {
              trips[a] = rest;
              cost[a] = cRest;
              trips[b] = into;
              cost[b] = c;
              improved = true;
              done = true;
              i--;
              break;
            }
          }
        }
      }
    }
    for (let a = trips.length - 1; a >= 0; a--) if (trips[a].length === 0) {
      trips.splice(a, 1);
      cost.splice(a, 1);
    }
    if (!improved) break;
  }
}
