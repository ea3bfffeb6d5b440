/**
 * The shape every location model reads and writes. A problem is plain typed data (structured-
 * cloneable, transferable to a worker): demand points with populations, candidate sites, and the
 * travel minutes between them — dense (demand-major) or sparse (one sorted-or-not list per demand,
 * holding only the pairs within some cutoff).
 */

/** Per-demand lists of (candidate, minutes), CSR style. Pairs that are absent are unreachable within `cutoffMinutes`. */
export interface SparseMinutes {
  /** demandCount + 1 offsets into `candidates` / `minutes` */
  offsets: Uint32Array;
  candidates: Uint32Array;
  minutes: Float32Array;
  /**
   * Pairs slower than this were left out, so an absent pair is at least this far (p-median charges
   * it as the penalty). Infinity when the lists hold every reachable pair.
   */
  cutoffMinutes: number;
}

export interface LocationProblem {
  demandCount: number;
  candidateCount: number;
  /** residents per demand point, ≥ 0 */
  population: Float64Array;
  /** dense demand-major matrix: minutes[d * candidateCount + c]; Infinity (or NaN) = unreachable */
  minutes?: Float32Array;
  /** the sparse alternative to `minutes` (exactly one of the two is given) */
  sparse?: SparseMinutes;
  /** candidates that must be chosen (existing Thusong centres); they count towards k */
  fixed?: Uint32Array;
  /**
   * 1 where a candidate can serve residents (for a bundle objective: offers the whole bundle),
   * 0 where it cannot. Absent = all serve. An ineligible fixed site is still chosen, but serves no one.
   */
  eligible?: Uint8Array;
}

export type LocationModel = 'mclp' | 'pmedian' | 'lscp';

/** What every solver returns: plain numbers and typed arrays, structured-cloneable. */
export interface LocationResult {
  model: LocationModel;
  /** how the answer and its bound were found, e.g. 'greedy + swap; bound: LP relaxation (HiGHS)' */
  method: string;
  /**
   * mclp: population within T of a chosen zone; pmedian: population-weighted minutes (person-
   * minutes) to the nearest chosen zone; lscp: number of zones.
   */
  objective: number;
  /** proven bound on the optimum: upper for mclp (maximise), lower for pmedian and lscp */
  bound: number;
  /** |objective − bound| / max(|objective|, |bound|) (0 when both are 0) */
  gap: number;
  /** true when the gap is closed (the objective is proven optimal) */
  optimal: boolean;
  /** chosen candidate indices, ascending; fixed sites included */
  selected: Uint32Array;
  /** per selected zone (same order): population assigned to it (nearest chosen zone that serves them) */
  populationServed: Float64Array;
  /** demand → chosen candidate that serves it (nearest, within T for mclp/lscp), −1 for none */
  assignment: Int32Array;
  /** population served by some chosen zone (within T for mclp/lscp; reachable for pmedian) */
  coveredPopulation: number;
  totalPopulation: number;
  /** demand points no eligible candidate can serve at all (beyond T for mclp/lscp, unreachable for pmedian) */
  uncoverable: Uint32Array;
  uncoverablePopulation: number;
  /** pmedian: objective / population reached (average minutes per resident); NaN for other models */
  averageMinutes: number;
  seconds: number;
  /** local-search moves plus bound iterations (subgradient steps or simplex/MIP node counts) */
  iterations: number;
}

/** Relative gap between an objective and its bound: the difference over the larger magnitude. */
export function relativeGap(objective: number, bound: number): number {
  const scale = Math.max(Math.abs(objective), Math.abs(bound));
  if (scale === 0) return 0;
  return Math.abs(objective - bound) / scale;
}

