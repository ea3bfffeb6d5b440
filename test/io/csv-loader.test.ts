import { describe, expect, it } from 'vitest';
import { detectDelimiter, loadCsv } from '../../src/io/csv-loader';
import { findCoordinateColumns } from '../../src/io/coordinate-columns';
import { parseWkt } from '../../src/io/parse-wkt';
import { readNumber } from '../../src/io/read-number';
import { loadFile } from '../../src/io/load-file';

const csv = (text: string, extra: Partial<Parameters<typeof loadCsv>[1]> = {}) => loadCsv(text, { fileName: 't.csv', userMapped: false, ...extra });
const coords = (r: ReturnType<typeof csv>) => (r.ok ? r.source.features.map((f) => (f.geometry as GeoJSON.Point | null)?.coordinates) : []);

describe('reading numbers typed in spreadsheets', () => {
  it('reads a decimal comma in a coordinate', () => {
    expect(readNumber('-33,9249', 'coordinate')).toBe(-33.9249);
  });
  it('reads comma thousands in a count from a comma file', () => {
    expect(readNumber('1,234,567', 'count')).toBe(1234567);
  });
  it('reads space thousands and a decimal comma in a count from a semicolon file', () => {
    expect(readNumber('12 345,5', 'count', true)).toBe(12345.5);
  });
  it('refuses text', () => {
    expect(readNumber('twenty', 'count')).toBeNaN();
  });
});

describe('finding coordinate columns by name', () => {
  it.each([
    [['name', 'lon', 'lat'], 'lon', 'lat'],
    [['name', 'Longitude', 'Latitude'], 'Longitude', 'Latitude'],
    [['naam', 'lengtegraad', 'breedtegraad'], 'lengtegraad', 'breedtegraad'],
    [['lengte', 'breedte'], 'lengte', 'breedte'],
    [['lon_dd', 'lat_dd'], 'lon_dd', 'lat_dd'],
    [['GPS longitude', 'GPS latitude'], 'GPS longitude', 'GPS latitude'],
    [['Long', 'Lat', 'population'], 'Long', 'Lat'],
    [['X', 'Y'], 'X', 'Y'],
    [['lng', 'lat'], 'lng', 'lat'],
  ])('%j → %s, %s', (fields, lon, lat) => {
    expect(findCoordinateColumns(fields)).toMatchObject({ lon, lat });
  });
  it('does not take “population” for latitude or “long name” for longitude', () => {
    expect(findCoordinateColumns(['long name', 'population'])).toMatchObject({ lon: undefined, lat: undefined });
  });
});

