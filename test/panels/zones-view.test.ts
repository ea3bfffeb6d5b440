import { extentOf } from '../../src/map/fit';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { auditZones, planZones, prepareZones, relocateOffices } from '../../src/engine/location';
import { zonesComparisonCsv, zonesCsv, zonesFeatureCollection } from '../../src/io/exporters/zones';
import { catchmentLines, coverageStatusPoints, leaseYears, nextPoint, objectiveSummary, planZoneRows, relocationFeatures, relocationOfficeIds, sortedZones } from '../../src/panels/zones/zones-view';
import { zonesAuditKey, zonesPlanKey, zonesPrepareKey, zonesTravelKey } from '../../src/panels/zones/zones-runner';
import { initialZonesState } from '../../src/panels/zones/zones-state';
import { inputs, offices, settlements, municipalities } from '../engine/location/zones-fixture';
import type { Dataset, LoadedFile } from '../../src/model/layers';

// the fixture province (see zones-fixture.ts): W 100 people, M 50, E 10, F 5 (no road); the Thusong
// centre at M serves the disability-grant bundle today; T = 5 minutes
const prepared = prepareZones(inputs, { settlementsMinPopulation: 50 });
const plan = await planZones(prepared, { objective: 'mclp', newZones: 1, minutes: 5, group: 'bundle:disability_grant', fixThusong: true, highs: null });
const audit = auditZones({ offices, settlements, municipalities });

describe('zones view', () => {
  it('states the objective, its bound and the gap as a share', () => {
    const o = objectiveSummary(plan);
    expect(o.meaning).toBe('people within 5 min of a zone');
    expect(o.value).toBe('150');
    expect(o.boundKind).toBe('upper');
    expect(o.gap).toBeGreaterThanOrEqual(0);
    expect(o.gapText).toMatch(/%$/);
  });

  it('writes zones.csv with the command line’s columns, fixed sites marked', () => {
    const rows = planZoneRows(prepared, plan);
    const parsed = Papa.parse<string[]>(zonesCsv(rows).trim()).data;
    expect(parsed[0]).toEqual(['candidate_id', 'lon', 'lat', 'population_served', 'fixed']);
    const byId = Object.fromEntries(parsed.slice(1).map((r) => [r[0], r]));
    expect(byId.T1[4]).toBe('1');
    expect(byId.T1[2]).toBe('-33.500000');
    expect(parsed).toHaveLength(3);
  });

  it('writes the zones as GeoJSON points with their names and kinds', () => {
    const fc = zonesFeatureCollection(planZoneRows(prepared, plan));
    expect(fc.features).toHaveLength(2);
    const t1 = fc.features.find((f) => f.properties!.candidate_id === 'T1')!;
    expect(t1.properties).toMatchObject({ fixed: true, kind: 'thusong', municipality: 'Oostkant' });
  });

  it('lists fixed sites first, then by people served', () => {
    expect(sortedZones(plan).map((z) => z.fixed)).toEqual([true, false]);
  });

  it('marks each settlement covered before, newly covered or not covered', () => {
    const points = coverageStatusPoints(prepared, plan.before, plan.after, 5);
    expect(Object.fromEntries(points.features.map((f) => [f.properties!.id, f.properties!.status]))).toEqual({ W: 'new', M: 'before', E: 'none', F: 'none' });
    expect(points.features.find((f) => f.properties!.id === 'F')!.properties!.minutes_before).toBe(-1);
  });

  it('draws a catchment line from each served settlement to its zone', () => {
    // W goes to the new zone, M to the Thusong centre; E (7.5 min) and F are beyond T
    const lines = catchmentLines(prepared, plan.assignment);
    expect(lines.features).toHaveLength(2);
    expect(lines.features.map((f) => f.properties!.zone)).toContain('T1');
  });

  it('writes the before/after comparison with the threshold in the column names', () => {
    const rows = Papa.parse<Record<string, string>>(zonesComparisonCsv(plan.comparison, 5), { header: true, skipEmptyLines: true }).data;
    const all = rows.find((r) => r.municipality === 'ALL')!;
    expect(all).toMatchObject({ population: '165', within_5_before: '50', within_5_after: '150' });
  });

  it('stacks offices by lease year in catalogue department order', () => {
    const years = leaseYears(audit);
    expect(years.map((y) => [y.year, y.total])).toEqual([[2027, 2], [2029, 1]]);
    expect(years[0].segments.map((s) => [s.department, s.start, s.count])).toEqual([['SASSA', 0, 1], ['SAPS', 1, 1]]);
    expect(years[0].segments[0].colour).toBe('#E69F00');
  });

  it('selects one office, or every office whose lease ends in a year', () => {
    expect(relocationOfficeIds(audit, 'year', '', 2027)).toEqual(['O1', 'O3']);
    expect(relocationOfficeIds(audit, 'office', 'O2', 2027)).toEqual(['O2']);
    expect(relocationOfficeIds(audit, 'office', 'nope', null)).toEqual([]);
    expect(relocationOfficeIds(undefined, 'year', '', 2027)).toEqual([]);
  });

  it('puts the relocating office and its best options on the map, ranked', () => {
    const results = relocateOffices(prepared, { officeIds: ['O3'], minutes: 10 });
    const f = relocationFeatures(prepared, results, 2);
    expect(f.offices.features).toHaveLength(1);
    expect(f.options.features.map((x) => x.properties!.rank)).toEqual([1, 2]);
    expect(f.lines.features).toHaveLength(2);
    // the map brings the office and every option into view
    const [w, s, e, n] = extentOf([f.offices, f.options])!;
    const xs = [...f.offices.features, ...f.options.features].map((p) => p.geometry.coordinates[0]);
    const ys = [...f.offices.features, ...f.options.features].map((p) => p.geometry.coordinates[1]);
    expect([w, s, e, n]).toEqual([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
    expect(extentOf([{ type: 'FeatureCollection', features: [] }])).toBeUndefined();
  });

  it('numbers points added on the map and rounds them to about 0.1 m', () => {
    const p1 = nextPoint([], [19.1234567891, -33.1]);
    expect(p1).toEqual({ id: 'P1', name: 'Added point 1', lon: 19.123457, lat: -33.1 });
    expect(nextPoint([p1, { ...p1, id: 'P3' }], [0, 0]).id).toBe('P4');
  });
});

describe('zones runner keys', () => {
  const file = (id: string, kind: LoadedFile['kind']) => ({ id, kind }) as LoadedFile;
  const dataset: Dataset = { files: [file('r', 'roads'), file('s', 'settlements'), file('o', 'offices'), file('m', 'municipalities')] };
  const z = initialZonesState();

  it('keeps travel times for the same roads and settlements, whatever the candidates', () => {
    const a = zonesPrepareKey(dataset, z.candidates, []);
    const b = zonesPrepareKey(dataset, z.candidates, [{ id: 'P1', name: 'P1', lon: 19, lat: -33 }]);
    expect(a).not.toBe(b);
    expect(a.startsWith(`${zonesTravelKey(dataset)}|`)).toBe(true);
    expect(b.startsWith(`${zonesTravelKey(dataset)}|`)).toBe(true);
  });

  it('solves again when a plan setting changes, and audits again when the walking distance does', () => {
    const k = zonesPrepareKey(dataset, z.candidates, []);
    expect(zonesPlanKey(k, z.settings)).not.toBe(zonesPlanKey(k, { ...z.settings, newZones: 6 }));
    expect(zonesAuditKey(dataset, 200)).not.toBe(zonesAuditKey(dataset, 100));
  });
});
