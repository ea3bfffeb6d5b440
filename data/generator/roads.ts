/**
 * The road network, built the way real ones grow:
 *  1. every metro suburb, town and village gets a street grid (irregular, rotated, a few blocks
 *     missing) sized by population; its central cross is the main street;
 *  2. towns are joined by highways along a sparse planar graph (minimum spanning tree plus some
 *     Gabriel-graph edges); the edges on shortest paths between the largest places become trunk
 *     and primary roads, feeders secondary, the rest tertiary;
 *  3. villages are joined to the nearest road, nearest first, so links chain into a tree;
 *  4. farms get tracks to the nearest existing vertex (often another track); a few of the most
 *     remote farms get no road, and two get a short track of their own (tiny islands).
 * Every junction is a vertex both lines contain, so a graph builder can merge them by coordinate.
 * Ways (LineStrings) run through several junctions, as OSM ways do, which keeps the file small.
 * The number of vertices follows `targetNodes` by setting vertex spacing and grid density.
 */
import type { Feature, LineString } from 'geojson';
import { Delaunay } from 'd3';
import type { LayerCollection, RoadProps } from '../../src/model/layers';
import { MinHeap } from './min-heap';
import { addNode, indexNode, makeNodeStore, nearestNode, type NodeStore } from './node-store';
import { wanderingLine } from './polyline';
import { chance, hash32, mulberry32, uniform, type Rng } from './prng';
import { lonOf, latOf } from './projection';
import { insideProvince, type ProvinceShape } from './province-shape';
import type { Settlement } from './settlements';

export type RoadClass = 'trunk' | 'primary' | 'secondary' | 'tertiary' | 'residential' | 'unclassified' | 'track';

export interface RoadWay {
  cls: RoadClass;
  nodes: number[];
  speedKmh?: number;
  oneway?: boolean;
}

export interface StreetGrid {
  /** the settlement's own point */
  centre: number;
  nodes: number[];
}

export interface RoadModel {
  store: NodeStore;
  ways: RoadWay[];
  /** street grid per settlement index (metro suburbs, towns, villages) */
  grids: Map<number, StreetGrid>;
}

/** shares of the vertex budget: street grids, inter-town roads, village links and farm tracks */
const BUDGET = { grids: 0.5, highways: 0.15, links: 0.35 };

export function makeRoads(seed: number, shape: ProvinceShape, settlements: Settlement[], targetNodes: number): RoadModel {
  const rng = mulberry32(hash32(seed, 'roads'));
  const store = makeNodeStore(targetNodes);
  const ways: RoadWay[] = [];
  const grids = new Map<number, StreetGrid>();

  const hubIds = settlements.map((s, i) => (s.kind === 'farm' ? -1 : i)).filter((i) => i >= 0);
  const weight = (s: Settlement) => Math.pow(s.population, 0.85);
  const weightSum = hubIds.reduce((a, i) => a + weight(settlements[i]), 0);
  const gridNodes = (s: Settlement) => Math.max(5, Math.round((BUDGET.grids * targetNodes * weight(s)) / weightSum));

  // 1. grids of metro suburbs and towns (villages come with their links, below)
  const towns = hubIds.filter((i) => settlements[i].kind !== 'village');
  for (const i of towns) grids.set(i, buildGrid(rng, shape, store, ways, settlements[i], gridNodes(settlements[i]), true));

  // 2. inter-town roads
  buildHighways(rng, shape, store, ways, settlements, towns, grids, targetNodes * BUDGET.highways);

  // 3 + 4. village links and farm tracks share the rest of the budget
  const villages = hubIds.filter((i) => settlements[i].kind === 'village');
  const farms = settlements.map((s, i) => (s.kind === 'farm' ? i : -1)).filter((i) => i >= 0);
  const villageGridNodes = villages.reduce((a, i) => a + gridNodes(settlements[i]), 0);
  const linkLengthKm = estimateLinkLength(store, settlements, villages, farms);
  const linkBudget = Math.max(targetNodes - store.count - villageGridNodes, 0.05 * targetNodes);
  const linkSpacing = clamp(linkLengthKm / linkBudget, 0.01, 0.5);

  const byDistance = (ids: number[]) =>
    ids
      .map((i) => ({ i, d: distanceToNetwork(store, settlements[i]) }))
      .sort((a, b) => a.d - b.d || a.i - b.i)
      .map((e) => e.i);

  for (const v of byDistance(villages)) {
    const s = settlements[v];
    const target = nearestNode(store, s.x, s.y);
    const grid = buildGrid(rng, shape, store, ways, s, gridNodes(s), false);
    grids.set(v, grid);
    const attach = nearestOf(store, grid.nodes, store.xs[target], store.ys[target]);
    const cls: RoadClass = s.population >= 2000 ? 'tertiary' : 'unclassified';
    const link = linkWay(rng, store, attach, target, linkSpacing, 0.06, cls);
    if (link) ways.push(link);
    for (const n of grid.nodes) indexNode(store, n);
  }

  const farmOrder = byDistance(farms);
  const remote = Math.max(3, Math.round(farmOrder.length * 0.005));
  const connected = farmOrder.slice(0, Math.max(0, farmOrder.length - remote));
  for (const f of connected) {
    const s = settlements[f];
    const target = nearestNode(store, s.x, s.y);
    const home = addNode(store, s.x, s.y, false);
    const big = s.population > 150 && chance(rng, 0.5);
    const link = linkWay(rng, store, home, target, linkSpacing, 0.1, big ? 'unclassified' : 'track');
    if (link) {
      if (link.cls === 'track' && chance(rng, 0.2)) link.speedKmh = 30;
      ways.push(link);
    }
    indexNode(store, home);
  }
  // the most remote farms: two get a short track that joins nothing (islands), the rest no road
  farmOrder.slice(connected.length, connected.length + 2).forEach((f) => {
    const s = settlements[f];
    const home = addNode(store, s.x, s.y);
    const a = rng.next() * 2 * Math.PI;
    const len = uniform(rng, 1.5, 3);
    const end = addNode(store, s.x + len * Math.cos(a), s.y + len * Math.sin(a));
    const link = linkWay(rng, store, home, end, linkSpacing, 0.1, 'track');
    if (link && insideProvince(shape, store.xs[end], store.ys[end])) ways.push(link);
  });
  return { store, ways, grids };
}

