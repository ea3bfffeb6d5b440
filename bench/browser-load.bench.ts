/**
 * A big file loaded into the built app in headless Chromium, as a user would (the file input):
 * `npm run bench -- --only browser-load [--size small|large]`, or `npx tsx bench/browser-load.bench.ts [small|large]`.
 *
 * Small: ≈ 50 MB, large: ≈ 200 MB of road lines (the coordinate-heavy case; 20 positions per road),
 * made by the project's big-file generator and deleted afterwards. Reported:
 * - how long until the file is loaded, and the longest main-thread task from choosing it until the
 *   page is quiet again (loading, autosave, map), with the scripts that made the longest ones;
 * - how long the page takes to answer once it is loaded;
 * - memory: the peak resident set above the pre-load baseline of each Chromium process, read from
 *   the kernel (/proc/<pid>/status VmHWM, reset with clear_refs before the load). "renderer" is the
 *   page and every worker it runs (the io worker, MapLibre's workers, the analysis workers); "browser"
 *   holds Blob and IndexedDB data. Compare with bench/io.bench.ts, which measures the loader alone.
 * - whether the browser's storage took the file (saved scenarios keep it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { BenchEntry, BenchSize } from './harness';
import { longestTasks, openSample, scriptsSince } from './browser.bench';
import { writeLargeGeoJson } from '../test/io/helpers/large-geojson';
import { ROOT, launchBrowser, serveDist } from '../test/e2e/harness';

const TARGET: Record<BenchSize, number> = { small: 50 * 2 ** 20, large: 200 * 2 ** 20 };
const MiB = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;

interface Proc {
  pid: number;
  type: string;
}

/** Chromium's processes under this Node process (Playwright starts the browser as its child). */
function chromiumProcesses(): Proc[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone
    }
  }
  const mine = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 12; p = parent.get(p) ?? 0, hops++) if (p === process.pid) return true;
    return false;
  };
  const out: Proc[] = [];
  for (const pid of parent.keys()) {
    if (pid === process.pid || !mine(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
      if (!cmd.some((a) => /chromium|chrome/.test(a))) continue;
      const type = cmd.find((a) => a.startsWith('--type='))?.slice(7) ?? 'browser';
      const sub = cmd.find((a) => a.startsWith('--utility-sub-type='))?.slice(19).split('.').pop();
      out.push({ pid, type: sub ? `${type} (${sub})` : type });
    } catch {
      // gone
    }
  }
  return out;
}

