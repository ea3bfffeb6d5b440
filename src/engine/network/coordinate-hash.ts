/**
 * Merges coordinates into node ids by quantising them to integer cells (Int32 pairs) and looking
 * them up in an open-addressing hash table on one Int32Array — no per-vertex strings, no Map.
 * A slot is [qx, qy, id + 1] side by side, so a lookup touches one cache line; ids are handed out
 * in order of first sight, so the segments read next to each other get nearby ids.
 * Two positions merge when they round to the same cell of `toleranceDeg` (1e-6° ≈ 11 cm); the
 * node then sits at the cell's centre, within half the tolerance of every vertex merged into it.
 * (Two positions a hair apart on either side of a cell border do not merge; with real data the
 * shared vertices of joined lines are bit-identical, so this never matters in practice.)
 */

export interface CoordinateHash {
  /** capacity − 1 (capacity is a power of two) */
  mask: number;
  /** slot s: [3s] = qx, [3s+1] = qy, [3s+2] = node id + 1 (0 = empty) */
  slots: Int32Array;
  count: number;
  /** 1 / toleranceDeg */
  scale: number;
}

/**
 * Initial slots for about `vertices` vertices: a power of two ≥ the vertex count. Most vertices
 * of a road network are shared by two lines or more, so this starts at load ≤ ½; the table grows
 * (rehash) if the data shares fewer.
 */
export function hashCapacity(vertices: number): number {
  let cap = 16;
  while (cap < vertices) cap *= 2;
  return cap;
}

/** `slots`, if supplied, must be 3 × hashCapacity(vertices) zeroed Int32s. */
export function createCoordinateHash(vertices: number, toleranceDeg: number, slots?: Int32Array): CoordinateHash {
  const cap = hashCapacity(vertices);
  return { mask: cap - 1, slots: slots ?? new Int32Array(cap * 3), count: 0, scale: 1 / toleranceDeg };
}

function slotIndex(x: number, y: number, mask: number): number {
  // a cheap integer mix (murmur-style finaliser) of both coordinates
  let k = Math.imul(x, 0x9e3779b1) ^ Math.imul(y ^ (y >>> 15), 0x85ebca6b);
  k ^= k >>> 13;
  k = Math.imul(k, 0xc2b2ae35);
  k ^= k >>> 16;
  return k & mask;
}

/** Doubles the table when it is 70 % full, keeping every id. */
function grow(h: CoordinateHash): void {
  const old = h.slots;
  const cap = (h.mask + 1) * 2;
  const slots = new Int32Array(cap * 3);
  const mask = cap - 1;
  for (let at = 0; at < old.length; at += 3) {
    if (old[at + 2] === 0) continue;
    let i = slotIndex(old[at], old[at + 1], mask);
    while (slots[i * 3 + 2] !== 0) i = (i + 1) & mask;
    slots[i * 3] = old[at];
    slots[i * 3 + 1] = old[at + 1];
    slots[i * 3 + 2] = old[at + 2];
  }
  h.slots = slots;
  h.mask = mask;
}

/** The node id for a position, creating a node on first sight. */
export function nodeIdFor(h: CoordinateHash, lon: number, lat: number): number {
  const x = Math.round(lon * h.scale) | 0;
  const y = Math.round(lat * h.scale) | 0;
  const slots = h.slots;
  const mask = h.mask;
  let i = slotIndex(x, y, mask);
  for (;;) {
    const at = i * 3;
    const id = slots[at + 2];
    if (id === 0) {
      const node = h.count++;
      slots[at] = x;
      slots[at + 1] = y;
      slots[at + 2] = node + 1;
      if (h.count > mask * 0.7) grow(h);
      return node;
    }
    if (slots[at] === x && slots[at + 1] === y) return id - 1;
    i = (i + 1) & mask;
  }
}

/** Writes each node's position (its cell's centre) into lon/lat, indexed by node id. */
export function nodePositions(h: CoordinateHash, toleranceDeg: number, lon: Float64Array, lat: Float64Array): void {
  const slots = h.slots;
  for (let at = 0; at < slots.length; at += 3) {
    const id = slots[at + 2];
    if (id === 0) continue;
    lon[id - 1] = slots[at] * toleranceDeg;
    lat[id - 1] = slots[at + 1] * toleranceDeg;
  }
}
