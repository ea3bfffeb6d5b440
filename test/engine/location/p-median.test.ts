import { describe, expect, it } from 'vitest';
import { exactPMedian } from '../../../src/engine/location/exact-search';
import { solvePMedian } from '../../../src/engine/location/p-median';
import type { LocationProblem } from '../../../src/engine/location/problem';
import { smallCase } from './small-instances';

const CASES = Array.from({ length: 40 }, (_, i) => smallCase(300 + i));
const tol = (x: number) => 1e-6 * Math.max(1, Math.abs(x));

describe('p-median', () => {
  it('matches the exhaustive optimum on 40 small instances, with a Lagrangian bound below both', async () => {
    let misses = 0;
    for (const c of CASES) {
      const exact = exactPMedian(c.problem, c.k);
      const r = await solvePMedian(c.problem, { k: c.k, timeLimitSeconds: 2 });
      expect(r.objective).toBeGreaterThanOrEqual(exact.objective - tol(exact.objective));
      if (r.objective > exact.objective + tol(exact.objective)) misses++;
      expect(r.bound).toBeLessThanOrEqual(exact.objective + tol(exact.objective));
      expect(r.bound).toBeLessThanOrEqual(r.objective + tol(r.objective));
      expect(r.gap).toBeGreaterThanOrEqual(0);
    }
    expect(misses).toBe(0);
  });

  it('reports an objective equal to the population-weighted minutes to the nearest chosen zone', async () => {
    const c = smallCase(7, { sparse: false, eligible: false, fixed: false });
    const r = await solvePMedian(c.problem, { k: c.k, timeLimitSeconds: 1 });
    const p = c.problem;
    let max = 0;
    for (const t of p.minutes!) if (t < Infinity && t > max) max = t;
    let sum = 0;
    for (let d = 0; d < p.demandCount; d++) {
      let near = Infinity;
      let any = false;
      for (let j = 0; j < p.candidateCount; j++) {
        const t = p.minutes![d * p.candidateCount + j];
        if (t < Infinity) any = true;
        if (r.selected.includes(j)) near = Math.min(near, t);
      }
      if (any) sum += p.population[d] * Math.min(near, max);
    }
    expect(r.objective).toBeCloseTo(sum, 3);
  });

  it('always selects the fixed sites', async () => {
    for (const c of CASES.filter((x) => x.problem.fixed)) {
      const r = await solvePMedian(c.problem, { k: c.k, timeLimitSeconds: 1 });
      for (const j of c.problem.fixed!) expect(Array.from(r.selected)).toContain(j);
      expect(r.selected.length).toBeLessThanOrEqual(c.k);
    }
  });

  it('assigns residents only to chosen zones that offer the whole bundle', async () => {
    for (const c of CASES.filter((x) => x.problem.eligible)) {
      const r = await solvePMedian(c.problem, { k: c.k, timeLimitSeconds: 1 });
      for (let d = 0; d < c.problem.demandCount; d++) {
        const j = r.assignment[d];
        if (j < 0) continue;
        expect(c.problem.eligible![j]).toBe(1);
        expect(Array.from(r.selected)).toContain(j);
      }
    }
  });

  it('leaves out, and reports, demand that no eligible candidate can reach', async () => {
    // settlement 2 is cut off from every candidate
    const minutes = new Float32Array([
      10, 20,
      25, 5,
      Infinity, Infinity,
    ]);
    const problem: LocationProblem = { demandCount: 3, candidateCount: 2, population: new Float64Array([100, 50, 70]), minutes };
    const r = await solvePMedian(problem, { k: 1 });
    expect(Array.from(r.uncoverable)).toEqual([2]);
    expect(r.uncoverablePopulation).toBe(70);
    // candidate 0: 100·10 + 50·25 = 2250; candidate 1: 100·20 + 50·5 = 2250 → tie; either is optimal
    expect(r.objective).toBe(2250);
    expect(r.assignment[2]).toBe(-1);
    expect(r.optimal).toBe(true);
    expect(r.averageMinutes).toBeCloseTo(2250 / 150, 9);
  });

  it('charges the penalty for residents no chosen zone reaches', async () => {
    const minutes = new Float32Array([
      10, Infinity,
      Infinity, 5,
    ]);
    const problem: LocationProblem = { demandCount: 2, candidateCount: 2, population: new Float64Array([100, 10]), minutes };
    const r = await solvePMedian(problem, { k: 1, penaltyMinutes: 60 });
    expect(Array.from(r.selected)).toEqual([0]);
    expect(r.objective).toBe(100 * 10 + 10 * 60);
    expect(r.coveredPopulation).toBe(100);
  });

  it('reaches a proven optimum on a medium instance where exhaustive search still runs', async () => {
    const c = smallCase(11, { candidates: 30, demand: 120, fixed: false, eligible: false, sparse: false });
    const exact = exactPMedian(c.problem, 4);
    const r = await solvePMedian(c.problem, { k: 4, timeLimitSeconds: 3 });
    expect(r.objective).toBeCloseTo(exact.objective, 3);
    expect(r.bound).toBeLessThanOrEqual(exact.objective + tol(exact.objective));
  });
});
