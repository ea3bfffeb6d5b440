import type { Geometry } from 'geojson';
import { InputError, type InputIssue } from '../model/errors';
import { crsFromGeoJsonMember } from './crs';
import { issue, quoteValue } from './input-issues';
import { locateJsonError, quoteNonFiniteTokens, type JsonProblem } from './locate-json-error';
import type { SourceFeature, SourceFile } from './source-features';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/**
 * The error for malformed JSON: where (line, column and, when known, the byte offset), what was
 * expected and what was found, or that the file ends early.
 */
export function malformedJson(fileName: string, p: JsonProblem, byteOffset?: number): InputError {
  const at = `line ${p.line}, column ${p.column}${byteOffset !== undefined ? ` (byte ${byteOffset.toLocaleString('en-US')})` : ''}`;
  const message = p.truncated
    ? `${fileName} ends in the middle of the JSON (at ${at}${p.openedAt ? `, with the '${p.openedAt.bracket}' opened at line ${p.openedAt.line}, column ${p.openedAt.column} still unclosed` : ''}): it looks truncated.`
    : `${fileName} is not valid JSON: at ${at} it expected ${p.expected} but found ${p.found}.`;
  return new InputError({
    code: 'malformed-json',
    message,
    fix: p.truncated
      ? 'Download or export the file again and check that it arrived complete (its size should match the original).'
      : `Open the file in a text editor, go to line ${p.line} and correct it there (a missing comma or quote is the usual cause), or export it again.`,
    where: { file: fileName },
    value: p.truncated ? undefined : p.found,
  });
}

/** The warning for Python's bare NaN / Infinity, which were read as missing values. */
export function nonFiniteWarning(fileName: string, p: Pick<JsonProblem, 'line' | 'column' | 'found'>): InputIssue {
  return issue(
    'malformed-json',
    'warning',
    `${fileName} contains NaN or Infinity (first at line ${p.line}, column ${p.column}), which is not valid JSON; those values were read as missing.`,
    'Export missing numbers as null (in Python: json.dump(..., allow_nan=False) after replacing NaN with None).',
    { file: fileName },
    p.found,
  );
}

/** JSON.parse with a message that says where and why; tolerates Python's NaN with a warning. */
export function parseJson(text: string, fileName: string, issues: InputIssue[]): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    const problem = locateJsonError(text);
    if (problem?.nonFinite) {
      try {
        const parsed = JSON.parse(quoteNonFiniteTokens(text));
        issues.push(nonFiniteWarning(fileName, problem));
        return parsed;
      } catch {
        // other errors as well: report the first one
      }
    }
    throw malformedJson(
      fileName,
      problem ?? { offset: 0, line: 1, column: 1, expected: 'valid JSON', found: e.message, truncated: false, nonFinite: false },
    );
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Which array of a parsed GeoJSON value holds its features: a FeatureCollection's "features", an
 * array of Features, or a one-element list for a single Feature or a bare Geometry. Throws an
 * InputError for JSON that is not GeoJSON. The streaming reader calls this on the top-level object
 * with its "features" array stood in by a placeholder, and recognises the placeholder coming back.
 */
export function topLevelFeatures(json: unknown, fileName: string): { rawFeatures: unknown[]; crsMember: unknown } {
  const where = { file: fileName };
  if (Array.isArray(json)) return { rawFeatures: json, crsMember: undefined };
  if (!isObject(json)) {
    throw new InputError({ code: 'not-geojson', message: `${fileName} holds a single JSON value (${String(JSON.stringify(json)).slice(0, 40)}), not GeoJSON.`, fix: 'Load a GeoJSON FeatureCollection.', where });
  }
  const crsMember = json.crs;
  const type = json.type;
  if (type === 'FeatureCollection') {
    if (!Array.isArray(json.features)) {
      throw new InputError({
        code: 'not-geojson',
        message: `${fileName} is a FeatureCollection without a "features" array.`,
        fix: 'Export the file again as GeoJSON; a FeatureCollection needs "features": [ … ].',
        where,
      });
    }
    return { rawFeatures: json.features, crsMember };
  }
  if (type === 'Feature') return { rawFeatures: [json], crsMember };
  if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) return { rawFeatures: [{ type: 'Feature', geometry: json, properties: {} }], crsMember };
  if (type === 'Topology') {
    throw new InputError({
      code: 'not-geojson',
      message: `${fileName} is TopoJSON, not GeoJSON.`,
      fix: 'Convert it to GeoJSON first (e.g. mapshaper: -o format=geojson, or topojson-client’s topo2geo).',
      where,
    });
  }
  const keys = Object.keys(json).slice(0, 5).join(', ');
  throw new InputError({
    code: 'not-geojson',
    message:
      type === undefined
        ? `${fileName} is JSON but not GeoJSON: it has no "type" member (its top-level keys are ${keys || 'none'}).`
        : `${fileName} is JSON but not GeoJSON: its "type" is “${quoteValue(type)}”, not FeatureCollection, Feature or a geometry.`,
    fix: 'Load a GeoJSON FeatureCollection (QGIS: Export ▸ Save Features As ▸ GeoJSON).',
    where,
    value: type === undefined ? undefined : quoteValue(type),
  });
}

/** One element of a features array as the pipeline's SourceFeature; its property names join `fields`. */
export function sourceFeatureFrom(raw: unknown, index: number, fields: Set<string>): SourceFeature {
  const f = isObject(raw) ? raw : {};
  let geometry: unknown = f.geometry;
  // a bare geometry inside a features array, seen in hand-made files
  if (geometry === undefined && typeof f.type === 'string' && GEOMETRY_TYPES.has(f.type)) geometry = f;
  const properties = isObject(f.properties) ? f.properties : {};
  for (const k in properties) fields.add(k);
  const feature: SourceFeature = { index, geometry: (geometry ?? null) as Geometry | null, properties };
  if (typeof f.id === 'string' || typeof f.id === 'number') feature.id = f.id;
  return feature;
}

/** FeatureCollection, a single Feature, a bare Geometry, or an array of Features. */
export function loadGeoJson(text: string, fileName: string): SourceFile {
  const issues: InputIssue[] = [];
  const json = parseJson(text, fileName, issues);
  const { rawFeatures, crsMember } = topLevelFeatures(json, fileName);
  const fieldSet = new Set<string>();
  const features = rawFeatures.map((raw, index) => sourceFeatureFrom(raw, index, fieldSet));
  const out: SourceFile = { format: 'geojson', features, fields: [...fieldSet], issues };
  const crs = crsFromGeoJsonMember(crsMember);
  if (crs) out.crs = crs;
  return out;
}
