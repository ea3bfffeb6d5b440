/** `analyse alignment` end to end: GeoJSON files in, CSV out, read back as a user would. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runAlignment } from '../../../src/cli/commands/alignment';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '../../fixtures/alignment/in', name), 'utf8')) as FeatureCollection;

const parse = (csv: string) => {
  const [head, ...rows] = csv.trim().split('\n');
  const cols = head.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [cols[i], v])));
};

describe('analyse alignment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'alignment-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fc = fixture('offset-squares.geojson');
  const write = (layer: string) => {
    const path = join(dir, `${layer}.geojson`);
    writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features: fc.features.filter((f) => f.properties?.layer === layer) }));
    return path;
  };
  const out = join(dir, 'out');

  it('writes overlap.csv with one row per non-empty intersection, and alignment.csv with the indices', async () => {
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await runAlignment(['--regions', write('region'), '--municipalities', write('municipality'), '--settlements', write('settlement'), '--offices', write('office'), '--geometry', '--out', out]);
    } finally {
      stdout.mockRestore();
    }
    const overlap = readFileSync(join(out, 'overlap.csv'), 'utf8');
    expect(overlap.split('\n')[0]).toBe('department,region,municipality_code,area_km2,population,sliver,mean_width_m,share_of_smaller');
    const rows = parse(overlap);
    expect(rows.map((r) => [r.department, r.region, r.municipality_code, r.population, r.sliver])).toEqual([
      ['SASSA', 'West', 'M1', '1200', '0'],
      ['SASSA', 'West', 'M2', '300', '0'],
      ['SASSA', 'East', 'M2', '900', '0'],
    ]);
    expect(Number(rows[1].area_km2) / Number(rows[0].area_km2)).toBeCloseTo(0.2, 3);

    const alignment = parse(readFileSync(join(out, 'alignment.csv'), 'utf8'));
    const get = (scope: string, indicator: string, key: Partial<Record<string, string>> = {}) =>
      alignment.find((r) => r.scope === scope && r.indicator === indicator && Object.entries(key).every(([k, v]) => r[k] === v));
    expect(get('department', 'alignment_score_population')!.value).toBe('0.8750');
    expect(get('region', 'municipalities_touched', { region: 'West' })!.value).toBe('2');
    expect(get('municipality', 'regions_serving', { municipality_code: 'M2' })!.value).toBe('2');

    const proposal = parse(readFileSync(join(out, 'proposal.csv'), 'utf8'));
    expect(proposal.find((r) => r.municipality_code === 'M2')!.to_region).toBe('East');
    expect(parse(readFileSync(join(out, 'offices.csv'), 'utf8'))[0]).toMatchObject({ office_id: 'o1', region_before: 'West', region_after: 'East', changed: '1' });
    const aligned = JSON.parse(readFileSync(join(out, 'aligned_regions.geojson'), 'utf8')) as FeatureCollection;
    expect(aligned.features.map((f) => f.properties?.municipalities)).toEqual(['M1', 'M2']);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.stats.pairsIntersecting).toBe(3);
  });

  it('leaves the population column empty without settlements', async () => {
    const out2 = join(dir, 'out2');
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await runAlignment(['--regions', write('region'), '--municipalities', write('municipality'), '--out', out2]);
    } finally {
      stdout.mockRestore();
    }
    expect(parse(readFileSync(join(out2, 'overlap.csv'), 'utf8')).map((r) => r.population)).toEqual(['', '', '']);
  });

  it('says which file is unreadable', async () => {
    await expect(runAlignment(['--regions', join(dir, 'nope.geojson'), '--municipalities', write('municipality'), '--out', out])).rejects.toThrow(/Cannot read the regions file/);
  });
});
