/**
 * The routes panel's pure pieces: default teams from the Thusong layer, teams checked into the
 * engine's TeamSpec, what a plan depends on (to tell when it is stale), and a plan turned into what
 * the panel shows — summary, verifier headline, year timeline rows, the run-sheet of one day, and
 * the selected day's route for the map. Tested in test/panels/routes-view.test.ts.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { MobilePlan, MobilePlanOptions } from '../../engine/routing/mobile-plan';
import type { TeamSpec } from '../../engine/routing/plan-year';
import { dayNumber, parseIsoDate, southAfricanHolidays, weekday } from '../../engine/routing/holidays';
import { workWeekdaysOf } from '../../engine/routing/working-days';
import { clockTime } from '../../io/exporters/routes';
import type { Dataset } from '../../model/layers';
import type { RoutesSettings, TeamDraft } from './routes-state';


export interface ThusongCentre {
  id: string;
  name: string;
  lon: number;
  lat: number;
}

/** Point Thusong centres with their ids (a centre without an id gets `thusong-<n>`, as the engine names it). */
export function thusongCentres(fc: FeatureCollection | undefined): ThusongCentre[] {
  const out: ThusongCentre[] = [];
  (fc?.features ?? []).forEach((f, i) => {
    if (f.geometry?.type !== 'Point') return;
    const [lon, lat] = f.geometry.coordinates;
    const id = f.properties?.id;
    out.push({ id: id === undefined || id === null || id === '' ? `thusong-${i + 1}` : String(id), name: String(f.properties?.name ?? ''), lon, lat });
  });
  return out;
}

/** A short team name from a centre: its name without "Thusong Service Centre", else its id. */
export function teamNameFor(centre: ThusongCentre): string {
  const short = centre.name.replace(/\s*Thusong\s+(Service\s+)?Cent(re|er)\s*$/i, '').trim();
  return short || centre.id;
}

export function newTeam(key: string, name: string, centre?: ThusongCentre): TeamDraft {
  return {
    key,
    name,
    base: centre ? { kind: 'thusong', centre: centre.id } : { kind: 'point', lon: NaN, lat: NaN },
    hoursPerDay: 8,
    daysPerWeek: 5,
    daysOff: [],
    startTime: '08:00',
  };
}

/** One team per existing Thusong centre, working 08:00–16:00, Monday to Friday. */
export function defaultTeams(centres: ThusongCentre[]): TeamDraft[] {
  return centres.map((c) => newTeam(`centre-${c.id}`, teamNameFor(c), c));
}

/** The teams to show and plan with: the user's, else the default ones. */
export function effectiveTeams(teams: TeamDraft[] | undefined, centres: ThusongCentre[]): TeamDraft[] {
  return teams ?? defaultTeams(centres);
}

/** "2027-06-20, 2027-12-28" (commas, semicolons or spaces) → dates, and the parts that are not dates. */
export function parseDaysOff(text: string): { dates: string[]; invalid: string[] } {
  const parts = text.split(/[,;\s]+/).map((s) => s.trim()).filter(Boolean);
  const dates: string[] = [];
  const invalid: string[] = [];
  for (const p of parts) (Number.isFinite(parseIsoDate(p)) ? dates : invalid).push(p);
  return { dates: [...new Set(dates)].sort(), invalid };
}

const inSouthAfrica = (lon: number, lat: number) => lon >= 10 && lon <= 40 && lat <= -15 && lat >= -50;

