/**
 * The reduced 0/1 covering instance behind maximal covering and set covering. Rows are groups of
 * demand points with the same set of candidates within T (merged, populations summed — common on
 * real maps, where a village's settlements see the same sites); columns are the candidates that can
 * still make a difference (eligible, not fixed). Demand already covered by a fixed site, and demand
 * no candidate covers, leave the instance and are accounted for by the caller.
 */
import type { DemandLists } from './demand-lists';

export interface CoverInstance {
  rows: number;
  cols: number;
  /** per row: population (sum over merged demand points) */
  weight: Float64Array;
  /** per row: number of demand points merged into it */
  multiplicity: Uint32Array;
  rowStart: Uint32Array;
  /** column indices (0..cols−1), ascending within a row */
  rowCols: Uint32Array;
  colStart: Uint32Array;
  colRows: Uint32Array;
  /** column → original candidate index */
  colCandidate: Uint32Array;
  /** population of demand covered by a fixed site (a constant of every solution) */
  fixedCoveredPopulation: number;
  fixedCoveredCount: number;
  /** demand points with no eligible candidate within T */
  uncoverable: Uint32Array;
  uncoverablePopulation: number;
}

/**
 * Builds the reduced instance. `dropZeroWeight` removes rows of no population (right for maximal
 * covering; set covering keeps them, since everyone must be covered however few they are).
 */
export function buildCoverInstance(
  lists: DemandLists,
  population: Float64Array,
  fixed: Uint8Array,
  dropZeroWeight: boolean,
): CoverInstance {
  const m = lists.demandCount;
  const n = lists.candidateCount;
  const uncoverable: number[] = [];
  let uncoverablePopulation = 0;
  let fixedCoveredPopulation = 0;
  let fixedCoveredCount = 0;
  const keepRow = new Uint8Array(m);
  const colUsed = new Uint8Array(n);
  for (let d = 0; d < m; d++) {
    const a = lists.offsets[d];
    const b = lists.offsets[d + 1];
    if (a === b) {
      uncoverable.push(d);
      uncoverablePopulation += population[d];
      continue;
    }
    let byFixed = false;
    for (let e = a; e < b; e++) if (fixed[lists.candidates[e]]) byFixed = true;
    if (byFixed) {
      fixedCoveredPopulation += population[d];
      fixedCoveredCount++;
      continue;
    }
    if (dropZeroWeight && population[d] <= 0) continue;
    keepRow[d] = 1;
    for (let e = a; e < b; e++) colUsed[lists.candidates[e]] = 1;
  }
  const colOf = new Int32Array(n).fill(-1);
  const colCandidateList: number[] = [];
  for (let j = 0; j < n; j++) if (colUsed[j]) colOf[j] = colCandidateList.push(j) - 1;

  // Rows with identical column sets merge; a hash map from a row's FNV hash to the rows seen with it.
  const rowStartList: number[] = [0];
  const rowColsList: number[] = [];
  const weights: number[] = [];
  const mult: number[] = [];
  const byHash = new Map<number, number[]>();
  const scratch = new Uint32Array(n);
  for (let d = 0; d < m; d++) {
    if (!keepRow[d]) continue;
    const a = lists.offsets[d];
    const len = lists.offsets[d + 1] - a;
    for (let i = 0; i < len; i++) scratch[i] = colOf[lists.candidates[a + i]];
    const cols = scratch.subarray(0, len).sort();
    let h = 0x811c9dc5;
    for (let i = 0; i < len; i++) h = Math.imul(h ^ cols[i], 0x01000193) >>> 0;
    h = Math.imul(h ^ len, 0x01000193) >>> 0;
    const bucket = byHash.get(h);
    let merged = -1;
    if (bucket) {
      for (const r of bucket) {
        const rs = rowStartList[r];
        if (rowStartList[r + 1] - rs !== len) continue;
        let same = true;
        for (let i = 0; i < len && same; i++) same = rowColsList[rs + i] === cols[i];
        if (same) {
          merged = r;
          break;
        }
      }
    }
    if (merged >= 0) {
      weights[merged] += population[d];
      mult[merged]++;
      continue;
    }
    const r = weights.length;
    for (let i = 0; i < len; i++) rowColsList.push(cols[i]);
    rowStartList.push(rowColsList.length);
    weights.push(population[d]);
    mult.push(1);
    if (bucket) bucket.push(r);
    else byHash.set(h, [r]);
  }
  const rows = weights.length;
  const cols = colCandidateList.length;
  const rowStart = Uint32Array.from(rowStartList);
  const rowCols = Uint32Array.from(rowColsList);
  const colStart = new Uint32Array(cols + 1);
  for (let e = 0; e < rowCols.length; e++) colStart[rowCols[e] + 1]++;
  for (let j = 0; j < cols; j++) colStart[j + 1] += colStart[j];
  const fill = colStart.slice(0, cols);
  const colRows = new Uint32Array(rowCols.length);
  for (let r = 0; r < rows; r++) for (let e = rowStart[r]; e < rowStart[r + 1]; e++) colRows[fill[rowCols[e]]++] = r;
  return {
    rows,
    cols,
    weight: Float64Array.from(weights),
    multiplicity: Uint32Array.from(mult),
    rowStart,
    rowCols,
    colStart,
    colRows,
    colCandidate: Uint32Array.from(colCandidateList),
    fixedCoveredPopulation,
    fixedCoveredCount,
    uncoverable: Uint32Array.from(uncoverable),
    uncoverablePopulation,
  };
}
