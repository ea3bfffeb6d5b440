/**
 * The annual plan: which team serves each stop, the day routes (and, optionally, multi-day trips
 * with overnight stays for remote stops) that reach them, and the working dates those routes go
 * on, spread through the year — so every stop is visited as often as it needs.
 *
 * Steps: team working dates (weekdays, minus public holidays and days off) → stops to teams
 * (nearest base within a balance limit) → per team and visit round, day routes by the VRP engine
 * (the depot window is the working day; drive minutes + a cost per day used) and overnight trips
 * for remote stops → dates (evenly spaced; first visits placed before repeat visits).
 *
 * Places in `travel`: stops are 0 … S−1 and team t's base is S + t.
 */
import { throttleProgress, type ProgressFn } from '../../model/progress';
import { placeTrips, type TripToPlace } from './calendar';
import { isoDate } from './holidays';
import { buildOvernightTrips } from './overnight-trips';
import { solveVrp } from './solve-vrp';
import { assignStopsToTeams } from './team-assignment';
import { greatCircleProvider, type TravelProvider } from './travel-provider';
import { hours, scheduleTrip, type TripContext, type TripDay } from './trip-schedule';
import type { VrpProblem } from './vrp-problem';
import { workWeekdaysOf, workingDayNumbers } from './working-days';

export interface PlanStops {
  lon: Float64Array;
  lat: Float64Array;
  serviceMinutes: Float64Array;
  /** visits needed in the year (0 = not to be visited) */
  visitsPerYear: Int32Array;
  /** optional time windows on the start of service, minutes since midnight (NaN = none) */
  earliestMinutes?: Float64Array;
  latestMinutes?: Float64Array;
  /** names for messages (default "stop 12") */
  names?: string[];
}

export interface TeamSpec {
  id: string;
  baseLon: number;
  baseLat: number;
  hoursPerDay: number;
  /** Monday onwards (default 5) */
  daysPerWeek?: number;
  /** explicit weekdays worked, 0 = Sunday (wins over daysPerWeek) */
  workWeekdays?: number[];
  /** YYYY-MM-DD */
  daysOff?: string[];
  /** when the working day starts, minutes since midnight (default 480 = 08:00) */
  dayStartMinutes?: number;
}

export interface PlanYearInputs {
  stops: PlanStops;
  teams: TeamSpec[];
  year: number;
  /** places 0 … S−1 = stops, S + t = base of team t; default a great-circle estimate */
  travel?: TravelProvider;
}

export interface PlanYearOptions {
  /** one-off declared public holidays (YYYY-MM-DD) */
  extraHolidays?: string[];
  /** allow multi-day trips with overnight stays for remote stops (default false) */
  overnight?: boolean;
  /** a stop farther than this from base (minutes) is remote (default half the working day) */
  remoteDriveMinutes?: number;
  /** longest trip, days (default 5, and never longer than the team's run of working weekdays) */
  maxTripDays?: number;
  /** team workload may exceed its fair share by this factor (default 1.05; Infinity = nearest base only) */
  balanceTolerance?: number;
  /** quick routing passes that calibrate each team's workload estimate before the real one (default 1) */
  balanceRounds?: number;
  /** objective minutes charged per day used (default 60) */
  dayCostMinutes?: number;
  /** route-improvement iterations per team and round (default 1000 + 20 × stops) */
  iterations?: number;
  seed?: number;
}

export interface PlannedDay {
  team: number;
  /** YYYY-MM-DD */
  date: string;
  /** trip number within the team; tripDay 0 … tripDays−1 */
  trip: number;
  tripDay: number;
  tripDays: number;
  /** visit round: 0 = a stop's first visit of the year, 1 = its second … */
  round: number;
  /** −1 = base, else the stop where the team spent the night */
  startAt: number;
  /** −1 = base, else the stop where the team stays the night */
  endAt: number;
  stops: number[];
  /** minutes since midnight */
  arrivalMinutes: number[];
  departureMinutes: number[];
  startMinutes: number;
  endMinutes: number;
  driveMinutes: number;
  km: number;
}

