import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * A strict Content-Security-Policy for the built app: no inline script, no eval, connections only to
 * the app's own origin. MapLibre starts its worker from a blob: URL, hence worker-src blob:.
 * A deployment that configures a basemap adds its origins at build time:
 *   BASEMAP_ORIGINS="https://tiles.example.org" npm run build
 * (The dev server runs without it: Vite's hot reload needs an inline script.)
 */
function contentSecurityPolicy(): Plugin {
  const basemap = (process.env.BASEMAP_ORIGINS ?? '').split(/[\s,]+/).filter(Boolean).join(' ');
  const policy = [
    "default-src 'self'",
    // WebAssembly (the HiGHS solver) needs wasm-unsafe-eval; JavaScript eval stays forbidden
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${basemap}`.trim(),
    "font-src 'self' data:",
    `connect-src 'self' data: blob: ${basemap}`.trim(),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  return {
    name: 'thusong-csp',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`),
  };
}

// base './' keeps every asset path relative, so `dist/` works from any static host or sub-folder.
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2000 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
