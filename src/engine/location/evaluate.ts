/**
 * Scores a chosen set of zones on the full (unreduced) lists. Every solver reports its objective
 * through these, so the reductions and incremental bookkeeping inside the solvers are checked by
 * an independent computation on each answer.
 */
import type { DemandLists } from './demand-lists';

export interface Evaluation {
  /** sum of population within reach (coverage) or population-weighted minutes (median) */
  value: number;
  assignment: Int32Array;
  /** aligned with the `selected` passed in */
  populationServed: Float64Array;
  coveredPopulation: number;
}

function selectedSlots(selected: ArrayLike<number>, candidateCount: number): Int32Array {
  const slot = new Int32Array(candidateCount).fill(-1);
  for (let s = 0; s < selected.length; s++) slot[selected[s]] = s;
  return slot;
}

/** Coverage: lists hold the pairs within T; a demand point counts when any chosen candidate is in its list. */
export function evaluateCoverage(lists: DemandLists, population: Float64Array, selected: ArrayLike<number>): Evaluation {
  const slot = selectedSlots(selected, lists.candidateCount);
  const assignment = new Int32Array(lists.demandCount).fill(-1);
  const populationServed = new Float64Array(selected.length);
  let value = 0;
  for (let d = 0; d < lists.demandCount; d++) {
    let best = -1;
    let bestMinutes = Infinity;
    for (let e = lists.offsets[d]; e < lists.offsets[d + 1]; e++) {
      const j = lists.candidates[e];
      if (slot[j] < 0) continue;
      const t = lists.minutes[e];
      if (t < bestMinutes || (t === bestMinutes && j < best)) {
        bestMinutes = t;
        best = j;
      }
    }
    if (best >= 0) {
      assignment[d] = best;
      populationServed[slot[best]] += population[d];
      value += population[d];
    }
  }
  return { value, assignment, populationServed, coveredPopulation: value };
}

/**
 * Median: each demand point goes to its nearest chosen candidate; its cost is population ×
 * min(minutes, penalty), and penalty × population when no chosen candidate reaches it (the lists
 * hold only eligible, reachable pairs). Demand points with empty lists are left out entirely.
 */
export function evaluateMedian(lists: DemandLists, population: Float64Array, selected: ArrayLike<number>, penaltyMinutes: number): Evaluation {
  const slot = selectedSlots(selected, lists.candidateCount);
  const assignment = new Int32Array(lists.demandCount).fill(-1);
  const populationServed = new Float64Array(selected.length);
  let value = 0;
  let covered = 0;
  for (let d = 0; d < lists.demandCount; d++) {
    const a = lists.offsets[d];
    const b = lists.offsets[d + 1];
    if (a === b) continue;
    let best = -1;
    let bestMinutes = Infinity;
    for (let e = a; e < b; e++) {
      const j = lists.candidates[e];
      if (slot[j] < 0) continue;
      const t = lists.minutes[e];
      if (t < bestMinutes || (t === bestMinutes && j < best)) {
        bestMinutes = t;
        best = j;
      }
      if (lists.sorted) break;
    }
    const w = population[d];
    if (best >= 0) {
      assignment[d] = best;
      populationServed[slot[best]] += w;
      covered += w;
    }
    value += w * Math.min(bestMinutes, penaltyMinutes);
  }
  return { value, assignment, populationServed, coveredPopulation: covered };
}
