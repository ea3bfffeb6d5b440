/**
 * Travel times from many origins (settlements) to their nearest destination (office).
 *
 * The trip that matters is settlement → office, and roads may be one-way, so the time from a
 * settlement to an office is not the time back. One Dijkstra on the REVERSED graph, seeded at
 * every office, gives for every node the minutes FROM that node TO its nearest office in a single
 * pass; running forward from the offices would give office → settlement times instead, which
 * differ wherever one-way streets do.
 */
import { throttleProgress, type ProgressFn } from '../../model/progress';
import { reverseCsr, type RoadGraph } from './build-graph';
import { createEntries, destinationEntries, originEntries, sameSegmentMinutes, type Entries } from './connections';
import { createDijkstraWorkspace, multiSourceDijkstra, type DijkstraWorkspace, type Seeds } from './dijkstra';
import type { CoreGraph } from './core-graph';
import { kNearestDijkstra, type KNearestWorkspace } from './k-nearest-dijkstra';
import type { Snaps } from './snap';

export interface NearestTimes {
  /** minutes from each origin to its nearest destination; Infinity = unreachable */
  minutes: Float32Array;
  /** index of that destination (into the destinations' Snaps), -1 = none */
  nearest: Int32Array;
}

export interface KNearestTimes {
  k: number;
  /** origin i's j-th nearest destination is at i·k + j, sorted by minutes; Infinity-padded */
  minutes: Float32Array;
  nearest: Int32Array;
}

/** Seeds for a reversed search: every allowed arrival of each chosen destination. */
export function destinationSeeds(graph: RoadGraph, destinations: Snaps, chosen: ArrayLike<number>): Seeds {
  const node = new Uint32Array(chosen.length * 2);
  const minutes = new Float64Array(chosen.length * 2);
  const label = new Int32Array(chosen.length * 2);
  const e = createEntries();
  let count = 0;
  for (let c = 0; c < chosen.length; c++) {
    const j = chosen[c];
    destinationEntries(graph, destinations, j, e);
    for (let x = 0; x < e.count; x++) {
      node[count] = e.node[x];
      minutes[count] = e.minutes[x];
      label[count] = j;
      count++;
    }
  }
  return { count, node, minutes, label };
}

/** Every node where some origin enters the network: a search may stop once all are settled. */
export function originEntryNodes(graph: RoadGraph, origins: Snaps): Uint32Array {
  const e = createEntries();
  const out = new Uint32Array(origins.count * 2);
  let n = 0;
  for (let i = 0; i < origins.count; i++) {
    originEntries(graph, origins, i, e);
    for (let x = 0; x < e.count; x++) out[n++] = e.node[x];
  }
  return out.slice(0, n);
}

/** Destinations grouped by the segment they sit on (segment mode), for same-segment trips. */
function destinationsBySegment(destinations: Snaps, chosen: ArrayLike<number>): Map<number, number[]> {
  const bySegment = new Map<number, number[]>();
  if (destinations.mode !== 'segment') return bySegment;
  for (let c = 0; c < chosen.length; c++) {
    const j = chosen[c];
    if (destinations.tooFar[j]) continue;
    const s = destinations.segment[j];
    const list = bySegment.get(s);
    if (list) list.push(j);
    else bySegment.set(s, [j]);
  }
  return bySegment;
}

export interface TravelTimeOptions {
  /** entry nodes of the origins (from originEntryNodes), to stop the search early; computed if absent */
  originNodes?: Uint32Array;
  workspace?: DijkstraWorkspace;
  /**
   * the contracted graph (buildCoreGraph) to search instead of the full one; used only when every
   * destination joins the network at a core node (pass them as `keep` when building it)
   */
  core?: CoreGraph;
  /** coreNodesFor(core, originNodes), to stop a core search early; computed if absent */
  coreOriginNodes?: Uint32Array;
}

/** The seeds moved onto the core graph, or null if one lies inside a chain (search the full graph). */
export function seedsOnCore(core: CoreGraph, seeds: Seeds): Seeds | null {
  const node = new Uint32Array(seeds.count);
  for (let i = 0; i < seeds.count; i++) {
    const c = core.coreOf[seeds.node[i]];
    if (c < 0) return null;
    node[i] = c;
  }
  return { count: seeds.count, node, minutes: seeds.minutes, label: seeds.label };
}

