/**
 * A minimal zip reader: the central directory, stored and deflated entries. Deflate goes through
 * DecompressionStream('deflate-raw'), present in browsers, workers and Node ≥ 20, so no library and
 * no DOM is needed.
 */
import { concatBytes } from './concat-bytes';

export interface ZipEntry {
  name: string;
  /** uncompressed size from the directory */
  size: number;
  read(): Promise<Uint8Array>;
}

export class ZipFormatError extends Error {}

export function listZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // end of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('the zip has no central directory (it is truncated or not a zip)');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw new ZipFormatError('the zip directory is damaged');
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    entries.push({
      name,
      size,
      read: async () => {
        if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== 0x04034b50) throw new ZipFormatError(`the zip entry ${name} is damaged`);
        const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
        const raw = bytes.subarray(start, start + compressedSize);
        if (method === 0) return raw;
        if (method !== 8) throw new ZipFormatError(`the zip entry ${name} uses compression method ${method}, which only deflate and store are read`);
        try {
          return await inflateRaw(raw, size, name);
        } catch (e) {
          if (e instanceof ZipFormatError) throw e;
          // browsers say TypeError, Node a zlib Error: either way the compressed bytes are damaged
          throw new ZipFormatError(`the zip entry ${name} cannot be decompressed (${e instanceof Error ? e.message : String(e)})`);
        }
      },
    });
  }
  return entries;
}

/** No entry is inflated past this, whatever its directory says. */
const MAX_ENTRY_BYTES = 1024 * 1024 * 1024;

/**
 * Inflates an entry, stopping as soon as it grows past the size the directory gives it (and past
 * 1 GiB in any case): a damaged or hostile zip (a "zip bomb") cannot make it fill memory.
 */
async function inflateRaw(raw: Uint8Array, size: number, name: string): Promise<Uint8Array> {
  const limit = Math.min(size, MAX_ENTRY_BYTES);
  const reader = new Blob([raw as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const parts: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const r = await reader.read();
    if (r.done) break;
    length += r.value.length;
    if (length > limit) {
      await reader.cancel();
      throw new ZipFormatError(`the zip entry ${name} inflates to more than the ${limit.toLocaleString('en-US')} bytes ${limit < size ? 'Thusong Planner reads from one entry' : 'its directory gives'}`);
    }
    parts.push(r.value);
  }
  return concatBytes(parts, length);
}
