import type { Geometry } from 'geojson';
import { InputError, type InputIssue } from '../model/errors';
import { crsFromGeoJsonMember } from './crs';
import { issue } from './input-issues';
import { locateJsonError, quoteNonFiniteTokens, type JsonProblem } from './locate-json-error';
import type { SourceFeature, SourceFile } from './source-features';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

function malformed(fileName: string, p: JsonProblem): InputError {
  const at = `line ${p.line}, column ${p.column}`;
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
        issues.push(
          issue(
            'malformed-json',
            'warning',
            `${fileName} contains NaN or Infinity (first at line ${problem.line}, column ${problem.column}), which is not valid JSON; those values were read as missing.`,
            'Export missing numbers as null (in Python: json.dump(..., allow_nan=False) after replacing NaN with None).',
            { file: fileName },
            problem.found,
          ),
        );
        return parsed;
      } catch {
        // other errors as well: report the first one
      }
    }
    throw malformed(
      fileName,
      problem ?? { offset: 0, line: 1, column: 1, expected: 'valid JSON', found: e.message, truncated: false, nonFinite: false },
    );
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** FeatureCollection, a single Feature, a bare Geometry, or an array of Features. */
export function loadGeoJson(text: string, fileName: string): SourceFile {
  const issues: InputIssue[] = [];
  const json = parseJson(text, fileName, issues);
  const where = { file: fileName };
  let rawFeatures: unknown[];
  let crsMember: unknown;
  if (Array.isArray(json)) {
    rawFeatures = json;
  } else if (!isObject(json)) {
    throw new InputError({ code: 'not-geojson', message: `${fileName} holds a single JSON value (${JSON.stringify(json).slice(0, 40)}), not GeoJSON.`, fix: 'Load a GeoJSON FeatureCollection.', where });
  } else {
    crsMember = json.crs;
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
      rawFeatures = json.features;
    } else if (type === 'Feature') {
      rawFeatures = [json];
    } else if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) {
      rawFeatures = [{ type: 'Feature', geometry: json, properties: {} }];
    } else if (type === 'Topology') {
      throw new InputError({
        code: 'not-geojson',
        message: `${fileName} is TopoJSON, not GeoJSON.`,
        fix: 'Convert it to GeoJSON first (e.g. mapshaper: -o format=geojson, or topojson-client’s topo2geo).',
        where,
      });
    } else {
      const keys = Object.keys(json).slice(0, 5).join(', ');
      throw new InputError({
        code: 'not-geojson',
        message:
          type === undefined
            ? `${fileName} is JSON but not GeoJSON: it has no "type" member (its top-level keys are ${keys || 'none'}).`
            : `${fileName} is JSON but not GeoJSON: its "type" is “${String(type)}”, not FeatureCollection, Feature or a geometry.`,
        fix: 'Load a GeoJSON FeatureCollection (QGIS: Export ▸ Save Features As ▸ GeoJSON).',
        where,
        value: type === undefined ? undefined : String(type),
      });
    }
  }

  const features: SourceFeature[] = [];
  const fieldSet = new Set<string>();
  rawFeatures.forEach((raw, index) => {
    const f = isObject(raw) ? raw : {};
    let geometry: unknown = f.geometry;
    // a bare geometry inside a features array, seen in hand-made files
    if (geometry === undefined && typeof f.type === 'string' && GEOMETRY_TYPES.has(f.type)) geometry = f;
    const properties = isObject(f.properties) ? f.properties : {};
    for (const k in properties) fieldSet.add(k);
    const feature: SourceFeature = { index, geometry: (geometry ?? null) as Geometry | null, properties };
    if (typeof f.id === 'string' || typeof f.id === 'number') feature.id = f.id;
    features.push(feature);
  });

  const out: SourceFile = { format: 'geojson', features, fields: [...fieldSet], issues };
  const crs = crsFromGeoJsonMember(crsMember);
  if (crs) out.crs = crs;
  return out;
}
