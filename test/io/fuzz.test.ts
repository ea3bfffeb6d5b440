/**
 * Property-based fuzzing of every loader through loadFile (and the streaming reader through
 * loadSource): valid GeoJSON, CSV and zipped Shapefiles, mutated at the byte level (flips,
 * truncation, insertion, deletion, duplication, JSON and CSV punctuation) and generated with random
 * structure, property values and coordinates (NaN, Infinity, huge, text). Whatever comes in,
 * loading never throws and never hangs: it ends with `{ ok: false }` and issues that say what,
 * where and how to fix, or `{ ok: true }` with finite WGS84 coordinates in range.
 *
 * Seeded, so a failure reproduces; fast-check prints the seed and the shrunk counterexample. For a
 * deeper search on purpose: FUZZ_SEED=123 FUZZ_SCALE=20 npx vitest run --project unit test/io/fuzz.test.ts
 */
import { concatBytes } from '../../src/io/concat-bytes';
import fc from 'fast-check';
import shpwrite from '@mapbox/shp-write';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Feature, Position } from 'geojson';
import { LAYER_KINDS, type LayerKind } from '../../src/model/layers';
import { loadFile, loadSource, type LoadOptions, type LoadResult } from '../../src/io/load-file';
import { forEachPosition } from '../../src/io/geometry-positions';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_125);
/** runs per property are multiplied by this (1 in the normal suite) */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
/** per load: generous for a loaded 2-core machine; inputs are a few KB */
const MAX_MS_PER_LOAD = 3000;
const enc = new TextEncoder();

// ── what every result must look like ─────────────────────────────────────────────────────────────

function expectWellFormed(r: LoadResult, fileName: string) {
  const issues = r.ok ? r.file.warnings : r.errors;
  if (!r.ok) expect(r.errors.length, 'a failure says why').toBeGreaterThan(0);
  for (const i of issues) {
    expect(typeof i.code === 'string' && i.code.length > 0, JSON.stringify(i)).toBe(true);
    expect(i.message.trim().length, JSON.stringify(i)).toBeGreaterThan(0);
    expect(i.fix.trim().length, JSON.stringify(i)).toBeGreaterThan(0);
    expect(i.where.file, JSON.stringify(i)).toBe(fileName);
  }
  if (!r.ok) return;
  const { features } = r.file.collection;
  expect(features.length).toBeGreaterThan(0);
  for (const f of features) {
    expect(f.geometry, 'a loaded feature has a geometry').toBeTruthy();
    forEachPosition(f.geometry, (p: Position) => {
      expect(p.length, JSON.stringify(p)).toBe(2);
      const [lon, lat] = p;
      expect(Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90, `position ${JSON.stringify(p)}`).toBe(true);
    });
  }
  expect(r.file.extent.every(Number.isFinite)).toBe(true);
}

/** How the runs of one property ended: proof that it ran, and reached both outcomes. */
interface Tally {
  ok: number;
  failed: number;
}
const newTally = (): Tally => ({ ok: 0, failed: 0 });

async function load(bytes: Uint8Array, options: LoadOptions, tally?: Tally): Promise<LoadResult> {
  const t0 = performance.now();
  let r: LoadResult;
  // every other input as a Node Buffer from the shared pool (a view at an offset into a bigger
  // ArrayBuffer, whose slice() is a view too): code that forgets byteOffset or copies by slice() fails
  const input = bytes.length % 2 ? Buffer.from(bytes) : bytes;
  try {
    r = await loadFile(input, options);
  } catch (e) {
    throw new Error(`loadFile threw for ${options.fileName}: ${e instanceof Error ? e.stack : String(e)}`);
  }
  expect(performance.now() - t0, 'bounded time').toBeLessThan(MAX_MS_PER_LOAD);
  expectWellFormed(r, options.fileName);
  if (tally) tally[r.ok ? 'ok' : 'failed']++;
  return r;
}

