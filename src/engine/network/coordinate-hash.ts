/**
 * Merges coordinates into node ids by quantising them to integer cells (Int32 pairs) and looking
 * them up in an open-addressing hash table on typed arrays — no per-vertex strings, no Map.
 * Two positions merge when they round to the same cell of `toleranceDeg` (1e-6° ≈ 11 cm).
 * (Two positions a hair apart on either side of a cell border do not merge; with real data the
 * shared vertices of joined lines are bit-identical, so this never matters in practice.)
 */

export interface CoordinateHash {
  /** capacity − 1 (capacity is a power of two) */
  mask: number;
  /** slot → node id + 1 (0 = empty) */
  slots: Int32Array;
  qx: Int32Array;
  qy: Int32Array;
  lon: Float64Array;
  lat: Float64Array;
  count: number;
  scale: number;
}

export function createCoordinateHash(maxPoints: number, toleranceDeg: number): CoordinateHash {
  let cap = 16;
  while (cap < maxPoints * 2) cap *= 2;
  const n = Math.max(1, maxPoints);
  return {
    mask: cap - 1,
    slots: new Int32Array(cap),
    qx: new Int32Array(n),
    qy: new Int32Array(n),
    lon: new Float64Array(n),
    lat: new Float64Array(n),
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
  const { slots, qx, qy, mask } = h;
  let i = k & mask;
  for (;;) {
    const s = slots[i];
    if (s === 0) {
      const id = h.count++;
      slots[i] = id + 1;
      qx[id] = x;
      qy[id] = y;
      h.lon[id] = lon;
      h.lat[id] = lat;
      return id;
    }
    const id = s - 1;
    if (qx[id] === x && qy[id] === y) return id;
    i = (i + 1) & mask;
  }
}
