/**
 * A fine Voronoi "cell mesh" that every area layer is assembled from. The province, the
 * municipalities, the districts and the service regions are all unions of these cells, so a line
 * shared by two areas is the same chain of mesh edges, vertex for vertex: neighbours share
 * identical boundaries, areas add up exactly, and no polygon can self-intersect (see
 * `edgePath` for why the wiggles keep that true).
 */
import { Delaunay } from 'd3';
import { hash32, mixInts, mulberry32 } from './prng';
import { PLANE_HALF_HEIGHT_KM, PLANE_HALF_WIDTH_KM } from './projection';

export interface CellMesh {
  seed: number;
  /** number of cells */
  count: number;
  /** typical distance between neighbouring sites, km */
  spacingKm: number;
  /** cell sites, flat [x0, y0, x1, y1, …] in km */
  sites: Float64Array;
  delaunay: Delaunay<Delaunay.Point>;
  /** circumcentre of each Delaunay triangle = Voronoi vertex, flat x,y */
  vertices: Float64Array;
  /** neighbouring cells in CSR form */
  neighbourOffsets: Uint32Array;
  neighbours: Uint32Array;
  /** 1 for cells on the convex hull (their Voronoi cell is unbounded) */
  onHull: Uint8Array;
  /** wiggled interior points of each undirected edge, keyed by its smaller halfedge */
  edgeCache: Map<number, Float64Array>;
  /** base hash for per-edge randomness */
  edgeHash: number;
}

const nextHalfedge = (e: number) => (e % 3 === 2 ? e - 2 : e + 1);

export function makeCellMesh(seed: number, spacingKm = 4): CellMesh {
  const rng = mulberry32(hash32(seed, 'cell-mesh'));
  const rowStep = spacingKm * Math.sqrt(3) / 2;
  const pad = 3 * spacingKm;
  const xs: number[] = [];
  // a jittered hexagonal lattice: even cell sizes, but no straight rows a reader would notice
  let row = 0;
  for (let y = -PLANE_HALF_HEIGHT_KM - pad; y <= PLANE_HALF_HEIGHT_KM + pad; y += rowStep, row++) {
    const shift = row % 2 ? spacingKm / 2 : 0;
    for (let x = -PLANE_HALF_WIDTH_KM - pad + shift; x <= PLANE_HALF_WIDTH_KM + pad; x += spacingKm) {
      xs.push(x + (rng.next() - 0.5) * 0.7 * spacingKm, y + (rng.next() - 0.5) * 0.7 * rowStep);
    }
  }
  const sites = Float64Array.from(xs);
  const delaunay = new Delaunay(sites) as unknown as Delaunay<Delaunay.Point>;
  const { triangles, halfedges, hull } = delaunay;
  const count = sites.length / 2;

  const vertices = new Float64Array((triangles.length / 3) * 2);
  for (let t = 0; t < triangles.length / 3; t++) {
    const a = triangles[3 * t] * 2;
    const b = triangles[3 * t + 1] * 2;
    const c = triangles[3 * t + 2] * 2;
    const ax = sites[a], ay = sites[a + 1];
    const bx = sites[b] - ax, by = sites[b + 1] - ay;
    const cx = sites[c] - ax, cy = sites[c + 1] - ay;
    const d = 2 * (bx * cy - by * cx);
    const bl = bx * bx + by * by;
    const cl = cx * cx + cy * cy;
    vertices[2 * t] = ax + (cy * bl - by * cl) / d;
    vertices[2 * t + 1] = ay + (bx * cl - cx * bl) / d;
  }

  const degree = new Uint32Array(count);
  for (let e = 0; e < triangles.length; e++) {
    // each undirected pair once from the interior side, plus hull edges (no twin) once
    if (halfedges[e] > e || halfedges[e] < 0) {
      degree[triangles[e]]++;
      degree[triangles[nextHalfedge(e)]]++;
    }
  }
  const neighbourOffsets = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) neighbourOffsets[i + 1] = neighbourOffsets[i] + degree[i];
  const neighbours = new Uint32Array(neighbourOffsets[count]);
  const fill = neighbourOffsets.slice(0, count);
  for (let e = 0; e < triangles.length; e++) {
    if (halfedges[e] > e || halfedges[e] < 0) {
      const i = triangles[e];
      const j = triangles[nextHalfedge(e)];
      neighbours[fill[i]++] = j;
      neighbours[fill[j]++] = i;
    }
  }
  const onHull = new Uint8Array(count);
  for (const h of hull) onHull[h] = 1;
  return { seed, count, spacingKm, sites, delaunay, vertices, neighbourOffsets, neighbours, onHull, edgeCache: new Map(), edgeHash: hash32(seed, 'edge') };
}

/** the cell containing (x, y) before wiggling, i.e. the nearest site */
export function nearestCell(mesh: CellMesh, x: number, y: number, hint = 0): number {
  return mesh.delaunay.find(x, y, hint);
}

export function forEachNeighbour(mesh: CellMesh, cell: number, fn: (other: number) => void): void {
  for (let k = mesh.neighbourOffsets[cell]; k < mesh.neighbourOffsets[cell + 1]; k++) fn(mesh.neighbours[k]);
}

/**
 * The interior points of the Voronoi edge dual to halfedge `e`, from the vertex of e's triangle
 * to the vertex of its twin's. The straight Voronoi edge AB is bent into a single bulge towards
 * one of its two sites p or q: each point is L + a·(site − L) with L on AB and 0 ≤ a < 1, so the
 * whole bent edge stays inside triangle (A, B, site). Those triangles lie inside the (convex)
 * cell of that site and never overlap one another, so bent edges cannot cross — the polygons
 * stay valid however cells are grouped. The bend is derived from a hash of the edge, so it is the
 * same whichever area asks for it.
 */
