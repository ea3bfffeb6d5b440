import { describe, expect, it } from 'vitest';
import { syntheticProvince } from '../../../bench/synthetic-province';
import { buildRoadGraph } from '../../../src/engine/network/build-graph';
import { estimateMinutes, estimateTimesToNearest } from '../../../src/engine/network/estimate';
import { snapPoints, type SnapOptions } from '../../../src/engine/network/snap';
import { placeToPlaceMinutes, timesToKNearest, timesToNearest } from '../../../src/engine/network/travel-times';
import { at, collection, points, road, seeded } from '../fixtures';

const ALL = (n: number) => Array.from({ length: n }, (_, i) => i);

function minutesFrom(roads: ReturnType<typeof road>[], homes: [number, number][], offices: [number, number][], snap: SnapOptions = {}) {
  const g = buildRoadGraph(collection(roads));
  const s = snapPoints(g, points(homes), snap);
  const o = snapPoints(g, points(offices), snap);
  return timesToNearest(g, s, o, ALL(offices.length));
}

describe('travel times on hand-checked roads', () => {
  // one 10 km primary road (80 km/h: 0.75 min per km), vertices at 0, 4 and 10 km
  const primary = road([at(0), at(4), at(10)], { class: 'primary' });

  it('takes 7.5 minutes along 10 km of primary road', () => {
    const t = minutesFrom([primary], [at(0)], [at(10)]);
    expect(t.minutes[0]).toBeCloseTo(7.5, 3);
    expect(t.nearest[0]).toBe(0);
  });

  it('joins a settlement in the middle of a segment with its share of the segment', () => {
    // from 5 km to 10 km: 5 km · 0.75 = 3.75 minutes
    expect(minutesFrom([primary], [at(5)], [at(10)]).minutes[0]).toBeCloseTo(3.75, 3);
    // from 5 km back to 0 km: 3.75 minutes too
    expect(minutesFrom([primary], [at(5)], [at(0)]).minutes[0]).toBeCloseTo(3.75, 3);
  });

  it('adds the off-road leg at the off-road speed', () => {
    // 1 km east of the 5 km mark: 12 minutes walking at 5 km/h, then 3.75 minutes driving
    expect(minutesFrom([primary], [at(5, 1)], [at(10)], { offRoadKmh: 5 }).minutes[0]).toBeCloseTo(15.75, 1);
    // driving off-road at 30 km/h: 2 minutes
    expect(minutesFrom([primary], [at(5, 1)], [at(10)], { offRoadKmh: 30 }).minutes[0]).toBeCloseTo(5.75, 1);
  });

  it('goes straight along the segment when home and office share it', () => {
    // 5 km → 9 km on the segment 4–10: 4 km · 0.75 = 3 minutes, no detour through a node
    expect(minutesFrom([primary], [at(5)], [at(9)]).minutes[0]).toBeCloseTo(3, 3);
  });

  it('drives only the allowed way along a one-way street', () => {
    const oneway = road([at(0), at(10)], { class: 'primary', oneway: 'yes' });
    // with the flow: 5 → 10 km
    expect(minutesFrom([oneway], [at(5)], [at(10)]).minutes[0]).toBeCloseTo(3.75, 3);
    // against it, with no other road: unreachable
    expect(minutesFrom([oneway], [at(5)], [at(0)]).minutes[0]).toBe(Infinity);
    expect(minutesFrom([oneway], [at(10)], [at(0)]).minutes[0]).toBe(Infinity);
    // '-1' flips it
    const reversed = road([at(0), at(10)], { class: 'primary', oneway: '-1' });
    expect(minutesFrom([reversed], [at(10)], [at(0)]).minutes[0]).toBeCloseTo(7.5, 3);
  });

  it('comes back round a slower road when a one-way street points away from the office', () => {
    // one-way primary north 0→10 km; the way back is a two-way tertiary (60 km/h: 1 minute per km)
    // 2 km to the east, joined to the primary at both ends: about 2 + 10 + 2 = 14 km
    const oneway = road([at(0), at(10)], { class: 'primary', oneway: 'yes' });
    const back = road([at(10), at(10, 2), at(0, 2), at(0)], { class: 'tertiary' });
    const g = buildRoadGraph(collection([oneway, back]));
    const homes = snapPoints(g, points([at(10)]));
    const offices = snapPoints(g, points([at(0)]));
    const t = timesToNearest(g, homes, offices, [0]);
    const backKm = g.segmentMetres[1] / 1000 + g.segmentMetres[2] / 1000 + g.segmentMetres[3] / 1000;
    expect(backKm).toBeCloseTo(14, 1);
    expect(t.minutes[0]).toBeCloseTo(backKm, 2); // tertiary: 1 minute per km
  });

  it('snaps to the nearest node with no off-road leg in node mode', () => {
    // 5 km joins at the 4 km vertex; 4 → 10 km is 6 km · 0.75 = 4.5 minutes
    expect(minutesFrom([primary], [at(5, 1)], [at(10)], { mode: 'node' }).minutes[0]).toBeCloseTo(4.5, 3);
  });

  it('leaves settlements beyond the snap limit unreachable', () => {
    const t = minutesFrom([primary], [at(5, 6)], [at(10)]);
    expect(t.minutes[0]).toBe(Infinity);
    expect(t.nearest[0]).toBe(-1);
  });

  it('names the nearest of several offices', () => {
    const t = minutesFrom([primary], [at(1), at(8)], [at(0), at(10)]);
    expect(Array.from(t.nearest)).toEqual([0, 1]);
  });

  it('cannot reach an office on a road island', () => {
    const island = road([at(0, 20), at(1, 20)]);
    const t = minutesFrom([primary, island], [at(2)], [at(0.5, 20)]);
    expect(t.minutes[0]).toBe(Infinity);
  });
});

