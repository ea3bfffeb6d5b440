/**
 * Streaming GeoJSON loader benchmark: `npm run bench -- --only io [--size small|large]`, or alone
 * with `npx tsx bench/io.bench.ts [--size small|large]`.
 *
 * Measures the loader the app runs in its io worker for GeoJSON over 20 MB: `loadSource` of
 * src/io/load-file.ts (the call in workers/io.worker.ts) on a file-backed Blob (`fs.openAsBlob`,
 * Node's counterpart of a browser File), so the bytes arrive through `Blob.stream()` as in the
 * worker and go through the byte scanner of src/io/geojson-stream.ts and the rest of the pipeline
 * (checks, CRS, layer, fields, validation, normalisation). Only the worker's hand-over to the page
 * (featureBatches + postMessage) is left out.
 *
 * Files: seeded FeatureCollections written to os.tmpdir() by the project's big-file generator
 * (test/io/helpers/large-geojson.ts, which the 50 MB e2e test uses too) and deleted afterwards —
 * road lines of 20 positions each (the coordinate-heavy case; a road extract is the usual big file)
 * and settlement points with a 280-character "notes" property (the e2e test's file). Small: just
 * over the 20 MiB streaming threshold; large: ≈ 200 MB of each.
 *
 * Each load runs in a fresh child process started with --expose-gc, as the app loads each file in a
 * fresh worker: peak memory is then that load's alone (no pages left over from generating the file
 * or from the previous load), and the baseline is taken after a full GC. bench/run.ts itself passes
 * no --expose-gc, which is why the child exists.
 *
 * Target from the issue: memory stays within 3× the file size, judged on the peak resident set
 * above the baseline; the heap's peak (garbage not yet collected included) is shown beside it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Feature } from 'geojson';
import { DEFAULT_STREAM_THRESHOLD_BYTES } from '../src/io/detect-format';
import { forEachPosition } from '../src/io/geometry-positions';
import { loadSource, type LoadResult } from '../src/io/load-file';
import { featureTexts, largeGeoJsonStream, writeLargeGeoJson, type LargeOptions } from '../test/io/helpers/large-geojson';
import { createMemoryTracker, machineHeader, mb, ms, type BenchContext, type BenchEntry, type BenchSize } from './harness';

const TARGET_RATIO = 3;

interface FileSpec {
  label: string;
  fileName: string;
  options: LargeOptions;
}

const FILES: FileSpec[] = [
  { label: 'road lines', fileName: 'bench-roads.geojson', options: { kind: 'roads', seed: 11 } },
  { label: 'settlement points', fileName: 'bench-settlements.geojson', options: { kind: 'settlements', seed: 7, notes: 280 } },
];

/** bytes aimed at per file; the generator stops at the first batch of 1,000 features past it */
const TARGET_BYTES: Record<BenchSize, number> = {
  // the threshold itself: the file lands just above it, so it is streamed as in the app
  small: DEFAULT_STREAM_THRESHOLD_BYTES,
  large: 200 * 2 ** 20,
};

const MiB = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const int = (n: number) => n.toLocaleString('en-US');
const ratio = (peak: number, file: number) => `${(peak / file).toFixed(2)}×`;
const verdict = (peak: number, file: number) => (peak <= TARGET_RATIO * file ? 'MET' : 'MISSED');

