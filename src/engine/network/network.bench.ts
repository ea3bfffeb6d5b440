/**
 * The road network alone on the seeded synthetic grid: graph build, one multi-source Dijkstra, one
 * 2-nearest search, segment and node snapping. Run: npm run bench -- --only network
 */
import type { BenchEntry } from '../../../bench/harness';
import { timed, timingLine } from '../../../bench/harness';
import { syntheticProvince } from '../../../bench/synthetic-province';
import { buildRoadGraph, reverseCsr } from './build-graph';
import { createDijkstraWorkspace, multiSourceDijkstra, type Seeds } from './dijkstra';
import { kNearestDijkstra } from './k-nearest-dijkstra';
import { buildSnapIndex, snapPoints } from './snap';

const SIZES = { small: 100_000, large: 1_000_000 } as const;

function spreadSeeds(nodeCount: number, count: number): Seeds {
  return {
    count,
    node: Uint32Array.from({ length: count }, (_, i) => Math.floor(((i + 0.5) * nodeCount) / count)),
    minutes: new Float64Array(count),
    label: Int32Array.from({ length: count }, (_, i) => i),
  };
}

export const bench: BenchEntry = {
  name: 'network',
  description: 'graph build, Dijkstra, k-nearest Dijkstra and snapping',
  run({ size, log, memory }) {
    const warm = syntheticProvince({ seed: 99, roadNodes: 20_000, settlements: 2_000 });
    const wg = buildRoadGraph(warm.roads);
    multiSourceDijkstra(reverseCsr(wg), spreadSeeds(wg.nodeCount, 20));
    kNearestDijkstra(reverseCsr(wg), spreadSeeds(wg.nodeCount, 20), 2);
    log('  warm-up done (20k nodes)');

    const p = syntheticProvince({ seed: 1, roadNodes: SIZES[size], settlements: 50_000 });
    memory.reset();
    const built = timed(() => buildRoadGraph(p.roads), memory);
    const g = built.value;
    log(`  graph: ${g.nodeCount.toLocaleString('en-ZA')} nodes, ${g.edgeCount.toLocaleString('en-ZA')} directed edges`);
    log(timingLine('graph build', built, 2000));
    const ws = createDijkstraWorkspace(g.nodeCount);
    const rev = reverseCsr(g);
    const runs = [0, 1, 2].map(() => timed(() => multiSourceDijkstra(rev, spreadSeeds(g.nodeCount, 20), {}, ws), memory));
    const best = runs.reduce((a, b) => (a.wallMs < b.wallMs ? a : b));
    log(timingLine('Dijkstra, 20 sources (best of 3)', best));
    log(`  (${((best.cpuMs * 1e6) / g.nodeCount).toFixed(0)} ns of CPU per node settled)`);
    log(timingLine('2-nearest Dijkstra, 20 sources', timed(() => kNearestDijkstra(rev, spreadSeeds(g.nodeCount, 20), 2), memory)));
    const pts = { lon: Float64Array.from(p.settlements.features, (f) => f.geometry.coordinates[0]), lat: Float64Array.from(p.settlements.features, (f) => f.geometry.coordinates[1]) };
    const index = timed(() => buildSnapIndex(g, 'segment'), memory);
    log(timingLine('segment index (flatbush)', index));
    log(timingLine('snap 50k to segments', timed(() => snapPoints(g, pts, {}, index.value), memory)));
    log(timingLine('snap 50k to nodes (incl. kdbush)', timed(() => snapPoints(g, pts, { mode: 'node' }), memory)));
  },
};
