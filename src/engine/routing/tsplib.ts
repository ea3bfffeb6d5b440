/**
 * Reads TSPLIB symmetric instances with EUC_2D coordinates (NODE_COORD_SECTION). Distances follow
 * TSPLIB: nint(Euclidean), so tour lengths compare with the published optima.
 */
import { InputError } from '../../model/errors';

export interface TsplibInstance {
  name: string;
  x: Float64Array;
  y: Float64Array;
  /** row-major n×n, nint(Euclidean) */
  distance: Float64Array;
}

export function parseTsplib(text: string, file = 'instance'): TsplibInstance {
  const lines = text.split(/\r?\n/);
  const header: Record<string, string> = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const l = lines[i].trim();
    if (/^NODE_COORD_SECTION/i.test(l)) break;
    const m = /^([A-Z_]+)\s*:\s*(.*)$/i.exec(l);
    if (m) header[m[1].toUpperCase()] = m[2].trim();
  }
  const type = header.EDGE_WEIGHT_TYPE ?? '';
  if (type !== 'EUC_2D') {
    throw new InputError({ code: 'invalid-value', message: `${file}: EDGE_WEIGHT_TYPE "${type}" is not supported.`, fix: 'Only EUC_2D instances are read.', where: { file, property: 'EDGE_WEIGHT_TYPE' }, value: type });
  }
  const xs: number[] = [];
  const ys: number[] = [];
  for (i++; i < lines.length; i++) {
    const l = lines[i].trim();
    if (!l || /^EOF/i.test(l)) break;
    const f = l.split(/\s+/).map(Number);
    if (f.length < 3 || f.some((v) => !Number.isFinite(v))) {
      throw new InputError({ code: 'invalid-value', message: `${file}: line ${i + 1} "${l}" is not "index x y".`, fix: 'Each NODE_COORD_SECTION line is an index and two coordinates.', where: { file, row: i + 1 } });
    }
    xs.push(f[1]);
    ys.push(f[2]);
  }
  const n = xs.length;
  const dim = Number(header.DIMENSION);
  if (Number.isFinite(dim) && dim !== n) {
    throw new InputError({ code: 'invalid-value', message: `${file}: DIMENSION ${dim} but ${n} coordinates.`, fix: 'Make DIMENSION match the coordinate lines.', where: { file, property: 'DIMENSION' } });
  }
  const distance = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) distance[a * n + b] = Math.round(Math.hypot(xs[a] - xs[b], ys[a] - ys[b]));
  return { name: header.NAME ?? file, x: Float64Array.from(xs), y: Float64Array.from(ys), distance };
}