export interface TeamYear {
  team: number;
  id: string;
  workingDates: number;
  stopsAssigned: number;
  /** sorted by date */
  days: PlannedDay[];
  daysUsed: number;
  km: number;
  driveMinutes: number;
}

export type UnvisitedCode = 'no-visit-needed' | 'unreachable-in-a-day' | 'leg-too-long' | 'service-does-not-fit' | 'trip-too-long' | 'out-of-working-days' | 'no-team';

export interface Unvisited {
  stop: number;
  /** which visit of the year is missing (0 = the first) */
  round: number;
  code: UnvisitedCode;
  reason: string;
  team: number;
}

export interface YearPlan {
  year: number;
  teams: TeamYear[];
  /** team serving each stop, −1 none */
  stopTeam: Int32Array;
  /** visits scheduled per stop */
  visitsPlanned: Int32Array;
  unvisited: Unvisited[];
  totals: { km: number; driveMinutes: number; daysUsed: number; visits: number; stopsVisited: number };
  seconds: number;
}

interface Trip {
  round: number;
  stops: number[];
  days: TripDay[];
}

export function planYear(inputs: PlanYearInputs, options: PlanYearOptions = {}, progress?: ProgressFn): YearPlan {
  const t0 = performance.now();
  const report = throttleProgress(progress);
  const { stops, teams, year } = inputs;
  const S = stops.lon.length;
  const T = teams.length;
  const travel = inputs.travel ?? defaultProvider(stops, teams);
  const dayCost = options.dayCostMinutes ?? 60;
  const overnight = options.overnight ?? false;
  const stopTeam = new Int32Array(S).fill(-1);
  const visitsPlanned = new Int32Array(S);
  const unvisited: Unvisited[] = [];

  const stopLabel = (s: number) => stops.names?.[s] ?? `stop ${s}`;
  const working = teams.map((tm) => workingDayNumbers(year, { daysPerWeek: tm.daysPerWeek, workWeekdays: tm.workWeekdays, daysOff: tm.daysOff, holidays: { extraDeclared: options.extraHolidays } }));
  const contexts: TripContext[] = teams.map((tm, t) => ({
    travel,
    basePlace: S + t,
    placeOf: (s: number) => s,
    serviceMinutes: stops.serviceMinutes,
    earliestMinutes: stops.earliestMinutes,
    latestMinutes: stops.latestMinutes,
    dayStartMinutes: tm.dayStartMinutes ?? 480,
    dayMinutes: tm.hoursPerDay * 60,
    stopLabel,
  }));
  const maxTripDays = teams.map((tm) => Math.max(1, Math.min(options.maxTripDays ?? 5, longestWeekdayRun(workWeekdaysOf(tm)))));

  // what each team could do with each stop alone
  const alone = new Int8Array(S * T); // 1 = a day route, 2 = an overnight trip, 0 = neither
  const whyNot: string[] = new Array(S).fill('');
  const whyCode: UnvisitedCode[] = new Array(S).fill('no-team');
  for (let s = 0; s < S; s++) {
    if (stops.visitsPerYear[s] <= 0) continue;
    let nearest = -1;
    for (let t = 0; t < T; t++) {
      const sch = scheduleTrip(contexts[t], [s]);
      if (sch.feasible && sch.days.length === 1) alone[s * T + t] = 1;
      else if (sch.feasible && overnight && sch.days.length <= maxTripDays[t]) alone[s * T + t] = 2;
      if (nearest < 0 || travel.minutes(S + t, s) < travel.minutes(S + nearest, s)) nearest = t;
    }
    let eligible = false;
    for (let t = 0; t < T; t++) if (alone[s * T + t]) eligible = true;
    if (eligible || nearest < 0) continue;
    // explain with the nearest base
    const t = nearest;
    const sch = scheduleTrip(contexts[t], [s]);
    const m = travel.minutes(S + t, s);
    const away = Number.isFinite(m) ? `the nearest base (${teams[t].id}) is ${hours(m)} away` : 'no road joins it to any team base';
    if (!sch.feasible) {
      whyNot[s] = `${sch.reason}; ${away}`;
      whyCode[s] = sch.code ?? 'no-team';
    } else if (!overnight) {
      whyNot[s] = `${away}: there and back with ${hours(stops.serviceMinutes[s])} of service does not fit a ${hours(contexts[t].dayMinutes)} working day, and overnight trips are off`;
      whyCode[s] = 'unreachable-in-a-day';
    } else {
      whyNot[s] = `${away}: a trip takes ${sch.days.length} days, more than the ${maxTripDays[t]} allowed`;
      whyCode[s] = 'trip-too-long';
    }
  }
  const include = new Uint8Array(S);
  for (let s = 0; s < S; s++) include[s] = stops.visitsPerYear[s] > 0 ? 1 : 0;
  const estimate = (t: number, s: number) => stops.visitsPerYear[s] * dayShareMinutes(stops.serviceMinutes[s], travel.minutes(S + t, s), contexts[t].dayMinutes);
  const assign = (scale: Float64Array) =>
    assignStopsToTeams(
      {
        stopCount: S,
        teamCount: T,
        minutesFromBase: (t, s) => travel.minutes(S + t, s),
        load: (t, s) => scale[t] * estimate(t, s),
        eligible: (t, s) => alone[s * T + t] > 0,
        capacityMinutes: working.map((w, t) => w.length * contexts[t].dayMinutes),
        include,
      },
      options.balanceTolerance ?? 1.05,
    );

  /** A team's trips for its stops, every visit round. */
  const routeTeam = (t: number, mine: number[], iterations: number | undefined, rejected: Unvisited[]): Trip[] => {
    const ctx = contexts[t];
    const remoteMinutes = options.remoteDriveMinutes ?? ctx.dayMinutes / 2;
    const isRemote = (s: number) => overnight && (alone[s * T + t] === 2 || travel.minutes(S + t, s) > remoteMinutes);
    const maxVisits = mine.reduce((a, s) => Math.max(a, stops.visitsPerYear[s]), 0);
    const trips: Trip[] = [];
    for (let r = 0; r < maxVisits; r++) {
      const jobs = mine.filter((s) => stops.visitsPerYear[s] > r);
      const dayJobs = jobs.filter((s) => !isRemote(s));
      const remoteJobs = jobs.filter(isRemote);
      for (const route of dayRoutes(ctx, dayJobs, dayCost, iterations, (options.seed ?? 1) + 7919 * t + 104729 * r)) {
        trips.push({ round: r, stops: route, days: scheduleTrip(ctx, route).days });
      }
      if (remoteJobs.length) {
        const built = buildOvernightTrips(ctx, remoteJobs, { maxDays: maxTripDays[t], dayCostMinutes: dayCost });
        for (const trip of built.trips) trips.push({ round: r, stops: trip, days: scheduleTrip(ctx, trip).days });
        for (const rej of built.rejected) rejected.push({ stop: rej.stop, round: r, code: rej.code as UnvisitedCode, reason: rej.reason, team: t });
      }
    }
    return trips;
  };
  const stopsOf = (assignment: Int32Array, t: number) => {
    const mine: number[] = [];
    for (let s = 0; s < S; s++) if (assignment[s] === t) mine.push(s);
    return mine;
  };

  // Balance: a quick routing pass measures how many working minutes each team really spends per
  // estimated minute (remote areas cost more than the estimate says); the assignment is then
  // redone with that factor per team.
  const scale = new Float64Array(T).fill(1);
  const calibrationRounds = T > 1 && Number.isFinite(options.balanceTolerance ?? 1.05) ? options.balanceRounds ?? 1 : 0;
  for (let round = 0; round < calibrationRounds; round++) {
    report({ phase: 'balancing teams', done: round, total: calibrationRounds });
    const trial = assign(scale);
    for (let t = 0; t < T; t++) {
      const mine = stopsOf(trial, t);
      let estimated = 0;
      for (const s of mine) estimated += estimate(t, s);
      if (estimated <= 0) continue;
      const days = routeTeam(t, mine, 0, []).reduce((a, tr) => a + tr.days.length, 0);
      scale[t] *= Math.min(4, Math.max(0.25, (days * contexts[t].dayMinutes) / estimated));
    }
  }
  const assignment = assign(scale);
  for (let s = 0; s < S; s++) {
    stopTeam[s] = assignment[s];
    if (include[s] && assignment[s] < 0) {
      for (let r = 0; r < stops.visitsPerYear[s]; r++) unvisited.push({ stop: s, round: r, code: whyCode[s], reason: whyNot[s] || 'no team can reach it', team: -1 });
    }
  }

  const teamYears: TeamYear[] = [];
  for (let t = 0; t < T; t++) {
    report({ phase: `routes for ${teams[t].id}`, done: t, total: T });
    const mine = stopsOf(stopTeam, t);
    const trips = routeTeam(t, mine, options.iterations, unvisited);
    const phases = tripPhases(trips, stops, teams[t], stops.visitsPerYear);
    const toPlace: TripToPlace[] = trips.map((trip, i) => ({ days: trip.days.length, phase: phases[i], priority: trip.round }));
    const starts = placeTrips(working[t], toPlace);
    const days: PlannedDay[] = [];
    trips.forEach((trip, i) => {
      if (starts[i] < 0) {
        for (const s of trip.stops) {
          unvisited.push({ stop: s, round: trip.round, code: 'out-of-working-days', reason: `${teams[t].id} has no free ${trip.days.length > 1 ? `run of ${trip.days.length} consecutive working days` : 'working day'} left in ${year} (${working[t].length} working days, ${trips.reduce((a, x) => a + x.days.length, 0)} needed)`, team: t });
        }
        return;
      }
      for (const s of trip.stops) visitsPlanned[s]++;
      trip.days.forEach((d, k) => {
        days.push({ team: t, date: isoDate(working[t][starts[i] + k]), trip: i, tripDay: k, tripDays: trip.days.length, round: trip.round, ...d });
      });
    });
    days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    teamYears.push({
      team: t,
      id: teams[t].id,
      workingDates: working[t].length,
      stopsAssigned: mine.length,
      days,
      daysUsed: days.length,
      km: days.reduce((a, d) => a + d.km, 0),
      driveMinutes: days.reduce((a, d) => a + d.driveMinutes, 0),
    });
  }
  report({ phase: 'done', done: T, total: T });
  unvisited.sort((a, b) => a.stop - b.stop || a.round - b.round);
  let stopsVisited = 0;
  for (let s = 0; s < S; s++) if (visitsPlanned[s] > 0) stopsVisited++;
  return {
    year,
    teams: teamYears,
    stopTeam,
    visitsPlanned,
    unvisited,
    totals: {
      km: teamYears.reduce((a, ty) => a + ty.km, 0),
      driveMinutes: teamYears.reduce((a, ty) => a + ty.driveMinutes, 0),
      daysUsed: teamYears.reduce((a, ty) => a + ty.daysUsed, 0),
      visits: visitsPlanned.reduce((a, v) => a + v, 0),
      stopsVisited,
    },
    seconds: (performance.now() - t0) / 1000,
  };
}

