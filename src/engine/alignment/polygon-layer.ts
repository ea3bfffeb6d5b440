/**
 * A layer of polygon features as flat typed arrays: the form every overlay step reads.
 *
 * Rings are stored closed (last vertex repeats the first), one after another; segment k runs from
 * vertex k to vertex k + 1 and exists for every vertex but the last of its ring. Each vertex is
 * held twice: on the exact grid (topology) and in equal-area metres (measurement). Prefix sums of
 * the shoelace terms and of segment lengths along each ring make the area and length of any run of
 * boundary two subtractions. Consecutive segments are grouped in chunks, and a Flatbush index of
 * chunk boxes finds the boundary near any box.
 */
import Flatbush from 'flatbush';
import type { CleanPolygon } from './clean-rings';
import { fromGrid, GRID_PER_DEGREE } from './exact-grid';
import { projectEqualArea, type EqualAreaFrame } from './equal-area';

/** segments per chunk: small enough that a chunk box hugs its boundary, big enough to keep the index small */
export const CHUNK_SEGMENTS = 16;

export interface PolygonLayer {
  featureCount: number;
  ringCount: number;
  vertexCount: number;
  /** ringCount + 1 offsets into the vertex arrays */
  ringStart: Uint32Array;
  ringFeature: Uint32Array;
  /** 1 for a hole (clockwise), 0 for an outer ring */
  ringIsHole: Uint8Array;
  /** featureCount + 1 offsets into the rings */
  featureRingStart: Uint32Array;
  vertexRing: Uint32Array;
  /** exact grid coordinates (integers, 1e-7 degree) */
  gx: Int32Array;
  gy: Int32Array;
  /**
   * the equal-area frame; metres of a vertex come from `vertexMetres` when needed (only the prefix
   * sums are stored: a million vertices' worth of fresh memory is not free)
   */
  frame: EqualAreaFrame;
  /** Σ over earlier segments of the ring of (x_i·y_{i+1} − x_{i+1}·y_i), i.e. twice the swept area, m² */
  prefixCross: Float64Array;
  /** Σ over earlier segments of the ring of their length, metres */
  prefixLength: Float64Array;
  featureAreaM2: Float64Array;
  featurePerimeterM: Float64Array;
  /** [minX, minY, maxX, maxY] per feature, grid units (empty features get an inverted box) */
  featureBox: Float64Array;
  ringBox: Float64Array;
  chunkCount: number;
  /** first segment (= vertex id) of each chunk; chunk c holds segments chunkStart[c] … chunkEnd[c] − 1 */
  chunkStart: Uint32Array;
  chunkEnd: Uint32Array;
  chunkFeature: Uint32Array;
  chunkBox: Float64Array;
  /** Flatbush over chunk boxes, as its buffer (Flatbush.from reopens it) */
  chunkIndex: ArrayBuffer;
  /** Flatbush over feature boxes */
  featureIndex: ArrayBuffer;
}

