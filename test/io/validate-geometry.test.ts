import { describe, expect, it } from 'vitest';
import type { Geometry, Position } from 'geojson';
import { checkStructure, validateForLayer } from '../../src/io/validate-geometry';
import { findRingSelfIntersection } from '../../src/io/ring-self-intersections';
import type { SourceFeature } from '../../src/io/source-features';

const feature = (geometry: unknown, index = 0): SourceFeature => ({ index, geometry: geometry as Geometry, properties: { name: 'X' } });
const square: Position[] = [[19, -34], [20, -34], [20, -33], [19, -33], [19, -34]];

/** A closed star-free ring of n vertices around (19, -33): a circle, simple by construction. */
function circle(n: number): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) ring.push([19 + Math.cos((2 * Math.PI * i) / n), -33 + Math.sin((2 * Math.PI * i) / n)]);
  ring.push([...ring[0]]);
  return ring;
}

describe('checking a geometry’s structure', () => {
  it('accepts a well-formed point and cuts z off', () => {
    const f = feature({ type: 'Point', coordinates: [18.4, -33.9, 120] });
    expect(checkStructure(f, 'f')).toBeUndefined();
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [18.4, -33.9] });
  });
  it.each([
    ['a null geometry', null, 'empty-geometry'],
    ['a geometry without type', { coordinates: [1, 2] }, 'missing-geometry-type'],
    ['a GeometryCollection', { type: 'GeometryCollection', geometries: [] }, 'unsupported-geometry'],
    ['an unknown type', { type: 'Circle', coordinates: [1, 2] }, 'unsupported-geometry'],
    ['a text coordinate', { type: 'Point', coordinates: ['18.4', -33.9] }, 'invalid-coordinate'],
    ['a null coordinate', { type: 'Point', coordinates: [null, -33.9] }, 'invalid-coordinate'],
    ['a position of one number', { type: 'LineString', coordinates: [[18.4], [18.5, -33]] }, 'invalid-coordinate'],
    ['an empty point', { type: 'Point', coordinates: [] }, 'empty-geometry'],
    ['an empty polygon', { type: 'Polygon', coordinates: [] }, 'empty-geometry'],
  ])('drops %s with %s', (_, geometry, code) => {
    expect(checkStructure(feature(geometry, 4), 'f')).toMatchObject({ code, where: { file: 'f', feature: 4 } });
  });
});

describe('validating a geometry for its layer', () => {
  it('drops a line from the offices layer as wrong-geometry-for-layer', () => {
    expect(validateForLayer(feature({ type: 'LineString', coordinates: [[18, -33], [19, -33]] }), 'offices', 'f').drop?.code).toBe('wrong-geometry-for-layer');
  });
  it('turns a one-point MultiPoint into a Point', () => {
    const f = feature({ type: 'MultiPoint', coordinates: [[18, -33]] });
    expect(validateForLayer(f, 'offices', 'f').drop).toBeUndefined();
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [18, -33] });
  });
  it('closes an unclosed ring with a warning', () => {
    const f = feature({ type: 'Polygon', coordinates: [square.slice(0, 4)] });
    const r = validateForLayer(f, 'municipalities', 'f');
    expect(r.warnings.map((w) => w.code)).toEqual(['unclosed-ring']);
    expect((f.geometry as GeoJSON.Polygon).coordinates[0]).toEqual(square);
  });
  it('drops a ring of two corners as too-few-points', () => {
    expect(validateForLayer(feature({ type: 'Polygon', coordinates: [[[19, -34], [20, -34], [19, -34], [19, -34]]] }), 'municipalities', 'f').drop?.code).toBe('too-few-points');
  });
  it('drops a line whose points are all the same', () => {
    expect(validateForLayer(feature({ type: 'LineString', coordinates: [[19, -34], [19, -34]] }), 'roads', 'f').drop?.code).toBe('too-few-points');
  });
  it('keeps a bow-tie with a self-intersecting-ring warning naming the crossing', () => {
    const r = validateForLayer(feature({ type: 'Polygon', coordinates: [[[19, -34], [20, -33], [20, -34], [19, -33], [19, -34]]] }), 'municipalities', 'f');
    expect(r.drop).toBeUndefined();
    expect(r.warnings[0]).toMatchObject({ code: 'self-intersecting-ring', message: expect.stringContaining('(19.5, -33.5)') });
  });
  it('accepts a simple square without warnings', () => {
    expect(validateForLayer(feature({ type: 'Polygon', coordinates: [square.map((p) => [...p])] }), 'municipalities', 'f')).toEqual({ warnings: [] });
  });
});

describe('finding where a ring crosses itself', () => {
  it('finds nothing in a simple ring', () => {
    expect(findRingSelfIntersection(square)).toBeUndefined();
  });
  it('ignores a ring that touches itself at a vertex', () => {
    // figure of two squares sharing the corner (20, -33)
    expect(findRingSelfIntersection([[19, -34], [20, -34], [20, -33], [21, -33], [21, -32], [20, -32], [20, -33], [19, -33], [19, -34]])).toBeUndefined();
  });
  it('finds a collinear overlap', () => {
    expect(findRingSelfIntersection([[0, 0], [4, 0], [4, 1], [3, 1], [3, 0], [1, 0], [1, -1], [0, -1], [0, 0]])).toBeDefined();
  });
  it('ignores repeated points', () => {
    expect(findRingSelfIntersection([[19, -34], [20, -34], [20, -34], [20, -33], [19, -33], [19, -34]])).toBeUndefined();
  });
  it('finds nothing in a simple 100,000-vertex ring, quickly', () => {
    const ring = circle(100_000);
    const t = performance.now();
    expect(findRingSelfIntersection(ring)).toBeUndefined();
    expect(performance.now() - t).toBeLessThan(3000);
  });
  it('finds a single crossing hidden in a 100,000-vertex ring, and agrees with brute force on a small one', () => {
    const big = circle(100_000);
    // pull the westernmost vertex out through the east side of the circle: its spike crosses the boundary there
    big[50_000] = [20.5, -33];
    expect(findRingSelfIntersection(big)).toBeDefined();
    const small = circle(40);
    small[20] = [20.5, -33];
    expect(findRingSelfIntersection(small)).toBeDefined();
  });
});