/** Both outcomes were reached, and every run was counted (fast-check ran them all). */
function expectBoth(t: Tally, runs: number, minShare = 0.02) {
  const runsMade = runs * SCALE;
  expect(t.ok + t.failed, JSON.stringify(t)).toBeGreaterThanOrEqual(runsMade);
  expect(t.ok, JSON.stringify(t)).toBeGreaterThan(runsMade * minShare);
  expect(t.failed, JSON.stringify(t)).toBeGreaterThan(runsMade * minShare);
  console.log(`  ${t.ok} loaded, ${t.failed} refused`);
}

// ── byte-level mutations ─────────────────────────────────────────────────────────────────────────

const PUNCTUATION = ['NaN', 'Infinity', '-Infinity', '1e400', '-0', '"', '\\', '\\u', '{', '}', '[', ']', ',', ':', '\n', '\r\n', ';', '\t', '\u0000', 'é', '\ufeff', '\ud800', 'null', '"type":', '"features":', '"coordinates":[', '0x1F'];

type Mutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number }
  /** the first digit at or after `at` becomes `value`: numbers change, the syntax usually survives */
  | { kind: 'digit'; at: number; value: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.constantFrom(...PUNCTUATION).map((s) => enc.encode(s)) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ kind: fc.constant('digit' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 9 }) }),
);
const mutations = fc.array(mutation, { minLength: 1, maxLength: 6 });
/** JSON breaks at the first bad byte: fewer mutations leave more files to get past parsing */
const jsonMutations = fc.array(mutation, { minLength: 1, maxLength: 3 });
/** in place only: a zip's directory still points at its parts, so the .shp and .dbf readers get the damage */
const flips = fc.array(fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 4 });
const zipMutations = fc.oneof({ weight: 3, arbitrary: flips }, { weight: 1, arbitrary: mutations });

function mutate(input: Uint8Array, ms: Mutation[]): Uint8Array {
  let b = input;
  for (const m of ms) {
    const at = b.length ? m.at % (b.length + 1) : 0;
    if (m.kind === 'flip' && b.length) {
      b = b.slice();
      b[at % b.length] = m.value;
    } else if (m.kind === 'truncate') b = b.slice(0, at);
    else if (m.kind === 'insert') b = concat(b.subarray(0, at), m.bytes, b.subarray(at));
    else if (m.kind === 'delete') b = concat(b.subarray(0, at), b.subarray(at + m.length));
    else if (m.kind === 'duplicate') b = concat(b.subarray(0, at + m.length), b.subarray(at));
    else if (m.kind === 'digit') {
      let k = at;
      while (k < b.length && (b[k] < 0x30 || b[k] > 0x39)) k++;
      if (k < b.length) {
        b = b.slice();
        b[k] = 0x30 + m.value;
      }
    }
  }
  return b;
}

const concat = (...parts: Uint8Array[]) => concatBytes(parts, parts.reduce((n, p) => n + p.length, 0));

// ── valid inputs to start from ───────────────────────────────────────────────────────────────────

