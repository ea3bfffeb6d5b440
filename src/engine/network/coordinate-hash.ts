/**
 * Merges coordinates into node ids by quantising them to integer cells (Int32 pairs) and looking
 * them up in an open-addressing hash table on typed arrays — no per-vertex strings, no Map.
 * Each slot holds [qx, qy, id + 1] side by side, so a lookup touches one cache line.
 * Two positions merge when they round to the same cell of `toleranceDeg` (1e-6° ≈ 11 cm).
 * (Two positions a hair apart on either side of a cell border do not merge; with real data the
 * shared vertices of joined lines are bit-identical, so this never matters in practice.)
 */

export interface CoordinateHash {
  /** capacity − 1 (capacity is a power of two) */
  mask: number;
  /** slot s: [3s] = qx, [3s+1] = qy, [3s+2] = node id + 1 (0 = empty) */
  slots: Int32Array;
  lon: Float64Array;
  lat: Float64Array;
  count: number;
  scale: number;
}

/** Slots for up to `maxPoints` positions: a power of two, load factor ≤ 2/3 even if none merge. */
export function hashCapacity(maxPoints: number): number {
  let cap = 16;
  while (cap < maxPoints * 1.5) cap *= 2;
  return cap;
}

/**
 * `maxPoints`: an upper bound on distinct positions (e.g. the number of vertices read).
 * `memory` lets the caller supply zeroed arrays (slots: 3 × hashCapacity, lon/lat: maxPoints).
 */
export function createCoordinateHash(
  maxPoints: number,
  toleranceDeg: number,
  memory?: { slots: Int32Array; lon: Float64Array; lat: Float64Array },
): CoordinateHash {
  const cap = hashCapacity(maxPoints);
  const n = Math.max(1, maxPoints);
  return {
    mask: cap - 1,
    slots: memory?.slots ?? new Int32Array(cap * 3),
    lon: memory?.lon ?? new Float64Array(n),
    lat: memory?.lat ?? new Float64Array(n),
    count: 0,
    scale: 1 / toleranceDeg,
  };
}

/** The node id for a position, creating a node on first sight. */
export function nodeIdFor(h: CoordinateHash, lon: number, lat: number): number {
  const x = Math.round(lon * h.scale) | 0;
  const y = Math.round(lat * h.scale) | 0;
  // a cheap integer mix (murmur-style finaliser) of both coordinates
  let k = Math.imul(x, 0x9e3779b1) ^ Math.imul(y ^ (y >>> 15), 0x85ebca6b);
  k ^= k >>> 13;
  k = Math.imul(k, 0xc2b2ae35);
  k ^= k >>> 16;
  const slots = h.slots;
  const mask = h.mask;
  let i = k & mask;
  for (;;) {
    const at = i * 3;
    const id = slots[at + 2];
    if (id === 0) {
      const node = h.count++;
      slots[at] = x;
      slots[at + 1] = y;
      slots[at + 2] = node + 1;
      h.lon[node] = lon;
      h.lat[node] = lat;
      return node;
    }
    if (slots[at] === x && slots[at + 1] === y) return id - 1;
    i = (i + 1) & mask;
  }
}