describe('loading CSV', () => {
  it('detects comma, semicolon and tab delimiters from the header', () => {
    expect([detectDelimiter('a,b;c,d\n'), detectDelimiter('a;b;c\n1,5;2\n'), detectDelimiter('a\tb\tc\n')]).toEqual([',', ';', '\t']);
  });
  it('strips a byte order mark from the first column name', () => {
    const r = csv('\ufeffname,lon,lat\nA,18.4,-33.9\n');
    expect(r.ok && r.source.fields[0]).toBe('name');
  });
  it('reads semicolons with decimal commas', () => {
    expect(coords(csv('naam;lengtegraad;breedtegraad\nA;18,4241;-33,9249\n'))).toEqual([[18.4241, -33.9249]]);
  });
  it('reads tab-separated values', () => {
    expect(coords(csv('name\tlongitude\tlatitude\nA\t18.5\t-33.5\n'))).toEqual([[18.5, -33.5]]);
  });
  it('reads quoted cells that contain the delimiter', () => {
    const r = csv('name,lon,lat\n"Paarl, Main Rd",18.9,-33.7\n');
    expect(r.ok && r.source.features[0].properties.name).toBe('Paarl, Main Rd');
  });
  it('numbers data rows from 1 after the header, counting blank lines', () => {
    const r = csv('name,lon,lat\nA,18.4,-33.9\n\nB,x,-33.9\n');
    expect(r.ok && r.source.features.map((f) => f.row)).toEqual([1, 3]);
    expect(r.ok && r.source.features[1].unreadable).toMatchObject({ code: 'invalid-coordinate', where: { row: 3, property: 'lon' } });
  });
  it('reads a WKT geometry column', () => {
    const r = csv('name;wkt\nA;POLYGON ((18 -34, 19 -34, 19 -33, 18 -34))\n');
    expect(r.ok && r.source.features[0].geometry).toEqual({ type: 'Polygon', coordinates: [[[18, -34], [19, -34], [19, -33], [18, -34]]] });
  });
  it('asks for columns when none look like coordinates', () => {
    const r = csv('name,population\nA,10\n');
    expect(r.ok).toBe(false);
    expect(!r.ok && r).toMatchObject({ needsCoordinates: true, fields: ['name', 'population'], errors: [{ code: 'missing-column' }] });
  });
  it('guesses coordinate columns from South African values when the names do not say', () => {
    const r = csv('a,b,c\nX,18.42,-33.92\nY,19.1,-34.1\n');
    expect(!r.ok && r).toMatchObject({ guessedLon: 'b', guessedLat: 'c' });
  });
  it('asks for columns when the header is missing, with made-up column names', () => {
    const r = csv('A,18.42,-33.92,100\n');
    expect(!r.ok && r).toMatchObject({ fields: ['column 1', 'column 2', 'column 3', 'column 4'], errors: [{ code: 'missing-header', where: { row: 1 } }] });
  });
  it('reads a headerless file once the user has chosen the columns', () => {
    const r = csv('A,18.42,-33.92,100\n', { userMapped: true, csvColumns: { lon: 'column 2', lat: 'column 3' } });
    expect(coords(r)).toEqual([[18.42, -33.92]]);
  });
  it('names both positions of a duplicate column and asks first', () => {
    const r = csv('name,lon,lat,name\nA,18.4,-33.9,B\n');
    expect(!r.ok && r.errors[0]).toMatchObject({ code: 'duplicate-column', message: expect.stringMatching(/Columns 1 and 4/) });
    expect(!r.ok && r.fields).toEqual(['name', 'lon', 'lat', 'name (column 4)']);
  });
  it('loads despite a duplicate column once the user has mapped, with a warning', () => {
    const r = csv('name,lon,lat,name\nA,18.4,-33.9,B\n', { userMapped: true });
    expect(r.ok && r.source.issues.map((i) => [i.code, i.severity])).toEqual([['duplicate-column', 'warning']]);
  });
  it('refuses an unclosed quote', () => {
    const r = csv('name,lon,lat\n"A,18.4,-33.9\n');
    expect(!r.ok && r.errors[0].code).toBe('malformed-csv');
  });
});

describe('loading CSV end to end', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('suggests swapping the columns when latitude sits in the longitude column', async () => {
    const r = await loadFile(enc('name,lon,lat,population\nA,-33.92,18.42,10\nB,-34.1,19.1,20\n'), { fileName: 'towns.csv' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0].code).toBe('swapped-coordinates');
    expect(!r.ok && r.mapping).toMatchObject({ needsCoordinates: true, guessedLon: 'lat', guessedLat: 'lon' });
  });
  it('loads once the user swaps the columns in the mapping step', async () => {
    const r = await loadFile(enc('name,lon,lat,population\nA,-33.92,18.42,10\n'), { fileName: 'towns.csv', csvColumns: { lon: 'lat', lat: 'lon' } });
    expect(r.ok && (r.file.collection.features[0].geometry as GeoJSON.Point).coordinates).toEqual([18.42, -33.92]);
  });
  it('reads an Afrikaans semicolon file with decimal commas as settlements', async () => {
    const r = await loadFile(enc('\ufeffnaam;breedtegraad;lengtegraad;bevolking\nToetsdorp;-33,700;19,600;1 200\n'), { fileName: 'dorpe.csv' });
    expect(r.ok && r.file.kind).toBe('settlements');
    expect(r.ok && r.file.collection.features[0]).toMatchObject({ geometry: { coordinates: [19.6, -33.7] }, properties: { name: 'Toetsdorp', population: 1200 } });
  });
});

describe('reading WKT', () => {
  it.each([
    ['POINT (18.4 -33.9)', { type: 'Point', coordinates: [18.4, -33.9] }],
    ['SRID=4326;POINT Z (18.4 -33.9 12)', { type: 'Point', coordinates: [18.4, -33.9, 12] }],
    ['LINESTRING(18 -34,19 -33)', { type: 'LineString', coordinates: [[18, -34], [19, -33]] }],
    ['MULTIPOINT ((1 2), (3 4))', { type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] }],
  ])('%s', (text, geometry) => {
    expect(parseWkt(text)).toEqual(geometry);
  });
  it('refuses a point with one number', () => {
    expect(parseWkt('POINT (18.4)')).toBeUndefined();
  });
});
