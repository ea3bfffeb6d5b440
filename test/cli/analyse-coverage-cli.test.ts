import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureOutput } from '../helpers/capture-output';
import { main } from '../../src/cli/analyse';
import { parseOptions, UsageError } from '../../src/cli/args';
import { at, collection, point, road } from '../engine/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'analyse-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, data: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(data));
  return path;
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { value: code, out, err } = await captureOutput(() => main(args));
  return { code, out, err };
}

describe('analyse coverage on the command line', () => {
  const roads = write('roads.geojson', collection([road([at(0), at(10), at(20)])]));
  const settlements = write(
    'settlements.geojson',
    collection([point(at(0), { id: 'home, east', population: 100 }), point(at(9, 8), { id: 'far', population: 7 })]),
  );
  const offices = write('offices.geojson', collection([point(at(20), { id: 'HA-1', department: 'HOME_AFFAIRS', services: '' })]));

  it('writes travel times, coverage and a summary', async () => {
    const out = join(dir, 'out');
    const r = await run(['coverage', '--roads', roads, '--settlements', settlements, '--offices', offices, '--thresholds', '10,20', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Coverage (road network)');
    const times = readFileSync(join(out, 'travel_times.csv'), 'utf8').trim().split('\n');
    // 20 km of primary road at 80 km/h = 15 minutes; "far" is 8 km off the road: unreachable
    expect(times).toEqual(['settlement_id,department,minutes,office_id', '"home, east",HOME_AFFAIRS,15.00,HA-1', 'far,HOME_AFFAIRS,,']);
    const coverage = readFileSync(join(out, 'coverage.csv'), 'utf8').trim().split('\n');
    expect(coverage[0]).toBe('group,municipality,threshold_minutes,population,covered_population');
    expect(coverage).toContain('HOME_AFFAIRS,ALL,10,107,0');
    expect(coverage).toContain('HOME_AFFAIRS,ALL,20,107,100');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.method).toBe('network');
    expect(summary.snapping.tooFarSettlementIds).toEqual(['far']);
  });

  it('snaps to road nodes with --snap node', async () => {
    const out = join(dir, 'out-node');
    const r = await run(['coverage', '--roads', roads, '--settlements', settlements, '--offices', offices, '--snap', 'node', '--max-snap-metres', '20000', '--out', out]);
    expect(r.code).toBe(0);
    const times = readFileSync(join(out, 'travel_times.csv'), 'utf8').trim().split('\n');
    // "far" joins the 10 km node with no off-road leg: 10 km = 7.5 minutes
    expect(times[2]).toBe('far,HOME_AFFAIRS,7.50,HA-1');
  });

  it('estimates times when no roads are given, and says so', async () => {
    const out = join(dir, 'out-estimate');
    const r = await run(['coverage', '--settlements', settlements, '--offices', offices, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('ESTIMATE');
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).method).toBe('estimate');
  });

  it('explains a missing required option', async () => {
    const r = await run(['coverage', '--settlements', settlements, '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--offices is required');
  });

  it('explains an unreadable file without a stack trace', async () => {
    const r = await run(['coverage', '--settlements', join(dir, 'nope.geojson'), '--offices', offices, '--out', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Cannot read the settlements file');
  });

  it('reports bad data through the app’s loader, saying where and how to fix it', async () => {
    const bad = join(dir, 'bad.geojson');
    writeFileSync(bad, '{"type": "FeatureCollection", "features": [');
    const r = await run(['coverage', '--settlements', bad, '--offices', offices, '--out', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('could not be loaded');
    expect(r.err).toContain('bad.geojson');
  });

  it('lists the commands when given an unknown one', async () => {
    const r = await run(['colverage']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('coverage');
  });
});

describe('option parsing', () => {
  const specs = { thresholds: { type: 'numbers' as const, description: 't' }, snap: { type: 'string' as const, choices: ['node', 'segment'], description: 's' }, flag: { type: 'boolean' as const, description: 'f' } };

  it('reads lists, choices, flags and --name=value', () => {
    expect(parseOptions(['--thresholds', '15,45', '--snap=node', '--flag'], specs)).toEqual({ thresholds: [15, 45], snap: 'node', flag: true });
  });

  it('rejects a value outside the choices', () => {
    expect(() => parseOptions(['--snap', 'edge'], specs)).toThrow(UsageError);
  });
});
