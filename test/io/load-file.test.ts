import { describe, expect, it } from 'vitest';
import type { Progress } from '../../src/model/progress';
import { extendCatalogue, DEFAULT_CATALOGUE } from '../../src/model/catalogue';
import { loadFile } from '../../src/io/load-file';
import { summariseDataset, summariseFile } from '../../src/io/summarise';

const enc = (s: string) => new TextEncoder().encode(s);
const fc = (features: object[]) => enc(JSON.stringify({ type: 'FeatureCollection', features }));
const pt = (lon: number, lat: number, properties: object) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties });

const offices = fc([pt(19.45, -34.42, { id: 'O1', department: 'SASSA', name: 'Hermanus' }), pt(20.05, -34.53, { id: 'O2', department: 'dha', name: 'Bredasdorp' })]);

describe('loading a file', () => {
  it('returns a LoadedFile with the layer, canonical properties, extent, fields and source CRS', async () => {
    const r = await loadFile(offices, { fileName: 'offices.geojson' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file).toMatchObject({
      fileName: 'offices.geojson',
      kind: 'offices',
      fields: ['id', 'department', 'name'],
      fieldMap: { id: 'id', department: 'department', name: 'name' },
      extent: [19.45, -34.53, 20.05, -34.42],
      sourceCrs: 'EPSG:4326 (WGS84 longitude/latitude)',
      warnings: [],
      bytes: offices.length,
    });
    expect(r.file.collection.features.map((f) => f.properties!.department)).toEqual(['SASSA', 'HOME_AFFAIRS']);
  });

  it('accepts an ArrayBuffer as well as a Uint8Array', async () => {
    const r = await loadFile(offices.slice().buffer, { fileName: 'offices.geojson' });
    expect(r.ok).toBe(true);
  });

  it('makes the same id for the same bytes and name, another for other bytes', async () => {
    const a = await loadFile(offices, { fileName: 'offices.geojson' });
    const b = await loadFile(offices, { fileName: 'offices.geojson', kindHint: 'thusong' });
    const c = await loadFile(fc([pt(19, -34, { department: 'SASSA' })]), { fileName: 'offices.geojson' });
    expect(a.ok && a.file.id).toMatch(/^offices-[0-9a-f]{8}$/);
    expect(a.ok && b.ok && a.file.id === b.file.id).toBe(true);
    expect(a.ok && c.ok && a.file.id !== c.file.id).toBe(true);
  });

  it('loads into the layer the user chose (kindHint) instead of the classifier’s', async () => {
    const r = await loadFile(offices, { fileName: 'offices.geojson', kindHint: 'thusong' });
    expect(r.ok && r.file.kind).toBe('thusong');
  });

  it('asks for a column the chosen layer needs, and loads once the user names it (fieldMapping)', async () => {
    const bytes = fc([pt(19.45, -34.42, { town: 'Hermanus', mense: 25153 })]);
    const first = await loadFile(bytes, { fileName: 'data.geojson', kindHint: 'settlements' });
    expect(!first.ok && first.mapping).toMatchObject({ kind: 'settlements', missing: ['population'], fields: ['town', 'mense'], sample: [{ town: 'Hermanus', mense: '25153' }] });
    const second = await loadFile(bytes, { fileName: 'data.geojson', kindHint: 'settlements', fieldMapping: { population: 'mense', name: 'town' } });
    expect(second.ok && second.file.collection.features[0].properties).toMatchObject({ name: 'Hermanus', population: 25153 });
    expect(second.ok && second.file.fieldMap).toMatchObject({ population: 'mense', name: 'town' });
  });

  it('warns when the layer is only a guess', async () => {
    const r = await loadFile(fc([pt(19, -34, { department: 'SASSA' })]), { fileName: 'export.geojson', kindHint: undefined });
    expect(r.ok && r.file.warnings.map((w) => w.code)).toEqual([]);
    const guess = await loadFile(fc([pt(19, -34, { fid: 1 })]), { fileName: 'export.geojson' });
    expect(!guess.ok && guess.errors.map((e) => e.code)).toEqual(['missing-column', 'unknown-layer']);
  });

  it('takes the department from the file name when the file has no department column', async () => {
    const r = await loadFile(fc([pt(19, -34, { name: 'A' })]), { fileName: 'sassa_offices.geojson' });
    expect(r.ok && r.file.collection.features[0].properties!.department).toBe('SASSA');
    expect(r.ok && r.file.warnings.map((w) => w.code)).toEqual(['assumed-department']);
  });

  it('uses the catalogue it is given to resolve departments', async () => {
    const catalogue = extendCatalogue(DEFAULT_CATALOGUE, { departments: [{ code: 'TRANSPORT', name: 'Transport', colour: '#000', defaultServices: [], aliases: ['licensing'] }] });
    const r = await loadFile(fc([pt(19, -34, { department: 'licensing' })]), { fileName: 'offices.geojson', catalogue });
    expect(r.ok && r.file.collection.features[0].properties!.department).toBe('TRANSPORT');
  });

  it('fails when every feature is bad, listing each as an error', async () => {
    const r = await loadFile(fc([pt(19, -34, { population: -1 }), pt(19, -34, { population: -2 })]), { fileName: 'towns.geojson' });
    expect(!r.ok && r.errors.map((e) => [e.code, e.severity, e.where.feature])).toEqual([
      ['negative-population', 'error', 0],
      ['negative-population', 'error', 1],
    ]);
  });

  it('never throws for bad data', async () => {
    for (const bytes of [enc(''), enc('{'), enc('\u0000\u0001'), enc('a;b\n'), new Uint8Array([0x50, 0x4b, 0x03, 0x04])]) {
      const r = await loadFile(bytes, { fileName: 'x' });
      expect(r.ok).toBe(false);
    }
  });

  it('refuses a file over maxBytes', async () => {
    const r = await loadFile(offices, { fileName: 'offices.geojson', maxBytes: 10 });
    expect(!r.ok && r.errors[0].code).toBe('file-too-large');
  });

  it('reports the end of each phase, in order, ending with done', async () => {
    const ends: string[] = [];
    await loadFile(offices, { fileName: 'offices.geojson' }, (p) => {
      if (p.done === p.total) ends.push(p.phase);
    });
    expect(ends).toEqual(['reading', 'parsing', 'checking', 'validating', 'normalising', 'done']);
  });

  it('reports reprojecting for a projected file, with its feature count', async () => {
    const features = Array.from({ length: 3000 }, (_, i) => pt(2050861 + i, -4018722, { name: `Thusong ${i}` }));
    const seen: Progress[] = [];
    await loadFile(fc(features), { fileName: 'thusong.geojson' }, (p) => seen.push(p));
    expect(seen).toContainEqual({ phase: 'reprojecting', done: 3000, total: 3000 });
  });
});

describe('summarising', () => {
  it('counts features, dropped features and warnings per file and per layer', async () => {
    const a = await loadFile(fc([pt(19, -34, { population: 10 }), pt(19.5, -33.5, { population: -1 })]), { fileName: 'towns.geojson' });
    const b = await loadFile(fc([pt(20, -34.5, { population: 5 })]), { fileName: 'more-towns.geojson' });
    if (!a.ok || !b.ok) throw new Error('fixtures should load');
    expect(summariseFile(a.file)).toMatchObject({ kind: 'settlements', features: 1, dropped: 1, warnings: 1, warningsByCode: { 'negative-population': 1 }, extent: [19, -34, 19, -34] });
    const s = summariseDataset({ files: [a.file, b.file] });
    expect(s.layers.settlements).toMatchObject({ files: 2, features: 2, dropped: 1, warnings: 1, extent: [19, -34.5, 20, -34], fields: ['population'] });
    expect(s.layers.roads).toMatchObject({ files: 0, features: 0 });
    expect(s.layers.roads.extent).toBeUndefined();
  });
});
