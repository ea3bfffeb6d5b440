/**
 * What a MapLibre GeoJSON source is given for a collection: the collection itself, or — for a file
 * the io worker also wrote out as GeoJSON text — a URL of that text that MapLibre's own worker
 * fetches and parses. Handing MapLibre an object means a structured clone of every feature on the
 * page's thread (seconds for a big file); a URL costs nothing there. The URL lives as long as the
 * collection. It is a blob: URL wrapped in the app's own scheme, which MapLibre's workers know
 * (./blob-protocol.ts): MapLibre would fetch and parse a bare blob: URL on the page's thread.
 */
import type { FeatureCollection } from 'geojson';
import { CONCATENATES } from '../model/dataset';

/** How the io worker writes a collection's text: this prefix, the features, then `]}`. */
export const MAP_BLOB_PREFIX = '{"type":"FeatureCollection","features":[';
const SUFFIX = ']}';

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

/** The data to give MapLibre for `data`: a thusong-blob:// URL where text is registered, else `data` itself. */
export function mapSourceData<T>(data: T): T | string {
  if (!data || typeof data !== 'object') return data;
  const known = urls.get(data);
  if (known) return known;
  const blob = blobs.get(data) ?? composed(data);
  if (!blob || typeof URL.createObjectURL !== 'function') return data;
  const url = URL.createObjectURL(blob);
  const mapUrl = `${BLOB_SCHEME}://${encodeURIComponent(url)}`;
  urls.set(data, mapUrl);
  revoke?.register(data, url);
  return mapUrl;
}

/** Writes a collection's GeoJSON text batch by batch (in the io worker), as one Blob. */
export function mapBlobWriter() {
  const parts: string[] = [MAP_BLOB_PREFIX];
  return {
    add(batch: readonly unknown[]) {
      const text = JSON.stringify(batch);
      if (text.length > 2) parts.push(parts.length > 1 ? ',' : '', text.slice(1, -1));
    },
    blob: () => new Blob([...parts, SUFFIX], { type: 'application/geo+json' }),
  };
}

/**
 * A layer made of several files, each with its text: one Blob of their features, made of slices of
 * theirs (no bytes are copied on the page's thread). Undefined if any part has no text.
 */
function composed(data: object): Blob | undefined {
  const parts = (data as { [CONCATENATES]?: FeatureCollection[] })[CONCATENATES];
  if (!parts?.length) return undefined;
  const pieces: (Blob | string)[] = [MAP_BLOB_PREFIX];
  let first = true;
  for (const p of parts) {
    const b = blobs.get(p);
    if (!b) return undefined;
    if (!p.features.length) continue;
    if (!first) pieces.push(',');
    pieces.push(b.slice(MAP_BLOB_PREFIX.length, b.size - SUFFIX.length));
    first = false;
  }
  pieces.push(SUFFIX);
  const blob = new Blob(pieces, { type: 'application/geo+json' });
  blobs.set(data, blob);
  return blob;
}
