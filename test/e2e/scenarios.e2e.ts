import { describe, expect, it } from 'vitest';
import { featureCount, screenshot, waitForMap, openSampleApp } from './harness';

describe('scenarios, undo and reload in a real browser', () => {
  const opened = openSampleApp();
  const saved = () => opened.app.page.waitForFunction(() => /Saved/.test(document.querySelector('[data-testid=save-status]')?.textContent ?? ''), null, { timeout: 30_000 });


  it('saves the first visit as the sample scenario', async () => {
    await opened.app.page.click('#tab-scenarios');
    await saved();
    expect(await opened.app.page.inputValue('[data-testid=scenario-list] tr[aria-current=true] input')).toBe('Sample province');
  });

  it('undoes and redoes removing a file', async () => {
    const { page } = opened.app;
    await page.click('#tab-data');
    const thusong = await featureCount(page, 'thusong');
    await page.click('button[aria-label="Remove sample-thusong.geojson"]');
    expect(await featureCount(page, 'thusong')).toBe(0);
    await page.click('header >> text=Undo');
    expect(await featureCount(page, 'thusong')).toBe(thusong);
    await page.click('header >> text=Redo');
    expect(await featureCount(page, 'thusong')).toBe(0);
  });

  it('a reload restores exactly what was on screen', async () => {
    const { page } = opened.app;
    await page.click('#tab-layers');
    await page.uncheck('[data-testid=layers-panel] label:has-text("Roads") input');
    await page.click('#tab-data');
    const counts = await page.$$eval('[data-layer]', (els) => els.map((e) => e.getAttribute('data-features')));
    expect(counts).toHaveLength(6);
    await page.click('#tab-scenarios');
    await saved();
    // records no scenario names: one from three days ago (collected at start-up), one from today
    // (kept a day, as another tab may not have saved it yet)
    const planted = await page.evaluate(async () => {
      const old = (Date.now() - 3 * 86_400_000).toString(36);
      const today = Date.now().toString(36);
      const keys = [`collection:col-${old}-orphan`, `maptext:col-${old}-orphan`, `file:file-${old}-1~x`, `collection:col-${today}-fresh`];
      const db: IDBDatabase = await new Promise((ok, ko) => Object.assign(indexedDB.open('thusong-planner-files'), { onsuccess(this: IDBOpenDBRequest) { ok(this.result); }, onerror: ko }));
      const tx = db.transaction('files', 'readwrite');
      for (const k of keys) tx.objectStore('files').put({ type: 'FeatureCollection', features: [] }, k);
      await new Promise((ok) => (tx.oncomplete = ok));
      db.close();
      return keys;
    });
    const blobs: string[] = [];
    const onRequest = (r: { url(): string; resourceType(): string }) => r.url().startsWith('blob:') && r.resourceType() === 'fetch' && blobs.push(r.url());
    page.on('request', onRequest);
    // count every read of a blob: response's body on the page's own thread (MapLibre's workers are not the page)
    await page.addInitScript(() => {
      const w = window as unknown as { __pageBlobReads: number };
      w.__pageBlobReads = 0;
      // and every parsed collection a worker posts back to the page (MapLibre 5 returns a URL source's data)
      const v = window as unknown as { __collectionsPosted: number };
      v.__collectionsPosted = 0;
      const listen = Worker.prototype.addEventListener;
      Worker.prototype.addEventListener = function (this: Worker, type: string, fn: EventListenerOrEventListenerObject, opts?: boolean | AddEventListenerOptions) {
        if (type !== 'message' || typeof fn !== 'function') return listen.call(this, type, fn, opts);
        return listen.call(this, type, (e: Event) => {
          const d = (e as MessageEvent).data;
          if (d && d.type === '<response>' && d.data && d.data.data && d.data.data.type === 'FeatureCollection') v.__collectionsPosted++;
          return fn.call(this, e);
        }, opts);
      } as never;
      // and every blob: URL the page's thread makes for a file's map text (a worker makes them)
      const u = window as unknown as { __pageMapUrls: number };
      u.__pageMapUrls = 0;
      const create = URL.createObjectURL;
      URL.createObjectURL = (o: Blob | MediaSource) => {
        if (o instanceof Blob && o.type === 'application/geo+json') u.__pageMapUrls++;
        return create(o);
      };
      for (const m of ['json', 'text', 'arrayBuffer'] as const) {
        const original = Response.prototype[m];
        Response.prototype[m] = function (this: Response) {
          if (this.url.startsWith('blob:')) w.__pageBlobReads++;
          return original.call(this);
        } as never;
      }
    });
    await page.reload();
    await page.waitForSelector('[data-testid=status]');
    await page.waitForFunction(() => document.querySelector('[data-testid=status]')?.textContent?.includes('5 files'), null, { timeout: 60_000 });
    await page.click('#tab-data');
    expect(await page.$$eval('[data-layer]', (els) => els.map((e) => e.getAttribute('data-features')))).toEqual(counts);
    await page.click('#tab-layers');
    expect(await page.isChecked('[data-testid=layers-panel] label:has-text("Roads") input')).toBe(false);
    await waitForMap(page);
    page.off('request', onRequest);
    // restored files reach MapLibre as their stored GeoJSON text (blob: URLs), not as objects cloned on the page
    expect(new Set(blobs).size).toBe(counts.filter((c) => c !== '0').length);
    // …and MapLibre's own workers read and parse that text: none of it on the page's thread
    expect(await page.evaluate(() => (window as unknown as { __pageBlobReads: number }).__pageBlobReads)).toBe(0);
    // …and keep what they parsed: no parsed collection is posted back to the page
    expect(await page.evaluate(() => (window as unknown as { __collectionsPosted: number }).__collectionsPosted)).toBe(0);
    // …and their URLs were made off the page's thread
    expect(await page.evaluate(() => (window as unknown as { __pageMapUrls: number }).__pageMapUrls)).toBe(0);
    const storedKeys = () =>
      page.evaluate(async () => {
        const db: IDBDatabase = await new Promise((ok, ko) => Object.assign(indexedDB.open('thusong-planner-files'), { onsuccess(this: IDBOpenDBRequest) { ok(this.result); }, onerror: ko }));
        const q = db.transaction('files').objectStore('files').getAllKeys();
        const keys: IDBValidKey[] = await new Promise((ok) => (q.onsuccess = () => ok(q.result)));
        db.close();
        return keys.map(String);
      });
    await expect.poll(async () => (await storedKeys()).filter((k) => planted.slice(0, 3).includes(k)), { timeout: 20_000 }).toEqual([]);
    const after = await storedKeys();
    expect(after).toContain(planted[3]);
    // every file on screen still has its features stored
    // (collections, each counted once whatever its parts, the planted ones left out)
    const collections = new Set(after.filter((k) => k.startsWith('collection:') && !planted.includes(k)).map((k) => k.replace(/#\d+$/, '')));
    expect(collections.size).toBeGreaterThanOrEqual(counts.filter((c) => c !== '0').length);
  });

  it('duplicates, renames, exports and imports scenarios, and compares two side by side', async () => {
    const { page } = opened.app;
    await page.click('#tab-scenarios');
    await page.click('text=Duplicate');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=scenario-list] tbody tr').length === 2);
    await page.fill('[data-testid=scenario-list] tr[aria-current=true] input', 'No municipalities');
    await page.click('[data-testid=scenario-list] tr[aria-current=true] >> text=Rename');
    await page.waitForFunction(() => (document.querySelector('[data-testid=scenario-list] tr[aria-current=true] input') as HTMLInputElement | null)?.value === 'No municipalities');
    // an edit in the copy leaves the original as it was
    await page.click('#tab-data');
    await page.click('button[aria-label="Remove sample-municipalities.geojson"]');
    await page.click('#tab-scenarios');
    await saved();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Export to a file')]);
    expect(download.suggestedFilename()).toBe('No_municipalities.thusong.json');
    const path = await download.path();
    await page.setInputFiles('[data-testid=scenario-import]', path!);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=scenario-list] tbody tr').length === 3);
    const names = await page.$$eval('[data-testid=scenario-list] tbody tr td:first-child', (tds) => tds.map((t) => t.textContent || (t.querySelector('input') as HTMLInputElement | null)?.value));
    expect(names.filter((n) => n?.includes('Sample province')).length).toBe(1);
    const ids = await page.$$eval('[data-testid=scenarios-panel] fieldset select >> nth=0', (s) => [...(s[0] as HTMLSelectElement).options].map((o) => o.value).filter(Boolean));
    const sample = await page.$eval('[data-testid=scenarios-panel] fieldset select', (s) => [...(s as HTMLSelectElement).options].find((o) => o.text === 'Sample province')!.value);
    await page.selectOption('[data-testid=scenarios-panel] fieldset select >> nth=0', sample);
    await page.selectOption('[data-testid=scenarios-panel] fieldset select >> nth=1', ids.find((i) => i !== sample)!);
    await page.click('[data-testid=scenarios-panel] button:has-text("Compare")');
    const row = await page.waitForSelector('[data-testid=scenario-compare] tr:has-text("municipalities: features")');
    const cells = await row.$$eval('td', (tds) => tds.map((t) => t.textContent));
    expect(cells[1]).toBe('26');
    expect(cells[2]).toBe('0');
    await screenshot(page, '07-scenarios');
  });

  it('a file loaded again as another layer is restored as that layer after a reload', async () => {
    const { page } = opened.app;
    await page.click('#tab-data');
    const body = await import('node:fs').then((fs) => fs.readFileSync(new URL('../../data/sample/settlements.geojson', import.meta.url)));
    await page.setInputFiles('[data-testid="file-input"]', { name: 'villages-again.geojson', mimeType: 'application/json', buffer: body });
    const row = '[data-testid=dataset-summary] li[data-file="villages-again.geojson"]';
    await page.waitForSelector(row);
    expect(await page.$eval(`${row} select`, (s) => (s as HTMLSelectElement).value)).toBe('settlements');
    await page.selectOption(`${row} select`, 'thusong');
    await page.waitForFunction((sel) => (document.querySelector(`${sel} select`) as HTMLSelectElement | null)?.value === 'thusong', row);
    await page.click('#tab-scenarios');
    await saved();
    // two scenarios share a name by now: the input's id names the scenario
    const openBefore = await page.getAttribute('[data-testid=scenario-list] tr[aria-current=true] input', 'id');
    expect(openBefore).toMatch(/^rename-sc-/);
    const before = (await page.textContent('[data-testid=status]')) ?? '';
    expect(before).toMatch(/^\d+ files loaded$/);
    await page.reload();
    // the restored scenario opens on the tab it was saved with; wait for it before clicking
    await page.waitForFunction((text) => document.querySelector('[data-testid=status]')?.textContent === text && !!document.querySelector('[data-testid=scenario-list]'), before, { timeout: 60_000 });
    await page.click('#tab-data');
    await page.waitForSelector(row, { timeout: 60_000 });
    // the scenario on screen before the reload is the one open after it
    await page.click('#tab-scenarios');
    expect(await page.getAttribute('[data-testid=scenario-list] tr[aria-current=true] input', 'id')).toBe(openBefore);
    await page.click('#tab-data');
    expect(await page.$eval(`${row} select`, (s) => (s as HTMLSelectElement).value)).toBe('thusong');
    // its bytes are not kept across a reload, so it cannot be loaded again as another layer: said, not silently ignored
    expect(await page.isDisabled(`${row} select`)).toBe(true);
    expect(await page.getAttribute(`${row} select`, 'title')).toMatch(/add the file again/);
  });

  it('sent no request outside its own origin', () => {
    expect(opened.app.foreignRequests).toEqual([]);
  });
});
