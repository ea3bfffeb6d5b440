/** The whole analysis on small hand-made provinces: slivers, people, indices. */
import { featureCollection, feature as turfFeature, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { analyseAlignment, overlapFeatures, type AlignmentResult } from '../../../src/engine/alignment';
import type { Progress } from '../../../src/model/progress';
import { areaOf, collection, feature, LINEAR, multi, rect } from './helpers';

const pt = (lon: number, lat: number, population: number, id = `${lon},${lat}`): Feature<Point> => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { id, name: id, population } });

/** A line from (x, y0) to (x, y1) digitised every `step` degrees, wobbling ±`wobble` degrees east–west. */
function wobblyMeridian(x: number, y0: number, y1: number, step: number, wobble: number): Position[] {
  const pts: Position[] = [];
  const n = Math.round((y1 - y0) / step);
  for (let i = 0; i <= n; i++) pts.push([i === 0 || i === n ? x : x + (i % 2 ? wobble : -wobble), y0 + i * step]);
  return pts;
}

function row(r: AlignmentResult, region: string, code: string) {
  const t = r.overlaps;
  for (let k = 0; k < t.count; k++) {
    if (r.regions.name[t.region[k]] === region && r.municipalities.code[t.municipality[k]] === code) {
      return { areaKm2: t.areaKm2[k], population: t.population[k], sliver: t.sliver[k] === 1, width: t.meanWidthMetres[k] };
    }
  }
  return undefined;
}

/**
 * Two municipalities split at 28.5°E; two SASSA regions split along the same meridian, but
 * digitised independently: the line wobbles 0.0005° (≈ 50 m) either side of it.
 */
function wobblyProvince() {
  const line = wobblyMeridian(28.5, -26.5, -26, 0.01, 0.0005);
  const r1: Polygon = { type: 'Polygon', coordinates: [[[28, -26.5], ...line, [28, -26], [28, -26.5]]] };
  const r2: Polygon = { type: 'Polygon', coordinates: [[...line.slice().reverse(), [29, -26.5], [29, -26], [28.5, -26]]] };
  const regions = collection([feature(r1, { department: 'SASSA', region: 'West' }), feature(r2, { department: 'SASSA', region: 'East' })]);
  const municipalities = collection([feature(rect(28, -26.5, 28.5, -26), { code: 'M1', name: 'One' }), feature(rect(28.5, -26.5, 29, -26), { code: 'M2', name: 'Two' })]);
  return { regions, municipalities };
}

describe('a shared boundary digitised twice', () => {
  const { regions, municipalities } = wobblyProvince();
  const settlements = collection([pt(28.2, -26.2, 100), pt(28.8, -26.3, 50), pt(28.5004, -26.25, 7, 'in-sliver')]);
  const r = analyseAlignment({ regions, municipalities, settlements });

  it('reads clean input without issues', () => {
    expect(r.issues).toEqual([]);
  });

  it('yields two real overlaps and two slivers about 25 m wide', () => {
    expect(r.overlaps.count).toBe(4);
    expect(row(r, 'West', 'M1')!.sliver).toBe(false);
    expect(row(r, 'East', 'M2')!.sliver).toBe(false);
    for (const s of [row(r, 'West', 'M2')!, row(r, 'East', 'M1')!]) {
      expect(s.sliver).toBe(true);
      expect(s.width).toBeGreaterThan(10);
      expect(s.width).toBeLessThan(60);
    }
    expect(r.stats.slivers).toBe(2);
  });

  it("each region's pieces sum to its area within 0.1 %", () => {
    for (let reg = 0; reg < 2; reg++) {
      let sum = 0;
      for (let k = 0; k < r.overlaps.count; k++) if (r.overlaps.region[k] === reg) sum += r.overlaps.areaKm2[k];
      expect(Math.abs(sum / r.regions.areaKm2[reg] - 1)).toBeLessThan(1e-3);
    }
  });

  it("each municipality's pieces sum to the part of it the department's regions cover", () => {
    for (let m = 0; m < 2; m++) {
      let sum = 0;
      for (let k = 0; k < r.overlaps.count; k++) if (r.overlaps.municipality[k] === m) sum += r.overlaps.areaKm2[k];
      expect(Math.abs(sum / r.municipalities.areaKm2[m] - 1)).toBeLessThan(1e-3);
    }
  });

  it('people are placed by point-in-polygon, the one in the sliver included', () => {
    expect(r.populationMethod).toBe('points');
    expect(row(r, 'West', 'M1')!.population).toBe(100);
    expect(row(r, 'West', 'M2')!.population).toBe(7);
    expect(row(r, 'East', 'M2')!.population).toBe(50);
    expect(Array.from(r.regions.population)).toEqual([107, 50]);
  });

  it('indices leave slivers out by default: each region lies in one municipality, alignment 1', () => {
    const W = 0;
    expect(r.indices.regions.municipalitiesTouched[W]).toBe(1);
    expect(r.indices.regions.areaShare[W]).toBe(1);
    expect(r.indices.regions.populationShare[W]).toBe(1);
    expect(r.indices.departments.populationScore[0]).toBe(1);
    expect(r.indices.departments.areaScore[0]).toBe(1);
    expect(Array.from(r.indices.municipalities.regionsServing)).toEqual([1, 1]);
  });

  it('with slivers counted, the same regions touch two municipalities', () => {
    const W = 0;
    expect(r.indicesWithSlivers.regions.municipalitiesTouched[W]).toBe(2);
    expect(r.indicesWithSlivers.regions.populationShare[W]).toBeCloseTo(100 / 107, 12);
    expect(r.indicesWithSlivers.departments.populationScore[0]).toBeCloseTo(150 / 157, 12);
    expect(r.indicesWithSlivers.departments.areaScore[0]).toBeLessThan(1);
    expect(Array.from(r.indicesWithSlivers.municipalities.regionsServing)).toEqual([2, 2]);
  });

  it('draws the slivers on demand, smallest first', () => {
    const fc = overlapFeatures(r, regions, municipalities);
    expect(fc.features.map((f) => [f.properties.region, f.properties.municipality_code, f.properties.sliver])).toEqual([
      ['East', 'M1', true],
      ['West', 'M2', true],
    ]);
    const t = fc.features[0].properties;
    expect(t.area_km2).toBeLessThan(1);
  });

  it('reports progress by phase, ending each', () => {
    const seen: Progress[] = [];
    analyseAlignment({ regions, municipalities, settlements }, {}, (p) => seen.push(p));
    const phases = [...new Set(seen.map((p) => p.phase))];
    expect(phases).toEqual(['preparing polygons', 'overlaying regions on municipalities', 'placing settlements']);
    for (const ph of phases) expect(seen.some((p) => p.phase === ph && p.done === p.total)).toBe(true);
  });

  it('a wider tolerance or share changes what counts as a sliver', () => {
    const strict = analyseAlignment({ regions, municipalities }, { sliver: { maxWidthMetres: 5, maxShare: 0 } });
    expect(strict.stats.slivers).toBe(0);
  });
});

