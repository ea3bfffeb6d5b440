import { describe, expect, it } from 'vitest';
import { estimatedReach } from '../../../src/engine/routing/estimated-reach';
import { seededRandom } from '../../../src/engine/routing/seeded-random';
import { greedyStopSelection, reachFromPairs, stopService, type ReachMatrix } from '../../../src/engine/routing/stop-selection';
import { haversineMetres } from '../../../src/engine/spatial/geodesy';

function randomReach(seed: number, S: number, C: number, p: number): ReachMatrix {
  const rng = seededRandom(seed);
  const si: number[] = [];
  const ci: number[] = [];
  const mi: number[] = [];
  for (let s = 0; s < S; s++) for (let c = 0; c < C; c++) if (rng() < p) {
    si.push(s);
    ci.push(c);
    mi.push(Math.round(rng() * 60));
  }
  return reachFromPairs(S, C, si, ci, mi);
}

function exhaustiveCover(r: ReachMatrix): number {
  const coverable: number[] = [];
  for (let s = 0; s < r.settlementCount; s++) if (r.offsets[s + 1] > r.offsets[s]) coverable.push(s);
  let best = Infinity;
  for (let mask = 0; mask < 1 << r.candidateCount; mask++) {
    const k = popcount(mask);
    if (k >= best) continue;
    const ok = coverable.every((s) => {
      for (let x = r.offsets[s]; x < r.offsets[s + 1]; x++) if (mask & (1 << r.candidates[x])) return true;
      return false;
    });
    if (ok) best = k;
  }
  return best;
}
const popcount = (m: number) => {
  let c = 0;
  for (; m; m &= m - 1) c++;
  return c;
};

describe('greedy stop selection', () => {
  it('covers every coverable target and lists the rest as uncoverable', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const r = randomReach(seed, 30, 12, 0.12);
      const sel = greedyStopSelection(r);
      for (let s = 0; s < 30; s++) {
        const coverable = r.offsets[s + 1] > r.offsets[s];
        if (coverable) expect(sel.servedBy[s]).toBeGreaterThanOrEqual(0);
        else expect([...sel.uncoverable]).toContain(s);
      }
    }
  });

  it('is never worse than H(largest set) × the exhaustive optimum, and usually equal', () => {
    let equal = 0;
    for (let seed = 1; seed <= 25; seed++) {
      const r = randomReach(100 + seed, 25, 12, 0.15);
      const greedy = greedyStopSelection(r).stops.length;
      const opt = exhaustiveCover(r);
      let maxSet = 0;
      const count = new Int32Array(12);
      for (const c of r.candidates) maxSet = Math.max(maxSet, ++count[c]);
      const H = Array.from({ length: maxSet }, (_, i) => 1 / (i + 1)).reduce((a, b) => a + b, 0);
      expect(greedy).toBeGreaterThanOrEqual(opt);
      expect(greedy).toBeLessThanOrEqual(Math.floor(H * opt + 1e-9));
      if (greedy === opt) equal++;
    }
    expect(equal).toBeGreaterThanOrEqual(15);
  });

  it('drops a stop made redundant by later picks', () => {
    // candidate 0 covers {0,1,2,3} (picked first); 1 covers {0,1,4}; 2 covers {2,3,5}; 1 and 2 are needed and cover all of 0's
    const pairs: Array<[number, number]> = [[0, 0], [1, 0], [2, 0], [3, 0], [0, 1], [1, 1], [4, 1], [2, 2], [3, 2], [5, 2]];
    const r = reachFromPairs(6, 3, pairs.map((p) => p[0]), pairs.map((p) => p[1]), pairs.map(() => 10));
    expect([...greedyStopSelection(r).stops]).toEqual([1, 2]);
  });

  it('serves each settlement from its nearest chosen stop and only reaches targets', () => {
    const r = reachFromPairs(3, 2, [0, 0, 1, 2], [0, 1, 1, 0], [20, 5, 10, 10]);
    const sel = greedyStopSelection(r, { targets: Uint8Array.from([1, 1, 0]) });
    expect([...sel.stops]).toEqual([1]);
    expect([...sel.servedBy]).toEqual([0, 0, -1]);
  });
});

describe('stop service', () => {
  it('turns population into visitors and clamped hours, with repeat visits for large stops', () => {
    const servedBy = Int32Array.from([0, 0, 1, 2]);
    const pop = [1000, 500, 100, 20000];
    const sv = stopService(3, servedBy, pop, { visitorsPerResident: 0.1, visitorsPerHour: 10, minHours: 1, maxHours: 6, repeatLargeStops: true });
    expect([...sv.population]).toEqual([1500, 100, 20000]);
    expect([...sv.expectedVisitors]).toEqual([150, 10, 2000]);
    // 150 visitors = 15 h → 3 visits of 5 h; 10 → 1 h (the minimum); 2000 → 200 h → 4 visits (the cap) of 6 h
    expect([...sv.visitsPerYear]).toEqual([3, 1, 4]);
    expect([...sv.serviceMinutes]).toEqual([300, 60, 360]);
    const once = stopService(3, servedBy, pop, { visitorsPerResident: 0.1, visitorsPerHour: 10 });
    expect([...once.visitsPerYear]).toEqual([1, 1, 1]);
    expect([...once.serviceMinutes]).toEqual([300, 60, 300]); // default maximum 5 h
  });
});

describe('estimated reach', () => {
  it('finds exactly the pairs within the reach time (brute-force check)', () => {
    const rng = seededRandom(5);
    const S = 200;
    const C = 80;
    const pts = (n: number) => ({ lon: Float64Array.from({ length: n }, () => 24 + rng() * 6), lat: Float64Array.from({ length: n }, () => -31 + rng() * 5) });
    const s = pts(S);
    const c = pts(C);
    const r = estimatedReach(s, c, 45, { detourFactor: 1.3, averageKmh: 50 });
    let expected = 0;
    for (let i = 0; i < S; i++) for (let j = 0; j < C; j++) {
      const minutes = ((haversineMetres(s.lon[i], s.lat[i], c.lon[j], c.lat[j]) / 1000) * 1.3 / 50) * 60;
      if (minutes <= 45) expected++;
    }
    expect(r.candidates.length).toBe(expected);
    for (let i = 0; i < S; i++) for (let k = r.offsets[i]; k < r.offsets[i + 1]; k++) expect(r.minutes[k]).toBeLessThanOrEqual(45);
  });
});
