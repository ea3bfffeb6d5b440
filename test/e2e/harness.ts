import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Download, type Page } from 'playwright-core';

/**
 * End-to-end harness: serves the built app (dist/) from a plain static server, as any static host
 * would, and drives Debian's Chromium through playwright-core. It records every request that leaves
 * the page's origin so tests can prove no data leaves the browser.
 */
export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const DIST = join(ROOT, 'dist');
export const SHOTS = join(ROOT, 'test-results', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

export async function serveDist(): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(DIST, path === '/' ? 'index.html' : path));
    if (!file.startsWith(DIST)) return void res.writeHead(403).end();
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(() => ok())) };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // WebGL through SwiftShader when there is no GPU
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
    ],
  });
}

export interface OpenedPage {
  page: Page;
  /** requests that left the page's origin (other than data: and blob:) */
  foreignRequests: string[];
  /** console errors and uncaught exceptions */
  pageErrors: string[];
}

export async function openApp(browser: Browser, url: string): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (req) => {
    const u = req.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (new URL(u).origin !== origin) foreignRequests.push(u);
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.goto(url);
  return { page, foreignRequests, pageErrors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Waits until the map has drawn after the last data change. */
export async function waitForMap(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForSelector('[data-testid="map"][data-map-ready="true"]', { timeout });
}

export async function featureCount(page: Page, layer: string): Promise<number> {
  const v = await page.getAttribute(`[data-layer="${layer}"]`, 'data-features');
  return Number(v ?? 0);
}

/** Waits until the bundled sample province (six files) is loaded. Generous: CI machines vary. */
export async function waitForSample(page: Page, timeout = 180_000): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid=status]')?.textContent?.includes('6 files'), null, { timeout });
}

/** Distinct features drawn in the viewport (counted on request: it costs the page real time). */
export async function renderedFeatures(page: Page): Promise<number> {
  await page.evaluate(() => document.querySelector('[data-testid="map"]')!.dispatchEvent(new Event('thusong:count-features')));
  return Number((await page.getAttribute('[data-testid="map"]', 'data-rendered-features')) ?? 0);
}

let axeSource: string | undefined;

/**
 * Serious and critical axe-core findings, as "rule: help at targets" lines. axe runs through the
 * DevTools protocol, which the page's CSP does not govern. By default the map canvas is left out:
 * it is a picture of the data, whose text equivalents are the panels and popups.
 */
export async function seriousViolations(page: Page, context: unknown = { exclude: [['.maplibregl-canvas-container']] }): Promise<string[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(async (ctx) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(ctx, { resultTypes: ['violations'] })).violations;
  }, context)) as { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * For a describe block: serves the build, launches Chromium and opens the app on the sample province
 * before its tests, and closes everything after. `opened.app` is the page and its request log.
 */
export function openSampleApp(): { readonly app: OpenedPage } {
  let server: { url: string; close(): Promise<void> } | undefined;
  let browser: Browser | undefined;
  let app: OpenedPage | undefined;
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
  return {
    get app() {
      if (!app) throw new Error('The app is not open yet (use it inside a test).');
      return app;
    },
  };
}

/** A download's contents as text. */
export async function downloadText(download: Download): Promise<string> {
  let out = '';
  for await (const chunk of await download.createReadStream()) out += chunk;
  return out;
}
