/**
 * Thusong zones on a seeded plane instance: 5,000 demand points × 500 candidates, k = 30 (large)
 * or 1,000 × 100, k = 10 (small); travel minutes = road distance / speed with per-pair detour noise,
 * lognormal populations, T = 20 minutes (≈ 55 % covered by 30 zones, so MCLP is not trivial).
 * Per objective: objective, bound, gap, wall and CPU seconds, heap and RSS. Targets: ≤ 5 s and
 * gap ≤ 0.5 % each.
 *
 *   npx tsx bench/location.bench.ts [small|large]     or     npm run bench -- --only location
 */
import { pathToFileURL } from 'node:url';
import { solveMaximalCovering } from '../src/engine/location/maximal-covering';
import { solvePMedian } from '../src/engine/location/p-median';
import type { LocationResult } from '../src/engine/location/problem';
import { solveSetCovering } from '../src/engine/location/set-covering';
import { syntheticInstance } from '../src/engine/location/synthetic-instance';
import { createMemoryTracker, machineHeader, mb, type BenchEntry, type BenchSize, type MemoryTracker } from './harness';

const SIZES = {
  small: { demandCount: 1_000, candidateCount: 100, k: 10 },
  large: { demandCount: 5_000, candidateCount: 500, k: 30 },
} as const;
const T_MINUTES = 20;
const TARGET_SECONDS = 5;
const TARGET_GAP = 0.005;

export interface LocationBenchOptions {
  size?: BenchSize;
  seed?: number;
  log?: (line: string) => void;
  memory?: MemoryTracker;
}

export interface LocationBenchRow {
  model: string;
  objective: number;
  bound: number;
  gap: number;
  wallSeconds: number;
  cpuSeconds: number;
  peakHeapMB: number;
  peakRssMB: number;
  method: string;
  met: boolean;
}

async function measure(memory: MemoryTracker, run: () => Promise<LocationResult>) {
  memory.reset();
  const timer = setInterval(() => memory.sample(), 50);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    const result = await run();
    const wallSeconds = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    memory.sample();
    return { result, wallSeconds, cpuSeconds: (c.user + c.system) / 1e6 };
  } finally {
    clearInterval(timer);
  }
}

/** Runs the three objectives on the seeded instance and prints one line each; returns the figures. */
export async function runLocationBench(opts: LocationBenchOptions = {}): Promise<LocationBenchRow[]> {
  const size = opts.size ?? 'large';
  const log = opts.log ?? ((line: string) => console.log(line));
  const memory = opts.memory ?? createMemoryTracker();
  const { demandCount, candidateCount, k } = SIZES[size];

  // warm-up: every solver on a mid-sized instance, so the JIT and the WebAssembly tier-up of
  // HiGHS (first calls run on the baseline compiler, several times slower) have happened
  const warm = syntheticInstance({ demandCount: 1_500, candidateCount: 150, seed: 99 }).problem;
  const w0 = performance.now();
  await solveMaximalCovering(warm, { k: 12, minutes: T_MINUTES, timeLimitSeconds: 2 });
  await solvePMedian(warm, { k: 12, timeLimitSeconds: 2 });
  await solveSetCovering(warm, { minutes: T_MINUTES, timeLimitSeconds: 2 });
  log(`  warm-up (1,500 × 150, all three objectives): ${((performance.now() - w0) / 1000).toFixed(2)} s`);

  const g0 = performance.now();
  const { problem } = syntheticInstance({ demandCount, candidateCount, seed: opts.seed ?? 1 });
  log(
    `  instance: ${demandCount.toLocaleString('en-ZA')} demand points × ${candidateCount} candidates (dense, ${(problem.minutes!.byteLength / 2 ** 20).toFixed(1)} MB), ` +
      `k = ${k}, T = ${T_MINUTES} min, seed ${opts.seed ?? 1} (generated in ${((performance.now() - g0) / 1000).toFixed(2)} s, not counted)`,
  );

  const rows: LocationBenchRow[] = [];
  const report = (model: string, r: LocationResult, wallSeconds: number, cpuSeconds: number, extra: string) => {
    const met = wallSeconds <= TARGET_SECONDS && r.gap <= TARGET_GAP;
    const cpuMet = cpuSeconds <= TARGET_SECONDS && r.gap <= TARGET_GAP;
    rows.push({ model, objective: r.objective, bound: r.bound, gap: r.gap, wallSeconds, cpuSeconds, peakHeapMB: memory.peakHeapUsed / 2 ** 20, peakRssMB: memory.peakRss / 2 ** 20, method: r.method, met });
    log(
      `  ${model.padEnd(8)} objective ${fmt(r.objective).padStart(14)}  bound ${fmt(r.bound).padStart(14)}  gap ${(r.gap * 100).toFixed(3).padStart(6)} %  ` +
        `${wallSeconds.toFixed(2).padStart(5)} s wall ${cpuSeconds.toFixed(2).padStart(5)} s cpu  heap ${mb(memory.peakHeapUsed)} rss ${mb(memory.peakRss)}  ` +
        `${met ? 'MET' : cpuMet ? 'met on CPU time (wall inflated by load)' : 'MISSED'} (≤ ${TARGET_SECONDS} s, gap ≤ ${TARGET_GAP * 100} %)`,
    );
    log(`           ${extra}; ${r.method}`);
  };

  const mclp = await measure(memory, () => solveMaximalCovering(problem, { k, minutes: T_MINUTES }));
  report('mclp', mclp.result, mclp.wallSeconds, mclp.cpuSeconds, `${(100 * mclp.result.coveredPopulation / mclp.result.totalPopulation).toFixed(1)} % of ${fmt(mclp.result.totalPopulation)} people covered`);
  const pm = await measure(memory, () => solvePMedian(problem, { k }));
  report('pmedian', pm.result, pm.wallSeconds, pm.cpuSeconds, `average trip ${pm.result.averageMinutes.toFixed(2)} min`);
  const sc = await measure(memory, () => solveSetCovering(problem, { minutes: T_MINUTES }));
  report('lscp', sc.result, sc.wallSeconds, sc.cpuSeconds, `${sc.result.uncoverable.length} demand points (${fmt(sc.result.uncoverablePopulation)} people) beyond ${T_MINUTES} min of every candidate`);
  return rows;
}

const fmt = (x: number) => (Number.isInteger(x) ? x.toLocaleString('en-ZA') : x.toLocaleString('en-ZA', { maximumFractionDigits: 0 }));

export const bench: BenchEntry = {
  name: 'location',
  description: 'Thusong zones: maximal covering, p-median and set covering with bounds and gaps',
  async run({ size, log, memory }) {
    await runLocationBench({ size, log, memory });
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const size = (process.argv[2] ?? 'large') as BenchSize;
  if (size !== 'small' && size !== 'large') {
    console.error('usage: npx tsx bench/location.bench.ts [small|large]');
    process.exit(2);
  }
  console.log(machineHeader());
  console.log(`\n── location, size ${size}: ${bench.description}`);
  runLocationBench({ size }).then(
    (rows) => process.exit(rows.every((r) => r.met) ? 0 : 1),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
