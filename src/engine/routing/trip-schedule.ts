/**
 * A trip is a team's sequence of stops from its base and back, over one or more consecutive
 * working days. The schedule splits it into days greedily: each stop is served today if the drive
 * and the whole service fit in today's hours (and its window); otherwise the team drives there
 * today and stays overnight to serve it in the morning, or — when even the drive does not fit —
 * stays overnight where it is. Nights are only ever spent at a stop (lodging near a served
 * village), never at the roadside, so a leg longer than a working day is infeasible. For a fixed
 * order this uses the fewest days any split at stops can.
 *
 * A one-day trip is an ordinary day route: out from base at the day's start and back by its end.
 */
import type { TravelProvider } from './travel-provider';

export interface TripContext {
  travel: TravelProvider;
  /** the provider's index of the team's base */
  basePlace: number;
  /** the provider's index of stop s (usually s itself) */
  placeOf: (stop: number) => number;
  serviceMinutes: ArrayLike<number>;
  /** minutes since midnight; absent = no window */
  earliestMinutes?: ArrayLike<number>;
  latestMinutes?: ArrayLike<number>;
  /** e.g. 480 for 08:00 */
  dayStartMinutes: number;
  /** working minutes per day */
  dayMinutes: number;
  /** how messages name a stop (default "stop 12") */
  stopLabel?: (stop: number) => string;
}

export interface TripDay {
  /** −1 = the team's base, else the stop where the team spent the night */
  startAt: number;
  /** −1 = back at base, else the stop where the team stays the night */
  endAt: number;
  stops: number[];
  /** minutes since midnight; service starts at departure − service time */
  arrivalMinutes: number[];
  departureMinutes: number[];
  /** leaving startAt, arriving at endAt */
  startMinutes: number;
  endMinutes: number;
  driveMinutes: number;
  km: number;
}

export interface TripSchedule {
  days: TripDay[];
  feasible: boolean;
  /** why not, when infeasible */
  reason?: string;
  code?: 'leg-too-long' | 'service-does-not-fit';
  driveMinutes: number;
  km: number;
}

export function scheduleTrip(ctx: TripContext, seq: ArrayLike<number>): TripSchedule {
  const H = ctx.dayMinutes;
  const t0 = ctx.dayStartMinutes;
  const name = ctx.stopLabel ?? ((x: number) => `stop ${x}`);
  const days: TripDay[] = [];
  let day: TripDay = newDay(-1, t0);
  let t = 0; // minutes since the day's start
  let loc = -1;
  let drive = 0;
  let km = 0;
  const placeOfLoc = (l: number) => (l < 0 ? ctx.basePlace : ctx.placeOf(l));
  const windowOf = (s: number): [number, number] => [
    ctx.earliestMinutes && Number.isFinite(ctx.earliestMinutes[s]) ? ctx.earliestMinutes[s] - t0 : -Infinity,
    ctx.latestMinutes && Number.isFinite(ctx.latestMinutes[s]) ? ctx.latestMinutes[s] - t0 : Infinity,
  ];
  const close = (endAt: number, endT: number) => {
    day.endAt = endAt;
    day.endMinutes = t0 + endT;
    days.push(day);
  };
  const fail = (code: TripSchedule['code'], reason: string): TripSchedule => ({ days, feasible: false, code, reason, driveMinutes: drive, km });
  const legTo = (from: number, to: number) => (from === to ? [0, 0] : [ctx.travel.minutes(placeOfLoc(from), placeOfLoc(to)), ctx.travel.km(placeOfLoc(from), placeOfLoc(to))]);

  for (let k = 0; k < seq.length; k++) {
    const s = seq[k];
    const sv = ctx.serviceMinutes[s];
    const [e, l] = windowOf(s);
    const [d, dk] = legTo(loc, s);
    if (!Number.isFinite(d)) return fail('leg-too-long', `no road joins ${loc < 0 ? 'the base' : name(loc)} to ${name(s)}`);
    if (d > H) return fail('leg-too-long', `the drive to ${name(s)} (${hours(d)}) is longer than a working day (${hours(H)})`);
    if (t + d > H) {
      // the drive does not fit today: stay the night here, set out in the morning
      if (t === 0) return fail('leg-too-long', `the drive to ${name(s)} does not fit in a day`);
      close(loc, t);
      day = newDay(loc, t0);
      t = 0;
    }
    const arrive = t + d;
    drive += d;
    km += dk;
    day.driveMinutes += d;
    day.km += dk;
    const begin = Math.max(arrive, e);
    if (begin <= l && begin + sv <= H) {
      day.stops.push(s);
      day.arrivalMinutes.push(t0 + arrive);
      day.departureMinutes.push(t0 + begin + sv);
      t = begin + sv;
    } else {
      // arrive today, stay the night at the stop, serve it in the morning
      if (arrive === 0) return fail('service-does-not-fit', `${name(s)} needs ${hours(sv)} of service${Number.isFinite(l) || Number.isFinite(e) ? ' inside its window' : ''}, more than a working day of ${hours(H)} allows`);
      close(s, arrive);
      day = newDay(s, t0);
      const b2 = Math.max(0, e);
      if (b2 > l || b2 + sv > H) return fail('service-does-not-fit', `${name(s)} needs ${hours(sv)} of service${Number.isFinite(l) || Number.isFinite(e) ? ' inside its window' : ''}, more than a working day of ${hours(H)} allows`);
      day.stops.push(s);
      day.arrivalMinutes.push(t0);
      day.departureMinutes.push(t0 + b2 + sv);
      t = b2 + sv;
    }
    loc = s;
  }
  const [d, dk] = legTo(loc, -1);
  if (!Number.isFinite(d)) return fail('leg-too-long', `no road joins ${name(loc)} back to the base`);
  if (d > H) return fail('leg-too-long', `the drive back to base (${hours(d)}) is longer than a working day (${hours(H)})`);
  if (t + d > H) {
    close(loc, t);
    day = newDay(loc, t0);
    t = 0;
  }
  drive += d;
  km += dk;
  day.driveMinutes += d;
  day.km += dk;
  close(-1, t + d);
  return { days, feasible: true, driveMinutes: drive, km };
}

function newDay(startAt: number, t0: number): TripDay {
  return { startAt, endAt: -1, stops: [], arrivalMinutes: [], departureMinutes: [], startMinutes: t0, endMinutes: t0, driveMinutes: 0, km: 0 };
}

export function hours(minutes: number): string {
  if (!Number.isFinite(minutes)) return 'no road';
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes - h * 60);
  return m === 60 ? `${h + 1} h 00` : `${h} h ${String(m).padStart(2, '0')}`;
}
