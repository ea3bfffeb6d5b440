/**
 * A stored collection in parts. Chromium's IndexedDB refuses a value whose structured clone is over
 * about 127 MiB ("The serialized keys and/or value are too large"), which a 200 MB road file is well
 * over; and reading one big value back deserialises it in a single task on the page's thread. So a
 * collection is stored as parts of features, each of about {@link PART_BYTES} when cloned, under a
 * small head that says how many there are. Reading them back is one short task per part.
 *
 * Pure and DOM-free: the io worker (which writes a loaded file) and the page (which reads it) share it.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { forEachPosition } from '../../io/geometry-positions';

/** Aimed-at size of one part's structured clone: far below the browser's limit, and quick to read. */
const PART_BYTES = 8 * 2 ** 20;

export interface CollectionHead {
  parts: number;
  features: number;
  /** the collection's other members (type, name, crs…) */
  head: Omit<FeatureCollection, 'features'>;
}

export const isCollectionHead = (v: unknown): v is CollectionHead =>
  !!v && typeof v === 'object' && typeof (v as CollectionHead).parts === 'number' && typeof (v as CollectionHead).features === 'number' && !!(v as CollectionHead).head;

/** The key of part `i` of the collection stored under `collection:<key>`. */
export const partKey = (key: string, i: number) => `collection:${key}#${i}`;

/** The stored collection a part key belongs to (`collection:<key>`), or the key itself. */
export const wholeKey = (recordKey: string) => recordKey.replace(/#\d+$/, '');

/**
 * Roughly the bytes V8's serializer (structured clone, IndexedDB) writes for a value: 9 per number,
 * a string's length plus a few, a few per object, array and property name. Within a small factor of
 * the truth, which is all the parts need (test/app/collection-chunks.test.ts checks it on real clones).
 */
function estimate(v: unknown, depth = 0): number {
  if (typeof v === 'number') return 9;
  if (typeof v === 'string') return v.length * (/^[\x00-\xff]*$/.test(v) ? 1 : 2) + 5;
  if (v === null || typeof v !== 'object' || depth > 8) return 2;
  if (Array.isArray(v)) {
    let n = 6;
    for (const x of v) n += estimate(x, depth + 1);
    return n;
  }
  let n = 6;
  for (const [k, x] of Object.entries(v)) n += k.length + 3 + estimate(x, depth + 1);
  return n;
}

export function estimateFeatureBytes(f: Feature): number {
  let positions = 0;
  let extra = 0;
  if (f.geometry) {
    forEachPosition(f.geometry, (p) => {
      positions++;
      if (p.length > 2) extra += 9 * (p.length - 2);
    });
  }
  // a position [x, y]: array tag, length, two tagged doubles, end; rings and parts add a little
  return 64 + 26 * positions + extra + estimate(f.properties) + (f.id === undefined ? 0 : estimate(f.id));
}

/** Splits a collection into a head and parts of about `budget` bytes each (at least one feature per part). */
export function splitCollection(fc: FeatureCollection, budget = PART_BYTES): { head: CollectionHead; parts: Feature[][] } {
  const { features, ...rest } = fc;
  const parts: Feature[][] = [];
  let part: Feature[] = [];
  let bytes = 0;
  for (const f of features) {
    const b = estimateFeatureBytes(f);
    if (part.length && bytes + b > budget) {
      parts.push(part);
      part = [];
      bytes = 0;
    }
    part.push(f);
    bytes += b;
  }
  if (part.length || !parts.length) parts.push(part);
  return { head: { parts: parts.length, features: features.length, head: rest }, parts };
}

/** The collection again, from its head and parts in order; undefined if a part is missing or the count is off. */
export function joinCollection(head: CollectionHead, parts: (Feature[] | undefined)[]): FeatureCollection | undefined {
  if (parts.length !== head.parts || parts.some((p) => !Array.isArray(p))) return undefined;
  const features: Feature[] = [];
  for (const p of parts as Feature[][]) for (const f of p) features.push(f);
  if (features.length !== head.features) return undefined;
  return { ...head.head, features } as FeatureCollection;
}
