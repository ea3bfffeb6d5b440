/**
 * `npm run bench [-- --only NAME] [--size small|large]`: finds every `*.bench.ts` under src/engine
 * and bench/, and runs each entry once per size, each in a fresh Node process so peak memory
 * figures are not inflated by the previous run.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMemoryTracker, machineHeader, type BenchEntry, type BenchSize } from './harness';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function findBenchFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) findBenchFiles(path, out);
    else if (name.endsWith('.bench.ts')) out.push(path);
  }
  return out.sort();
}

function parse(argv: string[]): { only?: string; sizes: BenchSize[]; child: boolean; entry?: string } {
  let only: string | undefined;
  let sizes: BenchSize[] = ['small', 'large'];
  let child = false;
  let entry: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a.startsWith('--only')) only = value();
    else if (a.startsWith('--size')) {
      const v = value();
      if (v !== 'small' && v !== 'large') throw new Error(`--size must be small or large, not “${v}”`);
      sizes = [v];
    } else if (a === '--child') child = true;
    else if (a.startsWith('--entry')) entry = value();
    else throw new Error(`Unknown option ${a}. Use --only NAME and --size small|large.`);
  }
  return { only, sizes, child, entry };
}

function matches(only: string, name: string, path: string, names: Set<string>): boolean {
  const wanted = only.split(',').map((w) => w.trim()).filter(Boolean);
  return wanted.some((w) => (names.has(w) ? name === w : name.includes(w) || path.includes(w)));
}

async function loadEntries(only?: string): Promise<{ file: string; entry: BenchEntry }[]> {
  const files = [...findBenchFiles(join(root, 'src', 'engine')), ...findBenchFiles(join(root, 'bench'))];
  const all: { file: string; entry: BenchEntry }[] = [];
  for (const file of files) {
    // every exported BenchEntry counts (a file may hold several, e.g. one per instance)
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      const entry = value as BenchEntry;
      if (entry && typeof entry === 'object' && typeof entry.name === 'string' && typeof entry.run === 'function') all.push({ file, entry });
    }
  }
  // an exact name wins (`--only io` is not also `location`); otherwise a part of the name or path
  const names = new Set(all.map((e) => e.entry.name));
  return only ? all.filter((e) => matches(only, e.entry.name, relative(root, e.file), names)) : all;
}

async function main(): Promise<void> {
  const { only, sizes, child, entry: entryName } = parse(process.argv.slice(2));
  const entries = (await loadEntries(only)).filter((e) => !entryName || e.entry.name === entryName);
  if (entries.length === 0) {
    process.stderr.write(`No bench entry matches “${only}”.\n`);
    process.exit(2);
  }
  if (child) {
    // one size, in this fresh process
    const size = sizes[0];
    for (const { file, entry } of entries) {
      console.log(`\n── ${entry.name} (${relative(root, file)}), size ${size}: ${entry.description}`);
      const memory = createMemoryTracker();
      await entry.run({ size, log: (line) => console.log(line), memory });
    }
    return;
  }
  console.log(machineHeader());
  // each entry and size in its own process: peak memory is then that run's alone
  for (const { entry } of entries) {
    for (const size of sizes) {
      const args = [...process.execArgv, fileURLToPath(import.meta.url), '--child', '--size', size, '--entry', entry.name];
      const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
      if (r.status !== 0) process.exit(r.status ?? 1);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
