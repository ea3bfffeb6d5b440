import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { analyseCoverage, type CoverageResult } from '../../src/engine/coverage';
import { catchmentLines, coveragePoints, municipalityRows, officePositions, pickGroup, provinceShares, settlementPositions } from '../../src/panels/coverage/coverage-view';
import { coverageClassColours, coverageClassLabels, coverageColourExpression, coverageLayers, UNREACHABLE_COLOUR } from '../../src/map/coverage-layers';
import { coverageCsv, travelTimesCsv } from '../../src/io/exporters/coverage-csv';
import { weightedBins, compactNumber } from '../../src/charts/Histogram';
import { evaluate, validationErrors } from '../map/style-eval';

const pt = (x: number, y: number, properties: Record<string, unknown>) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [x, y] }, properties });
const square = (x0: number, y0: number, x1: number, y1: number, properties: Record<string, unknown>) => ({
  type: 'Feature' as const,
  geometry: { type: 'Polygon' as const, coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] },
  properties,
});

// A straight 20 km primary road (80 km/h → 15 min end to end) along latitude -33.5, two municipalities
// split at 19.1°E, a SASSA office at the west end, settlements at the west end, the middle and the east end.
const lonPerKm = 1 / (111.32 * Math.cos((33.5 * Math.PI) / 180));
const east = 19 + 20 * lonPerKm;
const roads: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'LineString', coordinates: [[19, -33.5], [east, -33.5]] }, properties: { class: 'primary' } }] };
const settlements: FeatureCollection = { type: 'FeatureCollection', features: [pt(19, -33.5, { id: 'W', name: 'West', population: 100 }), pt((19 + east) / 2, -33.5, { id: 'M', name: 'Middle', population: 50 }), pt(east, -33.5, { id: 'E', name: 'East', population: 10 })] };
const offices: FeatureCollection = { type: 'FeatureCollection', features: [pt(19, -33.5, { id: 'O1', department: 'SASSA', services: 'sassa_grant', name: 'SASSA West', lease_expiry: '' })] };
const municipalities: FeatureCollection = { type: 'FeatureCollection', features: [square(18.9, -33.6, 19.1, -33.4, { code: 'A1', name: 'Westkant' }), square(19.1, -33.6, 19.4, -33.4, { code: 'B2', name: 'Oostkant' })] };

function run(thresholds = [5, 10]): CoverageResult {
  return analyseCoverage({ roads, settlements, offices, municipalities }, { thresholds, departments: ['SASSA'] });
}

describe('coverage view', () => {
  it('puts each settlement on the map with its minutes to the nearest office', () => {
    const r = run();
    const g = pickGroup(r, 'SASSA')!;
    const fc = coveragePoints(r, g, settlementPositions(settlements));
    const byId = Object.fromEntries(fc.features.map((f) => [f.properties!.id, f.properties!.minutes]));
    expect(byId.W).toBeCloseTo(0, 1);
    expect(byId.M).toBeCloseTo(7.5, 0);
    expect(byId.E).toBeCloseTo(15, 0);
  });

  it('draws one catchment line per reachable settlement, ending at its office', () => {
    const r = run();
    const lines = catchmentLines(r, pickGroup(r, 'SASSA')!, settlementPositions(settlements), officePositions(offices));
    expect(lines.features).toHaveLength(3);
    for (const f of lines.features) expect((f.geometry as { coordinates: number[][] }).coordinates[1]).toEqual([19, -33.5]);
  });

  it('tabulates covered shares per municipality and for the province', () => {
    const r = run([5, 10]);
    const rows = municipalityRows(r.stats, 'SASSA', new Map([['A1', 'Westkant'], ['B2', 'Oostkant']]));
    const a1 = rows.find((x) => x.municipality === 'A1')!;
    const b2 = rows.find((x) => x.municipality === 'B2')!;
    expect(a1.name).toBe('Westkant');
    expect(a1.shares).toEqual([1, 1]); // W at 0 min
    expect(b2.population).toBe(60);
    // M at ~7.5 min is within 10 but not 5; E at ~15 within neither
    expect(b2.shares[0]).toBe(0);
    expect(b2.shares[1]).toBeCloseTo(50 / 60, 6);
    const p = provinceShares(r.stats, 'SASSA');
    expect(p.population).toBe(160);
    expect(p.shares[1]).toBeCloseTo(150 / 160, 6);
  });

  it('writes travel_times.csv in the command line format', () => {
    const csv = travelTimesCsv(run()).trim().split('\n');
    expect(csv[0]).toBe('settlement_id,department,minutes,office_id');
    expect(csv).toHaveLength(4);
    expect(csv[1]).toMatch(/^W,SASSA,0\.\d\d,O1$/);
    expect(coverageCsv(run()).split('\n')[0]).toBe('group,municipality,threshold_minutes,population,covered_population');
  });
});

