import { describe, expect, it } from 'vitest';
import { syntheticProvince } from '../../../bench/synthetic-province';
import { buildRoadGraph } from '../../../src/engine/network/build-graph';
import { snapPoints } from '../../../src/engine/network/snap';
import { haversineMetres, pointSegmentMetres } from '../../../src/engine/spatial/geodesy';
import { at, collection, points, road, seeded } from '../fixtures';

describe('snapping points to roads', () => {
  const province = syntheticProvince({ seed: 3, roadNodes: 900, settlements: 0, officesPerDepartment: 0, bbox: [27, -27, 27.3, -26.7] });
  const graph = buildRoadGraph(province.roads);
  const rand = seeded(11);
  const queries = points(Array.from({ length: 400 }, () => [26.95 + rand() * 0.4, -27.05 + rand() * 0.4] as [number, number]));

  it('picks the truly nearest segment, as a scan of every segment does', () => {
    const snaps = snapPoints(graph, queries, { mode: 'segment', maxSnapMetres: Infinity });
    const scratch = { metres: 0, fraction: 0 };
    for (let i = 0; i < snaps.count; i++) {
      let best = Infinity;
      for (let s = 0; s < graph.segmentCount; s++) {
        const a = graph.segmentFrom[s];
        const b = graph.segmentTo[s];
        const d = pointSegmentMetres(queries.lon[i], queries.lat[i], graph.nodeLon[a], graph.nodeLat[a], graph.nodeLon[b], graph.nodeLat[b], scratch).metres;
        if (d < best) best = d;
      }
      expect(snaps.offRoadMetres[i]).toBeCloseTo(best, 6);
    }
  });

  it('picks the truly nearest node in node mode, with no off-road time', () => {
    const snaps = snapPoints(graph, queries, { mode: 'node', maxSnapMetres: Infinity });
    for (let i = 0; i < snaps.count; i++) {
      let best = Infinity;
      for (let v = 0; v < graph.nodeCount; v++) best = Math.min(best, haversineMetres(queries.lon[i], queries.lat[i], graph.nodeLon[v], graph.nodeLat[v]));
      expect(snaps.offRoadMetres[i]).toBeCloseTo(best, 6);
      expect(snaps.offRoadMinutes[i]).toBe(0);
    }
  });

  it('splits a segment at the foot of the perpendicular and times the off-road leg', () => {
    const g = buildRoadGraph(collection([road([at(0), at(10)])]));
    const p = at(2.5, 1);
    const snaps = snapPoints(g, points([p]), { offRoadKmh: 5 });
    expect(snaps.segment[0]).toBe(0);
    expect(snaps.fraction[0]).toBeCloseTo(0.25, 4);
    expect(snaps.offRoadMetres[0]).toBeCloseTo(1000, -1);
    expect(snaps.offRoadMinutes[0]).toBeCloseTo(12, 1); // 1 km at 5 km/h
  });

  it('flags points beyond the snap limit instead of joining them', () => {
    const g = buildRoadGraph(collection([road([at(0), at(10)])]));
    const snaps = snapPoints(g, points([at(5, 6), at(5, 4)]), { maxSnapMetres: 5000 });
    expect(Array.from(snaps.tooFar)).toEqual([1, 0]);
    expect(snaps.tooFarCount).toBe(1);
    expect(snaps.segment[0]).toBe(-1);
    expect(snaps.offRoadMetres[0]).toBeCloseTo(6000, -1); // still reported, for the user to judge
  });

  it('flags points with invalid coordinates', () => {
    const g = buildRoadGraph(collection([road([at(0), at(10)])]));
    const snaps = snapPoints(g, { lon: Float64Array.of(NaN), lat: Float64Array.of(0) });
    expect(snaps.tooFar[0]).toBe(1);
  });
});
