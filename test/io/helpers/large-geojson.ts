/**
 * Big GeoJSON made on demand (never committed): seeded settlement points or road lines, written to a
 * file or generated as a stream, for the million-feature corpus case, the large-file e2e test and
 * bench/io.bench.ts.
 */
import { createWriteStream } from 'node:fs';

export type LargeKind = 'settlements' | 'roads';

export interface LargeOptions {
  kind: LargeKind;
  seed?: number;
  /** characters of free text per feature (a "notes" property), to make features bigger */
  notes?: number;
}

/** mulberry32: small, fast, seeded */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const PLACES = ['village', 'town', 'hamlet', 'suburb', 'farm'];
const HIGHWAYS = ['residential', 'tertiary', 'secondary', 'primary', 'unclassified', 'track'];

/** The text of feature i, one after another (the generator's state is its seeded random stream). */
export function* featureTexts(options: LargeOptions): Generator<string> {
  const rnd = random(options.seed ?? 1);
  const notes = options.notes ? `,"notes":"${'Gemeenskapsaal langs die hoofpad; '.repeat(Math.ceil(options.notes / 34)).slice(0, options.notes)}"` : '';
  for (let i = 0; ; i++) {
    // inside South Africa's box, so no feature draws an outside-the-country warning
    let x = 18 + rnd() * 13;
    let y = -34 + rnd() * 11;
    if (options.kind === 'settlements') {
      yield `{"type":"Feature","geometry":{"type":"Point","coordinates":[${x.toFixed(6)},${y.toFixed(6)}]},"properties":{"id":"S${i + 1}","name":"Settlement ${i + 1}","population":${Math.floor(rnd() * 5000)},"ward":"${19100001 + (i % 5000)}","place":"${PLACES[i % PLACES.length]}"${notes}}}`;
    } else {
      const c: string[] = [];
      for (let j = 0; j < 20; j++) {
        x += (rnd() - 0.5) * 0.01;
        y += (rnd() - 0.5) * 0.01;
        c.push(`[${x.toFixed(6)},${y.toFixed(6)}]`);
      }
      yield `{"type":"Feature","geometry":{"type":"LineString","coordinates":[${c.join(',')}]},"properties":{"highway":"${HIGHWAYS[i % HIGHWAYS.length]}","name":"Road ${i + 1}","maxspeed":"${[60, 80, 100, 120][i % 4]}","oneway":"${i % 7 === 0 ? 'yes' : 'no'}"${notes}}}`;
    }
  }
}

const HEAD = '{"type":"FeatureCollection","name":"generated","features":[\n';
const TAIL = '\n]}\n';

/** Writes a FeatureCollection of at least `targetBytes` to `path`; returns its size and feature count. */
export async function writeLargeGeoJson(path: string, targetBytes: number, options: LargeOptions): Promise<{ bytes: number; features: number }> {
  const out = createWriteStream(path);
  const texts = featureTexts(options);
  let bytes = 0;
  let features = 0;
  const write = async (s: string) => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await new Promise<void>((ok) => out.once('drain', () => ok()));
  };
  await write(HEAD);
  while (bytes < targetBytes) {
    let batch = '';
    for (let k = 0; k < 1000; k++) batch += (features++ ? ',\n' : '') + texts.next().value;
    await write(batch);
  }
  await write(TAIL);
  await new Promise<void>((ok, fail) => out.end((e?: Error | null) => (e ? fail(e) : ok())));
  return { bytes, features };
}

/** A FeatureCollection of exactly `count` features as a stream of ~1 MB chunks, never held whole. */
export function largeGeoJsonStream(count: number, options: LargeOptions): ReadableStream<Uint8Array> {
  const texts = featureTexts(options);
  return featureStream(count, () => texts.next().value as string);
}

/** A FeatureCollection of `count` features made by `feature(i)`, as a stream of ~1 MB chunks. */
export function featureStream(count: number, feature: (i: number) => string): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let made = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      let chunk = made === 0 ? HEAD : '';
      while (chunk.length < 1 << 20 && made < count) chunk += (made ? ',\n' : '') + feature(made++);
      if (made >= count) {
        controller.enqueue(enc.encode(chunk + TAIL));
        controller.close();
      } else controller.enqueue(enc.encode(chunk));
    },
  });
}
