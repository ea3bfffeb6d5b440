import Papa from 'papaparse';
import type { Geometry } from 'geojson';
import type { InputIssue } from '../model/errors';
import { findCoordinateColumns, findWktColumn, guessCoordinateColumnsByValue } from './coordinate-columns';
import { stripBom } from './decode-text';
import { issue, LEFT_OUT, quoteValue } from './input-issues';
import { parseWkt } from './parse-wkt';
import { readNumber } from './read-number';
import type { SourceFeature, SourceFile } from './source-features';

export interface CsvLoadOptions {
  fileName: string;
  csvColumns?: { lon: string; lat: string };
  /** the user has seen the mapping step: duplicate or missing headers are no longer a reason to stop */
  userMapped: boolean;
}

/** Which columns made the geometry. */
export type CsvGeometryColumns = { lon: string; lat: string } | { wkt: string };

export type CsvLoad =
  | { ok: true; source: SourceFile; columns: CsvGeometryColumns; delimiter: string }
  | {
      ok: false;
      errors: InputIssue[];
      /** column names (made unique), for the mapping step */
      fields: string[];
      sample: Record<string, string>[];
      needsCoordinates: boolean;
      guessedLon?: string;
      guessedLat?: string;
    };

const DELIMITERS = [',', ';', '\t', '|'];
const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** The delimiter that occurs most often (outside quotes) in the header line; comma on a tie. */
export function detectDelimiter(text: string): string {
  const nl = text.search(/\r?\n/);
  const line = nl < 0 ? text : text.slice(0, nl);
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** A header row that is really data: it holds a decimal number, or mostly numbers. */
function looksLikeData(cells: string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '');
  if (!filled.length) return false;
  const numeric = filled.filter((c) => !Number.isNaN(readNumber(c, 'coordinate')));
  return numeric.some((c) => /\d[.,]\d/.test(c)) || numeric.length * 2 > filled.length;
}

const isBlankRow = (r: string[]) => r.every((c) => c.trim() === '');

/** Reads a CSV: delimiter, header, coordinate or WKT columns, one feature per data row. */
export function loadCsv(rawText: string, options: CsvLoadOptions): CsvLoad {
  const { fileName } = options;
  const text = stripBom(rawText);
  const delimiter = detectDelimiter(text);
  const decimalComma = delimiter !== ',';
  const parsed = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false, dynamicTyping: false });
  const issues: InputIssue[] = [];
  const quoteError = parsed.errors.find((e) => e.code === 'MissingQuotes');
  let rows = parsed.data;
  while (rows.length && isBlankRow(rows[rows.length - 1])) rows.pop();
  if (quoteError) {
    const row = quoteError.row ?? 0; // papaparse counts the header as row 0: this is the data row
    return {
      ok: false,
      errors: [
        issue(
          'malformed-csv',
          'error',
          `Row ${row} of ${fileName} opens a quote (") that never closes, so the rest of the file cannot be split into cells.`,
          'Close the quote or remove it; a quote inside a cell is written twice ("").',
          { file: fileName, row },
        ),
      ],
      fields: [],
      sample: [],
      needsCoordinates: false,
    };
  }
  if (!rows.length) {
    return {
      ok: false,
      errors: [issue('empty-file', 'error', `${fileName} has no rows.`, 'Check that the file was saved completely.', { file: fileName })],
      fields: [],
      sample: [],
      needsCoordinates: false,
    };
  }

  // header: names, or made-up names when the first row is data
  const first = rows[0].map((c) => c.trim());
  const headerless = looksLikeData(first);
  const width = Math.max(...rows.slice(0, 100).map((r) => r.length));
  let fields: string[];
  let data: string[][];
  const stops: InputIssue[] = [];
  if (headerless) {
    fields = Array.from({ length: width }, (_, i) => `column ${i + 1}`);
    data = rows;
    if (!options.userMapped) {
      stops.push(
        issue(
          'missing-header',
          'error',
          `The first row of ${fileName} (“${quoteValue(first.join(DELIMITER_NAMES[delimiter] === 'comma' ? ', ' : ' | '))}”) looks like data, not column names.`,
          'Choose which column holds what below, or add a header row (e.g. name,longitude,latitude) and load the file again.',
          { file: fileName, row: 1 },
          first.join(delimiter),
        ),
      );
    }
  } else {
    data = rows.slice(1);
    const seen = new Map<string, number>();
    fields = first.map((name, i) => {
      const base = name || `column ${i + 1}`;
      const firstAt = seen.get(base.toLowerCase());
      if (firstAt === undefined) {
        seen.set(base.toLowerCase(), i);
        return base;
      }
      stops.push(
        issue(
          'duplicate-column',
          options.userMapped ? 'warning' : 'error',
          `Columns ${firstAt + 1} and ${i + 1} of ${fileName} are both called “${base}”; the second is shown as “${base} (column ${i + 1})”.`,
          'Rename one of them in the file, or choose the right one below.',
          { file: fileName, property: base },
          base,
        ),
      );
      return `${base} (column ${i + 1})`;
    });
  }
  // data rows with 1-based numbers; blank lines keep their number so rows match the spreadsheet
  const numbered = data.map((cells, i) => ({ cells, row: i + 1 })).filter((r) => !isBlankRow(r.cells));
  const sample = numbered.slice(0, 5).map(({ cells }) => Object.fromEntries(fields.map((f, i) => [f, (cells[i] ?? '').trim()])));
  const valueRows = numbered.slice(0, 50).map((r) => r.cells);

  // geometry columns: chosen by the user, else WKT, else longitude/latitude by name
  let columns: CsvGeometryColumns | undefined;
  let guessed: { lon?: string; lat?: string } = {};
  if (options.csvColumns) {
    const missing = [options.csvColumns.lon, options.csvColumns.lat].filter((c) => !fields.includes(c));
    if (missing.length) {
      stops.push(
        issue(
          'missing-column',
          'error',
          `${fileName} has no column “${missing[0]}” (its columns are ${fields.join(', ')}).`,
          'Choose the longitude and latitude columns from the list.',
          { file: fileName, property: missing[0] },
          missing[0],
        ),
      );
    } else columns = { lon: options.csvColumns.lon, lat: options.csvColumns.lat };
  } else {
    const wkt = findWktColumn(fields, valueRows);
    if (wkt) columns = { wkt };
    else {
      const found = findCoordinateColumns(fields);
      const byValue = guessCoordinateColumnsByValue(fields, valueRows);
      guessed = { lon: found.lon ?? byValue.lon, lat: found.lat ?? byValue.lat };
      if (found.lon && found.lat && !headerless) columns = { lon: found.lon, lat: found.lat };
      else if (!headerless) {
        stops.push(
          issue(
            'missing-column',
            'error',
            found.ambiguous.length
              ? `${fileName} has several columns that could be coordinates (${found.ambiguous.join(', ')}).`
              : `${fileName} has no longitude/latitude columns that Thusong Planner recognises (its columns are ${fields.slice(0, 12).join(', ')}${fields.length > 12 ? ', …' : ''}).`,
            'Choose the longitude (x) and latitude (y) columns, or add columns named longitude and latitude (or lengtegraad and breedtegraad) and load the file again.',
            { file: fileName },
          ),
        );
      }
    }
  }
  const blocking = stops.filter((s) => s.severity === 'error');
  if (blocking.length || !columns) {
    return {
      ok: false,
      errors: stops,
      fields,
      sample,
      needsCoordinates: !columns || !!options.csvColumns,
      guessedLon: guessed.lon,
      guessedLat: guessed.lat,
    };
  }
  issues.push(...stops);

  const col = (name: string) => fields.indexOf(name);
  let widthWarned = false;
  const features: SourceFeature[] = [];
  for (const { cells, row } of numbered) {
    const properties: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) properties[fields[i]] = (cells[i] ?? '').trim();
    if (cells.length > fields.length && !widthWarned) {
      widthWarned = true;
      issues.push(
        issue(
          'malformed-csv',
          'warning',
          `Row ${row} has ${cells.length} cells but the header has ${fields.length} columns; the extra cells were ignored${numbered.length > 1 ? ' (in this and any other such rows)' : ''}.`,
          'Check for an unquoted delimiter inside a value (put such values in double quotes).',
          { file: fileName, row },
        ),
      );
    }
    const feature: SourceFeature = { index: row - 1, row, geometry: null, properties };
    const geometry = rowGeometry(cells, columns, col, decimalComma, feature, fileName);
    // an unreadable row stays in the list so the pipeline reports it and counts it as dropped
    if ('code' in geometry) feature.unreadable = geometry;
    else feature.geometry = geometry;
    features.push(feature);
  }
  return { ok: true, source: { format: 'csv', features, fields, issues }, columns, delimiter };
}

