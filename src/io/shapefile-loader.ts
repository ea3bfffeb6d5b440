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

/**
 * What is wrong with a .shp's header, if anything: shpjs reads a short file as one with fewer (or
 * no) shapes, so the header's file length is checked first.
 */
function shpCutShort(b: Uint8Array): string | undefined {
  if (b.length < 100) return `only ${b.length} bytes long, shorter than a .shp header (100 bytes)`;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (view.getInt32(0, false) !== 9994) return 'not a .shp file (its first bytes are not the shapefile signature)';
  const declared = view.getInt32(24, false) * 2;
  if (declared > b.length) return `cut short: its header gives a length of ${declared.toLocaleString('en-US')} bytes, but it holds ${b.length.toLocaleString('en-US')}`;
  return undefined;
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
    const cut = shpCutShort(shpBytes);
    if (cut) {
      throw new InputError({
        code: 'shapefile-invalid',
        message: `${shpName} in ${fileName} is ${cut}, so its shapes cannot be read.`,
        fix: 'Export the layer again as a Shapefile (or as GeoJSON), zip the new .shp with its .dbf, .shx and .prj, and load that zip.',
        where,
        value: shpName,
      });
    }
    geometries = parseShp(new DataView(shpBytes.buffer, shpBytes.byteOffset, shpBytes.byteLength));
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
      const dbfBytes = await dbf.read();
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
    out.crs = crsFromWkt(new TextDecoder().decode(await prj.read()));
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
