/**
 * An independent check of an annual plan, re-deriving everything from the inputs rather than
 * trusting the planner: every target settlement reached (some stop within its reach time visited
 * at least once), every visit on one of its team's working dates (not a weekend or other non-working
 * weekday, public holiday or day off), every day inside the team's hours, arrival and departure
 * times consistent with the travel times, service times and windows, trips chained night to night,
 * and each stop visited as often as it needs. Returns every problem found, each with its reason.
 */
import { parseIsoDate, weekday } from './holidays';
import type { PlanStops, TeamSpec, YearPlan, PlannedDay } from './plan-year';
import type { ReachMatrix } from './stop-selection';
import type { TravelProvider } from './travel-provider';
import { dayOffNumbers, holidayDayNumbers, nonWorkingReason } from './working-days';

export type PlanProblemCode =
  | 'unreached-settlement'
  | 'non-working-date'
  | 'outside-year'
  | 'double-booked'
  | 'before-day-start'
  | 'after-day-end'
  | 'faster-than-travel'
  | 'service-too-short'
  | 'outside-window'
  | 'trip-broken'
  | 'missing-visit'
  | 'unknown-stop';

export interface PlanProblem {
  code: PlanProblemCode;
  message: string;
  team?: string;
  date?: string;
  stop?: number;
  settlement?: number;
}

export interface CoverageToVerify {
  /** settlement → plan stops within reach (candidates here are plan stop indices), with minutes */
  reach: ReachMatrix;
  reachMinutes: number;
  /** 1 = must be reached (default all) */
  targets?: Uint8Array;
  /** for messages */
  settlementNames?: string[];
}

export interface VerifyPlanInputs {
  plan: YearPlan;
  stops: PlanStops;
  teams: TeamSpec[];
  /** same places as planYear: stops 0 … S−1, base of team t at S + t */
  travel: TravelProvider;
  coverage?: CoverageToVerify;
}

export interface VerifyPlanOptions {
  extraHolidays?: string[];
  /** slack for floating-point time sums, minutes (default 0.01) */
  toleranceMinutes?: number;
}

export interface PlanVerification {
  ok: boolean;
  problems: PlanProblem[];
  unreachedSettlements: Array<{ settlement: number; name?: string; reason: string }>;
  checked: { days: number; visits: number; settlements: number };
}

