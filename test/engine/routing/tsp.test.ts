import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { heldKarpTour } from '../../../src/engine/routing/held-karp';
import { oneTreeBound } from '../../../src/engine/routing/one-tree-bound';
import { seededRandom } from '../../../src/engine/routing/seeded-random';
import { solveTsp, tourLength } from '../../../src/engine/routing/solve-tsp';
import { parseTsplib } from '../../../src/engine/routing/tsplib';

const BENCH = fileURLToPath(new URL('../../../../shared/data/bench/', import.meta.url));

function randomMatrix(seed: number, n: number, asymmetric: boolean): Float64Array {
  const rng = seededRandom(seed);
  const x = Array.from({ length: n }, () => rng() * 100);
  const y = Array.from({ length: n }, () => rng() * 100);
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * n + j] = i === j ? 0 : Math.hypot(x[i] - x[j], y[i] - y[j]) * (asymmetric ? 1 + rng() * 0.5 : 1);
  return m;
}

function bruteForce(m: Float64Array, n: number): number {
  let best = Infinity;
  const rest = Array.from({ length: n - 1 }, (_, i) => i + 1);
  const permute = (k: number) => {
    if (k === rest.length) {
      best = Math.min(best, tourLength(m, n, [0, ...rest]));
      return;
    }
    for (let i = k; i < rest.length; i++) {
      [rest[k], rest[i]] = [rest[i], rest[k]];
      permute(k + 1);
      [rest[k], rest[i]] = [rest[i], rest[k]];
    }
  };
  permute(0);
  return best;
}

describe('Held–Karp exact tours', () => {
  it('equal brute force on small symmetric and asymmetric instances', () => {
    for (let seed = 1; seed <= 8; seed++) {
      for (const asym of [false, true]) {
        const n = 4 + (seed % 5);
        const m = randomMatrix(seed, n, asym);
        const hk = heldKarpTour(m, n);
        expect(hk.length).toBeCloseTo(bruteForce(m, n), 9);
        expect(tourLength(m, n, hk.tour)).toBeCloseTo(hk.length, 9);
        expect([...hk.tour].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
      }
    }
  });
});

describe('tour solver', () => {
  it('finds the Held–Karp optimum on 12-node instances, symmetric and asymmetric', () => {
    for (let seed = 1; seed <= 10; seed++) {
      for (const asym of [false, true]) {
        const m = randomMatrix(seed * 7, 12, asym);
        const exact = heldKarpTour(m, 12);
        const r = solveTsp(m, 12, { seed });
        expect(r.tour[0]).toBe(0);
        expect(new Set(r.tour).size).toBe(12);
        expect(r.length, `seed ${seed} asym ${asym}`).toBeCloseTo(exact.length, 6);
      }
    }
  });

  const optima: Array<[string, number]> = [
    ['berlin52', 7542],
    ['kroA100', 21282],
    ['eil101', 629],
  ];
  for (const [name, optimum] of optima) {
    const file = `${BENCH}${name}.tsp`;
    it.skipIf(!existsSync(file))(`reaches within 1% of the TSPLIB optimum of ${name} (${optimum})`, () => {
      const inst = parseTsplib(readFileSync(file, 'utf8'), name);
      const n = inst.x.length;
      const r = solveTsp(inst.distance, n, { seed: 1, kicks: 20 * n });
      const gap = r.length / optimum - 1;
      console.log(`${name}: ${r.length} vs optimum ${optimum} (gap ${(gap * 100).toFixed(2)} %, ${r.seconds.toFixed(2)} s)`);
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThanOrEqual(0.01);
    });
  }
  if (!existsSync(`${BENCH}berlin52.tsp`)) it.skip(`TSPLIB files absent under ${BENCH}: quality tests skipped`, () => {});
});

describe('1-tree lower bound', () => {
  it('never exceeds the optimum and comes within 10% of it on random instances', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const m = randomMatrix(seed * 3, 11, false);
      const opt = heldKarpTour(m, 11).length;
      const lb = oneTreeBound(m, 11).bound;
      expect(lb).toBeLessThanOrEqual(opt + 1e-6);
      expect(lb).toBeGreaterThanOrEqual(opt * 0.9);
    }
  });

  it('bounds asymmetric tours too (through min-symmetrisation)', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const m = randomMatrix(seed, 10, true);
      expect(oneTreeBound(m, 10).bound).toBeLessThanOrEqual(heldKarpTour(m, 10).length + 1e-6);
    }
  });

  it.skipIf(!existsSync(`${BENCH}kroA100.tsp`))('gives the published Held–Karp bound of kroA100 (20936.5) to within 0.1%', () => {
    const inst = parseTsplib(readFileSync(`${BENCH}kroA100.tsp`, 'utf8'), 'kroA100');
    const lb = oneTreeBound(inst.distance, 100, { upperBound: 21282 }).bound;
    expect(lb).toBeLessThanOrEqual(21282);
    expect(Math.abs(lb - 20936.5) / 20936.5).toBeLessThan(0.001);
  });
});

describe('TSPLIB reader', () => {
  it('reads EUC_2D coordinates with nint distances and rejects other weight types', () => {
    const text = 'NAME: t\nTYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 3 4\n3 1.2 0.4\nEOF\n';
    const inst = parseTsplib(text, 't.tsp');
    expect(inst.distance[1]).toBe(5);
    expect(inst.distance[2]).toBe(1); // nint(1.26)
    expect(() => parseTsplib(text.replace('EUC_2D', 'GEO'), 'geo.tsp')).toThrow(/GEO/);
  });
});