function defaultProvider(stops: PlanStops, teams: TeamSpec[]): TravelProvider {
  const S = stops.lon.length;
  const lon = new Float64Array(S + teams.length);
  const lat = new Float64Array(S + teams.length);
  lon.set(stops.lon);
  lat.set(stops.lat);
  teams.forEach((tm, t) => {
    lon[S + t] = tm.baseLon;
    lat[S + t] = tm.baseLat;
  });
  return greatCircleProvider(lon, lat);
}

/**
 * Working minutes a stop costs a team, for balancing: its service, inflated by the drive out and
 * back that the day's stops share — a day with one-way drive d leaves H − 2d for service, so each
 * minute of service costs H / (H − 2d) minutes of the day (capped at 3 for far stops, which go on
 * overnight trips that share the long drive among more stops).
 */
function dayShareMinutes(serviceMinutes: number, oneWayMinutes: number, dayMinutes: number): number {
  const left = Math.max(dayMinutes - 2 * oneWayMinutes, dayMinutes / 3);
  return (serviceMinutes + 15) * (dayMinutes / left);
}

/** The longest run of consecutive weekdays worked (a trip cannot span a day off). */
function longestWeekdayRun(weekdays: Set<number>): number {
  if (weekdays.size === 7) return 7;
  let best = 0;
  for (let start = 0; start < 7; start++) {
    let run = 0;
    while (run < 7 && weekdays.has((start + run) % 7)) run++;
    best = Math.max(best, run);
  }
  return best;
}