const pt = (lon: number, lat: number, properties: object) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties });
const VALID_GEOJSON: Record<string, object> = {
  'settlements.geojson': { type: 'FeatureCollection', features: [pt(19.45, -34.42, { name: 'Hermanus', population: 25153 }), pt(20.05, -34.53, { name: 'Bredasdorp', population: 15524 }), pt(18.42, -33.92, { name: 'Kaapstad', population: 433688 })] },
  'sassa_offices.geojson': { type: 'FeatureCollection', features: [pt(19.45, -34.42, { id: 'O1', name: 'Hermanus', services: 'grants;ids', lease_expiry: '2027-03-31' }), pt(20.05, -34.53, { id: 'O2', department: 'dha', name: 'Bredasdorp' })] },
  'municipalities.geojson': {
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
    features: [
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[19, -34], [19.5, -34], [19.5, -34.5], [19, -34.5], [19, -34]], [[19.1, -34.1], [19.2, -34.1], [19.2, -34.2], [19.1, -34.1]]] }, properties: { code: 'WC032', name: 'Overstrand' } },
      { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [[[[20, -34.4], [20.3, -34.4], [20.3, -34.7], [20, -34.4]]]] }, properties: { code: 'WC033', name: 'Cape Agulhas', category: 'B' } },
    ],
  },
  'roads.geojson': {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: { type: 'LineString', coordinates: [[19.4, -34.4], [19.5, -34.41], [19.6, -34.45]] }, properties: { highway: 'primary', maxspeed: '100', oneway: 'no' } },
      { type: 'Feature', geometry: { type: 'MultiLineString', coordinates: [[[20, -34.5], [20.1, -34.52]], [[20.1, -34.52], [20.2, -34.6]]] }, properties: { highway: 'residential', maxspeed: '60 km/h', oneway: '-1' } },
    ],
  },
};
const VALID_CSV: Record<string, string> = {
  'settlements.csv': 'name,longitude,latitude,population\nHermanus,19.45,-34.42,25153\nBredasdorp,20.05,-34.53,15524\n',
  'dorpe.csv': '\ufeffnaam;lengtegraad;breedtegraad;bevolking\r\nHermanus;19,45;-34,42;25153\r\nGénadendal;19,56;-34,03;5663\r\n',
  'offices.csv': 'id,department,name,lon,lat,services,lease_expiry\nO1,SASSA,Hermanus,19.45,-34.42,"grants, ids",31/03/2027\nO2,DHA,"Bredasdorp ""Oos""",20.05,-34.53,,\n',
  'wkt-settlements.csv': 'name\tpopulation\twkt\nHermanus\t25153\tPOINT (19.45 -34.42)\nOverberg\t100\tPOLYGON ((19 -34, 19.5 -34, 19.5 -34.5, 19 -34))\n',
};

/** `arb` in about a quarter of runs, else undefined (fc.option gives a value four times in five). */
const sometimes = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

const fileOptions = (fileName: string) =>
  fc.record({ kindHint: sometimes(fc.constantFrom<LayerKind>(...LAYER_KINDS)) }).map((o) => {
    const out: LoadOptions = { fileName };
    if (o.kindHint) out.kindHint = o.kindHint;
    return out;
  });

// ── generated GeoJSON: random structure, values and coordinates ─────────────────────────────────

/** JSON cannot say NaN or 1e400; these markers become those tokens after JSON.stringify. */
const TOKENS: Record<string, string> = { '"@@NaN"': 'NaN', '"@@Inf"': 'Infinity', '"@@-Inf"': '-Infinity', '"@@1e400"': '1e400', '"@@-0"': '-0' };
const withTokens = (json: string) => json.replace(/"@@(NaN|Inf|-Inf|1e400|-0)"/g, (m) => TOKENS[m]);

