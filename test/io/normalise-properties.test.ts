import { describe, expect, it } from 'vitest';
import type { LayerKind } from '../../src/model/layers';
import { resolveFields } from '../../src/io/field-aliases';
import { categoryFromCode, normaliseProperties, parseDate, parseOneway, parseSpeed } from '../../src/io/normalise-properties';
import type { SourceFeature } from '../../src/io/source-features';

const point = { type: 'Point' as const, coordinates: [19.45, -34.42] };
const line = () => ({ type: 'LineString' as const, coordinates: [[19, -34], [20, -34]] });
const features = (props: Record<string, unknown>[], geometry: () => GeoJSON.Geometry = () => point): SourceFeature[] =>
  props.map((properties, index) => ({ index, geometry: geometry(), properties }));

function normalise(kind: LayerKind, props: Record<string, unknown>[], geometry?: () => GeoJSON.Geometry) {
  const fields = [...new Set(props.flatMap((p) => Object.keys(p)))];
  const { fieldMap } = resolveFields(kind, fields);
  return normaliseProperties(features(props, geometry), { kind, fileName: 'f.geojson', fieldMap });
}

describe('mapping field names to a layer’s canonical fields', () => {
  it('maps MDB names: MUNICNAME → name, CAT_B → code, CATEGORY → category, DISTRICT → district', () => {
    expect(resolveFields('municipalities', ['CAT_B', 'MUNICNAME', 'CATEGORY', 'DISTRICT']).fieldMap).toEqual({ code: 'CAT_B', name: 'MUNICNAME', category: 'CATEGORY', district: 'DISTRICT' });
  });
  it('maps the 2011 boundary names: lm_code, lm_name, district_code', () => {
    expect(resolveFields('municipalities', ['lm_code', 'lm_name', 'district_code']).fieldMap).toEqual({ code: 'lm_code', name: 'lm_name', district: 'district_code' });
  });
  it('maps OSM highway to class', () => {
    expect(resolveFields('roads', ['highway', 'maxspeed', 'oneway']).fieldMap).toEqual({ class: 'highway', speed_kmh: 'maxspeed', oneway: 'oneway' });
  });
  it.each(['population', 'pop', 'pop_2011', 'population_2011', 'total', 'Population 2022'])('finds population in “%s”', (name) => {
    expect(resolveFields('settlements', ['name', name]).fieldMap.population).toBe(name);
  });
  it('lists a missing required field', () => {
    expect(resolveFields('settlements', ['name']).missing).toEqual(['population']);
  });
  it('prefers the user’s choice, and reports a choice the file lacks', () => {
    const r = resolveFields('settlements', ['name', 'population', 'people_2022'], { population: 'people_2022', name: 'naam' });
    expect(r.fieldMap.population).toBe('people_2022');
    expect(r.unknownMapped).toEqual([{ canonical: 'name', field: 'naam' }]);
  });
});

describe('values', () => {
  it.each([
    ['2027-03-31', '2027-03-31'],
    ['2027/03/31', '2027-03-31'],
    ['31/03/2027', '2027-03-31'],
    ['2027-3-1', '2027-03-01'],
    ['2028-02-29', '2028-02-29'],
    ['2027-02-29', undefined],
    ['31/02/2027', undefined],
    ['next year', undefined],
  ])('date %s → %s', (raw, out) => {
    expect(parseDate(raw)).toBe(out);
  });
  it.each([
    ['60', 60],
    ['60 km/h', 60],
    ['50 mph', 80],
    ['none', undefined],
  ])('maxspeed %s → %s km/h', (raw, out) => {
    expect(parseSpeed(raw)).toBe(out);
  });
  it.each([
    ['yes', 1],
    ['1', 1],
    ['true', 1],
    ['-1', -1],
    ['no', 0],
  ])('oneway %s → %s', (raw, out) => {
    expect(parseOneway(raw)).toBe(out);
  });
  it.each([
    ['DC1', 'C'],
    ['CPT', 'A'],
    ['ETH', 'A'],
    ['WC011', 'B'],
  ])('category of %s is %s', (code, category) => {
    expect(categoryFromCode(code)).toBe(category);
  });
});

