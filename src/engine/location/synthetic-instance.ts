/**
 * Seeded location instances in a plane, for benchmarks and tests: settlements clustered around
 * towns with lognormal populations, candidate sites at settlements and scattered on the map, and
 * travel minutes = road distance / speed with per-pair noise (roads are not straight).
 */
import type { LocationProblem } from './problem';
import { seededRandom } from './seeded-random';

export interface SyntheticOptions {
  demandCount: number;
  candidateCount: number;
  seed: number;
  /** side of the square map, km (default 200) */
  sideKm?: number;
  /** number of towns the settlements cluster around (default demandCount / 60) */
  towns?: number;
  /** km/h (default 50) */
  speedKmh?: number;
  /** relative spread of the per-pair detour noise (default 0.25) */
  noise?: number;
  /** log-sd of populations (default 1.2; median population 400) */
  populationSigma?: number;
}

export interface SyntheticInstance {
  problem: LocationProblem;
  demandX: Float64Array;
  demandY: Float64Array;
  candidateX: Float64Array;
  candidateY: Float64Array;
}

export function syntheticInstance(o: SyntheticOptions): SyntheticInstance {
  const random = seededRandom(o.seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const side = o.sideKm ?? 200;
  const m = o.demandCount;
  const n = o.candidateCount;
  const towns = Math.max(1, o.towns ?? Math.round(m / 60));
  const speed = o.speedKmh ?? 50;
  const noise = o.noise ?? 0.25;
  const sigma = o.populationSigma ?? 1.2;

  const townX = new Float64Array(towns);
  const townY = new Float64Array(towns);
  const townSpread = new Float64Array(towns);
  for (let t = 0; t < towns; t++) {
    townX[t] = random() * side;
    townY[t] = random() * side;
    townSpread[t] = (0.02 + 0.06 * random()) * side;
  }
  const demandX = new Float64Array(m);
  const demandY = new Float64Array(m);
  const population = new Float64Array(m);
  for (let d = 0; d < m; d++) {
    if (random() < 0.8) {
      const t = Math.floor(random() * towns);
      demandX[d] = clamp(townX[t] + gauss() * townSpread[t], side);
      demandY[d] = clamp(townY[t] + gauss() * townSpread[t], side);
    } else {
      demandX[d] = random() * side;
      demandY[d] = random() * side;
    }
    population[d] = Math.round(400 * Math.exp(sigma * gauss()));
  }
  const candidateX = new Float64Array(n);
  const candidateY = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    if (random() < 0.7 && m > 0) {
      const d = Math.floor(random() * m);
      candidateX[c] = demandX[d];
      candidateY[c] = demandY[d];
    } else {
      candidateX[c] = random() * side;
      candidateY[c] = random() * side;
    }
  }
  const minutes = new Float32Array(m * n);
  for (let d = 0; d < m; d++) {
    for (let c = 0; c < n; c++) {
      const km = Math.hypot(demandX[d] - candidateX[c], demandY[d] - candidateY[c]);
      const detour = 1.2 + noise * random();
      minutes[d * n + c] = 2 + ((km * detour) / speed) * 60;
    }
  }
  return { problem: { demandCount: m, candidateCount: n, population, minutes }, demandX, demandY, candidateX, candidateY };
}

function clamp(v: number, side: number): number {
  return Math.min(side, Math.max(0, v));
}