const fmt = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(Math.round(m % 60)).padStart(2, '0')}`;

export function verifyPlan(x: VerifyPlanInputs, options: VerifyPlanOptions = {}): PlanVerification {
  const { plan, stops, teams, travel } = x;
  const tol = options.toleranceMinutes ?? 0.01;
  const S = stops.lon.length;
  const problems: PlanProblem[] = [];
  const holidays = holidayDayNumbers(plan.year, { extraDeclared: options.extraHolidays });
  const visitCount = new Int32Array(S);
  let dayCount = 0;
  let visitTotal = 0;
  const place = (t: number, loc: number) => (loc < 0 ? S + t : loc);
  const nm = (s: number) => stops.names?.[s] ?? `stop ${s}`;

  for (const ty of plan.teams) {
    const t = ty.team;
    const team = teams[t];
    const tid = team.id;
    const cal = { daysPerWeek: team.daysPerWeek, workWeekdays: team.workWeekdays };
    const off = dayOffNumbers(team.daysOff);
    const dayStart = team.dayStartMinutes ?? 480;
    const dayEnd = dayStart + team.hoursPerDay * 60;
    const seen = new Set<string>();
    const trips = new Map<number, PlannedDay[]>();
    for (const day of ty.days) {
      dayCount++;
      const where = { team: tid, date: day.date };
      const n = parseIsoDate(day.date);
      if (!Number.isFinite(n) || !day.date.startsWith(`${plan.year}-`)) {
        problems.push({ code: 'outside-year', message: `${tid} works on ${day.date}, not a date in ${plan.year}`, ...where });
      } else {
        const why = nonWorkingReason(n, cal, holidays, off);
        if (why) problems.push({ code: 'non-working-date', message: `${tid} works on ${day.date} (${['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][weekday(n)]}), ${why}`, ...where });
      }
      if (seen.has(day.date)) problems.push({ code: 'double-booked', message: `${tid} has two routes on ${day.date}`, ...where });
      seen.add(day.date);
      if (day.startMinutes < dayStart - tol) problems.push({ code: 'before-day-start', message: `${tid} on ${day.date} sets out at ${fmt(day.startMinutes)}, before its day starts at ${fmt(dayStart)}`, ...where });
      if (day.endMinutes > dayEnd + tol) problems.push({ code: 'after-day-end', message: `${tid} on ${day.date} ends at ${fmt(day.endMinutes)}, after its ${team.hoursPerDay} h day ends at ${fmt(dayEnd)}`, ...where });
      // walk the day: start → stops → end, never faster than the road allows
      let loc = day.startAt;
      let time = day.startMinutes;
      for (let k = 0; k < day.stops.length; k++) {
        const s = day.stops[k];
        if (!(s >= 0 && s < S)) {
          problems.push({ code: 'unknown-stop', message: `${tid} on ${day.date} visits stop ${s}, which does not exist`, ...where });
          continue;
        }
        visitCount[s]++;
        visitTotal++;
        const drive = loc === s ? 0 : travel.minutes(place(t, loc), place(t, s));
        const arrival = day.arrivalMinutes[k];
        const departure = day.departureMinutes[k];
        if (arrival < time + drive - tol) problems.push({ code: 'faster-than-travel', message: `${tid} on ${day.date} reaches ${nm(s)} at ${fmt(arrival)}, but cannot before ${fmt(time + drive)} (${drive.toFixed(1)} min drive)`, ...where, stop: s });
        const begin = departure - stops.serviceMinutes[s];
        if (begin < arrival - tol) problems.push({ code: 'service-too-short', message: `${tid} on ${day.date} leaves ${nm(s)} at ${fmt(departure)}, less than its ${stops.serviceMinutes[s]} min of service after arriving at ${fmt(arrival)}`, ...where, stop: s });
        const e = stops.earliestMinutes?.[s];
        const l = stops.latestMinutes?.[s];
        if (e !== undefined && Number.isFinite(e) && begin < e - tol) problems.push({ code: 'outside-window', message: `${tid} on ${day.date} starts service at ${nm(s)} at ${fmt(begin)}, before its window opens at ${fmt(e)}`, ...where, stop: s });
        if (l !== undefined && Number.isFinite(l) && begin > l + tol) problems.push({ code: 'outside-window', message: `${tid} on ${day.date} starts service at ${nm(s)} at ${fmt(begin)}, after its window closes at ${fmt(l)}`, ...where, stop: s });
        loc = s;
        time = Math.max(time, departure);
      }
      const back = loc === day.endAt ? 0 : travel.minutes(place(t, loc), place(t, day.endAt));
      if (day.endMinutes < time + back - tol) problems.push({ code: 'faster-than-travel', message: `${tid} on ${day.date} arrives ${day.endAt < 0 ? 'back at base' : `at ${nm(day.endAt)} for the night`} at ${fmt(day.endMinutes)}, but cannot before ${fmt(time + back)}`, ...where });
      const list = trips.get(day.trip) ?? [];
      list.push(day);
      trips.set(day.trip, list);
    }
    for (const [trip, list] of trips) {
      list.sort((a, b) => a.tripDay - b.tripDay);
      const first = list[0];
      const last = list[list.length - 1];
      const where = { team: tid, date: first.date };
      if (list.length !== first.tripDays) problems.push({ code: 'trip-broken', message: `${tid} trip ${trip} has ${list.length} of its ${first.tripDays} days`, ...where });
      if (first.startAt !== -1) problems.push({ code: 'trip-broken', message: `${tid} trip ${trip} does not start at base`, ...where });
      if (last.endAt !== -1) problems.push({ code: 'trip-broken', message: `${tid} trip ${trip} does not end at base`, team: tid, date: last.date });
      for (let k = 1; k < list.length; k++) {
        const a = list[k - 1];
        const b = list[k];
        if (b.startAt !== a.endAt) problems.push({ code: 'trip-broken', message: `${tid} trip ${trip}: the night of ${a.date} is spent at ${a.endAt < 0 ? 'base' : nm(a.endAt)} but ${b.date} starts from ${b.startAt < 0 ? 'base' : nm(b.startAt)}`, team: tid, date: b.date });
        if (parseIsoDate(b.date) !== parseIsoDate(a.date) + 1) problems.push({ code: 'trip-broken', message: `${tid} trip ${trip}: ${a.date} and ${b.date} are not consecutive days`, team: tid, date: b.date });
      }
    }
  }

  const reasonsByStop = new Map<number, string>();
  for (const u of plan.unvisited) if (!reasonsByStop.has(u.stop)) reasonsByStop.set(u.stop, u.reason);
  for (let s = 0; s < S; s++) {
    const need = stops.visitsPerYear[s];
    if (visitCount[s] < need) {
      problems.push({ code: 'missing-visit', message: `${nm(s)} is visited ${visitCount[s]} of the ${need} times it needs${reasonsByStop.has(s) ? `: ${reasonsByStop.get(s)}` : ''}`, stop: s });
    }
  }

  const unreached: PlanVerification['unreachedSettlements'] = [];
  let settlementsChecked = 0;
  if (x.coverage) {
    const { reach, reachMinutes, targets, settlementNames } = x.coverage;
    for (let z = 0; z < reach.settlementCount; z++) {
      if (targets && !targets[z]) continue;
      settlementsChecked++;
      let reached = false;
      const near: number[] = [];
      for (let k = reach.offsets[z]; k < reach.offsets[z + 1]; k++) {
        if (reach.minutes[k] > reachMinutes + tol) continue;
        const s = reach.candidates[k];
        near.push(s);
        if (s < S && visitCount[s] > 0) reached = true;
      }
      if (reached) continue;
      const name = settlementNames?.[z];
      const label = name ? `${name} (settlement ${z})` : `settlement ${z}`;
      let reason: string;
      if (!near.length) reason = `no stop within ${reachMinutes} min`;
      else {
        const explained = near.map((s) => reasonsByStop.get(s)).find(Boolean);
        reason = `its stop${near.length > 1 ? 's' : ''} ${near.slice(0, 5).map(nm).join(', ')}${near.length > 5 ? ' …' : ''} ${near.length > 1 ? 'are' : 'is'} never visited${explained ? `: ${explained}` : ''}`;
      }
      unreached.push({ settlement: z, name, reason });
      problems.push({ code: 'unreached-settlement', message: `${label} is not reached: ${reason}`, settlement: z });
    }
  }
  return { ok: problems.length === 0, problems, unreachedSettlements: unreached, checked: { days: dayCount, visits: visitTotal, settlements: settlementsChecked } };
}

/** Every problem as one line each, for logs and the CLI. */
export function describeProblems(v: PlanVerification): string[] {
  return v.problems.map((p) => `${p.code}: ${p.message}`);
}

