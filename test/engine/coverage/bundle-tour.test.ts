import { describe, expect, it } from 'vitest';
import { bestTour } from '../../../src/engine/coverage/bundle-tour';
import { seeded } from '../fixtures';

/** Every subset of candidates that covers the bundle, in every order: the reference answer. */
function bruteForce(count: number, home: Float64Array, mask: Int32Array, full: number, between: Float64Array): number {
  let best = Infinity;
  const permute = (items: number[], k: number) => {
    if (k === items.length) {
      let t = home[items[0]];
      for (let i = 1; i < items.length; i++) t += between[items[i - 1] * count + items[i]];
      t += home[items[items.length - 1]];
      best = Math.min(best, t);
      return;
    }
    for (let i = k; i < items.length; i++) {
      [items[k], items[i]] = [items[i], items[k]];
      permute(items, k + 1);
      [items[k], items[i]] = [items[i], items[k]];
    }
  };
  for (let subset = 1; subset < 1 << count; subset++) {
    const items: number[] = [];
    let covered = 0;
    for (let c = 0; c < count; c++) if (subset & (1 << c)) (items.push(c), (covered |= mask[c]));
    if (covered === full && items.length <= 4) permute(items, 0);
  }
  return best;
}

describe('best bundle trip', () => {
  it('matches brute force over every subset and order on 300 random instances', () => {
    const rand = seeded(2024);
    for (let trial = 0; trial < 300; trial++) {
      const services = 1 + Math.floor(rand() * 4);
      const full = (1 << services) - 1;
      const count = 1 + Math.floor(rand() * 7);
      // points in the plane, so times obey the triangle inequality like road times roughly do
      const xs = Array.from({ length: count + 1 }, () => rand() * 60);
      const ys = Array.from({ length: count + 1 }, () => rand() * 60);
      const d = (a: number, b: number) => Math.hypot(xs[a] - xs[b], ys[a] - ys[b]);
      const home = Float64Array.from({ length: count }, (_, c) => d(count, c));
      const between = new Float64Array(count * count);
      for (let i = 0; i < count; i++) for (let j = 0; j < count; j++) between[i * count + j] = d(i, j);
      const mask = Int32Array.from({ length: count }, () => 1 + Math.floor(rand() * full));
      const expected = bruteForce(count, home, mask, full, between);
      const got = bestTour(count, home, mask, full, between);
      if (expected === Infinity) expect(got.minutes).toBe(Infinity);
      else expect(got.minutes).toBeCloseTo(expected, 9);
    }
  });

  it('visits a site offering everything once, there and back', () => {
    // B is nearer but offers one service, and B → A is long: going straight to A is best
    const got = bestTour(2, Float64Array.of(10, 4), Int32Array.of(3, 1), 3, Float64Array.of(0, 20, 20, 0));
    expect(got.minutes).toBe(20);
    expect(got.stops).toBe(1);
    expect(got.order[0]).toBe(0);
  });

  it('chains two offices in the cheaper order', () => {
    // home→A 10, home→B 3, A→B 8, B→A 9: via B first = 3 + 9 + 10 = 22; via A first = 10 + 8 + 3 = 21
    const got = bestTour(2, Float64Array.of(10, 3), Int32Array.of(1, 2), 3, Float64Array.of(0, 8, 9, 0));
    expect(got.minutes).toBe(21);
    expect(Array.from(got.order.subarray(0, got.stops))).toEqual([0, 1]);
  });

  it('reports an impossible bundle as Infinity', () => {
    expect(bestTour(1, Float64Array.of(5), Int32Array.of(1), 3, Float64Array.of(0)).minutes).toBe(Infinity);
  });
});
