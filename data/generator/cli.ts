/**
 * npm run generate [-- --seed N --scale X --out DIR --settlements N --offices N --road-nodes N]
 * Writes the six GeoJSON layers and a README; with no options, rewrites the bundled sample.
 */
import { parseArgs } from 'node:util';
import { countRoadNodes, DEFAULT_SAMPLE_OPTIONS, generateProvince, type GenerateOptions } from './index';
import { writeProvince } from './write';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    scale: { type: 'string' },
    out: { type: 'string', default: 'data/sample' },
    settlements: { type: 'string' },
    offices: { type: 'string' },
    'road-nodes': { type: 'string' },
    thusong: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log('usage: npm run generate -- [--seed N] [--scale X] [--out DIR] [--settlements N] [--offices N] [--road-nodes N] [--thusong N]');
  process.exit(0);
}

function numberOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`--${name} must be a non-negative number, got "${text}"`);
    process.exit(2);
  }
  return n;
}

const options: GenerateOptions = {
  seed: numberOption('seed', values.seed) ?? DEFAULT_SAMPLE_OPTIONS.seed,
  scale: numberOption('scale', values.scale) ?? DEFAULT_SAMPLE_OPTIONS.scale,
  settlements: numberOption('settlements', values.settlements),
  offices: numberOption('offices', values.offices),
  roadNodes: numberOption('road-nodes', values['road-nodes']),
  thusong: numberOption('thusong', values.thusong),
};

const started = performance.now();
const province = generateProvince(options);
const generatedMs = performance.now() - started;
const files = writeProvince(province, values.out!);
const totalMs = performance.now() - started;

const o = province.meta.options;
console.log(`${province.meta.name} — seed ${o.seed}, scale ${o.scale} → ${values.out}`);
for (const f of files) {
  const features = f.features !== undefined ? `${String(f.features).padStart(8)} features` : ''.padStart(17);
  console.log(`  ${f.path.padEnd(40)} ${features} ${(f.bytes / 1e6).toFixed(2).padStart(8)} MB`);
}
console.log(`  distinct road nodes: ${countRoadNodes(province.roads)}`);
console.log(`  population:          ${province.meta.population}`);
console.log(`  generated in ${(generatedMs / 1000).toFixed(2)} s, written in ${((totalMs - generatedMs) / 1000).toFixed(2)} s; heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
