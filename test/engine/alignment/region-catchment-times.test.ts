import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { analyseAlignment, proposeAlignedRegions, regionCatchmentTimes } from '../../../src/engine/alignment';

const pt = (x: number, y: number, properties: Record<string, unknown>) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [x, y] }, properties });
const box = (x0: number, x1: number, properties: Record<string, unknown>) => ({
  type: 'Feature' as const,
  geometry: { type: 'Polygon' as const, coordinates: [[[x0, -33.6], [x1, -33.6], [x1, -33.4], [x0, -33.4], [x0, -33.6]]] },
  properties,
});
const fc = (features: FeatureCollection['features']): FeatureCollection => ({ type: 'FeatureCollection', features });

// A straight 20 km primary road (80 km/h: 0.75 min per km) along latitude -33.5 from 19°E.
// Municipality A west of 19.1°E, B east of it; SASSA's West region reaches to 19.15°E, past the
// municipal line. W (100 people) sits at km 0, M (50) at km 12 (in B but in the West region),
// E (80) at km 20. Offices at km 0 (West) and km 20 (East).
const km = 1 / (111.32 * Math.cos((33.5 * Math.PI) / 180));
const at = (k: number) => 19 + k * km;
const roads = fc([{ type: 'Feature', geometry: { type: 'LineString', coordinates: [[19, -33.5], [at(20), -33.5]] }, properties: { class: 'primary' } }]);
const municipalities = fc([box(18.9, 19.1, { code: 'A', name: 'Westkant' }), box(19.1, 19.4, { code: 'B', name: 'Oostkant' })]);
const regions = fc([box(18.9, 19.15, { department: 'SASSA', region: 'West' }), box(19.15, 19.4, { department: 'SASSA', region: 'East' })]);
const settlements = fc([pt(at(0), -33.5, { id: 'W', population: 100 }), pt(at(12), -33.5, { id: 'M', population: 50 }), pt(at(20), -33.5, { id: 'E', population: 80 })]);
const bothOffices = fc([pt(at(0), -33.5, { id: 'O1', department: 'SASSA' }), pt(at(20), -33.5, { id: 'O2', department: 'SASSA' })]);

function effect(offices: FeatureCollection, withRoads = true) {
  const alignment = analyseAlignment({ regions, municipalities, settlements, offices });
  const proposal = proposeAlignedRegions(alignment);
  return regionCatchmentTimes({ roads: withRoads ? roads : null, settlements, offices }, alignment, proposal);
}

describe('travel times where catchments follow regions', () => {
  it('sends a settlement that changes region to the office of its new region', () => {
    const r = effect(bothOffices);
    expect(r.method).toBe('network');
    const e = r.departments[0].effect;
    // M: 12 km to O1 today (9 min), 8 km to O2 once B goes whole to the East region (6 min)
    expect(e.minutesBefore[1]).toBeCloseTo(9, 1);
    expect(e.minutesAfter[1]).toBeCloseTo(6, 1);
    expect(e.minutesBefore[0]).toBeCloseTo(0, 3);
    expect(e.minutesAfter[2]).toBeCloseTo(0, 3);
    expect(e.populationBetter).toBe(50);
    expect(e.populationWorse).toBe(0);
    expect(e.populationUnchanged).toBe(180);
    expect(e.meanMinutesBefore).toBeCloseTo((50 * 9) / 230, 1);
    expect(e.meanMinutesAfter).toBeCloseTo((50 * 6) / 230, 1);
  });

  it('counts people whose region has no office apart, before and after', () => {
    const r = effect(fc([bothOffices.features[0]])).departments[0];
    // before: E's East region has no office; after: B (M and E) is in the East region, still without one
    expect(r.populationNoOfficeBefore).toBe(80);
    expect(r.populationNoOfficeAfter).toBe(130);
    expect(r.regionsWithoutOfficeAfter).toEqual([1]);
    expect(r.effect.populationUnknown).toBe(130);
    expect(r.effect.populationUnchanged).toBe(100);
  });

  it('estimates from straight-line distance without roads', () => {
    const r = effect(bothOffices, false);
    expect(r.method).toBe('estimate');
    const e = r.departments[0].effect;
    // 1.3 × distance at 50 km/h
    expect(e.minutesBefore[1]).toBeCloseTo((12 * 1.3 * 60) / 50, 0);
    expect(e.minutesAfter[1]).toBeCloseTo((8 * 1.3 * 60) / 50, 0);
  });

  it('runs one search per distinct set of offices', () => {
    // West keeps O1 and East keeps O2 on both sides: two searches, not four
    expect(effect(bothOffices).departments[0].searches).toBe(2);
  });
});
