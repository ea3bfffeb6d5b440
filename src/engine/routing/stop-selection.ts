/**
 * Stop selection: the fewest stop locations such that every target settlement is within the reach
 * time of one, by greedy set cover (Chvátal 1979: within H(max covered) of the optimum), then a pass
 * that drops stops made redundant by later picks. A simple stand-in with the same inputs the
 * location engine's LSCP (src/engine/location) takes, so it can later be swapped for that.
 *
 * Each chosen stop then serves the settlements nearest to it, which gives its expected visitors
 * and a service duration: hours = visitors ÷ visitors per hour, clamped to [min, max]; a stop
 * needing more than the maximum may be visited more than once a year (a setting).
 */

/** Which candidate stops each settlement can reach, and in how many minutes (CSR by settlement). */
export interface ReachMatrix {
  settlementCount: number;
  candidateCount: number;
  /** settlement s reaches candidates[offsets[s] … offsets[s+1]) */
  offsets: Uint32Array;
  candidates: Uint32Array;
  minutes: Float32Array;
}

export interface StopSelectionOptions {
  /** 1 = must be reached; default every settlement */
  targets?: Uint8Array;
  /** weight of a settlement when breaking ties between equally good stops (e.g. population) */
  settlementWeight?: Float64Array;
  /** cost of opening each candidate (default 1 each: fewest stops) */
  candidateCost?: Float64Array;
}

export interface StopSelection {
  /** chosen candidate indices, ascending */
  stops: Int32Array;
  /** for each settlement, the position in `stops` of the nearest chosen stop within reach, −1 none */
  servedBy: Int32Array;
  /** target settlements no candidate reaches */
  uncoverable: Int32Array;
}

/** Builds a ReachMatrix from (settlement, candidate, minutes) triples. */
export function reachFromPairs(settlementCount: number, candidateCount: number, settlement: ArrayLike<number>, candidate: ArrayLike<number>, minutes: ArrayLike<number>): ReachMatrix {
  const offsets = new Uint32Array(settlementCount + 1);
  for (let k = 0; k < settlement.length; k++) offsets[settlement[k] + 1]++;
  for (let s = 0; s < settlementCount; s++) offsets[s + 1] += offsets[s];
  const fill = offsets.slice(0, settlementCount);
  const cands = new Uint32Array(settlement.length);
  const mins = new Float32Array(settlement.length);
  for (let k = 0; k < settlement.length; k++) {
    const at = fill[settlement[k]]++;
    cands[at] = candidate[k];
    mins[at] = minutes[k];
  }
  return { settlementCount, candidateCount, offsets, candidates: cands, minutes: mins };
}

