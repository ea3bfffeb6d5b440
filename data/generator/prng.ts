/**
 * A small seeded PRNG (mulberry32) and the few distributions the generator needs.
 * Never Math.random: the same seed must give byte-identical files on every machine.
 */

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
}

/** 32-bit string/number mix (murmur3 finaliser); used to derive independent streams. */
export function hash32(...parts: Array<number | string>): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    const s = typeof part === 'number' ? `#${part}` : part;
    for (let i = 0; i < s.length; i++) {
      h = Math.imul(h ^ s.charCodeAt(i), 0x85ebca6b);
      h ^= h >>> 13;
    }
    h = Math.imul(h ^ 0x27d4eb2f, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/**
 * Hash of a base hash and up to three integers, without building strings: for per-item
 * randomness (one mesh edge, one cell pair) in hot loops. Returns a 32-bit unsigned integer.
 */
export function mixInts(base: number, a: number, b = 0, c = 0): number {
  let h = base >>> 0;
  for (const v of [a, b, c]) {
    h = Math.imul(h ^ (v >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** a uniform number in [0, 1) from a 32-bit hash */
export function unitFromHash(h: number): number {
  return (h >>> 0) / 4294967296;
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/**
 * One stream per purpose ('settlements', 'roads', …), so changing how roads are drawn never
 * moves a settlement: each layer stays stable while another is being tuned.
 */
export function streamFor(seed: number, purpose: string | number, ...more: Array<number | string>): Rng {
  return mulberry32(hash32(seed, purpose, ...more));
}

export function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.next();
}

/** integer in [lo, hi] inclusive */
export function intBetween(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng.next() * (hi - lo + 1));
}

export function normal(rng: Rng): number {
  // Box–Muller; 1 - u keeps log away from 0.
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(rng));
}

export function exponential(rng: Rng, mean: number): number {
  return -mean * Math.log(1 - rng.next());
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng.next() * items.length)];
}

export function chance(rng: Rng, p: number): boolean {
  return rng.next() < p;
}

/** index drawn with probability proportional to weights[i] (cumulative sums given) */
export function pickWeighted(rng: Rng, cumulative: ArrayLike<number>): number {
  const total = cumulative[cumulative.length - 1];
  const r = rng.next() * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
  return items;
}
