import { concatBytes } from './concat-bytes';
import type { Feature } from 'geojson';
import type { Catalogue } from '../model/catalogue';
import { InputError, type InputIssue } from '../model/errors';
import { LAYER_LABELS, type LayerKind, type LoadedFile } from '../model/layers';
import { throttleProgress, type ProgressFn } from '../model/progress';
import { checkFeatureLocation } from './check-coordinates';
import { chooseCrs } from './choose-crs';
import { classifyLayer, type Classification } from './classify-layer';
import { WGS84 } from './crs';
import { loadCsv, type CsvGeometryColumns } from './csv-loader';
import { departmentFromFileName } from './department-from-file-name';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_STREAM_BYTES, DEFAULT_STREAM_THRESHOLD_BYTES, detectFormat, fileTooLarge, startsLikeJson } from './detect-format';
import { resolveFields } from './field-aliases';
import { createFileHasher, fileId } from './file-id';
import { loadGeoJson } from './geojson-loader';
import { createGeoJsonStreamReader } from './geojson-stream';
import { issue } from './input-issues';
import { normaliseProperties, text } from './normalise-properties';
import { orientationNote, reprojectGeometry, toWgs84 } from './reproject';
import { loadShapefileZip } from './shapefile-loader';
import type { SourceFeature, SourceFile } from './source-features';
import { collectionExtent } from './summarise';
import { checkStructure, geometryFamily, validateForLayer, type GeometryFamily } from './validate-geometry';

export interface LoadOptions {
  fileName: string;
  /** the user reassigned the file to this layer */
  kindHint?: LayerKind;
  /** canonical field → original field name, chosen by the user */
  fieldMapping?: Record<string, string>;
  /** chosen by the user in the mapping step */
  csvColumns?: { lon: string; lat: string };
  /** for files read whole (CSV, zipped Shapefile, small GeoJSON): default 100 MB; larger → 'file-too-large' */
  maxBytes?: number;
  /** for GeoJSON read as a stream: default 512 MB (or maxBytes, if larger); larger → 'file-too-large' */
  maxStreamBytes?: number;
  /** GeoJSON over this many bytes is streamed (default 20 MB); 0 streams every GeoJSON */
  streamThresholdBytes?: number;
  /** the size of a ReadableStream source, when known (for progress and the size limit before reading) */
  sizeBytes?: number;
  catalogue?: Catalogue;
}

export interface MappingRequest {
  kind: LayerKind;
  /** the file's columns (made unique) */
  fields: string[];
  /** required canonical fields with no column yet */
  missing: string[];
  sample: Record<string, string>[];
  needsCoordinates: boolean;
  guessedLon?: string;
  guessedLat?: string;
}

export type LoadResult = { ok: true; file: LoadedFile } | { ok: false; errors: InputIssue[]; mapping?: MappingRequest };

/** Per-feature errors shown when a whole file fails; the rest are summed up in one more line. */
const MAX_LISTED_ERRORS = 100;
const CHUNK = 1024;

/** What a file can be read from: bytes in memory, a Blob (a browser File), or a stream of bytes. */
export type LoadSource = ArrayBuffer | Uint8Array | Blob | ReadableStream<Uint8Array>;

/**
 * Reads a GeoJSON, CSV or zipped Shapefile into a LoadedFile of one layer: detect the format, parse,
 * check structure, choose and apply the CRS, check locations, pick the layer, map fields, validate
 * geometry for the layer, normalise properties. Bad user data never throws: it comes back as
 * `{ ok: false, errors }`, with `mapping` when the user can fix it by choosing columns or a layer.
 * Pure and DOM-free: runs in a worker and in Node.
 */
export async function loadFile(bytes: ArrayBuffer | Uint8Array, options: LoadOptions, progress?: ProgressFn): Promise<LoadResult> {
  return loadSource(bytes, options, progress);
}

/**
 * `loadFile` for any source. GeoJSON over `streamThresholdBytes` is read as a stream, one feature at
 * a time, with progress by bytes read, and never held as one string; everything else is read whole.
 * Size limits are checked before reading where the size is known (a Blob, bytes, or `sizeBytes`).
 */