describe('normalising features', () => {
  it('gives municipalities code, name, category and district, keeping other columns', () => {
    const r = normalise('municipalities', [{ CAT_B: 'WC011', MUNICNAME: 'Matzikama', DISTRICT: 'DC1', PROVINCE: 'WC' }], () => ({ type: 'Polygon', coordinates: [] }));
    expect(r.features[0].properties).toEqual({ CAT_B: 'WC011', MUNICNAME: 'Matzikama', DISTRICT: 'DC1', PROVINCE: 'WC', code: 'WC011', name: 'Matzikama', category: 'B', district: 'DC1' });
  });

  it('resolves department names through the catalogue', () => {
    const r = normalise('offices', [{ department: 'Home Affairs' }, { department: 'south african social security agency' }]);
    expect(r.features.map((f) => f.properties!.department)).toEqual(['HOME_AFFAIRS', 'SASSA']);
  });

  it('keeps an unknown department with one warning per distinct value', () => {
    const r = normalise('offices', [{ department: 'Transport' }, { department: 'Transport' }]);
    expect(r.features).toHaveLength(2);
    expect(r.warnings.map((w) => [w.code, w.message.match(/\d+ features/)?.[0]])).toEqual([['unknown-department', '2 features']]);
  });

  it('makes ids from the row number when a file has none', () => {
    const r = normalise('thusong', [{ name: 'A' }, { name: 'B' }]);
    expect(r.features.map((f) => f.properties!.id)).toEqual(['f-1', 'f-2']);
  });

  it('renames a duplicate id with a suffix and warns naming both features', () => {
    const r = normalise('thusong', [{ id: 'T1', name: 'A' }, { id: 'T1', name: 'B' }, { id: 'T1-2', name: 'C' }]);
    expect(r.features.map((f) => f.properties!.id)).toEqual(['T1', 'T1-2', 'T1-2-2']);
    expect(r.warnings[0]).toMatchObject({ code: 'duplicate-id', where: { feature: 1 }, message: expect.stringMatching(/Feature 0 \(“A”\) and feature 1 \(“B”\)/) });
  });

  it('drops a settlement without population, one with a negative one and one with text, and keeps zero', () => {
    const r = normalise('settlements', [{ population: '' }, { population: -5 }, { population: 'many' }, { population: 0 }, { population: '1 200' }]);
    expect(r.dropped.map((d) => [d.code, d.where.feature])).toEqual([
      ['missing-population', 0],
      ['negative-population', 1],
      ['invalid-value', 2],
    ]);
    expect(r.features.map((f) => f.properties!.population)).toEqual([0, 1200]);
  });

  it('turns lease dates into YYYY-MM-DD and warns about a date that is not one', () => {
    const r = normalise('offices', [{ department: 'SASSA', lease_expiry: '31/03/2027' }, { department: 'SASSA', lease_expiry: '2027-13-01' }]);
    expect(r.features.map((f) => f.properties!.lease_expiry)).toEqual(['2027-03-31', '']);
    expect(r.warnings.map((w) => w.code)).toEqual(['invalid-date']);
  });

  it('reads OSM roads: class, km/h from maxspeed, and oneway=-1 as a reversed one-way road', () => {
    const r = normalise('roads', [{ highway: 'primary', maxspeed: '50 mph', oneway: '-1' }], line);
    expect(r.features[0].properties).toMatchObject({ class: 'primary', speed_kmh: 80, oneway: true });
    expect((r.features[0].geometry as GeoJSON.LineString).coordinates).toEqual([[20, -34], [19, -34]]);
  });

  it('drops a road without a class', () => {
    expect(normalise('roads', [{ highway: '' }, { highway: 'residential' }], line).dropped.map((d) => d.code)).toEqual(['missing-value']);
  });

  it('uses a department taken from the file name when the column is absent', () => {
    const r = normaliseProperties(features([{ name: 'A' }]), { kind: 'offices', fileName: 'sassa.csv', fieldMap: { name: 'name' }, assumedDepartment: 'SASSA' });
    expect(r.features[0].properties).toMatchObject({ department: 'SASSA', services: '', lease_expiry: '' });
  });
});
