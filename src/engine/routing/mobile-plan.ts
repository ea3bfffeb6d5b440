/**
 * The mobile Thusong year, end to end from layers: the wiring that `analyse routes` and the routes
 * worker share, so the command line and the app plan exactly the same way.
 *
 * 1. targets: every settlement with people, except (unless `allSettlements`) those already within
 *    `thusongMinutes` of a fixed Thusong centre;
 * 2. stops: greedy set cover of the targets by settlements as candidate stop sites, within the
 *    reach time (over the road network when roads are given, else estimated);
 * 3. each stop's expected visitors and service minutes from the population it serves;
 * 4. the year's plan (teams, day routes, optional overnight trips, dates), then the independent
 *    verifier over every target settlement, and each day's legs (drive minutes and km) for
 *    run-sheets.
 */
import type { FeatureCollection } from 'geojson';
import { throttleProgress, type ProgressFn } from '../../model/progress';
import { placeTable, settlementTable, type SettlementTable } from '../coverage/inputs';
import { buildRoadGraph, buildSnapIndex, snapPoints } from '../network';
import { estimatedReach } from './estimated-reach';
import { networkProvider, networkReach } from './network-travel';
import { planYear, type PlanStops, type PlanYearOptions, type TeamSpec, type YearPlan } from './plan-year';
import { greedyStopSelection, reachFromPairs, stopService, type ReachMatrix, type ServiceOptions } from './stop-selection';
import { greatCircleProvider, type TravelProvider } from './travel-provider';
import { verifyPlan, type PlanVerification } from './verify-plan';

export interface MobilePlanInputs {
  /** points or areas, with canonical `id`, `name`, `population` */
  settlements: FeatureCollection;
  /** fixed Thusong centres: settlements within reach of one are served already */
  thusong?: FeatureCollection | null;
  /** without roads, travel times are estimated from straight-line distance */
  roads?: FeatureCollection | null;
  teams: TeamSpec[];
  year: number;
}

export interface MobilePlanOptions extends PlanYearOptions {
  /** a target settlement must be within this many minutes of a stop (default 30) */
  reachMinutes?: number;
  /** target every settlement with people, also those near a fixed Thusong centre (default false) */
  allSettlements?: boolean;
  /** a settlement within this many minutes of a fixed Thusong centre is served already (default reachMinutes) */
  thusongMinutes?: number;
  service?: ServiceOptions;
  /** road ÷ straight-line distance, for estimates and km (default 1.3) */
  detourFactor?: number;
  /** estimate mode: average speed, km/h (default 50) */
  averageKmh?: number;
}

/** The plan's stops: what planYear takes, plus where each sits and whom it serves. */
export interface MobileStops extends PlanStops {
  /** settlement index hosting each stop */
  settlement: Int32Array;
  id: string[];
  /** the settlement's name, else its id */
  name: string[];
  /** people in the settlements each stop serves */
  population: Float64Array;
  expectedVisitors: Float64Array;
}

/** One day's legs: leg k ends at stop k (k < stops.length); the last leg ends where the day ends. */
export interface DayLegs {
  minutes: number[];
  km: number[];
}

export interface MobilePlan {
  year: number;
  reachMinutes: number;
  thusongMinutes: number;
  allSettlements: boolean;
  travel: { method: 'network'; nodeCount: number; edgeCount: number } | { method: 'estimate'; averageKmh: number };
  detourFactor: number;
  settlements: SettlementTable;
  /** 1 = must be reached */
  targets: Uint8Array;
  targetCount: number;
  /** settlements with people left out because a fixed Thusong centre is within reach */
  servedByThusong: number;
  stops: MobileStops;
  /** settlement → position of its nearest stop within reach, −1 none */
  servedBy: Int32Array;
  /** target settlements no stop site reaches */
  uncoverable: Int32Array;
  teams: TeamSpec[];
  plan: YearPlan;
  /** [team][day], in the order of plan.teams[t].days */
  legs: DayLegs[][];
  verification: PlanVerification;
  seconds: { total: number; travelMatrix: number; plan: number };
}

