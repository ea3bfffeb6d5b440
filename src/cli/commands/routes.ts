/**
 * `analyse routes`: the annual plan for mobile Thusong teams from files.
 *
 *   npm run analyse -- routes --roads R --settlements S --thusong T --teams TEAMS.csv --year Y --out DIR
 *
 * 1. target settlements: every settlement with people, except (unless --all-settlements) those
 *    already within --thusong-minutes (default: the reach time) of a fixed Thusong centre;
 * 2. stops: greedy set cover of the targets by settlements as candidate stop sites, within the
 *    reach time (over the road network when --roads is given, else estimated);
 * 3. each stop's expected visitors and service hours from the population it serves;
 * 4. the year's plan (teams, day routes, optional overnight trips, dates), then the independent
 *    verifier over every target settlement.
 *
 * Steps 1–4 live in src/engine/routing/mobile-plan.ts and the files in src/io/exporters/routes.ts,
 * shared with the app's routes panel.
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
import { parseIsoDate } from '../../engine/routing/holidays';
import { planMobileYear } from '../../engine/routing/mobile-plan';
import type { TeamSpec } from '../../engine/routing/plan-year';
import { routesGpx, stopsCsv, visitsCsv, visitsIcs } from '../../io/exporters/routes';
import { parseOptions, type Command, type OptionValue } from '../args';
import { LayerReadError, readGeoJsonLayer, resolveUserPath } from '../read-layer';

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
    'thusong-minutes': { type: 'number', placeholder: 'MIN', description: 'a settlement within this many minutes of a fixed Thusong centre is served already (default: --reach)' },
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

function runRoutesWith(v: Record<string, OptionValue>): number {
  const say = (s: string) => process.stderr.write(`${s}\n`);
  const num = (k: string) => v[k] as number | undefined;
  const year = num('year')!;
  if (!Number.isInteger(year) || year < 1900 || year > 2199) throw new LayerReadError(`--year ${year} is not a year from 1900 to 2199.`);
  const out = resolveUserPath(String(v.out));
  const teamsFile = resolveUserPath(String(v.teams));
  let teamsText: string;
  try {
    teamsText = readFileSync(teamsFile, 'utf8');
  } catch (e) {
    throw new LayerReadError(`Cannot read the teams file “${teamsFile}”: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
  const teams = parseTeamsCsv(teamsText, teamsFile);
  const settlements = readGeoJsonLayer(String(v.settlements), 'settlements');
  const thusong = v.thusong ? readGeoJsonLayer(String(v.thusong), 'Thusong centres') : null;
  const roads = v.roads ? readGeoJsonLayer(String(v.roads), 'roads') : null;
  say(`${settlements.features.length} settlements, ${thusong?.features.length ?? 0} Thusong centres, ${teams.length} teams`);
  const holidays = typeof v.holidays === 'string' ? v.holidays.split(',').map((s) => s.trim()).filter(Boolean) : [];
  for (const h of holidays) if (!Number.isFinite(parseIsoDate(h))) throw new LayerReadError(`--holidays: “${h}” is not a YYYY-MM-DD date.`);

  let lastPhase = '';
  const mp = planMobileYear(
    { settlements, thusong, roads, teams, year },
    {
      reachMinutes: num('reach'),
      allSettlements: v['all-settlements'] === true,
      thusongMinutes: num('thusong-minutes'),
      detourFactor: num('detour-factor'),
      averageKmh: num('average-kmh'),
      service: {
        visitorsPerResident: num('visitors-per-resident'),
        visitorsPerHour: num('visitors-per-hour'),
        minHours: num('min-hours'),
        maxHours: num('max-hours'),
        repeatLargeStops: v['repeat-large'] === true,
      },
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
  const { plan, verification, stops, reachMinutes, detourFactor } = mp;
  const st = mp.settlements;
  const N = stops.id.length;
  if (mp.travel.method === 'network') say(`road graph: ${mp.travel.nodeCount} nodes, ${mp.travel.edgeCount} edges`);
  say(`${mp.targetCount} target settlements (${mp.servedByThusong} within ${mp.thusongMinutes} min of a Thusong centre), ${N} stops, ${mp.uncoverable.length} with no stop site in reach`);

  // outputs
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'stops.csv'), stopsCsv(mp));
  writeFileSync(join(out, 'visits.csv'), visitsCsv(mp));
  writeFileSync(join(out, 'calendar.ics'), visitsIcs(mp));
  writeFileSync(join(out, 'routes.gpx'), routesGpx(mp));

  const round1 = (x: number) => Math.round(x * 10) / 10;
  const averageKmh = mp.travel.method === 'estimate' ? mp.travel.averageKmh : undefined;
  const summary = {
    year,
    travel_times: mp.travel.method === 'network' ? 'road network' : `estimate: great-circle × ${detourFactor} at ${averageKmh} km/h`,
    km_method: `great-circle × ${detourFactor}`,
    reach_minutes: reachMinutes,
    thusong_minutes: mp.allSettlements ? null : mp.thusongMinutes,
    settlements: { total: st.count, targets: mp.targetCount, within_reach_of_thusong: mp.servedByThusong },
    stops: N,
    visits_planned: plan.totals.visits,
    km: round1(plan.totals.km),
    days_used: plan.totals.daysUsed,
    drive_hours: round1(plan.totals.driveMinutes / 60),
    teams: plan.teams.map((ty) => ({ team: ty.id, stops: ty.stopsAssigned, working_days: ty.workingDates, days_used: ty.daysUsed, km: round1(ty.km), drive_hours: round1(ty.driveMinutes / 60) })),
    unreached_settlements: verification.unreachedSettlements.map((u) => ({ id: st.id[u.settlement], name: st.name[u.settlement], population: st.population[u.settlement], reason: u.reason })),
    unvisited_stops: plan.unvisited.map((u) => ({ stop: stops.id[u.stop], visit: u.round + 1, team: u.team >= 0 ? teams[u.team].id : '', code: u.code, reason: u.reason })),
    verification: { ok: verification.ok, checked: verification.checked, problem_count: verification.problems.length, problems: verification.problems.slice(0, 200) },
    seconds: { total: round1(mp.seconds.total), travel_matrix: round1(mp.seconds.travelMatrix), plan: round1(mp.seconds.plan) },
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
