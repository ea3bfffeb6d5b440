import type { Geometry, Position } from 'geojson';
import type { InputIssue } from '../model/errors';
import { LAYER_GEOMETRIES, type LayerKind } from '../model/layers';
import { COORDINATE_DEPTH } from './geometry-positions';
import { fmtNumber, issue, LEFT_OUT, quoteValue } from './input-issues';
import { findRingSelfIntersection } from './ring-self-intersections';
import { featureLabel, featureWhere, type SourceFeature } from './source-features';

export type GeometryFamily = 'point' | 'line' | 'area';

export function geometryFamily(type: string): GeometryFamily | undefined {
  if (type === 'Point' || type === 'MultiPoint') return 'point';
  if (type === 'LineString' || type === 'MultiLineString') return 'line';
  if (type === 'Polygon' || type === 'MultiPolygon') return 'area';
  return undefined;
}

const FAMILY_WORDS: Record<GeometryFamily, string> = { point: 'points', line: 'lines', area: 'polygons' };

const drop = (f: SourceFeature, file: string, code: InputIssue['code'], what: string, fix: string, value?: unknown): InputIssue =>
  issue(code, 'warning', `${featureLabel(f)} ${what}. ${LEFT_OUT}`, fix, featureWhere(file, f), value);

/**
 * Before any CRS work: the geometry exists, has a known simple type, and every position is at least
 * two finite numbers. Positions are cut to [x, y] (z and m are not used). Returns the problem that
 * drops the feature, if any.
 */
export function checkStructure(f: SourceFeature, file: string): InputIssue | undefined {
  const g = f.geometry as unknown;
  if (g === null || g === undefined) {
    return drop(f, file, 'empty-geometry', 'has no geometry (null)', 'Give it a location, or delete the feature.');
  }
  if (typeof g !== 'object' || Array.isArray(g)) {
    return drop(f, file, 'unsupported-geometry', `has a geometry that is not an object (${quoteValue(g)})`, 'Export the file again as GeoJSON.', g);
  }
  const geom = g as { type?: unknown; coordinates?: unknown };
  if (geom.type === undefined || geom.type === null || geom.type === '') {
    return drop(
      f,
      file,
      'missing-geometry-type',
      'has a geometry without a "type" (Point, LineString, Polygon …)',
      'Add the type to the geometry, e.g. "geometry": {"type": "Point", "coordinates": [18.42, -33.92]}.',
    );
  }
  const type = typeof geom.type === 'string' ? geom.type : quoteValue(geom.type);
  if (type === 'GeometryCollection') {
    return drop(f, file, 'unsupported-geometry', 'is a GeometryCollection; a layer needs one kind of geometry per feature', 'Split it into separate point, line or polygon features (QGIS: Vector ▸ Geometry Tools ▸ Multipart to Singleparts).', type);
  }
  const depth = COORDINATE_DEPTH[type];
  if (depth === undefined) {
    return drop(f, file, 'unsupported-geometry', `has a geometry of type “${type}”, which GeoJSON does not define`, 'Use Point, MultiPoint, LineString, MultiLineString, Polygon or MultiPolygon.', type);
  }
  if (type === 'Point' && Array.isArray(geom.coordinates) && geom.coordinates.length === 0) {
    return drop(f, file, 'empty-geometry', 'is an empty Point (no coordinates)', 'Give it a location, or delete the feature.');
  }
  // checked in place (the parsed data is ours): no copy of a 100 MB file's coordinates
  let bad: unknown;
  let count = 0;
  const check = (c: unknown, d: number): void => {
    if (d === 0) {
      if (Array.isArray(c) && c.length >= 2 && typeof c[0] === 'number' && typeof c[1] === 'number' && Number.isFinite(c[0]) && Number.isFinite(c[1])) {
        count++;
        if (c.length > 2) c.length = 2;
      } else bad = c ?? null;
      return;
    }
    if (!Array.isArray(c)) {
      bad = c ?? null;
      return;
    }
    for (let i = 0; i < c.length && bad === undefined; i++) check(c[i], d - 1);
  };
  check(geom.coordinates, depth);
  if (bad !== undefined) {
    const detail = Array.isArray(bad)
      ? bad.length < 2
        ? `a position with ${bad.length} number${bad.length === 1 ? '' : 's'} (${quoteValue(bad)}) where longitude and latitude are needed`
        : `a coordinate that is not a number: ${quoteValue(bad)}`
      : `“${quoteValue(bad)}” where a position [longitude, latitude] belongs`;
    return drop(f, file, 'invalid-coordinate', `has ${detail}`, 'Correct or remove that position; positions are [longitude, latitude] with plain numbers.', bad);
  }
  if (count === 0) {
    return drop(f, file, 'empty-geometry', `is an empty ${type} (no positions)`, 'Give it a location, or delete the feature.');
  }
  // keep only type and coordinates (shapefile readers add a bbox, GeoJSON may carry foreign members)
  f.geometry = { type, coordinates: geom.coordinates } as Geometry;
  return undefined;
}