/** Builds the layer from cleaned polygons (one array of polygons per feature). */
export function buildPolygonLayer(features: CleanPolygon[][], frame: EqualAreaFrame): PolygonLayer {
  const featureCount = features.length;
  let ringCount = 0;
  let vertexCount = 0;
  for (const polys of features)
    for (const p of polys)
      for (const r of p.rings) {
        ringCount++;
        vertexCount += r.length / 2 + 1;
      }
  const ringStart = new Uint32Array(ringCount + 1);
  const ringFeature = new Uint32Array(ringCount);
  const ringIsHole = new Uint8Array(ringCount);
  const featureRingStart = new Uint32Array(featureCount + 1);
  const vertexRing = new Uint32Array(vertexCount);
  const gx = new Int32Array(vertexCount);
  const gy = new Int32Array(vertexCount);
  const prefixCross = new Float64Array(vertexCount);
  const prefixLength = new Float64Array(vertexCount);
  const featureAreaM2 = new Float64Array(featureCount);
  const featurePerimeterM = new Float64Array(featureCount);
  const featureBox = new Float64Array(4 * featureCount);
  const ringBox = new Float64Array(4 * ringCount);
  const xy = new Float64Array(2);
  const box = new Float64Array(4);

  let ring = 0;
  let v = 0;
  let chunkCount = 0;
  for (let f = 0; f < featureCount; f++) {
    featureRingStart[f] = ring;
    let fx0 = Infinity;
    let fy0 = Infinity;
    let fx1 = -Infinity;
    let fy1 = -Infinity;
    for (const p of features[f]) {
      for (let r = 0; r < p.rings.length; r++) {
        const src = p.rings[r];
        const n = src.length / 2;
        ringStart[ring] = v;
        ringFeature[ring] = f;
        ringIsHole[ring] = r > 0 ? 1 : 0;
        v = writeRing(src, v, ring, gx, gy, vertexRing, prefixCross, prefixLength, frame, xy, box);
        const rx0 = box[0];
        const ry0 = box[1];
        const rx1 = box[2];
        const ry1 = box[3];
        ringBox[4 * ring] = rx0;
        ringBox[4 * ring + 1] = ry0;
        ringBox[4 * ring + 2] = rx1;
        ringBox[4 * ring + 3] = ry1;
        if (rx0 < fx0) fx0 = rx0;
        if (ry0 < fy0) fy0 = ry0;
        if (rx1 > fx1) fx1 = rx1;
        if (ry1 > fy1) fy1 = ry1;
        featureAreaM2[f] += prefixCross[v - 1] / 2;
        featurePerimeterM[f] += prefixLength[v - 1];
        chunkCount += Math.ceil(n / CHUNK_SEGMENTS);
        ring++;
      }
    }
    featureBox[4 * f] = fx0;
    featureBox[4 * f + 1] = fy0;
    featureBox[4 * f + 2] = fx1;
    featureBox[4 * f + 3] = fy1;
  }
  featureRingStart[featureCount] = ring;
  ringStart[ringCount] = v;

  const chunkStart = new Uint32Array(chunkCount);
  const chunkEnd = new Uint32Array(chunkCount);
  const chunkFeature = new Uint32Array(chunkCount);
  const chunkBox = new Float64Array(4 * chunkCount);
  const chunkTree = new Flatbush(Math.max(1, chunkCount));
  let c = 0;
  for (let r = 0; r < ringCount; r++) {
    const lastSeg = ringStart[r + 1] - 1; // exclusive end of the ring's segments
    for (let s = ringStart[r]; s < lastSeg; s += CHUNK_SEGMENTS) {
      const e = Math.min(lastSeg, s + CHUNK_SEGMENTS);
      let x0 = Infinity;
      let y0 = Infinity;
      let x1 = -Infinity;
      let y1 = -Infinity;
      for (let k = s; k <= e; k++) {
        const X = gx[k];
        const Y = gy[k];
        if (X < x0) x0 = X;
        if (X > x1) x1 = X;
        if (Y < y0) y0 = Y;
        if (Y > y1) y1 = Y;
      }
      chunkStart[c] = s;
      chunkEnd[c] = e;
      chunkFeature[c] = ringFeature[r];
      chunkBox[4 * c] = x0;
      chunkBox[4 * c + 1] = y0;
      chunkBox[4 * c + 2] = x1;
      chunkBox[4 * c + 3] = y1;
      chunkTree.add(x0, y0, x1, y1);
      c++;
    }
  }
  if (chunkCount === 0) chunkTree.add(1e12, 1e12, 1e12, 1e12);
  chunkTree.finish();

  const featureTree = new Flatbush(Math.max(1, featureCount));
  for (let f = 0; f < featureCount; f++) {
    if (featureRingStart[f] === featureRingStart[f + 1]) featureTree.add(1e12, 1e12, 1e12, 1e12);
    else featureTree.add(featureBox[4 * f], featureBox[4 * f + 1], featureBox[4 * f + 2], featureBox[4 * f + 3]);
  }
  if (featureCount === 0) featureTree.add(1e12, 1e12, 1e12, 1e12);
  featureTree.finish();

  return {
    featureCount,
    ringCount,
    vertexCount,
    ringStart,
    ringFeature,
    ringIsHole,
    featureRingStart,
    vertexRing,
    gx,
    gy,
    frame,
    prefixCross,
    prefixLength,
    featureAreaM2,
    featurePerimeterM,
    featureBox,
    ringBox,
    chunkCount,
    chunkStart,
    chunkEnd,
    chunkFeature,
    chunkBox,
    chunkIndex: chunkTree.data as ArrayBuffer,
    featureIndex: featureTree.data as ArrayBuffer,
  };
}

