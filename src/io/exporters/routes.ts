/**
 * The mobile Thusong plan's files, written the same way by the app's downloads and by
 * `npm run analyse -- routes`: stops.csv, visits.csv (team, date, stop, arrival, departure,
 * settlements served, …), an iCalendar of visits (one VEVENT per stop visit), GPX day routes, and
 * GeoJSON of routes, stops and bases.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { MobilePlan } from '../../engine/routing/mobile-plan';
import type { PlannedDay } from '../../engine/routing/plan-year';
import { csvRow } from './csv';
import { toGpx, type GpxPoint, type GpxRoute } from './gpx';
import { toIcs, type IcsEvent } from './ics';

/** numbers stay numbers (a text "-33.9" would be guarded as a formula) */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Minutes since midnight → HH:MM, rounded to the minute (never "07:60"). */
export function clockTime(minutes: number): string {
  const m = Math.round(minutes);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Which days to write: a team index, or a team and one date; all when absent. */
export interface DayFilter {
  team?: number;
  date?: string;
}

function* daysOf(mp: MobilePlan, filter: DayFilter = {}): Generator<{ team: number; day: PlannedDay; index: number }> {
  for (const ty of mp.plan.teams) {
    if (filter.team !== undefined && ty.team !== filter.team) continue;
    for (let i = 0; i < ty.days.length; i++) {
      const day = ty.days[i];
      if (filter.date !== undefined && day.date !== filter.date) continue;
      yield { team: ty.team, day, index: i };
    }
  }
}

/** Settlement ids each stop serves. */
function servedIds(mp: MobilePlan): string[][] {
  const out: string[][] = mp.stops.id.map(() => []);
  mp.servedBy.forEach((k, s) => {
    if (k >= 0) out[k].push(mp.settlements.id[s]);
  });
  return out;
}

export const VISIT_COLUMNS = ['team', 'date', 'stop', 'stop_name', 'arrival', 'departure', 'settlements_served', 'trip', 'trip_day', 'trip_days', 'overnight_at', 'round'];

/** One row per stop visit, by team and date. */
export function visitsCsv(mp: MobilePlan, filter?: DayFilter): string {
  const served = servedIds(mp);
  const { stops, teams } = mp;
  const lines = [csvRow(VISIT_COLUMNS)];
  for (const { team, day: d } of daysOf(mp, filter)) {
    d.stops.forEach((k, x) => {
      lines.push(csvRow([teams[team].id, d.date, stops.id[k], stops.name[k], clockTime(d.arrivalMinutes[x]), clockTime(d.departureMinutes[x]), served[k].join(';'), d.trip + 1, d.tripDay + 1, d.tripDays, d.endAt >= 0 ? stops.id[d.endAt] : '', d.round + 1]));
    });
  }
  return lines.join('\n') + '\n';
}

/** One row per stop: where, which team, whom it serves and how often it is visited. */
export function stopsCsv(mp: MobilePlan): string {
  const served = servedIds(mp);
  const { stops, plan, teams } = mp;
  const lines = [csvRow(['stop', 'name', 'lon', 'lat', 'team', 'settlements_served', 'population_served', 'expected_visitors', 'service_minutes', 'visits_per_year', 'visits_planned', 'settlement_ids'])];
  for (let k = 0; k < stops.id.length; k++) {
    lines.push(csvRow([stops.id[k], stops.name[k], round6(stops.lon[k]), round6(stops.lat[k]), plan.stopTeam[k] >= 0 ? teams[plan.stopTeam[k]].id : '', served[k].length, stops.population[k], Math.round(stops.expectedVisitors[k]), stops.serviceMinutes[k], stops.visitsPerYear[k], plan.visitsPlanned[k], served[k].join(';')]));
  }
  return lines.join('\n') + '\n';
}

/** One calendar event per stop visit: service start to departure, at the stop. */
export function visitEvents(mp: MobilePlan, filter?: DayFilter): IcsEvent[] {
  const served = servedIds(mp);
  const { stops, teams } = mp;
  const events: IcsEvent[] = [];
  for (const { team, day: d } of daysOf(mp, filter)) {
    const tid = teams[team].id;
    d.stops.forEach((k, x) => {
      const visitors = Math.round(stops.expectedVisitors[k] / Math.max(1, stops.visitsPerYear[k]));
      events.push({
        uid: `${tid}-${d.date}-${stops.id[k]}-${x}@thusong-planner`,
        startDate: d.date,
        startMinutes: d.departureMinutes[x] - stops.serviceMinutes[k],
        endMinutes: d.departureMinutes[x],
        summary: `Mobile Thusong (${tid}): ${stops.name[k]}`,
        description: `Team ${tid} at ${stops.name[k]}, serving ${served[k].length} settlement(s), about ${visitors} visitors expected. Arrive ${clockTime(d.arrivalMinutes[x])}, leave ${clockTime(d.departureMinutes[x])}.`,
        location: stops.name[k],
        geo: [stops.lat[k], stops.lon[k]],
        categories: ['Mobile Thusong', tid],
      });
    });
  }
  return events;
}

/** The iCalendar file of visits (all teams, or one team's with `filter.team`). */
export function visitsIcs(mp: MobilePlan, filter?: DayFilter, stamp?: Date): string {
  const who = filter?.team !== undefined ? ` ${mp.teams[filter.team].id}` : '';
  return toIcs(visitEvents(mp, filter), { calendarName: `Mobile Thusong${who} ${mp.year}`, stamp });
}

/** One GPX route per day: start (base or last night's stop) → stops in order → end. */
export function dayRoutes(mp: MobilePlan, filter?: DayFilter): GpxRoute[] {
  const { stops, teams } = mp;
  const out: GpxRoute[] = [];
  for (const { team, day: d } of daysOf(mp, filter)) {
    const tm = teams[team];
    const at = (loc: number): GpxPoint => (loc < 0 ? { lon: tm.baseLon, lat: tm.baseLat, name: `${tm.id} base` } : { lon: stops.lon[loc], lat: stops.lat[loc], name: stops.name[loc] });
    out.push({
      name: `${tm.id} ${d.date}${d.tripDays > 1 ? ` (day ${d.tripDay + 1} of ${d.tripDays})` : ''}`,
      points: [at(d.startAt), ...d.stops.map((k, x) => ({ ...at(k), description: `${clockTime(d.arrivalMinutes[x])}–${clockTime(d.departureMinutes[x])}` })), at(d.endAt)],
    });
  }
  return out;
}

export function routesGpx(mp: MobilePlan, filter?: DayFilter): string {
  return toGpx(dayRoutes(mp, filter), { name: `Mobile Thusong routes ${mp.year}` });
}

/**
 * Routes as LineStrings (one per team day, straight between stops: the drive times come from the
 * road network, the drawn line does not follow it), stops and team bases as Points. `team` is the
 * team's index, `team_id` its name; the map styles by these.
 */
export function routesFeatureCollection(mp: MobilePlan): FeatureCollection {
  const { stops, teams, plan } = mp;
  const features: Feature[] = [];
  for (const { team, day: d, index } of daysOf(mp)) {
    const tm = teams[team];
    const at = (loc: number) => (loc < 0 ? [tm.baseLon, tm.baseLat] : [stops.lon[loc], stops.lat[loc]]);
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [at(d.startAt), ...d.stops.map(at), at(d.endAt)] },
      properties: { kind: 'route', team, team_id: tm.id, date: d.date, day: index, stops: d.stops.length, km: Math.round(d.km * 10) / 10, drive_minutes: Math.round(d.driveMinutes), start: clockTime(d.startMinutes), end: clockTime(d.endMinutes), trip_days: d.tripDays },
    });
  }
  const served = servedIds(mp);
  for (let k = 0; k < stops.id.length; k++) {
    const t = plan.stopTeam[k];
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [stops.lon[k], stops.lat[k]] },
      properties: { kind: 'stop', id: stops.id[k], name: stops.name[k], team: t, team_id: t >= 0 ? teams[t].id : '', visits_planned: plan.visitsPlanned[k], visits_needed: stops.visitsPerYear[k], service_minutes: stops.serviceMinutes[k], expected_visitors: Math.round(stops.expectedVisitors[k]), settlements_served: served[k].length, population_served: stops.population[k] },
    });
  }
  teams.forEach((tm, t) => {
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [tm.baseLon, tm.baseLat] }, properties: { kind: 'base', team: t, team_id: tm.id, name: `${tm.id} base` } });
  });
  return { type: 'FeatureCollection', features };
}
