import { describe, expect, it } from 'vitest';
import { clockTime, dayRoutes, routesFeatureCollection, routesGpx, stopsCsv, visitEvents, visitsCsv, visitsIcs, VISIT_COLUMNS } from '../../src/io/exporters/routes';
import { smallPlan } from '../engine/routing/mobile-plan-fixtures';

const stamp = new Date(Date.UTC(2026, 10, 1));

describe('route files', () => {
  it('writes clock times rounded to the minute, never “07:60”', () => {
    expect(clockTime(480)).toBe('08:00');
    expect(clockTime(479.6)).toBe('08:00');
    expect(clockTime(539.7)).toBe('09:00');
    expect(clockTime(725.2)).toBe('12:05');
  });

  it('writes one visits.csv row per stop visit, with the command line’s columns', () => {
    const mp = smallPlan();
    const lines = visitsCsv(mp).trim().split('\n');
    expect(lines[0]).toBe(VISIT_COLUMNS.join(','));
    expect(lines[0]).toBe('team,date,stop,stop_name,arrival,departure,settlements_served,trip,trip_day,trip_days,overnight_at,round');
    expect(lines.length - 1).toBe(mp.plan.totals.visits);
    expect(lines[1]).toMatch(/^(South|North),2027-\d\d-\d\d,S\d+,[^,]*,\d\d:\d\d,\d\d:\d\d,S\d+/);
    // one team's visits only
    const south = visitsCsv(mp, { team: 0 }).trim().split('\n').slice(1);
    expect(south.every((l) => l.startsWith('South,'))).toBe(true);
    expect(south.length).toBe(mp.plan.teams[0].days.reduce((a, d) => a + d.stops.length, 0));
  });

  it('guards names that a spreadsheet would run as a formula', () => {
    // a 1-minute reach makes every settlement its own stop, S4 (named =HYPERLINK("x")) among them
    const mp = smallPlan({ allSettlements: true, reachMinutes: 1 });
    expect(mp.stops.id).toContain('S4');
    const text = stopsCsv(mp) + visitsCsv(mp);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(stopsCsv(mp)).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('lists every stop in stops.csv with its team and the settlements it serves', () => {
    const mp = smallPlan();
    const lines = stopsCsv(mp).trim().split('\n');
    expect(lines).toHaveLength(mp.stops.id.length + 1);
    expect(lines[1].split(',')[2]).toMatch(/^2\d\.\d+$/); // longitude as a number, not guarded text
    expect(lines[1].split(',')[3]).toMatch(/^-2\d\.\d+$/);
  });

  it('makes one calendar event per stop visit, for one team or all', () => {
    const mp = smallPlan();
    const all = visitsIcs(mp, undefined, stamp);
    expect(all.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(all.match(/BEGIN:VEVENT/g)).toHaveLength(mp.plan.totals.visits);
    const north = visitsIcs(mp, { team: 1 }, stamp);
    const northVisits = mp.plan.teams[1].days.reduce((a, d) => a + d.stops.length, 0);
    expect(north.match(/BEGIN:VEVENT/g)).toHaveLength(northVisits);
    expect(north).toContain('X-WR-CALNAME:Mobile Thusong North 2027');
    // an event spans the service: from departure − service time to departure
    const e = visitEvents(mp, { team: 1 })[0];
    const d = mp.plan.teams[1].days[0];
    expect(e.endMinutes - e.startMinutes).toBe(mp.stops.serviceMinutes[d.stops[0]]);
    expect(new Set(visitEvents(mp).map((x) => x.uid)).size).toBe(mp.plan.totals.visits);
  });

  it('writes a GPX route per day, or just the selected day', () => {
    const mp = smallPlan();
    expect(routesGpx(mp).match(/<rte>/g)).toHaveLength(mp.plan.totals.daysUsed);
    const d = mp.plan.teams[0].days[2];
    const one = dayRoutes(mp, { team: 0, date: d.date });
    expect(one).toHaveLength(1);
    expect(one[0].points).toHaveLength(d.stops.length + 2);
    expect(one[0].points[0].name).toBe('South base');
  });

  it('writes routes as lines and stops and bases as points in GeoJSON', () => {
    const mp = smallPlan();
    const fc = routesFeatureCollection(mp);
    const kinds = (k: string) => fc.features.filter((f) => f.properties?.kind === k);
    expect(kinds('route')).toHaveLength(mp.plan.totals.daysUsed);
    expect(kinds('stop')).toHaveLength(mp.stops.id.length);
    expect(kinds('base')).toHaveLength(2);
    const route = kinds('route')[0];
    expect(route.geometry.type).toBe('LineString');
    expect((route.geometry as { coordinates: number[][] }).coordinates).toHaveLength((route.properties!.stops as number) + 2);
  });
});
