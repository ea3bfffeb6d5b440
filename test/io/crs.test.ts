import { describe, expect, it } from 'vitest';
import { crsFromGeoJsonMember, crsFromName, crsFromWkt, guessCrsFromRange } from '../../src/io/crs';
import { chooseCrs } from '../../src/io/choose-crs';
import type { SourceFeature } from '../../src/io/source-features';

const ESRI_LO19 =
  'PROJCS["Hartebeesthoek94_Lo19",GEOGCS["GCS_Hartebeesthoek_1994",DATUM["D_Hartebeesthoek_1994",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",19.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const ESRI_UTM34S =
  'PROJCS["WGS_1984_UTM_Zone_34S",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",10000000.0],PARAMETER["Central_Meridian",21.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const ESRI_WEB_MERCATOR =
  'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]';
const UNNAMED_TM_LO21 =
  'PROJCS["Custom",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["central_meridian",21],PARAMETER["scale_factor",1],PARAMETER["false_easting",0],PARAMETER["false_northing",0],PARAMETER["latitude_of_origin",0],UNIT["Meter",1]]';
const WGS84_GEOGCS = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]]';
const LAMBERT = 'PROJCS["Africa_Lambert_Conformal_Conic",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137,298.257223563]]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["Central_Meridian",25]]';

const known = (d: ReturnType<typeof crsFromWkt> | undefined) => (d?.kind === 'known' ? d.crs : undefined);

describe('recognising a .prj', () => {
  it('reads ESRI’s Hartebeesthoek94_Lo19 as Lo19', () => {
    expect(known(crsFromWkt(ESRI_LO19))?.id).toBe('EPSG:2048');
  });
  it('reads WGS_1984_UTM_Zone_34S as EPSG:32734', () => {
    expect(known(crsFromWkt(ESRI_UTM34S))?.id).toBe('EPSG:32734');
  });
  it('reads the Mercator auxiliary sphere as Web Mercator', () => {
    expect(known(crsFromWkt(ESRI_WEB_MERCATOR))?.id).toBe('EPSG:3857');
  });
  it('reads an unnamed Transverse_Mercator with central_meridian 21 as Lo21', () => {
    expect(known(crsFromWkt(UNNAMED_TM_LO21))?.id).toBe('EPSG:2049');
  });
  it('reads a plain GEOGCS as WGS84', () => {
    expect(known(crsFromWkt(WGS84_GEOGCS))?.id).toBe('EPSG:4326');
  });
  it('names a system it cannot convert instead of guessing', () => {
    expect(crsFromWkt(LAMBERT)).toEqual({ kind: 'unknown', name: 'Africa_Lambert_Conformal_Conic', source: 'prj' });
  });
});

describe('recognising a GeoJSON crs member', () => {
  it.each([
    ['urn:ogc:def:crs:EPSG::2048', 'EPSG:2048'],
    ['EPSG:32734', 'EPSG:32734'],
    ['EPSG:3857', 'EPSG:3857'],
    ['EPSG:900913', 'EPSG:3857'],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326'],
    ['http://www.opengis.net/def/crs/EPSG/0/2053', 'EPSG:2053'],
  ])('reads %s as %s', (name, id) => {
    expect(crsFromName(name)?.id).toBe(id);
  });
  it('reads the old {"type": "EPSG", "properties": {"code": 2048}} form', () => {
    expect(known(crsFromGeoJsonMember({ type: 'EPSG', properties: { code: 2048 } }))?.id).toBe('EPSG:2048');
  });
  it('keeps an unknown code as unknown with its name', () => {
    expect(crsFromGeoJsonMember({ type: 'name', properties: { name: 'EPSG:27700' } })).toEqual({ kind: 'unknown', name: 'EPSG:27700', source: 'crs-member' });
  });
});

describe('judging the CRS from the numbers', () => {
  it.each([
    [18.42, -33.92, 'degrees'],
    [2050861, -4018722, 'web-mercator'],
    [261798, 6243180, 'utm-south'],
    [53334, 3755481, 'lo'],
    [-53334, -3755481, 'lo'],
    [5_000_000, 5_000_000, 'unknown'],
  ])('(%d, %d) looks like %s', (x, y, kind) => {
    expect(guessCrsFromRange(x, y).kind).toBe(kind);
  });

  const point = (x: number, y: number, index = 0): SourceFeature => ({ index, geometry: { type: 'Point', coordinates: [x, y] }, properties: {} });

  it('refuses Lo-range numbers without a declaration, naming Lo and the fix', () => {
    const c = chooseCrs([point(53334, 3755481)], undefined, 'a.geojson', 'geojson');
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.error.code).toBe('projected-coordinates');
    expect(c.error.message).toContain('(53334, 3755481)');
    expect(c.error.message).toMatch(/Lo19/);
    expect(c.error.fix).toMatch(/EPSG:4326/);
    expect(c.error.where).toEqual({ file: 'a.geojson', feature: 0 });
  });

  it('refuses UTM-range numbers without a declaration, naming the southern UTM zones', () => {
    const c = chooseCrs([point(261798, 6243180)], undefined, 'a.csv', 'csv');
    expect(!c.ok && c.error.code).toBe('projected-coordinates');
    expect(!c.ok && c.error.message).toMatch(/UTM.*34S/);
  });

  it('accepts Lo numbers when a .prj names the zone', () => {
    const c = chooseCrs([point(53334, 3755481)], crsFromWkt(ESRI_LO19), 'a.zip', 'shapefile');
    expect(c.ok && c.crs.id).toBe('EPSG:2048');
  });

  it('refuses latitude/longitude written the wrong way round', () => {
    const c = chooseCrs([point(-33.92, 18.42), point(-33.8, 18.9, 1)], undefined, 'a.geojson', 'geojson');
    expect(!c.ok && c.error.code).toBe('swapped-coordinates');
  });

  it('believes the numbers over a projected declaration when they are South African degrees', () => {
    const c = chooseCrs([point(18.42, -33.92)], crsFromWkt(ESRI_UTM34S), 'a.zip', 'shapefile');
    expect(c.ok && c.crs.id).toBe('EPSG:4326');
    expect(c.ok && c.warnings[0].code).toBe('unknown-crs');
  });
});
