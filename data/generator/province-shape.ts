/**
 * The province: an irregular blob of mesh cells (an ellipse bent by a few random harmonics),
 * without holes or detached pieces, plus a fast "is this point inside?" test the other modules
 * use to keep towns, roads and offices on land.
 */
import { forEachNeighbour, groupRings, makeCellMesh, nearestCell, ringArea, type CellMesh } from './cell-mesh';
import { hash32, mulberry32, uniform } from './prng';
import { PLANE_HALF_HEIGHT_KM, PLANE_HALF_WIDTH_KM } from './projection';

export interface ProvinceShape {
  mesh: CellMesh;
  /** 1 where the cell belongs to the province */
  inProvince: Uint8Array;
  /** 1 where the cell and all its neighbours belong: points in it are surely inside */
  interior: Uint8Array;
  /** the outline, flat km, counter-clockwise, not closed */
  outline: Float64Array;
  areaKm2: number;
  /** outline edges bucketed by latitude band, for quick point-in-polygon tests */
  bands: Int32Array[];
  bandMinY: number;
  bandHeightKm: number;
  /**
   * A coarse square grid over the plane, so point queries are lookups: per square, the cell
   * nearest its centre (where a nearest-cell walk starts) and whether the square lies wholly
   * outside (0), wholly inside (1) or is crossed by the outline (2).
   */
  squareKm: number;
  squareCols: number;
  squareRows: number;
  squareCell: Int32Array;
  squareState: Uint8Array;
}

export const PROVINCE_NAME = 'Sample Province (fictional)';

export function makeProvinceShape(seed: number): ProvinceShape {
  const mesh = makeCellMesh(seed);
  const rng = mulberry32(hash32(seed, 'province-shape'));
  // low harmonics give the overall lopsided shape, higher ones capes and bays
  const harmonics = Array.from({ length: 12 }, (_, k) => ({
    k: k + 2,
    amp: uniform(rng, 0.02, 0.11) / Math.pow(k + 2, 0.65),
    phase: uniform(rng, 0, 2 * Math.PI),
  }));
  const radius = (theta: number) => {
    let f = 1;
    for (const h of harmonics) f += h.amp * Math.cos(h.k * theta + h.phase);
    return f;
  };
  // scale the blob so its widest point still leaves two cells of margin inside the plane
  const margin = 2.5 * mesh.spacingKm;
  let scaleX = Infinity;
  let scaleY = Infinity;
  for (let t = 0; t < 720; t++) {
    const theta = (t / 720) * 2 * Math.PI;
    const f = radius(theta);
    const c = Math.abs(Math.cos(theta)) * f;
    const s = Math.abs(Math.sin(theta)) * f;
    if (c > 1e-9) scaleX = Math.min(scaleX, (PLANE_HALF_WIDTH_KM - margin) / c);
    if (s > 1e-9) scaleY = Math.min(scaleY, (PLANE_HALF_HEIGHT_KM - margin) / s);
  }
  const inProvince = new Uint8Array(mesh.count);
  for (let i = 0; i < mesh.count; i++) {
    const x = mesh.sites[2 * i];
    const y = mesh.sites[2 * i + 1];
    const theta = Math.atan2(y / scaleY, x / scaleX);
    const r = Math.hypot(x / scaleX, y / scaleY);
    if (!mesh.onHull[i] && r <= radius(theta)) inProvince[i] = 1;
  }
  keepLargestComponent(mesh, inProvince);
  fillHoles(mesh, inProvince);

  const interior = new Uint8Array(mesh.count);
  for (let i = 0; i < mesh.count; i++) {
    if (!inProvince[i]) continue;
    let all = 1;
    forEachNeighbour(mesh, i, (j) => {
      if (!inProvince[j]) all = 0;
    });
    interior[i] = all;
  }
  const groupOf = new Int32Array(mesh.count).fill(-1);
  for (let i = 0; i < mesh.count; i++) if (inProvince[i]) groupOf[i] = 0;
  const rings = groupRings(mesh, groupOf, 1)[0];
  if (rings.length !== 1) throw new Error(`province outline has ${rings.length} rings; expected 1`);
  const outline = rings[0];
  const bandHeightKm = 2;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 1; i < outline.length; i += 2) {
    minY = Math.min(minY, outline[i]);
    maxY = Math.max(maxY, outline[i]);
  }
  const bandCount = Math.ceil((maxY - minY) / bandHeightKm) + 1;
  const bandLists: number[][] = Array.from({ length: bandCount }, () => []);
  const n = outline.length / 2;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    const y0 = Math.min(outline[2 * i + 1], outline[2 * j + 1]);
    const y1 = Math.max(outline[2 * i + 1], outline[2 * j + 1]);
    for (let b = Math.floor((y0 - minY) / bandHeightKm); b <= Math.floor((y1 - minY) / bandHeightKm); b++) bandLists[b].push(i);
  }
  const shape: ProvinceShape = {
    mesh,
    inProvince,
    interior,
    outline,
    areaKm2: ringArea(outline),
    bands: bandLists.map((l) => Int32Array.from(l)),
    bandMinY: minY,
    bandHeightKm,
    squareKm: 2,
    squareCols: 0,
    squareRows: 0,
    squareCell: new Int32Array(0),
    squareState: new Uint8Array(0),
  };
  buildSquares(shape);
  return shape;
}