/**
 * A street grid around a settlement: a rotated lattice clipped to a wobbly disc of the
 * settlement's radius (and to the province), with jittered corners and a few blocks missing.
 */
function buildGrid(rng: Rng, shape: ProvinceShape, store: NodeStore, ways: RoadWay[], s: Settlement, nodes: number, indexed: boolean): StreetGrid {
  // a disc of radius h lattice steps holds about π·h² corners
  let h = Math.max(1, Math.round(Math.sqrt(nodes / Math.PI)));
  let spacing = s.radiusKm / h;
  if (spacing < 0.04) {
    spacing = 0.04;
    h = Math.max(1, Math.floor(s.radiusKm / spacing));
  }
  const side = 2 * h + 1;
  const cells = side * side;
  const gx = new Float64Array(cells);
  const gy = new Float64Array(cells);
  const kept = new Uint8Array(cells);
  const theta = rng.next() * Math.PI;
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const wobble = [1, 2, 3].map((k) => ({ k, amp: uniform(rng, 0, 0.12), phase: uniform(rng, 0, 2 * Math.PI) }));
  for (let j = -h; j <= h; j++) {
    for (let i = -h; i <= h; i++) {
      const a = Math.atan2(j, i);
      let reach = 1;
      for (const w of wobble) reach += w.amp * Math.cos(w.k * a + w.phase);
      if (Math.hypot(i, j) > h * reach + 0.01) continue;
      const k = (j + h) * side + (i + h);
      const centre = i === 0 && j === 0;
      const u = i * spacing + (centre ? 0 : (rng.next() - 0.5) * 0.24 * spacing);
      const v = j * spacing + (centre ? 0 : (rng.next() - 0.5) * 0.24 * spacing);
      gx[k] = s.x + u * cos - v * sin;
      gy[k] = s.y + u * sin + v * cos;
      if (centre || insideProvince(shape, gx[k], gy[k])) kept[k] = 1;
    }
  }
  // streets between kept neighbours; side streets sometimes missing (parks, rail, a river)
  const east = new Uint8Array(cells);
  const north = new Uint8Array(cells);
  for (let j = -h; j <= h; j++) {
    for (let i = -h; i <= h; i++) {
      const k = (j + h) * side + (i + h);
      if (!kept[k]) continue;
      if (i < h && kept[k + 1] && (j === 0 || !chance(rng, 0.06))) east[k] = 1;
      if (j < h && kept[k + side] && (i === 0 || !chance(rng, 0.06))) north[k] = 1;
    }
  }
  // keep what the centre can reach, so every grid is one connected piece
  const reached = new Uint8Array(cells);
  const centreK = h * side + h;
  const queue = new Int32Array(cells);
  let head = 0;
  let tail = 0;
  reached[centreK] = 1;
  queue[tail++] = centreK;
  while (head < tail) {
    const k = queue[head++];
    const i = (k % side) - h;
    const j = Math.floor(k / side) - h;
    if (east[k] && !reached[k + 1]) { reached[k + 1] = 1; queue[tail++] = k + 1; }
    if (north[k] && !reached[k + side]) { reached[k + side] = 1; queue[tail++] = k + side; }
    if (i > -h && east[k - 1] && !reached[k - 1]) { reached[k - 1] = 1; queue[tail++] = k - 1; }
    if (j > -h && north[k - side] && !reached[k - side]) { reached[k - side] = 1; queue[tail++] = k - side; }
  }
  const id = new Int32Array(cells).fill(-1);
  const gridNodes: number[] = [];
  for (let k = 0; k < cells; k++) {
    if (!reached[k]) continue;
    id[k] = addNode(store, gx[k], gy[k], indexed);
    gridNodes.push(id[k]);
  }
  const town = s.kind !== 'village';
  const mainClass: RoadClass = town ? (s.population >= 50000 ? 'secondary' : 'tertiary') : 'residential';
  const onewayPair = town && s.population >= 20000;
  const emit = (run: number[], isMain: boolean, row: number) => {
    if (run.length < 2) return;
    const way: RoadWay = { cls: isMain ? mainClass : 'residential', nodes: run };
    if (isMain && town && chance(rng, 0.6)) way.speedKmh = 60;
    // the two streets beside the main road make a one-way pair, as in many town centres
    if (onewayPair && Math.abs(row) === 1) {
      way.oneway = true;
      if (row === -1) run.reverse();
    }
    ways.push(way);
  };
  // one way per unbroken run of a row (i increasing) or a column (j increasing)
  for (let pass = 0; pass < 2; pass++) {
    const step = pass === 0 ? 1 : side;
    const link = pass === 0 ? east : north;
    for (let line = -h; line <= h; line++) {
      let run: number[] = [];
      for (let along = -h; along <= h; along++) {
        const k = pass === 0 ? (line + h) * side + (along + h) : (along + h) * side + (line + h);
        if (!reached[k]) continue;
        if (run.length === 0) run.push(id[k]);
        if (link[k] && reached[k + step]) run.push(id[k + step]);
        else {
          emit(run, line === 0, pass === 0 ? line : 0);
          run = [];
        }
      }
      emit(run, line === 0, pass === 0 ? line : 0);
    }
  }
  return { centre: id[centreK], nodes: gridNodes };
}

