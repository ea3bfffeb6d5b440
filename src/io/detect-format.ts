import { InputError } from '../model/errors';
import { decodeText } from './decode-text';

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

export type DetectedFormat =
  | { format: 'geojson'; text: string }
  | { format: 'csv'; text: string }
  | { format: 'shapefile-zip' };

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);
const extension = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1].toLowerCase() ?? '';

/** Names a binary format we recognise but do not read, so the message can say what to do instead. */
function knownBinary(b: Uint8Array, ext: string): { what: string; fix: string } | undefined {
  if (startsWith(b, [0x1f, 0x8b])) return { what: 'a gzip-compressed file', fix: 'Decompress it first (e.g. with 7-Zip), then load the file inside.' };
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46])) return { what: 'a PDF document', fix: 'Load the data behind the map instead: GeoJSON, CSV or a zipped Shapefile.' };
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0])) return { what: 'an old Excel workbook (.xls)', fix: 'In Excel, use File ▸ Save As ▸ CSV (Comma delimited), then load the CSV.' };
  if (startsWith(b, [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65])) return { what: 'a GeoPackage or SQLite database', fix: 'Export the layer as GeoJSON (QGIS: right-click the layer ▸ Export ▸ Save Features As ▸ GeoJSON).' };
  if (startsWith(b, [0x00, 0x00, 0x27, 0x0a]) || ext === 'shp')
    return { what: 'the .shp part of a Shapefile on its own', fix: 'Zip the .shp together with its .dbf, .shx and .prj files and load the zip.' };
  if (ext === 'dbf' || ext === 'shx' || ext === 'prj')
    return { what: `the .${ext} part of a Shapefile on its own`, fix: 'Zip the .shp together with its .dbf, .shx and .prj files and load the zip.' };
  if (ext === 'xlsx') return { what: 'an Excel workbook', fix: 'In Excel, use File ▸ Save As ▸ CSV UTF-8, then load the CSV.' };
  return undefined;
}

/** Share of control characters (other than tab, CR, LF) in the first bytes: text files have none. */
function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) return true;
    if (c < 9 || (c > 13 && c < 32)) control++;
  }
  return control > n * 0.05;
}

/** GeoJSON larger than this is read by streaming (see geojson-stream.ts) rather than as one string. */
export const DEFAULT_STREAM_THRESHOLD_BYTES = 20 * 1024 * 1024;
/** The limit for streamed GeoJSON: its features, not its text, are what has to fit in memory. */
export const DEFAULT_MAX_STREAM_BYTES = 512 * 1024 * 1024;

/** The error for a file over a size limit. */
export function fileTooLarge(fileName: string, bytes: number, maxBytes: number, what = ''): InputError {
  return new InputError({
    code: 'file-too-large',
    message: `${fileName} is ${(bytes / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(0)} MB limit${what}.`,
    fix: 'Split it by district or municipality, or simplify its geometry (e.g. mapshaper -simplify 10%), then load the parts.',
    where: { file: fileName },
    value: String(bytes),
  });
}

/**
 * Whether a file's first bytes begin a JSON object or array in UTF-8 (or ASCII): what the streaming
 * GeoJSON reader takes. UTF-16 text and binary data are read whole, where detectFormat names them.
 */
export function startsLikeJson(head: Uint8Array): boolean {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i++;
  return (head[i] === 0x7b || head[i] === 0x5b) && !looksBinary(head);
}

/** GeoJSON, CSV or zipped Shapefile; anything else is refused with a message saying what it is. */
export function detectFormat(bytes: Uint8Array, fileName: string, maxBytes = DEFAULT_MAX_BYTES): DetectedFormat {
  const where = { file: fileName };
  if (bytes.length > maxBytes) throw fileTooLarge(fileName, bytes.length, maxBytes);
  const ext = extension(fileName);
  const isUtf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (bytes.length === 0) {
    throw new InputError({ code: 'empty-file', message: `${fileName} is empty (0 bytes).`, fix: 'Check that the file was saved or downloaded completely, then load it again.', where });
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    if (ext === 'xlsx' || ext === 'docx' || ext === 'kmz' || ext === 'ods') {
      const k = knownBinary(bytes, ext) ?? { what: `a .${ext} file`, fix: 'Load GeoJSON, CSV or a zipped Shapefile instead.' };
      throw new InputError({ code: 'unknown-format', message: `${fileName} is ${k.what}, not a map data file Thusong Planner reads.`, fix: k.fix, where });
    }
    return { format: 'shapefile-zip' };
  }
  const binary = !isUtf16 && knownBinary(bytes, ext);
  if (binary) throw new InputError({ code: 'unknown-format', message: `${fileName} is ${binary.what}, which Thusong Planner does not read.`, fix: binary.fix, where });
  if (!isUtf16 && looksBinary(bytes)) {
    throw new InputError({
      code: 'unknown-format',
      message: `${fileName} holds binary data, not text: it is not GeoJSON, CSV or a zipped Shapefile.`,
      fix: 'Load a GeoJSON (.geojson), a CSV with longitude/latitude columns, or a zipped Shapefile (.zip).',
      where,
    });
  }
  const { text } = decodeText(bytes);
  const first = /\S/.exec(text);
  if (!first) {
    throw new InputError({ code: 'empty-file', message: `${fileName} holds only blank space, no data.`, fix: 'Check that the file was saved or downloaded completely, then load it again.', where });
  }
  const c = first[0];
  if (c === '{' || c === '[') return { format: 'geojson', text };
  if (c === '<') {
    const what = /<kml/i.test(text.slice(0, 2000)) ? 'KML' : /<gpx/i.test(text.slice(0, 2000)) ? 'GPX' : /<html/i.test(text.slice(0, 2000)) ? 'a web page (HTML)' : 'XML';
    throw new InputError({
      code: 'unknown-format',
      message: `${fileName} is ${what}, which Thusong Planner does not read.`,
      fix: what.startsWith('a web page')
        ? 'The download probably saved an error page: download the data file itself again.'
        : 'Convert it to GeoJSON (QGIS: Export ▸ Save Features As ▸ GeoJSON) and load that.',
      where,
    });
  }
  if (ext === 'json' || ext === 'geojson') return { format: 'geojson', text };
  return { format: 'csv', text };
}
