import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, serveDist, type OpenedPage, seriousViolations, waitForSample } from './harness';

describe('accessibility', () => {
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  let app: OpenedPage;

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchBrowser();
    app = await openApp(browser, server.url);
    await waitForSample(app.page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the checker finds a violation planted in the page (so a pass means something)', async () => {
    await app.page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'planted-unlabelled';
      document.querySelector('.sidebar')!.append(input);
    });
    const found = await seriousViolations(app.page);
    await app.page.evaluate(() => document.getElementById('planted-unlabelled')?.remove());
    expect(found.some((v) => v.startsWith('label'))).toBe(true);
  });

  it('the data panel has no serious or critical axe violations', async () => {
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  it('the map layers panel has no serious or critical axe violations', async () => {
    await app.page.click('#tab-layers');
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  it('the coverage panel, with results, has no serious or critical axe violations', async () => {
    await app.page.click('#tab-coverage');
    await app.page.waitForSelector('[data-testid=coverage-results]', { timeout: 90_000 });
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  it('every tab can be reached and opened with the keyboard alone', async () => {
    const { page } = app;
    await page.focus('#tab-data');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('#tab-data', 'aria-selected')).toBe('true');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('#tab-layers', 'aria-selected')).toBe('true');
  });
});
