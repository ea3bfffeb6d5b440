import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runZones } from '../../src/cli/commands/zones';
import { runRoutes } from '../../src/cli/commands/routes';
import { captureOutput } from '../helpers/capture-output';

/**
 * `npm run analyse` starts in the package root and says where the user was in INIT_CWD: relative
 * input and output paths are the user's (here zones and routes; alignment, vrptw and coverage resolve
 * them through the same resolveUserPath).
 */
const user = mkdtempSync(join(tmpdir(), 'analyse-user-dir-'));
const before = process.env.INIT_CWD;
afterEach(() => (before === undefined ? delete process.env.INIT_CWD : (process.env.INIT_CWD = before)));
afterAll(() => rmSync(user, { recursive: true, force: true }));

describe('relative paths on the command line are read from and written to where the user was', () => {
  it('zones (matrix mode): inputs and --out', async () => {
    const fixture = join(__dirname, '..', 'fixtures', 'location', 'zones-matrix');
    for (const f of ['matrix.csv', 'demand.csv', 'candidates.csv']) copyFileSync(join(fixture, f), join(user, f));
    process.env.INIT_CWD = user;
    await captureOutput(() => runZones(['--objective', 'mclp', '--k', '1', '--minutes', '10', '--matrix', 'matrix.csv', '--demand', 'demand.csv', '--candidates', 'candidates.csv', '--out', 'zones-out']));
    expect(existsSync(join(user, 'zones-out', 'zones.csv'))).toBe(true);
    expect(existsSync(join(process.cwd(), 'zones-out'))).toBe(false);
  });

  it('routes: inputs, the teams file and --out', async () => {
    const point = (id: string, x: number, y: number, extra = {}) => ({ type: 'Feature', properties: { id, name: id, ...extra }, geometry: { type: 'Point', coordinates: [x, y] } });
    const settlements = Array.from({ length: 12 }, (_, i) => point(`S${i}`, 26.2 + (i % 4) * 0.1, -29.1 + Math.floor(i / 4) * 0.1, { population: 500 + i }));
    writeFileSync(join(user, 'settlements.geojson'), JSON.stringify({ type: 'FeatureCollection', features: settlements }));
    writeFileSync(join(user, 'thusong.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [point('T1', 26.2, -29.1)] }));
    writeFileSync(join(user, 'teams.csv'), 'team,base_lon,base_lat,hours_per_day,days_per_week\nNorth,26.2,-29.1,8,5\n');
    process.env.INIT_CWD = user;
    const { value: code } = await captureOutput(() => runRoutes(['--settlements', 'settlements.geojson', '--thusong', 'thusong.geojson', '--teams', 'teams.csv', '--year', '2025', '--out', 'routes-out', '--reach', '5', '--iterations', '50']));
    expect(code).toBe(0);
    expect(existsSync(join(user, 'routes-out', 'calendar.ics'))).toBe(true);
    expect(existsSync(join(process.cwd(), 'routes-out'))).toBe(false);
  });
});
