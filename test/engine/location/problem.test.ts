import { describe, expect, it } from 'vitest';
import { buildDemandLists, transposeLists } from '../../../src/engine/location/demand-lists';
import { buildMatrixFromTimes, bundleEligibility, relativeGap, sparsifyMinutes, validateProblem, type LocationProblem } from '../../../src/engine/location/problem';
import { syntheticInstance } from '../../../src/engine/location/synthetic-instance';

describe('location problem', () => {
  it('builds a demand-major matrix from one travel-time array per candidate', () => {
    // candidate 0 reaches demand 0 in 5 and demand 1 never; candidate 1 in 7 and 9
    const m = buildMatrixFromTimes([new Float32Array([5, Infinity]), Float64Array.from([7, NaN])]);
    expect(Array.from(m)).toEqual([5, 7, Infinity, Infinity]);
  });

  it('keeps only the pairs within the cutoff when made sparse', () => {
    const dense = new Float32Array([5, 50, 20, 10, Infinity, 30]);
    const s = sparsifyMinutes(dense, 2, 3, 25);
    expect(Array.from(s.offsets)).toEqual([0, 2, 3]);
    expect(Array.from(s.candidates)).toEqual([0, 2, 0]);
    expect(Array.from(s.minutes)).toEqual([5, 20, 10]);
    expect(s.cutoffMinutes).toBe(25);
  });

  it('marks the candidates that offer a whole bundle', () => {
    const e = bundleEligibility([['id_document', 'sassa_grant', 'clinic'], ['sassa_grant'], []], ['id_document', 'sassa_grant']);
    expect(Array.from(e)).toEqual([1, 0, 0]);
  });

  it('sorts each demand list nearest first, ties by candidate, dropping ineligible and unreachable pairs', () => {
    const p: LocationProblem = {
      demandCount: 2,
      candidateCount: 4,
      population: new Float64Array([1, 1]),
      minutes: new Float32Array([9, 3, 3, Infinity, 0, 7.25, 1e-3, 2]),
      eligible: new Uint8Array([1, 1, 1, 0]),
    };
    const l = buildDemandLists(p, Infinity, true);
    expect(Array.from(l.candidates)).toEqual([1, 2, 0, 0, 2, 1]);
    expect(Array.from(l.minutes)).toEqual([3, 3, 9, 0, Math.fround(1e-3), 7.25]);
    const t = transposeLists(l);
    expect(Array.from(t.offsets)).toEqual([0, 2, 4, 6, 6]);
  });

  it('sorts large lists exactly as a comparator sort would', () => {
    const { problem } = syntheticInstance({ demandCount: 50, candidateCount: 300, seed: 4 });
    const l = buildDemandLists(problem, Infinity, true);
    for (let d = 0; d < 50; d++) {
      const expected = Array.from({ length: 300 }, (_, j) => j).sort((a, b) => problem.minutes![d * 300 + a] - problem.minutes![d * 300 + b] || a - b);
      expect(Array.from(l.candidates.subarray(l.offsets[d], l.offsets[d + 1]))).toEqual(expected);
    }
  });

  it('reads a sparse problem the same as its dense original', () => {
    const { problem } = syntheticInstance({ demandCount: 40, candidateCount: 12, seed: 2 });
    const sparse: LocationProblem = { ...problem, minutes: undefined, sparse: sparsifyMinutes(problem.minutes!, 40, 12, 60) };
    const a = buildDemandLists(problem, 60, true);
    const b = buildDemandLists(sparse, 60, true);
    expect(Array.from(b.candidates)).toEqual(Array.from(a.candidates));
    expect(Array.from(b.offsets)).toEqual(Array.from(a.offsets));
  });

  it('rejects inconsistent problems with a message naming the problem', () => {
    const base = { demandCount: 2, candidateCount: 2, population: new Float64Array([1, 2]), minutes: new Float32Array(4) };
    expect(() => validateProblem({ ...base, population: new Float64Array([1, -2]) })).toThrow(/population of demand 1/);
    expect(() => validateProblem({ ...base, minutes: new Float32Array(3) })).toThrow(/expected 2 × 2/);
    expect(() => validateProblem({ ...base, fixed: Uint32Array.from([1, 1]) })).toThrow(/listed twice/);
    expect(() => validateProblem({ ...base, fixed: Uint32Array.from([5]) })).toThrow(/not a candidate/);
    expect(() => validateProblem({ ...base, minutes: undefined })).toThrow(/exactly one/);
  });

  it('measures the gap against the larger of objective and bound', () => {
    expect(relativeGap(99, 100)).toBeCloseTo(0.01, 12);
    expect(relativeGap(100, 99)).toBeCloseTo(0.01, 12);
    expect(relativeGap(0, 0)).toBe(0);
  });
});