export async function loadSource(source: LoadSource, options: LoadOptions, progress?: ProgressFn): Promise<LoadResult> {
  const report = throttleProgress(progress);
  try {
    report({ phase: 'reading', done: 0, total: 1 });
    const opened = await openSource(source, options);
    const parsed = opened.stream ? await readStreamed(opened, options, report) : await readWhole(await opened.whole(), options, report);
    if ('ok' in parsed) return parsed;
    return finishPipeline(parsed, options, report);
  } catch (e) {
    if (e instanceof InputError) return { ok: false, errors: [e.toIssue()] };
    if (isReadFailure(e)) {
      return {
        ok: false,
        errors: [
          issue(
            'unreadable-file',
            'error',
            `${options.fileName} could not be read (${(e as Error).message || (e as Error).name}): it may have been changed, moved or deleted since it was chosen.`,
            'Choose the file again; if it is on a network or removable drive, copy it to this computer first.',
            { file: options.fileName },
          ),
        ],
      };
    }
    throw e;
  }
}

/** A browser's error for a File whose bytes are gone (the file changed on disk after it was chosen). */
const isReadFailure = (e: unknown) => typeof e === 'object' && e !== null && ['NotReadableError', 'NotFoundError', 'SecurityError'].includes((e as Error).name);

/** How many bytes are looked at to decide between streaming and reading whole. */
const HEAD_BYTES = 4096;
/** Chunks cut from bytes already in memory when they are streamed. */
const MEMORY_CHUNK_BYTES = 1 << 20;

interface OpenedSource {
  /** chunks of a GeoJSON to stream, or undefined when the file is read whole */
  stream?: AsyncIterable<Uint8Array>;
  /** all bytes, for a file read whole */
  whole(): Promise<Uint8Array>;
  /** the size when known */
  size?: number;
  /** the limit that applies, and to what */
  maxBytes: number;
}

async function openSource(source: LoadSource, options: LoadOptions): Promise<OpenedSource> {
  const file = options.fileName;
  const maxWhole = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxStream = options.maxStreamBytes ?? Math.max(DEFAULT_MAX_STREAM_BYTES, maxWhole);
  const threshold = options.streamThresholdBytes ?? DEFAULT_STREAM_THRESHOLD_BYTES;
  const limitFor = (size: number | undefined, head: Uint8Array) => {
    const stream = startsLikeJson(head) && (size === undefined || size > threshold);
    const max = stream ? maxStream : maxWhole;
    if (size !== undefined && size > max) throw fileTooLarge(file, size, max, stream ? ' for GeoJSON' : '');
    return { stream, max };
  };

  if (source instanceof ArrayBuffer || source instanceof Uint8Array) {
    const u8 = source instanceof Uint8Array ? source : new Uint8Array(source);
    const { stream, max } = limitFor(u8.length, u8.subarray(0, HEAD_BYTES));
    return {
      stream: stream ? memoryChunks(u8) : undefined,
      whole: async () => u8,
      size: u8.length,
      maxBytes: max,
    };
  }
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    const head = new Uint8Array(await source.slice(0, HEAD_BYTES).arrayBuffer());
    const { stream, max } = limitFor(source.size, head);
    return { stream: stream ? streamChunks(source.stream()) : undefined, whole: async () => new Uint8Array(await source.arrayBuffer()), size: source.size, maxBytes: max };
  }
  // a ReadableStream: read enough to decide, then go on from where the head ended
  const reader = (source as ReadableStream<Uint8Array>).getReader();
  const headChunks: Uint8Array[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < HEAD_BYTES && !done) {
    const r = await reader.read();
    if (r.done) done = true;
    else {
      headChunks.push(r.value);
      headLength += r.value.length;
    }
  }
  const head = concatBytes(headChunks, headLength).subarray(0, HEAD_BYTES);
  const { stream, max } = limitFor(options.sizeBytes, head);
  const rest = async function* () {
    yield* headChunks;
    while (!done) {
      const r = await reader.read();
      if (r.done) done = true;
      else yield r.value;
    }
  };
  return {
    stream: stream ? rest() : undefined,
    whole: async () => {
      const parts: Uint8Array[] = [];
      let length = 0;
      for await (const chunk of rest()) {
        length += chunk.length;
        if (length > max) {
          await reader.cancel();
          throw fileTooLarge(file, length, max);
        }
        parts.push(chunk);
      }
      return concatBytes(parts, length);
    },
    size: options.sizeBytes,
    maxBytes: max,
  };
}

