import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { LayerKind } from '../../src/model/layers';
import { loadFile, type LoadResult } from '../../src/io/load-file';
import { FEATURE_DROPPING_CODES, isDroppedFeatureIssue } from '../../src/io/input-issues';

/**
 * Every real GeoJSON and CSV staged in ../shared/data (see its PROVENANCE.md) goes through loadFile
 * exactly as a user's drop would: no layer hint, no column choices.
 */
const DATA = resolve(__dirname, '../../../shared/data');
const present = existsSync(join(DATA, 'za')) && existsSync(join(DATA, 'za-wc'));
if (!present) console.warn(`real-data tests skipped: ${DATA}/za and za-wc are not there (they are staged beside the repository, not in it)`);

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : /\.(geojson|csv)$/i.test(n) ? [p] : [];
  });
}
const FILES = [...filesUnder(join(DATA, 'za')), ...filesUnder(join(DATA, 'za-wc'))];

/** The layer a planner would put each file in; the classifier must agree. */
const EXPECTED_KIND: Record<string, LayerKind> = {
  'za_local_municipalities_2011.geojson': 'municipalities',
  'wc_local_municipalities_2011.geojson': 'municipalities',
  'za_district_municipalities_2011_dissolved.geojson': 'municipalities',
  'wc_district_municipalities_2011_dissolved.geojson': 'municipalities',
  'za_provinces_mdb_simplified.geojson': 'municipalities',
  'wc_province_boundary_mdb.geojson': 'municipalities',
  'cpt_wards_2021.geojson': 'settlements',
  'za_police_stations_saps.geojson': 'offices',
  'wc_police_stations_saps.geojson': 'offices',
  'za_health_facilities_dsfsi.geojson': 'offices',
  'wc_health_facilities_dsfsi.geojson': 'offices',
  'za_populated_places_osm_hot.geojson': 'settlements',
  'wc_populated_places_osm_hot.geojson': 'settlements',
  'za_geonames_places_pop1000.geojson': 'settlements',
  'cpt_health_subdistricts.geojson': 'regions',
  'za_census2011_population_by_geography.csv': 'settlements',
  'wc_census2011_population_by_geography.csv': 'settlements',
  'za_local_municipalities_2018_list.csv': 'municipalities',
  'health_system_za_hospitals_v1.csv': 'offices',
};

/** Codes that say only "something is wrong"; no real feature may be dropped with one of these. */
const GENERIC_CODES = new Set(['invalid-value', 'unknown-format', 'shapefile-invalid', 'not-geojson']);

function featuresInFile(path: string): number {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.csv')) return Papa.parse(text.replace(/^\ufeff/, ''), { skipEmptyLines: 'greedy' }).data.length - 1;
  return JSON.parse(text).features.length;
}

const results = new Map<string, Promise<LoadResult>>();
const load = (path: string) => {
  if (!results.has(path)) results.set(path, Promise.resolve(loadFile(readFileSync(path), { fileName: path.split('/').pop()! })));
  return results.get(path)!;
};
const named = (name: string) => FILES.find((f) => f.endsWith(`/${name}`))!;

describe.skipIf(!present)('real South African data', () => {
  it('finds the staged files', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(FILES.map((p) => [relative(DATA, p), p]))('%s loads, or asks for a column with a reason', async (_, path) => {
    const r = await load(path);
    const name = path.split('/').pop()!;
    const kind = r.ok ? r.file.kind : r.mapping?.kind;
    if (EXPECTED_KIND[name]) expect(kind, 'classified as').toBe(EXPECTED_KIND[name]);
    if (!r.ok) {
      // the only acceptable failure is a request to choose columns, with its reason
      expect(r.mapping, r.errors.map((e) => e.message).join('\n')).toBeDefined();
      expect(r.mapping!.needsCoordinates || r.mapping!.missing.length > 0).toBe(true);
      expect(r.errors.some((e) => e.code === 'missing-column' && e.severity === 'error')).toBe(true);
      return;
    }
    const dropped = r.file.warnings.filter(isDroppedFeatureIssue);
    for (const d of dropped) {
      expect(FEATURE_DROPPING_CODES.has(d.code), d.message).toBe(true);
      expect(GENERIC_CODES.has(d.code), d.message).toBe(false);
    }
    // every feature is either loaded or dropped with exactly one reason
    expect(r.file.collection.features.length + dropped.length).toBe(featuresInFile(path));
    expect(r.file.collection.features.length).toBeGreaterThan(0);
    expect(r.file.sourceCrs).toMatch(/EPSG:4326/);
  });

  it('asks for coordinate columns for the census table instead of failing', async () => {
    const r = await load(named('za_census2011_population_by_geography.csv'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.mapping).toMatchObject({ kind: 'settlements', needsCoordinates: true, missing: [] });
    expect(r.mapping!.fields).toContain('population_2011');
    expect(r.mapping!.sample[0]).toHaveProperty('geo_code');
  });

  it('asks for a population column for the Cape Town wards (they carry none)', async () => {
    const r = await load(named('cpt_wards_2021.geojson'));
    expect(!r.ok && r.mapping).toMatchObject({ kind: 'settlements', missing: ['population'], needsCoordinates: false });
  });

  it('takes the department of police stations and health facilities from the file name', async () => {
    const police = await load(named('za_police_stations_saps.geojson'));
    const health = await load(named('za_health_facilities_dsfsi.geojson'));
    expect(police.ok && new Set(police.file.collection.features.map((f) => f.properties!.department))).toEqual(new Set(['SAPS']));
    expect(health.ok && new Set(health.file.collection.features.map((f) => f.properties!.department))).toEqual(new Set(['HEALTH']));
  });

  it('loads all 234 local municipalities with their MDB codes and categories', async () => {
    const r = await load(named('za_local_municipalities_2011.geojson'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const props = r.file.collection.features.map((f) => f.properties!);
    expect(props).toHaveLength(234);
    expect(props.filter((p) => p.category === 'A').map((p) => p.code).sort()).toEqual(['BUF', 'CPT', 'EKU', 'ETH', 'JHB', 'MAN', 'NMA', 'TSH']);
    expect(props.find((p) => p.code === 'WC011')).toMatchObject({ category: 'B', district: 'DC1' });
  });

  it('keeps the Prince Edward Islands settlements with a warning', async () => {
    const r = await load(named('za_populated_places_osm_hot.geojson'));
    expect(r.ok && r.file.warnings.some((w) => w.code === 'outside-south-africa' && /Prince Edward/.test(w.message))).toBe(true);
  });
});
