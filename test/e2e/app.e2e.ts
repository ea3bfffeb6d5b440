import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import shpwrite from '@mapbox/shp-write';
import { featureCount, launchBrowser, openApp, ROOT, screenshot, serveDist, waitForMap, type OpenedPage, renderedFeatures } from './harness';

const fixture = (name: string) => readFileSync(join(ROOT, 'test/fixtures/e2e', name));

/** Drops files on the page the way a browser does: a drop event carrying a DataTransfer. */
async function dropFile(page: Page, name: string, content: Buffer, type: string) {
  await page.evaluate(
    ({ name, bytes, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name, { type }));
      for (const t of ['dragenter', 'dragover', 'drop'] as const) {
        document.querySelector('.map-area')!.dispatchEvent(new DragEvent(t, { bubbles: true, cancelable: true, dataTransfer: dt }));
      }
    },
    { name, bytes: [...content], type },
  );
}

describe('the app in a real browser', () => {
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  let app: OpenedPage;

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchBrowser();
    const started = Date.now();
    app = await openApp(browser, server.url);
    await waitForMap(app.page, 60_000);
    await app.page.waitForFunction(() => document.querySelector('[data-layer="roads"]')?.getAttribute('data-features') !== '0', null, { timeout: 60_000 });
    await waitForMap(app.page);
    console.log(`sample province on the map ${Date.now() - started} ms after navigation (headless, software WebGL)`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens with the sample province drawn and summarised', async () => {
    const { page } = app;
    for (const layer of ['municipalities', 'regions', 'settlements', 'offices', 'thusong', 'roads']) {
      expect(await featureCount(page, layer), layer).toBeGreaterThan(0);
    }
    expect(await featureCount(page, 'settlements')).toBeGreaterThan(1000);
    expect(await renderedFeatures(page)).toBeGreaterThan(100);
    await screenshot(page, '01-sample-province');
  });

  it('adds a dropped GeoJSON of offices to the map and the summary', async () => {
    const { page } = app;
    const before = await featureCount(page, 'offices');
    await dropFile(page, 'extra-offices.geojson', fixture('extra-offices.geojson'), 'application/geo+json');
    await page.waitForSelector('[data-file="extra-offices.geojson"]');
    expect(await featureCount(page, 'offices')).toBe(before + 3);
    await waitForMap(page);
    await screenshot(page, '02-dropped-geojson');
  });

  it('loads a semicolon CSV with Afrikaans coordinate headers and comma decimals as settlements', async () => {
    const { page } = app;
    const before = await featureCount(page, 'settlements');
    await page.setInputFiles('[data-testid="file-input"]', { name: 'dorpe-settlements.csv', mimeType: 'text/csv', buffer: fixture('dorpe-settlements.csv') });
    await page.waitForSelector('[data-file="dorpe-settlements.csv"]');
    expect(await featureCount(page, 'settlements')).toBe(before + 3);
    await waitForMap(page);
  });

  it('loads a zipped Shapefile with its .prj', async () => {
    const { page } = app;
    const zip = (await shpwrite.zip(
      {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: { type: 'Point', coordinates: [19.7, -33.75] }, properties: { id: 'TC-E2E', name: 'Test Thusong centre' } },
          { type: 'Feature', geometry: { type: 'Point', coordinates: [20.2, -33.55] }, properties: { id: 'TC-E2E2', name: 'Second test Thusong centre' } },
        ],
      },
      { outputType: 'nodebuffer', compression: 'DEFLATE', types: { point: 'thusong_centres' } } as any,
    )) as unknown as Buffer;
    const before = await featureCount(page, 'thusong');
    await page.setInputFiles('[data-testid="file-input"]', { name: 'thusong_centres.zip', mimeType: 'application/zip', buffer: zip });
    await page.waitForSelector('[data-file="thusong_centres.zip"]');
    expect(await featureCount(page, 'thusong')).toBe(before + 2);
    await waitForMap(page);
    await screenshot(page, '03-csv-and-shapefile-added');
  });

  it('shows a precise message for a truncated file and keeps everything loaded', async () => {
    const { page } = app;
    const counts = await page.$$eval('[data-layer]', (els) => els.map((e) => e.getAttribute('data-features')));
    await page.setInputFiles('[data-testid="file-input"]', { name: 'broken-offices.geojson', mimeType: 'application/json', buffer: fixture('broken-offices.geojson') });
    const alert = await page.waitForSelector('[data-testid="load-failure"][data-file="broken-offices.geojson"]');
    const text = await alert.innerText();
    expect(text).toContain('broken-offices.geojson');
    expect(await alert.$('[data-code="malformed-json"]')).not.toBeNull();
    expect(await page.$$eval('[data-layer]', (els) => els.map((e) => e.getAttribute('data-features')))).toEqual(counts);
    await screenshot(page, '04-bad-file-message');
  });

  it('asks for the coordinate columns of a CSV it cannot read by itself, then loads it', async () => {
    const { page } = app;
    const before = await featureCount(page, 'settlements');
    await page.setInputFiles('[data-testid="file-input"]', { name: 'unnamed-columns.csv', mimeType: 'text/csv', buffer: fixture('unnamed-columns.csv') });
    const form = await page.waitForSelector('form.mapping');
    await screenshot(page, '05-mapping-step');
    expect(await form.innerText()).toContain('east, north, people');
    await page.selectOption('form.mapping select[data-field=layer]', 'settlements');
    await page.selectOption('form.mapping select[data-field=lon]', 'east');
    await page.selectOption('form.mapping select[data-field=lat]', 'north');
    await page.selectOption('form.mapping select[data-field=population]', 'people');
    await page.click('form.mapping button[type=submit]');
    await page.waitForSelector('[data-file="unnamed-columns.csv"]');
    expect(await featureCount(page, 'settlements')).toBe(before + 2);
  });

  it('moves a file to another layer when the user reassigns it', async () => {
    const { page } = app;
    const offices = await featureCount(page, 'offices');
    const thusong = await featureCount(page, 'thusong');
    await page.selectOption('[data-file="extra-offices.geojson"] .reassign select', 'thusong');
    await page.waitForFunction((n) => document.querySelector('[data-layer="thusong"]')?.getAttribute('data-features') === String(n), thusong + 3);
    expect(await featureCount(page, 'offices')).toBe(offices - 3);
  });

  it('shows feature properties as text, never as HTML', async () => {
    const { page } = app;
    // the e2e offices fixture names a station "<b>bold?</b>": the summary and popups must show it literally
    expect(await page.$('.issue b, .summary b')).toBeNull();
  });

  it('sent no request outside its own origin', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.pageErrors.filter((e) => !/WebGL|GPU|swiftshader/i.test(e))).toEqual([]);
  });
});
