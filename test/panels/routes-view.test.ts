import { extentOf } from '../../src/map/fit';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { Dataset } from '../../src/model/layers';
import { initialRoutesState, type RoutesSettings, type TeamDraft } from '../../src/panels/routes/routes-state';
import {
  dayOfYear,
  daysInYear,
  defaultTeams,
  duration,
  effectiveTeams,
  firstPlannedDay,
  holidaysOf,
  longDate,
  nearestUsedDay,
  newTeam,
  parseDaysOff,
  planOptions,
  routesInputKey,
  runSheet,
  selectedDayFeatures,
  settingsProblems,
  stepDay,
  teamNameFor,
  teamSpecs,
  teamSummaries,
  thusongCentres,
  timelineRows,
  unreachedPoints,
  verifierHeadline,
} from '../../src/panels/routes/routes-view';
import { smallPlan } from '../engine/routing/mobile-plan-fixtures';

const centresFc: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { id: 'TSC01', name: 'Klippoort Thusong Service Centre' }, geometry: { type: 'Point', coordinates: [20.15, -31.75] } },
    { type: 'Feature', properties: { id: 'TSC02', name: '' }, geometry: { type: 'Point', coordinates: [21.6, -33.6] } },
    { type: 'Feature', properties: { name: 'Unnamed id' }, geometry: { type: 'Point', coordinates: [19.4, -32.4] } },
  ],
};
const centres = thusongCentres(centresFc);
const settings: RoutesSettings = { year: 2027, target: 'beyond-thusong', thusongMinutes: 30, reachMinutes: 30, overnight: true, repeatLarge: false };

describe('teams', () => {
  it('defaults to one team per Thusong centre, named after the centre, 08:00 for 8 hours, Monday to Friday', () => {
    const teams = defaultTeams(centres);
    expect(teams.map((t) => t.name)).toEqual(['Klippoort', 'TSC02', 'Unnamed id']);
    expect(teams[0]).toMatchObject({ base: { kind: 'thusong', centre: 'TSC01' }, hoursPerDay: 8, daysPerWeek: 5, daysOff: [], startTime: '08:00' });
    expect(teams[2].base).toEqual({ kind: 'thusong', centre: 'thusong-3' }); // as the engine names a centre without an id
    expect(teamNameFor({ id: 'X', name: 'Droëbult Thusong Centre', lon: 0, lat: 0 })).toBe('Droëbult');
  });

  it('follows the Thusong layer until the user edits the teams', () => {
    expect(effectiveTeams(undefined, centres)).toHaveLength(3);
    const mine = [newTeam('a', 'Only', centres[0])];
    expect(effectiveTeams(mine, centres)).toBe(mine);
  });

  it('turns valid teams into the engine’s teams, with bases from the centres and the start in minutes', () => {
    const drafts: TeamDraft[] = [
      { ...newTeam('a', 'Klippoort', centres[0]), startTime: '07:30', daysOff: ['2027-06-21'] },
      { ...newTeam('b', 'Field'), base: { kind: 'point', lon: 26.2, lat: -29.1 }, hoursPerDay: 7.5, daysPerWeek: 4 },
    ];
    const { teams, problems } = teamSpecs(drafts, centres);
    expect(problems).toEqual([]);
    expect(teams).toEqual([
      { id: 'Klippoort', baseLon: 20.15, baseLat: -31.75, hoursPerDay: 8, daysPerWeek: 5, daysOff: ['2027-06-21'], dayStartMinutes: 450 },
      { id: 'Field', baseLon: 26.2, baseLat: -29.1, hoursPerDay: 7.5, daysPerWeek: 4, daysOff: [], dayStartMinutes: 480 },
    ]);
  });

  it('says which team and which field stop a plan', () => {
    const bad: TeamDraft[] = [
      { ...newTeam('a', '', centres[0]) },
      { ...newTeam('b', 'Twin', centres[0]) },
      { ...newTeam('c', 'Twin', centres[1]) },
      { ...newTeam('d', 'Gone'), base: { kind: 'thusong', centre: 'TSC99' } },
      { ...newTeam('e', 'Swapped'), base: { kind: 'point', lon: -29.1, lat: 26.2 } },
      { ...newTeam('f', 'Blank') },
      { ...newTeam('g', 'Long', centres[0]), hoursPerDay: 30, daysPerWeek: 8, daysOff: ['2027-02-30'], startTime: '8am' },
      { ...newTeam('h', 'Late', centres[0]), startTime: '20:00', hoursPerDay: 8 },
    ];
    const { teams, problems } = teamSpecs(bad, centres);
    expect(teams).toEqual([]);
    const text = problems.join('\n');
    expect(text).toContain('Team 1 needs a name');
    expect(text).toContain('Team “Twin”: two teams have this name');
    expect(text).toContain('Thusong centre “TSC99”, is not in the Thusong layer');
    expect(text).toContain('Team “Swapped”: the base (-29.1, 26.2) is outside South Africa — are longitude and latitude swapped?');
    expect(text).toContain('Team “Blank”: type the base’s longitude and latitude');
    expect(text).toContain('Team “Long”: hours per day must be from 1 to 24');
    expect(text).toContain('Team “Long”: days per week must be a whole number from 1 to 7');
    expect(text).toContain('Team “Long”: days off “2027-02-30” are not YYYY-MM-DD dates');
    expect(text).toContain('Team “Long”: the start time “8am” is not HH:MM');
    expect(text).toContain('Team “Late”: a 8 h day starting at 20:00 runs past midnight');
    expect(teamSpecs([], centres).problems).toEqual(['Add at least one team.']);
  });

  it('reads days off separated by commas, semicolons or spaces, and keeps what is not a date apart', () => {
    expect(parseDaysOff('2027-12-28, 2027-06-21;2027-06-21  2027-13-01 soon')).toEqual({ dates: ['2027-06-21', '2027-12-28'], invalid: ['2027-13-01', 'soon'] });
    expect(parseDaysOff('')).toEqual({ dates: [], invalid: [] });
  });
});

