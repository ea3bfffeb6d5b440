import { extentOf } from '../../src/map/fit';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { analyseAlignment, proposeAlignedRegions, type CatchmentEffect } from '../../src/engine/alignment';
import { analyseCoverage } from '../../src/engine/coverage';
import {
  alignmentMunicipalities,
  coverageMeanMinutes,
  departmentScoreRows,
  headlineFigures,
  municipalityRows,
  municipalitySplit,
  officeMoves,
  overlapMatrix,
  pickDepartment,
  proposalMoves,
  regionRows,
  shortRegionNames,
  sliverDisplayFeatures,
  sliverRows,
  splitFeatures,
  travelChangePoints,
} from '../../src/panels/alignment/alignment-view';
import { cellDescription } from '../../src/charts/OverlapMatrix';

const box = (x0: number, x1: number, properties: Record<string, unknown>): Feature => ({
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: [[[x0, -33.6], [x1, -33.6], [x1, -33.5], [x0, -33.5], [x0, -33.6]]] },
  properties,
});
const pt = (x: number, properties: Record<string, unknown>): Feature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [x, -33.55] }, properties });
const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

// Three municipalities in a row, 0.1° wide each. SASSA's West region takes M1 and a fifth of M2,
// its East region the rest (a 0.02° × 0.1° strip of M2 is about 20.6 km²). Health follows the municipal line but was digitised 0.0005° (~46 m)
// east of it: a sliver of M2 in H1. People: M1 100; M2 30 (West) + 90 (East); M3 50.
const municipalities = fc([box(19.0, 19.1, { code: 'M1', name: 'Eentjie' }), box(19.1, 19.2, { code: 'M2', name: 'Tweetjie' }), box(19.2, 19.3, { code: 'M3', name: 'Drietjie' })]);
const regions = fc([
  box(19.0, 19.12, { department: 'SASSA', region: 'SASSA West region' }),
  box(19.12, 19.3, { department: 'SASSA', region: 'SASSA East region' }),
  box(19.0, 19.1005, { department: 'HEALTH', region: 'Health One' }),
  box(19.1005, 19.3, { department: 'HEALTH', region: 'Health Two' }),
]);
const settlements = fc([pt(19.05, { id: 'a', name: 'Aa', population: 100 }), pt(19.11, { id: 'b', name: 'Bee', population: 30 }), pt(19.15, { id: 'c', name: 'Cee', population: 90 }), pt(19.25, { id: 'd', name: 'Dee', population: 50 })]);
const offices = fc([pt(19.05, { id: 'o1', department: 'SASSA', name: 'Eentjie office' }), pt(19.11, { id: 'o2', department: 'SASSA', name: 'Tweetjie office' }), pt(19.25, { id: 'o3', department: 'SASSA', name: 'Drietjie office' })]);

const result = analyseAlignment({ regions, municipalities, settlements, offices });
const analysis = { result, proposal: proposeAlignedRegions(result) };
const SASSA = result.departments.indexOf('SASSA');
const HEALTH = result.departments.indexOf('HEALTH');

