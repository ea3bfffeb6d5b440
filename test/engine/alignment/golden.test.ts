/**
 * Golden fixtures (Turf's habit): each test/fixtures/alignment/in/NAME.geojson holds one small
 * province — features tagged with `layer`: region, municipality, settlement or office — and
 * out/NAME.json the expected overlap table, indices, proposal and issues. Regenerate on purpose
 * with UPDATE_GOLDEN=1 and review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { analyseAlignment, proposeAlignedRegions, type AlignmentResult, type AlignedProposal } from '../../../src/engine/alignment';

const root = join(__dirname, '../../fixtures/alignment');
const update = process.env.UPDATE_GOLDEN === '1';

const r6 = (x: number) => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : null);
const r3 = (x: number) => (Number.isFinite(x) ? Math.round(x * 1e3) / 1e3 : null);

function layer(fc: FeatureCollection, name: string): FeatureCollection {
  return { type: 'FeatureCollection', features: fc.features.filter((f: Feature) => f.properties?.layer === name) };
}

function summarise(r: AlignmentResult, p: AlignedProposal) {
  const t = r.overlaps;
  const reg = (i: number) => `${r.departments[r.regions.department[i]]}/${r.regions.name[i]}`;
  const mun = (m: number) => (m >= 0 ? r.municipalities.code[m] : null);
  const D = r.departments.length;
  return {
    areaProjection: r.areaProjection,
    populationMethod: r.populationMethod,
    overlaps: Array.from({ length: t.count }, (_, k) => ({
      region: reg(t.region[k]),
      municipality: mun(t.municipality[k]),
      area_km2: r3(t.areaKm2[k]),
      population: r3(t.population[k]),
      mean_width_m: r3(t.meanWidthMetres[k]),
      sliver: t.sliver[k] === 1,
    })).sort((a, b) => (a.region + a.municipality < b.region + b.municipality ? -1 : 1)),
    regions: Array.from({ length: r.regions.count }, (_, i) => ({
      region: reg(i),
      area_km2: r3(r.regions.areaKm2[i]),
      municipalities_touched: r.indices.regions.municipalitiesTouched[i],
      municipalities_touched_with_slivers: r.indicesWithSlivers.regions.municipalitiesTouched[i],
      dominant_by_area: mun(r.indices.regions.dominantByArea[i]),
      area_share: r6(r.indices.regions.areaShare[i]),
      dominant_by_population: mun(r.indices.regions.dominantByPopulation[i]),
      population_share: r6(r.indices.regions.populationShare[i]),
    })),
    departments: r.departments.map((d, i) => ({
      department: d,
      score_population: r6(r.indices.departments.populationScore[i]),
      score_area: r6(r.indices.departments.areaScore[i]),
      score_population_with_slivers: r6(r.indicesWithSlivers.departments.populationScore[i]),
      score_area_with_slivers: r6(r.indicesWithSlivers.departments.areaScore[i]),
      municipalities_split: r.indices.departments.municipalitiesSplit[i],
    })),
    proposal: r.municipalities.code.flatMap((code, m) =>
      r.departments.map((d, di) => ({
        department: d,
        municipality: code,
        to: p.assignedRegion[m * D + di] >= 0 ? r.regions.name[p.assignedRegion[m * D + di]] : null,
        population_moving: r3(p.populationMoving[m * D + di]),
      })),
    ),
    offices: r.offices.id.map((id, o) => ({ id, before: p.offices.regionBefore[o] >= 0 ? r.regions.name[p.offices.regionBefore[o]] : null, after: p.offices.regionAfter[o] >= 0 ? r.regions.name[p.offices.regionAfter[o]] : null })),
    issues: r.issues.map((i) => `${i.code} (${i.where.file} feature ${i.where.feature}): ${i.message}`),
  };
}

describe('golden fixtures', () => {
  const names = readdirSync(join(root, 'in')).filter((f) => f.endsWith('.geojson'));
  it('there are fixtures', () => expect(names.length).toBeGreaterThan(0));
  for (const name of names) {
    it(name, () => {
      const fc = JSON.parse(readFileSync(join(root, 'in', name), 'utf8')) as FeatureCollection;
      const settlements = layer(fc, 'settlement');
      const offices = layer(fc, 'office');
      const r = analyseAlignment({
        regions: layer(fc, 'region'),
        municipalities: layer(fc, 'municipality'),
        settlements: settlements.features.length ? settlements : undefined,
        offices: offices.features.length ? offices : undefined,
        fileNames: { regions: name, municipalities: name, settlements: name, offices: name },
      });
      const got = summarise(r, proposeAlignedRegions(r));
      const outPath = join(root, 'out', name.replace(/\.geojson$/, '.json'));
      if (update || !existsSync(outPath)) writeFileSync(outPath, JSON.stringify(got, null, 2) + '\n');
      expect(got).toEqual(JSON.parse(readFileSync(outPath, 'utf8')));
    });
  }
});
