/**
 * Coordinate reference systems South African data comes in, and how to recognise them from a .prj,
 * a GeoJSON `crs` member, or (failing both) the range of the numbers themselves.
 *
 * Lo zones (Hartebeesthoek94 / LoNN, EPSG:2046–2055) are Transverse Mercator with scale 1 on odd
 * central meridians 15–33°E and no false origin. EPSG defines them "south-orientated": the first
 * axis is westing, the second southing, so South African values are positive. Much software writes
 * the same zone as an ordinary TM ("WGS84 / Lo19", ESRI's Hartebeesthoek94_Lo19): easting, northing,
 * both negative. In South Africa |northing| ≥ 2.4e6 m, so the sign of the second number tells the two
 * apart without doubt; `orientation: 'by-sign'` asks reproject.ts to do that.
 */
import { safeString } from './input-issues';

export interface CrsDef {
  /** short stable id, e.g. 'EPSG:2048', 'LO19', 'EPSG:32734' */
  id: string;
  /** for people: shown as LoadedFile.sourceCrs */
  label: string;
  /** proj4 definition of the plain (east/north) form */
  proj: string;
  geographic: boolean;
  /** how a TM's axes are read: 'south' = westing/southing, 'by-sign' = decided from the data */
  orientation?: 'normal' | 'south' | 'by-sign';
}

/** What a file says about its CRS: a definition we can use, or a name we cannot. */
export type CrsDeclaration = { kind: 'known'; crs: CrsDef; source: 'prj' | 'crs-member' } | { kind: 'unknown'; name: string; source: 'prj' | 'crs-member' };

const WGS84_ELLPS = '+ellps=WGS84 +towgs84=0,0,0,0,0,0,0';
// Cape datum (Clarke 1880 (Arc)), the pre-1999 South African datum; EPSG:1130 transformation
const CAPE_ELLPS = '+a=6378249.145 +rf=293.4663077 +towgs84=-136,-108,-292,0,0,0,0';

export const WGS84: CrsDef = { id: 'EPSG:4326', label: 'EPSG:4326 (WGS84 longitude/latitude)', proj: '+proj=longlat +datum=WGS84 +no_defs', geographic: true };
const CAPE_GEOGRAPHIC: CrsDef = { id: 'EPSG:4222', label: 'Cape datum longitude/latitude (EPSG:4222)', proj: `+proj=longlat ${CAPE_ELLPS} +no_defs`, geographic: true };
export const WEB_MERCATOR: CrsDef = {
  id: 'EPSG:3857',
  label: 'Web Mercator (EPSG:3857)',
  proj: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
  geographic: false,
  orientation: 'normal',
};

export const LO_MERIDIANS = [15, 17, 19, 21, 23, 25, 27, 29, 31, 33] as const;

/** A Lo zone; `datum` 'cape' for the older Cape / LoNN systems (EPSG:22275–22293). */
export function loZone(meridian: number, orientation: CrsDef['orientation'] = 'by-sign', datum: 'hartebeesthoek94' | 'cape' = 'hartebeesthoek94'): CrsDef {
  const ellps = datum === 'cape' ? CAPE_ELLPS : WGS84_ELLPS;
  const datumName = datum === 'cape' ? 'Cape datum' : 'Hartebeesthoek94';
  const epsg = datum === 'cape' ? 22275 + (meridian - 15) : 2046 + (meridian - 15) / 2;
  return {
    id: `EPSG:${epsg}`,
    label: `Lo${meridian} (${datumName} TM, central meridian ${meridian}°E, EPSG:${epsg})`,
    proj: `+proj=tmerc +lat_0=0 +lon_0=${meridian} +k=1 +x_0=0 +y_0=0 ${ellps} +units=m +no_defs`,
    geographic: false,
    orientation,
  };
}

export function utmSouth(zone: number): CrsDef {
  return {
    id: `EPSG:${32700 + zone}`,
    label: `UTM zone ${zone}S (WGS84, EPSG:${32700 + zone})`,
    proj: `+proj=utm +zone=${zone} +south +datum=WGS84 +units=m +no_defs`,
    geographic: false,
    orientation: 'normal',
  };
}

