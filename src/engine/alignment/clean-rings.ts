/**
 * GeoJSON polygon geometry → clean rings on the exact grid: invalid coordinates dropped, rings
 * closed, repeated vertices and spikes (a vertex where the boundary doubles back on itself)
 * removed, rings with no area dropped, outer rings turned counter-clockwise and holes clockwise so
 * that the interior always lies to the left of the boundary. Every change a user would care about
 * is reported; none of this ever throws.
 */
import type { Geometry, Position } from 'geojson';
import type { InputIssue } from '../../model/errors';
import { cross, fromGrid, toGrid } from './exact-grid';

/** One polygon: open rings (no repeated closing vertex) as interleaved grid x, y; ring 0 is outer. */
export interface CleanPolygon {
  rings: Float64Array[];
}

export interface IssueSink {
  issues: InputIssue[];
  /** at most this many issues per code are kept; the rest are counted */
  capPerCode: number;
  counts: Partial<Record<InputIssue['code'], number>>;
  file: string;
}

export function issueSink(file: string, capPerCode = 50): IssueSink {
  return { issues: [], capPerCode, counts: {}, file };
}

export function report(sink: IssueSink, issue: Omit<InputIssue, 'where'> & { feature: number }): void {
  const n = (sink.counts[issue.code] ?? 0) + 1;
  sink.counts[issue.code] = n;
  if (n > sink.capPerCode) return;
  const { feature, ...rest } = issue;
  sink.issues.push({ ...rest, where: { file: sink.file, feature } });
}

const fmt = (gx: number, gy: number) => `[${fromGrid(gx)}, ${fromGrid(gy)}]`;

/** Twice the signed area of an open ring in grid units², relative to its first vertex. */
export function ringSignedArea2(ring: Float64Array): number {
  const n = ring.length / 2;
  const ox = ring[0];
  const oy = ring[1];
  let s = 0;
  for (let i = 1; i + 1 < n; i++) {
    s += (ring[2 * i] - ox) * (ring[2 * i + 3] - oy) - (ring[2 * i + 2] - ox) * (ring[2 * i + 1] - oy);
  }
  return s;
}

function allCollinear(ring: Float64Array): boolean {
  const ux = ring[2] - ring[0];
  const uy = ring[3] - ring[1];
  for (let i = 4; i < ring.length; i += 2) if (cross(ux, uy, ring[i] - ring[0], ring[i + 1] - ring[1]) !== 0) return false;
  return true;
}

function reverseRing(ring: Float64Array): Float64Array {
  const n = ring.length / 2;
  const out = new Float64Array(ring.length);
  for (let i = 0; i < n; i++) {
    out[2 * i] = ring[2 * (n - 1 - i)];
    out[2 * i + 1] = ring[2 * (n - 1 - i) + 1];
  }
  return out;
}

/** b is a spike tip (or a repeat) between a and c: the boundary goes a→b and straight back. */
function isSpike(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  if (cross(bx - ax, by - ay, cx - bx, cy - by) !== 0) return false;
  // collinear: a spike when b→c points back along a→b
  const ux = bx - ax;
  const uy = by - ay;
  const vx = cx - bx;
  const vy = cy - by;
  if ((vx === 0 && vy === 0) || (ux === 0 && uy === 0)) return true;
  return ux !== 0 ? ux > 0 !== vx > 0 : uy > 0 !== vy > 0;
}

interface RingResult {
  ring: Float64Array | null;
  spikes: number;
  closed: boolean;
  droppedCoordinates: number;
}

function cleanRing(coords: Position[], scratch: { buf: Float64Array }): RingResult {
  const res: RingResult = { ring: null, spikes: 0, closed: false, droppedCoordinates: 0 };
  if (!Array.isArray(coords)) return res;
  if (scratch.buf.length < 2 * coords.length) scratch.buf = new Float64Array(2 * coords.length + 64);
  const b = scratch.buf;
  // one pass: snap, drop repeats, and pop spike tips off the stack b[0 … 2k)
  let k = 0;
  let valid = 0;
  for (const p of coords) {
    const lon = Array.isArray(p) ? p[0] : NaN;
    const lat = Array.isArray(p) ? p[1] : NaN;
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      res.droppedCoordinates++;
      continue;
    }
    valid++;
    const x = toGrid(lon);
    const y = toGrid(lat);
    if (k > 0 && b[2 * k - 2] === x && b[2 * k - 1] === y) continue;
    b[2 * k] = x;
    b[2 * k + 1] = y;
    k++;
    while (k >= 3 && isSpike(b[2 * k - 6], b[2 * k - 5], b[2 * k - 4], b[2 * k - 3], b[2 * k - 2], b[2 * k - 1])) {
      res.spikes++;
      // remove the tip; if the walk came back exactly onto the vertex before it, drop the repeat too
      const cx = b[2 * k - 2];
      const cy = b[2 * k - 1];
      k -= 2;
      if (!(b[2 * k - 2] === cx && b[2 * k - 1] === cy)) {
        b[2 * k] = cx;
        b[2 * k + 1] = cy;
        k++;
      }
    }
  }
  if (valid === 0) return res;
  const first = coords[0];
  const last = coords[coords.length - 1];
  const closedInFile = Array.isArray(first) && Array.isArray(last) && coords.length > 1 && first[0] === last[0] && first[1] === last[1];
  if (!closedInFile && valid >= 3) res.closed = true;
  // seam: the closing repeat, and spikes that straddle the start
  let start = 0;
  let guard = 2 * k + 4;
  while (k - start >= 3 && guard-- > 0) {
    const l = 2 * (k - 1);
    const f = 2 * start;
    if (b[l] === b[f] && b[l + 1] === b[f + 1]) {
      k--;
      continue;
    }
    if (isSpike(b[l - 2], b[l - 1], b[l], b[l + 1], b[f], b[f + 1])) {
      res.spikes++;
      k--;
      continue;
    }
    if (isSpike(b[l], b[l + 1], b[f], b[f + 1], b[f + 2], b[f + 3])) {
      res.spikes++;
      start++;
      continue;
    }
    break;
  }
  const n = k - start;
  if (n < 3) return res;
  res.ring = b.slice(2 * start, 2 * k);
  return res;
}

