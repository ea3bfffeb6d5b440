/**
 * The overlay against an independent oracle: turf.intersect (polyclip-ts) builds the intersection
 * polygon, whose area we measure the same way. Polygons live on a coarse grid so that shared
 * vertices, collinear edges and T-junctions — the hard cases — are common, not rare.
 */
import { featureCollection, feature as turfFeature, intersect, polygon as turfPolygon, union } from '@turf/turf';
import fc from 'fast-check';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaOf, overlay } from './helpers';

const G = 0.25;

/** A star-shaped polygon with vertices snapped to the grid (may come out self-touching: then skipped). */
const starArb = fc
  .record({
    cx: fc.integer({ min: 0, max: 8 }),
    cy: fc.integer({ min: 0, max: 8 }),
    spokes: fc.array(fc.record({ angle: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), r: fc.integer({ min: 1, max: 5 }) }), { minLength: 3, maxLength: 8 }),
  })
  .map(({ cx, cy, spokes }): Polygon => {
    const pts = [...spokes]
      .sort((a, b) => a.angle - b.angle)
      .map(({ angle, r }) => [Math.round(cx + r * Math.cos(angle)) * G, Math.round(cy + r * Math.sin(angle)) * G]);
    return { type: 'Polygon', coordinates: [[...pts, pts[0]]] };
  });

/** A union of grid cells and half-cells: shared edges, holes and parts meeting at corners. */
const cellsArb = fc.array(fc.record({ i: fc.integer({ min: 0, max: 5 }), j: fc.integer({ min: 0, max: 5 }), kind: fc.integer({ min: 0, max: 5 }) }), { minLength: 1, maxLength: 20 }).map((cells) => {
  const fs = cells.map(({ i, j, kind }) => {
    const x = i * G;
    const y = j * G;
    const ring = kind === 0 ? [[x, y], [x + G, y], [x + G, y + G], [x, y]] : kind === 1 ? [[x, y], [x + G, y], [x, y + G], [x, y]] : [[x, y], [x + G, y], [x + G, y + G], [x, y + G], [x, y]];
    return turfPolygon([ring]);
  });
  const u = fs.length === 1 ? fs[0] : union(featureCollection(fs));
  return u!.geometry as Polygon | MultiPolygon;
});

function oracleArea(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): number {
  const r = intersect(featureCollection<Polygon | MultiPolygon>([turfFeature(a) as Feature<Polygon | MultiPolygon>, turfFeature(b) as Feature<Polygon | MultiPolygon>]));
  return r ? areaOf(r.geometry) : 0;
}

function checkPair(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): boolean {
  const o = overlay([a], [b]);
  // only valid inputs have one meaning; invalid ones are repaired (tested elsewhere)
  if (o.prepared.layers.some((l) => l.issues.length > 0)) return true;
  const want = oracleArea(a, b);
  const got = o.at(0, 0);
  expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-7 * Math.max(o.areaA[0], o.areaB[0]));
  return true;
}

describe('overlay areas agree with turf.intersect', () => {
  it('on random star polygons snapped to a coarse grid', () => {
    fc.assert(fc.property(starArb, starArb, (a, b) => checkPair(a, b)), { numRuns: 300, seed: 42 });
  });

  it('on random unions of grid cells (shared edges, holes, corner contacts)', () => {
    fc.assert(fc.property(cellsArb, cellsArb, (a, b) => checkPair(a, b)), { numRuns: 150, seed: 7 });
  });

  it('on a polygon overlaid on itself (every boundary shared)', () => {
    fc.assert(
      fc.property(cellsArb, (a) => {
        const o = overlay([a], [a]);
        expect(o.at(0, 0)).toBeCloseTo(o.areaA[0], 3);
        return true;
      }),
      { numRuns: 100, seed: 3 },
    );
  });
});
