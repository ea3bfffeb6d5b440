import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { captureOutput } from '../../helpers/capture-output';
import { parseTeamsCsv, runRoutes } from '../../../src/cli/commands/routes';
import { runVrptw } from '../../../src/cli/commands/vrptw';
import { seededRandom } from '../../../src/engine/routing/seeded-random';

const BENCH = fileURLToPath(new URL('../../../../shared/data/bench/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'routes-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


describe('analyse vrptw', () => {
  it.skipIf(!existsSync(`${BENCH}C101.txt`))('prints vehicles, distance and seconds, and writes routes any checker can verify', async () => {
    const routesFile = join(dir, 'c101.json');
    const { value, out } = await captureOutput(() => runVrptw([`${BENCH}C101.txt`, '--routes', routesFile, '--iterations', '1500']));
    expect(value).toBe(0);
    const result = JSON.parse(out.trim());
    expect(result.feasible).toBe(true);
    expect(typeof result.seconds).toBe('number');
    // re-check from the file alone: coordinates, windows, capacity, Euclidean distance
    const rows = readFileSync(`${BENCH}C101.txt`, 'utf8').split(/\r?\n/).map((l) => l.trim().split(/\s+/).map(Number)).filter((f) => f.length === 7 && f.every(Number.isFinite));
    const routes: number[][] = JSON.parse(readFileSync(routesFile, 'utf8'));
    const byId = new Map(rows.map((f) => [f[0], f]));
    const depot = byId.get(0)!;
    const seen = new Set<number>();
    let distance = 0;
    for (const route of routes) {
      let prev = depot;
      let t = 0;
      let load = 0;
      for (const id of [...route, 0]) {
        const c = byId.get(id)!;
        const d = Math.hypot(c[1] - prev[1], c[2] - prev[2]);
        distance += d;
        t = Math.max(t + d, c[4]);
        expect(t).toBeLessThanOrEqual(c[5] + 1e-6);
        t += c[6];
        load += c[3];
        if (id !== 0) seen.add(id);
        prev = c;
      }
      expect(load).toBeLessThanOrEqual(200);
    }
    expect(seen.size).toBe(rows.length - 1);
    expect(routes.length).toBe(result.vehicles);
    expect(distance).toBeCloseTo(result.distance, 6);
  });

  it('reports an unreadable file as an input problem', async () => {
    await expect(runVrptw([join(dir, 'missing.txt')])).rejects.toThrow(/Cannot read the instance file/);
  });
});

describe('teams CSV', () => {
  it('reads the documented columns, optional days off and start time', () => {
    const teams = parseTeamsCsv('team,base_lon,base_lat,hours_per_day,days_per_week,days_off,start_time\nA,26.2,-29.1,8,5,2025-06-20;2025-12-29,07:30\nB,26.7,-28.0,7.5,4,,\n', 'teams.csv');
    expect(teams).toEqual([
      { id: 'A', baseLon: 26.2, baseLat: -29.1, hoursPerDay: 8, daysPerWeek: 5, daysOff: ['2025-06-20', '2025-12-29'], dayStartMinutes: 450 },
      { id: 'B', baseLon: 26.7, baseLat: -28.0, hoursPerDay: 7.5, daysPerWeek: 4, daysOff: [], dayStartMinutes: undefined },
    ]);
  });

  it('names the row and column of a bad value, and a missing column', () => {
    expect(() => parseTeamsCsv('team,base_lon,base_lat,hours_per_day\nA,26,-29,8\n', 'teams.csv')).toThrow(/column “days_per_week” is missing/);
    expect(() => parseTeamsCsv('team,base_lon,base_lat,hours_per_day,days_per_week\nA,26,-29,eight,5\n', 'teams.csv')).toThrow(/row 1: hours_per_day “eight”/);
    expect(() => parseTeamsCsv('team,base_lon,base_lat,hours_per_day,days_per_week\nA,-29,26,8,5\n', 'teams.csv')).toThrow(/swapped/);
    expect(() => parseTeamsCsv('team,base_lon,base_lat,hours_per_day,days_per_week,days_off\nA,26,-29,8,5,2025-02-30\n', 'teams.csv')).toThrow(/days_off “2025-02-30”/);
  });
});

describe('analyse routes', () => {
  it('writes stops, visits, calendar, routes and a summary with every target settlement reached', async () => {
    const rng = seededRandom(3);
    const bases = [
      [26.2, -29.1],
      [26.7, -28.5],
    ];
    const features = Array.from({ length: 60 }, (_, i) => {
      const b = bases[i % 2];
      return {
        type: 'Feature',
        properties: { id: `S${i + 1}`, name: `Place, ${i + 1}`, population: 200 + Math.floor(rng() * 5000) },
        geometry: { type: 'Point', coordinates: [b[0] + (rng() - 0.5) * 0.8, b[1] + (rng() - 0.5) * 0.8] },
      };
    });
    writeFileSync(join(dir, 'settlements.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
    writeFileSync(join(dir, 'thusong.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'T1', name: 'Centre' }, geometry: { type: 'Point', coordinates: bases[0] } }] }));
    writeFileSync(join(dir, 'teams.csv'), 'team,base_lon,base_lat,hours_per_day,days_per_week\nNorth,26.7,-28.5,8,5\nSouth,26.2,-29.1,8,5\n');
    const out = join(dir, 'out');
    const { value } = await captureOutput(() =>
      runRoutes(['--settlements', join(dir, 'settlements.geojson'), '--thusong', join(dir, 'thusong.geojson'), '--teams', join(dir, 'teams.csv'), '--year', '2025', '--out', out, '--reach', '20', '--iterations', '200']),
    );
    expect(value).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.unreached_settlements, JSON.stringify(summary.unreached_settlements.slice(0, 2))).toEqual([]);
    expect(summary.verification.ok).toBe(true);
    expect(summary.days_used).toBeGreaterThan(0);
    expect(summary.km).toBeGreaterThan(0);
    expect(summary.settlements.within_reach_of_thusong).toBeGreaterThan(0);
    const visits = readFileSync(join(out, 'visits.csv'), 'utf8').trim().split('\n');
    expect(visits[0].split(',').slice(0, 7)).toEqual(['team', 'date', 'stop', 'stop_name', 'arrival', 'departure', 'settlements_served']);
    expect(visits.length - 1).toBe(summary.visits_planned);
    expect(visits[1]).toMatch(/^(North|South),2025-\d\d-\d\d,S\d+,/);
    const stops = readFileSync(join(out, 'stops.csv'), 'utf8').trim().split('\n');
    expect(stops.length - 1).toBe(summary.stops);
    expect(stops.some((l) => l.includes('"Place, '))).toBe(true); // a comma in a name is quoted
    const ics = readFileSync(join(out, 'calendar.ics'), 'utf8');
    expect(ics.match(/BEGIN:VEVENT/g)?.length).toBe(summary.visits_planned);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(readFileSync(join(out, 'routes.gpx'), 'utf8').match(/<rte>/g)?.length).toBe(summary.days_used);
  });
});
