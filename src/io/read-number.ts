/**
 * Numbers as people type them in spreadsheets. Spaces (also non-breaking) and apostrophes are digit
 * group separators. A single comma in a coordinate is always a decimal comma ("-33,9249"): nobody
 * groups the digits of degrees. In a count, commas between groups of three are thousands separators
 * ("1,234,567") unless the file uses decimal commas (semicolon-delimited files do).
 * Returns NaN for empty or non-numeric text.
 */
export function readNumber(value: unknown, kind: 'coordinate' | 'count' = 'count', decimalComma = false): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return NaN;
  let s = value.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (!s) return NaN;
  const singleComma = /^[-+]?\d*,\d+$/.test(s);
  if (kind === 'coordinate') {
    if (singleComma) s = s.replace(',', '.');
  } else if (decimalComma) {
    if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
    else if (singleComma) s = s.replace(',', '.');
  } else if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) {
    s = s.replace(/,/g, '');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return NaN;
  return Number(s);
}
