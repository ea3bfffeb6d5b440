import type { Geometry, Position } from 'geojson';

/**
 * A tiny reader for the WKT geometries found in CSV exports: POINT, LINESTRING, POLYGON and their
 * MULTI forms, with optional Z/M/ZM and an optional EWKT "SRID=4326;" prefix. Returns undefined
 * when the text is not such a geometry.
 */
export function parseWkt(text: string): Geometry | undefined {
  const m = /^\s*(?:SRID=\d+\s*;\s*)?(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON)\s*(?:ZM|Z|M)?\s*(\(.*\)|EMPTY)\s*$/is.exec(text);
  if (!m) return undefined;
  const type = m[1].toUpperCase();
  if (m[2].toUpperCase() === 'EMPTY') return undefined;
  let nested: unknown;
  try {
    // "(1 2, 3 4)" → "[[1,2],[3,4]]": positions become arrays, parentheses brackets
    const json = m[2]
      .replace(/(-?[\d.]+(?:[eE][-+]?\d+)?)(?:\s+(-?[\d.]+(?:[eE][-+]?\d+)?))+/g, (pos) => `[${pos.trim().split(/\s+/).join(',')}]`)
      .replace(/\(/g, '[')
      .replace(/\)/g, ']');
    nested = JSON.parse(json);
  } catch {
    return undefined;
  }
  const depth = (x: unknown): number => (Array.isArray(x) ? (Array.isArray(x[0]) ? 1 + depth(x[0]) : 0) : -1);
  const c = nested as unknown[];
  switch (type) {
    case 'POINT':
      return depth(c) === 1 && c.length === 1 ? { type: 'Point', coordinates: c[0] as Position } : undefined;
    case 'LINESTRING':
      return depth(c) === 1 ? { type: 'LineString', coordinates: c as Position[] } : undefined;
    case 'POLYGON':
      return depth(c) === 2 ? { type: 'Polygon', coordinates: c as Position[][] } : undefined;
    case 'MULTIPOINT':
      // both "MULTIPOINT (1 2, 3 4)" and "MULTIPOINT ((1 2), (3 4))"
      if (depth(c) === 1) return { type: 'MultiPoint', coordinates: c as Position[] };
      return depth(c) === 2 ? { type: 'MultiPoint', coordinates: (c as Position[][]).map((p) => p[0]) } : undefined;
    case 'MULTILINESTRING':
      return depth(c) === 2 ? { type: 'MultiLineString', coordinates: c as Position[][] } : undefined;
    case 'MULTIPOLYGON':
      return depth(c) === 3 ? { type: 'MultiPolygon', coordinates: c as Position[][][] } : undefined;
  }
  return undefined;
}

/** Whether a cell looks like WKT at all (used to find a geometry column by its values). */
export const looksLikeWkt = (s: string) => /^\s*(?:SRID=\d+\s*;\s*)?(?:MULTI)?(?:POINT|LINESTRING|POLYGON)\b/i.test(s);