/** The EPSG codes we convert, or undefined. */
export function crsFromEpsg(code: number): CrsDef | undefined {
  if (code === 4326 || code === 4148 || code === 4979 || code === 4030) return WGS84; // WGS84, Hartebeesthoek94 (same to < 1 m)
  if (code === 4222) return CAPE_GEOGRAPHIC;
  // EPSG's Lo axes are westing/southing, but files declaring them often hold easting/northing: 'by-sign'
  if (code >= 2046 && code <= 2055) return loZone(15 + (code - 2046) * 2);
  if (code >= 22275 && code <= 22293 && code % 2 === 1) return loZone(15 + (code - 22275), 'by-sign', 'cape');
  if (code >= 32729 && code <= 32738) return utmSouth(code - 32700);
  if (code === 3857 || code === 900913 || code === 3785 || code === 102100 || code === 102113) return WEB_MERCATOR;
  return undefined;
}

/** Reads the legacy GeoJSON `crs` member (2008 spec): named or EPSG-typed. */
export function crsFromGeoJsonMember(crs: unknown): CrsDeclaration | undefined {
  if (!crs || typeof crs !== 'object') return undefined;
  const c = crs as { type?: unknown; properties?: Record<string, unknown> };
  const props = c.properties ?? {};
  let name: string | undefined;
  if (typeof props.name === 'string') name = props.name;
  else if (props.code !== undefined) name = `EPSG:${safeString(props.code)}`;
  else if (typeof props.href === 'string') name = props.href;
  if (!name) return undefined;
  const known = crsFromName(name);
  return known ? { kind: 'known', crs: known, source: 'crs-member' } : { kind: 'unknown', name, source: 'crs-member' };
}

/** 'EPSG:2048', 'urn:ogc:def:crs:EPSG::32734', 'urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:900913' … */
export function crsFromName(name: string): CrsDef | undefined {
  const n = name.trim();
  if (/CRS:?84$/i.test(n) || /^WGS ?84$/i.test(n)) return WGS84;
  const m = /EPSG(?:::?|:[\d.]*:|\/\d*\/?)(\d+)\s*$/i.exec(n) ?? /(?:^|[^\d])(\d{4,6})\s*$/.exec(n);
  if (m) return crsFromEpsg(Number(m[1]));
  if (/google/i.test(n)) return WEB_MERCATOR;
  return undefined;
}

/** The parts of a WKT (1 or 2, ESRI or OGC flavour) that we look at. */
interface WktFacts {
  projName?: string;
  geogName: string;
  datum: string;
  projection?: string;
  params: Record<string, number>;
  authority?: number;
  semiMajor?: number;
  inverseFlattening?: number;
}

function wktFacts(wkt: string): WktFacts {
  const projName = /^\s*PROJ(?:CS|CRS|ECTEDCRS)\s*\[\s*"([^"]*)"/i.exec(wkt)?.[1];
  const geogName = /(?:GEOGCS|GEOGCRS|BASEGEOGCRS|GEODCRS)\s*\[\s*"([^"]*)"/i.exec(wkt)?.[1] ?? '';
  const datum = /DATUM\s*\[\s*"([^"]*)"/i.exec(wkt)?.[1] ?? '';
  const projection = /(?:PROJECTION|METHOD)\s*\[\s*"([^"]*)"/i.exec(wkt)?.[1];
  const params: Record<string, number> = {};
  for (const m of wkt.matchAll(/PARAMETER\s*\[\s*"([^"]*)"\s*,\s*([-+\d.eE]+)/gi)) params[m[1].toLowerCase().replace(/[\s_]+/g, '_')] = Number(m[2]);
  const sph = /(?:SPHEROID|ELLIPSOID)\s*\[\s*"[^"]*"\s*,\s*([\d.eE+]+)\s*,\s*([\d.eE+]+)/i.exec(wkt);
  // the CRS's own authority is the last one at the top level; inner ones name datums and units
  const auths = [...wkt.matchAll(/(?:AUTHORITY\s*\[\s*"EPSG"\s*,\s*"?|ID\s*\[\s*"EPSG"\s*,\s*)(\d+)"?\s*\]\s*\]\s*$/gi)];
  return {
    projName,
    geogName,
    datum,
    projection,
    params,
    authority: auths.length ? Number(auths[auths.length - 1][1]) : undefined,
    semiMajor: sph ? Number(sph[1]) : undefined,
    inverseFlattening: sph ? Number(sph[2]) : undefined,
  };
}

const param = (p: Record<string, number>, ...names: string[]) => {
  for (const n of names) if (p[n] !== undefined) return p[n];
  return undefined;
};

