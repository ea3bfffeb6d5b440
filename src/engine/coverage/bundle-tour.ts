/**
 * The best round trip from home that collects every service of a bundle: a tiny travelling-
 * salesman problem over the candidate sites (at most a handful), solved exactly by depth-first
 * search over orders with pruning. Simplifications, chosen on purpose:
 *  - a stop is only added if it offers a service not yet collected (with travel times that obey
 *    the triangle inequality, an extra stop can never shorten the trip);
 *  - the way home from the last stop takes as long as the way there from home (`home[last]`):
 *    exact on two-way roads, and we only have home → office times per settlement. One-way
 *    streets make the two legs differ by a little; the bias is the same in both trips compared.
 */

export interface TourResult {
  /** Infinity when no order collects every service */
  minutes: number;
  stops: number;
  /** candidate indices in visiting order (first `stops` entries) */
  order: Int32Array;
}

export interface TourScratch {
  used: Uint8Array;
  path: Int32Array;
}

export function createTourResult(maxStops = 8): TourResult {
  return { minutes: Infinity, stops: 0, order: new Int32Array(maxStops) };
}

export function createTourScratch(maxCandidates = 32): TourScratch {
  return { used: new Uint8Array(maxCandidates), path: new Int32Array(maxCandidates) };
}

interface Problem {
  count: number;
  home: Float64Array;
  mask: Int32Array;
  full: number;
  between: Float64Array;
}

function extend(p: Problem, s: TourScratch, out: TourResult, last: number, covered: number, cost: number, depth: number): void {
  for (let c = 0; c < p.count; c++) {
    if (s.used[c] || (p.mask[c] & ~covered) === 0) continue;
    const step = depth === 0 ? p.home[c] : p.between[last * p.count + c];
    const reached = cost + step;
    if (!(reached < out.minutes)) continue; // also skips NaN and Infinity legs
    const now = covered | p.mask[c];
    s.path[depth] = c;
    if (now === p.full) {
      const total = reached + p.home[c];
      if (total < out.minutes) {
        out.minutes = total;
        out.stops = depth + 1;
        for (let k = 0; k <= depth; k++) out.order[k] = s.path[k];
      }
    } else {
      s.used[c] = 1;
      extend(p, s, out, c, now, reached, depth + 1);
      s.used[c] = 0;
    }
  }
}

/**
 * @param count candidate sites
 * @param home minutes from home to each candidate
 * @param mask bundle services each candidate offers, as bits
 * @param full the bits of the whole bundle
 * @param between count×count minutes, candidate i → candidate j at [i·count + j]
 */
export function bestTour(
  count: number,
  home: Float64Array,
  mask: Int32Array,
  full: number,
  between: Float64Array,
  out: TourResult = createTourResult(),
  scratch: TourScratch = createTourScratch(count),
): TourResult {
  out.minutes = Infinity;
  out.stops = 0;
  scratch.used.fill(0, 0, count);
  if (full === 0) {
    out.minutes = 0;
    return out;
  }
  extend({ count, home, mask, full, between }, scratch, out, -1, 0, 0, 0);
  return out;
}
