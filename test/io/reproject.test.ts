import { describe, expect, it } from 'vitest';
import { crsFromEpsg, loZone, utmSouth, WEB_MERCATOR } from '../../src/io/crs';
import { toWgs84 } from '../../src/io/reproject';
import { loadFile } from '../../src/io/load-file';
import { AIRY_1830, CLARKE_1866, tmForward, WGS84_ELLIPSOID } from './helpers/transverse-mercator';

const dms = (d: number, m: number, s: number) => d + m / 60 + s / 3600;
// Cape Town City Hall, Darling Street (WGS84), the reference point of these tests
const CAPE_TOWN = { lon: 18.4232, lat: -33.9249 };

const geojson = (coordinates: number[], crs?: string) =>
  new TextEncoder().encode(
    JSON.stringify({
      type: 'FeatureCollection',
      ...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}),
      features: [{ type: 'Feature', geometry: { type: 'Point', coordinates }, properties: { name: 'City Hall', id: 'ct' } }],
    }),
  );

async function loadPoint(coordinates: number[], crs?: string) {
  const r = await loadFile(geojson(coordinates, crs), { fileName: 'thusong.geojson', kindHint: 'thusong' });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return { lonlat: (r.file.collection.features[0].geometry as GeoJSON.Point).coordinates, file: r.file };
}

describe('the independent Transverse Mercator used to check proj4', () => {
  it('reproduces Snyder’s worked example (USGS PP 1395, p. 269: x 127106.5 m, y 4484124.4 m)', () => {
    const [x, y] = tmForward(-73.5, 40.5, { lon0: -75, k0: 0.9996, ellipsoid: CLARKE_1866 });
    expect(x).toBeCloseTo(127106.5, 1);
    expect(y).toBeCloseTo(4484124.4, 1);
  });

  it('reproduces the IOGP Guidance Note 7-2 British National Grid example (E 577274.99, N 69740.49)', () => {
    const [x, y] = tmForward(0.5, 50.5, { lon0: -2, lat0: 49, k0: 0.9996012717, x0: 400000, y0: -100000, ellipsoid: AIRY_1830 });
    expect(Math.abs(x - 577274.99)).toBeLessThan(0.02);
    expect(Math.abs(y - 69740.49)).toBeLessThan(0.02);
  });
});

describe('reprojection to WGS84', () => {
  it('inverts the IOGP Guidance Note 7-2 south-orientated example (Hartebeesthoek94 / Lo29: Y 71984.49 W, X 2847342.74 S)', () => {
    const fn = toWgs84(crsFromEpsg(2053)!, 2847342.74);
    const [lon, lat] = fn(71984.49, 2847342.74);
    // published geographic position: 25°43'55.302"S, 28°16'57.479"E (±1 cm ≈ 1e-7°)
    expect(Math.abs(lon - dms(28, 16, 57.479))).toBeLessThan(3e-7);
    expect(Math.abs(lat + dms(25, 43, 55.302))).toBeLessThan(3e-7);
  });

  it('reads Cape Town in Lo19 westing/southing (EPSG:2048) back to its longitude and latitude', async () => {
    const [e, n] = tmForward(CAPE_TOWN.lon, CAPE_TOWN.lat, { lon0: 19, k0: 1, ellipsoid: WGS84_ELLIPSOID });
    // hand check: 0.577° west of 19°E at 33.9°S is about 53.3 km; the meridian arc to 33.9°S is about 3755 km
    expect(-e).toBeCloseTo(53334.74, 1);
    expect(-n).toBeCloseTo(3755481.06, 1);
    const { lonlat, file } = await loadPoint([-e, -n], 'urn:ogc:def:crs:EPSG::2048');
    expect(lonlat[0]).toBeCloseTo(CAPE_TOWN.lon, 7);
    expect(lonlat[1]).toBeCloseTo(CAPE_TOWN.lat, 7);
    expect(file.sourceCrs).toMatch(/Lo19/);
  });

  it('reads the same zone written as an ordinary easting/northing TM ("WGS84 / Lo19", negative values)', () => {
    const [e, n] = tmForward(CAPE_TOWN.lon, CAPE_TOWN.lat, { lon0: 19, k0: 1, ellipsoid: WGS84_ELLIPSOID });
    const [lon, lat] = toWgs84(loZone(19), n)(e, n);
    expect(lon).toBeCloseTo(CAPE_TOWN.lon, 7);
    expect(lat).toBeCloseTo(CAPE_TOWN.lat, 7);
  });

  it('reads Cape Town in UTM zone 34S (EPSG:32734: E 261798.38, N 6243180.26)', async () => {
    const [e, n] = tmForward(CAPE_TOWN.lon, CAPE_TOWN.lat, { lon0: 21, k0: 0.9996, x0: 500000, y0: 10_000_000, ellipsoid: WGS84_ELLIPSOID });
    expect(e).toBeCloseTo(261798.38, 1);
    expect(n).toBeCloseTo(6243180.26, 1);
    const { lonlat } = await loadPoint([e, n], 'EPSG:32734');
    expect(lonlat[0]).toBeCloseTo(CAPE_TOWN.lon, 7);
    expect(lonlat[1]).toBeCloseTo(CAPE_TOWN.lat, 7);
  });

  it('reads Web Mercator (closed form x = Rλ, y = R ln tan(π/4 + φ/2)) even without a crs member', async () => {
    const R = 6378137;
    const x = (R * CAPE_TOWN.lon * Math.PI) / 180;
    const y = R * Math.log(Math.tan(Math.PI / 4 + (CAPE_TOWN.lat * Math.PI) / 360));
    expect(x).toBeCloseTo(2050861.24, 1);
    expect(y).toBeCloseTo(-4018722.38, 1);
    const { lonlat, file } = await loadPoint([x, y]);
    expect(lonlat[0]).toBeCloseTo(CAPE_TOWN.lon, 8);
    expect(lonlat[1]).toBeCloseTo(CAPE_TOWN.lat, 8);
    expect(file.warnings.map((w) => w.code)).toContain('projected-coordinates');
    expect(file.sourceCrs).toBe(WEB_MERCATOR.label);
  });

  it('applies the Cape datum shift for the older Cape / Lo19 system (EPSG:22279), about 300 m', () => {
    const [e, n] = tmForward(CAPE_TOWN.lon, CAPE_TOWN.lat, { lon0: 19, k0: 1, ellipsoid: WGS84_ELLIPSOID });
    const [lon, lat] = toWgs84(crsFromEpsg(22279)!, -n)(-e, -n);
    const metres = Math.hypot((lon - CAPE_TOWN.lon) * 92_400, (lat - CAPE_TOWN.lat) * 110_900);
    expect(metres).toBeGreaterThan(150);
    expect(metres).toBeLessThan(400);
  });

  it('leaves WGS84 untouched', () => {
    expect(toWgs84(crsFromEpsg(4326)!, 0)(18.5, -33.9)).toEqual([18.5, -33.9]);
    expect(utmSouth(35).id).toBe('EPSG:32735');
  });
});
