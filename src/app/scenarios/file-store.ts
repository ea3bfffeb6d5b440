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
import type { Feature, FeatureCollection } from 'geojson';
import type { LoadedFile } from '../../model/layers';
import { registerMapBlob } from '../../map/map-data';
import { registerExtent } from '../../map/fit';
import { isCollectionHead, joinCollection, partKey, splitCollection, wholeKey, type CollectionHead } from './collection-chunks';

const db = () => createStore('thusong-planner-files', 'files');
const INDEX = 'ids';

/** A new key for a collection about to be stored by a worker. */
export const newCollectionKey = () => `col-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** A collection as records: its parts (./collection-chunks), then the head that names them. */
function collectionRecords(key: string, fc: FeatureCollection): [string, unknown][] {
  const { head, parts } = splitCollection(fc);
  return [...parts.map((p, i) => [partKey(key, i), p] as [string, unknown]), [`collection:${key}`, head]];
}

/**
 * Worker side: stores a loaded file's features under `key`, part by part (one transaction each, so
 * only one part's clone is held at a time), the head last. True, or why storage refused it (the
 * parts already written are removed again).
 */
export async function storeCollection(key: string, fc: FeatureCollection): Promise<true | string> {
  const records = collectionRecords(key, fc);
  const written: string[] = [];
  try {
    for (const [k, v] of records) {
      await set(k, v, db());
      written.push(k);
    }
    return true;
  } catch (e) {
    await delMany(written, db()).catch(() => {});
    return e instanceof Error ? e.message : String(e);
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
/** collections a worker could not store, with the browser's reason: the page does not try again */
const refused = new WeakMap<FeatureCollection, string>();
let next = 0;
const session = Date.now().toString(36);

/**
 * Page side: a loaded collection the io worker could not store. Trying again on the page would
 * clone it all on the page's thread and meet the same refusal (full storage), so it is left out of
 * saved scenarios and the save says so.
 */
export function registerRefusedCollection(fc: FeatureCollection, reason: string): void {
  refused.set(fc, reason);
}

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

/**
 * Page side: stores what is not stored yet. Returns the files' keys, in order, and a line for each
 * file storage refused (it is missing from the scenario after a reload).
 */
export async function persistFiles(files: LoadedFile[]): Promise<{ keys: string[]; notStored: string[] }> {
  const indexed = (await get<string[]>(INDEX, db())) ?? [];
  const known = new Set([...indexed, ...writtenByWorkers]);
  const writes: [string, unknown][] = [];
  const added: string[] = [];
  const notStored: string[] = [];
  for (const f of files) {
    const key = collectionKey(f.collection);
    const ck = `collection:${key}`;
    const refusal = refused.get(f.collection);
    if (refusal && !known.has(ck)) {
      notStored.push(`${f.fileName}: ${refusal}`);
      continue;
    }
    if (!known.has(ck)) {
      writes.push(...collectionRecords(key, f.collection));
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
    for (const [k] of writes) index.add(wholeKey(k));
    for (const k of added) index.add(k);
    await set(INDEX, [...index], db());
  }
  return { keys: files.map(fileStorageKey), notStored };
}

/** Collections under these keys (`collection:<key>`), their parts joined; undefined where missing. */
async function readCollections(refs: string[]): Promise<(FeatureCollection | undefined)[]> {
  const stored = await getMany<FeatureCollection | CollectionHead | undefined>(refs.map((r) => `collection:${r}`), db());
  return Promise.all(
    stored.map(async (v, i) => {
      if (!isCollectionHead(v)) return v as FeatureCollection | undefined;
      // one request per part: each is deserialised in its own short task, not all in one
      const parts = await getMany<Feature[] | undefined>(Array.from({ length: v.parts }, (_, j) => partKey(refs[i], j)), db());
      return joinCollection(v, parts);
    }),
  );
}


/** Page side: the files under these keys (those missing are left out). */
export async function readFiles(keys: string[]): Promise<LoadedFile[]> {
  const stored = await getMany<StoredFile | undefined>(keys.map((k) => `file:${k}`), db());
  const refs = stored.map((s) => (s?.collection as { collectionKey?: string } | undefined)?.collectionKey);
  const collections = await readCollections(refs.filter((r): r is string => typeof r === 'string'));
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
    if (s.extent) registerExtent(fc, s.extent);
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
    if (keep.has(wholeKey(k)) || !/^(file|collection|maptext):/.test(k)) return false;
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
