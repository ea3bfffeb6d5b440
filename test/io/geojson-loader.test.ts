import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors';
import { loadGeoJson } from '../../src/io/geojson-loader';
import { locateJsonError, quoteNonFiniteTokens } from '../../src/io/locate-json-error';

const point = { type: 'Point', coordinates: [18.42, -33.92] };

function errorOf(text: string): InputError {
  try {
    loadGeoJson(text, 'f.geojson');
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('finding where JSON is malformed', () => {
  it('gives the line and column of a missing comma', () => {
    const p = locateJsonError('{\n  "a": 1\n  "b": 2\n}');
    expect(p).toMatchObject({ line: 3, column: 3, truncated: false });
    expect(p!.expected).toMatch(/','/);
  });
  it('says truncated text ends early and where the open bracket began', () => {
    const p = locateJsonError('{"features": [\n {"a": 1');
    expect(p).toMatchObject({ truncated: true, openedAt: { line: 2, column: 2, bracket: '{' } });
  });
  it('returns nothing for valid JSON', () => {
    expect(locateJsonError('{"a": [1, 2.5e3, "x\\n", true, null]}')).toBeUndefined();
  });
  it('turns Python’s NaN into the text "NaN" outside strings only', () => {
    expect(quoteNonFiniteTokens('[NaN, -Infinity, "NaN"]')).toBe('["NaN", "-Infinity", "NaN"]');
  });
});

describe('loading GeoJSON', () => {
  it('reads a FeatureCollection with its fields in order of appearance', () => {
    const s = loadGeoJson(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: point, properties: { b: 1, a: 2 } }, { type: 'Feature', geometry: point, properties: { c: 3 } }] }), 'f.geojson');
    expect(s.features).toHaveLength(2);
    expect(s.fields).toEqual(['b', 'a', 'c']);
  });
  it('reads a single Feature', () => {
    expect(loadGeoJson(JSON.stringify({ type: 'Feature', geometry: point, properties: { name: 'x' } }), 'f.geojson').features).toHaveLength(1);
  });
  it('reads a bare geometry as one feature without properties', () => {
    const s = loadGeoJson(JSON.stringify(point), 'f.geojson');
    expect(s.features[0]).toMatchObject({ geometry: point, properties: {} });
  });
  it('keeps a Feature’s id member', () => {
    expect(loadGeoJson(JSON.stringify({ type: 'Feature', id: 7, geometry: point, properties: {} }), 'f.geojson').features[0].id).toBe(7);
  });
  it('reports malformed JSON with its line and column', () => {
    const e = errorOf('{"type": "FeatureCollection",\n "features": [}');
    expect(e.code).toBe('malformed-json');
    expect(e.message).toMatch(/line 2, column 15/);
  });
  it('reports truncated JSON as truncated', () => {
    expect(errorOf('{"type": "FeatureCollection", "features": [{"type": "Feature"').message).toMatch(/truncated/);
  });
  it('refuses JSON that is not GeoJSON, naming its type', () => {
    const e = errorOf('{"type": "Map", "layers": []}');
    expect(e.code).toBe('not-geojson');
    expect(e.message).toContain('“Map”');
  });
  it('reads the legacy crs member', () => {
    const s = loadGeoJson(JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2048' } }, features: [] }), 'f.geojson');
    expect(s.crs?.kind === 'known' && s.crs.crs.id).toBe('EPSG:2048');
  });
  it('reads Python’s NaN with a warning instead of failing', () => {
    const s = loadGeoJson('{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[NaN,1]},"properties":{}}]}', 'f.geojson');
    expect(s.issues.map((i) => i.code)).toEqual(['malformed-json']);
    expect((s.features[0].geometry as GeoJSON.Point).coordinates[0]).toBe('NaN');
  });
});