const RANK: Record<RoadClass, number> = { trunk: 6, primary: 5, secondary: 4, tertiary: 3, unclassified: 2, residential: 1, track: 0 };

/** highways between towns and metro suburbs along a sparse planar graph of their centres */
function buildHighways(
  rng: Rng,
  shape: ProvinceShape,
  store: NodeStore,
  ways: RoadWay[],
  settlements: Settlement[],
  towns: number[],
  grids: Map<number, StreetGrid>,
  budgetNodes: number,
): void {
  const n = towns.length;
  if (n < 2) return;
  const coords = new Float64Array(n * 2);
  towns.forEach((t, k) => {
    coords[2 * k] = settlements[t].x;
    coords[2 * k + 1] = settlements[t].y;
  });
  const delaunay = new Delaunay(coords);
  const { triangles, halfedges } = delaunay;
  const nextHalfedge = (e: number) => (e % 3 === 2 ? e - 2 : e + 1);
  interface Candidate { a: number; b: number; len: number; gabriel: boolean; inside: boolean }
  const candidates: Candidate[] = [];
  const opposite = (e: number) => triangles[nextHalfedge(nextHalfedge(e))];
  const angleOk = (a: number, b: number, w: number) =>
    (coords[2 * a] - coords[2 * w]) * (coords[2 * b] - coords[2 * w]) + (coords[2 * a + 1] - coords[2 * w + 1]) * (coords[2 * b + 1] - coords[2 * w + 1]) > 0;
  for (let e = 0; e < triangles.length; e++) {
    const o = halfedges[e];
    if (o >= 0 && o < e) continue;
    const a = triangles[e];
    const b = triangles[nextHalfedge(e)];
    const len = Math.hypot(coords[2 * a] - coords[2 * b], coords[2 * a + 1] - coords[2 * b + 1]);
    // Gabriel: no other town inside the circle on this edge as diameter
    const gabriel = angleOk(a, b, opposite(e)) && (o < 0 || angleOk(a, b, opposite(o)));
    let inside = true;
    const steps = Math.ceil(len);
    for (let k = 1; k < steps && inside; k++) {
      const s = k / steps;
      inside = insideProvince(shape, coords[2 * a] + s * (coords[2 * b] - coords[2 * a]), coords[2 * a + 1] + s * (coords[2 * b + 1] - coords[2 * a + 1]));
    }
    candidates.push({ a, b, len, gabriel, inside });
  }
  candidates.sort((p, q) => p.len - q.len || p.a - q.a || p.b - q.b);
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const chosen: Candidate[] = [];
  const inTree = new Set<Candidate>();
  // Kruskal over edges on land first; edges over the sea only if land cannot connect a town
  for (const pass of [true, false]) {
    for (const c of candidates) {
      if (c.inside !== pass && pass) continue;
      const ra = find(c.a);
      const rb = find(c.b);
      if (ra === rb) continue;
      parent[ra] = rb;
      chosen.push(c);
      inTree.add(c);
    }
  }
  const meanTree = chosen.reduce((a, c) => a + c.len, 0) / chosen.length;
  for (const c of candidates) {
    if (!inTree.has(c) && c.gabriel && c.inside && c.len < 2.2 * meanTree && chance(rng, 0.55)) chosen.push(c);
  }

  // classes from the hierarchy of shortest paths between the largest places
  const adjacency: Array<Array<{ to: number; edge: number }>> = Array.from({ length: n }, () => []);
  chosen.forEach((c, k) => {
    adjacency[c.a].push({ to: c.b, edge: k });
    adjacency[c.b].push({ to: c.a, edge: k });
  });
  const cls: RoadClass[] = chosen.map(() => 'tertiary');
  const raise = (edge: number, to: RoadClass) => {
    if (RANK[to] > RANK[cls[edge]]) cls[edge] = to;
  };
  const pop = (k: number) => settlements[towns[k]].population;
  const isMetro = (k: number) => settlements[towns[k]].kind === 'metro';
  // the metro counts once (its largest part), so the hierarchy spans the province, not the city
  let metroTop = -1;
  for (let k = 0; k < n; k++) if (isMetro(k) && (metroTop < 0 || pop(k) > pop(metroTop))) metroTop = k;
  const ranked = Array.from({ length: n }, (_, k) => k)
    .filter((k) => !isMetro(k) || k === metroTop)
    .sort((p, q) => pop(q) - pop(p) || p - q);
  const top = ranked.slice(0, Math.min(8, ranked.length));
  // trunk roads radiate from the largest place (the metro) to the next three, like national
  // routes; the paths between all of the eight largest are primary
  for (let p = 0; p < top.length; p++) {
    const tree = shortestPathTree(adjacency, chosen, [top[p]]);
    for (let q = p + 1; q < top.length; q++) {
      const level: RoadClass = p === 0 && q <= 3 ? 'trunk' : 'primary';
      for (let v = top[q]; tree.via[v] >= 0; v = tree.from[v]) raise(tree.via[v], level);
    }
  }
  const feeder = shortestPathTree(adjacency, chosen, top);
  for (let k = 0; k < n; k++) {
    if (pop(k) < 10000) continue;
    for (let v = k; feeder.via[v] >= 0; v = feeder.from[v]) raise(feeder.via[v], 'secondary');
  }
  chosen.forEach((c, k) => {
    if (isMetro(c.a) && isMetro(c.b)) raise(k, 'secondary');
  });

  // geometry: from the edge of one town's grid to the edge of the other's
  const attachA = chosen.map((c) => nearestOf(store, grids.get(towns[c.a])!.nodes, coords[2 * c.b], coords[2 * c.b + 1]));
  const attachB = chosen.map((c) => nearestOf(store, grids.get(towns[c.b])!.nodes, coords[2 * c.a], coords[2 * c.a + 1]));
  const totalKm = chosen.reduce((acc, _c, k) => acc + dist(store, attachA[k], attachB[k]), 0);
  const spacing = clamp(totalKm / Math.max(1, budgetNodes), 0.02, 1.5);
  const bendOf: Record<RoadClass, number> = { trunk: 0.02, primary: 0.03, secondary: 0.04, tertiary: 0.05, unclassified: 0.06, residential: 0.05, track: 0.1 };
  const speedOf: Partial<Record<RoadClass, [number, number]>> = { trunk: [120, 0.5], primary: [100, 0.4], secondary: [80, 0.3] };
  chosen.forEach((_c, k) => {
    const way = linkWay(rng, store, attachA[k], attachB[k], spacing, bendOf[cls[k]], cls[k], true);
    if (!way) return;
    const speed = speedOf[cls[k]];
    if (speed && chance(rng, speed[1])) way.speedKmh = speed[0];
    ways.push(way);
  });
}

