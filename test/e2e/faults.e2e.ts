import { describe, expect, it } from 'vitest';
import { openSampleApp, renderedFeatures, screenshot, waitForMap } from './harness';

/**
 * A background worker that dies: the browser is made to serve a coverage worker script that throws
 * as it starts (as a damaged cache or an engine bug at load would), so the real app meets a real
 * worker failure; nothing in the app is stubbed. Then the script is served as built again.
 */
describe('a background worker that dies', () => {
  const opened = openSampleApp();
  const status = () => opened.app.page.getAttribute('[data-testid=coverage-panel]', 'data-status');

  it('is reported with what failed, the loaded data stays, and the next run starts a fresh worker that completes', async () => {
    const { page } = opened.app;
    const broken = '**/assets/coverage.worker-*.js';
    await page.route(broken, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: 'throw new Error("injected fault: the engine could not start");' }));
    await page.click('#tab-coverage');
    const alert = await page.waitForSelector('[data-testid=coverage-panel] [role=alert]', { timeout: 120_000 });
    const message = (await alert.textContent()) ?? '';
    expect(message).toContain('The background worker failed');
    expect(message).toContain('injected fault: the engine could not start');
    expect(message).toContain("A fresh worker starts when you run it again");
    expect(await status()).toBe('error');
    // nothing already loaded was lost
    expect(await page.textContent('[data-testid=status]')).toContain('6 files');
    await screenshot(page, '11-worker-fault');

    await page.unroute(broken);
    await page.click('[data-testid=coverage-panel] button:has-text("Run again")');
    await page.waitForSelector('[data-testid=coverage-panel][data-status=done]', { timeout: 120_000 });
    expect(await page.$('[data-testid=coverage-panel] [role=alert]')).toBeNull();
    expect(await page.$$eval('[data-testid=province-shares] tr', (r) => r.length)).toBeGreaterThan(0);
  });

  it('a worker that ends mid-job without an error event is noticed (not left running forever), and the next run completes', async () => {
    const { page } = opened.app;
    const script = '**/assets/coverage.worker-*.js';
    // the real worker script, with a listener put in front that closes the worker, silently, when
    // the analysis is asked for: no error event, no answer, as when the browser stops a worker
    await page.route(script, async (route) => {
      const real = await route.fetch();
      const body =
        "self.addEventListener('message', (e) => { const p = e.data && e.data.path; if (p && p[0] === 'analyse') { e.stopImmediatePropagation(); self.close(); } });\n" +
        (await real.text());
      await route.fulfill({ response: real, body });
    });
    // a fresh worker is needed for the routed script: the one from the run above is still alive,
    // so make a job cancel (which terminates it) and start again
    await page.click('[data-testid=coverage-panel] button:has-text("Run again")');
    await page.click('[data-testid=coverage-panel] button:has-text("Cancel")');
    await page.waitForSelector('[data-testid=coverage-panel]:not([data-status=running])');
    await page.click('[data-testid=coverage-panel] button:has-text("Run again")');
    const alert = await page.waitForSelector('[data-testid=coverage-panel] [role=alert]', { timeout: 120_000 });
    const message = (await alert.textContent()) ?? '';
    expect(message).toContain('The background worker failed: it stopped without reporting an error');
    expect(await status()).toBe('error');
    expect(await page.textContent('[data-testid=status]')).toContain('6 files');
    await screenshot(page, '11b-worker-silent-end');

    await page.unroute(script);
    await page.click('[data-testid=coverage-panel] button:has-text("Run again")');
    await page.waitForSelector('[data-testid=coverage-panel][data-status=done]', { timeout: 120_000 });
    expect(await page.$('[data-testid=coverage-panel] [role=alert]')).toBeNull();
  });

  it('a failing URL worker (it makes the map URLs of loaded files) delays nothing: the sample loads and is drawn', async () => {
    const context = await opened.app.page.context().browser()!.newContext({ viewport: { width: 1400, height: 900 } });
    try {
      await context.route('**/assets/blob-url.worker-*.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: 'throw new Error("injected fault");' }));
      const page = await context.newPage();
      await page.goto(opened.app.page.url());
      await page.waitForFunction(() => document.querySelector('[data-testid=status]')?.textContent?.includes('6 files'), null, { timeout: 120_000 });
      await waitForMap(page, 120_000);
      expect(await renderedFeatures(page)).toBeGreaterThan(100);
    } finally {
      await context.close();
    }
  });

  it('sent no request outside its own origin', () => {
    expect(opened.app.foreignRequests).toEqual([]);
  });
});