/** One team's day routes for a set of stops: the VRP with the working day as the depot window. */
function dayRoutes(ctx: TripContext, jobs: number[], dayCost: number, iterations: number | undefined, seed: number): number[][] {
  if (!jobs.length) return [];
  const m = jobs.length + 1;
  const place = (i: number) => (i === 0 ? ctx.basePlace : ctx.placeOf(jobs[i - 1]));
  const minutes = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) minutes[i * m + j] = i === j ? 0 : ctx.travel.minutes(place(i), place(j));
  const p: VrpProblem = {
    size: m,
    depot: 0,
    travelMinutes: minutes,
    cost: minutes,
    serviceMinutes: new Float64Array(m),
    earliestMinutes: new Float64Array(m),
    latestMinutes: new Float64Array(m).fill(Infinity),
    demand: new Float64Array(m),
    capacity: Infinity,
    maxVehicles: Infinity,
  };
  p.earliestMinutes[0] = ctx.dayStartMinutes;
  p.latestMinutes[0] = ctx.dayStartMinutes + ctx.dayMinutes;
  jobs.forEach((s, k) => {
    p.serviceMinutes[k + 1] = ctx.serviceMinutes[s];
    const e = ctx.earliestMinutes?.[s];
    const l = ctx.latestMinutes?.[s];
    if (e !== undefined && Number.isFinite(e)) p.earliestMinutes[k + 1] = e;
    if (l !== undefined && Number.isFinite(l)) p.latestMinutes[k + 1] = l;
  });
  const r = solveVrp(p, { objective: 'distance', vehicleCost: dayCost, seed, iterations: iterations ?? 1000 + 20 * jobs.length });
  return r.routes.map((route) => route.map((k) => jobs[k - 1]));
}

