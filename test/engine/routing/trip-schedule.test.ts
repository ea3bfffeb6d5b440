import { describe, expect, it } from 'vitest';
import { scheduleTrip, type TripContext } from '../../../src/engine/routing/trip-schedule';
import { seededRandom } from '../../../src/engine/routing/seeded-random';
import { tableProvider } from './plan-fixtures';

/** places 0..n-1 are stops, n is the base */
function ctxFor(rows: number[][], service: number[], opts: Partial<TripContext> = {}): TripContext {
  return {
    travel: tableProvider(rows),
    basePlace: rows.length - 1,
    placeOf: (s) => s,
    serviceMinutes: service,
    dayStartMinutes: 480,
    dayMinutes: 480,
    ...opts,
  };
}

describe('trip schedule', () => {
  it('keeps a route that fits the day as one day, with consistent times', () => {
    const rows = [
      [0, 30, 40],
      [30, 0, 50],
      [40, 50, 0],
    ];
    const sch = scheduleTrip(ctxFor(rows, [60, 90]), [0, 1]);
    expect(sch.feasible).toBe(true);
    expect(sch.days).toHaveLength(1);
    const d = sch.days[0];
    expect(d.startAt).toBe(-1);
    expect(d.endAt).toBe(-1);
    expect(d.arrivalMinutes).toEqual([520, 610]);
    expect(d.departureMinutes).toEqual([580, 700]);
    expect(d.endMinutes).toBe(750);
    expect(sch.driveMinutes).toBe(120);
  });

  it('stays overnight at a remote stop and drives back the next day', () => {
    // 5 h out, 3 h service, 5 h back, 8 h days
    const rows = [
      [0, 300],
      [300, 0],
    ];
    const sch = scheduleTrip(ctxFor(rows, [180]), [0]);
    expect(sch.feasible).toBe(true);
    expect(sch.days.map((d) => [d.startAt, d.endAt, d.stops])).toEqual([
      [-1, 0, [0]],
      [0, -1, []],
    ]);
    expect(sch.days[0].endMinutes).toBe(960);
    expect(sch.days[1].endMinutes).toBe(780);
  });

  it('drives to a stop the day before when its service does not fit after the drive', () => {
    const rows = [
      [0, 360],
      [360, 0],
    ];
    const sch = scheduleTrip(ctxFor(rows, [240]), [0]);
    expect(sch.days.map((d) => [d.startAt, d.endAt, d.stops])).toEqual([
      [-1, 0, []],
      [0, 0, [0]],
      [0, -1, []],
    ]);
  });

  it('serves a stop next morning when today’s arrival misses its window', () => {
    const rows = [
      [0, 60, 60],
      [60, 0, 60],
      [60, 60, 0],
    ];
    const sch = scheduleTrip(ctxFor(rows, [300, 60], { latestMinutes: [Infinity, 600], earliestMinutes: [-Infinity, 480] }), [0, 1]);
    expect(sch.feasible).toBe(true);
    expect(sch.days[0].stops).toEqual([0]);
    expect(sch.days[0].endAt).toBe(1);
    expect(sch.days[1].stops).toEqual([1]);
    expect(sch.days[1].departureMinutes).toEqual([540]);
  });

  it('rejects a leg longer than a working day and a service longer than a day, saying why', () => {
    expect(scheduleTrip(ctxFor([[0, 500], [500, 0]], [60]), [0]).code).toBe('leg-too-long');
    expect(scheduleTrip(ctxFor([[0, 10], [10, 0]], [500]), [0]).code).toBe('service-does-not-fit');
  });

  it('uses the fewest days any choice of nights at stops allows (exhaustive check)', () => {
    const rng = seededRandom(11);
    for (let trial = 0; trial < 60; trial++) {
      const n = 2 + Math.floor(rng() * 4);
      const pts = Array.from({ length: n + 1 }, () => [rng() * 400, rng() * 400]);
      const rows = pts.map((a) => pts.map((b) => Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]))));
      const service = Array.from({ length: n }, () => 30 + Math.floor(rng() * 300));
      const ctx = ctxFor(rows, service);
      const seq = Array.from({ length: n }, (_, i) => i);
      const sch = scheduleTrip(ctx, seq);
      const best = fewestDays(rows, service, 480, n);
      if (!sch.feasible) expect(best).toBe(Infinity);
      else expect(sch.days.length, `trial ${trial}`).toBe(best);
    }
  });
});

/**
 * Exhaustive: at every point where the team could stop for the night (before a drive, or on
 * arrival before serving), try both. Nights only at stops; drives and services never split.
 */
function fewestDays(rows: number[][], service: number[], H: number, n: number): number {
  const base = n;
  let best = Infinity;
  const go = (k: number, loc: number, t: number, days: number) => {
    if (days >= best) return;
    if (k === n) {
      const d = rows[loc][base];
      if (t + d <= H) best = Math.min(best, days);
      else if (loc !== base && d <= H) best = Math.min(best, days + 1);
      return;
    }
    const d = rows[loc][k];
    // option: sleep here first (only at a stop, and only if the day has been used)
    if (loc !== base && t > 0) go2(k, loc, 0, days + 1, d);
    go2(k, loc, t, days, d);
  };
  const go2 = (k: number, _loc: number, t: number, days: number, d: number) => {
    if (t + d > H) return;
    const arrive = t + d;
    // serve today
    if (arrive + service[k] <= H) go(k + 1, k, arrive + service[k], days);
    // or sleep at the stop and serve tomorrow
    if (arrive > 0 && service[k] <= H) go(k + 1, k, service[k], days + 1);
  };
  go(0, base, 0, 1);
  return best;
}
