import { parseDbf, parseShp } from 'shpjs';
import type { Geometry } from 'geojson';
import { InputError, type InputIssue } from '../model/errors';
import { crsFromWkt } from './crs';
import { issue } from './input-issues';
import { listZip, ZipFormatError, type ZipEntry } from './read-zip';
import type { SourceFeature, SourceFile } from './source-features';

const ext = (name: string) => /\.([^./]+)$/.exec(name)?.[1].toLowerCase() ?? '';
const stem = (name: string) => name.replace(/\.[^./]+$/, '');
const baseName = (name: string) => name.split('/').pop() ?? name;

/** Values from a .dbf: dates as YYYY-MM-DD text, empty numeric cells as null. */
function cleanDbfValue(v: unknown): unknown {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    const p = (n: number) => String(n).padStart(2, '0');
    return `${v.getFullYear()}-${p(v.getMonth() + 1)}-${p(v.getDate())}`;
  }
  if (typeof v === 'number' && Number.isNaN(v)) return null;
  if (typeof v === 'string') return v.trim();
  return v;
}

/** Shape types shpjs reads: points, lines, polygons, multipoints, and their Z and M forms. */
const READABLE_SHAPE_TYPES = new Set([1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28]);

/**
 * A .shp checked before shpjs reads it, which turns damage into odd exceptions or silently fewer
 * shapes. `error`: nothing can be read. `readable`: the byte length up to the first damaged record
 * (`damaged` is that record's 1-based number), so the shapes before it can still be read.
 */
function checkShp(b: Uint8Array): { error?: string; readable: number; damaged?: number } {
  if (b.length < 100) return { error: `only ${b.length} bytes long, shorter than a .shp header (100 bytes)`, readable: 0 };
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (view.getInt32(0, false) !== 9994) return { error: 'not a .shp file (its first bytes are not the shapefile signature)', readable: 0 };
  const declared = view.getInt32(24, false) * 2;
  if (declared > b.length) return { error: `cut short: its header gives a length of ${declared.toLocaleString('en-US')} bytes, but it holds ${b.length.toLocaleString('en-US')}`, readable: 0 };
  const type = view.getInt32(32, true);
  if (type === 0) return { error: 'a file of null shapes (shape type 0): it has no geometry', readable: 0 };
  if (!READABLE_SHAPE_TYPES.has(type)) return { error: `of shape type ${type}, which is not a point, line or polygon type (1, 3, 5, 8 and their Z and M forms)`, readable: 0 };
  let offset = 100;
  for (let n = 1; offset + 8 <= b.length; n++) {
    const length = view.getInt32(offset + 4, false) * 2;
    if (length !== 0 && (length < 4 || offset + 8 + length > b.length)) return { readable: offset, damaged: n };
    offset += 8 + length;
  }
  return { readable: b.length };
}

/** Shapes listed in a .shx (100-byte header, 8 bytes per shape); undefined when it is not a .shx. */
function shxRecordCount(b: Uint8Array): number | undefined {
  if (b.length < 100 || new DataView(b.buffer, b.byteOffset, b.byteLength).getInt32(0, false) !== 9994) return undefined;
  return Math.floor((b.length - 100) / 8);
}

/**
 * A .dbf whose header counts no more records than its bytes hold: the reader loops over the count
 * from the header, so one damaged byte there (4 billion records) would run out of memory. A count
 * that does not fit is cut to what fits, in a copy, and reported.
 */
function dbfWithReadableCount(b: Uint8Array): { bytes: Uint8Array; declared?: number; fits: number } {
  if (b.length < 32) throw new Error(`it is only ${b.length} bytes long, shorter than a .dbf header (32 bytes)`);
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const declared = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  const fits = recordLength > 0 ? Math.floor(Math.max(0, b.length - headerLength) / recordLength) : 0;
  if (declared <= fits) return { bytes: b, fits: declared };
  const copy = new Uint8Array(b); // a copy even when b is a Node Buffer, whose slice() is a view
  new DataView(copy.buffer).setUint32(4, fits, true);
  return { bytes: copy, declared, fits };
}

