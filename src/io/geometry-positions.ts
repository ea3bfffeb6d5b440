import type { Geometry, Position } from 'geojson';

/** Nesting depth of `coordinates` for each simple geometry type (Point = a bare position). */
export const COORDINATE_DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

/** Calls `fn` on every position of a (structurally checked) geometry. */
export function forEachPosition(g: Geometry, fn: (p: Position) => void): void {
  if (g.type === 'GeometryCollection') {
    for (const c of g.geometries) forEachPosition(c, fn);
    return;
  }
  walk(g.coordinates, COORDINATE_DEPTH[g.type], fn);
}

function walk(c: unknown, depth: number, fn: (p: Position) => void): void {
  if (depth === 0) {
    fn(c as Position);
    return;
  }
  for (const x of c as unknown[]) walk(x, depth - 1, fn);
}

/** The first position of a geometry, or undefined for an empty one. */
export function firstPosition(g: Geometry): Position | undefined {
  let first: Position | undefined;
  try {
    forEachPosition(g, (p) => {
      first = p;
      throw STOP;
    });
  } catch (e) {
    if (e !== STOP) throw e;
  }
  return first;
}
const STOP = Symbol('stop');

/** [minX, minY, maxX, maxY] of a geometry's positions, or undefined when it has none. */
export function geometryBounds(g: Geometry): [number, number, number, number] | undefined {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  forEachPosition(g, (p) => {
    if (p[0] < minX) minX = p[0];
    if (p[0] > maxX) maxX = p[0];
    if (p[1] < minY) minY = p[1];
    if (p[1] > maxY) maxY = p[1];
  });
  return minX === Infinity ? undefined : [minX, minY, maxX, maxY];
}