/** The engine's teams, or every problem that stops a plan (each naming the team and the field). */
export function teamSpecs(drafts: TeamDraft[], centres: ThusongCentre[]): { teams: TeamSpec[]; problems: string[] } {
  const problems: string[] = [];
  const teams: TeamSpec[] = [];
  if (!drafts.length) problems.push('Add at least one team.');
  const seen = new Set<string>();
  drafts.forEach((d, i) => {
    const name = d.name.trim();
    const who = name ? `Team “${name}”` : `Team ${i + 1}`;
    if (!name) problems.push(`${who} needs a name.`);
    else if (seen.has(name)) problems.push(`${who}: two teams have this name; names must differ (they label calendars and files).`);
    seen.add(name);
    let lon = NaN;
    let lat = NaN;
    if (d.base.kind === 'thusong') {
      const centreId = d.base.centre;
      const c = centres.find((x) => x.id === centreId);
      if (!c) problems.push(`${who}: its base, Thusong centre “${centreId}”, is not in the Thusong layer. Choose another base.`);
      else [lon, lat] = [c.lon, c.lat];
    } else {
      [lon, lat] = [d.base.lon, d.base.lat];
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) problems.push(`${who}: type the base’s longitude and latitude (decimal degrees).`);
      else if (!inSouthAfrica(lon, lat)) problems.push(`${who}: the base (${lon}, ${lat}) is outside South Africa — are longitude and latitude swapped?`);
    }
    if (!(d.hoursPerDay >= 1 && d.hoursPerDay <= 24)) problems.push(`${who}: hours per day must be from 1 to 24.`);
    if (!(Number.isInteger(d.daysPerWeek) && d.daysPerWeek >= 1 && d.daysPerWeek <= 7)) problems.push(`${who}: days per week must be a whole number from 1 to 7.`);
    const bad = d.daysOff.filter((x) => !Number.isFinite(parseIsoDate(x)));
    if (bad.length) problems.push(`${who}: days off ${bad.map((b) => `“${b}”`).join(', ')} are not YYYY-MM-DD dates.`);
    const m = /^(\d{1,2}):(\d{2})$/.exec(d.startTime.trim());
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) problems.push(`${who}: the start time “${d.startTime}” is not HH:MM.`);
    const start = m ? Number(m[1]) * 60 + Number(m[2]) : 480;
    if (m && start + d.hoursPerDay * 60 > 24 * 60) problems.push(`${who}: a ${d.hoursPerDay} h day starting at ${d.startTime} runs past midnight.`);
    teams.push({ id: name || `team-${i + 1}`, baseLon: lon, baseLat: lat, hoursPerDay: d.hoursPerDay, daysPerWeek: d.daysPerWeek, daysOff: d.daysOff, dayStartMinutes: start });
  });
  return { teams: problems.length ? [] : teams, problems };
}

export function settingsProblems(s: RoutesSettings): string[] {
  const out: string[] = [];
  if (!(Number.isInteger(s.year) && s.year >= 1900 && s.year <= 2199)) out.push('The year must be from 1900 to 2199.');
  if (!(s.reachMinutes > 0 && s.reachMinutes <= 240)) out.push('The reach time must be from 1 to 240 minutes.');
  if (s.target === 'beyond-thusong' && !(s.thusongMinutes > 0 && s.thusongMinutes <= 600)) out.push('The distance from a Thusong centre must be from 1 to 600 minutes.');
  return out;
}

/** The engine's options for the panel's settings (everything else at the engine's defaults, as the CLI). */
export function planOptions(s: RoutesSettings): MobilePlanOptions {
  return {
    reachMinutes: s.reachMinutes,
    allSettlements: s.target === 'all',
    thusongMinutes: s.thusongMinutes,
    overnight: s.overnight,
    service: { repeatLargeStops: s.repeatLarge },
  };
}

const INPUT_KINDS = ['roads', 'settlements', 'thusong'] as const;

/** What a plan depends on: the input files, the settings and the teams (as planned). */
export function routesInputKey(dataset: Dataset, settings: RoutesSettings, teams: TeamSpec[]): string {
  const files = dataset.files.filter((f) => (INPUT_KINDS as readonly string[]).includes(f.kind)).map((f) => `${f.kind}:${f.id}`);
  const relevant = { ...settings, thusongMinutes: settings.target === 'all' ? null : settings.thusongMinutes };
  return JSON.stringify({ files, settings: relevant, teams });
}

// ——— results ———

export interface TeamSummary {
  team: number;
  id: string;
  stops: number;
  visits: number;
  daysUsed: number;
  workingDays: number;
  km: number;
}

export function teamSummaries(mp: MobilePlan): TeamSummary[] {
  return mp.plan.teams.map((ty) => ({
    team: ty.team,
    id: ty.id,
    stops: ty.stopsAssigned,
    visits: ty.days.reduce((a, d) => a + d.stops.length, 0),
    daysUsed: ty.daysUsed,
    workingDays: ty.workingDates,
    km: ty.km,
  }));
}

export interface UnreachedRow {
  id: string;
  name: string;
  population: number;
  reason: string;
}

/** The verifier's verdict in one sentence, and the target settlements it found unreached. */
export function verifierHeadline(mp: MobilePlan): { ok: boolean; text: string; unreached: UnreachedRow[]; otherProblems: string[] } {
  const v = mp.verification;
  const st = mp.settlements;
  const unreached = v.unreachedSettlements.map((u) => ({ id: st.id[u.settlement], name: st.name[u.settlement] || st.id[u.settlement], population: st.population[u.settlement], reason: u.reason }));
  const otherProblems = v.problems.filter((p) => p.code !== 'unreached-settlement').map((p) => p.message);
  const n = unreached.length;
  const text = n === 0 ? `Every target settlement is reached at least once in ${mp.year}` : `${n.toLocaleString('en-ZA')} target settlement${n === 1 ? ' is' : 's are'} not reached in ${mp.year}`;
  return { ok: n === 0, text, unreached, otherProblems };
}

