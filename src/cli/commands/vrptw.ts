/**
 * `analyse vrptw FILE [--routes OUT.json]`: solves one Solomon-format VRPTW instance with the route
 * engine (fewest vehicles, then least distance — the ranking of the published best-known
 * results), checks its own solution (every customer once, windows, capacity, fleet) and prints one
 * JSON object: { instance, vehicles, distance, seconds, feasible }. Distance is the sum of
 * unrounded Euclidean arc lengths. With --routes, writes the routes as a JSON array of routes, each
 * an array of customer numbers in visiting order (the depot, 0, implicit at both ends).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from '../../model/errors';
import { parseSolomon } from '../../engine/routing/solomon';
import { solveVrp } from '../../engine/routing/solve-vrp';
import { checkVrpSolution } from '../../engine/routing/vrp-problem';
import { parseOptions, type Command, type OptionValue } from '../args';
import { LayerReadError, resolveUserPath } from '../read-layer';

export const vrptwCommand: Command = {
  summary: 'Solve one Solomon-format VRPTW instance (FILE, or --file), check the solution and print {vehicles, distance, seconds} as JSON.',
  options: {
    file: { type: 'string', placeholder: 'FILE', description: 'the instance (may also be given as the first argument)', required: true },
    routes: { type: 'string', placeholder: 'OUT.json', description: 'write the routes as a JSON array of arrays of customer numbers' },
    objective: { type: 'string', choices: ['vehicles-then-distance', 'distance'], placeholder: 'vehicles-then-distance|distance', description: 'ranking of solutions (default vehicles-then-distance)' },
    iterations: { type: 'number', placeholder: 'N', description: 'ruin-and-recreate iterations (default 4000 + 60 × customers)' },
    'time-limit': { type: 'number', placeholder: 'SECONDS', description: 'stop improving after this long' },
    seed: { type: 'number', placeholder: 'N', description: 'random seed (default 1)' },
  },
  run: solveInstance,
};

/** Entry with raw arguments: `vrptw FILE [--routes OUT.json] …`. */
export async function runVrptw(argv: string[]): Promise<number> {
  const args = argv.length && !argv[0].startsWith('--') ? ['--file', ...argv] : argv;
  return solveInstance(parseOptions(args, vrptwCommand.options));
}

function solveInstance(v: Record<string, OptionValue>): number {
  const file = String(v.file);
  let text: string;
  try {
    text = readFileSync(resolveUserPath(file), 'utf8');
  } catch (e) {
    throw new LayerReadError(`Cannot read the instance file “${file}”: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
  let instance;
  try {
    instance = parseSolomon(text, basename(file));
  } catch (e) {
    if (e instanceof InputError) throw new LayerReadError(`${e.message} ${e.fix}`);
    throw e;
  }
  const result = solveVrp(instance.problem, {
    objective: (v.objective as 'vehicles-then-distance' | 'distance' | undefined) ?? 'vehicles-then-distance',
    seed: (v.seed as number | undefined) ?? 1,
    ...(v.iterations !== undefined ? { iterations: v.iterations as number } : {}),
    ...(v['time-limit'] !== undefined ? { timeLimitMs: (v['time-limit'] as number) * 1000 } : {}),
  });
  const check = checkVrpSolution(instance.problem, result.routes);
  const routes = result.routes.map((r) => r.map((node) => instance.ids[node]));
  if (v.routes) writeFileSync(resolveUserPath(String(v.routes)), JSON.stringify(routes) + '\n');
  const out: Record<string, unknown> = {
    instance: instance.name,
    vehicles: check.vehicles,
    distance: check.cost,
    seconds: Math.round(result.seconds * 1000) / 1000,
    feasible: check.feasible,
  };
  if (!check.feasible) out.problems = check.problems;
  if (result.unassigned.length) out.unassigned = result.unassigned.map((node) => instance.ids[node]);
  process.stdout.write(JSON.stringify(out) + '\n');
  return check.feasible ? 0 : 1;
}
