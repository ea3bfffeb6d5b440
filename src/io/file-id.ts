/**
 * A LoadedFile id: the file name's stem and a hash of its bytes, e.g. "clinics-3f9a0c1b". The same
 * bytes under the same name always get the same id, whichever layer they are loaded as, and whether
 * the file was read whole or streamed in chunks.
 */
export function fileId(fileName: string, bytes: Uint8Array): string {
  return fileIdFromHash(fileName, hashBytes(FNV_OFFSET, bytes));
}

// FNV-1a, 32 bit: fast enough for 100 MB (≈ 0.3 s) and only has to tell a user's files apart
const FNV_OFFSET = 0x811c9dc5;

function hashBytes(hash: number, bytes: Uint8Array): number {
  let h = hash;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** The same hash as `fileId`, fed chunk by chunk. */
export function createFileHasher(): { update(chunk: Uint8Array): void; id(fileName: string): string } {
  let h = FNV_OFFSET;
  return {
    update(chunk) {
      h = hashBytes(h, chunk);
    },
    id: (fileName) => fileIdFromHash(fileName, h),
  };
}

function fileIdFromHash(fileName: string, h: number): string {
  const stem =
    (fileName.split(/[\\/]/).pop() ?? fileName)
      .replace(/\.[a-z0-9]+$/i, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'file';
  return `${stem}-${(h >>> 0).toString(16).padStart(8, '0')}`;
}