/** Writes one closed ring from vertex `v` on; returns the next free vertex and its box in `box`. */
function writeRing(
  src: Float64Array,
  v: number,
  ring: number,
  gx: Int32Array,
  gy: Int32Array,
  vertexRing: Uint32Array,
  prefixCross: Float64Array,
  prefixLength: Float64Array,
  frame: EqualAreaFrame,
  xy: Float64Array,
  box: Float64Array,
): number {
  const n = src.length / 2;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  let fx = 0;
  let fy = 0;
  let px = 0;
  let py = 0;
  let pc = 0;
  let pl = 0;
  for (let i = 0; i <= n; i++) {
    const k = i === n ? 0 : i;
    const X = src[2 * k];
    const Y = src[2 * k + 1];
    gx[v] = X;
    gy[v] = Y;
    vertexRing[v] = ring;
    let qx: number;
    let qy: number;
    if (i < n) {
      projectEqualArea(frame, X / GRID_PER_DEGREE, Y / GRID_PER_DEGREE, xy);
      qx = xy[0];
      qy = xy[1];
      if (i === 0) {
        fx = qx;
        fy = qy;
      }
    } else {
      qx = fx;
      qy = fy;
    }
    if (i > 0) {
      pc += px * qy - qx * py;
      pl += Math.sqrt((qx - px) * (qx - px) + (qy - py) * (qy - py));
    }
    prefixCross[v] = pc;
    prefixLength[v] = pl;
    px = qx;
    py = qy;
    if (X < x0) x0 = X;
    if (X > x1) x1 = X;
    if (Y < y0) y0 = Y;
    if (Y > y1) y1 = Y;
    v++;
  }
  box[0] = x0;
  box[1] = y0;
  box[2] = x1;
  box[3] = y1;
  return v;
}

/** Equal-area metres of vertex v into out[0], out[1] (the same numbers the prefix sums used). */
export function vertexMetres(layer: PolygonLayer, v: number, out: Float64Array): void {
  projectEqualArea(layer.frame, layer.gx[v] / GRID_PER_DEGREE, layer.gy[v] / GRID_PER_DEGREE, out);
}

/** Vertex id of the vertex before `v` along its ring (skipping the closing repeat). */
export function previousVertex(layer: PolygonLayer, v: number): number {
  const r = layer.vertexRing[v];
  return v === layer.ringStart[r] ? layer.ringStart[r + 1] - 2 : v - 1;
}

/** Extent [minLon, minLat, maxLon, maxLat] in degrees of GeoJSON-like polygon coordinates. */
export function cleanExtent(features: CleanPolygon[][], into?: [number, number, number, number]): [number, number, number, number] {
  const e: [number, number, number, number] = into ?? [Infinity, Infinity, -Infinity, -Infinity];
  for (const polys of features)
    for (const p of polys)
      for (const r of p.rings)
        for (let i = 0; i < r.length; i += 2) {
          const lon = fromGrid(r[i]);
          const lat = fromGrid(r[i + 1]);
          if (lon < e[0]) e[0] = lon;
          if (lat < e[1]) e[1] = lat;
          if (lon > e[2]) e[2] = lon;
          if (lat > e[3]) e[3] = lat;
        }
  return e;
}