function rowGeometry(
  cells: string[],
  columns: CsvGeometryColumns,
  col: (name: string) => number,
  decimalComma: boolean,
  f: SourceFeature,
  file: string,
): Geometry | InputIssue {
  const where = (property: string) => ({ file, row: f.row, property });
  if ('wkt' in columns) {
    const raw = (cells[col(columns.wkt)] ?? '').trim();
    if (!raw) return issue('empty-geometry', 'warning', `Row ${f.row} has an empty “${columns.wkt}” cell, so no geometry. ${LEFT_OUT}`, 'Fill in its geometry, or delete the row.', where(columns.wkt));
    const g = parseWkt(raw);
    return (
      g ??
      issue(
        'invalid-coordinate',
        'warning',
        `Row ${f.row} has a “${columns.wkt}” value that is not a readable WKT geometry: “${quoteValue(raw)}”. ${LEFT_OUT}`,
        'Write it as e.g. POINT (18.42 -33.92) or POLYGON ((…)), longitude first.',
        where(columns.wkt),
        raw,
      )
    );
  }
  const lonText = (cells[col(columns.lon)] ?? '').trim();
  const latText = (cells[col(columns.lat)] ?? '').trim();
  for (const [name, text, what] of [
    [columns.lon, lonText, 'longitude'],
    [columns.lat, latText, 'latitude'],
  ] as const) {
    if (!text) {
      return issue('invalid-coordinate', 'warning', `Row ${f.row} has no ${what}: its “${name}” cell is empty. ${LEFT_OUT}`, `Fill in the ${what}, or delete the row.`, where(name));
    }
    if (Number.isNaN(readNumber(text, 'coordinate', decimalComma))) {
      return issue(
        'invalid-coordinate',
        'warning',
        `Row ${f.row} has a ${what} that is not a number: “${quoteValue(text)}” in “${name}”. ${LEFT_OUT}`,
        `Write the ${what} as a decimal number of degrees, e.g. ${what === 'longitude' ? '18.4241' : '-33.9249'}.`,
        where(name),
        text,
      );
    }
  }
  return { type: 'Point', coordinates: [readNumber(lonText, 'coordinate', decimalComma), readNumber(latText, 'coordinate', decimalComma)] };
}
