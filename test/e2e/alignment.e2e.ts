import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, waitForMap, seriousViolations, renderedFeatures, openSampleApp, downloadText } from './harness';

/** Waits until the map has drawn a change that made it count more features than `before`. */
async function waitForMoreFeatures(page: Page, before: number, timeout = 60_000): Promise<number> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    await waitForMap(page, Math.max(1000, end - Date.now()));
    const n = await renderedFeatures(page);
    if (n > before) return n;
    await page.waitForTimeout(1000);
  }
  throw new Error(`The map still draws ${before} features or fewer after ${timeout} ms.`);
}

describe('alignment in a real browser', () => {
  const opened = openSampleApp();
  /** the province-wide view the map fitted to, to come back to after zooming in */
  let provinceView = '';


  it('scores every department between 0 and 1 in the background', async () => {
    const { page } = opened.app;
    await page.click('#tab-alignment');
    await page.waitForSelector('[data-testid=alignment-panel][data-status=done] [data-testid=department-scores]', { timeout: 90_000 });
    const rows = await page.$$eval('[data-testid=department-scores] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rows.length).toBe(8);
    for (const [, byPeople, byArea] of rows) {
      for (const s of [byPeople, byArea]) {
        const n = Number(s);
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual(1);
      }
    }
    // ranked from the most split: the population scores ascend
    const scores = rows.map((r) => Number(r[1]));
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
    expect(await page.textContent('[data-testid=department-summary]')).toMatch(/regions serve \d+ municipalities/);
    await waitForMap(page);
    provinceView = await page.evaluate(() => location.hash);
    await screenshot(page, '20-alignment');
  });

  it('draws the regions × municipalities matrix and shows a cell’s numbers on hover', async () => {
    const { page } = opened.app;
    const cells = await page.$$('[data-testid=overlap-matrix] rect.matrix-cell[data-overlap]');
    expect(cells.length).toBeGreaterThan(5);
    await cells[0].hover();
    const tip = await page.textContent('[data-testid=matrix-tooltip]');
    expect(tip).toMatch(/\d[\d\u00a0]* people, [\d.]+ km²; [\d.]+% of the municipality's people, [\d.]+% of the region's/);
    // the keyboard reaches the same numbers
    await cells[0].focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.textContent('[data-testid=matrix-tooltip]')).not.toBe(tip);
    // the matrix, its table and the sliver list pass axe
    await page.click('text=The matrix as a table');
    await page.click('[data-testid=sliver-list] summary');
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('[data-testid=sliver-list] summary');
    // per-region and per-municipality tables, sortable
    expect(await page.$$eval('[data-testid=region-table] tbody tr', (r) => r.length)).toBeGreaterThanOrEqual(3);
    const officials = await page.$$eval('[data-testid=municipality-split-table] tbody tr td:last-child', (tds) => tds.map((td) => Number(td.textContent)));
    expect(officials.every((n) => n >= 8)).toBe(true); // every department serves every municipality at least once
  });

  it('cancels drawing the slivers and turns that view off (ticked again, they draw: next test)', async () => {
    const { page } = opened.app;
    await page.selectOption('[data-testid=alignment-department]', 'HEALTH');
    await page.waitForSelector('[data-testid=overlap-matrix] rect[data-sliver=true]');
    // the slivers' worker is made to hang (it never answers), so the job is still running when Cancel is pressed
    const script = '**/assets/alignment.worker-*.js';
    await page.route(script, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: 'self.onmessage = () => {};' }));
    try {
      await page.check('[data-testid=show-slivers]');
      await page.click('[data-testid=drawing-slivers] button:has-text("Cancel")');
      await page.waitForSelector('[data-testid=drawing-slivers]', { state: 'detached' });
      expect(await page.isChecked('[data-testid=show-slivers]')).toBe(false);
      expect(await page.$('[data-testid=alignment-panel] [role=alert]')).toBeNull();
    } finally {
      await page.unroute(script); // the tests after this one need the real worker
    }
  });

  it('shows a department’s slivers on the map on demand', async () => {
    const { page } = opened.app;
    // Health follows the districts but was digitised separately: its slivers are many
    await page.selectOption('[data-testid=alignment-department]', 'HEALTH');
    await page.waitForSelector('[data-testid=overlap-matrix] rect[data-sliver=true]');
    await page.waitForTimeout(500);
    await waitForMap(page);
    const before = await renderedFeatures(page);
    await page.check('[data-testid=show-slivers]');
    // waitForMoreFeatures throws unless the map comes to draw more features than before
    await waitForMoreFeatures(page, before, 90_000);
    const summary = await page.textContent('[data-testid=sliver-list] summary');
    const count = Number(summary?.match(/^(\d+) sliver/)?.[1]);
    expect(count).toBeGreaterThan(10);
    await screenshot(page, '21-alignment-slivers');
    // the list zooms the map onto one of them
    await page.click('[data-testid=sliver-list] summary');
    const view = await page.evaluate(() => location.hash);
    await page.click('[data-testid=sliver-list] tbody tr:last-child button');
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 10_000 }).not.toBe(view);
    await waitForMap(page);
    await screenshot(page, '21b-alignment-sliver-zoomed');
  });

  it('shows the aligned proposal and exports the aligned regions as GeoJSON', async () => {
    const { page } = opened.app;
    await page.uncheck('[data-testid=show-slivers]');
    await page.evaluate((hash) => (location.hash = hash), provinceView);
    await page.selectOption('[data-testid=alignment-department]', 'SASSA');
    await page.waitForTimeout(500);
    await waitForMap(page);
    const before = await renderedFeatures(page);
    await page.check('[data-testid=show-proposal]');
    await waitForMoreFeatures(page, before);
    expect(await page.$$eval('[data-testid=proposal-moves] tbody tr', (r) => r.length)).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid=office-moves]')).toMatch(/office/);
    await screenshot(page, '22-alignment-proposal');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=SASSA (social grants): aligned regions (GeoJSON)')]);
    expect(download.suggestedFilename()).toBe('aligned_regions-SASSA.geojson');
    const fc = JSON.parse(await downloadText(download));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThan(0);
    expect(fc.features.every((f: { properties: { department: string } }) => f.properties.department === 'SASSA')).toBe(true);
  });

  it('exports the overlap matrix and the indices as CSV in the command line format', async () => {
    const { page } = opened.app;
    const [overlap] = await Promise.all([page.waitForEvent('download'), page.click('text=Overlap matrix (CSV)')]);
    const lines = (await downloadText(overlap)).trim().split('\n');
    expect(lines[0]).toBe('department,region,municipality_code,area_km2,population,sliver,mean_width_m,share_of_smaller');
    expect(lines.length).toBeGreaterThan(100);
    const [indices] = await Promise.all([page.waitForEvent('download'), page.click('text=Indices (CSV)')]);
    const rows = (await downloadText(indices)).trim().split('\n');
    expect(rows[0]).toBe('scope,department,region,municipality_code,indicator,value,value_with_slivers');
    expect(rows.some((r) => r.startsWith('department,SASSA,,,alignment_score_population,0.'))).toBe(true);
  });

  it('computes the travel-time effect of region-following catchments when asked', async () => {
    const { page } = opened.app;
    await page.uncheck('[data-testid=show-proposal]');
    await page.waitForTimeout(500);
    await waitForMap(page);
    const before = await renderedFeatures(page);
    // it builds the road graph in a worker: the page stays responsive and the job can be cancelled
    const cancel = '[data-testid=travel-effect] button:has-text("Cancel")';
    await page.click('[data-testid=run-travel-effect]');
    await page.waitForSelector(`${cancel}, [data-testid=travel-effect-table]`);
    const t = Date.now();
    await page.evaluate(() => 1 + 1);
    expect(Date.now() - t).toBeLessThan(1000);
    // (on a fast machine the job may finish before the click)
    const cancelled = await page.click(cancel, { timeout: 1000 }).then(() => true, () => false);
    if (cancelled) {
      await page.waitForSelector('[data-testid=run-travel-effect]');
      await page.click('[data-testid=run-travel-effect]');
    }
    await page.waitForSelector('[data-testid=travel-effect-table]', { timeout: 90_000 });
    const cells = await page.$$eval('[data-testid=travel-effect-table] tr', (trs) => trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelector('td')?.textContent ?? '']));
    const get = (label: string) => cells.find(([th]) => th === label)?.[1] ?? '';
    expect(parseFloat(get("mean time, today's regions"))).toBeGreaterThan(0);
    expect(parseFloat(get('mean time, aligned regions'))).toBeGreaterThan(0);
    expect(Number(get('people better off').replace(/\s/g, ''))).toBeGreaterThan(0);
    // settlements whose time changes appear on the map
    await waitForMoreFeatures(page, before);
    await screenshot(page, '23-alignment-travel');
  });

  it('sent no request outside its own origin and logged no errors', () => {
    expect(opened.app.foreignRequests).toEqual([]);
    expect(opened.app.pageErrors).toEqual([]);
  });
});
