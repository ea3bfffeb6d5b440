import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runZones } from '../../../src/cli/commands/zones';
import { captureOutput } from '../../helpers/capture-output';

const fixture = join(__dirname, '..', '..', 'fixtures', 'location', 'zones-matrix');
const args = (out: string) => ['--matrix', join(fixture, 'matrix.csv'), '--demand', join(fixture, 'demand.csv'), '--candidates', join(fixture, 'candidates.csv'), '--out', out];
const readCsv = (path: string) => readFileSync(path, 'utf8').trim().split('\n').map((l) => l.split(','));
const readSummary = (dir: string) => JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));

describe('analyse zones, matrix mode', () => {
  it('writes the maximal-covering zone with its population, bound and gap', async () => {
    const out = mkdtempSync(join(tmpdir(), 'zones-'));
    await captureOutput(() => runZones(['--objective', 'mclp', '--k', '1', '--minutes', '10', ...args(out)]));
    expect(readCsv(join(out, 'zones.csv'))).toEqual([
      ['candidate_id', 'lon', 'lat', 'population_served', 'fixed'],
      ['c2', '28.100000', '-26.000000', '300', '0'],
    ]);
    const s = readSummary(out);
    expect(s).toMatchObject({ model: 'mclp', objective: 300, bound: 300, gap: 0, optimal: true, zones: 1, totalPopulation: 590 });
    expect(s.uncoverable).toEqual({ count: 1, population: 40, ids: ['d4'] });
    expect(s.coveredPopulation).toBe(300);
    expect(typeof s.seconds).toBe('number');
  });

  it('writes the fewest zones covering everyone coverable and names who cannot be covered', async () => {
    const out = mkdtempSync(join(tmpdir(), 'zones-'));
    await captureOutput(() => runZones(['--objective', 'lscp', '--minutes', '10', ...args(out)]));
    const rows = readCsv(join(out, 'zones.csv')).slice(1);
    expect(rows.map((r) => [r[0], r[3]])).toEqual([['c2', '300'], ['c3', '250']]);
    expect(readSummary(out)).toMatchObject({ model: 'lscp', objective: 2, bound: 2, gap: 0, uncoverable: { count: 1, population: 40, ids: ['d4'] } });
  });

  it('writes the p-median zones and the average trip', async () => {
    const out = mkdtempSync(join(tmpdir(), 'zones-'));
    await captureOutput(() => runZones(['--objective', 'pmedian', '--k', '2', ...args(out)]));
    const rows = readCsv(join(out, 'zones.csv')).slice(1);
    expect(rows.map((r) => r[0])).toEqual(['c2', 'c3']);
    const s = readSummary(out);
    expect(s.objective).toBe(3600);
    expect(s.gap).toBe(0);
    expect(s.averageMinutes).toBeCloseTo(3600 / 550, 9);
  });

  it('honours fixed and ineligible candidates given in the candidates file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zones-in-'));
    writeFileSync(join(dir, 'candidates.csv'), 'candidate_id,lon,lat,fixed,eligible\nc1,28.0,-26.0,1,1\nc2,28.1,-26.0,0,0\nc3,28.2,-26.0,0,1\n');
    const out = mkdtempSync(join(tmpdir(), 'zones-'));
    await captureOutput(() =>
      runZones(['--objective', 'mclp', '--k', '2', '--minutes', '10', '--matrix', join(fixture, 'matrix.csv'), '--demand', join(fixture, 'demand.csv'), '--candidates', join(dir, 'candidates.csv'), '--out', out]),
    );
    const rows = readCsv(join(out, 'zones.csv')).slice(1);
    // c1 is forced in (covers d1); c2 serves no one, so c3 (d3) is the second zone
    expect(rows.map((r) => [r[0], r[3], r[4]])).toEqual([['c1', '100', '1'], ['c3', '250', '0']]);
    expect(readSummary(out).objective).toBe(350);
  });

  it('counts --new-zones beside the fixed sites, as the app does: --new-zones 1 with one fixed site is --k 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zones-in-'));
    writeFileSync(join(dir, 'candidates.csv'), 'candidate_id,lon,lat,fixed,eligible\nc1,28.0,-26.0,1,1\nc2,28.1,-26.0,0,0\nc3,28.2,-26.0,0,1\n');
    const matrix = ['--minutes', '10', '--matrix', join(fixture, 'matrix.csv'), '--demand', join(fixture, 'demand.csv'), '--candidates', join(dir, 'candidates.csv')];
    const [a, b] = [mkdtempSync(join(tmpdir(), 'zones-')), mkdtempSync(join(tmpdir(), 'zones-'))];
    await captureOutput(() => runZones(['--objective', 'mclp', '--new-zones', '1', ...matrix, '--out', a]));
    await captureOutput(() => runZones(['--objective', 'mclp', '--k', '2', ...matrix, '--out', b]));
    expect(readCsv(join(a, 'zones.csv'))).toEqual(readCsv(join(b, 'zones.csv')));
    expect(readSummary(a).k).toBe(2);
    await expect(runZones(['--objective', 'mclp', '--new-zones', '1', '--k', '2', ...matrix, '--out', a])).rejects.toThrow(/not both/);
    await expect(runZones(['--objective', 'mclp', '--new-zones', '-1', ...matrix, '--out', a])).rejects.toThrow(/whole number/);
  });

  it('explains a matrix that names a settlement missing from the demand file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zones-in-'));
    writeFileSync(join(dir, 'matrix.csv'), 'demand_id,candidate_id,minutes\nd1,c1,5\nd9,c1,7\n');
    const out = mkdtempSync(join(tmpdir(), 'zones-'));
    await expect(runZones(['--objective', 'pmedian', '--k', '1', '--matrix', join(dir, 'matrix.csv'), '--demand', join(fixture, 'demand.csv'), '--out', out])).rejects.toThrow(
      /row 2: demand_id “d9” is not in/,
    );
  });

  it('asks for --k when the objective needs it', async () => {
    await expect(runZones(['--objective', 'mclp', '--minutes', '10', ...args('/tmp/unused')])).rejects.toThrow(/needs --k/);
  });

  it('is registered as `npm run analyse -- zones`', () => {
    const out = mkdtempSync(join(tmpdir(), 'zones-'));
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, '..', '..', '..', 'src', 'cli', 'analyse.ts'), 'zones', '--objective', 'mclp', '--k', '1', '--minutes', '10', ...args(out)], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^mclp: 1 zones, population covered 300, bound 300, gap 0\.000 %/);
    expect(readSummary(out).objective).toBe(300);
  });
});
