import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors';
import type { Progress } from '../../src/model/progress';
import { loadGeoJson } from '../../src/io/geojson-loader';
import { createFeatureScanner, createGeoJsonStreamReader, MAX_JSON_DEPTH } from '../../src/io/geojson-stream';
import { loadFile, loadSource } from '../../src/io/load-file';

const enc = (s: string) => new TextEncoder().encode(s);
const pt = (lon: number, lat: number, properties: object) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties });

/** Reads `bytes` through the stream reader in chunks of `size` bytes. */
function streamed(bytes: Uint8Array, size: number) {
  const reader = createGeoJsonStreamReader('test.geojson');
  for (let i = 0; i < bytes.length; i += size) reader.push(bytes.subarray(i, i + size));
  return reader.end();
}

/** The InputError thrown by `fn`, as an issue. */
function errorOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.toIssue();
    throw e;
  }
  throw new Error('expected an InputError');
}

const SIZES = [1, 2, 3, 7, 64, 100_000];

describe('the streaming GeoJSON reader', () => {
  const files: Record<string, string> = {
    'a FeatureCollection': JSON.stringify({ type: 'FeatureCollection', features: [pt(18.42, -33.92, { name: 'Kaapstad' }), pt(19.45, -34.42, { name: 'Hermanus', population: 25153 })] }, null, 2),
    'a crs member after the features': `{"type":"FeatureCollection","features":[${JSON.stringify(pt(1, 2, {}))}],"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2048"}}}`,
    'a top-level array of features': JSON.stringify([pt(18, -33, { a: 1 }), { type: 'Point', coordinates: [19, -34] }]),
    'a single Feature': JSON.stringify(pt(18, -33, { name: 'single' })),
    'a bare geometry': JSON.stringify({ type: 'Polygon', coordinates: [[[18, -33], [19, -33], [19, -34], [18, -33]]] }),
    'odd elements (null, numbers, text)': '{"type":"FeatureCollection","features":[null, 5, -1.5e3, "x", true, {"geometry":null,"properties":null,"id":7}]}',
    'escapes, quotes and brackets inside text': JSON.stringify({ type: 'FeatureCollection', features: [pt(18, -33, { name: 'He said "{[}]" \\ \u00e9\u2603 \ud83c\udf0d', t: '\u0001' })] }),
  };
  for (const [what, text] of Object.entries(files)) {
    it(`reads ${what} exactly as the whole-file reader does, however the bytes are cut`, () => {
      const whole = loadGeoJson(text, 'test.geojson');
      for (const size of SIZES) expect(streamed(enc(text), size), `chunks of ${size}`).toEqual(whole);
    });
  }

  it('keeps multi-byte UTF-8 characters intact when a chunk boundary splits them', () => {
    const bytes = enc(JSON.stringify({ type: 'FeatureCollection', features: [pt(18, -33, { name: 'Ëlandsbaai ☃ 🌍' })] }));
    for (let cut = 1; cut < bytes.length; cut++) {
      const reader = createGeoJsonStreamReader('t.geojson');
      reader.push(bytes.subarray(0, cut));
      reader.push(bytes.subarray(cut));
      expect(reader.end().features[0].properties.name).toBe('Ëlandsbaai ☃ 🌍');
    }
  });

  it('hands over each feature as soon as its closing brace arrives, not at the end', () => {
    const features = Array.from({ length: 100 }, (_, i) => pt(18, -33, { i }));
    const bytes = enc(JSON.stringify({ type: 'FeatureCollection', features }));
    const seen: number[] = [];
    const scanner = createFeatureScanner('t.geojson', { member() {}, element: (v) => seen.push((v as { properties: { i: number } }).properties.i) });
    scanner.push(bytes.subarray(0, bytes.length >> 1));
    expect(seen.length).toBeGreaterThan(40);
    expect(seen.length).toBeLessThan(60);
    scanner.push(bytes.subarray(bytes.length >> 1));
    scanner.end();
    expect(seen).toEqual(features.map((_, i) => i));
  });

  it('says where a truncated file ends and which bracket is still open', () => {
    const text = '{"type":"FeatureCollection","features":[\n{"type":"Feature","geometry":{"type":"Point","coordinates":[18.4,';
    const e = errorOf(() => streamed(enc(text), 16));
    expect(e.code).toBe('malformed-json');
    expect(e.message).toMatch(/ends in the middle.*line 2, column 66 \(byte 106\).*'\[' opened at line 2, column 60/);
    expect(e.fix).toMatch(/complete/);
  });

  it('locates a syntax error inside a feature in the file: line, column and byte', () => {
    const text = '{"type":"FeatureCollection","features":[\n' + JSON.stringify(pt(18, -33, { a: 1 })) + ',\n{"type":"Feature" "geometry":null}\n]}';
    const e = errorOf(() => streamed(enc(text), 5));
    expect(e.message).toMatch(/line 3, column 19 \(byte 151\) it expected ',' or '\}' after a property value but found “"geometry"/);
    expect(e.fix).toMatch(/line 3/);
    // the same place as the whole-file reader finds
    expect(errorOf(() => loadGeoJson(text, 'test.geojson')).message).toMatch(/line 3, column 19 /);
  });

  it('finds a line break inside text, a trailing comma and text after the end', () => {
    expect(errorOf(() => streamed(enc('{"type":"FeatureCollection","features":[{"name":"a\nb"}]}'), 4)).message).toMatch(/line 1, column 51.*closing quote.*found a line break/);
    expect(errorOf(() => streamed(enc('{"type":"FeatureCollection","features":[{},]}'), 4)).message).toMatch(/column 44.*expected another element after the comma/);
    expect(errorOf(() => streamed(enc('{"type":"FeatureCollection","features":[]} extra'), 64)).message).toMatch(/column 44.*end of the file.*“extra”/);
  });

  it('counts columns in characters, not bytes, and ignores a byte order mark', () => {
    const text = '\ufeff{"type":"FeatureCollection","name":"Ëé","features":[} ]}';
    expect(errorOf(() => streamed(enc(text), 3)).message).toMatch(/line 1, column 53 .*expected a value/);
  });

  it('reads Python’s bare NaN as missing, with one warning saying where the first is', () => {
    const text = '{"type":"FeatureCollection","features":[\n{"type":"Feature","geometry":{"type":"Point","coordinates":[NaN,1]},"properties":{}},\n{"type":"Feature","geometry":{"type":"Point","coordinates":[2,Infinity]},"properties":{}}]}';
    const s = streamed(enc(text), 8);
    expect(s.features.map((f) => (f.geometry as { coordinates: unknown }).coordinates)).toEqual([
      ['NaN', 1],
      [2, 'Infinity'],
    ]);
    expect(s.issues).toHaveLength(1);
    expect(s.issues[0].message).toMatch(/line 2, column 61/);
  });

  it('refuses nesting deeper than its limit without overflowing the stack', () => {
    const deep = '[' + '['.repeat(MAX_JSON_DEPTH + 10) + ']'.repeat(MAX_JSON_DEPTH + 10) + ']';
    expect(errorOf(() => streamed(enc(deep), 1000)).message).toMatch(/less deeply nested/);
  });

  it('names JSON that is not GeoJSON as the whole-file reader does', () => {
    expect(errorOf(() => streamed(enc('{"type":"Topology","objects":{}}'), 3)).message).toMatch(/TopoJSON/);
    expect(errorOf(() => streamed(enc('{"data":[1,2]}'), 3)).message).toMatch(/no "type" member.*data/);
    expect(errorOf(() => streamed(enc('{"type":"FeatureCollection","features":{}}'), 3)).message).toMatch(/without a "features" array/);
  });
});