// ——— the year timeline ———

export interface TimelineDay {
  /** 0 = 1 January */
  day: number;
  date: string;
  stops: number;
  km: number;
}

export interface TimelineRow {
  team: number;
  id: string;
  used: TimelineDay[];
  /** days of the year this team does not work: weekends (its non-working weekdays), holidays, its days off */
  off: { day: number; kind: 'weekend' | 'holiday' | 'day-off' }[];
}

export function daysInYear(year: number): number {
  return dayNumber(year + 1, 1, 1) - dayNumber(year, 1, 1);
}

export function dayOfYear(date: string, year: number): number {
  return parseIsoDate(date) - dayNumber(year, 1, 1);
}

export function holidaysOf(year: number): { day: number; date: string; name: string }[] {
  return southAfricanHolidays(year).map((h) => ({ day: dayOfYear(h.date, year), date: h.date, name: h.name }));
}

export function timelineRows(mp: MobilePlan): TimelineRow[] {
  const year = mp.year;
  const first = dayNumber(year, 1, 1);
  const n = daysInYear(year);
  const holidays = new Set(holidaysOf(year).map((h) => h.day));
  return mp.plan.teams.map((ty) => {
    const spec = mp.teams[ty.team];
    const weekdays = workWeekdaysOf({ daysPerWeek: spec.daysPerWeek, workWeekdays: spec.workWeekdays });
    const daysOff = new Set((spec.daysOff ?? []).map((d) => parseIsoDate(d) - first));
    const off: TimelineRow['off'] = [];
    for (let d = 0; d < n; d++) {
      if (!weekdays.has(weekday(first + d))) off.push({ day: d, kind: 'weekend' });
      else if (holidays.has(d)) off.push({ day: d, kind: 'holiday' });
      else if (daysOff.has(d)) off.push({ day: d, kind: 'day-off' });
    }
    return { team: ty.team, id: ty.id, used: ty.days.map((d) => ({ day: parseIsoDate(d.date) - first, date: d.date, stops: d.stops.length, km: d.km })), off };
  });
}

/** The used day of a row nearest to `day` (for clicks on a 1-pixel-a-day chart). */
export function nearestUsedDay(row: TimelineRow, day: number): TimelineDay | undefined {
  let best: TimelineDay | undefined;
  for (const u of row.used) if (!best || Math.abs(u.day - day) < Math.abs(best.day - day)) best = u;
  return best;
}

/** The first day anyone works: the default selection after planning. */
export function firstPlannedDay(mp: MobilePlan): { team: number; date: string } | undefined {
  let out: { team: number; date: string } | undefined;
  for (const ty of mp.plan.teams) {
    const d = ty.days[0];
    if (d && (!out || d.date < out.date)) out = { team: ty.team, date: d.date };
  }
  return out;
}

/** The team's previous or next day used, from a date (for the day selector's arrows). */
export function stepDay(mp: MobilePlan, team: number, date: string, step: -1 | 1): string | undefined {
  const days = mp.plan.teams[team]?.days ?? [];
  if (step > 0) return days.find((d) => d.date > date)?.date;
  for (let i = days.length - 1; i >= 0; i--) if (days[i].date < date) return days[i].date;
  return undefined;
}

// ——— the run-sheet ———

export interface RunSheetStop {
  order: number;
  stopId: string;
  name: string;
  arrival: string;
  /** service starts (after any wait for a window) */
  serviceStart: string;
  departure: string;
  driveKm: number;
  driveMinutes: number;
  settlements: string[];
  expectedVisitors: number;
  visit: number;
  visitsPerYear: number;
}