describe('misaligned regions', () => {
  // one department: West reaches 0.1° into M2; municipalities split at 28.5
  const regions = collection([feature(rect(28, -26.5, 28.6, -26), { department: 'HEALTH', region: 'West' }), feature(rect(28.6, -26.5, 29, -26), { department: 'HEALTH', region: 'East' })]);
  const municipalities = collection([feature(rect(28, -26.5, 28.5, -26), { code: 'M1', name: 'One' }), feature(rect(28.5, -26.5, 29, -26), { code: 'M2', name: 'Two' })]);

  it('give shares and scores from the overlap areas (linear frame, exact)', () => {
    const r = analyseAlignment({ regions, municipalities }, { frame: LINEAR });
    expect(r.overlaps.count).toBe(3);
    expect(r.indices.regions.dominantByArea[0]).toBe(0);
    expect(r.indices.regions.areaShare[0]).toBeCloseTo(0.5 / 0.6, 12);
    expect(r.indices.regions.municipalitiesTouched[0]).toBe(2);
    expect(Array.from(r.indices.municipalities.regionsServing)).toEqual([1, 2]);
    // (0.5 + 0.4) / 1.0 of the area lies in the region's dominant municipality
    expect(r.indices.departments.areaScore[0]).toBeCloseTo(0.9, 12);
    expect(r.indices.departments.municipalitiesSplit[0]).toBe(1);
    expect(Number.isNaN(r.indices.departments.populationScore[0])).toBe(true);
  });

  it('apportion ward populations by the area of ward ∩ region ∩ municipality', () => {
    const ward = feature(rect(28.25, -26.4, 28.75, -26.2), { id: 'W1', name: 'Ward 1', population: 1000 });
    const r = analyseAlignment({ regions, municipalities, settlements: collection([ward]) }, { frame: LINEAR });
    expect(r.populationMethod).toBe('polygon-area-share');
    expect(row(r, 'West', 'M1')!.population).toBeCloseTo(500, 9);
    expect(row(r, 'West', 'M2')!.population).toBeCloseTo(200, 9);
    expect(row(r, 'East', 'M2')!.population).toBeCloseTo(300, 9);
    expect(r.regions.population[0]).toBeCloseTo(700, 9);
    expect(r.municipalities.population[1]).toBeCloseTo(500, 9);
    expect(r.indices.departments.populationScore[0]).toBeCloseTo((500 + 300) / 1000, 12);
  });

  it('ward apportionment agrees with a turf.intersect oracle on awkward shapes', () => {
    const wardGeom = multi(
      { type: 'Polygon', coordinates: [[[28.3, -26.45], [28.7, -26.45], [28.55, -26.3], [28.7, -26.1], [28.3, -26.1], [28.45, -26.3], [28.3, -26.45]]] },
      rect(28.55, -26.5, 28.65, -26.45),
    );
    const pop = 1_000_000;
    const r = analyseAlignment({ regions, municipalities, settlements: collection([feature(wardGeom, { id: 'W', name: 'W', population: pop })]) }, { frame: LINEAR });
    const wardArea = areaOf(wardGeom);
    const asFeature = (g: Polygon | MultiPolygon) => turfFeature(g) as Feature<Polygon | MultiPolygon>;
    for (const [ri, reg] of regions.features.entries())
      for (const [mi, mun] of municipalities.features.entries()) {
        const rm = intersect(featureCollection([asFeature(reg.geometry as Polygon), asFeature(mun.geometry as Polygon)]));
        const rmw = rm && intersect(featureCollection([asFeature(rm.geometry), asFeature(wardGeom)]));
        const want = rmw ? (pop * areaOf(rmw.geometry)) / wardArea : 0;
        const got = row(r, r.regions.name[ri], r.municipalities.code[mi])?.population ?? 0;
        expect(Math.abs(got - want)).toBeLessThan(1e-6 * pop);
      }
  });
});