/** The bench: generates each file here, loads it in a fresh child process, deletes it. */
async function run(ctx: BenchContext): Promise<void> {
  const { log, size } = ctx;
  log(`  loader: loadSource() of src/io/load-file.ts on a file-backed Blob (fs.openAsBlob), as workers/io.worker.ts calls it; streaming threshold ${MiB(DEFAULT_STREAM_THRESHOLD_BYTES)}`);
  log(
    `  gc: bench/run.ts passes no --expose-gc${typeof (globalThis as { gc?: unknown }).gc === 'function' ? ' (this process has it anyway)' : ''}; ` +
      'each load therefore runs in a fresh child process started with --expose-gc, baseline after a full GC',
  );
  const pointerCompression = (process.config.variables as Record<string, unknown>).v8_enable_pointer_compression;
  log(
    `  V8 pointer compression: ${pointerCompression ? 'on' : 'off'} in this Node` +
      (pointerCompression ? '' : " (Chrome's V8 has it on: there pointers and object headers take 4 bytes, not 8, so the app's worker holds the same features in less memory than measured here)"),
  );
  const dir = mkdtempSync(join(os.tmpdir(), 'thusong-io-bench-'));
  try {
    for (const [index, spec] of FILES.entries()) {
      const path = join(dir, spec.fileName);
      const g0 = performance.now();
      const file = await writeLargeGeoJson(path, TARGET_BYTES[size], spec.options);
      log(`  ${spec.label}: ${spec.fileName}, file size ${MiB(file.bytes)} (${int(file.bytes)} bytes), ${int(file.features)} features (generated in ${ms(performance.now() - g0)})`);
      const child = spawnSync(
        process.execPath,
        [...process.execArgv, '--expose-gc', fileURLToPath(import.meta.url), '--measure', path, '--spec', String(index), '--bytes', String(file.bytes), '--features', String(file.features)],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 },
      );
      for (const line of child.stdout.split('\n')) if (line) log(line);
      rmSync(path, { force: true });
      if (child.status !== 0) throw new Error(`loading ${spec.fileName} failed in the child process (exit ${child.status ?? child.signal})`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** In the child: one load of one file, measured. */
async function measure(path: string, spec: FileSpec, file: { bytes: number; features: number }, log: (line: string) => void): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  // twice, and after a turn of the event loop: objects the current job still holds (streams'
  // internals, WeakRef targets) are freed only then
  const fullGc = async () => {
    await new Promise((ok) => setTimeout(ok, 0));
    gc?.();
    gc?.();
  };
  if (!gc) log('    WARNING: no global.gc in the measuring process: the baseline includes garbage and retained figures are not measured');

  // warm-up: the same code on 3,000 features from memory, so the hot loops are compiled
  let warm: LoadResult | undefined = await loadSource(largeGeoJsonStream(3000, spec.options), { fileName: `warm-${spec.fileName}`, streamThresholdBytes: 0 });
  if (!warm.ok) throw new Error(`warm-up load failed: ${warm.errors.map((e) => e.message).join('; ')}`);
  warm = undefined;

  const memory = createMemoryTracker();
  await fullGc();
  const base = process.memoryUsage();
  memory.reset();
  let callbacks = 0;
  let readingCalls = 0;
  let streamed = false;
  const phaseStart = new Map<string, number>();
  const sampler = setInterval(() => memory.sample(), 10);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let result: LoadResult | undefined;
  try {
    const blob = await openAsBlob(path);
    result = await loadSource(blob, { fileName: spec.fileName }, (p) => {
      callbacks++;
      memory.sample();
      if (!phaseStart.has(p.phase)) phaseStart.set(p.phase, performance.now() - t0);
      if (p.phase === 'reading') {
        readingCalls++;
        // the streamed path reports bytes read; a file read whole reports only 0/1 and 1/1
        if (p.total === file.bytes && p.done > 0 && p.done < p.total) streamed = true;
      }
    });
  } finally {
    clearInterval(sampler);
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  memory.sample();
  if (!result.ok) throw new Error(`${spec.fileName} did not load: ${result.errors.slice(0, 3).map((e) => e.message).join('; ')}`);

  let features: Feature[] | undefined = result.file.collection.features;
  const featureCount = features.length;
  let positions = 0;
  for (const f of features) if (f.geometry) forEachPosition(f.geometry, () => positions++);
  const peakRss = memory.peakRss - base.rss;
  const peakHeap = memory.peakHeapUsed - base.heapUsed;
  const phases = [...phaseStart.entries()].sort((a, b) => a[1] - b[1]);

  log(`    features loaded        ${int(featureCount)} of ${int(file.features)} (${int(positions)} positions), layer ${result.file.kind}, ${int(result.file.warnings.length)} warnings`);
  log(`    streamed               ${streamed ? 'yes (progress by bytes read)' : 'NO: the file was read whole'}`);
  log(`    time                   ${ms(wallMs)} wall, ${ms(cpuMs)} cpu (all threads of the process, GC included)`);
  log(`    throughput             ${(file.bytes / 2 ** 20 / (wallMs / 1000)).toFixed(1)} MB/s wall, ${(file.bytes / 2 ** 20 / (cpuMs / 1000)).toFixed(1)} MB/s cpu`);
  log(`    phases                 ${phases.map(([phase, at], i) => `${phase} ${ms((phases[i + 1]?.[1] ?? wallMs) - at)}`).join(', ')}  (from each phase's first progress report; reports are throttled to one per 150 ms)`);
  log(`    progress callbacks     ${callbacks} (${readingCalls} while reading)`);
  log(`    baseline               rss ${mb(base.rss)}, heap used ${mb(base.heapUsed)}`);
  log(`    peak above baseline    rss ${MiB(peakRss)}, heap used ${MiB(peakHeap)}`);
  log(`    peak / file size       rss ${ratio(peakRss, file.bytes)} ${verdict(peakRss, file.bytes)}, heap ${ratio(peakHeap, file.bytes)} ${verdict(peakHeap, file.bytes)}   target ≤ ${TARGET_RATIO}× the file size (judged on rss)`);
  if (!gc) return;

  // where the memory goes: what the loaded file keeps after a full GC, taken apart piece by piece
  const heapNow = async () => {
    await fullGc();
    return process.memoryUsage().heapUsed;
  };
  const retained = await heapNow();
  const rssRetained = process.memoryUsage().rss;
  const warnings = result.file.warnings.length;
  result.file.warnings = [];
  const afterWarnings = await heapNow();
  for (const f of features) (f as { properties: Feature['properties'] }).properties = null;
  const afterProps = await heapNow();
  for (const f of features) (f as { geometry: Feature['geometry'] | null }).geometry = null;
  const afterGeometry = await heapNow();
  features = undefined;
  result = undefined;
  const afterAll = await heapNow();
  const geometryBytes = afterProps - afterGeometry;
  const propsBytes = afterWarnings - afterProps;
  const shellBytes = afterGeometry - afterAll;
  const textPerPosition = (file.bytes * geometryShare(spec.options)) / positions;
  log(`    retained after GC      heap ${MiB(retained - base.heapUsed)} (${ratio(retained - base.heapUsed, file.bytes)} the file), rss ${MiB(rssRetained - base.rss)}; of the heap:`);
  log(`      geometries           ${MiB(geometryBytes)} = ${(geometryBytes / positions).toFixed(1)} bytes per position (the file's geometry text is ${textPerPosition.toFixed(1)} bytes per position: ${ratio(geometryBytes / positions, textPerPosition)})`);
  log(`      properties           ${MiB(propsBytes)} = ${(propsBytes / featureCount).toFixed(0)} bytes per feature`);
  log(`      warnings             ${MiB(retained - afterWarnings)} (${int(warnings)})`);
  log(`      feature objects      ${MiB(shellBytes)} = ${(shellBytes / featureCount).toFixed(0)} bytes per feature (Feature object, its slot in the array, the rest of the result)`);
}

/** Share of a generated file's bytes that is geometry text, from the generator's first 2,000 features. */
function geometryShare(options: LargeOptions): number {
  const texts = featureTexts(options);
  let total = 0;
  let geometry = 0;
  for (let i = 0; i < 2000; i++) {
    const t = texts.next().value as string;
    total += Buffer.byteLength(t) + 2; // ",\n" between features
    geometry += t.indexOf(',"properties"') - t.indexOf('"geometry":');
  }
  return geometry / total;
}

export const bench: BenchEntry = {
  name: 'io',
  description: 'streaming GeoJSON loader (loadSource on a file-backed Blob): time, throughput, peak memory against 3× the file size',
  run,
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const done = (p: Promise<void>) =>
    p.catch((e) => {
      console.error(e);
      process.exit(1);
    });
  const path = value('--measure');
  if (path) {
    // the child process of run()
    done(measure(path, FILES[Number(value('--spec'))], { bytes: Number(value('--bytes')), features: Number(value('--features')) }, (l) => console.log(l)));
  } else {
    const size = (value('--size') ?? 'large') as BenchSize;
    if (size !== 'small' && size !== 'large') {
      console.error('usage: npx tsx bench/io.bench.ts [--size small|large]');
      process.exit(2);
    }
    console.log(machineHeader());
    console.log(`\n── io, size ${size}: ${bench.description}`);
    done(run({ size, log: (l) => console.log(l), memory: createMemoryTracker() }));
  }
}