/** The core nodes that must be settled for the given full-graph nodes' times to be final. */
export function coreNodesFor(core: CoreGraph, nodes: ArrayLike<number>): Uint32Array {
  const out = new Uint32Array(nodes.length * 2);
  let n = 0;
  for (let i = 0; i < nodes.length; i++) {
    const v = nodes[i];
    const c = core.coreOf[v];
    if (c >= 0) out[n++] = c;
    else {
      out[n++] = core.endA[v];
      out[n++] = core.endB[v];
    }
  }
  return out.slice(0, n);
}

/** Minutes and label at full-graph node v, from a search over the core (or the full graph). */
export interface ReadOut {
  minutes: number;
  label: number;
}

export function readSearch(core: CoreGraph | null, dist: Float64Array, label: Int32Array, v: number, out: ReadOut): ReadOut {
  if (!core) {
    out.minutes = dist[v];
    out.label = label[v];
    return out;
  }
  const c = core.coreOf[v];
  if (c >= 0) {
    out.minutes = dist[c];
    out.label = label[c];
    return out;
  }
  // inside a chain: leave it by end A or end B
  const a = core.endA[v];
  const b = core.endB[v];
  const ma = core.toA[v] + dist[a];
  const mb = core.toB[v] + dist[b];
  if (ma <= mb) {
    out.minutes = ma;
    out.label = label[a];
  } else {
    out.minutes = mb;
    out.label = label[b];
  }
  return out;
}

/** Minutes from each origin to the nearest of the chosen destinations. */
export function timesToNearest(
  graph: RoadGraph,
  origins: Snaps,
  destinations: Snaps,
  chosen: ArrayLike<number>,
  options: TravelTimeOptions = {},
): NearestTimes {
  const n = origins.count;
  const minutes = new Float32Array(n).fill(Infinity);
  const nearest = new Int32Array(n).fill(-1);
  const seeds = destinationSeeds(graph, destinations, chosen);
  if (seeds.count === 0) return { minutes, nearest };
  const workspace = options.workspace ?? createDijkstraWorkspace(graph.nodeCount);
  const originNodes = options.originNodes ?? originEntryNodes(graph, origins);
  const coreSeeds = options.core ? seedsOnCore(options.core, seeds) : null;
  const core = coreSeeds ? options.core! : null;
  const result = core
    ? multiSourceDijkstra(core.reverse, coreSeeds!, { stopWhenSettled: options.coreOriginNodes ?? coreNodesFor(core, originNodes) }, workspace)
    : multiSourceDijkstra(reverseCsr(graph), seeds, { stopWhenSettled: originNodes }, workspace);
  const bySegment = destinationsBySegment(destinations, chosen);
  const e: Entries = createEntries();
  const at: ReadOut = { minutes: Infinity, label: -1 };
  for (let i = 0; i < n; i++) {
    originEntries(graph, origins, i, e);
    let best = Infinity;
    let which = -1;
    for (let x = 0; x < e.count; x++) {
      readSearch(core, result.minutes, result.label, e.node[x], at);
      const m = e.minutes[x] + at.minutes;
      if (m < best) {
        best = m;
        which = at.label;
      }
    }
    if (bySegment.size && e.count) {
      const list = bySegment.get(origins.segment[i]);
      if (list) {
        for (const j of list) {
          const m = sameSegmentMinutes(graph, origins, i, destinations, j);
          if (m < best) {
            best = m;
            which = j;
          }
        }
      }
    }
    minutes[i] = best;
    nearest[i] = which;
  }
  return { minutes, nearest };
}

/** Inserts (m, j) into origin i's sorted top-k, keeping destinations distinct. */
function offerK(minutes: Float32Array, nearest: Int32Array, k: number, i: number, m: number, j: number): void {
  const base = i * k;
  let end = k - 1;
  for (let x = 0; x < k; x++) {
    if (nearest[base + x] === j) {
      if (!(m < minutes[base + x])) return;
      end = x;
      break;
    }
  }
  if (!(m < minutes[base + end]) && nearest[base + end] !== j) return;
  let x = end;
  while (x > 0 && minutes[base + x - 1] > m) {
    minutes[base + x] = minutes[base + x - 1];
    nearest[base + x] = nearest[base + x - 1];
    x--;
  }
  minutes[base + x] = m;
  nearest[base + x] = j;
}