export function planMobileYear(inputs: MobilePlanInputs, options: MobilePlanOptions = {}, progress?: ProgressFn): MobilePlan {
  const t0 = performance.now();
  const report = throttleProgress(progress);
  const reachMinutes = options.reachMinutes ?? 30;
  const thusongMinutes = options.thusongMinutes ?? reachMinutes;
  const detourFactor = options.detourFactor ?? 1.3;
  const averageKmh = options.averageKmh ?? 50;
  const { teams, year } = inputs;
  const settlements = settlementTable(inputs.settlements);
  const thusong = inputs.thusong ? placeTable(inputs.thusong, 'thusong') : null;
  const S = settlements.count;
  const sPts = { lon: settlements.lon, lat: settlements.lat };

  // travel: the road network when given, else the estimate
  report({ phase: 'road graph', done: 0, total: 1 });
  const graph = inputs.roads?.features.length ? buildRoadGraph(inputs.roads) : null;
  const index = graph ? buildSnapIndex(graph, 'segment') : null;
  // a team arrives by vehicle: its off-road leg is driven, a resident's is walked
  const van = { offRoadKmh: 30 };
  const settlementSnaps = graph && index ? snapPoints(graph, sPts, {}, index) : null;
  const reachTo = (cand: { lon: Float64Array; lat: Float64Array }, minutes: number, phase: string): ReachMatrix =>
    graph && index && settlementSnaps
      ? networkReach(graph, sPts, settlementSnaps, cand, snapPoints(graph, cand, van, index), minutes, (p) => report({ ...p, phase }))
      : estimatedReach(sPts, cand, minutes, { detourFactor, averageKmh });

  // 1. targets
  const targets = new Uint8Array(S);
  for (let s = 0; s < S; s++) targets[s] = settlements.population[s] > 0 ? 1 : 0;
  let servedByThusong = 0;
  if (thusong && thusong.count && !options.allSettlements) {
    const r = reachTo({ lon: thusong.lon, lat: thusong.lat }, thusongMinutes, 'reach from Thusong centres');
    for (let s = 0; s < S; s++) {
      if (targets[s] && r.offsets[s + 1] > r.offsets[s]) {
        targets[s] = 0;
        servedByThusong++;
      }
    }
  }
  let targetCount = 0;
  for (let s = 0; s < S; s++) targetCount += targets[s];

  // 2. stops
  const reach = reachTo(sPts, reachMinutes, 'reach to candidate stops');
  report({ phase: 'choosing stops', done: 0, total: 1 });
  const selection = greedyStopSelection(reach, { targets, settlementWeight: settlements.population });
  const stopAt = selection.stops;
  const N = stopAt.length;

  // 3. service
  const service = stopService(N, selection.servedBy, settlements.population, options.service);
  const label = (s: number) => settlements.name[s] || settlements.id[s];
  const stops: MobileStops = {
    lon: Float64Array.from(stopAt, (s) => settlements.lon[s]),
    lat: Float64Array.from(stopAt, (s) => settlements.lat[s]),
    serviceMinutes: service.serviceMinutes,
    visitsPerYear: service.visitsPerYear,
    names: Array.from(stopAt, (s) => `${label(s)} (${settlements.id[s]})`),
    settlement: Int32Array.from(stopAt),
    id: Array.from(stopAt, (s) => settlements.id[s]),
    name: Array.from(stopAt, label),
    population: service.population,
    expectedVisitors: service.expectedVisitors,
  };

  // 4. plan on stops + bases
  const places = {
    lon: Float64Array.from([...stops.lon, ...teams.map((t) => t.baseLon)]),
    lat: Float64Array.from([...stops.lat, ...teams.map((t) => t.baseLat)]),
  };
  const tTravel = performance.now();
  const travel: TravelProvider =
    graph && index
      ? networkProvider(graph, places, snapPoints(graph, places, van, index), { detourFactor }, (p) => report({ ...p, phase: 'drive times between stops' }))
      : greatCircleProvider(places.lon, places.lat, { detourFactor, averageKmh });
  const travelSeconds = (performance.now() - tTravel) / 1000;
  const planOptions: PlanYearOptions = {
    extraHolidays: options.extraHolidays,
    overnight: options.overnight,
    remoteDriveMinutes: options.remoteDriveMinutes,
    maxTripDays: options.maxTripDays,
    balanceTolerance: options.balanceTolerance,
    balanceRounds: options.balanceRounds,
    dayCostMinutes: options.dayCostMinutes,
    iterations: options.iterations,
    seed: options.seed,
  };
  const plan = planYear({ stops, teams, year, travel }, planOptions, progress);

  // the verifier re-derives reach from settlement to plan stop
  report({ phase: 'verifying', done: 0, total: 1 });
  const stopOfCandidate = new Int32Array(S).fill(-1);
  stopAt.forEach((c, k) => (stopOfCandidate[c] = k));
  const ps: number[] = [];
  const pc: number[] = [];
  const pm: number[] = [];
  for (let s = 0; s < S; s++) {
    for (let k = reach.offsets[s]; k < reach.offsets[s + 1]; k++) {
      const st = stopOfCandidate[reach.candidates[k]];
      if (st >= 0) {
        ps.push(s);
        pc.push(st);
        pm.push(reach.minutes[k]);
      }
    }
  }
  const verification = verifyPlan(
    { plan, stops, teams, travel, coverage: { reach: reachFromPairs(S, N, ps, pc, pm), reachMinutes, targets, settlementNames: settlements.name.map((n, i) => n || settlements.id[i]) } },
    { extraHolidays: options.extraHolidays },
  );
  const legs = plan.teams.map((ty) => ty.days.map((d) => dayLegs(d, N + ty.team, travel)));
  report({ phase: 'done', done: 1, total: 1 });
  return {
    year,
    reachMinutes,
    thusongMinutes,
    allSettlements: options.allSettlements ?? false,
    travel: graph ? { method: 'network', nodeCount: graph.nodeCount, edgeCount: graph.edgeCount } : { method: 'estimate', averageKmh },
    detourFactor,
    settlements,
    targets,
    targetCount,
    servedByThusong,
    stops,
    servedBy: selection.servedBy,
    uncoverable: selection.uncoverable,
    teams,
    plan,
    legs,
    verification,
    seconds: { total: (performance.now() - t0) / 1000, travelMatrix: travelSeconds, plan: plan.seconds },
  };
}

/** Drive minutes and km of each leg of a day: start → stop 0 → … → end (−1 = the base place). */
export function dayLegs(day: { startAt: number; endAt: number; stops: readonly number[] }, basePlace: number, travel: TravelProvider): DayLegs {
  const place = (loc: number) => (loc < 0 ? basePlace : loc);
  const minutes: number[] = [];
  const km: number[] = [];
  let from = place(day.startAt);
  for (const to of [...day.stops.map(place), place(day.endAt)]) {
    minutes.push(from === to ? 0 : travel.minutes(from, to));
    km.push(from === to ? 0 : travel.km(from, to));
    from = to;
  }
  return { minutes, km };
}

/** The settlements each stop serves (indices into plan.settlements), from `servedBy`. */
export function servedSettlements(plan: Pick<MobilePlan, 'servedBy' | 'stops'>): number[][] {
  const out: number[][] = Array.from({ length: plan.stops.id.length }, () => []);
  plan.servedBy.forEach((k, s) => {
    if (k >= 0) out[k].push(s);
  });
  return out;
}
