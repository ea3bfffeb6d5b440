/**
 * Whole numbers with thousands grouped by a no-break space, as South African style guides write
 * them (10 000). Written out rather than left to toLocaleString, whose separators differ between
 * browsers and ICU versions (and would make labels and tests drift).
 */
export function groupThousands(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}
