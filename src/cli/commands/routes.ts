/**
 * `analyse routes`: the annual plan for mobile Thusong teams from files.
 *
 *   npm run analyse -- routes --roads R --settlements S --thusong T --teams TEAMS.csv --year Y --out DIR
 *
 * 1. target settlements: every settlement with people, except (unless --all-settlements) those
 *    already within the reach time of a fixed Thusong centre;
 * 2. stops: greedy set cover of the targets by settlements as candidate stop sites, within the
 *    reach time (over the road network when --roads is given, else estimated);
 * 3. each stop's expected visitors and service hours from the population it serves;
 * 4. the year's plan (teams, day routes, optional overnight trips, dates), then the independent
 *    verifier over every target settlement.
 *
 * TEAMS.csv columns: team, base_lon, base_lat, hours_per_day, days_per_week; optional days_off
 * (YYYY-MM-DD dates separated by ;) and start_time (HH:MM, default 08:00).
 *
 * Writes DIR/stops.csv, DIR/visits.csv (team, date, stop, arrival, departure, settlements served),
 * DIR/calendar.ics, DIR/routes.gpx and DIR/summary.json (km, days used, unreached settlements with
 * reasons, the verifier's findings).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { settlementTable, placeTable } from '../../engine/coverage/inputs';
import { buildRoadGraph, buildSnapIndex, snapPoints, type RoadGraph, type SnapIndex } from '../../engine/network';
import { estimatedReach } from '../../engine/routing/estimated-reach';
import { parseIsoDate } from '../../engine/routing/holidays';
import { networkProvider, networkReach } from '../../engine/routing/network-travel';
import { planYear, type PlanStops, type TeamSpec } from '../../engine/routing/plan-year';
import { greedyStopSelection, reachFromPairs, stopService, type ReachMatrix } from '../../engine/routing/stop-selection';
import { greatCircleProvider, type TravelProvider } from '../../engine/routing/travel-provider';
import { verifyPlan } from '../../engine/routing/verify-plan';
import { toGpx, type GpxRoute } from '../../io/exporters/gpx';
import { toIcs, type IcsEvent } from '../../io/exporters/ics';
import { parseOptions, type Command, type OptionValue } from '../args';
import { csvLine } from '../csv';
import { LayerReadError, readGeoJsonLayer } from '../read-layer';

export const routesCommand: Command = {
  summary: 'Annual routes for mobile Thusong teams: stops within reach of every target settlement, day routes, a calendar, and a verifier’s check.',
  options: {
    roads: { type: 'string', placeholder: 'FILE', description: 'roads GeoJSON (without it, travel times are estimated from straight-line distance)' },
    settlements: { type: 'string', placeholder: 'FILE', description: 'settlements GeoJSON (points or areas, with population)', required: true },
    thusong: { type: 'string', placeholder: 'FILE', description: 'fixed Thusong centres GeoJSON: settlements within reach of one are already served' },
    teams: { type: 'string', placeholder: 'TEAMS.csv', description: 'teams: team,base_lon,base_lat,hours_per_day,days_per_week[,days_off,start_time]', required: true },
    year: { type: 'number', placeholder: 'YYYY', description: 'the year to plan', required: true },
    out: { type: 'string', placeholder: 'DIR', description: 'directory for stops.csv, visits.csv, calendar.ics, routes.gpx, summary.json', required: true },
    reach: { type: 'number', placeholder: 'MIN', description: 'a settlement is reached by a stop within this many minutes (default 30)' },
    'all-settlements': { type: 'boolean', description: 'target every settlement, also those within reach of a fixed Thusong centre' },
    overnight: { type: 'boolean', description: 'allow multi-day trips with overnight stays for remote stops' },
    'max-trip-days': { type: 'number', placeholder: 'N', description: 'longest overnight trip (default 5)' },
    'remote-hours': { type: 'number', placeholder: 'H', description: 'stops farther than this drive from base go on overnight trips (default half a working day)' },
    'repeat-large': { type: 'boolean', description: 'visit a stop that needs more than --max-hours again, up to 4 times a year' },
    'visitors-per-resident': { type: 'number', placeholder: 'F', description: 'share of the people served who come to a visit (default 0.05)' },
    'visitors-per-hour': { type: 'number', placeholder: 'N', description: 'people a team serves per hour (default 12)' },
    'min-hours': { type: 'number', placeholder: 'H', description: 'shortest stop (default 1)' },
    'max-hours': { type: 'number', placeholder: 'H', description: 'longest stop (default 5)' },
    holidays: { type: 'string', placeholder: 'YYYY-MM-DD,…', description: 'extra declared public holidays (election days and the like)' },
    balance: { type: 'number', placeholder: 'F', description: 'a team may take this factor over its fair share of work (default 1.05)' },
    'detour-factor': { type: 'number', placeholder: 'F', description: 'road ÷ straight-line distance for estimates and km (default 1.3)' },
    'average-kmh': { type: 'number', placeholder: 'KMH', description: 'estimate mode: average speed (default 50)' },
    iterations: { type: 'number', placeholder: 'N', description: 'route improvement iterations per team (default 1000 + 20 × stops)' },
    seed: { type: 'number', placeholder: 'N', description: 'random seed (default 1)' },
  },
  run: runRoutesWith,
};

/** Entry with raw arguments. */
export async function runRoutes(argv: string[]): Promise<number> {
  return runRoutesWith(parseOptions(argv, routesCommand.options));
}

