/**
 * Road centre-lines that wander like real ones: a sum of a few random sine modes across the line
 * (long, gentle bends dominate; short ones are weaker), ends pinned so the line meets its
 * junctions exactly, plus a little per-vertex jitter like hand digitising.
 */
import { normal, type Rng } from './prng';

/**
 * The vertices strictly between (ax, ay) and (bx, by), flat x,y in km, about `spacingKm` apart.
 * `bend` is the typical sideways excursion as a fraction of the line's length.
 */
export function wanderingLine(rng: Rng, ax: number, ay: number, bx: number, by: number, spacingKm: number, bend: number): Float64Array {
  const dx = bx - ax;
  const dy = by - ay;
  const len = Math.hypot(dx, dy);
  const segments = Math.max(1, Math.round(len / spacingKm));
  const out = new Float64Array((segments - 1) * 2);
  if (segments === 1) return out;
  const nx = -dy / len;
  const ny = dx / len;
  const modes = Math.min(6, Math.max(1, segments >> 1));
  const amps = new Float64Array(modes);
  for (let k = 0; k < modes; k++) amps[k] = (normal(rng) * bend * len) / Math.pow(k + 1, 1.6);
  const jitter = 0.12 * Math.min(spacingKm, len / segments);
  for (let i = 1; i < segments; i++) {
    const s = i / segments;
    // sin((k+1)·πs) by the Chebyshev recurrence: one sin and one cos per vertex
    const c2 = 2 * Math.cos(Math.PI * s);
    let prev = 0;
    let cur = Math.sin(Math.PI * s);
    let side = 0;
    for (let k = 0; k < modes; k++) {
      side += amps[k] * cur;
      const next = c2 * cur - prev;
      prev = cur;
      cur = next;
    }
    side += (rng.next() - 0.5) * jitter;
    out[2 * (i - 1)] = ax + s * dx + side * nx;
    out[2 * (i - 1) + 1] = ay + s * dy + side * ny;
  }
  return out;
}
