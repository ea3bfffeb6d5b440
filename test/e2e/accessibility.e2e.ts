import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations, openSampleApp } from './harness';

describe('accessibility', () => {
  const opened = openSampleApp();

  it('the checker finds a violation planted in the page (so a pass means something)', async () => {
    await opened.app.page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'planted-unlabelled';
      document.querySelector('.sidebar')!.append(input);
    });
    const found = await seriousViolations(opened.app.page);
    await opened.app.page.evaluate(() => document.getElementById('planted-unlabelled')?.remove());
    expect(found.some((v) => v.startsWith('label'))).toBe(true);
  });

  it('the data panel has no serious or critical axe violations', async () => {
    expect(await seriousViolations(opened.app.page)).toEqual([]);
  });

  it('the map layers panel has no serious or critical axe violations', async () => {
    await opened.app.page.click('#tab-layers');
    expect(await seriousViolations(opened.app.page)).toEqual([]);
  });

  it('the coverage panel, with results, has no serious or critical axe violations', async () => {
    await opened.app.page.click('#tab-coverage');
    await opened.app.page.waitForSelector('[data-testid=coverage-results]', { timeout: 90_000 });
    expect(await seriousViolations(opened.app.page)).toEqual([]);
  });

  it('every tab can be reached and opened with the keyboard alone', async () => {
    const { page } = opened.app;
    await page.focus('#tab-data');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('#tab-data', 'aria-selected')).toBe('true');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('#tab-layers', 'aria-selected')).toBe('true');
  });
});