export function greedyStopSelection(reach: ReachMatrix, options: StopSelectionOptions = {}): StopSelection {
  const S = reach.settlementCount;
  const C = reach.candidateCount;
  const target = options.targets ?? new Uint8Array(S).fill(1);
  const weight = options.settlementWeight;
  const costOf = (c: number) => options.candidateCost?.[c] ?? 1;
  // transpose: the target settlements each candidate reaches
  const cOff = new Uint32Array(C + 1);
  for (let s = 0; s < S; s++) if (target[s]) for (let k = reach.offsets[s]; k < reach.offsets[s + 1]; k++) cOff[reach.candidates[k] + 1]++;
  for (let c = 0; c < C; c++) cOff[c + 1] += cOff[c];
  const fill = cOff.slice(0, C);
  const cSet = new Uint32Array(cOff[C]);
  for (let s = 0; s < S; s++) if (target[s]) for (let k = reach.offsets[s]; k < reach.offsets[s + 1]; k++) cSet[fill[reach.candidates[k]]++] = s;

  const covered = new Uint8Array(S);
  const uncoverable: number[] = [];
  let left = 0;
  for (let s = 0; s < S; s++) {
    if (!target[s]) continue;
    if (reach.offsets[s + 1] === reach.offsets[s]) uncoverable.push(s);
    else left++;
  }
  const gainOf = (c: number) => {
    let g = 0;
    let w = 0;
    for (let k = cOff[c]; k < cOff[c + 1]; k++) {
      const s = cSet[k];
      if (!covered[s]) {
        g++;
        w += weight ? weight[s] : 0;
      }
    }
    return { score: g / costOf(c), g, w };
  };
  // lazy greedy: a candidate's score only falls as others are chosen, so a stale top that is still
  // top after re-scoring is the true best
  const score = new Float64Array(C);
  const tie = new Float64Array(C);
  const heap: number[] = [];
  const better = (a: number, b: number) => score[a] > score[b] || (score[a] === score[b] && (tie[a] > tie[b] || (tie[a] === tie[b] && a < b)));
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!better(heap[i], heap[p])) break;
      [heap[i], heap[p]] = [heap[p], heap[i]];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && better(heap[l], heap[m])) m = l;
      if (r < heap.length && better(heap[r], heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (let c = 0; c < C; c++) {
    const g = gainOf(c);
    if (g.g === 0) continue;
    score[c] = g.score;
    tie[c] = g.w;
    heap.push(c);
    up(heap.length - 1);
  }
  const chosen: number[] = [];
  while (left > 0 && heap.length) {
    const top = heap[0];
    const g = gainOf(top);
    if (g.score !== score[top] || g.w !== tie[top]) {
      score[top] = g.score;
      tie[top] = g.w;
      if (g.g === 0) {
        heap[0] = heap[heap.length - 1];
        heap.pop();
      }
      down(0);
      continue;
    }
    chosen.push(top);
    heap[0] = heap[heap.length - 1];
    heap.pop();
    down(0);
    for (let k = cOff[top]; k < cOff[top + 1]; k++) {
      const s = cSet[k];
      if (!covered[s]) {
        covered[s] = 1;
        left--;
      }
    }
  }
  // drop stops whose every settlement another chosen stop also reaches (latest picks first)
  const count = new Int32Array(S);
  for (const c of chosen) for (let k = cOff[c]; k < cOff[c + 1]; k++) count[cSet[k]]++;
  const keep = new Uint8Array(C);
  for (const c of chosen) keep[c] = 1;
  for (let x = chosen.length - 1; x >= 0; x--) {
    const c = chosen[x];
    let redundant = true;
    for (let k = cOff[c]; k < cOff[c + 1] && redundant; k++) if (count[cSet[k]] < 2) redundant = false;
    if (!redundant) continue;
    keep[c] = 0;
    for (let k = cOff[c]; k < cOff[c + 1]; k++) count[cSet[k]]--;
  }
  const stops = Int32Array.from(chosen.filter((c) => keep[c]).sort((a, b) => a - b));
  return { stops, servedBy: nearestChosen(reach, stops), uncoverable: Int32Array.from(uncoverable) };
}

/** For each settlement, the position in `stops` of its nearest chosen stop within reach (−1 none). */
export function nearestChosen(reach: ReachMatrix, stops: Int32Array): Int32Array {
  const posOf = new Int32Array(reach.candidateCount).fill(-1);
  stops.forEach((c, i) => (posOf[c] = i));
  const out = new Int32Array(reach.settlementCount).fill(-1);
  for (let s = 0; s < reach.settlementCount; s++) {
    let best = Infinity;
    for (let k = reach.offsets[s]; k < reach.offsets[s + 1]; k++) {
      const i = posOf[reach.candidates[k]];
      if (i >= 0 && (reach.minutes[k] < best || (reach.minutes[k] === best && i < out[s]))) {
        best = reach.minutes[k];
        out[s] = i;
      }
    }
  }
  return out;
}

export interface ServiceOptions {
  /** share of the people served who come to a visit (default 0.05) */
  visitorsPerResident?: number;
  /** people a team serves per hour (default 12) */
  visitorsPerHour?: number;
  /** default 1 and 5 hours (a 5 h stop leaves an 8 h day 3 h of driving) */
  minHours?: number;
  maxHours?: number;
  /** visit a stop that needs more than maxHours again, up to maxVisits a year (default false) */
  repeatLargeStops?: boolean;
  /** default 4 */
  maxVisits?: number;
}

export interface StopService {
  population: Float64Array;
  expectedVisitors: Float64Array;
  serviceMinutes: Float64Array;
  visitsPerYear: Int32Array;
}

/** Expected visitors and service duration of each stop from the population of the settlements it serves. */
export function stopService(stopCount: number, servedBy: Int32Array, population: ArrayLike<number>, options: ServiceOptions = {}): StopService {
  const perResident = options.visitorsPerResident ?? 0.05;
  const perHour = options.visitorsPerHour ?? 12;
  const minH = options.minHours ?? 1;
  const maxH = options.maxHours ?? 5;
  const maxVisits = options.repeatLargeStops ? Math.max(1, options.maxVisits ?? 4) : 1;
  const pop = new Float64Array(stopCount);
  for (let s = 0; s < servedBy.length; s++) if (servedBy[s] >= 0) pop[servedBy[s]] += population[s] || 0;
  const visitors = new Float64Array(stopCount);
  const minutes = new Float64Array(stopCount);
  const visits = new Int32Array(stopCount);
  for (let i = 0; i < stopCount; i++) {
    visitors[i] = pop[i] * perResident;
    const hours = visitors[i] / perHour;
    visits[i] = Math.min(maxVisits, Math.max(1, Math.ceil(hours / maxH - 1e-9)));
    minutes[i] = Math.round(Math.min(maxH, Math.max(minH, hours / visits[i])) * 60);
  }
  return { population: pop, expectedVisitors: visitors, serviceMinutes: minutes, visitsPerYear: visits };
}