const coordinate = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: 16, max: 33, noNaN: true }) },
  { weight: 8, arbitrary: fc.double({ min: -35, max: -22, noNaN: true }) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>('@@NaN', '@@Inf', '@@-Inf', '@@1e400', '@@-0', 1e308, -1e308, 5e-324, 0, 2_050_000, -4_018_000, 53_334.7, 3_755_481.1) },
  { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 6 }), fc.constant(null), fc.boolean(), fc.constant([])) },
);
const position = fc.oneof({ weight: 10, arbitrary: fc.tuple(coordinate, coordinate) }, { weight: 1, arbitrary: fc.array(coordinate, { maxLength: 4 }) });
const line = fc.array(position, { maxLength: 6 });
const ring = fc.oneof(line, line.map((l) => (l.length ? [...l, l[0]] : l)));
const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'];
const geometry = fc.oneof(
  { weight: 4, arbitrary: position.map((coordinates) => ({ type: 'Point', coordinates })) },
  { weight: 1, arbitrary: line.map((coordinates) => ({ type: 'MultiPoint', coordinates })) },
  { weight: 2, arbitrary: line.map((coordinates) => ({ type: 'LineString', coordinates })) },
  { weight: 1, arbitrary: fc.array(line, { maxLength: 3 }).map((coordinates) => ({ type: 'MultiLineString', coordinates })) },
  { weight: 2, arbitrary: fc.array(ring, { maxLength: 3 }).map((coordinates) => ({ type: 'Polygon', coordinates })) },
  { weight: 1, arbitrary: fc.array(fc.array(ring, { maxLength: 2 }), { maxLength: 2 }).map((coordinates) => ({ type: 'MultiPolygon', coordinates })) },
  // wrong nesting, a wrong or missing type, foreign members, junk
  { weight: 1, arbitrary: fc.record({ type: fc.oneof(fc.constantFrom(...GEOMETRY_TYPES, 'Circle', '', 'point'), fc.constant(undefined)), coordinates: fc.jsonValue({ maxDepth: 4 }) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.jsonValue({ maxDepth: 2 })) },
);

const PROPERTY_NAMES = ['name', 'naam', 'population', 'pop', 'department', 'dept', 'code', 'MUNICNAME', 'region', 'class', 'highway', 'maxspeed', 'oneway', 'lease_expiry', 'services', 'id', 'category', 'district', 'ward', 'thusong', 'speed_kmh', 'x', 'y', '', ' ', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const propertyValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('SASSA', 'dha', 'Dept of Transport', 'WC011', 'DC3', 'primary', 'yes', '-1', '60 mph', 'none', '31/02/2027', '2027-03-31', 'NaN', '1 250', '-5', 'Thusong', '<b>x</b>'),
  fc.integer(),
  fc.double(),
  fc.constantFrom<unknown>('@@NaN', '@@Inf', '@@1e400', null, true, false, -0),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);
const properties = fc.oneof({ weight: 8, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...PROPERTY_NAMES), fc.string({ maxLength: 8 })), propertyValue, { maxKeys: 6 }) }, { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.jsonValue({ maxDepth: 1 })) });
const feature = fc.oneof(
  { weight: 10, arbitrary: fc.record({ type: fc.constant('Feature'), geometry, properties, id: sometimes(fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.constant({}))) }, { requiredKeys: ['type', 'geometry', 'properties'] }) },
  { weight: 1, arbitrary: geometry },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);
const crsMember = fc.constantFrom<unknown>(
  { type: 'name', properties: { name: 'EPSG:4326' } },
  { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } },
  { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2048' } },
  { type: 'name', properties: { name: 'EPSG:32734' } },
  { type: 'name', properties: { name: 'EPSG:27700' } },
  { type: 'name', properties: {} },
  'EPSG:4326',
  null,
);
const geojsonDocument = fc.oneof(
  { weight: 8, arbitrary: fc.record({ type: fc.constant('FeatureCollection'), features: fc.array(feature, { maxLength: 12 }), crs: crsMember }, { requiredKeys: ['type', 'features'] }) },
  { weight: 1, arbitrary: fc.array(feature, { maxLength: 6 }) },
  { weight: 1, arbitrary: feature },
  { weight: 1, arbitrary: fc.record({ type: fc.constantFrom('FeatureCollection', 'Topology', 'Feature', 'Point', 'nonsense'), features: fc.jsonValue({ maxDepth: 3 }) }, { requiredKeys: [] }) },
);
const geojsonName = fc.constantFrom('settlements.geojson', 'sassa_offices.geojson', 'roads.geojson', 'municipalities.geojson', 'data.json', 'thusong.geojson', 'regions.geojson');

/** Replaces the value at a random path of a JSON value with `value` (or deletes it). */
function setAtPath(doc: unknown, choices: number[], value: unknown, remove: boolean): unknown {
  const root = structuredClone(doc);
  let node: unknown = root;
  for (let k = 0; k < choices.length; k++) {
    if (typeof node !== 'object' || node === null) break;
    const keys = Object.keys(node);
    if (!keys.length) break;
    const key = keys[choices[k] % keys.length];
    const child = (node as Record<string, unknown>)[key];
    const last = k === choices.length - 1 || typeof child !== 'object' || child === null;
    if (last) {
      if (remove) {
        if (Array.isArray(node)) node.splice(Number(key), 1);
        else delete (node as Record<string, unknown>)[key];
      } else (node as Record<string, unknown>)[key] = value;
      break;
    }
    node = child;
  }
  return root;
}

