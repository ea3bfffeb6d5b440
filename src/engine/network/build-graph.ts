/**
 * Builds the road graph from a roads layer: nodes where lines share coordinates (and at every
 * shape vertex — simple, and the CSR arrays stay compact enough), directed edges with travel
 * minutes, and the undirected segments that snapping splits.
 */
import type { Feature, FeatureCollection, Position } from 'geojson';
import { throttleProgress, type ProgressFn } from '../../model/progress';
import { haversineMetres } from '../spatial/geodesy';
import { findComponents } from './components';
import { createCoordinateHash, nodeIdFor } from './coordinate-hash';
import { hilbertOrder } from './node-order';
import { DEFAULT_SPEEDS_KMH, onewayDirection, speedForClass, type SpeedTable } from './speeds';

/** A directed graph in compressed sparse row form: out-edges of node v are offsets[v]..offsets[v+1]. */
export interface Csr {
  nodeCount: number;
  offsets: Uint32Array;
  targets: Uint32Array;
  minutes: Float32Array;
}

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

function validPosition(p: Position | undefined): boolean {
  return !!p && Number.isFinite(p[0]) && Number.isFinite(p[1]);
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

  // pass 2: vertices → nodes, consecutive pairs → segments
  const hash = createCoordinateHash(vertexCount, tolerance);
  const maxSegments = Math.max(0, vertexCount);
  const segFrom = new Uint32Array(maxSegments);
  const segTo = new Uint32Array(maxSegments);
  const segKmh = new Float32Array(maxSegments);
  const segOneway = new Int8Array(maxSegments);
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
    for (const part of parts) {
      let prev = -1;
      for (let i = 0; i < part.length; i++) {
        const p = part[i];
        if (!validPosition(p)) continue;
        const node = nodeIdFor(hash, p[0], p[1]);
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

  // renumber nodes along a Hilbert curve: neighbours on the ground become neighbours in memory
  const nodeCount = hash.count;
  const newId = hilbertOrder(hash.lon, hash.lat, nodeCount);
  const nodeLon = new Float64Array(nodeCount);
  const nodeLat = new Float64Array(nodeCount);
  for (let v = 0; v < nodeCount; v++) {
    nodeLon[newId[v]] = hash.lon[v];
    nodeLat[newId[v]] = hash.lat[v];
  }
  const segmentFrom = new Uint32Array(segCount);
  const segmentTo = new Uint32Array(segCount);
  for (let s = 0; s < segCount; s++) {
    segmentFrom[s] = newId[segFrom[s]];
    segmentTo[s] = newId[segTo[s]];
  }

  // segment lengths and times
  const segmentOneway = segOneway.slice(0, segCount);
  const segmentMetres = new Float32Array(segCount);
  const segmentMinutes = new Float32Array(segCount);
  let edgeCount = 0;
  const outDegree = new Uint32Array(nodeCount + 1);
  const inDegree = new Uint32Array(nodeCount + 1);
  for (let s = 0; s < segCount; s++) {
    const a = segmentFrom[s];
    const b = segmentTo[s];
    const m = haversineMetres(nodeLon[a], nodeLat[a], nodeLon[b], nodeLat[b]);
    segmentMetres[s] = m;
    // km/h → metres per minute is kmh · 1000 / 60
    segmentMinutes[s] = (m * 0.06) / segKmh[s];
    const dir = segmentOneway[s];
    if (dir >= 0) {
      outDegree[a]++;
      inDegree[b]++;
      edgeCount++;
    }
    if (dir <= 0) {
      outDegree[b]++;
      inDegree[a]++;
      edgeCount++;
    }
  }

  // CSR by counting sort, forward and reverse at once
  const offsets = new Uint32Array(nodeCount + 1);
  const reverseOffsets = new Uint32Array(nodeCount + 1);
  for (let v = 0; v < nodeCount; v++) {
    offsets[v + 1] = offsets[v] + outDegree[v];
    reverseOffsets[v + 1] = reverseOffsets[v] + inDegree[v];
  }
  const fill = outDegree; // reused as insertion cursors
  const rfill = inDegree;
  fill.set(offsets.subarray(0, nodeCount));
  rfill.set(reverseOffsets.subarray(0, nodeCount));
  const targets = new Uint32Array(edgeCount);
  const minutes = new Float32Array(edgeCount);
  const metres = new Float32Array(edgeCount);
  const reverseTargets = new Uint32Array(edgeCount);
  const reverseMinutes = new Float32Array(edgeCount);
  for (let s = 0; s < segCount; s++) {
    const a = segmentFrom[s];
    const b = segmentTo[s];
    const t = segmentMinutes[s];
    const m = segmentMetres[s];
    const dir = segmentOneway[s];
    if (dir >= 0) {
      const i = fill[a]++;
      targets[i] = b;
      minutes[i] = t;
      metres[i] = m;
      const j = rfill[b]++;
      reverseTargets[j] = a;
      reverseMinutes[j] = t;
    }
    if (dir <= 0) {
      const i = fill[b]++;
      targets[i] = a;
      minutes[i] = t;
      metres[i] = m;
      const j = rfill[a]++;
      reverseTargets[j] = b;
      reverseMinutes[j] = t;
    }
  }
  report({ phase: 'Finding connected parts', done: 0, total: 1 });
  const comps = findComponents(nodeCount, segmentFrom, segmentTo, segCount);
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
    nodeComponent: comps.nodeComponent,
    componentSizes: comps.componentSizes,
    skippedFeatures,
    unknownClasses,
  };
}