function buildSquares(shape: ProvinceShape): void {
  const k = shape.squareKm;
  const cols = Math.ceil((2 * PLANE_HALF_WIDTH_KM) / k);
  const rows = Math.ceil((2 * PLANE_HALF_HEIGHT_KM) / k);
  const cell = new Int32Array(cols * rows);
  const state = new Uint8Array(cols * rows);
  let hint = 0;
  for (let r = 0; r < rows; r++) {
    // snake through the rows so each walk starts next to the previous answer
    for (let q = 0; q < cols; q++) {
      const c = r % 2 ? cols - 1 - q : q;
      hint = nearestCell(shape.mesh, -PLANE_HALF_WIDTH_KM + (c + 0.5) * k, -PLANE_HALF_HEIGHT_KM + (r + 0.5) * k, hint);
      cell[r * cols + c] = hint;
    }
  }
  // squares the outline passes through, and their neighbours for safety, are "crossed"
  const ring = shape.outline;
  const n = ring.length / 2;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    const steps = Math.ceil(Math.hypot(ring[2 * j] - ring[2 * i], ring[2 * j + 1] - ring[2 * i + 1]) / (k / 4)) + 1;
    for (let t = 0; t <= steps; t++) {
      const x = ring[2 * i] + ((ring[2 * j] - ring[2 * i]) * t) / steps;
      const y = ring[2 * i + 1] + ((ring[2 * j + 1] - ring[2 * i + 1]) * t) / steps;
      const c0 = Math.floor((x + PLANE_HALF_WIDTH_KM) / k);
      const r0 = Math.floor((y + PLANE_HALF_HEIGHT_KM) / k);
      for (let r = r0 - 1; r <= r0 + 1; r++) for (let c = c0 - 1; c <= c0 + 1; c++) if (r >= 0 && r < rows && c >= 0 && c < cols) state[r * cols + c] = 2;
    }
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      if (state[i] !== 2) state[i] = insideOutline(shape, -PLANE_HALF_WIDTH_KM + (c + 0.5) * k, -PLANE_HALF_HEIGHT_KM + (r + 0.5) * k) ? 1 : 0;
    }
  }
  shape.squareCols = cols;
  shape.squareRows = rows;
  shape.squareCell = cell;
  shape.squareState = state;
}

function squareOf(shape: ProvinceShape, x: number, y: number): number {
  const c = Math.floor((x + PLANE_HALF_WIDTH_KM) / shape.squareKm);
  const r = Math.floor((y + PLANE_HALF_HEIGHT_KM) / shape.squareKm);
  if (c < 0 || r < 0 || c >= shape.squareCols || r >= shape.squareRows) return -1;
  return r * shape.squareCols + c;
}

function keepLargestComponent(mesh: CellMesh, member: Uint8Array): void {
  const comp = new Int32Array(mesh.count).fill(-1);
  let best = -1;
  let bestSize = 0;
  let next = 0;
  for (let s = 0; s < mesh.count; s++) {
    if (!member[s] || comp[s] >= 0) continue;
    const id = next++;
    const stack = [s];
    comp[s] = id;
    let size = 0;
    while (stack.length) {
      const c = stack.pop()!;
      size++;
      forEachNeighbour(mesh, c, (d) => {
        if (member[d] && comp[d] < 0) {
          comp[d] = id;
          stack.push(d);
        }
      });
    }
    if (size > bestSize) {
      bestSize = size;
      best = id;
    }
  }
  for (let i = 0; i < mesh.count; i++) if (member[i] && comp[i] !== best) member[i] = 0;
}

/** non-member cells not reachable from the hull through non-members are holes: fill them */
function fillHoles(mesh: CellMesh, member: Uint8Array): void {
  const outside = new Uint8Array(mesh.count);
  const stack: number[] = [];
  for (let i = 0; i < mesh.count; i++) {
    if (mesh.onHull[i] && !member[i]) {
      outside[i] = 1;
      stack.push(i);
    }
  }
  while (stack.length) {
    const c = stack.pop()!;
    forEachNeighbour(mesh, c, (d) => {
      if (!member[d] && !outside[d]) {
        outside[d] = 1;
        stack.push(d);
      }
    });
  }
  for (let i = 0; i < mesh.count; i++) if (!member[i] && !outside[i]) member[i] = 1;
}

/** the mesh cell nearest (x, y) */
export function cellAt(shape: ProvinceShape, x: number, y: number): number {
  const sq = squareOf(shape, x, y);
  return nearestCell(shape.mesh, x, y, sq >= 0 ? shape.squareCell[sq] : 0);
}

/** exact point-in-outline test (even–odd ray cast over the outline edges in the point's band) */
export function insideOutline(shape: ProvinceShape, x: number, y: number): boolean {
  const b = Math.floor((y - shape.bandMinY) / shape.bandHeightKm);
  if (b < 0 || b >= shape.bands.length) return false;
  const ring = shape.outline;
  const n = ring.length / 2;
  let inside = false;
  for (const i of shape.bands[b]) {
    const j = (i + 1) % n;
    const xi = ring[2 * i], yi = ring[2 * i + 1];
    const xj = ring[2 * j], yj = ring[2 * j + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** true when (x, y) is inside the province: a lookup, or an exact test near the outline */
export function insideProvince(shape: ProvinceShape, x: number, y: number): boolean {
  const sq = squareOf(shape, x, y);
  if (sq < 0) return false;
  const state = shape.squareState[sq];
  return state === 2 ? insideOutline(shape, x, y) : state === 1;
}
