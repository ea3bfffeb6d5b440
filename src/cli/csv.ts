/** Minimal CSV writing (RFC 4180 quoting) for the command line's outputs. */

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: Array<string | number | null | undefined>): string {
  return fields.map(csvField).join(',');
}

/** A count: integer when whole, else two decimals. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '';
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}