describe('coverage map layers', () => {
  it('colours each threshold class, and the unreachable grey, as the renderer evaluates it', () => {
    const thresholds = [30, 60, 90];
    const spec = coverageLayers({ points: { type: 'FeatureCollection', features: [] }, thresholds });
    expect(validationErrors(spec.sources, spec.layers)).toEqual([]);
    const layer = spec.layers.find((l) => l.id === 'coverage-circle')!;
    const colours = coverageClassColours(thresholds);
    const colourAt = (minutes: number) => String(evaluate(layer, 'paint', 'circle-color', 10, { minutes, population: 1 }));
    const css = (c: string) => String(evaluate({ ...layer, paint: { 'circle-color': c } } as never, 'paint', 'circle-color', 10));
    expect(colourAt(0)).toBe(css(colours[0]));
    expect(colourAt(30)).toBe(css(colours[0])); // thresholds are inclusive
    expect(colourAt(30.5)).toBe(css(colours[1]));
    expect(colourAt(90)).toBe(css(colours[2]));
    expect(colourAt(500)).toBe(css(colours[3]));
    expect(colourAt(-1)).toBe(css(UNREACHABLE_COLOUR));
  });

  it('has one colour and one label per class, light to dark', () => {
    const colours = coverageClassColours([10, 20]);
    expect(colours).toHaveLength(3);
    expect(new Set(colours).size).toBe(3);
    expect(coverageClassLabels([10, 20])).toEqual(['≤ 10 min', '10–20 min', '> 20 min']);
    const lightness = (hex: string) => { const n = parseInt(hex.slice(1), 16); return 0.2126 * (n >> 16) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255); };
    const rgbToHex = (c: string) => { const m = c.match(/\d+/g)!.map(Number); return '#' + m.slice(0, 3).map((x) => x.toString(16).padStart(2, '0')).join(''); };
    const l = colours.map((c) => lightness(c.startsWith('#') ? c : rgbToHex(c)));
    expect(l[0]).toBeGreaterThan(l[1]);
    expect(l[1]).toBeGreaterThan(l[2]);
    expect(JSON.stringify(coverageColourExpression([10, 20]))).toContain(UNREACHABLE_COLOUR);
  });

  it('adds the catchment lines beneath the coloured settlements', () => {
    const spec = coverageLayers({ points: { type: 'FeatureCollection', features: [] }, thresholds: [30], catchments: { type: 'FeatureCollection', features: [] } });
    expect(spec.layers.map((l) => l.id)).toEqual(['coverage-catchment-line', 'coverage-circle']);
    expect(validationErrors(spec.sources, spec.layers)).toEqual([]);
  });
});

describe('histogram bins', () => {
  it('sums weights per band, puts everything past the maximum in the last band and counts the unreachable apart', () => {
    const { bins, unreachable } = weightedBins([0, 9.9, 10, 25, 400, Infinity], [1, 2, 3, 4, 5, 6], 10, 30);
    expect(bins).toEqual([3, 3, 4, 5]);
    expect(unreachable).toBe(6);
  });
  it('shortens axis numbers', () => {
    expect(compactNumber(1_234_567)).toBe('1.2M');
    expect(compactNumber(45_600)).toBe('45.6k');
    expect(compactNumber(12)).toBe('12');
  });
});
