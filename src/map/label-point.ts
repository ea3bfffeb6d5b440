/**
 * Where to put a polygon's label: its pole of inaccessibility, the interior point farthest from the
 * boundary (Agafonkin's "polylabel" grid search, 2016). Unlike a centroid it is always inside, even
 * for a crescent-shaped municipality or one with a hole.
 *
 * Distances are computed on an equirectangular plane (longitude scaled by cos latitude), which is
 * accurate enough for placing a label within one municipality.
 */
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

type Ring = Position[];

interface Cell {
  x: number;
  y: number;
  /** half the cell size */
  h: number;
  /** signed distance from the cell centre to the polygon boundary (positive inside) */
  d: number;
  /** the largest distance any point in the cell can have */
  max: number;
}

function segmentDistanceSq(px: number, py: number, a: Position, b: Position): number {
  let x = a[0];
  let y = a[1];
  let dx = b[0] - x;
  let dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = b[0];
      y = b[1];
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

/** Signed distance from a point to the rings' boundary: positive inside (even-odd rule), negative outside. */
export function signedDistance(x: number, y: number, rings: Ring[]): number {
  let inside = false;
  let minSq = Infinity;
  for (const ring of rings) {
    for (let i = 0, len = ring.length, j = len - 1; i < len; j = i++) {
      const a = ring[i];
      const b = ring[j];
      if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
      minSq = Math.min(minSq, segmentDistanceSq(x, y, a, b));
    }
  }
  return minSq === 0 ? 0 : (inside ? 1 : -1) * Math.sqrt(minSq);
}

function cell(x: number, y: number, h: number, rings: Ring[]): Cell {
  const d = signedDistance(x, y, rings);
  return { x, y, h, d, max: d + h * Math.SQRT2 };
}

/** A binary max-heap on `max`: the cell that could still hold the farthest point comes first. */
class CellQueue {
  private items: Cell[] = [];
  get length() {
    return this.items.length;
  }
  push(c: Cell) {
    const a = this.items;
    a.push(c);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p].max >= a[i].max) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop(): Cell {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l].max > a[m].max) m = l;
        if (r < a.length && a[r].max > a[m].max) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

function ringCentroid(ring: Ring): Position {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, len = ring.length, j = len - 1; i < len; j = i++) {
    const a = ring[i];
    const b = ring[j];
    const f = a[0] * b[1] - b[0] * a[1];
    x += (a[0] + b[0]) * f;
    y += (a[1] + b[1]) * f;
    area += f * 3;
  }
  return area === 0 ? ring[0] : [x / area, y / area];
}

/**
 * The pole of inaccessibility of planar rings (outer ring first, then holes), to within
 * `precision` units, and its distance to the boundary. `maxCells` bounds the work on odd input.
 */
export function poleOfInaccessibility(rings: Ring[], precision: number, maxCells = 20_000): { point: Position; distance: number } {
  const outer = rings[0] ?? [];
  if (!outer.length) return { point: [NaN, NaN], distance: 0 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of outer) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const size = Math.min(maxX - minX, maxY - minY);
  if (size === 0) return { point: [minX, minY], distance: 0 };

  const queue = new CellQueue();
  const h = size / 2;
  for (let x = minX; x < maxX; x += size) for (let y = minY; y < maxY; y += size) queue.push(cell(x + h, y + h, h, rings));

  const c = ringCentroid(outer);
  let best = cell(c[0], c[1], 0, rings);
  const boxCentre = cell(minX + (maxX - minX) / 2, minY + (maxY - minY) / 2, 0, rings);
  if (boxCentre.d > best.d) best = boxCentre;

  let cells = 0;
  while (queue.length && cells < maxCells) {
    const next = queue.pop();
    cells++;
    if (next.d > best.d) best = next;
    if (next.max - best.d <= precision) continue;
    const q = next.h / 2;
    queue.push(cell(next.x - q, next.y - q, q, rings));
    queue.push(cell(next.x + q, next.y - q, q, rings));
    queue.push(cell(next.x - q, next.y + q, q, rings));
    queue.push(cell(next.x + q, next.y + q, q, rings));
  }
  return { point: [best.x, best.y], distance: best.d };
}

function planarArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, len = ring.length, j = len - 1; i < len; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs(a / 2);
}

/**
 * A point inside the polygon (for a MultiPolygon, inside its largest part) to hang a label on,
 * as [lon, lat], with the part's area in square degrees (scaled) for ranking labels.
 */
export function labelPoint(geometry: Polygon | MultiPolygon): { lngLat: [number, number]; area: number } | undefined {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let bestRings: Ring[] | undefined;
  let bestArea = -1;
  let k = 1;
  for (const rings of polygons) {
    if (!rings[0]?.length) continue;
    const lat = rings[0].reduce((s, p) => s + p[1], 0) / rings[0].length;
    const scale = Math.cos((lat * Math.PI) / 180);
    const area = (planarArea(rings[0]) - rings.slice(1).reduce((s, r) => s + planarArea(r), 0)) * scale;
    if (area > bestArea) {
      bestArea = area;
      bestRings = rings;
      k = scale;
    }
  }
  if (!bestRings) return undefined;
  const projected = bestRings.map((ring) => ring.map(([x, y]) => [x * k, y]));
  let extent = 0;
  for (const [x, y] of projected[0]) extent = Math.max(extent, Math.abs(x - projected[0][0][0]), Math.abs(y - projected[0][0][1]));
  const { point } = poleOfInaccessibility(projected, Math.max(extent / 200, 1e-7));
  if (!Number.isFinite(point[0])) return undefined;
  return { lngLat: [point[0] / k, point[1]], area: bestArea };
}

export interface MapLabel {
  id: string;
  text: string;
  lngLat: [number, number];
  /** larger wins when labels collide */
  priority: number;
  /** 'district' labels are drawn differently and lose to local ones */
  tier: 'district' | 'local';
}

/**
 * One label per named municipality, largest first. Districts (category C) contain local
 * municipalities, so their labels rank below every local one.
 */
export function municipalityLabels(collection: FeatureCollection | undefined): MapLabel[] {
  const labels: MapLabel[] = [];
  (collection?.features ?? []).forEach((f, i) => {
    const p = f.properties ?? {};
    const name = typeof p.name === 'string' ? p.name.trim() : '';
    const g = f.geometry;
    if (!name || !g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return;
    const at = labelPoint(g);
    if (!at) return;
    const district = p.category === 'C';
    labels.push({
      id: typeof p.code === 'string' && p.code ? p.code : `#${i}`,
      text: name,
      lngLat: at.lngLat,
      priority: district ? at.area - 1e9 : at.area,
      tier: district ? 'district' : 'local',
    });
  });
  return labels.sort((a, b) => b.priority - a.priority);
}

export interface ScreenBox {
  /** centre, in pixels */
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Which labels to show: greedily, in the given (priority) order, each label that doesn't overlap
 * one already kept, with `padding` pixels of air around each. This is what hides names at low
 * zoom where they would crowd, and brings them back as the map zooms in.
 */
export function declutter(boxes: ReadonlyArray<ScreenBox | undefined>, padding = 4): boolean[] {
  const kept: ScreenBox[] = [];
  return boxes.map((b) => {
    if (!b) return false;
    const hit = kept.some(
      (k) => Math.abs(k.x - b.x) * 2 < k.width + b.width + 2 * padding && Math.abs(k.y - b.y) * 2 < k.height + b.height + 2 * padding,
    );
    if (!hit) kept.push(b);
    return !hit;
  });
}