// ── CSV: random headers, delimiters, cells and quoting ──────────────────────────────────────────

const CSV_HEADERS = ['name', 'naam', 'longitude', 'latitude', 'lon', 'lat', 'x', 'y', 'lengtegraad', 'breedtegraad', 'population', 'bevolking', 'department', 'wkt', 'geometry', 'id', 'lease_expiry', '', 'name', 'NAME'];
const csvCell = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: -40, max: 40, noNaN: true }).map((n) => String(n)) },
  { weight: 2, arbitrary: fc.double({ min: -40, max: 40, noNaN: true }).map((n) => String(n).replace('.', ',')) },
  { weight: 2, arbitrary: fc.string({ maxLength: 10 }) },
  { weight: 2, arbitrary: fc.constantFrom('', 'NaN', 'Infinity', '1e400', '-0', ' 19.45 ', '19°27′', 'POINT (19.45 -34.42)', 'POINT (19.45', 'POLYGON ((19 -34, 19.5 -34, 19.5 -34.5, 19 -34))', 'LINESTRING (19 -34, 19.1 -34.1)', '"', '""', 'a"b', 'SASSA', '2027-02-29', '\ufeff') },
);
const GOOD_HEADERS = [
  ['name', 'longitude', 'latitude', 'population'],
  ['naam', 'lengtegraad', 'breedtegraad', 'bevolking'],
  ['id', 'department', 'name', 'lon', 'lat'],
  ['name', 'population', 'wkt'],
];
const goodRow = fc.tuple(fc.constantFrom('Hermanus', 'Génadendal', 'O1'), fc.double({ min: 17, max: 32, noNaN: true }), fc.double({ min: -34.5, max: -22.5, noNaN: true }), fc.integer({ min: 0, max: 99_999 })).map(([n, x, y, p]) => [n, String(x), String(y), String(p)]);
const csvDocument = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  header: fc.oneof(fc.constantFrom(...GOOD_HEADERS), fc.array(fc.constantFrom(...CSV_HEADERS), { minLength: 1, maxLength: 6 })),
  rows: fc.array(fc.oneof(goodRow, fc.array(csvCell, { maxLength: 7 })), { maxLength: 8 }),
  quoteAll: fc.boolean(),
  bom: fc.boolean(),
  lineBreak: fc.constantFrom('\n', '\r\n', '\r'),
});
function csvText(d: { delimiter: string; header: string[]; rows: string[][]; quoteAll: boolean; bom: boolean; lineBreak: string }): string {
  const cell = (c: string) => (d.quoteAll || c.includes(d.delimiter) ? `"${c.replace(/"/g, '""')}"` : c);
  return (d.bom ? '\ufeff' : '') + [d.header, ...d.rows].map((r) => r.map(cell).join(d.delimiter)).join(d.lineBreak) + d.lineBreak;
}
const csvName = fc.constantFrom('settlements.csv', 'offices.csv', 'data.csv', 'dorpe.txt', 'roads.csv');

// ── zipped Shapefiles, written by @mapbox/shp-write ──────────────────────────────────────────────

type ShpType = 'point' | 'line' | 'polygon';
async function shapefileZip(features: Feature[], compression: 'STORE' | 'DEFLATE', name = 'thusong'): Promise<Uint8Array> {
  const types = { point: name, line: name, polygon: name, polyline: name };
  return (await shpwrite.zip<'uint8array'>({ type: 'FeatureCollection', features }, { outputType: 'uint8array', compression, types } as never)) as Uint8Array;
}

