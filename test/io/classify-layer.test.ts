import { describe, expect, it } from 'vitest';
import { classifyLayer } from '../../src/io/classify-layer';
import { departmentFromFileName } from '../../src/io/department-from-file-name';

describe('assigning a file to a layer', () => {
  it.each([
    ['lines are roads whatever their name', 'export.geojson', ['name'], { line: 10 }, 'roads'],
    ['polygons with MUNICNAME and CAT_B are municipalities', 'mdb.geojson', ['CAT_B', 'MUNICNAME', 'DISTRICT'], { area: 5 }, 'municipalities'],
    ['polygons with lm_code are municipalities', 'x.geojson', ['lm_code', 'lm_name'], { area: 5 }, 'municipalities'],
    ['polygons with department and region are regions', 'x.geojson', ['department', 'region'], { area: 5 }, 'regions'],
    ['polygons with population are settlements', 'x.geojson', ['ward_id', 'population'], { area: 5 }, 'settlements'],
    ['polygons in a file called wards are settlements', 'cpt_wards_2021.geojson', ['ward_no', 'municipality_code'], { area: 5 }, 'settlements'],
    ['points with a department are offices', 'x.csv', ['department', 'name'], { point: 5 }, 'offices'],
    ['points with population are settlements', 'x.csv', ['name', 'pop_2011'], { point: 5 }, 'settlements'],
    ['points in a file named after Thusong are thusong centres', 'thusong_centres.zip', ['id', 'name'], { point: 2 }, 'thusong'],
    ['points in a police file are offices', 'za_police_stations_saps.geojson', ['name', 'lon', 'lat'], { point: 9 }, 'offices'],
    ['a table without geometry but with population is settlements', 'census.csv', ['geo_code', 'municipality_code', 'population_2011'], undefined, 'settlements'],
  ])('%s', (_, fileName, fields, families, kind) => {
    expect(classifyLayer({ fileName, fields, families }).kind).toBe(kind);
  });

  it('spots Thusong centres by their names', () => {
    const c = classifyLayer({ fileName: 'centres.geojson', fields: ['name'], families: { point: 2 }, names: ['Hermanus Thusong Centre', 'Thusong Service Centre Ceres'] });
    expect(c.kind).toBe('thusong');
    expect(c.reason).toMatch(/Thusong/);
  });

  it('never puts points in a polygon layer', () => {
    expect(classifyLayer({ fileName: 'municipalities.geojson', fields: ['MUNICNAME', 'CAT_B'], families: { point: 3 } }).kind).not.toBe('municipalities');
  });

  it('is unsure, and says so, when nothing speaks', () => {
    const c = classifyLayer({ fileName: 'export.geojson', fields: ['fid'], families: { point: 3 } });
    expect(c).toMatchObject({ kind: 'offices', confidence: 0.2 });
    expect(c.reason).toMatch(/guess/);
  });

  it('is confident when fields and file name agree', () => {
    expect(classifyLayer({ fileName: 'offices.csv', fields: ['department', 'services', 'lease_expiry'], families: { point: 3 } }).confidence).toBeGreaterThan(0.8);
  });

  it('gives the evidence as its reason', () => {
    expect(classifyLayer({ fileName: 'roads.geojson', fields: ['highway', 'maxspeed'], families: { line: 3 } }).reason).toBe('lines; field “highway”; file name “roads”');
  });
});

describe('reading a department from a file name', () => {
  it.each([
    ['sassa_offices.csv', 'SASSA'],
    ['home-affairs.geojson', 'HOME_AFFAIRS'],
    ['za_police_stations_saps.geojson', 'SAPS'],
    ['post_offices.zip', 'POST_OFFICE'],
    ['clinics.csv', 'HEALTH'],
  ])('%s → %s', (name, code) => {
    expect(departmentFromFileName(name)?.code).toBe(code);
  });
  it('gives nothing when the name names no department', () => {
    expect(departmentFromFileName('offices_2024.csv')).toBeUndefined();
  });
});
