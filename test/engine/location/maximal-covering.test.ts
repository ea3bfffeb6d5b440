import { describe, expect, it } from 'vitest';
import { exactMaximalCovering } from '../../../src/engine/location/exact-search';
import { solveMaximalCovering } from '../../../src/engine/location/maximal-covering';
import type { LocationProblem } from '../../../src/engine/location/problem';
import { smallCase } from './small-instances';

const CASES = Array.from({ length: 40 }, (_, i) => smallCase(100 + i));
const tol = (x: number) => 1e-6 * Math.max(1, Math.abs(x));

function coveredWithin(p: LocationProblem, selected: Uint32Array, T: number): number {
  let s = 0;
  for (let d = 0; d < p.demandCount; d++) {
    for (const j of selected) {
      if (p.eligible && !p.eligible[j]) continue;
      let t = Infinity;
      if (p.minutes) t = p.minutes[d * p.candidateCount + j];
      else for (let e = p.sparse!.offsets[d]; e < p.sparse!.offsets[d + 1]; e++) if (p.sparse!.candidates[e] === j) t = p.sparse!.minutes[e];
      if (t <= T) {
        s += p.population[d];
        break;
      }
    }
  }
  return s;
}

describe('maximal covering', () => {
  it('matches the exhaustive optimum on 40 small instances without HiGHS (greedy + swap + tabu)', async () => {
    let misses = 0;
    for (const c of CASES) {
      const exact = exactMaximalCovering(c.problem, c.k, c.minutes);
      const r = await solveMaximalCovering(c.problem, { k: c.k, minutes: c.minutes, highs: null, timeLimitSeconds: 2 });
      expect(r.objective).toBeLessThanOrEqual(exact.objective + tol(exact.objective));
      if (r.objective < exact.objective - tol(exact.objective)) misses++;
      // the Lagrangian bound sits above both the answer and the true optimum
      expect(r.bound).toBeGreaterThanOrEqual(exact.objective - tol(exact.objective));
      expect(r.bound).toBeGreaterThanOrEqual(r.objective - tol(r.objective));
    }
    expect(misses).toBe(0);
  });

  it('matches the exhaustive optimum on 40 small instances with HiGHS, and its bound is valid', async () => {
    for (const c of CASES) {
      const exact = exactMaximalCovering(c.problem, c.k, c.minutes);
      const r = await solveMaximalCovering(c.problem, { k: c.k, minutes: c.minutes, timeLimitSeconds: 2 });
      expect(r.objective).toBeCloseTo(exact.objective, 6);
      expect(r.bound).toBeGreaterThanOrEqual(exact.objective - tol(exact.objective));
      expect(r.gap).toBeLessThanOrEqual(0.001 + 1e-9);
    }
  });

  it('reports an objective equal to the population within T of the chosen zones', async () => {
    for (const c of CASES.slice(0, 10)) {
      const r = await solveMaximalCovering(c.problem, { k: c.k, minutes: c.minutes, timeLimitSeconds: 1 });
      expect(r.objective).toBeCloseTo(coveredWithin(c.problem, r.selected, c.minutes), 6);
      expect(r.coveredPopulation).toBeCloseTo(r.objective, 6);
      const served = r.populationServed.reduce((a, b) => a + b, 0);
      expect(served).toBeCloseTo(r.objective, 6);
    }
  });

  it('draws its test instances with fixed sites, ineligible candidates and sparse matrices', () => {
    expect(CASES.filter((c) => c.problem.fixed).length).toBeGreaterThan(5);
    expect(CASES.filter((c) => c.problem.eligible).length).toBeGreaterThan(5);
    expect(CASES.filter((c) => c.problem.sparse).length).toBeGreaterThan(5);
  });

  it('always selects the fixed sites and never more than k zones', async () => {
    for (const c of CASES.filter((x) => x.problem.fixed)) {
      const r = await solveMaximalCovering(c.problem, { k: c.k, minutes: c.minutes, timeLimitSeconds: 1 });
      for (const j of c.problem.fixed!) expect(Array.from(r.selected)).toContain(j);
      expect(r.selected.length).toBeLessThanOrEqual(c.k);
    }
  });

  it('never counts a resident as served by a candidate that does not offer the whole bundle', async () => {
    for (const c of CASES.filter((x) => x.problem.eligible)) {
      const r = await solveMaximalCovering(c.problem, { k: c.k, minutes: c.minutes, timeLimitSeconds: 1 });
      for (let d = 0; d < c.problem.demandCount; d++) {
        const j = r.assignment[d];
        if (j >= 0) expect(c.problem.eligible![j]).toBe(1);
      }
    }
  });

  it('reports as uncoverable exactly the demand points no eligible candidate reaches within T', async () => {
    for (const c of CASES.slice(0, 15)) {
      const r = await solveMaximalCovering(c.problem, { k: c.k, minutes: c.minutes, timeLimitSeconds: 1 });
      const all = new Uint32Array(c.problem.candidateCount).map((_, j) => j);
      const reachable = new Set<number>();
      // a demand point is coverable iff choosing every candidate covers it
      const p = c.problem;
      for (let d = 0; d < p.demandCount; d++) {
        const one: LocationProblem = { ...p, population: p.population.map((_, i) => (i === d ? 1 : 0)) };
        if (coveredWithin(one, all, c.minutes) > 0) reachable.add(d);
      }
      for (const d of r.uncoverable) expect(reachable.has(d)).toBe(false);
      expect(r.uncoverable.length).toBe(p.demandCount - reachable.size);
    }
  });

  it('chooses the single site that covers the most people in a hand-made example', async () => {
    // 3 settlements, 3 candidates; T = 10. Candidate 1 covers settlements 0 and 1 (300 people).
    const minutes = new Float32Array([
      5, 8, 30,
      40, 9, 30,
      40, 30, 4,
    ]);
    const problem: LocationProblem = { demandCount: 3, candidateCount: 3, population: new Float64Array([100, 200, 250]), minutes };
    const r = await solveMaximalCovering(problem, { k: 1, minutes: 10 });
    expect(Array.from(r.selected)).toEqual([1]);
    expect(r.objective).toBe(300);
    expect(r.gap).toBe(0);
    const two = await solveMaximalCovering(problem, { k: 2, minutes: 10 });
    expect(Array.from(two.selected)).toEqual([1, 2]);
    expect(two.objective).toBe(550);
    expect(two.optimal).toBe(true);
  });

  it('returns a structured-cloneable result', async () => {
    const c = CASES[0];
    const r = await solveMaximalCovering(c.problem, { k: c.k, minutes: c.minutes, timeLimitSeconds: 1 });
    const copy = structuredClone(r);
    expect(copy.selected).toEqual(r.selected);
    expect(copy.objective).toBe(r.objective);
  });
});