async function* memoryChunks(u8: Uint8Array): AsyncIterable<Uint8Array> {
  for (let i = 0; i < u8.length; i += MEMORY_CHUNK_BYTES) yield u8.subarray(i, i + MEMORY_CHUNK_BYTES);
}

async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) return;
      yield r.value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** A file read and parsed into source features, before the checks that do not depend on the format. */
interface Parsed {
  source: SourceFile;
  csvColumns?: CsvGeometryColumns;
  decimalComma: boolean;
  id: string;
  bytes: number;
}

/** GeoJSON as a stream: features are parsed as the bytes arrive; progress counts bytes. */
async function readStreamed(opened: OpenedSource, options: LoadOptions, report: ProgressFn): Promise<Parsed> {
  const file = options.fileName;
  const reader = createGeoJsonStreamReader(file);
  const hasher = createFileHasher();
  let bytes = 0;
  for await (const chunk of opened.stream!) {
    bytes += chunk.length;
    if (bytes > opened.maxBytes) throw fileTooLarge(file, bytes, opened.maxBytes, ' for GeoJSON');
    hasher.update(chunk);
    reader.push(chunk);
    report({ phase: 'reading', done: bytes, total: Math.max(opened.size ?? 0, bytes) });
  }
  if (bytes === 0) throw new InputError({ code: 'empty-file', message: `${file} is empty (0 bytes).`, fix: 'Check that the file was saved or downloaded completely, then load it again.', where: { file } });
  report({ phase: 'parsing', done: 0, total: 1 });
  const source = reader.end();
  report({ phase: 'parsing', done: 1, total: 1 });
  return { source, decimalComma: false, id: hasher.id(file), bytes };
}

/** A file in memory: detect its format and parse it; a CSV may stop here to ask for columns. */
async function readWhole(u8: Uint8Array, options: LoadOptions, report: ProgressFn): Promise<Parsed | LoadResult> {
  const file = options.fileName;
  // any choice by the user (or the app) means the mapping step was seen: duplicates no longer stop loading
  const userMapped = !!(options.csvColumns || options.fieldMapping || options.kindHint);
  const detected = detectFormat(u8, file, options.maxBytes ?? DEFAULT_MAX_BYTES);
  report({ phase: 'reading', done: 1, total: 1 });
  report({ phase: 'parsing', done: 0, total: 1 });

  let source: SourceFile;
  let csvColumns: CsvGeometryColumns | undefined;
  let decimalComma = false;
  if (detected.format === 'geojson') source = loadGeoJson(detected.text, file);
  else if (detected.format === 'shapefile-zip') source = await loadShapefileZip(u8, file);
  else {
    const csv = loadCsv(detected.text, { fileName: file, csvColumns: options.csvColumns, userMapped });
    if (!csv.ok) {
      if (!csv.fields.length) return { ok: false, errors: csv.errors };
      const kind = options.kindHint ?? classify(file, csv.fields, undefined, csv.sample, options).kind;
      const { missing } = resolveFields(kind, csv.fields, options.fieldMapping);
      return {
        ok: false,
        errors: csv.errors,
        mapping: { kind, fields: csv.fields, missing, sample: csv.sample, needsCoordinates: csv.needsCoordinates, guessedLon: csv.guessedLon, guessedLat: csv.guessedLat },
      };
    }
    source = csv.source;
    csvColumns = csv.columns;
    decimalComma = csv.delimiter !== ',';
  }
  report({ phase: 'parsing', done: 1, total: 1 });
  return { source, csvColumns, decimalComma, id: fileId(file, u8), bytes: u8.length };
}

