/**
 * Loaded files in IndexedDB, stored once each and shared by every scenario that uses them.
 *
 * A file is two records: its features (`collection:<key>`, big, written once per collection) and
 * what the app decided about it (`file:<key>`: layer, field mapping, extent… with the collection
 * named by key, small). The io worker that loaded a file writes its features itself, off the page's
 * thread, and the page only records the key; so a big file never costs the page a structured clone
 * of megabytes when it is saved. Scenarios saved before this split hold whole files under
 * `file:<key>` and still load.
 *
 * DOM-free and app-free: the io worker imports it too.
 */
import { createStore, delMany, get, getMany, keys, set, setMany } from 'idb-keyval';
import type { FeatureCollection } from 'geojson';
import type { LoadedFile } from '../../model/layers';
import { registerMapBlob } from '../../map/map-data';

const db = () => createStore('thusong-planner-files', 'files');
const INDEX = 'ids';

/** A new key for a collection about to be stored by a worker. */
export const newCollectionKey = () => `col-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** Worker side: stores a loaded file's features under `key`; false if storage failed. */
export async function storeCollection(key: string, fc: FeatureCollection): Promise<boolean> {
  try {
    await set(`collection:${key}`, fc, db());
    return true;
  } catch {
    return false; // e.g. storage full: the page stores it when it saves
  }
}

/** Worker side: stores the features' GeoJSON text for the map (src/map/map-data.ts) beside them. */
export async function storeMapText(key: string, blob: Blob): Promise<void> {
  try {
    await set(`maptext:${key}`, blob, db());
  } catch {
    // without it a restored file reaches the map as an object, as before
  }
}

const collectionKeys = new WeakMap<FeatureCollection, string>();
/** every collection key this page has used: never collected while the page is open */
const sessionKeys = new Set<string>();
/** collection keys written by a worker in this session (not in the index yet) */
const writtenByWorkers = new Set<string>();
let next = 0;
const session = Date.now().toString(36);

/** Page side: a collection the io worker has already stored under `key`. */
export function registerStoredCollection(fc: FeatureCollection, key: string): void {
  collectionKeys.set(fc, key);
  sessionKeys.add(key);
  writtenByWorkers.add(`collection:${key}`);
}

function collectionKey(fc: FeatureCollection): string {
  let key = collectionKeys.get(fc);
  if (!key) collectionKeys.set(fc, (key = `col-${session}-${next++}`));
  sessionKeys.add(key);
  return key;
}

/**
 * A file's key: its features' key plus what the app decided about it. Loading the same bytes again
 * as another layer keeps the file's id but is another file, and must not be mistaken for it.
 */
const fileKeys = new WeakMap<LoadedFile, string>();
export function fileStorageKey(f: LoadedFile): string {
  let key = fileKeys.get(f);
  if (key) return key;
  const decided = JSON.stringify([f.id, f.fileName, f.kind, f.fieldMap, f.fields, f.extent, f.sourceCrs, f.bytes, f.warnings.length, collectionKey(f.collection)]);
  let h = 0x811c9dc5;
  for (let i = 0; i < decided.length; i++) h = Math.imul(h ^ decided.charCodeAt(i), 0x01000193);
  key = `${f.id}~${(h >>> 0).toString(36)}`;
  fileKeys.set(f, key);
  return key;
}

interface StoredFile extends Omit<LoadedFile, 'collection'> {
  collection: { collectionKey: string } | FeatureCollection;
}

/** Page side: stores what is not stored yet; returns the files' keys, in order. */
export async function persistFiles(files: LoadedFile[]): Promise<string[]> {
  const indexed = (await get<string[]>(INDEX, db())) ?? [];
  const known = new Set([...indexed, ...writtenByWorkers]);
  const writes: [string, unknown][] = [];
  const added: string[] = [];
  for (const f of files) {
    const ck = `collection:${collectionKey(f.collection)}`;
    if (!known.has(ck)) {
      writes.push([ck, f.collection]);
      known.add(ck);
    }
    if (writtenByWorkers.has(ck)) added.push(ck);
    const fk = `file:${fileStorageKey(f)}`;
    if (!known.has(fk)) {
      const meta: StoredFile = { ...f, collection: { collectionKey: collectionKey(f.collection) } };
      writes.push([fk, meta]);
      known.add(fk);
    }
  }
  if (writes.length || added.length) {
    await setMany(writes, db());
    // saves are queued (scenario-session), so the index has not changed since it was read
    const index = new Set(indexed);
    for (const [k] of writes) index.add(k);
    for (const k of added) index.add(k);
    await set(INDEX, [...index], db());
  }
  return files.map(fileStorageKey);
}

/** Page side: the files under these keys (those missing are left out). */
export async function readFiles(keys: string[]): Promise<LoadedFile[]> {
  const stored = await getMany<StoredFile | undefined>(keys.map((k) => `file:${k}`), db());
  const refs = stored.map((s) => (s?.collection as { collectionKey?: string } | undefined)?.collectionKey);
  const collections = await getMany<FeatureCollection | undefined>(refs.filter((r): r is string => typeof r === 'string').map((r) => `collection:${r}`), db());
  const byKey = new Map(refs.filter((r): r is string => typeof r === 'string').map((r, i) => [r, collections[i]]));
  const blobs = await getMany<Blob | undefined>([...byKey.keys()].map((r) => `maptext:${r}`), db()).catch(() => []);
  const texts = new Map([...byKey.keys()].map((r, i) => [r, blobs[i] instanceof Blob ? blobs[i] : undefined]));
  const out: LoadedFile[] = [];
  for (const [i, s] of stored.entries()) {
    if (!s) continue;
    const ref = refs[i];
    if (typeof ref !== 'string') {
      out.push(s as LoadedFile); // saved whole, before the split
      continue;
    }
    const fc = byKey.get(ref);
    if (!fc) continue;
    const text = texts.get(ref);
    if (text) registerMapBlob(fc, text);
    collectionKeys.set(fc, ref);
    sessionKeys.add(ref);
    const file = { ...s, collection: fc } as LoadedFile;
    fileKeys.set(file, keys[i]);
    out.push(file);
  }
  return out;
}

const DAY_MS = 24 * 3600 * 1000;

/** When a stored record's key was made (keys carry a base-36 time), if it can be told. */
export function keyTime(key: string): number | undefined {
  const m = /(?:^|[:~])(?:col|file)-([0-9a-z]{6,10})-/.exec(key);
  if (!m) return undefined;
  const t = parseInt(m[1], 36);
  return t > 1.4e12 && t < 4e12 ? t : undefined;
}

/**
 * Deletes the stored files no scenario uses any more (a removed or replaced file, a deleted
 * scenario), except anything this page has loaded or restored. `referenced` must name every file of
 * every scenario; the caller gives up rather than call this with a list it could not read whole.
 * Returns how many records were deleted.
 */
export async function collectGarbage(referenced: Iterable<string>, { minAgeMs = DAY_MS, now = Date.now() } = {}): Promise<number> {
  const all = (await keys(db())).map(String);
  const fileKeysUsed = [...new Set(referenced)];
  const records = await getMany<StoredFile | undefined>(fileKeysUsed.map((k) => `file:${k}`), db());
  const keep = new Set<string>([INDEX]);
  for (const [i, k] of fileKeysUsed.entries()) {
    keep.add(`file:${k}`);
    const ref = (records[i]?.collection as { collectionKey?: string } | undefined)?.collectionKey;
    if (typeof ref === 'string') keep.add(`collection:${ref}`).add(`maptext:${ref}`);
  }
  for (const k of sessionKeys) keep.add(`collection:${k}`).add(`maptext:${k}`);
  // File records are written only when a scenario is saved, so one no scenario names is unused.
  // Another tab may have loaded a file it has not saved yet: only records older than a day go.
  const gone = all.filter((k) => {
    if (keep.has(k) || !/^(file|collection|maptext):/.test(k)) return false;
    const born = keyTime(k);
    return born !== undefined && now - born > minAgeMs;
  });
  if (!gone.length) return 0;
  await delMany(gone, db());
  const index = (await get<string[]>(INDEX, db())) ?? [];
  const dropped = new Set(gone);
  await set(INDEX, index.filter((k) => !dropped.has(k)), db());
  return gone.length;
}