function canonicalEdgePath(mesh: CellMesh, e: number): Float64Array {
  const cached = mesh.edgeCache.get(e);
  if (cached) return cached;
  const { triangles, halfedges } = mesh.delaunay;
  const o = halfedges[e];
  const A = Math.floor(e / 3) * 2;
  const B = Math.floor(o / 3) * 2;
  const ax = mesh.vertices[A], ay = mesh.vertices[A + 1];
  const bx = mesh.vertices[B], by = mesh.vertices[B + 1];
  const len = Math.hypot(bx - ax, by - ay);
  const pointsInside = len > 0.3 * mesh.spacingKm ? 3 : len > 0.1 * mesh.spacingKm ? 1 : 0;
  const out = new Float64Array(pointsInside * 2);
  if (pointsInside > 0) {
    const rng = mulberry32(mixInts(mesh.edgeHash, e));
    const amplitude = 0.05 + 0.2 * rng.next();
    const towardsFirst = rng.next() < 0.5;
    const skew = (rng.next() - 0.5) * 1.2;
    const site = (towardsFirst ? triangles[e] : triangles[nextHalfedge(e)]) * 2;
    const sx = mesh.sites[site], sy = mesh.sites[site + 1];
    for (let k = 1; k <= pointsInside; k++) {
      const s = k / (pointsInside + 1);
      // one-signed profile (|skew·sin| < 1) so the bend never crosses AB
      const a = amplitude * Math.sin(Math.PI * s) * (1 + skew * Math.sin(2 * Math.PI * s));
      const lx = ax + s * (bx - ax);
      const ly = ay + s * (by - ay);
      out[2 * (k - 1)] = lx + a * (sx - lx);
      out[2 * (k - 1) + 1] = ly + a * (sy - ly);
    }
  }
  mesh.edgeCache.set(e, out);
  return out;
}

/**
 * Boundary rings of every group of cells. `groupOf[cell]` is a group index or −1 (outside all).
 * Returns, per group, its rings as flat km coordinates (not closed), outer rings counter-clockwise
 * and holes clockwise. Cells on the hull must be in no group.
 */
export function groupRings(mesh: CellMesh, groupOf: Int32Array, groupCount: number): Float64Array[][] {
  const { triangles, halfedges } = mesh.delaunay;
  // per group: Voronoi vertex where a boundary edge starts → the halfedge and direction
  const starts: Array<Map<number, number>> = Array.from({ length: groupCount }, () => new Map());
  for (let e = 0; e < triangles.length; e++) {
    const o = halfedges[e];
    if (o < 0) continue;
    const i = triangles[e];
    const g = groupOf[i];
    if (g < 0 || g === groupOf[triangles[nextHalfedge(e)]]) continue;
    const A = Math.floor(e / 3);
    const B = Math.floor(o / 3);
    // orient so the group's site is on the left: rings come out counter-clockwise
    const ax = mesh.vertices[2 * A], ay = mesh.vertices[2 * A + 1];
    const cross = (mesh.vertices[2 * B] - ax) * (mesh.sites[2 * i + 1] - ay) - (mesh.vertices[2 * B + 1] - ay) * (mesh.sites[2 * i] - ax);
    // encode direction in the sign: +e+1 means A→B, −(e+1) means B→A
    if (cross > 0) starts[g].set(A, e + 1);
    else starts[g].set(B, -(e + 1));
  }
  const result: Float64Array[][] = [];
  for (let g = 0; g < groupCount; g++) {
    const rings: Float64Array[] = [];
    const pending = starts[g];
    // walk in insertion order so output is deterministic
    for (const first of [...pending.keys()]) {
      if (!pending.has(first)) continue;
      const ring: number[] = [];
      let at = first;
      for (;;) {
        const code = pending.get(at);
        if (code === undefined) break;
        pending.delete(at);
        const e = Math.abs(code) - 1;
        const o = halfedges[e];
        const forward = code > 0;
        const from = forward ? Math.floor(e / 3) : Math.floor(o / 3);
        const to = forward ? Math.floor(o / 3) : Math.floor(e / 3);
        ring.push(mesh.vertices[2 * from], mesh.vertices[2 * from + 1]);
        appendEdgeInterior(mesh, e, forward, ring);
        at = to;
      }
      rings.push(Float64Array.from(ring));
    }
    result.push(rings);
  }
  return result;
}

/** appends the bent interior points of edge e, walking A→B (forward) or B→A */
function appendEdgeInterior(mesh: CellMesh, e: number, forward: boolean, out: number[]): void {
  const o = mesh.delaunay.halfedges[e];
  const canonical = Math.min(e, o);
  const pts = canonicalEdgePath(mesh, canonical);
  // the canonical path runs from canonical's triangle to its twin's
  const sameDirection = (canonical === e) === forward;
  const n = pts.length / 2;
  for (let k = 0; k < n; k++) {
    const idx = sameDirection ? k : n - 1 - k;
    out.push(pts[2 * idx], pts[2 * idx + 1]);
  }
}

/** signed area of a flat ring (positive = counter-clockwise), km² */
export function ringArea(ring: ArrayLike<number>): number {
  let sum = 0;
  const n = ring.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) sum += (ring[j] - ring[i]) * (ring[j + 1] + ring[i + 1]);
  return sum / 2;
}