/** Everything after parsing: the same for every format and for streamed and whole files. */
function finishPipeline(parsed: Parsed, options: LoadOptions, report: ProgressFn): LoadResult {
  const file = options.fileName;
  const { source, csvColumns, decimalComma } = parsed;
  if (!source.features.length) {
    throw new InputError({
      code: 'no-features',
      message: `${file} holds no features${source.format === 'csv' ? ' (no data rows under the header)' : ''}.`,
      fix: 'Check that you exported the right layer and that it is not filtered to nothing.',
      where: { file },
    });
  }
  const fileWarnings: InputIssue[] = [...source.issues];
  const dropped: InputIssue[] = [];
  const featureWarnings: InputIssue[] = [];
  const total = source.features.length;

  // 1. structure: geometry present, known type, numeric positions
  let features: SourceFeature[] = [];
  source.features.forEach((f, i) => {
    if (i % CHUNK === 0) report({ phase: 'checking', done: i, total });
    const problem = f.unreadable ?? checkStructure(f, file);
    if (problem) dropped.push(problem);
    else features.push(f);
  });
  report({ phase: 'checking', done: total, total });
  if (!features.length) return allDropped(dropped, fileWarnings, file);

  // 2. CRS: declared or judged from the numbers, then reproject to WGS84
  const choice = chooseCrs(features, source.crs, file, source.format);
  if (!choice.ok) {
    if (choice.swapped && csvColumns && 'lon' in csvColumns) {
      const sample = sampleOf(features, source.fields);
      const kind = options.kindHint ?? classify(file, source.fields, { point: features.length }, sample, options).kind;
      return {
        ok: false,
        errors: [choice.error],
        mapping: { kind, fields: source.fields, missing: resolveFields(kind, source.fields, options.fieldMapping).missing, sample, needsCoordinates: true, guessedLon: csvColumns.lat, guessedLat: csvColumns.lon },
      };
    }
    return { ok: false, errors: [choice.error, ...fileWarnings] };
  }
  fileWarnings.push(...choice.warnings);
  if (choice.crs.id !== WGS84.id) {
    const fn = toWgs84(choice.crs, choice.typicalY);
    features.forEach((f, i) => {
      if (i % CHUNK === 0) report({ phase: 'reprojecting', done: i, total: features.length });
      reprojectGeometry(f.geometry!, fn);
    });
    report({ phase: 'reprojecting', done: features.length, total: features.length });
  }
  const sourceCrs = choice.crs.label.replace(/\)$/, `${orientationNote(choice.crs, choice.typicalY)})`);

  // 3. locations: out of range and swapped features dropped, outside South Africa warned
  features = features.filter((f) => {
    const { drop, warning } = checkFeatureLocation(f, file);
    if (drop) dropped.push(drop);
    if (warning) featureWarnings.push(warning);
    return !drop;
  });
  if (!features.length) return allDropped(dropped, fileWarnings, file);

  // 4. the layer: the user's choice, or the classifier's
  const families: Partial<Record<GeometryFamily, number>> = {};
  for (const f of features) {
    const fam = geometryFamily(f.geometry!.type)!;
    families[fam] = (families[fam] ?? 0) + 1;
  }
  const sample = sampleOf(features, source.fields);
  let kind: LayerKind;
  if (options.kindHint) kind = options.kindHint;
  else {
    const c = classify(file, source.fields, families, sample, options);
    kind = c.kind;
    if (c.confidence < 0.5) {
      fileWarnings.push(
        issue(
          'unknown-layer',
          'warning',
          `${file} was loaded as ${LAYER_LABELS[kind]}, but that is a guess (${c.reason}).`,
          'If it belongs to another layer, reassign it in the dataset summary.',
          { file },
          kind,
        ),
      );
    }
  }

  // 5. fields: which columns supply the layer's canonical properties
  const resolution = resolveFields(kind, source.fields, options.fieldMapping);
  let assumedDepartment: string | undefined;
  if (resolution.missing.includes('department')) {
    const d = departmentFromFileName(file, options.catalogue);
    if (d) {
      assumedDepartment = d.code;
      resolution.missing = resolution.missing.filter((m) => m !== 'department');
      fileWarnings.push(
        issue(
          'assumed-department',
          'warning',
          `${file} has no department column; from its name every feature is taken to be ${d.name} (${d.code}).`,
          'Add a department column if the file mixes departments.',
          { file, property: 'department' },
          d.code,
        ),
      );
    }
  }
  if (resolution.unknownMapped.length || resolution.missing.length) {
    const errors = resolution.unknownMapped.map(({ canonical, field }) =>
      issue('missing-column', 'error', `${file} has no column “${field}” (chosen for ${canonical}).`, 'Choose one of the file’s columns.', { file, property: field }, field),
    );
    for (const m of resolution.missing) {
      errors.push(
        issue(
          'missing-column',
          'error',
          `The ${LAYER_LABELS[kind]} layer needs a ${m} column, and none of the columns of ${file} (${source.fields.slice(0, 12).join(', ') || 'none'}${source.fields.length > 12 ? ', …' : ''}) looks like one.`,
          `Choose the column that holds the ${m}, or load the file as another layer.`,
          { file, property: m },
        ),
      );
    }
    return {
      ok: false,
      errors: [...errors, ...fileWarnings],
      mapping: { kind, fields: source.fields, missing: resolution.missing, sample, needsCoordinates: false },
    };
  }

  // 6. geometry against the layer: family, closed rings, enough points, self-crossings
  features = features.filter((f, i) => {
    if (i % CHUNK === 0) report({ phase: 'validating', done: i, total });
    const { drop, warnings } = validateForLayer(f, kind, file);
    featureWarnings.push(...warnings);
    if (drop) dropped.push(drop);
    return !drop;
  });
  report({ phase: 'validating', done: total, total });
  if (!features.length) return allDropped(dropped, fileWarnings, file);

  // 7. properties
  report({ phase: 'normalising', done: 0, total: features.length });
  const norm = normaliseProperties(features, { kind, fileName: file, fieldMap: resolution.fieldMap, catalogue: options.catalogue, assumedDepartment, decimalComma });
  dropped.push(...norm.dropped);
  featureWarnings.push(...norm.warnings);
  if (!norm.features.length) return allDropped(dropped, fileWarnings, file);
  report({ phase: 'normalising', done: features.length, total: features.length });

  const collection = { type: 'FeatureCollection' as const, features: norm.features as Feature[] };
  const warnings = [...fileWarnings, ...byPosition([...dropped, ...featureWarnings])];
  const loaded: LoadedFile = {
    id: parsed.id,
    fileName: file,
    kind,
    collection,
    fields: source.fields,
    fieldMap: resolution.fieldMap,
    extent: collectionExtent(collection),
    sourceCrs,
    warnings,
    bytes: parsed.bytes,
  };
  report({ phase: 'done', done: 1, total: 1 });
  return { ok: true, file: loaded };
}