/** The k nearest of the chosen destinations for each origin, with minutes. */
export function timesToKNearest(
  graph: RoadGraph,
  origins: Snaps,
  destinations: Snaps,
  chosen: ArrayLike<number>,
  k: number,
  workspace?: KNearestWorkspace,
  core?: CoreGraph,
): KNearestTimes {
  const n = origins.count;
  const minutes = new Float32Array(n * k).fill(Infinity);
  const nearest = new Int32Array(n * k).fill(-1);
  const seeds = destinationSeeds(graph, destinations, chosen);
  if (seeds.count === 0) return { k, minutes, nearest };
  const coreSeeds = core ? seedsOnCore(core, seeds) : null;
  const onCore = coreSeeds ? core! : null;
  const result = onCore ? kNearestDijkstra(onCore.reverse, coreSeeds!, k, workspace) : kNearestDijkstra(reverseCsr(graph), seeds, k, workspace);
  const bySegment = destinationsBySegment(destinations, chosen);
  const e: Entries = createEntries();
  // offers node w's k labels (search-graph id) to origin i, plus `extra` minutes to get to w
  const offerFrom = (i: number, w: number, extra: number) => {
    const base = w * k;
    for (let y = 0; y < k; y++) {
      const j = result.label[base + y];
      if (j < 0) break;
      offerK(minutes, nearest, k, i, extra + result.minutes[base + y], j);
    }
  };
  for (let i = 0; i < n; i++) {
    originEntries(graph, origins, i, e);
    for (let x = 0; x < e.count; x++) {
      const v = e.node[x];
      if (!onCore) offerFrom(i, v, e.minutes[x]);
      else if (onCore.coreOf[v] >= 0) offerFrom(i, onCore.coreOf[v], e.minutes[x]);
      else {
        offerFrom(i, onCore.endA[v], e.minutes[x] + onCore.toA[v]);
        offerFrom(i, onCore.endB[v], e.minutes[x] + onCore.toB[v]);
      }
    }
    if (bySegment.size && e.count) {
      const list = bySegment.get(origins.segment[i]);
      if (list) for (const j of list) offerK(minutes, nearest, k, i, sameSegmentMinutes(graph, origins, i, destinations, j), j);
    }
  }
  return { k, minutes, nearest };
}

/**
 * Minutes between places of one layer (e.g. office sites), only for the pairs asked for:
 * `needed[i·n + j] = 1` asks for i → j. One reversed search per destination that has requests,
 * stopping as soon as its requested origins are settled — so nearby pairs cost little.
 * Returns an n×n matrix: NaN = not asked, Infinity = unreachable.
 */
export function placeToPlaceMinutes(
  graph: RoadGraph,
  places: Snaps,
  needed: Uint8Array,
  progress?: ProgressFn,
  workspace: DijkstraWorkspace = createDijkstraWorkspace(graph.nodeCount),
  core?: CoreGraph,
): Float32Array {
  const n = places.count;
  const report = throttleProgress(progress);
  const out = new Float32Array(n * n).fill(NaN);
  const rev = reverseCsr(graph);
  const e = createEntries();
  const at: ReadOut = { minutes: Infinity, label: -1 };
  const askers: number[] = [];
  for (let j = 0; j < n; j++) {
    askers.length = 0;
    for (let i = 0; i < n; i++) if (needed[i * n + j]) askers.push(i);
    if (askers.length === 0) continue;
    const seeds = destinationSeeds(graph, places, [j]);
    const stop: number[] = [];
    for (const i of askers) {
      originEntries(graph, places, i, e);
      for (let x = 0; x < e.count; x++) stop.push(e.node[x]);
    }
    const coreSeeds = core ? seedsOnCore(core, seeds) : null;
    const onCore = coreSeeds ? core! : null;
    let result = null;
    if (seeds.count && stop.length) {
      result = onCore
        ? multiSourceDijkstra(onCore.reverse, coreSeeds!, { stopWhenSettled: coreNodesFor(onCore, stop) }, workspace)
        : multiSourceDijkstra(rev, seeds, { stopWhenSettled: Uint32Array.from(stop) }, workspace);
    }
    for (const i of askers) {
      let best = i === j && !places.tooFar[i] ? 0 : sameSegmentMinutes(graph, places, i, places, j);
      if (result) {
        originEntries(graph, places, i, e);
        for (let x = 0; x < e.count; x++) {
          const m = e.minutes[x] + readSearch(onCore, result.minutes, result.label, e.node[x], at).minutes;
          if (m < best) best = m;
        }
      }
      out[i * n + j] = best;
    }
    report({ phase: 'Times between offices', done: j + 1, total: n });
  }
  return out;
}