describe('settings', () => {
  it('defaults to next year, settlements beyond 30 minutes of a Thusong centre, 30-minute reach, overnight trips', () => {
    const s = initialRoutesState();
    expect(s.settings).toEqual({ year: new Date().getFullYear() + 1, target: 'beyond-thusong', thusongMinutes: 30, reachMinutes: 30, overnight: true, repeatLarge: false });
    expect(s.status).toBe('idle');
    expect(s.teams).toBeUndefined();
  });

  it('maps the settings onto the engine’s options', () => {
    expect(planOptions(settings)).toEqual({ reachMinutes: 30, allSettlements: false, thusongMinutes: 30, overnight: true, service: { repeatLargeStops: false } });
    expect(planOptions({ ...settings, target: 'all', repeatLarge: true })).toMatchObject({ allSettlements: true, service: { repeatLargeStops: true } });
    expect(settingsProblems(settings)).toEqual([]);
    expect(settingsProblems({ ...settings, year: 20270, reachMinutes: 0 })).toHaveLength(2);
  });

  it('tells a stale plan by its inputs: files, settings and teams', () => {
    const file = (kind: string, id: string) => ({ id, kind }) as unknown as Dataset['files'][number];
    const ds: Dataset = { files: [file('settlements', 'f1'), file('thusong', 'f2'), file('offices', 'f3')] };
    const teams = teamSpecs(defaultTeams(centres), centres).teams;
    const key = routesInputKey(ds, settings, teams);
    expect(routesInputKey({ files: [...ds.files.slice(0, 2)] }, settings, teams)).toBe(key); // offices do not matter
    expect(routesInputKey({ files: [file('settlements', 'f9'), ds.files[1]] }, settings, teams)).not.toBe(key);
    expect(routesInputKey(ds, { ...settings, overnight: false }, teams)).not.toBe(key);
    expect(routesInputKey(ds, settings, teams.slice(1))).not.toBe(key);
    // the Thusong distance does not matter when every settlement is a target
    const all = { ...settings, target: 'all' as const };
    expect(routesInputKey(ds, { ...all, thusongMinutes: 60 }, teams)).toBe(routesInputKey(ds, all, teams));
  });
});

describe('results', () => {
  it('says in one sentence that every target settlement is reached', () => {
    const v = verifierHeadline(smallPlan());
    expect(v).toMatchObject({ ok: true, text: 'Every target settlement is reached at least once in 2027', unreached: [], otherProblems: [] });
  });

  it('lists the settlements not reached, with the reason', () => {
    const mp = smallPlan({ overnight: false }, { remoteFarm: true });
    const v = verifierHeadline(mp);
    expect(v.ok).toBe(false);
    expect(v.text).toBe('1 target settlement is not reached in 2027');
    expect(v.unreached).toEqual([{ id: 'FAR', name: 'Verweg', population: 40, reason: expect.stringMatching(/never visited/) }]);
    expect(unreachedPoints(mp).features.map((f) => f.properties?.id)).toEqual(['FAR']);
  });

  it('sums each team’s stops, visits, days and km', () => {
    const mp = smallPlan();
    const rows = teamSummaries(mp);
    expect(rows.map((r) => r.id)).toEqual(['South', 'North']);
    expect(rows.reduce((a, r) => a + r.visits, 0)).toBe(mp.plan.totals.visits);
    expect(rows.reduce((a, r) => a + r.km, 0)).toBeCloseTo(mp.plan.totals.km, 6);
    expect(rows[1].workingDays).toBeLessThan(rows[0].workingDays); // North works four days a week
  });
});

