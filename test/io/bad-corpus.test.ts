import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputErrorCode, InputIssueLocation } from '../../src/model/errors';
import { loadFile } from '../../src/io/load-file';

const DIR = join(__dirname, '../fixtures/bad');

interface Case {
  file: string;
  /** loads (with this many features), fails, or asks the user to choose columns */
  outcome: number | 'fails' | 'mapping';
  /** the issue this file must produce; null for files that must load cleanly */
  code: InputErrorCode | null;
  where?: Partial<InputIssueLocation>;
  message?: RegExp;
}

const CASES: Case[] = [
  { file: 'malformed-missing-comma.geojson', outcome: 'fails', code: 'malformed-json', message: /line 3, column 76.*',' or '}'/ },
  { file: 'truncated.geojson', outcome: 'fails', code: 'malformed-json', message: /truncated/ },
  { file: 'binary-data.geojson', outcome: 'fails', code: 'unknown-format', message: /binary/ },
  { file: 'empty.geojson', outcome: 'fails', code: 'empty-file' },
  { file: 'placemarks.kml', outcome: 'fails', code: 'unknown-format', message: /KML/ },
  { file: 'topojson.json', outcome: 'fails', code: 'not-geojson', message: /TopoJSON/ },
  { file: 'geometry-without-type.geojson', outcome: 1, code: 'missing-geometry-type', where: { feature: 1 }, message: /Hermanus Thusong/ },
  { file: 'geometry-collection.geojson', outcome: 'fails', code: 'unsupported-geometry', where: { feature: 0 } },
  { file: 'empty-geometry.geojson', outcome: 1, code: 'empty-geometry', where: { feature: 1 } },
  { file: 'projected-lo19-without-crs.geojson', outcome: 'fails', code: 'projected-coordinates', where: { feature: 0 }, message: /\(53334\.7, 3755481\.1\).*Lo19/ },
  { file: 'projected-utm34s-without-crs.geojson', outcome: 'fails', code: 'projected-coordinates', where: { feature: 0 }, message: /UTM/ },
  { file: 'web-mercator-without-crs.geojson', outcome: 1, code: 'projected-coordinates', where: { feature: 0 }, message: /Web Mercator/ },
  { file: 'unknown-crs-member.geojson', outcome: 'fails', code: 'unknown-crs', message: /EPSG:27700/ },
  { file: 'swapped-lat-lon.geojson', outcome: 'fails', code: 'swapped-coordinates', where: { feature: 0 }, message: /\(-33\.92, 18\.42\)/ },
  { file: 'out-of-range-coordinate.geojson', outcome: 1, code: 'out-of-range-coordinate', where: { feature: 1 }, message: /200\.05/ },
  { file: 'nan-coordinates.geojson', outcome: 1, code: 'invalid-coordinate', where: { feature: 1 }, message: /NaN/ },
  { file: 'unclosed-ring.geojson', outcome: 1, code: 'unclosed-ring', where: { feature: 0 } },
  { file: 'bow-tie-ring.geojson', outcome: 1, code: 'self-intersecting-ring', where: { feature: 0 }, message: /\(19\.5, -33\.5\)/ },
  { file: 'point-among-roads.geojson', outcome: 1, code: 'wrong-geometry-for-layer', where: { feature: 1 } },
  { file: 'one-point-line-roads.geojson', outcome: 1, code: 'too-few-points', where: { feature: 1 } },
  { file: 'null-properties-settlements.geojson', outcome: 1, code: 'missing-population', where: { feature: 1 } },
  { file: 'negative-population.geojson', outcome: 1, code: 'negative-population', where: { feature: 1, property: 'population' }, message: /-15524/ },
  { file: 'wards-without-population.geojson', outcome: 'mapping', code: 'missing-column', where: { property: 'population' } },
  { file: 'bom-settlements.csv', outcome: 2, code: null },
  { file: 'semicolons-comma-decimals-settlements.csv', outcome: 2, code: null },
  { file: 'missing-header-settlements.csv', outcome: 'mapping', code: 'missing-header', where: { row: 1 }, message: /Hermanus/ },
  { file: 'duplicate-headers-settlements.csv', outcome: 'mapping', code: 'duplicate-column', where: { property: 'name' }, message: /Columns 1 and 5/ },
  { file: 'no-coordinate-columns-settlements.csv', outcome: 'mapping', code: 'missing-column', message: /name, population/ },
  { file: 'unclosed-quote-settlements.csv', outcome: 'fails', code: 'malformed-csv', where: { row: 1 } },
  { file: 'text-in-coordinate-settlements.csv', outcome: 1, code: 'invalid-coordinate', where: { row: 2, property: 'longitude' }, message: /“twenty”/ },
  { file: 'duplicate-ids-settlements.csv', outcome: 3, code: 'duplicate-id', where: { row: 3 }, message: /Row 1.*row 3.*S1-2/ },
  { file: 'invalid-lease-date-offices.csv', outcome: 2, code: 'invalid-date', where: { row: 2, property: 'lease_expiry' }, message: /31\/02\/2027/ },
  { file: 'unknown-department-offices.csv', outcome: 2, code: 'unknown-department', where: { row: 2, property: 'department' }, message: /Dept of Transport/ },
  { file: 'thusong-shapefile-without-prj.zip', outcome: 2, code: 'shapefile-missing-part', message: /\.prj/ },
  { file: 'thusong-shapefile-without-dbf.zip', outcome: 2, code: 'shapefile-missing-part', message: /\.dbf/ },
];

describe('the bad-input corpus', () => {
  it('has a case for every fixture file, and at least twenty', () => {
    const files = readdirSync(DIR).filter((f) => !f.endsWith('.ts'));
    expect(files.sort()).toEqual(CASES.map((c) => c.file).sort());
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(CASES)('$file gives $code ($outcome)', async (c) => {
    const r = await loadFile(readFileSync(join(DIR, c.file)), { fileName: c.file });
    const issues = r.ok ? r.file.warnings : r.errors;
    for (const i of issues) {
      expect(i.message.length, i.code).toBeGreaterThan(10);
      expect(i.fix.length, i.code).toBeGreaterThan(10);
      expect(i.where.file).toBe(c.file);
    }
    if (typeof c.outcome === 'number') {
      expect(r.ok, JSON.stringify(issues)).toBe(true);
      if (r.ok) expect(r.file.collection.features).toHaveLength(c.outcome);
    } else {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(!!r.mapping).toBe(c.outcome === 'mapping');
    }
    if (c.code === null) {
      expect(issues).toEqual([]);
      return;
    }
    const found = issues.find((i) => i.code === c.code);
    expect(found, `codes: ${issues.map((i) => i.code).join(', ')}`).toBeDefined();
    if (c.where) expect(found!.where).toMatchObject(c.where);
    if (c.message) expect(found!.message).toMatch(c.message);
  });
});
