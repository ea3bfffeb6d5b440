/**
 * Route engine bench: `npx tsx bench/routing.bench.ts [small|large]` alone, or through the bench
 * runner (`npm run bench -- --only routing`).
 *  1. the annual plan on a seeded province: 2,000 stops and 10 teams (large; 500 and 3 small), one
 *     year, great-circle × 1.3 travel at 50 km/h: whole-plan time (target ≤ 60 s), total km, days
 *     used, and the independent verifier's verdict;
 *  2. single-team tours: one tour through a team's few hundred stops, its gap to the Held–Karp
 *     (1-tree) lower bound;
 *  3. standard instances when present under ../shared/data/bench: Solomon C101/R101/RC101
 *     (vehicles, distance, gap to best-known) and TSPLIB berlin52/kroA100/eil101 (gap to optimum).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { machineHeader, mb, ms, timed, timingLine, createMemoryTracker, type BenchContext, type BenchSize } from './harness';
import { oneTreeBound } from '../src/engine/routing/one-tree-bound';
import { planYear, type PlanStops, type TeamSpec } from '../src/engine/routing/plan-year';
import { seededRandom } from '../src/engine/routing/seeded-random';
import { parseSolomon } from '../src/engine/routing/solomon';
import { solveTsp } from '../src/engine/routing/solve-tsp';
import { solveVrp } from '../src/engine/routing/solve-vrp';
import { greatCircleProvider, subsetProvider } from '../src/engine/routing/travel-provider';
import { parseTsplib } from '../src/engine/routing/tsplib';
import { verifyPlan } from '../src/engine/routing/verify-plan';
import { checkVrpSolution } from '../src/engine/routing/vrp-problem';

const DATA = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data', 'bench');

const SOLOMON: Array<[string, number, number]> = [
  ['C101', 10, 828.94],
  ['R101', 19, 1650.8],
  ['RC101', 14, 1696.95],
];
const TSPLIB: Array<[string, number]> = [
  ['berlin52', 7542],
  ['kroA100', 21282],
  ['eil101', 629],
];

/** A seeded province ~500 km × 400 km: 70 % of stops clustered around 30 towns, team bases in towns. */
export function benchProvince(seed: number, stopCount: number, teamCount: number) {
  const rng = seededRandom(seed);
  const towns = Array.from({ length: Math.max(30, teamCount) }, () => [25 + rng() * 5, -30 + rng() * 3.6]);
  const lon = new Float64Array(stopCount);
  const lat = new Float64Array(stopCount);
  for (let s = 0; s < stopCount; s++) {
    if (rng() < 0.7) {
      const t = towns[Math.floor(rng() * towns.length)];
      lon[s] = t[0] + (rng() - 0.5) * 0.8;
      lat[s] = t[1] + (rng() - 0.5) * 0.8;
    } else {
      lon[s] = 25 + rng() * 5;
      lat[s] = -30 + rng() * 3.6;
    }
  }
  const stops: PlanStops = {
    lon,
    lat,
    serviceMinutes: Float64Array.from({ length: stopCount }, () => 60 + 30 * Math.floor(rng() * 7)), // 1–4 h
    visitsPerYear: Int32Array.from({ length: stopCount }, () => (rng() < 0.05 ? 2 : 1)),
  };
  const teams: TeamSpec[] = Array.from({ length: teamCount }, (_, t) => ({ id: `T${t + 1}`, baseLon: towns[t][0], baseLat: towns[t][1], hoursPerDay: 8, daysPerWeek: 5 }));
  const travel = greatCircleProvider(Float64Array.from([...lon, ...teams.map((t) => t.baseLon)]), Float64Array.from([...lat, ...teams.map((t) => t.baseLat)]));
  return { stops, teams, travel };
}

const pct = (x: number) => `${Math.abs(x) < 5e-5 ? '0.00' : (x * 100).toFixed(2)} %`;