/**
 * Where in the year each trip should fall: first visits sweep around the base (so consecutive
 * weeks work neighbouring areas), spread evenly; a stop's k-th of n visits is k/n of a year after
 * its first.
 */
function tripPhases(trips: Trip[], stops: PlanStops, team: TeamSpec, visits: Int32Array): number[] {
  const phase = new Array<number>(trips.length).fill(0);
  const first = trips.map((tr, i) => i).filter((i) => trips[i].round === 0);
  const k = Math.cos((team.baseLat * Math.PI) / 180);
  const angle = (i: number) => {
    let x = 0;
    let y = 0;
    for (const s of trips[i].stops) {
      x += (stops.lon[s] - team.baseLon) * k;
      y += stops.lat[s] - team.baseLat;
    }
    return Math.atan2(y, x);
  };
  const angles = new Map(first.map((i) => [i, angle(i)]));
  first.sort((a, b) => angles.get(a)! - angles.get(b)! || a - b);
  const stopPhase = new Map<number, number>();
  first.forEach((i, j) => {
    phase[i] = (j + 0.5) / first.length;
    for (const s of trips[i].stops) stopPhase.set(s, phase[i]);
  });
  trips.forEach((trip, i) => {
    if (trip.round === 0) return;
    let x = 0;
    let y = 0;
    for (const s of trip.stops) {
      const f = ((stopPhase.get(s) ?? 0) + trip.round / Math.max(1, visits[s])) % 1;
      x += Math.cos(2 * Math.PI * f);
      y += Math.sin(2 * Math.PI * f);
    }
    phase[i] = ((Math.atan2(y, x) / (2 * Math.PI)) % 1 + 1) % 1;
  });
  return phase;
}
