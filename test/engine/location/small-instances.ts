/**
 * Small random instances for checking the location solvers against exhaustive search: dense or
 * sparse, with unreachable pairs, ineligible candidates (a bundle no site offers whole), fixed
 * sites and empty settlements mixed in.
 */
import { sparsifyMinutes, type LocationProblem } from '../../../src/engine/location/problem';
import { seededRandom } from '../../../src/engine/location/seeded-random';
import { syntheticInstance } from '../../../src/engine/location/synthetic-instance';

export interface SmallCase {
  seed: number;
  problem: LocationProblem;
  k: number;
  /** T at roughly the 15th–35th percentile of the finite minutes */
  minutes: number;
}

export function smallCase(seed: number, o: { candidates?: number; demand?: number; sparse?: boolean; fixed?: boolean; eligible?: boolean } = {}): SmallCase {
  const random = seededRandom(seed * 7919 + 13);
  const n = o.candidates ?? 10 + Math.floor(random() * 12);
  const m = o.demand ?? 25 + Math.floor(random() * 40);
  const { problem } = syntheticInstance({ demandCount: m, candidateCount: n, seed, sideKm: 60, towns: 3 });
  const minutes = problem.minutes!;
  // some pairs unreachable (a river without a bridge), some settlements empty
  for (let i = 0; i < minutes.length; i++) if (random() < 0.05) minutes[i] = Infinity;
  for (let d = 0; d < m; d++) if (random() < 0.05) problem.population[d] = 0;
  const finite = Array.from(minutes).filter((t) => t < Infinity).sort((a, b) => a - b);
  const T = finite[Math.floor(finite.length * (0.15 + 0.2 * random()))];
  const k = 2 + Math.floor(random() * 3);
  if (o.fixed ?? random() < 0.4) {
    const count = 1 + Math.floor(random() * Math.min(2, k - 1));
    const picks = new Set<number>();
    while (picks.size < count) picks.add(Math.floor(random() * n));
    problem.fixed = Uint32Array.from(picks);
  }
  if (o.eligible ?? random() < 0.4) {
    problem.eligible = new Uint8Array(n).map(() => (random() < 0.75 ? 1 : 0));
  }
  if (o.sparse ?? random() < 0.3) {
    const cutoff = finite[Math.floor(finite.length * 0.6)];
    problem.sparse = sparsifyMinutes(minutes, m, n, cutoff);
    delete problem.minutes;
  }
  return { seed, problem, k, minutes: T };
}
