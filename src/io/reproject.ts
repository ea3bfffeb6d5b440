import proj4 from 'proj4';
import type { Geometry } from 'geojson';
import { WGS84, type CrsDef } from './crs';
import { forEachPosition } from './geometry-positions';

type Converter = { forward(p: number[]): number[] };
const converters = new Map<string, Converter>();

function converter(projDef: string): Converter {
  let c = converters.get(projDef);
  if (!c) {
    c = proj4(projDef, WGS84.proj) as unknown as Converter;
    converters.set(projDef, c);
  }
  return c;
}

/**
 * A function taking a source (x, y) to WGS84 [lon, lat]. `typicalY` (a median second coordinate)
 * settles a Lo zone's axis orientation: positive means westing/southing, which is the plain TM's
 * (easting, northing) with both signs flipped.
 */
export function toWgs84(crs: CrsDef, typicalY: number): (x: number, y: number) => [number, number] {
  if (crs.id === WGS84.id) return (x, y) => [x, y];
  const c = converter(crs.proj);
  const flip = crs.orientation === 'south' || (crs.orientation === 'by-sign' && typicalY > 0);
  return flip
    ? (x, y) => {
        const r = c.forward([-x, -y]);
        return [r[0], r[1]];
      }
    : (x, y) => {
        const r = c.forward([x, y]);
        return [r[0], r[1]];
      };
}

/** Whether a CRS needs the data's orientation to be known (reported in the label). */
export function orientationNote(crs: CrsDef, typicalY: number): string {
  if (crs.orientation !== 'by-sign') return '';
  return typicalY > 0 ? ', westing/southing' : ', easting/northing';
}

/** Replaces every position of `g` (in place) with its WGS84 [lon, lat], dropping any z. */
export function reprojectGeometry(g: Geometry, fn: (x: number, y: number) => [number, number]): void {
  forEachPosition(g, (p) => {
    const [lon, lat] = fn(p[0], p[1]);
    p[0] = lon;
    p[1] = lat;
    p.length = 2;
  });
}
