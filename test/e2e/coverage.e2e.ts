import { describe, expect, it } from 'vitest';
import { screenshot, waitForMap, openSampleApp, downloadText } from './harness';

describe('coverage in a real browser', () => {
  const opened = openSampleApp();

  it('computes travel times in the background and shows shares, a histogram and a table per municipality', async () => {
    const { page } = opened.app;
    await page.click('#tab-coverage');
    await page.waitForSelector('[data-testid=coverage-results]', { timeout: 90_000 });
    const shares = await page.$$eval('[data-testid=province-shares] tr td:nth-child(2)', (tds) => tds.map((t) => t.textContent ?? ''));
    const numbers = shares.slice(0, 3).map((s) => parseFloat(s));
    expect(numbers.every((n) => n >= 0 && n <= 100)).toBe(true);
    // more people within 90 minutes than within 30
    expect(numbers[2]).toBeGreaterThanOrEqual(numbers[0]);
    expect(await page.$$eval('figure.chart rect', (r) => r.length)).toBeGreaterThan(5);
    expect(await page.$$eval('[data-testid=municipality-table] tbody tr', (r) => r.length)).toBeGreaterThanOrEqual(20);
    expect(await page.textContent('[data-testid=coverage-method]')).toContain('road network');
    await waitForMap(page);
    await screenshot(page, '05-coverage');
  });

  it('recomputes shares for new thresholds without running the analysis again', async () => {
    const { page } = opened.app;
    const before = await page.textContent('[data-testid=province-shares]');
    await page.fill('[data-testid=coverage-panel] input[aria-invalid]', '15, 45');
    await page.click('[data-testid=coverage-panel] form button[type=submit]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=province-shares] tr').length === 3);
    expect(await page.textContent('[data-testid=province-shares]')).not.toBe(before);
    expect(await page.getAttribute('[data-testid=coverage-panel]', 'data-status')).toBe('done');
    expect(await page.textContent('[data-testid=province-shares]')).toContain('within 45 min');

    // undo brings back the earlier thresholds, in the shares and in the field that set them; redo again
    const field = '[data-testid=coverage-panel] form input';
    await page.click('button:has-text("Undo")');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=province-shares] tr').length === 4);
    expect(await page.inputValue(field)).toBe('30, 60, 90');
    await page.click('button:has-text("Redo")');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=province-shares] tr').length === 3);
    expect(await page.inputValue(field)).toBe('15, 45');

    // a number setting follows undo too
    await page.click('[data-testid=coverage-panel] summary:has-text("Travel settings")');
    const snap = page.getByLabel('Farthest from a road (km)');
    const was = await snap.inputValue();
    await snap.fill('7.5');
    await snap.press('Enter');
    // committed: the field shows the setting (text not taken would be dropped for the old value)
    await expect.poll(() => snap.inputValue()).toBe('7.5');
    await page.click('button:has-text("Undo")');
    await expect.poll(() => snap.inputValue()).toBe(was);
    await page.waitForSelector('[data-testid=coverage-panel][data-status=done]', { timeout: 120_000 });
    await page.click('[data-testid=coverage-panel] summary:has-text("Travel settings")'); // closed again, as found
  });

  it('shows the yearly cost of separate offices for a bundle', async () => {
    const { page } = opened.app;
    await page.selectOption('[data-testid=coverage-panel] select >> nth=0', 'bundle:disability_grant');
    const text = await (await page.waitForSelector('[data-testid=bundle-burden]')).innerText();
    expect(text).toMatch(/person-hours a year/);
    await page.check('text=Draw office catchments');
    await page.selectOption('[data-testid=coverage-panel] select >> nth=0', 'SASSA');
    await waitForMap(page);
    await screenshot(page, '06-coverage-catchments');
  });

  it('exports travel times as CSV in the command line format', async () => {
    const { page } = opened.app;
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Travel times (CSV)')]);
    const lines = (await downloadText(download)).trim().split('\n');
    expect(lines[0]).toBe('settlement_id,department,minutes,office_id');
    // one row per settlement and department
    expect(lines.length - 1).toBeGreaterThanOrEqual(1500 * 8);
  });

  it('cancels a running analysis and keeps the page responsive', async () => {
    const { page } = opened.app;
    await page.click('text=Travel settings');
    await page.selectOption('select:has(option[value="30"])', '30');
    await page.waitForSelector('[data-testid=coverage-panel][data-status=running]', { timeout: 10_000 });
    // the main thread answers while the worker computes
    const t = Date.now();
    await page.evaluate(() => 1 + 1);
    expect(Date.now() - t).toBeLessThan(1000);
    await page.click('[data-testid=coverage-panel] >> text=Cancel');
    await page.waitForSelector('[data-testid=coverage-panel]:not([data-status=running])');
    expect(await page.textContent('[data-testid=coverage-panel]')).toContain('Cancelled');
  });

  it('sent no request outside its own origin', () => {
    expect(opened.app.foreignRequests).toEqual([]);
  });
});
