/*
 * Loaded into MapLibre's own workers with importScripts (src/map/blob-protocol.ts). A GeoJSON
 * source whose data is a thusong-blob:// URL is fetched and parsed here, in the worker. MapLibre
 * sends any other non-http URL, blob: URLs included, to the page's thread to be fetched and parsed
 * there: a long freeze for a big file.
 * Plain script, not a module: importScripts runs it as it is.
 */
/* global self */
self.addProtocol('thusong-blob', async (params, abortController) => {
  const url = decodeURIComponent(params.url.slice('thusong-blob://'.length));
  const response = await fetch(url, { signal: abortController.signal });
  if (!response.ok) throw new Error(`Could not read ${url}: ${response.status}`);
  const data = params.type === 'json' ? await response.json() : params.type === 'arrayBuffer' ? await response.arrayBuffer() : await response.text();
  return { data };
});