/** Reads TEAMS.csv into team specs, with errors that name the row and column. */
export function parseTeamsCsv(text: string, file: string): TeamSpec[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim().toLowerCase() });
  const fields = parsed.meta.fields ?? [];
  for (const col of ['team', 'base_lon', 'base_lat', 'hours_per_day', 'days_per_week']) {
    if (!fields.includes(col)) throw new LayerReadError(`${file}: the column “${col}” is missing (found: ${fields.join(', ') || 'none'}). TEAMS.csv needs team, base_lon, base_lat, hours_per_day, days_per_week.`);
  }
  const teams: TeamSpec[] = [];
  parsed.data.forEach((row, k) => {
    const at = `${file}, row ${k + 1}`;
    const num = (col: string, lo: number, hi: number) => {
      const raw = (row[col] ?? '').trim();
      const n = Number(raw);
      if (raw === '' || !Number.isFinite(n) || n < lo || n > hi) throw new LayerReadError(`${at}: ${col} “${raw}” is not a number from ${lo} to ${hi}.`);
      return n;
    };
    const id = (row.team ?? '').trim() || `team-${k + 1}`;
    const baseLon = num('base_lon', -180, 180);
    const baseLat = num('base_lat', -90, 90);
    if (baseLon < 10 || baseLon > 40 || baseLat > -15 || baseLat < -50) throw new LayerReadError(`${at}: base (${baseLon}, ${baseLat}) is outside South Africa — are base_lon and base_lat swapped?`);
    const hoursPerDay = num('hours_per_day', 1, 24);
    const daysPerWeek = num('days_per_week', 1, 7);
    const daysOff = (row.days_off ?? '').split(/[;\s]+/).map((s) => s.trim()).filter(Boolean);
    for (const d of daysOff) if (!Number.isFinite(parseIsoDate(d))) throw new LayerReadError(`${at}: days_off “${d}” is not a YYYY-MM-DD date.`);
    let dayStartMinutes: number | undefined;
    const start = (row.start_time ?? '').trim();
    if (start) {
      const m = /^(\d{1,2}):(\d{2})$/.exec(start);
      if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new LayerReadError(`${at}: start_time “${start}” is not HH:MM.`);
      dayStartMinutes = Number(m[1]) * 60 + Number(m[2]);
    }
    teams.push({ id, baseLon, baseLat, hoursPerDay, daysPerWeek: Math.round(daysPerWeek), daysOff, dayStartMinutes });
  });
  if (!teams.length) throw new LayerReadError(`${file}: no teams listed.`);
  return teams;
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(Math.round(m % 60)).padStart(2, '0')}`;

function runRoutesWith(v: Record<string, OptionValue>): number {
  const t0 = performance.now();
  const say = (s: string) => process.stderr.write(`${s}\n`);
  const num = (k: string) => v[k] as number | undefined;
  const year = num('year')!;
  if (!Number.isInteger(year) || year < 1900 || year > 2199) throw new LayerReadError(`--year ${year} is not a year from 1900 to 2199.`);
  const reachMinutes = num('reach') ?? 30;
  const detourFactor = num('detour-factor') ?? 1.3;
  const averageKmh = num('average-kmh') ?? 50;
  const out = String(v.out);
  const teamsFile = String(v.teams);
  let teamsText: string;
  try {
    teamsText = readFileSync(teamsFile, 'utf8');
  } catch (e) {
    throw new LayerReadError(`Cannot read the teams file “${teamsFile}”: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
  const teams = parseTeamsCsv(teamsText, teamsFile);
  const settlements = settlementTable(readGeoJsonLayer(String(v.settlements), 'settlements'));
  const thusong = v.thusong ? placeTable(readGeoJsonLayer(String(v.thusong), 'Thusong centres'), 'thusong') : null;
  const roads = v.roads ? readGeoJsonLayer(String(v.roads), 'roads') : null;
  const S = settlements.count;
  const sPts = { lon: settlements.lon, lat: settlements.lat };
  say(`${S} settlements, ${thusong?.lon.length ?? 0} Thusong centres, ${teams.length} teams`);

  // travel: the road network when given, else the estimate
  let graph: RoadGraph | null = null;
  let index: SnapIndex | null = null;
  const van = { offRoadKmh: 30 };
  if (roads && roads.features.length) {
    graph = buildRoadGraph(roads);
    index = buildSnapIndex(graph, 'segment');
    say(`road graph: ${graph.nodeCount} nodes, ${graph.edgeCount} edges`);
  }
  const reachTo = (cand: { lon: Float64Array; lat: Float64Array }): ReachMatrix =>
    graph && index
      ? networkReach(graph, sPts, snapPoints(graph, sPts, {}, index), cand, snapPoints(graph, cand, van, index), reachMinutes)
      : estimatedReach(sPts, cand, reachMinutes, { detourFactor, averageKmh });

  // 1. targets
  const targets = new Uint8Array(S);
  for (let s = 0; s < S; s++) targets[s] = settlements.population[s] > 0 ? 1 : 0;
  let servedByThusong = 0;
  if (thusong && thusong.lon.length && !v['all-settlements']) {
    const r = reachTo({ lon: thusong.lon, lat: thusong.lat });
    for (let s = 0; s < S; s++) if (targets[s] && r.offsets[s + 1] > r.offsets[s]) {
      targets[s] = 0;
      servedByThusong++;
    }
  }
  // 2. stops
  const reach = reachTo(sPts);
  const selection = greedyStopSelection(reach, { targets, settlementWeight: settlements.population });
  const stopAt = selection.stops; // settlement index hosting each stop
  const N = stopAt.length;
  say(`${targets.reduce((a, b) => a + b, 0)} target settlements (${servedByThusong} within ${reachMinutes} min of a Thusong centre), ${N} stops, ${selection.uncoverable.length} with no stop site in reach`);
  // 3. service
  const service = stopService(N, selection.servedBy, settlements.population, {
    visitorsPerResident: num('visitors-per-resident'),
    visitorsPerHour: num('visitors-per-hour'),
    minHours: num('min-hours'),
    maxHours: num('max-hours'),
    repeatLargeStops: v['repeat-large'] === true,
  });
  const stops: PlanStops = {
    lon: Float64Array.from(stopAt, (s) => settlements.lon[s]),
    lat: Float64Array.from(stopAt, (s) => settlements.lat[s]),
    serviceMinutes: service.serviceMinutes,
    visitsPerYear: service.visitsPerYear,
    names: Array.from(stopAt, (s) => `${settlements.name[s] || settlements.id[s]} (${settlements.id[s]})`),
  };
  // 4. plan on stops + bases
  const places = {
    lon: Float64Array.from([...stops.lon, ...teams.map((t) => t.baseLon)]),
    lat: Float64Array.from([...stops.lat, ...teams.map((t) => t.baseLat)]),
  };
  const tTravel = performance.now();
  const travel: TravelProvider = graph && index ? networkProvider(graph, places, snapPoints(graph, places, van, index), { detourFactor }) : greatCircleProvider(places.lon, places.lat, { detourFactor, averageKmh });
  const travelSeconds = (performance.now() - tTravel) / 1000;
  const holidays = typeof v.holidays === 'string' ? v.holidays.split(',').map((s) => s.trim()).filter(Boolean) : [];
  for (const h of holidays) if (!Number.isFinite(parseIsoDate(h))) throw new LayerReadError(`--holidays: “${h}” is not a YYYY-MM-DD date.`);
  let lastPhase = '';
  const plan = planYear(
    { stops, teams, year, travel },
    {
      extraHolidays: holidays,
      overnight: v.overnight === true,
      maxTripDays: num('max-trip-days'),
      remoteDriveMinutes: num('remote-hours') !== undefined ? num('remote-hours')! * 60 : undefined,
      balanceTolerance: num('balance'),
      iterations: num('iterations'),
      seed: num('seed'),
    },
    (p) => {
      if (p.phase !== lastPhase) say(`  ${(lastPhase = p.phase)}`);
    },
  );
  // settlement → plan stop, for the verifier and the outputs
  const stopOfCandidate = new Int32Array(S).fill(-1);
  stopAt.forEach((c, k) => (stopOfCandidate[c] = k));
  const ps: number[] = [];
  const pc: number[] = [];
  const pm: number[] = [];
  for (let s = 0; s < S; s++) for (let k = reach.offsets[s]; k < reach.offsets[s + 1]; k++) {
    const st = stopOfCandidate[reach.candidates[k]];
    if (st >= 0) {
      ps.push(s);
      pc.push(st);
      pm.push(reach.minutes[k]);
    }
  }
  const stopReach = reachFromPairs(S, N, ps, pc, pm);
  const verification = verifyPlan(
    { plan, stops, teams, travel, coverage: { reach: stopReach, reachMinutes, targets, settlementNames: settlements.name.map((n, i) => n || settlements.id[i]) } },
    { extraHolidays: holidays },
  );

  // outputs
  mkdirSync(out, { recursive: true });
  const stopId = (k: number) => settlements.id[stopAt[k]];
  const stopName = (k: number) => settlements.name[stopAt[k]] || settlements.id[stopAt[k]];
  const servedList: string[][] = Array.from({ length: N }, () => []);
  for (let s = 0; s < S; s++) if (selection.servedBy[s] >= 0) servedList[selection.servedBy[s]].push(settlements.id[s]);

  const stopLines = [csvLine(['stop', 'name', 'lon', 'lat', 'team', 'settlements_served', 'population_served', 'expected_visitors', 'service_minutes', 'visits_per_year', 'visits_planned', 'settlement_ids'])];
  for (let k = 0; k < N; k++) {
    stopLines.push(csvLine([stopId(k), stopName(k), stops.lon[k].toFixed(6), stops.lat[k].toFixed(6), plan.stopTeam[k] >= 0 ? teams[plan.stopTeam[k]].id : '', servedList[k].length, service.population[k], Math.round(service.expectedVisitors[k]), service.serviceMinutes[k], service.visitsPerYear[k], plan.visitsPlanned[k], servedList[k].join(';')]));
  }
  writeFileSync(join(out, 'stops.csv'), stopLines.join('\n') + '\n');

  const visitLines = [csvLine(['team', 'date', 'stop', 'stop_name', 'arrival', 'departure', 'settlements_served', 'trip', 'trip_day', 'trip_days', 'overnight_at', 'round'])];
  const events: IcsEvent[] = [];
  const gpx: GpxRoute[] = [];
  for (const ty of plan.teams) {
    const team = teams[ty.team];
    for (const d of ty.days) {
      d.stops.forEach((k, x) => {
        visitLines.push(csvLine([team.id, d.date, stopId(k), stopName(k), hhmm(d.arrivalMinutes[x]), hhmm(d.departureMinutes[x]), servedList[k].join(';'), d.trip + 1, d.tripDay + 1, d.tripDays, d.endAt >= 0 ? stopId(d.endAt) : '', d.round + 1]));
        events.push({
          uid: `${team.id}-${d.date}-${stopId(k)}-${x}@thusong-planner`,
          startDate: d.date,
          startMinutes: d.departureMinutes[x] - stops.serviceMinutes[k],
          endMinutes: d.departureMinutes[x],
          summary: `Mobile Thusong (${team.id}): ${stopName(k)}`,
          description: `Team ${team.id} at ${stopName(k)}, serving ${servedList[k].length} settlement(s), about ${Math.round(service.expectedVisitors[k] / Math.max(1, service.visitsPerYear[k]))} visitors expected. Arrive ${hhmm(d.arrivalMinutes[x])}, leave ${hhmm(d.departureMinutes[x])}.`,
          location: stopName(k),
          geo: [stops.lat[k], stops.lon[k]],
          categories: ['Mobile Thusong', team.id],
        });
      });
      const at = (loc: number) => (loc < 0 ? { lon: team.baseLon, lat: team.baseLat, name: `${team.id} base` } : { lon: stops.lon[loc], lat: stops.lat[loc], name: stopName(loc) });
      gpx.push({
        name: `${team.id} ${d.date}${d.tripDays > 1 ? ` (day ${d.tripDay + 1} of ${d.tripDays})` : ''}`,
        points: [at(d.startAt), ...d.stops.map((k, x) => ({ ...at(k), description: `${hhmm(d.arrivalMinutes[x])}–${hhmm(d.departureMinutes[x])}` })), at(d.endAt)],
      });
    }
  }
  writeFileSync(join(out, 'visits.csv'), visitLines.join('\n') + '\n');
  writeFileSync(join(out, 'calendar.ics'), toIcs(events, { calendarName: `Mobile Thusong ${year}` }));
  writeFileSync(join(out, 'routes.gpx'), toGpx(gpx, { name: `Mobile Thusong routes ${year}` }));

  const round1 = (x: number) => Math.round(x * 10) / 10;
  const summary = {
    year,
    travel_times: graph ? 'road network' : `estimate: great-circle × ${detourFactor} at ${averageKmh} km/h`,
    km_method: `great-circle × ${detourFactor}`,
    reach_minutes: reachMinutes,
    settlements: { total: S, targets: targets.reduce((a, b) => a + b, 0), within_reach_of_thusong: servedByThusong },
    stops: N,
    visits_planned: plan.totals.visits,
    km: round1(plan.totals.km),
    days_used: plan.totals.daysUsed,
    drive_hours: round1(plan.totals.driveMinutes / 60),
    teams: plan.teams.map((ty) => ({ team: ty.id, stops: ty.stopsAssigned, working_days: ty.workingDates, days_used: ty.daysUsed, km: round1(ty.km), drive_hours: round1(ty.driveMinutes / 60) })),
    unreached_settlements: verification.unreachedSettlements.map((u) => ({ id: settlements.id[u.settlement], name: settlements.name[u.settlement], population: settlements.population[u.settlement], reason: u.reason })),
    unvisited_stops: plan.unvisited.map((u) => ({ stop: stopId(u.stop), visit: u.round + 1, team: u.team >= 0 ? teams[u.team].id : '', code: u.code, reason: u.reason })),
    verification: { ok: verification.ok, checked: verification.checked, problem_count: verification.problems.length, problems: verification.problems.slice(0, 200) },
    seconds: { total: round1((performance.now() - t0) / 1000), travel_matrix: round1(travelSeconds), plan: round1(plan.seconds) },
  };
  writeFileSync(join(out, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  process.stdout.write(
    [
      `${N} stops, ${plan.totals.visits} visits on ${plan.totals.daysUsed} team-days, ${Math.round(plan.totals.km).toLocaleString('en-ZA')} km (${summary.km_method}).`,
      `Unreached target settlements: ${verification.unreachedSettlements.length}; verifier problems: ${verification.problems.length}.`,
      `Wrote stops.csv, visits.csv, calendar.ics, routes.gpx and summary.json to ${out} in ${summary.seconds.total} s.`,
    ].join('\n') + '\n',
  );
  return 0;
}
