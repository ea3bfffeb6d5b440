/**
 * Merges coordinates into nodes by quantising them to integer cells (Int32 pairs) and looking
 * them up in an open-addressing hash table on one Int32Array — no per-vertex strings, no Map.
 * A slot is [qx, qy]; the slot's index is the node's provisional id (compacted to 0…N−1 once the
 * roads are read), so a lookup touches one cache line and the table holds nothing else.
 * Two positions merge when they round to the same cell of `toleranceDeg` (1e-6° ≈ 11 cm); the
 * node then sits at the cell's centre, within half the tolerance of every vertex merged into it.
 * (Two positions a hair apart on either side of a cell border do not merge; with real data the
 * shared vertices of joined lines are bit-identical, so this never matters in practice.)
 */

/** Marks an empty slot: no longitude × 1e6 (or coarser) can reach −2^31. */
export const EMPTY_SLOT = -0x80000000;

export interface CoordinateHash {
  /** capacity − 1 (capacity is a power of two) */
  mask: number;
  /** slot s: [2s] = qx (EMPTY_SLOT when free), [2s+1] = qy */
  slots: Int32Array;
  /** occupied slots */
  count: number;
  /** 1 / toleranceDeg */
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
 * `slots` may be supplied (2 × hashCapacity(maxPoints) Int32s); it is cleared here.
 */
export function createCoordinateHash(maxPoints: number, toleranceDeg: number, slots?: Int32Array): CoordinateHash {
  const cap = hashCapacity(maxPoints);
  const table = slots ?? new Int32Array(cap * 2);
  for (let i = 0; i < cap * 2; i += 2) table[i] = EMPTY_SLOT;
  return { mask: cap - 1, slots: table, count: 0, scale: 1 / toleranceDeg };
}

/** The slot (provisional node id) for a position, claiming it on first sight. */
export function slotFor(h: CoordinateHash, lon: number, lat: number): number {
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
    const at = i << 1;
    const sx = slots[at];
    if (sx === EMPTY_SLOT) {
      slots[at] = x;
      slots[at + 1] = y;
      h.count++;
      return i;
    }
    if (sx === x && slots[at + 1] === y) return i;
    i = (i + 1) & mask;
  }
}