const samePos = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];
/** Whether a line has at least `k` (≤ 3) distinct positions; stops as soon as it knows. */
function hasDistinct(line: Position[], k: number): boolean {
  const found: Position[] = [];
  for (const p of line) {
    if (!found.some((q) => samePos(p, q))) found.push(p);
    if (found.length >= k) return true;
  }
  return false;
}

/**
 * After reprojection, against the layer: the geometry family fits the layer, lines have two points,
 * rings are closed (closed here with a warning) and have three corners, and rings do not cross
 * themselves (a warning: the feature is kept). Mutates the geometry where it repairs it.
 */
export function validateForLayer(f: SourceFeature, kind: LayerKind, file: string): { drop?: InputIssue; warnings: InputIssue[] } {
  const g = f.geometry!;
  const warnings: InputIssue[] = [];
  const family = geometryFamily(g.type)!;
  const accepted = LAYER_GEOMETRIES[kind];
  if (!accepted.includes(family)) {
    return {
      warnings,
      drop: drop(
        f,
        file,
        'wrong-geometry-for-layer',
        `is a ${g.type}, but the ${kind} layer takes ${accepted.map((a) => FAMILY_WORDS[a]).join(' or ')}`,
        `Load ${FAMILY_WORDS[family]} as ${family === 'line' ? 'roads' : family === 'point' ? 'offices, settlements or Thusong centres' : 'municipalities, regions or settlements'}, or remove this feature from the file.`,
        g.type,
      ),
    };
  }
  if (g.type === 'MultiPoint') {
    if (g.coordinates.length === 1) f.geometry = { type: 'Point', coordinates: g.coordinates[0] };
    else
      return {
        warnings,
        drop: drop(f, file, 'wrong-geometry-for-layer', `is a MultiPoint of ${g.coordinates.length} points, but each ${kind} feature needs one point`, 'Split it into single points (QGIS: Vector ▸ Geometry Tools ▸ Multipart to Singleparts).', g.type),
      };
  }
  if (g.type === 'LineString' || g.type === 'MultiLineString') {
    const parts = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
    const short = parts.findIndex((p) => !hasDistinct(p, 2));
    if (short >= 0) {
      return {
        warnings,
        drop: drop(f, file, 'too-few-points', `has a line${parts.length > 1 ? ` (part ${short + 1})` : ''} with fewer than two distinct points`, 'Delete the feature or digitise the line again.', parts[short]),
      };
    }
  }
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    let ringNo = 0;
    let closed = 0;
    let crossingReported = false;
    for (const poly of polys) {
      for (const ring of poly) {
        ringNo++;
        if (ring.length > 0 && !samePos(ring[0], ring[ring.length - 1])) {
          ring.push([ring[0][0], ring[0][1]]);
          closed++;
        }
        if (ring.length < 4 || !hasDistinct(ring, 3)) {
          return {
            warnings,
            drop: drop(f, file, 'too-few-points', `has a polygon ring (ring ${ringNo}) with fewer than three distinct corners`, 'Delete the feature or digitise the polygon again.', ring.slice(0, 4)),
          };
        }
        if (!crossingReported) {
          const hit = findRingSelfIntersection(ring);
          if (hit) {
            crossingReported = true;
            warnings.push(
              issue(
                'self-intersecting-ring',
                'warning',
                `${featureLabel(f)} has a polygon boundary (ring ${ringNo}) that crosses itself near (${fmtNumber(hit[0])}, ${fmtNumber(hit[1])}); its area and overlaps may be wrong. It was kept.`,
                'Repair it (QGIS: Vector ▸ Geometry Tools ▸ Fix Geometries, or mapshaper -clean) and load the file again.',
                featureWhere(file, f),
                `${hit[0]}, ${hit[1]}`,
              ),
            );
          }
        }
      }
    }
    if (closed) {
      warnings.unshift(
        issue(
          'unclosed-ring',
          'warning',
          `${featureLabel(f)} has ${closed === 1 ? 'a polygon ring' : `${closed} polygon rings`} whose last point is not its first; ${closed === 1 ? 'it was' : 'they were'} closed.`,
          'Nothing to do unless the shape looks wrong; a GeoJSON ring must end where it starts.',
          featureWhere(file, f),
        ),
      );
    }
  }
  return { warnings };
}
