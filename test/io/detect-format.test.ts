import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors';
import { detectFormat } from '../../src/io/detect-format';

const bytes = (s: string) => new TextEncoder().encode(s);
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof InputError ? e.code : 'not an InputError';
  }
  return 'no error';
};

describe('detecting a file’s format', () => {
  it('calls text starting with { GeoJSON', () => {
    expect(detectFormat(bytes('  {"type":"FeatureCollection"}'), 'a.txt').format).toBe('geojson');
  });
  it('calls other text CSV', () => {
    expect(detectFormat(bytes('name,lon,lat\n'), 'a.txt').format).toBe('csv');
  });
  it('calls a .geojson that does not start with { GeoJSON, so the JSON error is reported', () => {
    expect(detectFormat(bytes('type: FeatureCollection'), 'a.geojson').format).toBe('geojson');
  });
  it('recognises a zip by its PK\\x03\\x04 signature', () => {
    expect(detectFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'roads').format).toBe('shapefile-zip');
  });
  it('strips a UTF-8 byte order mark from text', () => {
    const r = detectFormat(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('a,b\n')]), 'a.csv');
    expect(r.format === 'csv' && r.text).toBe('a,b\n');
  });
  it('decodes UTF-16 text (Excel’s “Unicode text”)', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'naam\tx\n'].flatMap((c) => [c.charCodeAt(0), 0])]);
    const r = detectFormat(utf16, 'a.txt');
    expect(r.format === 'csv' && r.text).toBe('naam\tx\n');
  });
  it('decodes Windows-1252 bytes that are not UTF-8', () => {
    const r = detectFormat(new Uint8Array([...bytes('naam\nPa'), 0xea, ...bytes('l\n')]), 'a.csv');
    expect(r.format === 'csv' && r.text).toBe('naam\nPaêl\n');
  });
  it('refuses an empty file with empty-file', () => {
    expect(codeOf(() => detectFormat(new Uint8Array(), 'a.csv'))).toBe('empty-file');
  });
  it('refuses blank text with empty-file', () => {
    expect(codeOf(() => detectFormat(bytes(' \n\n '), 'a.csv'))).toBe('empty-file');
  });
  it('refuses a file over maxBytes with file-too-large', () => {
    expect(codeOf(() => detectFormat(bytes('0123456789'), 'a.csv', 5))).toBe('file-too-large');
  });
  it('refuses binary data with unknown-format', () => {
    expect(codeOf(() => detectFormat(new Uint8Array([1, 2, 3, 0, 9, 9]), 'a.csv'))).toBe('unknown-format');
  });
  it('says a bare .shp needs its other parts', () => {
    let message = '';
    try {
      detectFormat(new Uint8Array([0, 0, 0x27, 0x0a, 0, 0, 0]), 'roads.shp');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/\.shp part of a Shapefile/);
  });
  it('names an Excel workbook so the fix can say “Save As CSV”', () => {
    let fix = '';
    try {
      detectFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), 'offices.xlsx');
    } catch (e) {
      fix = (e as InputError).fix;
    }
    expect(fix).toMatch(/CSV/);
  });
});
