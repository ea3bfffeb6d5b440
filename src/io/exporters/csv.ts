/**
 * A CSV writer that is safe to open in Excel: RFC 4180 quoting, and text cells that begin with
 * = + - @ (or tab / carriage return) prefixed with ' so a spreadsheet never runs them as formulas
 * (OWASP "CSV injection"). Numbers are written as numbers, so -33.92 stays a number.
 */
export interface CsvWriteOptions {
  /** column order; default: keys in order of first appearance */
  columns?: string[];
  /** default ',' */
  delimiter?: ',' | ';' | '\t';
  /** start with a UTF-8 byte order mark so Excel reads accents correctly; default false */
  bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, quoted when it must be. */
export function csvCell(value: unknown, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  const mustQuote = s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') || s !== s.trim();
  return mustQuote ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line of cells (no line break). */
export const csvRow = (fields: ReadonlyArray<unknown>, delimiter = ','): string => fields.map((f) => csvCell(f, delimiter)).join(delimiter);

/** Rows of plain objects → CSV text with a header row and CRLF line ends. */
export function toCsv(rows: ReadonlyArray<Record<string, unknown>>, options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  let columns = options.columns;
  if (!columns) {
    const seen = new Set<string>();
    for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
    columns = [...seen];
  }
  const lines = [columns.map((c) => csvCell(c, delimiter)).join(delimiter)];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c], delimiter)).join(delimiter));
  return (options.bom ? '\ufeff' : '') + lines.join('\r\n') + '\r\n';
}

/** A count of people: integer when whole, else two decimals (apportioned populations); empty when not finite. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '';
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}