describe('fuzzing the loaders', () => {
  const runs = (n: number) => ({ seed: SEED, numRuns: n * SCALE, endOnFailure: true });
  let zips: { name: string; bytes: Uint8Array }[] = [];

  beforeAll(async () => {
    const centres: Feature[] = [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [19.45, -34.42] }, properties: { id: 'TC-1', name: 'Hermanus Thusong' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [20.05, -34.53] }, properties: { id: 'TC-2', name: 'Bredasdorp Thusong' } },
    ];
    const roads: Feature[] = [{ type: 'Feature', geometry: { type: 'LineString', coordinates: [[19.4, -34.4], [19.5, -34.41], [19.6, -34.45]] }, properties: { highway: 'primary', maxspeed: 100 } }];
    const munis: Feature[] = [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[19, -34], [19, -34.5], [19.5, -34.5], [19.5, -34], [19, -34]]] }, properties: { code: 'WC032', name: 'Overstrand' } }];
    zips = [
      { name: 'thusong.zip', bytes: await shapefileZip(centres, 'STORE') },
      { name: 'thusong-deflated.zip', bytes: await shapefileZip(centres, 'DEFLATE') },
      { name: 'roads.zip', bytes: await shapefileZip(roads, 'STORE', 'roads') },
      { name: 'municipalities.zip', bytes: await shapefileZip(munis, 'STORE', 'municipalities') },
    ];
  });

  it('loads the unmutated inputs (the starting points are valid)', async () => {
    for (const [name, doc] of Object.entries(VALID_GEOJSON)) expect((await load(enc.encode(JSON.stringify(doc)), { fileName: name })).ok, name).toBe(true);
    for (const [name, text] of Object.entries(VALID_CSV)) expect((await load(enc.encode(text), { fileName: name })).ok, name).toBe(true);
    for (const z of zips) expect((await load(z.bytes, { fileName: z.name })).ok, z.name).toBe(true);
  });

  it('never throws on byte-mutated GeoJSON', async () => {
    const tally = newTally();
    const bases = Object.entries(VALID_GEOJSON).map(([name, doc]) => ({ name, bytes: enc.encode(JSON.stringify(doc, null, 1)) }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...bases), jsonMutations, fc.boolean(), async (base, ms, hinted) => {
        await load(mutate(base.bytes, ms), hinted ? { fileName: base.name, kindHint: 'settlements' } : { fileName: base.name }, tally);
      }),
      runs(250),
    );
    expectBoth(tally, 250);
  });

  it('never throws on byte-mutated CSV', async () => {
    const tally = newTally();
    const bases = Object.entries(VALID_CSV).map(([name, text]) => ({ name, bytes: enc.encode(text) }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...bases), mutations, async (base, ms) => {
        await load(mutate(base.bytes, ms), { fileName: base.name }, tally);
      }),
      runs(250),
    );
    expectBoth(tally, 250);
  });

  it('never throws on byte-mutated zipped Shapefiles', async () => {
    const tally = newTally();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3 }), zipMutations, async (k, ms) => {
        await load(mutate(zips[k].bytes, ms), { fileName: zips[k].name }, tally);
      }),
      runs(250),
    );
    expectBoth(tally, 250);
  });

  it('never throws on generated GeoJSON with random structure, properties and coordinates', async () => {
    const tally = newTally();
    await fc.assert(
      fc.asyncProperty(geojsonDocument, geojsonName, async (doc, name) => {
        const bytes = enc.encode(withTokens(JSON.stringify(doc) ?? 'null'));
        await load(bytes, { fileName: name }, tally);
      }),
      runs(300),
    );
    expectBoth(tally, 300);
  });

  it('never throws when one member of a valid GeoJSON is replaced by a random value or removed', async () => {
    const tally = newTally();
    const bases = Object.entries(VALID_GEOJSON);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...bases),
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        fc.oneof(fc.jsonValue({ maxDepth: 3 }), coordinate, propertyValue, position),
        fc.boolean(),
        fileOptions('x'),
        async ([name, doc], path, value, remove, options) => {
          const bytes = enc.encode(withTokens(JSON.stringify(setAtPath(doc, path, value, remove)) ?? 'null'));
          await load(bytes, { ...options, fileName: name }, tally);
        },
      ),
      runs(300),
    );
    expectBoth(tally, 300);
  });

  it('never throws on generated CSV, with or without the columns and layer chosen by a user', async () => {
    const tally = newTally();
    await fc.assert(
      fc.asyncProperty(
        csvDocument,
        csvName,
        sometimes(fc.tuple(fc.constantFrom(...CSV_HEADERS), fc.constantFrom(...CSV_HEADERS))),
        sometimes(fc.constantFrom<LayerKind>(...LAYER_KINDS)),
        sometimes(fc.dictionary(fc.constantFrom('name', 'population', 'department', 'id', 'code', 'region', 'class'), fc.constantFrom(...CSV_HEADERS), { maxKeys: 3 })),
        async (doc, name, columns, kindHint, fieldMapping) => {
          const options: LoadOptions = { fileName: name };
          if (columns) options.csvColumns = { lon: columns[0], lat: columns[1] };
          if (kindHint) options.kindHint = kindHint;
          if (fieldMapping) options.fieldMapping = fieldMapping;
          await load(enc.encode(csvText(doc)), options, tally);
        },
      ),
      runs(300),
    );
    expectBoth(tally, 300);
  });

  it('never throws on Shapefiles written with random coordinates and attributes', async () => {
    const tally = newTally();
    const shapes = fc.record({
      type: fc.constantFrom<ShpType>('point', 'line', 'polygon'),
      coords: fc.array(fc.tuple(coordinate.filter((c): c is number => typeof c === 'number'), coordinate.filter((c): c is number => typeof c === 'number')), { minLength: 1, maxLength: 6 }),
      props: fc.dictionary(fc.constantFrom('name', 'population', 'department', 'code', 'highway', 'x'), fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), { maxKeys: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(shapes, { minLength: 1, maxLength: 4 }), async (list) => {
        const type = list[0].type;
        const features: Feature[] = list.map((s) => ({
          type: 'Feature',
          properties: s.props,
          geometry: type === 'point' ? { type: 'Point', coordinates: s.coords[0] } : type === 'line' ? { type: 'LineString', coordinates: s.coords } : { type: 'Polygon', coordinates: [[...s.coords, s.coords[0]]] },
        }));
        let bytes: Uint8Array;
        try {
          bytes = await shapefileZip(features, 'STORE', 'shapes');
        } catch {
          return; // the writer refused; nothing to read
        }
        await load(bytes, { fileName: 'shapes.zip' }, tally);
      }),
      runs(150),
    );
    expectBoth(tally, 150);
  });

  it('reads mutated GeoJSON the same way whole and as a stream, however the stream is cut', async () => {
    const summary = (r: LoadResult) => (r.ok ? { ok: true, features: r.file.collection.features.length, warnings: r.file.warnings.map((w) => w.code) } : { ok: false, mapping: !!r.mapping, first: r.errors[0].code });
    const source = fc.oneof(
      geojsonDocument.map((d) => enc.encode(withTokens(JSON.stringify(d) ?? 'null'))),
      fc.tuple(fc.constantFrom(...Object.values(VALID_GEOJSON)), mutations).map(([d, ms]) => mutate(enc.encode(JSON.stringify(d, null, 1)), ms)),
    );
    await fc.assert(
      fc.asyncProperty(source, fc.integer({ min: 1, max: 64 }), async (bytes, chunk) => {
        const whole = await load(bytes, { fileName: 'data.geojson' });
        const stream = new ReadableStream<Uint8Array>({
          start(c) {
            for (let i = 0; i < bytes.length; i += chunk) c.enqueue(bytes.slice(i, i + chunk));
            c.close();
          },
        });
        const streamed = await loadSource(stream, { fileName: 'data.geojson', streamThresholdBytes: 0 });
        expectWellFormed(streamed, 'data.geojson');
        expect(summary(streamed)).toEqual(summary(whole));
      }),
      runs(300),
    );
  });
});