describe('year timeline', () => {
  it('shades weekends, public holidays and days off, and never puts a day worked on one', () => {
    const mp = smallPlan();
    const [south, north] = timelineRows(mp);
    expect(daysInYear(2027)).toBe(365);
    const holidays = holidaysOf(2027);
    const freedom = holidays.find((h) => h.date === '2027-04-27')!;
    expect(freedom.day).toBe(116);
    expect(south.off.find((o) => o.day === freedom.day)?.kind).toBe('holiday');
    expect(south.off.find((o) => o.day === dayOfYear('2027-03-01', 2027))?.kind).toBe('day-off');
    // 2027-01-02 is a Saturday; North works Monday to Thursday, so Friday 2027-01-08 is off too
    expect(south.off.find((o) => o.day === 1)?.kind).toBe('weekend');
    expect(north.off.find((o) => o.day === dayOfYear('2027-01-08', 2027))?.kind).toBe('weekend');
    expect(south.off.find((o) => o.day === dayOfYear('2027-01-08', 2027))).toBeUndefined();
    for (const row of [south, north]) {
      const off = new Set(row.off.map((o) => o.day));
      expect(row.used.length).toBe(mp.plan.teams[row.team].daysUsed);
      expect(row.used.some((u) => off.has(u.day))).toBe(false);
    }
  });

  it('picks the used day nearest a click, and steps from day to day', () => {
    const mp = smallPlan();
    const [south] = timelineRows(mp);
    const mid = south.used[Math.floor(south.used.length / 2)];
    expect(nearestUsedDay(south, mid.day)?.date).toBe(mid.date);
    expect(nearestUsedDay(south, -50)?.date).toBe(south.used[0].date);
    const days = mp.plan.teams[0].days;
    expect(stepDay(mp, 0, days[1].date, 1)).toBe(days[2].date);
    expect(stepDay(mp, 0, days[1].date, -1)).toBe(days[0].date);
    expect(stepDay(mp, 0, days[0].date, -1)).toBeUndefined();
    const first = firstPlannedDay(mp)!;
    expect(mp.plan.teams.every((t) => !t.days.length || t.days[0].date >= first.date)).toBe(true);
  });
});

/** Short stops (at most 2 h), so days have several. */
const shortStops = () => smallPlan({ service: { maxHours: 2 } });

describe('run-sheet', () => {
  it('lists the day’s stops in order with arrival, service and departure times, drives and settlements served', () => {
    const mp = shortStops();
    const day = mp.plan.teams[1].days.find((d) => d.stops.length >= 2)!;
    const sheet = runSheet(mp, 1, day.date)!;
    expect(sheet.team).toBe('North');
    expect(sheet.startPlace).toBe('North base');
    expect(sheet.startsAtBase).toBe(true);
    expect(sheet.startTime).toBe('07:30'); // North starts at 07:30
    expect(sheet.stops.map((s) => s.stopId)).toEqual(day.stops.map((k) => mp.stops.id[k]));
    let clock = sheet.startTime;
    for (const s of sheet.stops) {
      expect(s.arrival >= clock).toBe(true);
      expect(s.serviceStart >= s.arrival).toBe(true);
      expect(s.departure > s.serviceStart).toBe(true);
      expect(s.settlements.length).toBeGreaterThan(0);
      clock = s.departure;
    }
    expect(sheet.endTime >= clock).toBe(true);
    const km = sheet.stops.reduce((a, s) => a + s.driveKm, sheet.endDriveKm);
    expect(km).toBeCloseTo(sheet.totalKm, 6);
    expect(sheet.stops.map((s) => s.order)).toEqual(sheet.stops.map((_, i) => i + 1));
    expect(runSheet(mp, 1, '2027-01-01')).toBeUndefined(); // New Year's Day: nobody works
  });

  it('writes dates and durations for people', () => {
    expect(longDate('2027-04-27')).toBe('Tuesday 27 April 2027');
    expect(duration(45)).toBe('45 min');
    expect(duration(65)).toBe('1 h 05');
  });
});

describe('selected day on the map', () => {
  it('draws the route from start to end and its stops numbered in order', () => {
    const mp = shortStops();
    const t = mp.plan.teams.findIndex((ty) => ty.days.some((d) => d.stops.length >= 2));
    const day = mp.plan.teams[t].days.find((d) => d.stops.length >= 2)!;
    const fc = selectedDayFeatures(mp, t, day.date);
    const [route, ...order] = fc.features;
    expect(route.geometry.type).toBe('LineString');
    expect((route.geometry as { coordinates: number[][] }).coordinates).toHaveLength(day.stops.length + 2);
    expect(order.map((f) => f.properties?.order)).toEqual(day.stops.map((_, i) => i + 1));
    expect(order[0].properties?.position).toBe(0);
    expect(order.at(-1)!.properties?.position).toBe(1);
    expect(selectedDayFeatures(mp, 0, '2027-01-01').features).toEqual([]);
    // the map brings the whole day into view
    const [w, s, e, n] = extentOf([fc])!;
    for (const c of (route.geometry as { coordinates: number[][] }).coordinates) {
      expect(c[0]).toBeGreaterThanOrEqual(w);
      expect(c[0]).toBeLessThanOrEqual(e);
      expect(c[1]).toBeGreaterThanOrEqual(s);
      expect(c[1]).toBeLessThanOrEqual(n);
    }
    expect(extentOf([{ type: 'FeatureCollection', features: [] }])).toBeUndefined();
  });
});
