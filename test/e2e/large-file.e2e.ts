import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { writeLargeGeoJson } from '../io/helpers/large-geojson';
import { featureCount, launchBrowser, openApp, screenshot, serveDist, waitForMap, type OpenedPage } from './harness';

/**
 * A ~50 MB GeoJSON chosen through the file input: the worker streams it from the File (nothing is
 * read on the main thread), a progress bar advances by bytes read, the page answers within 500 ms
 * throughout, and the summary then counts every feature.
 */
const TARGET_BYTES = 50 * 2 ** 20;
const FILE_NAME = 'large-settlements.geojson';

interface Sample {
  /** ms since the load began (Node's clock) */
  at: number;
  /** how long a page.evaluate round trip took: the main thread's answer time */
  roundTripMs: number;
  progress: { value: number; max: number; phase: string } | null;
}

describe('a large GeoJSON file', () => {
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  let app: OpenedPage;
  let dir: string;
  let file: { path: string; bytes: number; features: number };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'thusong-large-'));
    const path = join(dir, FILE_NAME);
    file = { path, ...(await writeLargeGeoJson(path, TARGET_BYTES, { kind: 'settlements', seed: 7, notes: 280 })) };
    server = await serveDist();
    browser = await launchBrowser();
    app = await openApp(browser, server.url);
    await waitForMap(app.page, 60_000);
    await app.page.waitForFunction(() => document.querySelector('[data-layer="roads"]')?.getAttribute('data-features') !== '0', null, { timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('streams in a worker with a progress bar, keeps the page responsive, and counts every feature', async () => {
    const { page } = app;
    console.log(`generated ${FILE_NAME}: ${(file.bytes / 2 ** 20).toFixed(1)} MB, ${file.features.toLocaleString('en-US')} features`);
    const before = await featureCount(page, 'settlements');
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: { start: number; duration: number }[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: false });
    });
    // the app saves the sample province in IndexedDB after it loads (long tasks of its own): start once the
    // page has answered quickly, with no new long task, for three seconds in a row
    for (let quiet = 0, seen = -1, t = Date.now(); quiet < 12 && Date.now() - t < 60_000; ) {
      const r0 = Date.now();
      const n = await page.evaluate(() => (window as unknown as { longTasks: unknown[] }).longTasks.length);
      quiet = Date.now() - r0 < 100 && n === seen ? quiet + 1 : 0;
      seen = n;
      await page.waitForTimeout(250);
    }
    const pageStart = await page.evaluate(() => performance.now());

    const t0 = Date.now();
    await page.setInputFiles('[data-testid="file-input"]', file.path);
    const samples: Sample[] = [];
    let loadedAt = 0;
    let lastJobAt = 0;
    while (Date.now() - t0 < 110_000) {
      const r0 = Date.now();
      const state = await page.evaluate((name) => {
        const job = [...document.querySelectorAll('[data-testid="load-job"]')].find((j) => j.querySelector('.file-name')?.textContent === name);
        const bar = job?.querySelector('progress');
        return {
          progress: bar ? { value: bar.value, max: bar.max, phase: job!.querySelector('.meta')?.textContent ?? '' } : null,
          loaded: !!document.querySelector(`[data-file="${name}"]`),
          now: performance.now(),
        };
      }, FILE_NAME);
      samples.push({ at: r0 - t0, roundTripMs: Date.now() - r0, progress: state.progress });
      if (state.progress) lastJobAt = state.now;
      if (state.loaded && !state.progress) {
        loadedAt = Date.now() - t0;
        break;
      }
      await page.waitForTimeout(100);
    }
    expect(loadedAt, 'the file never appeared in the summary').toBeGreaterThan(0);

    const withBar = samples.filter((s) => s.progress);
    const reading = withBar.filter((s) => s.progress!.phase === 'reading' && s.progress!.max === file.bytes);
    const values = reading.map((s) => s.progress!.value);
    const whileLoading = samples.filter((s) => s.at <= samples.findLast((x) => x.progress)!.at);
    const worstRoundTrip = Math.max(...whileLoading.map((s) => s.roundTripMs));
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks);
    const duringLoad = longTasks.filter((t) => t.start >= pageStart && t.start <= lastJobAt);
    const afterLoad = longTasks.filter((t) => t.start > lastJobAt);
    const longest = (ts: { duration: number }[]) => Math.max(0, ...ts.map((t) => t.duration));
    console.log(
      `loaded in ${(loadedAt / 1000).toFixed(1)} s; ${withBar.length} samples with the progress bar (${reading.length} reading by bytes: ` +
        `${values.slice(0, 3).map((v) => (v / 2 ** 20).toFixed(1)).join(', ')} … ${(values.at(-1)! / 2 ** 20).toFixed(1)} MB of ${(file.bytes / 2 ** 20).toFixed(1)}); ` +
        `page round trips while loading: worst ${worstRoundTrip} ms, median ${whileLoading.map((s) => s.roundTripMs).sort((a, b) => a - b)[whileLoading.length >> 1]} ms; ` +
        `long tasks while loading: ${duringLoad.length} (longest ${longest(duringLoad).toFixed(0)} ms); after the file was handed to the app (render, map, autosave): ${afterLoad.length} (longest ${longest(afterLoad).toFixed(0)} ms)`,
    );

    console.log('long tasks (ms after the file was chosen + duration):', longTasks.map((t) => `${(t.start - pageStart).toFixed(0)}+${t.duration.toFixed(0)}`).join(' '), 'last bar at', (lastJobAt - pageStart).toFixed(0));
    // a progress bar appeared and advanced by bytes read
    expect(reading.length).toBeGreaterThanOrEqual(3);
    expect(new Set(values).size).toBeGreaterThanOrEqual(3);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    // the page stayed responsive while the worker read the file
    expect(worstRoundTrip).toBeLessThan(500);
    expect(longest(duringLoad)).toBeLessThan(500);

    // every feature is in the summary
    expect(await featureCount(page, 'settlements')).toBe(before + file.features);
    const row = await page.innerText(`[data-file="${FILE_NAME}"]`);
    expect(row.replace(/[\s,\u00a0\u202f]/g, '')).toContain(`${file.features}features`);
    await waitForMap(page, 60_000);
    await screenshot(page, '10-large-file-loaded');
  });

  it('is kept in the saved scenario: after a reload every feature is back (stored in parts, read back part by part)', async () => {
    const { page } = app;
    const expected = await featureCount(page, 'settlements');
    await page.click('#tab-scenarios');
    await page.waitForFunction(() => /^Saved/.test(document.querySelector('[data-testid=save-status]')?.textContent ?? ''), null, { timeout: 120_000 });
    // the browser's storage took it: no file is listed as left out of the scenario
    expect(await page.$('[data-testid=not-stored]')).toBeNull();
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-testid=status]')?.textContent?.includes('7 files'), null, { timeout: 120_000 });
    await page.click('#tab-data'); // the scenario reopened on the tab it was saved on
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-layer="settlements"]')?.getAttribute('data-features') ?? 0) === n,
      expected,
      { timeout: 120_000 },
    );
    const row = await page.innerText(`[data-file="${FILE_NAME}"]`);
    expect(row.replace(/[\s,\u00a0\u202f]/g, '')).toContain(`${file.features}features`);
  });

  it('left no error on the page', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.pageErrors.filter((e) => !/WebGL|GPU|swiftshader/i.test(e))).toEqual([]);
  });
});
