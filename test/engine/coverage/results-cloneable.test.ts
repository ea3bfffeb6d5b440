import { describe, expect, it } from 'vitest';
import { syntheticProvince } from '../../../bench/synthetic-province';
import { analyseCoverage } from '../../../src/engine/coverage/analyse-coverage';
import { coverageStats } from '../../../src/engine/coverage/coverage-stats';
import { buildRoadGraph } from '../../../src/engine/network/build-graph';

describe('engine results cross to a worker', () => {
  const province = syntheticProvince({ seed: 4, roadNodes: 900, settlements: 100, officesPerDepartment: 2, bbox: [27, -27, 27.3, -26.7] });

  it('clones a road graph, all of whose arrays share one buffer', () => {
    const g = buildRoadGraph(province.roads);
    expect(g.targets.buffer).toBe(g.nodeLon.buffer);
    expect(g.segmentMinutes.buffer).toBe(g.nodeLon.buffer);
    const copy = structuredClone(g);
    expect(copy.targets.buffer).toBe(copy.nodeLon.buffer);
    expect(Array.from(copy.minutes)).toEqual(Array.from(g.minutes));
  });

  it('clones a coverage result and re-runs the statistics on the copy', () => {
    const r = analyseCoverage(province, { bundles: { thusongOffersAll: true } });
    const copy = structuredClone(r);
    expect(coverageStats(copy.times, [30, 60, 90])).toEqual(r.stats);
  });
});