function shortestPathTree(adjacency: Array<Array<{ to: number; edge: number }>>, edges: Array<{ len: number }>, sources: number[]) {
  const n = adjacency.length;
  const cost = new Float64Array(n).fill(Infinity);
  const from = new Int32Array(n).fill(-1);
  const via = new Int32Array(n).fill(-1);
  const heap = new MinHeap();
  for (const s of sources) {
    cost[s] = 0;
    heap.push(0, s);
  }
  while (heap.size) {
    const u = heap.pop();
    const d = heap.lastKey;
    if (d > cost[u]) continue;
    for (const { to, edge } of adjacency[u]) {
      const nd = d + edges[edge].len;
      if (nd < cost[to]) {
        cost[to] = nd;
        from[to] = u;
        via[to] = edge;
        heap.push(nd, to);
      }
    }
  }
  return { from, via };
}

/** a wandering way from vertex a to vertex b (both already in the store); null if a === b */
function linkWay(rng: Rng, store: NodeStore, a: number, b: number, spacing: number, bend: number, cls: RoadClass, indexed = true): RoadWay | null {
  if (a === b || a < 0 || b < 0) return null;
  const inner = wanderingLine(rng, store.xs[a], store.ys[a], store.xs[b], store.ys[b], spacing, bend);
  const nodes = [a];
  for (let k = 0; k < inner.length; k += 2) nodes.push(addNode(store, inner[k], inner[k + 1], indexed));
  nodes.push(b);
  return { cls, nodes };
}