describe('alignment view', () => {
  it('scores each department as the share of people in their region’s main municipality', () => {
    const rows = departmentScoreRows(analysis);
    const sassa = rows.find((r) => r.department === 'SASSA')!;
    expect(sassa.populationScore).toBeCloseTo((100 + 90) / 270, 9);
    expect(sassa.municipalitiesSplit).toBe(1);
    expect(sassa.populationMoving).toBe(30);
    expect(sassa.officesChanged).toBe(1);
    expect(sassa.label).toBe('SASSA (social grants)');
    // Health's sliver is left out: no municipality split
    expect(rows.find((r) => r.department === 'HEALTH')!.municipalitiesSplit).toBe(0);
  });

  it('names its headline figures for the scenario comparison', () => {
    const h = headlineFigures(analysis);
    expect(h['SASSA score by people']).toBeCloseTo(190 / 270, 9);
    expect(h['SASSA municipalities split']).toBe(1);
    expect(h['HEALTH municipalities split']).toBe(0);
  });

  it('opens on the least aligned department unless one is chosen', () => {
    expect(pickDepartment(result, '')).toBe(SASSA);
    expect(pickDepartment(result, 'HEALTH')).toBe(HEALTH);
    expect(pickDepartment(result, 'NOT_THERE')).toBe(SASSA);
  });

  it('drops the words every region name shares', () => {
    expect(shortRegionNames(['SASSA West region', 'SASSA South-East region'])).toEqual(['West', 'South-East']);
    expect(shortRegionNames(['Health Metro region', 'Health Kaalrand District region'])).toEqual(['Metro', 'Kaalrand District']);
    expect(shortRegionNames(['A B', 'A B C'])).toEqual(['B', 'B C']);
    expect(shortRegionNames(['Only region'])).toEqual(['Only region']);
    expect(shortRegionNames(['North', 'South'])).toEqual(['North', 'South']);
  });

  it('lists each region with its main municipality, shares and municipalities touched', () => {
    const [west, east] = regionRows(result, SASSA);
    expect(west).toMatchObject({ shortName: 'West', dominantCode: 'M1', dominantName: 'Eentjie', municipalitiesTouched: 2 });
    expect(west.populationShare).toBeCloseTo(100 / 130, 9);
    expect(east).toMatchObject({ dominantCode: 'M2', municipalitiesTouched: 2 });
    expect(east.populationShare).toBeCloseTo(90 / 140, 9);
    expect(regionRows(result, HEALTH)[0]).toMatchObject({ municipalitiesTouched: 1, slivers: 1 });
  });

  it('measures how split each municipality is and counts the officials it deals with across departments', () => {
    const split = municipalitySplit(analysis, SASSA);
    expect(Array.from(split.regionsServing)).toEqual([1, 2, 1]);
    expect(split.shareOutside[0]).toBe(0);
    expect(split.shareOutside[1]).toBeCloseTo(30 / 120, 9);
    expect(Array.from(split.moves)).toEqual([0, 1, 0]);
    const rows = municipalityRows(analysis, SASSA);
    expect(rows.map((r) => [r.code, r.regionsServing, r.officials])).toEqual([
      ['M1', 1, 2],
      ['M2', 2, 3], // two SASSA regions and one Health region (its sliver does not count)
      ['M3', 1, 2],
    ]);
    expect(rows[1].mainRegion).toBe('SASSA East region');
  });

  it('builds the matrix grouped by main region, with shares of the municipality and of the region', () => {
    const m = overlapMatrix(result, SASSA);
    expect(m.basis).toBe('population');
    expect(m.regions.map((r) => r.label)).toEqual(['West', 'East']);
    // M1 belongs to West; M3 (wholly East) before M2 (three quarters East)
    expect(m.municipalities.map((x) => x.code)).toEqual(['M1', 'M3', 'M2']);
    expect(m.cells).toHaveLength(6);
    const cell = (code: string, region: string) => m.cells.find((c) => m.municipalities[c.municipality].code === code && m.regions[c.region].label === region)!;
    expect(cell('M1', 'East').overlap).toBe(-1);
    expect(cell('M2', 'West').population).toBe(30);
    expect(cell('M2', 'West').shareOfMunicipality).toBeCloseTo(0.25, 9);
    expect(cell('M2', 'West').shareOfRegion).toBeCloseTo(30 / 130, 9);
    expect(cellDescription(m, cell('M2', 'West'))).toBe("Tweetjie (M2) in SASSA West region: 30 people, 20.6 km²; 25.0% of the municipality's people, 23.1% of the region's.");
    expect(cellDescription(m, cell('M1', 'East'))).toBe('Eentjie (M1) in SASSA East region: no overlap.');
  });

  it('marks slivers in the matrix and lists them apart', () => {
    const m = overlapMatrix(result, HEALTH);
    const sliver = m.cells.find((c) => c.sliver)!;
    expect(m.municipalities[sliver.municipality].code).toBe('M2');
    expect(m.regions[sliver.region].label).toBe('One');
    // a municipality's main region is never its sliver
    expect(m.municipalities.find((x) => x.code === 'M2')!.mainRegion).toBe(1);
    const rows = sliverRows(result, HEALTH);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ region: 'Health One', municipalityCode: 'M2', population: 0 });
    expect(rows[0].meanWidthMetres).toBeLessThan(60);
    expect(sliverRows(result, SASSA)).toEqual([]);
  });

  it('lists what the aligned proposal moves: municipalities with people, and offices', () => {
    const moves = proposalMoves(analysis, SASSA);
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({ code: 'M2', toRegion: 'SASSA East region', populationMoving: 30 });
    expect(moves[0].from).toEqual([expect.objectContaining({ region: 'SASSA West region', population: 30, sliver: false })]);
    // Health only loses a sliver: nothing moves
    expect(proposalMoves(analysis, HEALTH)).toEqual([]);
    const names = new Map([['o2', 'Tweetjie office']]);
    expect(officeMoves(analysis, SASSA, names)).toEqual([{ id: 'o2', name: 'Tweetjie office', municipality: 'Tweetjie', from: 'SASSA West region', to: 'SASSA East region' }]);
  });

  it('puts how split each municipality is on its feature for the map', () => {
    const f = splitFeatures(municipalities, analysis, SASSA).features;
    expect(f).toHaveLength(3);
    expect(f[1].geometry).toBe(municipalities.features[1].geometry);
    expect(f[1].properties).toMatchObject({ name: 'Tweetjie', code: 'M2', regions_serving: 2, share_outside: 0.25, moves: true, region_in_proposal: 'SASSA East region' });
    expect(f[0].properties).toMatchObject({ share_outside: 0, moves: false });
  });

  it('leaves district municipalities out when local ones are there, keeping the same object otherwise', () => {
    const withDistrict = fc([...municipalities.features, box(19.0, 19.3, { code: 'DC', name: 'District', category: 'C' })]);
    const used = alignmentMunicipalities(withDistrict);
    expect(used.features.map((x) => x.properties?.code)).toEqual(['M1', 'M2', 'M3']);
    expect(alignmentMunicipalities(withDistrict)).toBe(used);
    expect(alignmentMunicipalities(municipalities)).toBe(municipalities);
    const onlyDistricts = fc([box(19.0, 19.3, { code: 'DC', category: 'C' })]);
    expect(alignmentMunicipalities(onlyDistricts)).toBe(onlyDistricts);
  });

  it('draws only settlements whose time changes, with minutes before and after', () => {
    const effect: CatchmentEffect = {
      minutesBefore: Float32Array.from([10, 20, NaN, 5]),
      minutesAfter: Float32Array.from([10, 12, 3, 9]),
      deltaMinutes: Float32Array.from([0, -8, NaN, 4]),
      meanMinutesBefore: 0,
      meanMinutesAfter: 0,
      populationBetter: 0,
      populationWorse: 0,
      populationUnchanged: 0,
      populationUnknown: 0,
    };
    const points = travelChangePoints(settlements, effect).features;
    expect(points.map((p) => [p.properties?.name, p.properties?.change_minutes, p.properties?.population])).toEqual([
      ['Bee', -8, 30],
      ['Dee', 4, 50],
    ]);
    expect(points[0].geometry.coordinates).toEqual([19.11, -33.55]);
  });

  it('reads the mean minutes to the nearest office in any region from a coverage result', () => {
    const coverage = analyseCoverage({ settlements, offices }, { departments: ['SASSA'] });
    const g = coverage.times.groups[0];
    const expected = [100, 30, 90, 50].reduce((s, p, i) => s + p * g.minutes[i], 0) / 270;
    expect(coverageMeanMinutes(coverage, 'SASSA')).toBeCloseTo(expected, 6);
    expect(coverageMeanMinutes(coverage, 'HEALTH')).toBeNaN();
    expect(coverageMeanMinutes(undefined, 'SASSA')).toBeNaN();
  });

  it('finds the bounds of features', () => {
    // the map's own extentOf, used for the sliver focus
    expect(extentOf([municipalities])).toEqual([19.0, -33.6, 19.3, -33.5]);
    expect(extentOf([{ type: 'FeatureCollection', features: [] }])).toBeUndefined();
  });
});

describe('sliver display', () => {
  it('rounds a sliver’s figures for the popup and keeps its polygon', () => {
    const piece: Feature = { ...box(19.1, 19.1005, {}), properties: { department: 'HEALTH', region: 'Health One', municipality_code: 'M2', area_km2: 0.51234567, mean_width_m: 45.678, population: 0, sliver: true } };
    const [f] = sliverDisplayFeatures(fc([piece])).features;
    expect(f.properties).toEqual({ region: 'Health One', municipality_code: 'M2', area_km2: 0.512, mean_width_m: 46, population: 0 });
    expect(f.geometry).toBe(piece.geometry);
  });
});
