/**
 * Builds the road graph from a roads layer: nodes where lines share coordinates (and at every
 * shape vertex — simple, and the CSR arrays stay compact enough), directed edges with travel
 * minutes, and the undirected segments that snapping splits.
 */
import type { Feature, FeatureCollection, Position } from 'geojson';
import { throttleProgress, type ProgressFn } from '../../model/progress';
import { haversineMetres, METRES_PER_DEGREE } from '../spatial/geodesy';
import { findComponents } from './components';
import { createArena, plan, take } from './arena';
import { createCoordinateHash, hashCapacity, nodeIdFor, nodePositions } from './coordinate-hash';
import { hilbertOrder } from './node-order';
import { DEFAULT_SPEEDS_KMH, onewayDirection, speedForClass, type SpeedTable } from './speeds';

/** A directed graph in compressed sparse row form: out-edges of node v are offsets[v]..offsets[v+1]. */
export interface Csr {
  nodeCount: number;
  offsets: Uint32Array;
  targets: Uint32Array;
  minutes: Float32Array;
}

/**
 * The road graph. Every typed array is a view into ONE ArrayBuffer (`nodeLon.buffer`): a worker
 * transfers that single buffer, and a structured clone copies it once.
 */
export interface RoadGraph {
  nodeCount: number;
  nodeLon: Float64Array;
  nodeLat: Float64Array;
  /** forward CSR: edges leaving each node */
  offsets: Uint32Array;
  targets: Uint32Array;
  minutes: Float32Array;
  metres: Float32Array;
  edgeCount: number;
  /** reverse CSR: edges arriving at each node (reverseTargets holds their tails) */
  reverseOffsets: Uint32Array;
  reverseTargets: Uint32Array;
  reverseMinutes: Float32Array;
  /** undirected segments between consecutive vertices: what snapping attaches to */
  segmentCount: number;
  segmentFrom: Uint32Array;
  segmentTo: Uint32Array;
  segmentMetres: Float32Array;
  /** minutes to drive the whole segment (either allowed direction) */
  segmentMinutes: Float32Array;
  /** 1 = from→to only, -1 = to→from only, 0 = both */
  segmentOneway: Int8Array;
  componentCount: number;
  /** weak component per node, 0 = the largest */
  nodeComponent: Uint32Array;
  /** nodes per component, largest first */
  componentSizes: Uint32Array;
  /** features that were not lines or had no usable coordinates */
  skippedFeatures: number;
  /** road classes missing from the speed table (given the fallback speed), with counts */
  unknownClasses: Record<string, number>;
}

export interface BuildGraphOptions {
  /** km/h per road class; merged over DEFAULT_SPEEDS_KMH */
  speedsKmh?: SpeedTable;
  /** speed for classes missing from the table (km/h) */
  fallbackKmh?: number;
  /** coordinates closer than this (after rounding) become one node */
  mergeToleranceDeg?: number;
}

export function forwardCsr(g: RoadGraph): Csr {
  return { nodeCount: g.nodeCount, offsets: g.offsets, targets: g.targets, minutes: g.minutes };
}

/** The graph with every edge turned round: Dijkstra on it from a destination gives times TO it. */
export function reverseCsr(g: RoadGraph): Csr {
  return { nodeCount: g.nodeCount, offsets: g.reverseOffsets, targets: g.reverseTargets, minutes: g.reverseMinutes };
}

function lineParts(f: Feature | null | undefined): Position[][] | null {
  const g = f?.geometry;
  if (!g) return null;
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return null;
}

const RAD = Math.PI / 180;

/**
 * Length of a road segment. Segments are short (metres to a few km), where the equirectangular
 * formula at the mid-latitude matches the haversine to better than 1e-6 and costs one cosine
 * instead of five trigonometric calls; long ones (> ~0.2°) use the haversine.
 */
function segmentLengthMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = lat2 - lat1;
  const dLon = lon2 - lon1;
  if (dLat > 0.2 || dLat < -0.2 || dLon > 0.2 || dLon < -0.2) return haversineMetres(lon1, lat1, lon2, lat2);
  const x = dLon * Math.cos((lat1 + lat2) * 0.5 * RAD);
  return Math.sqrt(x * x + dLat * dLat) * METRES_PER_DEGREE;
}