/** Checks array sizes and indices; throws a RangeError naming the first inconsistency (a caller bug). */
export function validateProblem(p: LocationProblem): void {
  const { demandCount: m, candidateCount: n } = p;
  if (!Number.isInteger(m) || m < 0) throw new RangeError(`demandCount must be a non-negative integer, got ${m}`);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`candidateCount must be a non-negative integer, got ${n}`);
  if (p.population.length !== m) throw new RangeError(`population has ${p.population.length} entries for ${m} demand points`);
  for (let d = 0; d < m; d++) {
    const w = p.population[d];
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`population of demand ${d} is ${w}; it must be a finite number ≥ 0`);
  }
  if ((p.minutes ? 1 : 0) + (p.sparse ? 1 : 0) !== 1) throw new RangeError('give exactly one of minutes (dense) or sparse');
  if (p.minutes && p.minutes.length !== m * n) throw new RangeError(`dense minutes has ${p.minutes.length} entries, expected ${m} × ${n}`);
  if (p.sparse) {
    const s = p.sparse;
    if (s.offsets.length !== m + 1 || s.offsets[0] !== 0) throw new RangeError('sparse.offsets must have demandCount + 1 entries starting at 0');
    if (s.offsets[m] !== s.candidates.length || s.candidates.length !== s.minutes.length)
      throw new RangeError('sparse.offsets must end at candidates.length, which must equal minutes.length');
    for (let d = 0; d < m; d++) if (s.offsets[d + 1] < s.offsets[d]) throw new RangeError(`sparse.offsets decreases at demand ${d}`);
    for (let e = 0; e < s.candidates.length; e++) if (s.candidates[e] >= n) throw new RangeError(`sparse candidate index ${s.candidates[e]} ≥ ${n}`);
    if (!(s.cutoffMinutes > 0)) throw new RangeError(`sparse.cutoffMinutes must be > 0 (Infinity when complete), got ${s.cutoffMinutes}`);
  }
  if (p.eligible && p.eligible.length !== n) throw new RangeError(`eligible has ${p.eligible.length} entries for ${n} candidates`);
  if (p.fixed) {
    const seen = new Uint8Array(n);
    for (const j of p.fixed) {
      if (j >= n) throw new RangeError(`fixed site ${j} is not a candidate (there are ${n})`);
      if (seen[j]) throw new RangeError(`fixed site ${j} is listed twice`);
      seen[j] = 1;
    }
  }
}

/** Fixed sites as a per-candidate mask. */
export function fixedMask(p: LocationProblem): Uint8Array {
  const mask = new Uint8Array(p.candidateCount);
  if (p.fixed) for (const j of p.fixed) mask[j] = 1;
  return mask;
}

/**
 * A dense demand-major matrix from one travel-time array per candidate (each of length
 * demandCount), the shape a one-source-per-candidate Dijkstra produces. Missing values
 * (undefined, NaN) become Infinity.
 */
export function buildMatrixFromTimes(perCandidateMinutes: ArrayLike<number>[], demandCount?: number): Float32Array {
  const n = perCandidateMinutes.length;
  const m = demandCount ?? (n ? perCandidateMinutes[0].length : 0);
  const out = new Float32Array(m * n);
  for (let j = 0; j < n; j++) {
    const col = perCandidateMinutes[j];
    if (col.length !== m) throw new RangeError(`candidate ${j} has ${col.length} times for ${m} demand points`);
    for (let d = 0; d < m; d++) {
      const t = col[d];
      out[d * n + j] = t >= 0 ? t : Infinity;
    }
  }
  return out;
}

/**
 * The sparse form of a dense matrix, keeping only pairs within `cutoffMinutes` (inclusive).
 * 50,000 × 500 dense is 100 MB; within a realistic cutoff the sparse form is a few per cent of that.
 */
export function sparsifyMinutes(minutes: Float32Array, demandCount: number, candidateCount: number, cutoffMinutes = Infinity): SparseMinutes {
  const offsets = new Uint32Array(demandCount + 1);
  let count = 0;
  for (let d = 0; d < demandCount; d++) {
    const row = d * candidateCount;
    for (let j = 0; j < candidateCount; j++) if (minutes[row + j] <= cutoffMinutes) count++;
    offsets[d + 1] = count;
  }
  const candidates = new Uint32Array(count);
  const mins = new Float32Array(count);
  let e = 0;
  for (let d = 0; d < demandCount; d++) {
    const row = d * candidateCount;
    for (let j = 0; j < candidateCount; j++) {
      const t = minutes[row + j];
      if (t <= cutoffMinutes) {
        candidates[e] = j;
        mins[e++] = t;
      }
    }
  }
  return { offsets, candidates, minutes: mins, cutoffMinutes };
}

/**
 * Which candidates offer a whole bundle: 1 where every service of the bundle is among the
 * candidate's services. `candidateServices[c]` lists the services available at (or within a
 * walk of) candidate c.
 */
export function bundleEligibility(candidateServices: ReadonlyArray<ReadonlyArray<string>>, bundleServices: ReadonlyArray<string>): Uint8Array {
  const out = new Uint8Array(candidateServices.length);
  for (let c = 0; c < candidateServices.length; c++) {
    const have = new Set(candidateServices[c]);
    out[c] = bundleServices.every((s) => have.has(s)) ? 1 : 0;
  }
  return out;
}
