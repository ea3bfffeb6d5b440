/**
 * Invariants on a generated province (two Voronoi tilings with shared, noisy, densified
 * boundaries — the benchmark's generator at a small size): every region's pieces sum to its area
 * and every municipality's pieces sum to the part of it a department covers, within 0.1 %.
 */
import { describe, expect, it } from 'vitest';
import { alignmentInstance } from '../../../bench/alignment.bench';
import { analyseAlignment } from '../../../src/engine/alignment';

describe('invariants on a generated province', () => {
  const inst = alignmentInstance({ municipalities: 40, regions: 30, departments: 2, vertices: 60_000, settlements: 3_000, seed: 11 });
  const r = analyseAlignment({ regions: inst.regions, municipalities: inst.municipalities, settlements: inst.settlements });

  it('reads the generated polygons without issues', () => {
    expect(r.issues).toEqual([]);
  });

  it("each region's pieces sum to its area within 0.1 %", () => {
    const sum = new Float64Array(r.regions.count);
    for (let k = 0; k < r.overlaps.count; k++) sum[r.overlaps.region[k]] += r.overlaps.areaKm2[k];
    for (let reg = 0; reg < r.regions.count; reg++) expect(Math.abs(sum[reg] / r.regions.areaKm2[reg] - 1)).toBeLessThan(1e-3);
  });

  it("each municipality's pieces, per department, sum to its area (the regions tile the province)", () => {
    const D = r.departments.length;
    const sum = new Float64Array(r.municipalities.count * D);
    for (let k = 0; k < r.overlaps.count; k++) sum[r.overlaps.municipality[k] * D + r.regions.department[r.overlaps.region[k]]] += r.overlaps.areaKm2[k];
    for (let m = 0; m < r.municipalities.count; m++)
      for (let d = 0; d < D; d++) expect(Math.abs(sum[m * D + d] / r.municipalities.areaKm2[m] - 1)).toBeLessThan(1e-3);
  });

  it('all people are counted once per department', () => {
    const total = r.settlements.population.reduce((a, b) => a + b, 0);
    for (let d = 0; d < r.departments.length; d++) {
      let inPieces = 0;
      for (let k = 0; k < r.overlaps.count; k++) if (r.regions.department[r.overlaps.region[k]] === d) inPieces += r.overlaps.population[k];
      expect(inPieces + r.populationOutsideRegions[d]).toBeCloseTo(total, 6);
    }
  });

  it('the spatial index lets through far fewer pairs than all of them', () => {
    expect(r.stats.featurePairsTested).toBeLessThan((r.regions.count * r.municipalities.count) / 3);
    expect(r.stats.pairsIntersecting).toBeLessThanOrEqual(r.stats.featurePairsTested);
  });

  it('results are structured-cloneable (they cross to and from a worker)', () => {
    const copy = structuredClone(r);
    expect(copy.overlaps.areaKm2).toEqual(r.overlaps.areaKm2);
  });
});
