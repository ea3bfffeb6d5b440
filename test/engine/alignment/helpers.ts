/** Small geometry builders and a thin overlay wrapper for the alignment tests. */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { degreesTestFrame, type EqualAreaFrame } from '../../../src/engine/alignment/equal-area';
import { overlayAreas } from '../../../src/engine/alignment/overlay-areas';
import { prepareLayers } from '../../../src/engine/alignment/prepare-layers';

/** m² per square degree in the linear test frame (111 km per degree both ways) */
export const DEG2 = 111_000 * 111_000;

/** A linear frame: areas in it are plain planar areas of the degree coordinates × DEG2, exactly. */
export const LINEAR = degreesTestFrame(0, 0);

export function rect(x0: number, y0: number, x1: number, y1: number): Polygon {
  return { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] };
}

export function poly(...rings: Position[][]): Polygon {
  return { type: 'Polygon', coordinates: rings.map((r) => (r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1] ? r : [...r, r[0]])) };
}

export function multi(...polys: Polygon[]): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: polys.map((p) => p.coordinates) };
}

export function shift(g: Polygon, dx: number, dy: number): Polygon {
  return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(([x, y]) => [x + dx, y + dy])) };
}

export function feature<P>(geometry: Geometry, properties: P): Feature<Geometry, P> {
  return { type: 'Feature', geometry, properties };
}

export function collection(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

/** Overlay A on B; returns areas (m²) by "i,j" and the prepared layers' own areas. */
export function overlay(A: Geometry[], B: Geometry[], frame: EqualAreaFrame = LINEAR) {
  const P = prepareLayers([{ name: 'a', geometries: A }, { name: 'b', geometries: B }], { frame });
  const o = overlayAreas(P.layers[0].layer, P.layers[1].layer, P.frame);
  const area = new Map<string, number>();
  const perimeter = new Map<string, number>();
  for (let k = 0; k < o.pairCount; k++) {
    area.set(`${o.a[k]},${o.b[k]}`, o.areaM2[k]);
    perimeter.set(`${o.a[k]},${o.b[k]}`, o.perimeterM[k]);
  }
  return {
    /** area of A[i] ∩ B[j] in m² (0 when never met) */
    at: (i: number, j: number) => area.get(`${i},${j}`) ?? 0,
    perimeterAt: (i: number, j: number) => perimeter.get(`${i},${j}`) ?? 0,
    areaA: P.layers[0].layer.featureAreaM2,
    areaB: P.layers[1].layer.featureAreaM2,
    prepared: P,
    result: o,
  };
}

/** Area of one geometry (m²) as the overlay measures it. */
export function areaOf(g: Geometry, frame: EqualAreaFrame = LINEAR): number {
  return prepareLayers([{ name: 'g', geometries: [g] }], { frame }).layers[0].layer.featureAreaM2[0];
}

/** Seeded PRNG (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
