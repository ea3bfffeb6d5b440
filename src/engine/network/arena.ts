/**
 * Carves many typed arrays out of one ArrayBuffer.
 *
 * Why: V8 starts a full garbage collection each time ~64 MB of new typed-array memory appears.
 * With a large GeoJSON still alive (the caller's input), each such collection marks millions of
 * objects — ~0.3 s apiece. Twenty separate arrays for a 1M-node graph cost three of them; one
 * buffer costs at most one. A structured clone copies a shared buffer once, and a worker can
 * transfer it whole.
 */

export interface Arena {
  buffer: ArrayBuffer;
  offset: number;
}

type Typed = Float64Array | Float32Array | Uint32Array | Int32Array | Uint8Array | Int8Array;
type TypedCtor<T extends Typed> = { new (buffer: ArrayBuffer, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number };

export interface ArenaPlan {
  bytes: number;
}

const align8 = (n: number) => (n + 7) & ~7;

/** Adds the space for `length` elements of `ctor` to a plan (8-byte aligned). */
export function plan<T extends Typed>(p: ArenaPlan, ctor: TypedCtor<T>, length: number): void {
  p.bytes += align8(ctor.BYTES_PER_ELEMENT * Math.max(0, length));
}

export function createArena(bytes: number): Arena {
  return { buffer: new ArrayBuffer(Math.max(8, bytes)), offset: 0 };
}

/** The next `length` elements of the arena as a zero-filled typed array. */
export function take<T extends Typed>(arena: Arena, ctor: TypedCtor<T>, length: number): T {
  const n = Math.max(0, length);
  const bytes = align8(ctor.BYTES_PER_ELEMENT * n);
  if (arena.offset + bytes > arena.buffer.byteLength) throw new Error(`arena overflow: ${arena.offset + bytes} > ${arena.buffer.byteLength}`);
  const out = new ctor(arena.buffer, arena.offset, n);
  arena.offset += bytes;
  return out;
}
