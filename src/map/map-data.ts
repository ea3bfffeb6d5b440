/**
 * What a MapLibre GeoJSON source is given for a collection: the collection itself, or — for a file
 * the io worker also wrote out as GeoJSON text — a URL of that text that MapLibre's own worker
 * fetches and parses. Handing MapLibre an object means a structured clone of every feature on the
 * page's thread (seconds for a big file); a URL costs nothing there. The URL lives as long as the
 * collection. It is a blob: URL wrapped in the app's own scheme, which MapLibre's workers know
 * (./blob-protocol.ts): MapLibre would fetch and parse a bare blob: URL on the page's thread.
 */
import type { FeatureCollection } from 'geojson';
import { layerParts } from '../model/dataset';

/** How the io worker writes a collection's text: this prefix, the features, then `]}`. */
const MAP_BLOB_PREFIX = '{"type":"FeatureCollection","features":[';

/** The scheme of the URLs MapLibre's workers fetch themselves (./maplibre-blob-protocol.js). */
export const BLOB_SCHEME = 'thusong-blob';

const blobs = new WeakMap<object, Blob>();
const urls = new WeakMap<object, string>();
const revoke =
  typeof FinalizationRegistry === 'function' ? new FinalizationRegistry<string>((url) => URL.revokeObjectURL(url)) : null;

/** Registers GeoJSON text equal to `fc`, made off the page's thread. */
export function registerMapBlob(fc: FeatureCollection, blob: Blob): void {
  blobs.set(fc, blob);
}

/** The GeoJSON text registered for `fc`, if any. */
export const mapTextOf = (fc: FeatureCollection): Blob | undefined => blobs.get(fc);

/** Sets the blob: URL of `fc`'s text, made elsewhere (./blob-urls.ts); false if it already has one. */
export function setMapUrl(fc: FeatureCollection, url: string): boolean {
  if (urls.has(fc)) return false;
  urls.set(fc, url);
  return true;
}

/** The object URL of a collection's registered text, made once (here, if ./blob-urls.ts has not made it). */
function blobUrl(fc: object): string | undefined {
  let url = urls.get(fc);
  if (url) return url;
  const blob = blobs.get(fc);
  if (!blob || typeof URL.createObjectURL !== 'function') return undefined;
  url = URL.createObjectURL(blob);
  urls.set(fc, url);
  revoke?.register(fc, url);
  return url;
}

/**
 * The data to give MapLibre for `data`: where its text is registered, a thusong-blob:// URL naming
 * it — or, for a layer made of several files, naming each file's text, which MapLibre's worker reads
 * and joins (./maplibre-blob-protocol.js); else `data` itself (an edit made on the page, say).
 */
export function mapSourceData<T>(data: T): T | string {
  if (!data || typeof data !== 'object') return data;
  const parts = layerParts(data) ?? [data as unknown as FeatureCollection];
  const list: string[] = [];
  for (const p of parts) {
    const url = blobUrl(p);
    if (!url) return data;
    if (p.features.length || parts.length === 1) list.push(url);
  }
  return `${BLOB_SCHEME}://${encodeURIComponent(JSON.stringify(list))}`;
}

/** Writes a collection's GeoJSON text batch by batch (in the io worker), as one Blob. */
export function mapBlobWriter() {
  const parts: string[] = [MAP_BLOB_PREFIX];
  return {
    add(batch: readonly unknown[]) {
      const text = JSON.stringify(batch);
      if (text.length > 2) parts.push(parts.length > 1 ? ',' : '', text.slice(1, -1));
    },
    blob: () => new Blob([...parts, ']}'], { type: 'application/geo+json' }),
  };
}