describe('travel-time invariants on random networks', () => {
  const province = syntheticProvince({ seed: 5, roadNodes: 1600, settlements: 300, officesPerDepartment: 6, departments: ['A'], bbox: [27, -27, 27.6, -26.4] });
  const homes = points(province.settlements.features.map((f) => f.geometry.coordinates as [number, number]));
  const officeList = points(province.offices.features.map((f) => f.geometry.coordinates as [number, number]));

  it('never increases any time when an office is added', () => {
    const g = buildRoadGraph(province.roads);
    const s = snapPoints(g, homes);
    const o = snapPoints(g, officeList);
    let previous = timesToNearest(g, s, o, [0]).minutes;
    for (let k = 2; k <= officeList.lon.length; k++) {
      const now = timesToNearest(g, s, o, ALL(k)).minutes;
      for (let i = 0; i < now.length; i++) expect(now[i]).toBeLessThanOrEqual(previous[i]);
      previous = now;
    }
  });

  it('never decreases any time when a road no one snaps to is removed', () => {
    const rand = seeded(99);
    const g = buildRoadGraph(province.roads);
    const s = snapPoints(g, homes);
    const o = snapPoints(g, officeList);
    const before = timesToNearest(g, s, o, ALL(officeList.lon.length)).minutes;
    let checked = 0;
    for (let trial = 0; trial < 12; trial++) {
      const drop = Math.floor(rand() * province.roads.features.length);
      const fewer = collection(province.roads.features.filter((_, i) => i !== drop));
      const g2 = buildRoadGraph(fewer);
      const s2 = snapPoints(g2, homes);
      const o2 = snapPoints(g2, officeList);
      const same = (a: typeof s, b: typeof s) => a.snapLon.every((x, i) => Object.is(x, b.snapLon[i]) && Object.is(a.snapLat[i], b.snapLat[i]));
      if (!same(o, o2)) continue;
      const after = timesToNearest(g2, s2, o2, ALL(officeList.lon.length)).minutes;
      for (let i = 0; i < after.length; i++) {
        if (s.snapLon[i] !== s2.snapLon[i] || s.snapLat[i] !== s2.snapLat[i]) continue;
        checked++;
        expect(after[i]).toBeGreaterThanOrEqual(before[i] - 1e-4);
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('lists each settlement’s k nearest offices consistently with the single nearest', () => {
    const g = buildRoadGraph(province.roads);
    const s = snapPoints(g, homes);
    const o = snapPoints(g, officeList);
    const one = timesToNearest(g, s, o, ALL(officeList.lon.length));
    const three = timesToKNearest(g, s, o, ALL(officeList.lon.length), 3);
    for (let i = 0; i < s.count; i++) {
      expect(three.minutes[i * 3]).toBeCloseTo(one.minutes[i], 3);
      expect(three.minutes[i * 3]).toBeLessThanOrEqual(three.minutes[i * 3 + 1]);
      // the second nearest is the nearest once the first is taken away
      const j = three.nearest[i * 3];
      if (j < 0) continue;
      const without = timesToNearest(g, s, o, ALL(officeList.lon.length).filter((x) => x !== j));
      expect(three.minutes[i * 3 + 1]).toBeCloseTo(without.minutes[i], 3);
    }
  });

  it('times office-to-office trips like the nearest-office search does', () => {
    const g = buildRoadGraph(province.roads);
    const o = snapPoints(g, officeList);
    const n = o.count;
    const needed = new Uint8Array(n * n).fill(1);
    const matrix = placeToPlaceMinutes(g, o, needed);
    for (let j = 0; j < n; j++) {
      const t = timesToNearest(g, o, o, [j]);
      for (let i = 0; i < n; i++) {
        if (i === j) expect(matrix[i * n + j]).toBe(0); // staying put takes no time
        else expect(matrix[i * n + j]).toBeCloseTo(t.minutes[i], 3);
      }
    }
  });
});

describe('estimated travel times without roads', () => {
  it('uses great-circle distance × 1.3 at 50 km/h by default', () => {
    // 10 km straight line → 13 km → 15.6 minutes
    expect(estimateMinutes(...at(0), ...at(10))).toBeCloseTo(15.6, 3);
    expect(estimateMinutes(...at(0), ...at(10), { detourFactor: 1, averageKmh: 60 })).toBeCloseTo(10, 3);
  });

  it('finds the nearest office by estimate', () => {
    const t = estimateTimesToNearest(points([at(1), at(9)]), points([at(0), at(10), at(30)]), [0, 1, 2]);
    expect(Array.from(t.nearest)).toEqual([0, 1]);
    expect(t.minutes[0]).toBeCloseTo(1.56, 3);
  });
});