async function run({ size, log, memory }: BenchContext): Promise<void> {
  const [S, T] = size === 'large' ? [2000, 10] : [500, 3];

  // 1. the annual plan
  const warm = benchProvince(7, 150, 2);
  const w = timed(() => planYear({ ...warm, year: 2025 }, { overnight: true }));
  log(`  warm-up (150 stops, 2 teams): ${ms(w.wallMs)}`);
  const p = benchProvince(1, S, T);
  memory.reset();
  const planned = timed(() => planYear({ ...p, year: 2025 }, { overnight: true, seed: 1 }), memory);
  const plan = planned.value;
  log(`  plan: ${S} stops (${p.stops.visitsPerYear.reduce((a, v) => a + v, 0)} visits needed), ${T} teams, 2025, overnight trips on, great-circle × 1.3 at 50 km/h`);
  log(timingLine('whole annual plan', planned, 60_000));
  log(`    total ${Math.round(plan.totals.km).toLocaleString('en-ZA')} km, ${plan.totals.daysUsed} team-days used of ${plan.teams.reduce((a, t) => a + t.workingDates, 0)} working days, ${plan.totals.visits} visits, ${plan.unvisited.length} visits missing, peak RSS ${mb(memory.peakRss)}`);
  log(`    days per team: ${plan.teams.map((t) => t.daysUsed).join(', ')}; overnight trip days: ${plan.teams.reduce((a, t) => a + t.days.filter((d) => d.tripDays > 1).length, 0)}`);
  const verified = timed(() => verifyPlan({ plan, ...p }));
  log(`    verifier: ${verified.value.ok ? 'no problems' : `${verified.value.problems.length} problems, e.g. ${verified.value.problems[0]?.message}`} (${verified.value.checked.days} days, ${verified.value.checked.visits} visits, ${ms(verified.wallMs)})`);

  // 2. single-team tours against the 1-tree bound
  for (const ty of plan.teams.slice(0, size === 'large' ? 3 : 2)) {
    const places = [S + ty.team];
    for (let s = 0; s < S; s++) if (plan.stopTeam[s] === ty.team) places.push(s);
    const sub = subsetProvider(p.travel, places);
    const n = places.length;
    const m = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * n + j] = sub.minutes(i, j);
    const tour = timed(() => solveTsp(m, n, { seed: 1, kicks: 20 * n }));
    const lb = timed(() => oneTreeBound(m, n, { upperBound: tour.value.length }));
    log(`  single tour, ${ty.id} (base + ${n - 1} stops): ${tour.value.length.toFixed(1)} min, 1-tree bound ${lb.value.bound.toFixed(1)}, gap ${pct(tour.value.length / lb.value.bound - 1)} (tour ${ms(tour.wallMs)}, bound ${ms(lb.wallMs)})`);
  }

  // 3. standard instances
  if (!existsSync(DATA)) {
    log(`  standard instances: ${DATA} absent, skipped`);
    return;
  }
  for (const [name, vehicles, distance] of SOLOMON) {
    const file = join(DATA, `${name}.txt`);
    if (!existsSync(file)) {
      log(`  ${name}: absent, skipped`);
      continue;
    }
    const inst = parseSolomon(readFileSync(file, 'utf8'), name);
    const r = timed(() => solveVrp(inst.problem, { objective: 'vehicles-then-distance', seed: 1 }));
    const check = checkVrpSolution(inst.problem, r.value.routes);
    log(`  Solomon ${name}: ${check.vehicles} vehicles, distance ${check.cost.toFixed(2)}; best-known ${vehicles} / ${distance} → ${check.vehicles === vehicles ? 'same fleet' : `${check.vehicles - vehicles > 0 ? '+' : ''}${check.vehicles - vehicles} vehicle(s)`}, distance gap ${pct(check.cost / distance - 1)}; ${check.feasible ? 'feasible' : 'INFEASIBLE'} (${ms(r.wallMs)} wall, ${ms(r.cpuMs)} cpu)`);
  }
  for (const [name, optimum] of TSPLIB) {
    const file = join(DATA, `${name}.tsp`);
    if (!existsSync(file)) {
      log(`  ${name}: absent, skipped`);
      continue;
    }
    const inst = parseTsplib(readFileSync(file, 'utf8'), name);
    const n = inst.x.length;
    const r = timed(() => solveTsp(inst.distance, n, { seed: 1, kicks: 20 * n }));
    const lb = oneTreeBound(inst.distance, n, { upperBound: r.value.length });
    log(`  TSPLIB ${name}: ${r.value.length} vs optimum ${optimum}, gap ${pct(r.value.length / optimum - 1)}; 1-tree bound ${lb.bound.toFixed(1)} (${pct(optimum / lb.bound - 1)} below the optimum) (${ms(r.wallMs)})`);
  }
}

/** Callable on its own (`await bench()`), and a bench entry for bench/run.ts. */
export const bench = Object.assign(
  Object.defineProperty(
    async function bench(size: BenchSize = 'large'): Promise<void> {
      await run({ size, log: (line) => console.log(line), memory: createMemoryTracker() });
    },
    'name',
    { value: 'routing' }, // what `npm run bench -- --only routing` matches
  ),
  {
    description: 'annual plan (2,000 stops, 10 teams), single-team tour gap to the 1-tree bound, Solomon and TSPLIB against best-known',
    run,
  },
);

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const size = (process.argv[2] === 'small' ? 'small' : 'large') as BenchSize;
  console.log(machineHeader());
  console.log(`\n── routing (bench/routing.bench.ts), size ${size}`);
  bench(size).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