describe('loading from a Blob or a stream', () => {
  const features = Array.from({ length: 2000 }, (_, i) => pt(18 + (i % 100) / 100, -33 - Math.floor(i / 100) / 100, { name: `Place ${i}`, population: i }));
  const bytes = enc(JSON.stringify({ type: 'FeatureCollection', features }));
  const options = { fileName: 'places-settlements.geojson' };

  const webStream = (b: Uint8Array, size = 4096) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < b.length; i += size) controller.enqueue(b.slice(i, i + size));
        controller.close();
      },
    });

  it('gives the same file, id included, whether read whole, streamed from bytes, a Blob or a ReadableStream', async () => {
    const whole = await loadFile(bytes, options);
    expect(whole.ok).toBe(true);
    for (const source of [bytes, new Blob([bytes]), webStream(bytes)]) {
      const r = await loadSource(source, { ...options, streamThresholdBytes: 0 });
      expect(r).toEqual(whole);
    }
  });

  it('reports reading progress by bytes, rising to the file size', async () => {
    const reading: Progress[] = [];
    await loadSource(webStream(bytes, 1000), { ...options, streamThresholdBytes: 0, sizeBytes: bytes.length }, (p) => {
      if (p.phase === 'reading') reading.push(p);
    });
    const done = reading.map((p) => p.done);
    expect(done.at(-1)).toBe(bytes.length);
    expect(reading.at(-1)!.total).toBe(bytes.length);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });

  it('streams GeoJSON over the threshold only', async () => {
    // a file whose text would fail as one string shows which reader ran: the stream reader gives the byte
    const broken = enc('{"type":"FeatureCollection","features":[{"a":1} {"b":2}]}');
    const whole = await loadSource(new Blob([broken]), { fileName: 'b.geojson' });
    const stream = await loadSource(new Blob([broken]), { fileName: 'b.geojson', streamThresholdBytes: 10 });
    expect(!whole.ok && whole.errors[0].message).not.toMatch(/byte/);
    expect(!stream.ok && stream.errors[0].message).toMatch(/line 1, column 49 \(byte 48\)/);
  });

  it('refuses a GeoJSON over the stream limit, and another format over the whole-file limit, before reading it', async () => {
    // a Blob that claims to be huge and fails if its body is read: only its head may be
    const unreadable = (size: number, head: string) =>
      new (class extends Blob {
        override get size() {
          return size;
        }
        override slice() {
          return new Blob([head]);
        }
        override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
          throw new Error('read the body');
        }
        override arrayBuffer(): Promise<ArrayBuffer> {
          throw new Error('read the body');
        }
      })([head]);
    const geojson = await loadSource(unreadable(600 * 2 ** 20, '{"type":"FeatureCollection"'), { fileName: 'huge.geojson' });
    expect(!geojson.ok && geojson.errors[0]).toMatchObject({ code: 'file-too-large', message: 'huge.geojson is 600.0 MB, over the 512 MB limit for GeoJSON.' });
    const csv = await loadSource(unreadable(150 * 2 ** 20, 'name,lon,lat\n'), { fileName: 'huge.csv' });
    expect(!csv.ok && csv.errors[0]).toMatchObject({ code: 'file-too-large', message: 'huge.csv is 150.0 MB, over the 100 MB limit.' });
    const big = await loadSource(unreadable(150 * 2 ** 20, '{"type":"FeatureCollection"'), { fileName: 'big.geojson', maxStreamBytes: 1 });
    expect(!big.ok && big.errors[0].code).toBe('file-too-large');
  });

  it('stops a stream of unknown size once it passes the limit', async () => {
    const r = await loadSource(webStream(bytes), { ...options, streamThresholdBytes: 0, maxStreamBytes: 10_000 });
    expect(!r.ok && r.errors[0]).toMatchObject({ code: 'file-too-large' });
  });

  it('reads a CSV from a stream whole', async () => {
    const csv = enc('name,longitude,latitude,population\nA,18.4,-33.9,10\nB,19.4,-34.4,20\n');
    const r = await loadSource(webStream(csv, 7), { fileName: 'towns.csv' });
    expect(r.ok && r.file.collection.features).toHaveLength(2);
  });

  it('says an empty stream is empty', async () => {
    const r = await loadSource(new ReadableStream({ start: (c) => c.close() }), { fileName: 'e.geojson' });
    expect(!r.ok && r.errors[0].code).toBe('empty-file');
  });
});
