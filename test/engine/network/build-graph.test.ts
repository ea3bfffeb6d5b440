import { describe, expect, it } from 'vitest';
import { buildRoadGraph, type RoadGraph } from '../../../src/engine/network/build-graph';
import { at, collection, road } from '../fixtures';

function edgeMinutes(g: RoadGraph, from: number, to: number): number[] {
  const out: number[] = [];
  for (let e = g.offsets[from]; e < g.offsets[from + 1]; e++) if (g.targets[e] === to) out.push(g.minutes[e]);
  return out;
}

function nodeAt(g: RoadGraph, p: [number, number]): number {
  // nodes sit at the centre of their 1e-6° merge cell
  for (let v = 0; v < g.nodeCount; v++) if (Math.abs(g.nodeLon[v] - p[0]) <= 5e-7 && Math.abs(g.nodeLat[v] - p[1]) <= 5e-7) return v;
  throw new Error(`no node at ${p}`);
}

describe('building the road graph', () => {
  it('times 10 km of primary road at 80 km/h as 7.5 minutes each way', () => {
    const g = buildRoadGraph(collection([road([at(0), at(10)], { class: 'primary' })]));
    expect(g.nodeCount).toBe(2);
    expect(g.edgeCount).toBe(2);
    expect(edgeMinutes(g, 0, 1)[0]).toBeCloseTo(7.5, 4);
    expect(edgeMinutes(g, 1, 0)[0]).toBeCloseTo(7.5, 4);
    expect(g.metres[0]).toBeCloseTo(10_000, 0);
  });

  it('lets a road’s own speed_kmh win over its class', () => {
    const g = buildRoadGraph(collection([road([at(0), at(6)], { class: 'residential', speed_kmh: 60 })]));
    expect(edgeMinutes(g, 0, 1)[0]).toBeCloseTo(6, 4);
  });

  it('uses an edited speed table and reports classes it does not know', () => {
    const g = buildRoadGraph(
      collection([road([at(0), at(5)], { class: 'primary' }), road([at(5), at(10)], { class: 'goat_path' })]),
      { speedsKmh: { primary: 100 }, fallbackKmh: 10 },
    );
    expect(edgeMinutes(g, 0, 1)[0]).toBeCloseTo(3, 4);
    expect(edgeMinutes(g, 1, 2)[0]).toBeCloseTo(30, 4);
    expect(g.unknownClasses).toEqual({ goat_path: 1 });
  });

  it('joins lines that share a coordinate into one node, keeping shape vertices as nodes', () => {
    // a T: the side road starts at the main road's middle vertex
    const g = buildRoadGraph(
      collection([road([at(0), at(5), at(10)]), road([at(5), at(5, 3)], { class: 'residential' })]),
    );
    expect(g.nodeCount).toBe(4);
    expect(g.segmentCount).toBe(3);
    expect(g.componentCount).toBe(1);
    const junction = nodeAt(g, at(5));
    expect(g.offsets[junction + 1] - g.offsets[junction]).toBe(3);
  });

  it('merges coordinates that differ by less than the tolerance', () => {
    const [lon, lat] = at(5);
    const g = buildRoadGraph(collection([road([at(0), [lon, lat]]), road([[lon + 1e-9, lat - 1e-9], at(10)])]));
    expect(g.nodeCount).toBe(3);
    expect(g.componentCount).toBe(1);
  });

  it('honours one-way roads: "yes" forward only, "-1" backward only', () => {
    const forward = buildRoadGraph(collection([road([at(0), at(10)], { class: 'primary', oneway: 'yes' })]));
    expect(edgeMinutes(forward, 0, 1)).toHaveLength(1);
    expect(edgeMinutes(forward, 1, 0)).toHaveLength(0);
    const boolean = buildRoadGraph(collection([road([at(0), at(10)], { class: 'primary', oneway: true })]));
    expect(edgeMinutes(boolean, 1, 0)).toHaveLength(0);
    const backward = buildRoadGraph(collection([road([at(0), at(10)], { class: 'primary', oneway: '-1' })]));
    expect(edgeMinutes(backward, 0, 1)).toHaveLength(0);
    expect(edgeMinutes(backward, 1, 0)).toHaveLength(1);
    // the reverse CSR mirrors it: node 0's incoming edge comes from node 1
    expect(Array.from(backward.reverseTargets.subarray(backward.reverseOffsets[0], backward.reverseOffsets[1]))).toEqual([1]);
  });

  it('reads MultiLineStrings and skips features that are not lines', () => {
    const fc = collection([
      { type: 'Feature', properties: { class: 'primary' }, geometry: { type: 'MultiLineString', coordinates: [[at(0), at(1)], [at(1), at(2)]] } },
      { type: 'Feature', properties: { class: 'primary' }, geometry: { type: 'Point', coordinates: at(3) } },
    ] as never);
    const g = buildRoadGraph(fc);
    expect(g.nodeCount).toBe(3);
    expect(g.skippedFeatures).toBe(1);
  });

  it('finds an island and counts nodes per component, largest first', () => {
    const g = buildRoadGraph(collection([road([at(0), at(1), at(2)]), road([at(0, 20), at(1, 20)])]));
    expect(g.componentCount).toBe(2);
    expect(Array.from(g.componentSizes)).toEqual([3, 2]);
    expect(g.nodeComponent[nodeAt(g, at(1))]).toBe(0);
    expect(g.nodeComponent[nodeAt(g, at(1, 20))]).toBe(1);
  });

  it('treats a one-way link as connecting its ends (components are weak)', () => {
    const g = buildRoadGraph(collection([road([at(0), at(1)], { class: 'primary', oneway: 'yes' })]));
    expect(g.componentCount).toBe(1);
  });
});