export function buildRoadGraph(roads: FeatureCollection, options: BuildGraphOptions = {}, progress?: ProgressFn): RoadGraph {
  const report = throttleProgress(progress);
  const table: SpeedTable = { ...DEFAULT_SPEEDS_KMH, ...(options.speedsKmh ?? {}) };
  const fallbackKmh = options.fallbackKmh ?? 30;
  const tolerance = options.mergeToleranceDeg ?? 1e-6;
  const features = roads.features ?? [];

  // pass 1: sizes, so every array is allocated once
  let vertexCount = 0;
  let skippedFeatures = 0;
  for (let f = 0; f < features.length; f++) {
    const parts = lineParts(features[f]);
    if (!parts) {
      skippedFeatures++;
      continue;
    }
    for (const part of parts) vertexCount += part.length;
  }

  // pass 2: vertices → nodes, consecutive pairs → segments. All scratch lives in one buffer, kept
  // under the ~64 MB that makes V8 start a full collection for a 1M-node network (see arena.ts)
  const cap = hashCapacity(vertexCount);
  const scratchPlan = { bytes: 0 };
  plan(scratchPlan, Int32Array, cap * 3);
  plan(scratchPlan, Uint32Array, vertexCount);
  plan(scratchPlan, Uint32Array, vertexCount);
  plan(scratchPlan, Float32Array, vertexCount);
  plan(scratchPlan, Int8Array, vertexCount);
  const scratch = createArena(scratchPlan.bytes);
  const hash = createCoordinateHash(vertexCount, tolerance, take(scratch, Int32Array, cap * 3));
  const segFrom = take(scratch, Uint32Array, vertexCount);
  const segTo = take(scratch, Uint32Array, vertexCount);
  const segKmh = take(scratch, Float32Array, vertexCount);
  const segOneway = take(scratch, Int8Array, vertexCount);
  let segCount = 0;
  const unknownClasses: Record<string, number> = {};
  for (let f = 0; f < features.length; f++) {
    const feature = features[f];
    const parts = lineParts(feature);
    if (!parts) continue;
    const props = (feature.properties ?? {}) as Record<string, unknown>;
    const own = Number(props.speed_kmh);
    let kmh: number;
    if (props.speed_kmh != null && props.speed_kmh !== '' && Number.isFinite(own) && own > 0) kmh = own;
    else {
      kmh = speedForClass(props.class, table, -1);
      if (kmh < 0) {
        kmh = fallbackKmh;
        const key = String(props.class ?? '(none)');
        unknownClasses[key] = (unknownClasses[key] ?? 0) + 1;
      }
    }
    const oneway = onewayDirection(props.oneway);
    let used = false;
    for (let q = 0; q < parts.length; q++) {
      const part = parts[q];
      let prev = -1;
      for (let i = 0; i < part.length; i++) {
        const p = part[i];
        const lon = p?.[0];
        const lat = p?.[1];
        // typeof + isFinite inline: this loop runs once per vertex
        if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) continue;
        const node = nodeIdFor(hash, lon, lat);
        if (prev >= 0 && node !== prev) {
          segFrom[segCount] = prev;
          segTo[segCount] = node;
          segKmh[segCount] = kmh;
          segOneway[segCount] = oneway;
          segCount++;
          used = true;
        }
        prev = node;
      }
    }
    if (!used) skippedFeatures++;
    if ((f & 4095) === 0) report({ phase: 'Reading roads', done: f, total: features.length });
  }
  report({ phase: 'Reading roads', done: features.length, total: features.length });

  const nodeCount = hash.count;
  let edgeCount = 0;
  for (let s = 0; s < segCount; s++) edgeCount += segOneway[s] === 0 ? 2 : 1;

  // every array of the result, in one buffer
  const outPlan = { bytes: 0 };
  plan(outPlan, Float64Array, nodeCount);
  plan(outPlan, Float64Array, nodeCount);
  plan(outPlan, Uint32Array, nodeCount + 1);
  plan(outPlan, Uint32Array, edgeCount);
  plan(outPlan, Float32Array, edgeCount);
  plan(outPlan, Float32Array, edgeCount);
  plan(outPlan, Uint32Array, nodeCount + 1);
  plan(outPlan, Uint32Array, edgeCount);
  plan(outPlan, Float32Array, edgeCount);
  plan(outPlan, Uint32Array, segCount);
  plan(outPlan, Uint32Array, segCount);
  plan(outPlan, Float32Array, segCount);
  plan(outPlan, Float32Array, segCount);
  plan(outPlan, Int8Array, segCount);
  plan(outPlan, Uint32Array, nodeCount);
  const out = createArena(outPlan.bytes);
  const nodeLon = take(out, Float64Array, nodeCount);
  const nodeLat = take(out, Float64Array, nodeCount);
  const offsets = take(out, Uint32Array, nodeCount + 1);
  const targets = take(out, Uint32Array, edgeCount);
  const minutes = take(out, Float32Array, edgeCount);
  const metres = take(out, Float32Array, edgeCount);
  const reverseOffsets = take(out, Uint32Array, nodeCount + 1);
  const reverseTargets = take(out, Uint32Array, edgeCount);
  const reverseMinutes = take(out, Float32Array, edgeCount);
  const segmentFrom = take(out, Uint32Array, segCount);
  const segmentTo = take(out, Uint32Array, segCount);
  const segmentMetres = take(out, Float32Array, segCount);
  const segmentMinutes = take(out, Float32Array, segCount);
  const segmentOneway = take(out, Int8Array, segCount);
  const nodeComponent = take(out, Uint32Array, nodeCount);

  nodePositions(hash, tolerance, nodeLon, nodeLat);

  // the hash table is done with: its slots become scratch for the steps below (at most 3N words
  // at once; the table has 3 × capacity ≥ 3N)
  const spare = new Uint32Array(hash.slots.buffer, hash.slots.byteOffset, hash.slots.length);

  // renumber nodes along a Hilbert curve: neighbours on the ground become neighbours in memory
  const newId = hilbertOrder(nodeLon, nodeLat, nodeCount, spare); // spare words [2N, 3N)
  const moved = new Float64Array(spare.buffer, spare.byteOffset, nodeCount); // words [0, 2N)
  moved.set(nodeLon);
  for (let v = 0; v < nodeCount; v++) nodeLon[newId[v]] = moved[v];
  moved.set(nodeLat);
  for (let v = 0; v < nodeCount; v++) nodeLat[newId[v]] = moved[v];

  // segments sorted by their (new) from-node, by counting sort: every later pass over segments
  // then walks the nodes in memory order, and the snapping index receives them nearly sorted
  const cursor = spare.subarray(0, nodeCount + 1).fill(0);
  for (let s = 0; s < segCount; s++) cursor[newId[segFrom[s]] + 1]++;
  for (let v = 0; v < nodeCount; v++) cursor[v + 1] += cursor[v];
  for (let s = 0; s < segCount; s++) {
    const a = newId[segFrom[s]];
    const at = cursor[a]++;
    segmentFrom[at] = a;
    segmentTo[at] = newId[segTo[s]];
    segmentOneway[at] = segOneway[s];
    segmentMinutes[at] = segKmh[s]; // km/h for now; minutes below
  }

  // segment lengths and times; degrees for the CSR
  const outDegree = spare.subarray(0, nodeCount + 1).fill(0);
  const inDegree = spare.subarray(nodeCount + 1, 2 * (nodeCount + 1)).fill(0);
  for (let s = 0; s < segCount; s++) {
    const a = segmentFrom[s];
    const b = segmentTo[s];
    const m = segmentLengthMetres(nodeLon[a], nodeLat[a], nodeLon[b], nodeLat[b]);
    segmentMetres[s] = m;
    // km/h → metres per minute is kmh · 1000 / 60
    segmentMinutes[s] = (m * 0.06) / segmentMinutes[s];
    const dir = segmentOneway[s];
    if (dir >= 0) {
      outDegree[a]++;
      inDegree[b]++;
    }
    if (dir <= 0) {
      outDegree[b]++;
      inDegree[a]++;
    }
  }

  // CSR by counting sort
  for (let v = 0; v < nodeCount; v++) {
    offsets[v + 1] = offsets[v] + outDegree[v];
    reverseOffsets[v + 1] = reverseOffsets[v] + inDegree[v];
  }
  const fill = outDegree; // reused as insertion cursors
  const rfill = inDegree;
  fill.set(offsets.subarray(0, nodeCount));
  rfill.set(reverseOffsets.subarray(0, nodeCount));
  // forward then reverse, in separate passes: fewer arrays written at random per pass
  for (let s = 0; s < segCount; s++) {
    const dir = segmentOneway[s];
    const a = segmentFrom[s];
    const b = segmentTo[s];
    if (dir >= 0) {
      const i = fill[a]++;
      targets[i] = b;
      minutes[i] = segmentMinutes[s];
      metres[i] = segmentMetres[s];
    }
    if (dir <= 0) {
      const i = fill[b]++;
      targets[i] = a;
      minutes[i] = segmentMinutes[s];
      metres[i] = segmentMetres[s];
    }
  }
  for (let s = 0; s < segCount; s++) {
    const dir = segmentOneway[s];
    const a = segmentFrom[s];
    const b = segmentTo[s];
    if (dir >= 0) {
      const j = rfill[b]++;
      reverseTargets[j] = a;
      reverseMinutes[j] = segmentMinutes[s];
    }
    if (dir <= 0) {
      const j = rfill[a]++;
      reverseTargets[j] = b;
      reverseMinutes[j] = segmentMinutes[s];
    }
  }
  report({ phase: 'Finding connected parts', done: 0, total: 1 });
  const comps = findComponents(nodeCount, segmentFrom, segmentTo, segCount, { nodeComponent, scratch: spare });
  report({ phase: 'Finding connected parts', done: 1, total: 1 });

  return {
    nodeCount,
    nodeLon,
    nodeLat,
    offsets,
    targets,
    minutes,
    metres,
    edgeCount,
    reverseOffsets,
    reverseTargets,
    reverseMinutes,
    segmentCount: segCount,
    segmentFrom,
    segmentTo,
    segmentMetres,
    segmentMinutes,
    segmentOneway,
    componentCount: comps.componentCount,
    nodeComponent,
    componentSizes: comps.componentSizes,
    skippedFeatures,
    unknownClasses,
  };
}