function classify(fileName: string, fields: string[], families: Partial<Record<GeometryFamily, number>> | undefined, sample: Record<string, string>[], options: LoadOptions): Classification {
  const names = sample.map((r) => r.name ?? r.Name ?? r.NAME ?? r.naam ?? '').filter(Boolean);
  return classifyLayer({ fileName, fields, families, names, catalogue: options.catalogue });
}

function sampleOf(features: SourceFeature[], fields: string[]): Record<string, string>[] {
  return features.slice(0, 5).map((f) => Object.fromEntries(fields.map((k) => [k, text(f.properties[k])])));
}

const position = (i: InputIssue) => i.where.row ?? (i.where.feature !== undefined ? i.where.feature + 1 : 0);
/** Issues in file order (Array.prototype.sort is stable: same place, found order). */
const byPosition = (issues: InputIssue[]) => issues.slice().sort((a, b) => position(a) - position(b));

/** Every feature was left out: the file fails with each reason as an error (the first hundred listed). */
function allDropped(dropped: InputIssue[], fileWarnings: InputIssue[], file: string): LoadResult {
  const sorted = byPosition(dropped);
  const listed: InputIssue[] = sorted.slice(0, MAX_LISTED_ERRORS).map((d) => ({ ...d, severity: 'error' }));
  if (sorted.length > MAX_LISTED_ERRORS) {
    const rest = sorted.length - MAX_LISTED_ERRORS;
    listed.push(issue(sorted[MAX_LISTED_ERRORS].code, 'error', `…and ${rest.toLocaleString('en-US')} more features of ${file} were left out for the reasons above.`, listed[0].fix, { file }));
  }
  if (!sorted.length) {
    listed.push(issue('no-features', 'error', `${file} has no usable features.`, 'Check that you exported the right layer.', { file }));
  }
  return { ok: false, errors: [...listed, ...fileWarnings] };
}
