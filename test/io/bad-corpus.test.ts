import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputErrorCode, InputIssue, InputIssueLocation } from '../../src/model/errors';
import { startsLikeJson } from '../../src/io/detect-format';
import { FEATURE_DROPPING_CODES } from '../../src/io/input-issues';
import { loadFile, loadSource, type LoadResult } from '../../src/io/load-file';
import { featureStream } from './helpers/large-geojson';

const DIR = join(__dirname, '../fixtures/bad');

interface Case {
  file: string;
  /** loads (with this many features), fails, or asks the user to choose columns */
  outcome: number | 'fails' | 'mapping';
  /** the issue this file must produce; null for files that must load cleanly */
  code: InputErrorCode | null;
  where?: Partial<InputIssueLocation>;
  message?: RegExp;
  /** other codes the file must also produce */
  also?: InputErrorCode[];
  /** the loaded features' names, when the point is that they read right */
  names?: string[];
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
  // malformed and truncated JSON, wrong kinds of file
  { file: 'trailing-comma.geojson', outcome: 'fails', code: 'malformed-json', message: /line 4, column 1 .*no comma before '\]'/ },
  { file: 'truncated-in-text.geojson', outcome: 'fails', code: 'malformed-json', message: /line 3, column 151.*'\{' opened at line 3, column 89.*truncated/ },
  { file: 'python-nan-population.geojson', outcome: 1, code: 'missing-population', where: { feature: 1, property: 'population' }, also: ['malformed-json'], message: /Bredasdorp/ },
  { file: 'html-error-page.geojson', outcome: 'fails', code: 'unknown-format', message: /web page/ },
  { file: 'gzip-compressed.geojson', outcome: 'fails', code: 'unknown-format', message: /gzip/ },
  { file: 'settlements-workbook.xlsx', outcome: 'fails', code: 'unknown-format', message: /Excel workbook/ },
  { file: 'feature-collection-without-features.geojson', outcome: 'fails', code: 'not-geojson', message: /without a "features" array/ },
  { file: 'json-without-type.json', outcome: 'fails', code: 'not-geojson', message: /top-level keys are centres/ },
  // geometry
  { file: 'string-coordinates.geojson', outcome: 1, code: 'invalid-coordinate', where: { feature: 1 }, message: /\["20\.05","-34\.53"\]/ },
  { file: 'unknown-geometry-type.geojson', outcome: 1, code: 'unsupported-geometry', where: { feature: 1 }, message: /“Circle”/ },
  { file: 'two-corner-polygon-municipalities.geojson', outcome: 1, code: 'too-few-points', where: { feature: 1 }, message: /Cape Agulhas/ },
  { file: 'mercator-declared-wgs84.geojson', outcome: 2, code: 'projected-coordinates', where: { feature: 0 }, message: /crs member of mercator-declared-wgs84.geojson says EPSG:4326.*does not fit/ },
  // CSV
  { file: 'utf16-excel-settlements.csv', outcome: 2, code: null, names: ['Hermanus', 'Bredasdorp'] },
  { file: 'windows-1252-settlements.csv', outcome: 2, code: null, names: ['Elandsbaai Ëkstra', 'Génadendal'] },
  { file: 'header-only-settlements.csv', outcome: 'fails', code: 'no-features', message: /no data rows/ },
  { file: 'bad-wkt-settlements.csv', outcome: 1, code: 'invalid-coordinate', where: { row: 2, property: 'wkt' }, message: /“POINT \(20\.05 -34\.53”/ },
  { file: 'population-as-text-settlements.csv', outcome: 1, code: 'invalid-value', where: { row: 2, property: 'population' }, message: /“about 15 000”/ },
  { file: 'projected-lo19-settlements.csv', outcome: 'fails', code: 'projected-coordinates', where: { row: 1 }, message: /Lo coordinates/ },
  { file: 'swapped-columns-settlements.csv', outcome: 'mapping', code: 'swapped-coordinates', where: { row: 1 }, message: /\(-34\.42, 19\.45\)/ },
  // zipped shapefiles
  { file: 'zip-without-shp.zip', outcome: 'fails', code: 'shapefile-missing-part', message: /holds no \.shp file \(it holds thusong\.dbf/ },
  { file: 'two-shapefiles.zip', outcome: 'fails', code: 'shapefile-invalid', message: /2 shapefiles \(thusong\.shp, offices\.shp\)/ },
  { file: 'truncated-shapefile.zip', outcome: 'fails', code: 'shapefile-invalid', message: /no central directory/ },
  { file: 'damaged-shp.zip', outcome: 'fails', code: 'shapefile-invalid', message: /thusong\.shp .*cut short/ },
  { file: 'dbf-from-another-save.zip', outcome: 2, code: 'shapefile-invalid', message: /2 shapes but thusong\.dbf has 1 records/ },
  { file: 'dbf-record-count-damaged.zip', outcome: 2, code: 'shapefile-invalid', message: /says it holds 4,294,967,295 records, but only 2 fit/ },
  { file: 'shp-first-record-damaged.zip', outcome: 'fails', code: 'shapefile-invalid', message: /not one can be read: it is damaged at shape 1 \(byte 100\)/ },
  { file: 'shp-second-record-damaged.zip', outcome: 1, code: 'shapefile-invalid', message: /damaged at shape 2 \(byte 128\): the shape before it was read/ },
  { file: 'zip-bomb.zip', outcome: 'fails', code: 'shapefile-invalid', message: /inflates to more than the 156 bytes its directory gives/ },
];

/** Issues that are about one feature (or CSV row): they must say which, and when a value is at fault, which property. */
const ABOUT_A_FEATURE = new Set<InputErrorCode>([...FEATURE_DROPPING_CODES, 'unclosed-ring', 'self-intersecting-ring', 'duplicate-id', 'invalid-date', 'unknown-department', 'outside-south-africa']);
const ABOUT_A_PROPERTY = new Set<InputErrorCode>(['missing-population', 'negative-population', 'invalid-value', 'invalid-date', 'unknown-department', 'duplicate-column', 'missing-value', 'duplicate-id']);

/** Every issue names its file; a feature's issue names the feature (and its property); a file's issue names the file. */
function expectPlaceAndFix(i: InputIssue, file: string) {
  const what = `${i.code}: ${i.message}`;
  expect(i.where.file, what).toBe(file);
  expect(i.message.length, what).toBeGreaterThan(10);
  expect(i.fix.length, what).toBeGreaterThan(10);
  expect(i.fix, what).not.toBe(i.message);
  if (ABOUT_A_FEATURE.has(i.code) && !i.message.startsWith('…and')) expect(i.where.feature ?? i.where.row, what).toBeDefined();
  if (ABOUT_A_PROPERTY.has(i.code)) expect(i.where.property, what).toBeDefined();
  if (i.where.row !== undefined) expect(i.message, what).toMatch(new RegExp(`\\b(row ${i.where.row}|first row)\\b`, 'i'));
  else if (i.where.feature !== undefined) expect(i.message, what).toMatch(new RegExp(`\\bFeature ${i.where.feature}\\b`));
  else expect(i.message, what).toContain(file);
}

const summary = (r: LoadResult) => (r.ok ? { ok: true, features: r.file.collection.features.length, codes: r.file.warnings.map((w) => w.code) } : { ok: false, mapping: !!r.mapping, codes: r.errors.map((e) => e.code) });

describe('the bad-input corpus', () => {
  it('has a case for every fixture file, and at least forty-five', () => {
    const files = readdirSync(DIR).filter((f) => !f.endsWith('.ts'));
    expect(files.sort()).toEqual(CASES.map((c) => c.file).sort());
    expect(files.length).toBeGreaterThanOrEqual(45);
  });

  it.each(CASES)('$file gives $code ($outcome)', async (c) => {
    const bytes = readFileSync(join(DIR, c.file));
    const r = await loadFile(bytes, { fileName: c.file });
    const issues = r.ok ? r.file.warnings : r.errors;
    for (const i of issues) expectPlaceAndFix(i, c.file);
    // GeoJSON read as a stream ends the same way
    if (startsLikeJson(bytes.subarray(0, 4096))) {
      expect(summary(await loadSource(new Blob([bytes]), { fileName: c.file, streamThresholdBytes: 0 }))).toEqual(summary(r));
    }
    for (const code of c.also ?? []) expect(issues.map((i) => i.code)).toContain(code);
    if (c.names) expect(r.ok && r.file.collection.features.map((f) => f.properties!.name)).toEqual(c.names);
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

/**
 * A million features is made at run time, as a stream (about 100 MB that is never on disk or in one
 * buffer): it must load through the streaming reader, every feature counted, and a million bad
 * features must fail with a short list, not a million lines.
 */
describe('a file of a million features', () => {
  const MILLION = 1_000_000;
  const point = (i: number) => `{"type":"Feature","geometry":{"type":"Point","coordinates":[${18 + (i % 1000) / 100},${-34 + Math.floor(i / 1000) / 100}]},"properties":{"population":${i % 997}}}`;

  it('loads every one of them through the streaming reader', { timeout: 120_000 }, async () => {
    const r = await loadSource(featureStream(MILLION, point), { fileName: 'million-settlements.geojson' });
    expect(r.ok && r.file.kind).toBe('settlements');
    expect(r.ok && r.file.collection.features.length).toBe(MILLION);
    expect(r.ok && r.file.warnings).toEqual([]);
    expect(r.ok && r.file.collection.features[MILLION - 1].properties!.population).toBe((MILLION - 1) % 997);
  });

  it('fails a million features without geometry with a hundred listed and the rest counted', { timeout: 120_000 }, async () => {
    const r = await loadSource(featureStream(MILLION, (i) => `{"type":"Feature","geometry":null,"properties":{"population":${i}}}`), { fileName: 'million-settlements.geojson' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(101);
    expect(r.errors[0]).toMatchObject({ code: 'empty-geometry', where: { feature: 0 } });
    expect(r.errors[100].message).toBe('…and 999,900 more features of million-settlements.geojson were left out for the reasons above.');
    for (const i of r.errors) expectPlaceAndFix(i, 'million-settlements.geojson');
  });
});
