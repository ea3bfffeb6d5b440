import { describe, expect, it } from 'vitest';
import type { Csr } from '../../../src/engine/network/build-graph';
import { multiSourceDijkstra, type Seeds } from '../../../src/engine/network/dijkstra';
import { kNearestDijkstra } from '../../../src/engine/network/k-nearest-dijkstra';
import { seeded } from '../fixtures';

interface Edge {
  from: number;
  to: number;
  minutes: number;
}

/** A random directed graph: some two-way roads, some one-way, and an unconnected tail of nodes. */
function randomGraph(rand: () => number, nodeCount: number): { csr: Csr; edges: Edge[] } {
  const edges: Edge[] = [];
  const connected = Math.max(2, Math.floor(nodeCount * 0.8)); // the last fifth is mostly islands
  const roads = Math.floor(connected * 1.6);
  for (let r = 0; r < roads; r++) {
    const a = Math.floor(rand() * connected);
    const b = Math.floor(rand() * connected);
    const m = Math.fround(rand() < 0.1 ? 0 : rand() * 20);
    const kind = rand();
    if (kind < 0.7 || a === b) {
      edges.push({ from: a, to: b, minutes: m }, { from: b, to: a, minutes: m });
    } else {
      edges.push({ from: a, to: b, minutes: m }); // one-way
    }
  }
  // an island of two nodes joined to each other only
  if (nodeCount - connected >= 2) edges.push({ from: connected, to: connected + 1, minutes: 1 }, { from: connected + 1, to: connected, minutes: 1 });
  const offsets = new Uint32Array(nodeCount + 1);
  for (const e of edges) offsets[e.from + 1]++;
  for (let v = 0; v < nodeCount; v++) offsets[v + 1] += offsets[v];
  const cursor = offsets.slice(0, nodeCount);
  const targets = new Uint32Array(edges.length);
  const minutes = new Float32Array(edges.length);
  for (const e of edges) {
    const i = cursor[e.from]++;
    targets[i] = e.to;
    minutes[i] = e.minutes;
  }
  return { csr: { nodeCount, offsets, targets, minutes }, edges };
}

/** Bellman–Ford from a set of (node, start minutes) seeds: the slow, obviously-right reference. */
function bellmanFord(nodeCount: number, edges: Edge[], seeds: { node: number; minutes: number }[]): Float64Array {
  const d = new Float64Array(nodeCount).fill(Infinity);
  for (const s of seeds) d[s.node] = Math.min(d[s.node], s.minutes);
  for (let round = 0; round < nodeCount; round++) {
    let changed = false;
    for (const e of edges) {
      if (d[e.from] + e.minutes < d[e.to]) {
        d[e.to] = d[e.from] + e.minutes;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return d;
}

function makeSeeds(list: { node: number; minutes: number; label: number }[]): Seeds {
  return {
    count: list.length,
    node: Uint32Array.from(list, (s) => s.node),
    minutes: Float64Array.from(list, (s) => s.minutes),
    label: Int32Array.from(list, (s) => s.label),
  };
}

describe('multi-source Dijkstra', () => {
  it('agrees with Bellman–Ford on 60 random graphs with one-way edges and islands', () => {
    const rand = seeded(42);
    for (let g = 0; g < 60; g++) {
      const n = 5 + Math.floor(rand() * 40);
      const { csr, edges } = randomGraph(rand, n);
      const seedList = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, label) => ({
        node: Math.floor(rand() * n),
        minutes: rand() < 0.5 ? 0 : rand() * 5,
        label,
      }));
      const expected = bellmanFord(n, edges, seedList);
      const got = multiSourceDijkstra(csr, makeSeeds(seedList));
      for (let v = 0; v < n; v++) {
        if (expected[v] === Infinity) {
          expect(got.minutes[v]).toBe(Infinity);
          expect(got.label[v]).toBe(-1);
        } else {
          expect(got.minutes[v]).toBeCloseTo(expected[v], 4);
          // the label names a seed whose own distance to v is that minimum
          const own = bellmanFord(n, edges, seedList.filter((s) => s.label === got.label[v]));
          expect(own[v]).toBeCloseTo(expected[v], 4);
        }
      }
    }
  });

  it('stops early once the awaited nodes are settled, with their final times', () => {
    const rand = seeded(7);
    const { csr, edges } = randomGraph(rand, 200);
    const seeds = [{ node: 0, minutes: 0, label: 0 }];
    const expected = bellmanFord(200, edges, seeds);
    const awaited = Uint32Array.from([3, 17, 42]);
    const got = multiSourceDijkstra(csr, makeSeeds(seeds), { stopWhenSettled: awaited });
    for (const v of awaited) expect(got.minutes[v]).toBeCloseTo(expected[v], 4);
    expect(got.settledCount).toBeLessThanOrEqual(200);
  });

  it('leaves nodes beyond maxMinutes unreached', () => {
    const rand = seeded(9);
    const { csr, edges } = randomGraph(rand, 80);
    const seeds = [{ node: 1, minutes: 0, label: 0 }];
    const expected = bellmanFord(80, edges, seeds);
    const got = multiSourceDijkstra(csr, makeSeeds(seeds), { maxMinutes: 10 });
    for (let v = 0; v < 80; v++) {
      if (expected[v] <= 10) expect(got.minutes[v]).toBeCloseTo(expected[v], 4);
      else expect(got.minutes[v]).toBe(Infinity);
    }
  });
});

describe('k-nearest Dijkstra', () => {
  it('gives each node its k nearest distinct seeds, as brute force does, on 50 random graphs', () => {
    const rand = seeded(1234);
    for (let g = 0; g < 50; g++) {
      const n = 5 + Math.floor(rand() * 30);
      const { csr, edges } = randomGraph(rand, n);
      const sourceCount = 1 + Math.floor(rand() * 5);
      // a source may have two entry nodes, like an office snapped mid-road
      const seedList: { node: number; minutes: number; label: number }[] = [];
      for (let label = 0; label < sourceCount; label++) {
        seedList.push({ node: Math.floor(rand() * n), minutes: rand() * 3, label });
        if (rand() < 0.5) seedList.push({ node: Math.floor(rand() * n), minutes: rand() * 3, label });
      }
      const perSource = Array.from({ length: sourceCount }, (_, label) => bellmanFord(n, edges, seedList.filter((s) => s.label === label)));
      const k = 1 + Math.floor(rand() * 3);
      const got = kNearestDijkstra(csr, makeSeeds(seedList), k);
      for (let v = 0; v < n; v++) {
        const expected = perSource.map((d, label) => ({ label, m: d[v] })).filter((x) => x.m < Infinity).sort((a, b) => a.m - b.m).slice(0, k);
        for (let j = 0; j < k; j++) {
          if (j < expected.length) {
            expect(got.minutes[v * k + j]).toBeCloseTo(expected[j].m, 4);
            expect(perSource[got.label[v * k + j]][v]).toBeCloseTo(expected[j].m, 4);
          } else {
            expect(got.label[v * k + j]).toBe(-1);
          }
        }
        const labels = Array.from(got.label.subarray(v * k, v * k + k)).filter((l) => l >= 0);
        expect(new Set(labels).size).toBe(labels.length);
      }
    }
  });
});
