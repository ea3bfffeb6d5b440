import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvCell, toCsv } from '../../src/io/exporters/csv';
import { toGeoJson } from '../../src/io/exporters/geojson';

describe('writing CSV', () => {
  it('writes a header and rows with CRLF line ends', () => {
    expect(toCsv([{ a: 1, b: 'x' }, { a: 2, b: 'y' }])).toBe('a,b\r\n1,x\r\n2,y\r\n');
  });
  it('quotes cells holding the delimiter, quotes or line breaks', () => {
    expect([csvCell('Paarl, Main Rd'), csvCell('the "best"'), csvCell('two\nlines')]).toEqual(['"Paarl, Main Rd"', '"the ""best"""', '"two\nlines"']);
  });
  it.each(['=SUM(A1:A9)', '+27 21 555 0100', '-2+3', '@cmd', '\tTAB'])('defuses the formula-like text %j with a leading apostrophe', (v) => {
    expect(csvCell(v).replace(/^"/, '').startsWith(`'`)).toBe(true);
  });
  it('leaves negative numbers as numbers', () => {
    expect(csvCell(-33.9249)).toBe('-33.9249');
  });
  it('writes empty cells for null, undefined and NaN', () => {
    expect(toCsv([{ a: null, b: undefined, c: NaN }], { columns: ['a', 'b', 'c'] })).toBe('a,b,c\r\n,,\r\n');
  });
  it('round-trips through a CSV reader', () => {
    const rows = [{ name: 'Café "Thusong", Ceres', note: 'line1\nline2', n: 3 }];
    const parsed = Papa.parse<Record<string, string>>(toCsv(rows), { header: true, skipEmptyLines: true }).data;
    expect(parsed).toEqual([{ name: 'Café "Thusong", Ceres', note: 'line1\nline2', n: '3' }]);
  });
  it('can start with a BOM and use semicolons', () => {
    expect(toCsv([{ a: '1;2' }], { bom: true, delimiter: ';' })).toBe('\ufeffa\r\n"1;2"\r\n');
  });
});

describe('writing GeoJSON', () => {
  const fc: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { name: 'x' }, geometry: { type: 'LineString', coordinates: [[18.123456789, -33.987654321], [-0.00000001, 1]] } }],
  };
  it('rounds coordinates to 6 decimals and writes no -0', () => {
    expect(JSON.parse(toGeoJson(fc)).features[0].geometry.coordinates).toEqual([[18.123457, -33.987654], [0, 1]]);
    expect(toGeoJson(fc)).not.toContain('-0,');
  });
  it('leaves its input unchanged', () => {
    toGeoJson(fc);
    expect((fc.features[0].geometry as GeoJSON.LineString).coordinates[0][0]).toBe(18.123456789);
  });
  it('keeps properties and writes a FeatureCollection', () => {
    expect(JSON.parse(toGeoJson(fc, { decimals: 2 }))).toEqual({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'x' }, geometry: { type: 'LineString', coordinates: [[18.12, -33.99], [0, 1]] } }] });
  });
});
