import maplibregl from 'maplibre-gl';
import workerScript from './maplibre-blob-protocol.js?url&no-inline';
import type { FeatureCollection } from 'geojson';
import { BLOB_SCHEME } from './map-data';

/**
 * Lets MapLibre's workers read a file's GeoJSON text themselves (see map-data.ts). MapLibre hands
 * every URL that is not http(s) — a blob: URL too — to the page's thread, which would fetch it and
 * parse it there. So the app names its blobs thusong-blob://…, and a small script imported into
 * each MapLibre worker fetches and parses those in the worker.
 *
 * The same protocol is registered on the page as a fallback, for a worker that has not run the
 * script yet (MapLibre then asks the page): slower, but the data still arrives.
 */
let installed = false;

export function installBlobProtocol(): void {
  if (installed) return;
  installed = true;
  maplibregl.addProtocol(BLOB_SCHEME, async (params, abortController) => {
    const urls = JSON.parse(decodeURIComponent(params.url.slice(BLOB_SCHEME.length + 3))) as string[];
    const parts = await Promise.all(
      urls.map(async (u) => {
        const r = await fetch(u, { signal: abortController.signal });
        if (!r.ok) throw new Error(`Could not read ${u}: ${r.status}`);
        return (await r.json()) as FeatureCollection;
      }),
    );
    return { data: parts.length === 1 ? parts[0] : { type: 'FeatureCollection', features: parts.flatMap((p) => p.features) } };
  });
  void maplibregl.importScriptInWorkers(new URL(workerScript, window.location.href).href);
}