/**
 * A zipped Shapefile: .shp geometry through shpjs (without its reprojection), .dbf attributes
 * (code page from .cpg), and the .prj recognised by crs.ts. A missing .dbf or .prj is a warning:
 * the geometry still loads, and without a .prj the CRS is judged from the numbers.
 */
export async function loadShapefileZip(bytes: Uint8Array, fileName: string): Promise<SourceFile> {
  const where = { file: fileName };
  let entries: ZipEntry[];
  try {
    entries = listZip(bytes);
  } catch (e) {
    if (!(e instanceof ZipFormatError)) throw e;
    throw new InputError({ code: 'shapefile-invalid', message: `${fileName} cannot be opened as a zip: ${e.message}.`, fix: 'Zip the shapefile parts again and load the new zip.', where });
  }
  entries = entries.filter((e) => !e.name.includes('__MACOSX/') && !baseName(e.name).startsWith('.'));
  const shps = entries.filter((e) => ext(e.name) === 'shp');
  if (shps.length === 0) {
    const names = entries.map((e) => baseName(e.name));
    throw new InputError({
      code: 'shapefile-missing-part',
      message: `${fileName} holds no .shp file${names.length ? ` (it holds ${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''})` : ' (it is empty)'}.`,
      fix: names.some((n) => /\.(geo)?json$|\.csv$/i.test(n))
        ? 'Unzip it and load the GeoJSON or CSV inside.'
        : 'Zip the .shp together with its .dbf, .shx and .prj files and load that zip.',
      where,
    });
  }
  if (shps.length > 1) {
    throw new InputError({
      code: 'shapefile-invalid',
      message: `${fileName} holds ${shps.length} shapefiles (${shps.map((s) => baseName(s.name)).join(', ')}); Thusong Planner reads one per zip.`,
      fix: 'Zip each shapefile (its .shp, .dbf, .shx and .prj) separately and load the zips one by one.',
      where,
    });
  }
  const shp = shps[0];
  const base = stem(shp.name).toLowerCase();
  const part = (e: string) => entries.find((x) => stem(x.name).toLowerCase() === base && ext(x.name) === e);
  const issues: InputIssue[] = [];
  const shpName = baseName(shp.name);

  let geometries: Array<Geometry | null>;
  try {
    const shpBytes = await shp.read();
    const checked = checkShp(shpBytes);
    const damagedFrom = checked.damaged === undefined ? '' : ` at shape ${checked.damaged} (byte ${checked.readable.toLocaleString('en-US')})`;
    if (checked.error || checked.readable <= 100) {
      throw new InputError({
        code: 'shapefile-invalid',
        message: checked.error
          ? `${shpName} in ${fileName} is ${checked.error}, so its shapes cannot be read.`
          : `${shpName} in ${fileName} holds ${(shpBytes.length - 100).toLocaleString('en-US')} bytes of shapes, but not one can be read: it is damaged${damagedFrom}.`,
        fix: 'Export the layer again as a Shapefile (or as GeoJSON), zip the new .shp with its .dbf, .shx and .prj, and load that zip.',
        where,
        value: shpName,
      });
    }
    geometries = parseShp(new DataView(shpBytes.buffer, shpBytes.byteOffset, checked.readable));
    if (checked.damaged !== undefined) {
      issues.push(
        issue(
          'shapefile-invalid',
          'warning',
          `${shpName} in ${fileName} is damaged${damagedFrom}: ${geometries.length === 1 ? 'the shape before it was' : `the ${geometries.length} shapes before it were`} read, the rest left out.`,
          'Export the layer again as a Shapefile (or as GeoJSON) and load the new file.',
          where,
          shpName,
        ),
      );
    }
    // the .shx is only a cross-check here: a damaged one is no reason to refuse the shapes
    const shx = part('shx');
    const indexed = shx ? await shx.read().then(shxRecordCount, () => undefined) : undefined;
    if (checked.damaged === undefined && indexed !== undefined && indexed > geometries.length) {
      issues.push(
        issue(
          'shapefile-invalid',
          'warning',
          `${shpName} in ${fileName} holds ${geometries.length} readable shape${geometries.length === 1 ? '' : 's'}, but its index (${stem(shpName)}.shx) lists ${indexed}: the .shp is damaged after shape ${geometries.length}, and the rest were left out.`,
          'Export the layer again as a Shapefile (or as GeoJSON) and load the new file.',
          where,
          shpName,
        ),
      );
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError({
      code: 'shapefile-invalid',
      message: `${shpName} in ${fileName} cannot be read: ${e instanceof Error ? e.message : String(e)}.`,
      fix: 'Export the layer again as a Shapefile (or as GeoJSON) and load the new file.',
      where,
    });
  }

  let records: Array<Record<string, unknown>> = [];
  const dbf = part('dbf');
  if (!dbf) {
    issues.push(
      issue(
        'shapefile-missing-part',
        'warning',
        `${fileName} has no .dbf beside ${shpName}, so its features have no attributes (names, codes, population …).`,
        `Add ${stem(shpName)}.dbf to the zip and load it again.`,
        where,
        `${stem(shpName)}.dbf`,
      ),
    );
  } else {
    try {
      const cpgEntry = part('cpg');
      const cpg = cpgEntry ? new TextDecoder().decode(await cpgEntry.read()).trim() : undefined;
      const checked = dbfWithReadableCount(await dbf.read());
      if (checked.declared !== undefined) {
        issues.push(
          issue(
            'shapefile-invalid',
            'warning',
            `${baseName(dbf.name)} in ${fileName} says it holds ${checked.declared.toLocaleString('en-US')} records, but only ${checked.fits.toLocaleString('en-US')} fit in its ${checked.bytes.length.toLocaleString('en-US')} bytes; those were read.`,
            'Export the layer again: the .dbf is damaged or was cut short.',
            where,
            baseName(dbf.name),
          ),
        );
      }
      const dbfBytes = checked.bytes;
      records = parseDbf(new DataView(dbfBytes.buffer, dbfBytes.byteOffset, dbfBytes.byteLength), cpg);
    } catch (e) {
      throw new InputError({
        code: 'shapefile-invalid',
        message: `${baseName(dbf.name)} in ${fileName} cannot be read: ${e instanceof Error ? e.message : String(e)}.`,
        fix: 'Export the layer again as a Shapefile (or as GeoJSON) and load the new file.',
        where,
      });
    }
    if (records.length !== geometries.length) {
      issues.push(
        issue(
          'shapefile-invalid',
          'warning',
          `${shpName} in ${fileName} has ${geometries.length} shapes but ${baseName(dbf.name)} has ${records.length} records; attributes may belong to the wrong shapes.`,
          'Export the layer again so the .shp and .dbf come from the same save.',
          where,
        ),
      );
    }
  }

  const out: SourceFile = { format: 'shapefile', features: [], fields: [], issues };
  const prj = part('prj');
  if (!prj) {
    issues.push(
      issue(
        'shapefile-missing-part',
        'warning',
        `${fileName} has no .prj beside ${shpName}, so its coordinate system was judged from the numbers.`,
        `Add ${stem(shpName)}.prj to the zip if the features appear in the wrong place.`,
        where,
        `${stem(shpName)}.prj`,
      ),
    );
  } else {
    try {
      out.crs = crsFromWkt(new TextDecoder().decode(await prj.read()));
    } catch (e) {
      if (!(e instanceof ZipFormatError)) throw e;
      // a damaged .prj is no reason to refuse the shapes: judge the CRS from the numbers, and say so
      issues.push(
        issue(
          'shapefile-invalid',
          'warning',
          `${baseName(prj.name)} in ${fileName} cannot be read (${e.message}), so its coordinate system was judged from the numbers.`,
          'Zip the shapefile parts again (with an intact .prj) if the features appear in the wrong place.',
          where,
          baseName(prj.name),
        ),
      );
    }
  }

  const fieldSet = new Set<string>();
  out.features = geometries.map((geometry, index): SourceFeature => {
    const raw = records[index] ?? {};
    const properties: Record<string, unknown> = {};
    for (const k in raw) {
      properties[k] = cleanDbfValue(raw[k]);
      fieldSet.add(k);
    }
    return { index, geometry, properties };
  });
  out.fields = [...fieldSet];
  return out;
}