/** Recognises a .prj (or any WKT). Unknown systems come back as 'unknown' with their name. */
export function crsFromWkt(wkt: string): CrsDeclaration {
  const text = wkt.trim();
  const f = wktFacts(text);
  const known = (crs: CrsDef): CrsDeclaration => ({ kind: 'known', crs, source: 'prj' });
  const name = f.projName ?? (f.geogName || text.slice(0, 60));
  if (f.authority !== undefined) {
    const crs = crsFromEpsg(f.authority);
    if (crs) return known(crs);
  }
  const cape = /cape/i.test(f.datum) || /cape/i.test(f.geogName);
  if (!f.projName) {
    if (!/^\s*(GEOGCS|GEOGCRS|GEODCRS)/i.test(text)) return { kind: 'unknown', name, source: 'prj' };
    return known(cape ? CAPE_GEOGRAPHIC : WGS84);
  }
  const lo = /(?:^|[^a-z])Lo[\s_]*(1[579]|2[13579]|3[13])(?:[^\d]|$)/i.exec(f.projName);
  const southOriented = /south[\s_]*orienta/i.test(f.projection ?? '') || /south[\s_]*orienta/i.test(f.projName);
  if (lo) return known(loZone(Number(lo[1]), 'by-sign', cape ? 'cape' : 'hartebeesthoek94'));
  const utm = /UTM[\s_]*zone[\s_]*(\d{1,2})\s*([NS])/i.exec(f.projName);
  if (utm && utm[2].toUpperCase() === 'S') return known(utmSouth(Number(utm[1])));
  if (/pseudo[\s_-]*mercator|mercator[\s_]*auxiliary[\s_]*sphere|popular[\s_]*visuali[sz]ation|web[\s_]*mercator/i.test(`${f.projName} ${f.projection ?? ''}`)) {
    return known(WEB_MERCATOR);
  }
  if (f.projection && /transverse[\s_]*mercator/i.test(f.projection)) {
    const lon0 = param(f.params, 'central_meridian', 'longitude_of_natural_origin', 'longitude_of_center');
    if (lon0 === undefined) return { kind: 'unknown', name, source: 'prj' };
    const k = param(f.params, 'scale_factor', 'scale_factor_at_natural_origin') ?? 1;
    const x0 = param(f.params, 'false_easting', 'false_westing') ?? 0;
    const y0 = param(f.params, 'false_northing', 'false_southing') ?? 0;
    const lat0 = param(f.params, 'latitude_of_origin', 'latitude_of_natural_origin') ?? 0;
    if (k === 1 && x0 === 0 && y0 === 0 && lat0 === 0 && LO_MERIDIANS.includes(lon0 as (typeof LO_MERIDIANS)[number])) {
      return known(loZone(lon0, 'by-sign', cape ? 'cape' : 'hartebeesthoek94'));
    }
    const ellps = cape
      ? CAPE_ELLPS
      : f.semiMajor && f.inverseFlattening
        ? `+a=${f.semiMajor} +rf=${f.inverseFlattening} +towgs84=0,0,0,0,0,0,0`
        : WGS84_ELLPS;
    return known({
      id: `TM${lon0}`,
      label: `${f.projName} (Transverse Mercator, central meridian ${lon0}°E)`,
      proj: `+proj=tmerc +lat_0=${lat0} +lon_0=${lon0} +k=${k} +x_0=${x0} +y_0=${y0} ${ellps} +units=m +no_defs`,
      geographic: false,
      orientation: southOriented ? 'south' : 'normal',
    });
  }
  return { kind: 'unknown', name, source: 'prj' };
}

/** What the numbers alone suggest. Only Web Mercator is unambiguous; UTM and Lo need a zone. */
export type RangeGuess =
  | { kind: 'degrees' }
  | { kind: 'web-mercator' }
  | { kind: 'utm-south' }
  | { kind: 'lo'; orientation: 'south' | 'normal' }
  | { kind: 'unknown' };

/** Classifies a typical (median) coordinate of a file that is not in degrees. */
export function guessCrsFromRange(x: number, y: number): RangeGuess {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  if (ax <= 180 && ay <= 90) return { kind: 'degrees' };
  if (ax >= 1.7e6 && ax <= 3.8e6 && y <= -2.4e6 && y >= -6.0e6) return { kind: 'web-mercator' };
  if (x >= 1e5 && x <= 9e5 && y >= 6.0e6 && y <= 7.7e6) return { kind: 'utm-south' };
  if (ax < 4e5 && ay >= 2.4e6 && ay <= 3.95e6) return { kind: 'lo', orientation: y > 0 ? 'south' : 'normal' };
  return { kind: 'unknown' };
}
