/*
 * Loaded into MapLibre's own workers with importScripts (src/map/blob-protocol.ts).
 *
 * 1. A GeoJSON source whose data is a thusong-blob:// URL is fetched and parsed here, in the
 *    worker. MapLibre sends any other non-http URL, blob: URLs included, to the page's thread to be
 *    fetched and parsed there: a long freeze for a big file. The URL names a list of blob: URLs,
 *    one per file of the layer (src/map/map-data.ts); their features are joined in order.
 * 2. Having loaded a source from a URL, MapLibre (5.x) posts the whole parsed GeoJSON back to the
 *    page, to keep a copy there for getData() and diff updates; the app uses neither (it holds the
 *    features itself), and for a 200 MB road file that copy froze the page for 25 s. So the answer
 *    to a load of one of these URLs leaves the data out, as MapLibre does for data given as an
 *    object. Everything else MapLibre posts is untouched.
 *
 * Plain script, not a module: importScripts runs it as it is.
 */
/* global self */
const PREFIX = 'thusong-blob://';

self.addProtocol('thusong-blob', async (params, abortController) => {
  const urls = JSON.parse(decodeURIComponent(params.url.slice(PREFIX.length)));
  const features = [];
  for (const url of urls) {
    const response = await fetch(url, { signal: abortController.signal });
    if (!response.ok) throw new Error(`Could not read ${url}: ${response.status}`);
    const fc = await response.json();
    if (urls.length === 1) return { data: fc };
    for (const f of fc.features) features.push(f);
  }
  return { data: { type: 'FeatureCollection', features } };
});

// ids of the page's requests to load one of these URLs into a source
const loads = new Set();
self.addEventListener('message', (e) => {
  const m = e.data;
  const url = m && m.data && m.data.request && m.data.request.url;
  if (typeof url === 'string' && url.startsWith(PREFIX) && m.id !== undefined) loads.add(m.id);
});
const post = self.postMessage.bind(self);
self.postMessage = (message, options) => {
  if (message && message.type === '<response>' && loads.delete(message.id) && message.data && typeof message.data === 'object' && 'data' in message.data) {
    const { data: _geojson, ...rest } = message.data;
    return post({ ...message, data: rest }, options);
  }
  return post(message, options);
};
