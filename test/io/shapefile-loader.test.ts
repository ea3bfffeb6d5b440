import { describe, expect, it } from 'vitest';
import shpwrite from '@mapbox/shp-write';
import type { FeatureCollection } from 'geojson';
import { loadShapefileZip } from '../../src/io/shapefile-loader';
import { listZip } from '../../src/io/read-zip';
import { loadFile } from '../../src/io/load-file';
import { storeZip } from './helpers/store-zip';
import { tmForward, WGS84_ELLIPSOID } from './helpers/transverse-mercator';

const ESRI_LO19 =
  'PROJCS["Hartebeesthoek94_Lo19",GEOGCS["GCS_Hartebeesthoek_1994",DATUM["D_Hartebeesthoek_1994",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",19.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

const settlements: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Point', coordinates: [19.45, -34.42] }, properties: { name: 'Hermanus', population: 25153 } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [20.05, -34.53] }, properties: { name: 'Bredasdorp', population: 15524 } },
  ],
};

const zipOf = async (fc: FeatureCollection, options: Record<string, unknown> = {}) =>
  (await shpwrite.zip<'uint8array'>(fc, { outputType: 'uint8array', compression: 'DEFLATE', types: { point: 'places', polygon: 'areas' }, ...options } as never)) as Uint8Array;

const shapefileError = async (bytes: Uint8Array) => {
  try {
    await loadShapefileZip(bytes, 'x.zip');
  } catch (e) {
    return e as { code: string; message: string };
  }
  return undefined;
};

describe('reading a zip', () => {
  it('lists and inflates deflated entries', async () => {
    const entries = listZip(await zipOf(settlements));
    expect(entries.map((e) => e.name).sort()).toEqual(['places.dbf', 'places.prj', 'places.shp', 'places.shx']);
    expect(new TextDecoder().decode(await entries.find((e) => e.name.endsWith('.prj'))!.read())).toMatch(/^GEOGCS/);
  });
});

describe('loading a zipped Shapefile', () => {
  it('reads geometry and attributes of a shp-write zip', async () => {
    const s = await loadShapefileZip(await zipOf(settlements), 'places.zip');
    expect(s.features.map((f) => [f.geometry, f.properties])).toEqual([
      [{ type: 'Point', coordinates: [19.45, -34.42] }, { name: 'Hermanus', population: 25153 }],
      [{ type: 'Point', coordinates: [20.05, -34.53] }, { name: 'Bredasdorp', population: 15524 }],
    ]);
    expect(s.crs).toMatchObject({ kind: 'known', crs: { id: 'EPSG:4326' } });
    expect(s.issues).toEqual([]);
  });

  it('reprojects a Lo19 shapefile through its .prj', async () => {
    const [e, n] = tmForward(18.4232, -33.9249, { lon0: 19, k0: 1, ellipsoid: WGS84_ELLIPSOID });
    const projected: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [e, n] }, properties: { name: 'City Hall', population: 1 } }] };
    const r = await loadFile(await zipOf(projected, { prj: ESRI_LO19 }), { fileName: 'places.zip' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [lon, lat] = (r.file.collection.features[0].geometry as GeoJSON.Point).coordinates;
    expect(lon).toBeCloseTo(18.4232, 7);
    expect(lat).toBeCloseTo(-33.9249, 7);
    expect(r.file.sourceCrs).toMatch(/Lo19.*easting\/northing/);
  });

  it('reads polygons with their rings', async () => {
    const square: FeatureCollection = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[19, -34], [19, -33], [20, -33], [20, -34], [19, -34]]] }, properties: { code: 'WC031', name: 'Theewaterskloof' } }],
    };
    const r = await loadFile(await zipOf(square), { fileName: 'municipalities.zip' });
    expect(r.ok && r.file.kind).toBe('municipalities');
    expect(r.ok && r.file.extent).toEqual([19, -34, 20, -33]);
  });

  it('refuses a zip without a .shp, listing what it holds', async () => {
    const e = await shapefileError(storeZip({ 'notes.txt': 'hello' }));
    expect(e).toMatchObject({ code: 'shapefile-missing-part', message: expect.stringMatching(/notes\.txt/) });
  });

  it('refuses a zip holding two shapefiles, naming both', async () => {
    const parts = Object.fromEntries(await Promise.all(listZip(await zipOf(settlements)).map(async (x) => [x.name, await x.read()] as const)));
    const two = storeZip({ ...parts, 'other.shp': parts['places.shp'], 'other.dbf': parts['places.dbf'] });
    expect(await shapefileError(two)).toMatchObject({ code: 'shapefile-invalid', message: expect.stringMatching(/places\.shp, other\.shp|other\.shp, places\.shp/) });
  });

  it('refuses bytes that start like a zip but are not one', async () => {
    expect(await shapefileError(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toMatchObject({ code: 'shapefile-invalid' });
  });

  it('ignores macOS resource files in the zip', async () => {
    const parts = Object.fromEntries(await Promise.all(listZip(await zipOf(settlements)).map(async (x) => [x.name, await x.read()] as const)));
    const s = await loadShapefileZip(storeZip({ ...parts, '__MACOSX/._places.shp': new Uint8Array(4) }), 'x.zip');
    expect(s.features).toHaveLength(2);
  });
});