function statusBytes(pid: number, key: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${key}:\\s+(\\d+)`));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function quietFor(page: Page, ms: number, limitMs: number): Promise<void> {
  const t0 = Date.now();
  let seen = -1;
  let since = Date.now();
  while (Date.now() - t0 < limitMs) {
    const n = await page.evaluate(() => (window as unknown as { __longTasks: unknown[] }).__longTasks.length);
    if (n !== seen) {
      seen = n;
      since = Date.now();
    } else if (Date.now() - since >= ms) return;
    await page.waitForTimeout(250);
  }
}

export const bench: BenchEntry = {
  name: 'browser-load',
  description: 'a big road file chosen in the built app in headless Chromium: load time, longest main-thread task, peak memory per process',
  async run({ log, size }) {
    if (os.platform() !== 'linux') return log('  (needs Linux: memory is read from /proc)');
    const build = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`vite build failed:\n${build.stderr}`);
    const dir = mkdtempSync(join(os.tmpdir(), 'thusong-browser-load-'));
    const path = join(dir, 'big-roads.geojson');
    const file = await writeLargeGeoJson(path, TARGET[size], { kind: 'roads', seed: 11 });
    log(`  file: ${MiB(file.bytes)} of road lines, ${file.features.toLocaleString('en-US')} features × 20 positions`);
    const server = await serveDist();
    const browser = await launchBrowser();
    try {
      const { context, page } = await openSample(browser, server.url);
      await quietFor(page, 3000, 60_000);

      const procs = chromiumProcesses();
      const base = new Map(procs.map((p) => [p.pid, statusBytes(p.pid, 'VmRSS')]));
      let peakReset = true;
      for (const p of procs) {
        try {
          writeFileSync(`/proc/${p.pid}/clear_refs`, '5'); // resets VmHWM to the current resident set
        } catch {
          peakReset = false;
        }
      }
      let sampledPeak = 0;
      const sampler = setInterval(() => {
        let sum = 0;
        for (const p of procs) sum += Math.max(0, statusBytes(p.pid, 'VmRSS') - (base.get(p.pid) ?? 0));
        sampledPeak = Math.max(sampledPeak, sum);
      }, 100);

      const since = await page.evaluate(() => performance.now());
      const t0 = Date.now();
      await page.setInputFiles('[data-testid="file-input"]', path);
      await page.waitForFunction(() => document.querySelector('[data-testid=status]')?.textContent?.includes('7 files'), null, { timeout: 900_000, polling: 250 });
      const loadedMs = Date.now() - t0;
      const r0 = Date.now();
      await page.evaluate(() => document.querySelector('[data-testid=status]')?.textContent);
      const answerMs = Date.now() - r0;
      await page.waitForSelector('[data-testid="map"][data-map-ready="true"]', { timeout: 300_000 });
      await quietFor(page, 5000, 180_000);
      const settledMs = Date.now() - t0;
      clearInterval(sampler);

      log(`  loaded (in the summary) ${(loadedMs / 1000).toFixed(1)} s after the file was chosen; the page then answered in ${answerMs} ms; quiet again (map drawn, saved) after ${(settledMs / 1000).toFixed(1)} s`);
      const report = await page.evaluate((from) => {
        const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __scripts: { start: number; duration: number; invoker: string; fn: string }[] };
        const tasks = w.__longTasks.filter((t) => t.start >= from);
        // (no named function in here: tsx would wrap it in a helper the page does not have)
        const scripts = w.__scripts
          .filter((s) => s.start >= from && s.invoker !== 'rendering' && !/FrameRequestCallback|requestAnimationFrame/.test(s.invoker))
          .sort((a, b) => b.duration - a.duration)
          .slice(0, 3);
        return { over200: tasks.filter((t) => t.duration > 200).length, scripts };
      }, since);
      const { max, count } = await longestTasks(page, since);
      log(`  longest main-thread task ${max.toFixed(0)} ms; ${count} over 50 ms, ${report.over200} over 200 ms   target ≤ 200 ms ${max <= 200 ? 'MET' : 'MISSED'}`);
      const split = await scriptsSince(page, since);
      log(`    longest MapLibre frame script ${split.drawing.toFixed(0)} ms, longest browser rendering step ${split.rendering.toFixed(0)} ms (software WebGL here)`);
      log(`    the app's own longest scripts (not drawing):`);
      for (const s of report.scripts) log(`      ${s.duration.toFixed(0)} ms: ${s.invoker}${s.fn ? ` → ${s.fn}` : ''}   ${s.duration <= 200 ? 'MET' : 'MISSED'}`);
      log(`    (a long task longer than any script in it is the garbage collector, or the browser waiting on the GPU process)`);

      const notStored = await page.$('[data-testid=not-stored]');
      log(`  saved in the browser's storage: ${notStored ? `NO — ${(await notStored.textContent())?.slice(0, 200)}` : 'yes (no file left out of the scenario)'}`);

      log(`  peak resident memory above the pre-load baseline, per Chromium process (${peakReset ? 'VmHWM reset before the load' : 'VmHWM could not be reset: sampled only'}):`);
      const byType = new Map<string, number>();
      for (const p of procs) {
        const peak = peakReset ? statusBytes(p.pid, 'VmHWM') : statusBytes(p.pid, 'VmRSS');
        const above = Math.max(0, peak - (base.get(p.pid) ?? 0));
        byType.set(p.type, Math.max(byType.get(p.type) ?? 0, above));
      }
      for (const [type, above] of [...byType].sort((a, b) => b[1] - a[1]).filter(([, b]) => b > 1 * 2 ** 20)) {
        log(`    ${type.padEnd(28)} ${MiB(above).padStart(8)} = ${(above / file.bytes).toFixed(2)}× the file`);
      }
      log(`    all processes together (sampled every 100 ms): ${MiB(sampledPeak)} = ${(sampledPeak / file.bytes).toFixed(2)}× the file`);
      log(`    (the renderer holds the page's copy of the features, the io worker's while it parses, MapLibre's parsed copy and tile index, and a copy in each analysis worker that has run)`);
      await context.close();
    } finally {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

// runnable alone: npx tsx bench/browser-load.bench.ts [small|large]
if (import.meta.url === `file://${process.argv[1]}`) {
  const { createMemoryTracker, machineHeader } = await import('./harness');
  console.log(machineHeader());
  const size = process.argv[2] === 'large' ? 'large' : 'small';
  await bench.run({ size, log: (l) => console.log(l), memory: createMemoryTracker() });
}