function nearestOf(store: NodeStore, nodes: number[], x: number, y: number): number {
  let best = nodes[0];
  let bestD = Infinity;
  for (const n of nodes) {
    const d = (store.xs[n] - x) ** 2 + (store.ys[n] - y) ** 2;
    if (d < bestD) {
      bestD = d;
      best = n;
    }
  }
  return best;
}

function dist(store: NodeStore, a: number, b: number): number {
  return Math.hypot(store.xs[a] - store.xs[b], store.ys[a] - store.ys[b]);
}

function distanceToNetwork(store: NodeStore, s: Settlement): number {
  const n = nearestNode(store, s.x, s.y);
  return n < 0 ? Infinity : Math.hypot(store.xs[n] - s.x, store.ys[n] - s.y);
}

/**
 * Rough total length of the village links and farm tracks still to build, so their vertex
 * spacing can be set before building them: each place's distance to the network as it stands or
 * to the nearest village, shortened because later tracks join earlier ones.
 */
function estimateLinkLength(store: NodeStore, settlements: Settlement[], villages: number[], farms: number[]): number {
  const villageStore = makeNodeStore(villages.length, 2);
  for (const v of villages) addNode(villageStore, settlements[v].x, settlements[v].y);
  let total = 0;
  for (const v of villages) total += 0.8 * Math.max(0, distanceToNetwork(store, settlements[v]) - settlements[v].radiusKm);
  for (const f of farms) {
    const s = settlements[f];
    const v = nearestNode(villageStore, s.x, s.y, 30);
    const dv = v < 0 ? Infinity : Math.hypot(villageStore.xs[v] - s.x, villageStore.ys[v] - s.y) - settlements[villages[v]].radiusKm;
    total += 0.6 * Math.min(distanceToNetwork(store, s), dv);
  }
  return total;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * The roads as GeoJSON. A vertex used by several ways (every street-grid corner lies on a row and
 * a column) gets one position array that all of them reference: that saves a third of the
 * allocations on a million-node network. Treat positions as immutable.
 */
export function roadCollection(model: RoadModel): LayerCollection<'roads'> {
  const { store } = model;
  const positions: Array<[number, number] | undefined> = new Array(store.count);
  const features: Feature<LineString, RoadProps>[] = [];
  for (const way of model.ways) {
    const coordinates: [number, number][] = [];
    let last: [number, number] | undefined;
    for (const n of way.nodes) {
      let p = positions[n];
      if (!p) positions[n] = p = [lonOf(store.xs[n]), latOf(store.ys[n])];
      // two vertices closer than the rounding would repeat a position: drop the repeat
      if (last && p[0] === last[0] && p[1] === last[1]) continue;
      coordinates.push(p);
      last = p;
    }
    if (coordinates.length < 2) continue;
    const properties: RoadProps = { class: way.cls };
    if (way.speedKmh !== undefined) properties.speed_kmh = way.speedKmh;
    if (way.oneway) properties.oneway = true;
    features.push({ type: 'Feature', properties, geometry: { type: 'LineString', coordinates } });
  }
  return { type: 'FeatureCollection', features };
}
