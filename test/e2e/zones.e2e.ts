import { describe, expect, it } from 'vitest';
import { screenshot, waitForMap, seriousViolations, openSampleApp, downloadText } from './harness';

describe('Thusong zones in a real browser', () => {
  const opened = openSampleApp();

  it('chooses 5 new zones by maximal covering and reports the objective, its bound and the gap', async () => {
    const { page } = opened.app;
    await page.click('#tab-zones');
    await page.fill('[data-testid=zones-k]', '5');
    await page.press('[data-testid=zones-k]', 'Enter');
    await page.click('[data-testid=zones-run]');
    await page.waitForSelector('[data-testid=zones-results]', { timeout: 100_000 });
    await page.waitForSelector('[data-testid=zones-panel][data-status=done]', { timeout: 60_000 });
    const objective = page.locator('[data-testid=zones-objective]');
    const text = await objective.innerText();
    expect(text).toMatch(/Objective/);
    expect(text).toMatch(/Bound \(upper\)/);
    expect(text).toMatch(/Gap/);
    const gap = Number(await objective.getAttribute('data-gap'));
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThanOrEqual(1);
    expect(Number(await objective.getAttribute('data-objective'))).toBeGreaterThan(0);
    // 5 new zones beside the 5 Thusong centres kept as fixed sites
    expect(await page.locator('[data-testid=zones-list] tbody tr').count()).toBe(10);
    expect(await page.locator('[data-testid=zones-comparison] tbody tr').count()).toBeGreaterThanOrEqual(20);
    await waitForMap(page);
    await screenshot(page, 'zones-01-optimise');
  });

  it('downloads the zones as CSV in the command line’s columns', async () => {
    const { page } = opened.app;
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Zones (CSV)')]);
    const lines = (await downloadText(download)).trim().split('\n');
    expect(lines[0]).toBe('candidate_id,lon,lat,population_served,fixed');
    expect(lines).toHaveLength(11);
  });

  it('adds a candidate where the map is clicked and plans again with it', async () => {
    const { page } = opened.app;
    const before = await page.textContent('[data-testid=zones-travel]');
    await page.check('[data-testid=zones-add-points]');
    const box = (await page.locator('[data-testid=map]').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.42, box.y + box.height * 0.55);
    await page.waitForSelector('[data-testid=zones-added-points] li');
    expect(await page.locator('[data-testid=zones-added-points] li').count()).toBe(1);
    // the travel times gain one place and the plan follows
    await page.waitForFunction((old) => {
      const t = document.querySelector('[data-testid=zones-travel]')?.textContent;
      return !!t && t !== old && document.querySelector('[data-testid=zones-panel]')?.getAttribute('data-status') === 'done';
    }, before, { timeout: 60_000 });
    await page.uncheck('[data-testid=zones-add-points]');
    await waitForMap(page);
    await screenshot(page, 'zones-02-added-candidate');
  });

  it('shows leases by year and lists ranked relocation options with a sentence each for a chosen year', async () => {
    const { page } = opened.app;
    await page.click('[data-section=audit]');
    await page.waitForSelector('[data-testid=lease-timeline] .lease-bar');
    expect(await page.locator('[data-testid=lease-timeline] .lease-bar').count()).toBeGreaterThan(10);
    expect(await page.locator('[data-testid=zones-colocation-departments] tbody tr').count()).toBe(8);
    await waitForMap(page);
    await screenshot(page, 'zones-03-audit');
    await page.click('[data-testid=lease-timeline] [data-year="2027"]');
    await page.waitForSelector('[data-testid=zones-relocation-option]', { timeout: 30_000 });
    const offices = await page.locator('[data-testid=zones-relocation-office]').count();
    expect(offices).toBe(12);
    const sentences = await page.locator('[data-testid=zones-relocation-option]').allInnerTexts();
    expect(sentences.length).toBeGreaterThan(offices);
    for (const s of sentences) expect(s).toMatch(/^Moving .+ to .+ (cuts|lengthens|keeps|leaves) .+\./);
    await waitForMap(page);
    await screenshot(page, 'zones-04-relocation');
  });

  it('proposes a new centre in each local municipality without one', async () => {
    const { page } = opened.app;
    await page.click('[data-section=centres]');
    await page.waitForSelector('[data-testid=zones-centres-table]');
    expect(await page.locator('[data-testid=zones-centres-table] tbody tr').count()).toBeGreaterThan(5);
    await waitForMap(page);
    await screenshot(page, 'zones-05-new-centres');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('cancels a running plan and keeps the page responsive', async () => {
    const { page } = opened.app;
    await page.click('[data-section=optimise]');
    expect(await seriousViolations(page)).toEqual([]);
    // a plan, once asked for, follows its settings: a new objective starts one
    await page.selectOption('[data-testid=zones-panel] select >> nth=0', 'pmedian');
    await page.waitForSelector('[data-testid=zones-panel][data-status=running]', { timeout: 10_000 });
    const t = Date.now();
    await page.evaluate(() => 1 + 1);
    expect(Date.now() - t).toBeLessThan(1000);
    await page.click('[data-testid=zones-status] >> text=Cancel');
    await page.waitForSelector('[data-testid=zones-panel]:not([data-status=running])');
    expect(await page.textContent('[data-testid=zones-panel]')).toContain('Cancelled');
    // the last plan stays on show
    expect(await page.locator('[data-testid=zones-results]').count()).toBe(1);
  });

  it('sent no request outside its own origin and logged no errors', () => {
    expect(opened.app.foreignRequests).toEqual([]);
    expect(opened.app.pageErrors).toEqual([]);
  });
});
