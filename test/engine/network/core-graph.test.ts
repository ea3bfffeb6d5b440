import { describe, expect, it } from 'vitest';
import type { Feature, LineString } from 'geojson';
import { generateProvince } from '../../../data/generator/index';
import { syntheticProvince } from '../../../bench/synthetic-province';
import { buildRoadGraph, type RoadGraph } from '../../../src/engine/network/build-graph';
import { createEntries, destinationEntries, originEntries } from '../../../src/engine/network/connections';
import { buildCoreGraph, degreeTwoShare } from '../../../src/engine/network/core-graph';
import { snapPoints, type Snaps } from '../../../src/engine/network/snap';
import { placeToPlaceMinutes, timesToKNearest, timesToNearest } from '../../../src/engine/network/travel-times';
import { at, collection, points, road, seeded } from '../fixtures';

/** Roads with a shape point in the middle of every segment, and one-way pieces here and there. */
function withShapePoints(features: Feature<LineString>[], rand: () => number): Feature<LineString>[] {
  return features.map((f) => {
    const c = f.geometry.coordinates;
    const out: number[][] = [c[0]];
    for (let i = 1; i < c.length; i++) {
      const t = 0.3 + 0.4 * rand();
      out.push([c[i - 1][0] + t * (c[i][0] - c[i - 1][0]), c[i - 1][1] + t * (c[i][1] - c[i - 1][1])], c[i]);
    }
    const props = { ...f.properties };
    if (rand() < 0.1) props.oneway = rand() < 0.5 ? 'yes' : '-1';
    return { ...f, properties: props, geometry: { type: 'LineString', coordinates: out } };
  });
}

function keepFor(graph: RoadGraph, snaps: Snaps): Uint8Array {
  const keep = new Uint8Array(graph.nodeCount);
  const e = createEntries();
  for (let i = 0; i < snaps.count; i++) {
    destinationEntries(graph, snaps, i, e);
    for (let x = 0; x < e.count; x++) keep[e.node[x]] = 1;
    originEntries(graph, snaps, i, e);
    for (let x = 0; x < e.count; x++) keep[e.node[x]] = 1;
  }
  return keep;
}

function expectSameTimes(graph: RoadGraph, homes: Snaps, offices: Snaps) {
  const all = Array.from({ length: offices.count }, (_, i) => i);
  const core = buildCoreGraph(graph, keepFor(graph, offices));
  expect(core.contractedShare).toBeGreaterThan(0.2);
  const full = timesToNearest(graph, homes, offices, all);
  const fast = timesToNearest(graph, homes, offices, all, { core });
  for (let i = 0; i < homes.count; i++) {
    if (full.minutes[i] === Infinity) expect(fast.minutes[i]).toBe(Infinity);
    else expect(fast.minutes[i]).toBeCloseTo(full.minutes[i], 3);
  }
  const k2full = timesToKNearest(graph, homes, offices, all, 2);
  const k2fast = timesToKNearest(graph, homes, offices, all, 2, undefined, core);
  for (let i = 0; i < homes.count * 2; i++) {
    if (k2full.minutes[i] === Infinity) expect(k2fast.minutes[i]).toBe(Infinity);
    else expect(k2fast.minutes[i]).toBeCloseTo(k2full.minutes[i], 3);
  }
  const n = offices.count;
  const needed = new Uint8Array(n * n).fill(1);
  const m1 = placeToPlaceMinutes(graph, offices, needed);
  const m2 = placeToPlaceMinutes(graph, offices, needed, undefined, undefined, core);
  for (let i = 0; i < n * n; i++) {
    if (m1[i] === Infinity) expect(m2[i]).toBe(Infinity);
    else expect(m2[i]).toBeCloseTo(m1[i], 3);
  }
}

describe('the contracted (core) graph', () => {
  it('keeps junctions and kept nodes, and folds shape points into chains', () => {
    // a T junction with shape points on every arm; an office joins the long arm at 6–8 km
    const g = buildRoadGraph(collection([road([at(0), at(2), at(4), at(6), at(8), at(10)]), road([at(4), at(4, 2), at(4, 4)], { class: 'residential' })]));
    const office = snapPoints(g, points([at(7)]));
    const core = buildCoreGraph(g, keepFor(g, office));
    // core: the two ends of the long arm, the junction, the side road's end, and 6 and 8 km
    expect(core.coreCount).toBe(6);
    expect(degreeTwoShare(g)).toBeCloseTo(4 / 8, 9);
  });

  it('times a chain with a one-way piece in the middle correctly from both sides', () => {
    // 0 —— 2 —(one-way north)— 4 —— 6 km, shape points at 1, 3 and 5 km
    const g = buildRoadGraph(
      collection([road([at(0), at(1), at(2)]), road([at(2), at(3), at(4)], { class: 'primary', oneway: 'yes' }), road([at(4), at(5), at(6)])]),
    );
    const offices = snapPoints(g, points([at(0), at(6)]));
    const homes = snapPoints(g, points([at(0.5), at(1.5), at(2.5), at(3.5), at(4.5), at(5.5)]));
    expectSameTimes(g, homes, offices);
  });

  it('handles a loop road with no junction at all, and a dead end', () => {
    const loop = road([at(0, 10), at(1, 10), at(1, 11), at(0, 11), at(0, 10)], { class: 'residential' });
    const deadEnd = road([at(0), at(1), at(2), at(3)]);
    const g = buildRoadGraph(collection([loop, deadEnd]));
    const offices = snapPoints(g, points([at(0.5, 10), at(2.5)]));
    const homes = snapPoints(g, points([at(1, 10.5), at(0.2, 11), at(0.1), at(2.9)]));
    expectSameTimes(g, homes, offices);
  });

  it('gives the same times as the full graph on random networks with shape points and one-way roads', () => {
    const rand = seeded(77);
    for (let trial = 0; trial < 4; trial++) {
      const p = syntheticProvince({ seed: 10 + trial, roadNodes: 900, settlements: 150, officesPerDepartment: 5, departments: ['A'], bbox: [27, -27, 27.4, -26.6] });
      const g = buildRoadGraph(collection(withShapePoints(p.roads.features, rand)));
      const homes = snapPoints(g, points(p.settlements.features.map((f) => f.geometry.coordinates as [number, number])));
      const offices = snapPoints(g, points(p.offices.features.map((f) => f.geometry.coordinates as [number, number])));
      expectSameTimes(g, homes, offices);
    }
  });

  it('gives the same times as the full graph on the generated sample province', () => {
    const p = generateProvince({ seed: 3, roadNodes: 6000, settlements: 300, offices: 24 });
    const g = buildRoadGraph(p.roads);
    const homes = snapPoints(g, points(p.settlements.features.map((f) => (f.geometry.type === 'Point' ? f.geometry.coordinates : [NaN, NaN]) as [number, number])));
    const offices = snapPoints(g, points(p.offices.features.map((f) => f.geometry.coordinates as [number, number])));
    expectSameTimes(g, homes, offices);
  });
});
