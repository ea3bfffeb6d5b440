/** The aligned proposal: municipalities whole to the region with most of their people. */
import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { alignedRegionFeatures, analyseAlignment, catchmentEffect, proposeAlignedRegions } from '../../../src/engine/alignment';
import { areaOf, collection, feature, LINEAR, rect } from './helpers';

const pt = (lon: number, lat: number, props: Record<string, unknown>): Feature<Point> => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: props });

// Three municipalities in a row (0.5° wide); two regions splitting the middle one at 28.7.
const municipalities = collection([
  feature(rect(28, -26.5, 28.5, -26), { code: 'M1', name: 'One' }),
  feature(rect(28.5, -26.5, 29, -26), { code: 'M2', name: 'Two' }),
  feature(rect(29, -26.5, 29.5, -26), { code: 'M3', name: 'Three' }),
]);
const regions = collection([feature(rect(28, -26.5, 28.7, -26), { department: 'SAPS', region: 'West' }), feature(rect(28.7, -26.5, 29.5, -26), { department: 'SAPS', region: 'East' })]);
const settlements = collection([
  pt(28.2, -26.2, { id: 's1', population: 100 }),
  pt(28.6, -26.2, { id: 's2', population: 30 }), // M2, West
  pt(28.9, -26.2, { id: 's3', population: 70 }), // M2, East → M2 goes East
  pt(29.2, -26.2, { id: 's4', population: 40 }),
]);
const offices = collection([pt(28.65, -26.3, { id: 'west-office', department: 'SAPS' }), pt(29.3, -26.3, { id: 'east-office', department: 'SAPS' }), pt(28.1, -26.3, { id: 'other', department: 'HEALTH' })]);

describe('aligned proposal', () => {
  const r = analyseAlignment({ regions, municipalities, settlements, offices }, { frame: LINEAR });
  const p = proposeAlignedRegions(r);
  const region = (name: string) => r.regions.name.indexOf(name);

  it('assigns each municipality whole to the region holding most of its people', () => {
    expect(Array.from(p.assignedRegion)).toEqual([region('West'), region('East'), region('East')]);
    expect(Array.from(p.basis)).toEqual([1, 1, 1]);
  });

  it('counts the people and ground that change region', () => {
    expect(p.populationMoving[1]).toBe(30);
    expect(p.areaMovingKm2[1] / r.overlaps.areaKm2[0]).toBeCloseTo(0.2 / 0.5, 9);
    expect(p.perDepartment.populationMoving[0]).toBe(30);
    expect(p.perDepartment.municipalitiesChanged[0]).toBe(1);
    expect(p.perDepartment.regionsEmptied[0]).toBe(0);
  });

  it('lists the regions a municipality is split between now', () => {
    const c = 1;
    const from = [];
    for (let q = p.fromStart[c]; q < p.fromStart[c + 1]; q++) from.push([r.regions.name[p.fromRegion[q]], p.fromPopulation[q]]);
    expect(from.sort()).toEqual([['East', 70], ['West', 30]]);
  });

  it('reports offices whose region changes', () => {
    expect(r.offices.id).toEqual(['west-office', 'east-office', 'other']);
    // the West office sits in M2, which goes East
    expect(Array.from(p.offices.changed)).toEqual([1, 0, 0]);
    expect(p.offices.regionAfter[0]).toBe(region('East'));
    expect(p.offices.regionBefore[2]).toBe(-1); // no HEALTH regions at all
    expect(p.perDepartment.officesChanged[0]).toBe(1);
  });

  it('breaks a tie in people by area', () => {
    const r2 = analyseAlignment({ regions, municipalities }, { frame: LINEAR });
    const p2 = proposeAlignedRegions(r2);
    expect(p2.assignedRegion[1]).toBe(region('East')); // 0.3° of M2 against 0.2°
    expect(p2.basis[1]).toBe(2);
  });

  it('dissolves the aligned regions from their municipalities', () => {
    const fc = alignedRegionFeatures(r, p, municipalities, 0);
    expect(fc.features.map((f) => [f.properties.region, f.properties.municipalities, f.properties.dissolved])).toEqual([
      ['West', 'M1', true],
      ['East', 'M2;M3', true],
    ]);
    expect(areaOf(fc.features[1].geometry)).toBeCloseTo(areaOf(rect(28.5, -26.5, 29.5, -26)), 0);
  });

  it('follows settlements to their new region, for the travel-time effect', () => {
    const D = r.departments.length;
    const before = Int32Array.from({ length: 4 }, (_, s) => r.settlements.region[s * D]);
    const after = Int32Array.from({ length: 4 }, (_, s) => p.settlementRegionAfter[s * D]);
    expect(Array.from(before)).toEqual([0, 0, 1, 1]);
    expect(Array.from(after)).toEqual([0, 1, 1, 1]);
    // minutes from each settlement to each region's office
    const minutes = Float32Array.from([10, 50, 20, 35, 60, 15, 80, 12]);
    const e = catchmentEffect(before, after, minutes, 2, Float64Array.from([100, 30, 70, 40]));
    expect(Array.from(e.deltaMinutes)).toEqual([0, 15, 0, 0]);
    expect(e.populationWorse).toBe(30);
    expect(e.populationUnchanged).toBe(210);
    expect(e.meanMinutesAfter - e.meanMinutesBefore).toBeCloseTo((30 * 15) / 240, 5);
  });
});