export interface RunSheet {
  team: string;
  date: string;
  /** e.g. "Tuesday 2 February 2027" */
  longDate: string;
  tripNote?: string;
  startPlace: string;
  /** false: the day starts where the team spent the night */
  startsAtBase: boolean;
  startTime: string;
  stops: RunSheetStop[];
  endPlace: string;
  /** false: the team stays the night at endPlace */
  endsAtBase: boolean;
  endTime: string;
  /** the leg to where the day ends */
  endDriveKm: number;
  endDriveMinutes: number;
  totalKm: number;
  totalDriveMinutes: number;
  /** how drive times were found */
  travel: 'network' | 'estimate';
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function longDate(date: string): string {
  const n = parseIsoDate(date);
  if (!Number.isFinite(n)) return date;
  const [y, m, d] = date.split('-').map(Number);
  return `${WEEKDAYS[weekday(n)]} ${d} ${MONTHS[m - 1]} ${y}`;
}

export function runSheet(mp: MobilePlan, team: number, date: string): RunSheet | undefined {
  const ty = mp.plan.teams[team];
  const index = ty?.days.findIndex((d) => d.date === date) ?? -1;
  if (!ty || index < 0) return undefined;
  const d = ty.days[index];
  const legs = mp.legs[team][index];
  const { stops, settlements: st } = mp;
  const names = (k: number) => {
    const out: string[] = [];
    mp.servedBy.forEach((s, z) => {
      if (s === k) out.push(st.name[z] || st.id[z]);
    });
    return out;
  };
  const place = (loc: number) => (loc < 0 ? `${ty.id} base` : stops.name[loc]);
  // which visit of the year this is, counting this team's earlier visits to the stop
  const visitNumber = (k: number) => {
    let n = 0;
    for (let i = 0; i <= index; i++) for (const s of ty.days[i].stops) if (s === k) n++;
    return n;
  };
  return {
    team: ty.id,
    date,
    longDate: longDate(date),
    tripNote: d.tripDays > 1 ? `Day ${d.tripDay + 1} of a ${d.tripDays}-day trip` : undefined,
    startPlace: place(d.startAt),
    startsAtBase: d.startAt < 0,
    startTime: clockTime(d.startMinutes),
    stops: d.stops.map((k, x) => ({
      order: x + 1,
      stopId: stops.id[k],
      name: stops.name[k],
      arrival: clockTime(d.arrivalMinutes[x]),
      serviceStart: clockTime(d.departureMinutes[x] - stops.serviceMinutes[k]),
      departure: clockTime(d.departureMinutes[x]),
      driveKm: legs.km[x],
      driveMinutes: legs.minutes[x],
      settlements: names(k),
      expectedVisitors: Math.round(stops.expectedVisitors[k] / Math.max(1, stops.visitsPerYear[k])),
      visit: visitNumber(k),
      visitsPerYear: stops.visitsPerYear[k],
    })),
    endPlace: place(d.endAt),
    endsAtBase: d.endAt < 0,
    endTime: clockTime(d.endMinutes),
    endDriveKm: legs.km[d.stops.length],
    endDriveMinutes: legs.minutes[d.stops.length],
    totalKm: d.km,
    totalDriveMinutes: d.driveMinutes,
    travel: mp.travel.method,
  };
}

/** Minutes as "1 h 05" or "45 min". */
export function duration(minutes: number): string {
  const m = Math.round(minutes);
  return m >= 60 ? `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')}` : `${m} min`;
}

// ——— the map ———

/** The selected day's route and its stops in visiting order (order 0 = where the day starts). */
export function selectedDayFeatures(mp: MobilePlan, team: number, date: string): FeatureCollection {
  const ty = mp.plan.teams[team];
  const d = ty?.days.find((x) => x.date === date);
  if (!ty || !d) return { type: 'FeatureCollection', features: [] };
  const tm = mp.teams[team];
  const at = (loc: number) => (loc < 0 ? [tm.baseLon, tm.baseLat] : [mp.stops.lon[loc], mp.stops.lat[loc]]);
  const n = d.stops.length;
  const features: Feature[] = [
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [at(d.startAt), ...d.stops.map(at), at(d.endAt)] }, properties: { kind: 'route', team, name: `${tm.id} ${date}`, date } },
    ...d.stops.map(
      (k, x): Feature => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: at(k) },
        properties: { kind: 'order', team, order: x + 1, of: n, position: n > 1 ? x / (n - 1) : 0, name: `${x + 1}. ${mp.stops.name[k]}`, arrival: clockTime(d.arrivalMinutes[x]), departure: clockTime(d.departureMinutes[x]) },
      }),
    ),
  ];
  return { type: 'FeatureCollection', features };
}


/** Target settlements the verifier found unreached, as points with the reason. */
export function unreachedPoints(mp: MobilePlan): FeatureCollection {
  const st = mp.settlements;
  return {
    type: 'FeatureCollection',
    features: mp.verification.unreachedSettlements
      .filter((u) => Number.isFinite(st.lon[u.settlement]))
      .map((u) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [st.lon[u.settlement], st.lat[u.settlement]] }, properties: { id: st.id[u.settlement], name: st.name[u.settlement] || st.id[u.settlement], population: st.population[u.settlement], reason: u.reason } })),
  };
}