/**
 * Cleans one feature's geometry. Non-area geometries are reported and yield no polygons (the
 * feature keeps its place, with zero area).
 */
export function cleanAreaGeometry(geometry: Geometry | null | undefined, feature: number, sink: IssueSink): CleanPolygon[] {
  if (!geometry) {
    report(sink, { code: 'empty-geometry', severity: 'warning', feature, message: 'The feature has no geometry.', fix: 'Draw the boundary or remove the feature.' });
    return [];
  }
  let polys: Position[][][];
  if (geometry.type === 'Polygon') polys = [geometry.coordinates];
  else if (geometry.type === 'MultiPolygon') polys = geometry.coordinates;
  else {
    report(sink, {
      code: 'wrong-geometry-for-layer',
      severity: 'warning',
      feature,
      message: `The feature is a ${geometry.type}, not a Polygon or MultiPolygon, so it has no area.`,
      fix: 'Use polygon boundaries for this layer.',
      value: geometry.type,
    });
    return [];
  }
  const out: CleanPolygon[] = [];
  const scratch = { buf: new Float64Array(0) };
  for (const poly of Array.isArray(polys) ? polys : []) {
    if (!Array.isArray(poly) || poly.length === 0) continue;
    const rings: Float64Array[] = [];
    for (let r = 0; r < poly.length; r++) {
      const res = cleanRing(poly[r], scratch);
      if (res.droppedCoordinates > 0) {
        report(sink, {
          code: 'invalid-coordinate',
          severity: 'warning',
          feature,
          message: `${res.droppedCoordinates} position(s) of a ring are not valid longitude/latitude and were skipped.`,
          fix: 'Check the coordinates are WGS84 degrees [longitude, latitude].',
        });
      }
      if (res.closed && res.ring) {
        report(sink, {
          code: 'unclosed-ring',
          severity: 'warning',
          feature,
          message: `A ring does not end where it starts (${fmt(res.ring[0], res.ring[1])}); it was closed.`,
          fix: 'Repeat the first position at the end of every ring.',
        });
      }
      if (res.spikes > 0 && res.ring) {
        report(sink, {
          code: 'self-intersecting-ring',
          severity: 'warning',
          feature,
          message: `A ring doubles back on itself ${res.spikes} time(s) (zero-width spikes); the spikes were removed.`,
          fix: 'Remove the stray vertices from the boundary.',
        });
      }
      let ring = res.ring;
      const area2 = ring ? ringSignedArea2(ring) : 0;
      // zero signed area with some width is a balanced bow-tie: kept, for the validity check to repair
      if (!ring || (area2 === 0 && allCollinear(ring))) {
        report(sink, {
          code: 'too-few-points',
          severity: 'warning',
          feature,
          message: r === 0 ? 'An outer ring has fewer than three distinct positions or no area; its polygon was skipped.' : 'A hole has fewer than three distinct positions or no area; it was skipped.',
          fix: 'Remove the degenerate ring or redraw it.',
        });
        if (r === 0) break;
        continue;
      }
      // outer counter-clockwise, holes clockwise
      if ((r === 0) !== area2 > 0) ring = reverseRing(ring);
      rings.push(ring);
    }
    if (rings.length > 0) out.push({ rings });
  }
  return out;
}

/** Clean polygons back to GeoJSON coordinates (degrees, closed rings). */
export function cleanToCoordinates(polys: CleanPolygon[]): Position[][][] {
  return polys.map((p) =>
    p.rings.map((ring) => {
      const n = ring.length / 2;
      const coords: Position[] = [];
      for (let i = 0; i < n; i++) coords.push([fromGrid(ring[2 * i]), fromGrid(ring[2 * i + 1])]);
      coords.push([fromGrid(ring[0]), fromGrid(ring[1])]);
      return coords;
    }),
  );
}
