/**
 * The working form all three models share: for each demand point, the eligible candidates that can
 * serve it (CSR), optionally sorted nearest-first, and the transpose (for each candidate, the demand
 * it reaches). Built once from a dense or sparse problem; ineligible candidates and unreachable
 * pairs are dropped here so no solver has to think about them again.
 */
import type { LocationProblem } from './problem';

export interface DemandLists {
  demandCount: number;
  candidateCount: number;
  /** demandCount + 1 */
  offsets: Uint32Array;
  candidates: Uint32Array;
  minutes: Float32Array;
  /** true when each demand's list is ordered by minutes ascending (ties by candidate index) */
  sorted: boolean;
}

export interface CandidateLists {
  /** candidateCount + 1 */
  offsets: Uint32Array;
  demands: Uint32Array;
}

/**
 * Per-demand lists of the eligible candidates within `withinMinutes` (inclusive). With `sort`, each
 * list is ordered nearest-first — what p-median needs to stop scanning early.
 */
export function buildDemandLists(p: LocationProblem, withinMinutes = Infinity, sort = false): DemandLists {
  const m = p.demandCount;
  const n = p.candidateCount;
  const eligible = p.eligible;
  const offsets = new Uint32Array(m + 1);
  const keep = (j: number, t: number) => t <= withinMinutes && t < Infinity && (!eligible || eligible[j] !== 0);

  let count = 0;
  if (p.minutes) {
    const mat = p.minutes;
    for (let d = 0; d < m; d++) {
      const row = d * n;
      for (let j = 0; j < n; j++) if (keep(j, mat[row + j])) count++;
      offsets[d + 1] = count;
    }
  } else {
    const s = p.sparse!;
    for (let d = 0; d < m; d++) {
      for (let e = s.offsets[d]; e < s.offsets[d + 1]; e++) if (keep(s.candidates[e], s.minutes[e])) count++;
      offsets[d + 1] = count;
    }
  }
  const candidates = new Uint32Array(count);
  const minutes = new Float32Array(count);
  let e = 0;
  if (p.minutes) {
    const mat = p.minutes;
    for (let d = 0; d < m; d++) {
      const row = d * n;
      for (let j = 0; j < n; j++) {
        const t = mat[row + j];
        if (keep(j, t)) {
          candidates[e] = j;
          minutes[e++] = t;
        }
      }
    }
  } else {
    const s = p.sparse!;
    for (let d = 0; d < m; d++) {
      for (let k = s.offsets[d]; k < s.offsets[d + 1]; k++) {
        const j = s.candidates[k];
        const t = s.minutes[k];
        if (keep(j, t)) {
          candidates[e] = j;
          minutes[e++] = t;
        }
      }
    }
  }
  if (sort) sortListsByMinutes(offsets, candidates, minutes, m);
  return { demandCount: m, candidateCount: n, offsets, candidates, minutes, sorted: sort };
}

const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);
const SHIFT = 2 ** 21;

/**
 * Sorts every list by minutes with a native numeric sort: a non-negative float32's bit pattern is
 * monotone as an unsigned integer, so bits × 2^21 + candidate is an exact float64 key (< 2^53)
 * ordering by minutes, then candidate index. Far faster than a comparator sort.
 */
function sortListsByMinutes(offsets: Uint32Array, candidates: Uint32Array, minutes: Float32Array, m: number): void {
  let longest = 0;
  for (let d = 0; d < m; d++) longest = Math.max(longest, offsets[d + 1] - offsets[d]);
  const keys = new Float64Array(longest);
  for (let d = 0; d < m; d++) {
    const a = offsets[d];
    const len = offsets[d + 1] - a;
    if (len < 2) continue;
    for (let i = 0; i < len; i++) {
      F32[0] = minutes[a + i] === 0 ? 0 : minutes[a + i]; // −0 → +0
      keys[i] = U32[0] * SHIFT + candidates[a + i];
    }
    const view = keys.subarray(0, len);
    view.sort();
    for (let i = 0; i < len; i++) {
      const key = view[i];
      const bits = Math.floor(key / SHIFT);
      candidates[a + i] = key - bits * SHIFT;
      U32[0] = bits;
      minutes[a + i] = F32[0];
    }
  }
}

/** The transpose: for each candidate, the demand points whose list holds it. */
export function transposeLists(lists: DemandLists): CandidateLists {
  const n = lists.candidateCount;
  const m = lists.demandCount;
  const offsets = new Uint32Array(n + 1);
  for (let e = 0; e < lists.candidates.length; e++) offsets[lists.candidates[e] + 1]++;
  for (let j = 0; j < n; j++) offsets[j + 1] += offsets[j];
  const fill = offsets.slice(0, n);
  const demands = new Uint32Array(lists.candidates.length);
  for (let d = 0; d < m; d++) {
    for (let e = lists.offsets[d]; e < lists.offsets[d + 1]; e++) demands[fill[lists.candidates[e]]++] = d;
  }
  return { offsets, demands };
}

/** Demand points whose list is empty (no eligible candidate serves them). */
export function emptyDemands(lists: DemandLists): Uint32Array {
  const out: number[] = [];
  for (let d = 0; d < lists.demandCount; d++) if (lists.offsets[d + 1] === lists.offsets[d]) out.push(d);
  return Uint32Array.from(out);
}
