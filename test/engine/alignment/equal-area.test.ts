/** The measuring plane: ellipsoidal Albers equal-area, checked against proj4 and turf.area. */
import { area as turfArea, polygon as turfPolygon } from '@turf/turf';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { albersFrame, equalAreaFrameFor, equalAreaProj4, projectEqualArea } from '../../../src/engine/alignment/equal-area';
import { areaOf, rect } from './helpers';

describe('equal-area projection', () => {
  it('matches proj4 Albers (South African parameters) to a millimetre', () => {
    const frame = albersFrame(24, -24, -33, 0);
    // proj4js needs +x_0/+y_0 for Albers (NaN without them)
    const def = '+proj=aea +lat_1=-24 +lat_2=-33 +lat_0=0 +lon_0=24 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs';
    const out = new Float64Array(2);
    for (const [lon, lat] of [[24, -29], [17.5, -34.5], [32.8, -22.3], [28.04, -26.2], [19, -30]]) {
      projectEqualArea(frame, lon, lat, out);
      const [x, y] = proj4('WGS84', def, [lon, lat]);
      expect(Math.abs(out[0] - x)).toBeLessThan(1e-3);
      expect(Math.abs(out[1] - y)).toBeLessThan(1e-3);
    }
  });

  it('a frame fitted to an extent states its projection for proj4', () => {
    const frame = equalAreaFrameFor([26, -29, 31, -25]);
    expect(equalAreaProj4(frame)).toMatch(/^\+proj=aea /);
    const out = new Float64Array(2);
    projectEqualArea({ ...frame, x0: 0, y0: 0 }, 27.3, -26.1, out);
    const [x, y] = proj4('WGS84', equalAreaProj4(frame), [27.3, -26.1]);
    expect(Math.abs(out[0] - x) + Math.abs(out[1] - y)).toBeLessThan(1e-3);
    expect(frame.lon0).toBe(28.5);
  });

  it('areas agree with turf.area (spherical) within 0.5 % across the country', () => {
    for (const [x, y, w, h] of [[24, -30, 1, 1], [17.8, -34.4, 0.3, 0.2], [30.5, -23, 2, 1.5], [27.9, -26.3, 0.05, 0.05]]) {
      const g = rect(x, y, x + w, y + h);
      const frame = equalAreaFrameFor([x, y, x + w, y + h]);
      const ours = areaOf(g, frame);
      const theirs = turfArea(turfPolygon(g.coordinates));
      expect(Math.abs(ours / theirs - 1)).toBeLessThan(0.005);
    }
  });

  it('area does not depend on where the frame is centred (it is equal-area, not planar degrees)', () => {
    const g = rect(29, -27, 29.5, -26.5);
    const a1 = areaOf(g, equalAreaFrameFor([29, -27, 29.5, -26.5]));
    const a2 = areaOf(g, equalAreaFrameFor([16, -35, 33, -22]));
    expect(Math.abs(a1 / a2 - 1)).toBeLessThan(1e-6);
  });
});
