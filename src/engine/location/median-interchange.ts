/**
 * Fast interchange for p-median with Resende & Werneck's (2007) incremental bookkeeping. For each
 * demand point we keep its closest and second-closest open zones (φ1, d1; φ2, d2) and the three
 * tables
 *   gain(j)     = Σ w·max(0, d1 − t_j)                          opening closed zone j,
 *   loss(i)     = Σ_{φ1 = i} w·(d2 − d1)                         closing open zone i,
 *   extra(i, j) = Σ_{φ1 = i, t_j < d2} w·(d2 − max(t_j, d1))     both at once,
 * so swapping i for j saves gain(j) − loss(i) + extra(i, j). After a swap only the demand points
 * whose φ1/φ2 was the closed zone, or that the opened zone comes closer to than d2, change: their
 * contributions are taken out under the old state and put back under the new one.
 *
 * The state is a plain object of typed arrays private to one solve (never shared or returned).
 */
import type { DemandLists } from './demand-lists';
import { seededRandom } from './seeded-random';

export interface MedianInstance {
  lists: DemandLists;
  /** candidate-major transpose of `lists`, with minutes (to find who a zone comes close to) */
  colOffsets: Uint32Array;
  colDemands: Uint32Array;
  colMinutes: Float32Array;
  weight: Float64Array;
  penalty: number;
  fixedList: number[];
}

export function buildMedianInstance(lists: DemandLists, weight: Float64Array, penalty: number, fixedList: number[]): MedianInstance {
  const n = lists.candidateCount;
  const colOffsets = new Uint32Array(n + 1);
  for (let e = 0; e < lists.candidates.length; e++) colOffsets[lists.candidates[e] + 1]++;
  for (let j = 0; j < n; j++) colOffsets[j + 1] += colOffsets[j];
  const fill = colOffsets.slice(0, n);
  const colDemands = new Uint32Array(lists.candidates.length);
  const colMinutes = new Float32Array(lists.candidates.length);
  for (let d = 0; d < lists.demandCount; d++) {
    for (let e = lists.offsets[d]; e < lists.offsets[d + 1]; e++) {
      const k = fill[lists.candidates[e]]++;
      colDemands[k] = d;
      colMinutes[k] = lists.minutes[e];
    }
  }
  return { lists, colOffsets, colDemands, colMinutes, weight, penalty, fixedList };
}

interface State {
  kk: number;
  slots: Int32Array;
  slotOf: Int32Array;
  isOpen: Uint8Array;
  phi1: Int32Array;
  phi2: Int32Array;
  d1: Float64Array;
  d2: Float64Array;
  gain: Float64Array;
  loss: Float64Array;
  extra: Float64Array;
  cost: number;
  /** scratch: affected-demand stamps */
  stamp: Uint32Array;
  epoch: number;
  affected: Uint32Array;
}

function newState(inst: MedianInstance, free: ArrayLike<number>): State {
  const n = inst.lists.candidateCount;
  const m = inst.lists.demandCount;
  const kk = free.length;
  const st: State = {
    kk,
    slots: Int32Array.from(free),
    slotOf: new Int32Array(n).fill(-1),
    isOpen: new Uint8Array(n),
    phi1: new Int32Array(m),
    phi2: new Int32Array(m),
    d1: new Float64Array(m),
    d2: new Float64Array(m),
    gain: new Float64Array(n),
    loss: new Float64Array(kk),
    extra: new Float64Array(kk * n),
    cost: 0,
    stamp: new Uint32Array(m),
    epoch: 0,
    affected: new Uint32Array(m),
  };
  for (const j of inst.fixedList) st.isOpen[j] = 1;
  for (let s = 0; s < kk; s++) ((st.isOpen[free[s]] = 1), (st.slotOf[free[s]] = s));
  rebuild(inst, st);
  return st;
}

/** Copies every per-solve array of `from` into `to` (cheaper than undoing a few swaps one by one). */
function copyState(from: State, to: State): void {
  to.slots.set(from.slots);
  to.slotOf.set(from.slotOf);
  to.isOpen.set(from.isOpen);
  to.phi1.set(from.phi1);
  to.phi2.set(from.phi2);
  to.d1.set(from.d1);
  to.d2.set(from.d2);
  to.gain.set(from.gain);
  to.loss.set(from.loss);
  to.extra.set(from.extra);
  to.cost = from.cost;
}

function rebuild(inst: MedianInstance, st: State): void {
  st.gain.fill(0);
  st.loss.fill(0);
  st.extra.fill(0);
  st.cost = 0;
  for (let d = 0; d < inst.lists.demandCount; d++) {
    nearest(inst, st, d);
    contribute(inst, st, d, 1);
  }
}

function nearest(inst: MedianInstance, st: State, d: number): void {
  const { lists, penalty } = inst;
  let d1 = penalty;
  let d2 = penalty;
  let phi1 = -1;
  let phi2 = -1;
  for (let e = lists.offsets[d]; e < lists.offsets[d + 1]; e++) {
    const t = lists.minutes[e];
    if (t >= d2) break;
    const j = lists.candidates[e];
    if (!st.isOpen[j]) continue;
    if (phi1 < 0) ((d1 = t), (phi1 = j));
    else {
      d2 = t;
      phi2 = j;
      break;
    }
  }
  st.d1[d] = d1;
  st.d2[d] = d2;
  st.phi1[d] = phi1;
  st.phi2[d] = phi2;
}

function contribute(inst: MedianInstance, st: State, d: number, sign: number): void {
  const { lists } = inst;
  const a = lists.offsets[d];
  const b = lists.offsets[d + 1];
  if (a === b) return;
  const w = inst.weight[d] * sign;
  const d1 = st.d1[d];
  const d2 = st.d2[d];
  st.cost += w * d1;
  if (w === 0) return;
  const s = st.phi1[d] >= 0 ? st.slotOf[st.phi1[d]] : -1;
  const n = lists.candidateCount;
  if (s >= 0) st.loss[s] += w * (d2 - d1);
  const base = s * n;
  const gain = st.gain;
  const extra = st.extra;
  const isOpen = st.isOpen;
  for (let e = a; e < b; e++) {
    const t = lists.minutes[e];
    if (t >= d2) break;
    const j = lists.candidates[e];
    if (isOpen[j]) continue;
    if (t < d1) gain[j] += w * (d1 - t);
    if (s >= 0) extra[base + j] += w * (d2 - (t > d1 ? t : d1));
  }
}

/** Closes the zone in slot `s` and opens `j` in its place, updating only the affected demand points. */
function swap(inst: MedianInstance, st: State, s: number, j: number): void {
  const out = st.slots[s];
  const m = inst.lists.demandCount;
  const epoch = ++st.epoch;
  let count = 0;
  const { phi1, phi2, d2, stamp, affected } = st;
  for (let d = 0; d < m; d++) {
    if (phi1[d] === out || phi2[d] === out) {
      stamp[d] = epoch;
      affected[count++] = d;
    }
  }
  for (let k = inst.colOffsets[j]; k < inst.colOffsets[j + 1]; k++) {
    const d = inst.colDemands[k];
    if (stamp[d] !== epoch && inst.colMinutes[k] < d2[d]) {
      stamp[d] = epoch;
      affected[count++] = d;
    }
  }
  for (let q = 0; q < count; q++) contribute(inst, st, affected[q], -1);
  st.isOpen[out] = 0;
  st.slotOf[out] = -1;
  st.isOpen[j] = 1;
  st.slotOf[j] = s;
  st.slots[s] = j;
  // what remains in the slot's row is rounding noise: every φ1 = out point was taken out
  st.loss[s] = 0;
  st.extra.fill(0, s * inst.lists.candidateCount, (s + 1) * inst.lists.candidateCount);
  st.gain[j] = 0;
  for (let q = 0; q < count; q++) {
    nearest(inst, st, affected[q]);
    contribute(inst, st, affected[q], 1);
  }
}

function bestSwap(inst: MedianInstance, st: State): { s: number; j: number; profit: number } {
  const n = inst.lists.candidateCount;
  const { kk, gain, loss, extra, isOpen } = st;
  let bestProfit = 1e-9 * Math.max(1, Math.abs(st.cost));
  let bs = -1;
  let bj = -1;
  for (let j = 0; j < n; j++) {
    const g = gain[j];
    if (isOpen[j] || g <= 0) continue;
    for (let s = 0; s < kk; s++) {
      const p = g - loss[s] + extra[s * n + j];
      if (p > bestProfit) ((bestProfit = p), (bs = s), (bj = j));
    }
  }
  return { s: bs, j: bj, profit: bestProfit };
}

function descend(inst: MedianInstance, st: State, deadline: number): number {
  let moves = 0;
  for (;;) {
    const mv = bestSwap(inst, st);
    if (mv.s < 0) break;
    swap(inst, st, mv.s, mv.j);
    moves++;
    if ((moves & 15) === 0 && performance.now() > deadline) break;
  }
  return moves;
}

export interface InterchangeResult {
  open: number[];
  cost: number;
  moves: number;
}

/** Best-improvement fast interchange from `free` (the non-fixed open zones) to a local optimum. */
export function fastInterchange(inst: MedianInstance, free: ArrayLike<number>, deadline: number): InterchangeResult {
  if (free.length === 0) return { open: [], cost: newState(inst, free).cost, moves: 0 };
  const st = newState(inst, free);
  const moves = descend(inst, st, deadline);
  rebuild(inst, st); // a fresh cost, free of incremental rounding
  return { open: Array.from(st.slots), cost: st.cost, moves };
}

/**
 * Iterated local search: from the best answer, swap 1–3 random open zones for random closed ones
 * (half the time one near a badly served demand point), descend, keep the result if it is better,
 * otherwise restore the best state (a copy of its arrays). Runs until `stopAtCost`, `maxRounds` or the deadline.
 */
export function iteratedInterchange(
  inst: MedianInstance,
  free: ArrayLike<number>,
  o: { deadline: number; seed: number; stopAtCost: number; maxRounds: number },
): InterchangeResult & { rounds: number } {
  const n = inst.lists.candidateCount;
  const m = inst.lists.demandCount;
  const st = newState(inst, free);
  let moves = descend(inst, st, o.deadline);
  if (st.kk === 0) return { open: [], cost: st.cost, moves, rounds: 0 };
  rebuild(inst, st);
  const random = seededRandom(o.seed);
  const closed: number[] = [];
  const eligible = new Uint8Array(n);
  for (let e = 0; e < inst.lists.candidates.length; e++) eligible[inst.lists.candidates[e]] = 1;
  for (const j of inst.fixedList) eligible[j] = 0;
  const best = newState(inst, st.slots);
  let rounds = 0;
  while (rounds < o.maxRounds && best.cost > o.stopAtCost && performance.now() < o.deadline) {
    rounds++;
    const strength = 1 + Math.floor(random() * 3);
    for (let r = 0; r < strength; r++) {
      const s = Math.floor(random() * st.kk);
      let j = -1;
      if (random() < 0.5) {
        // a closed zone near a demand point that is badly served now
        for (let tries = 0; tries < 8 && j < 0; tries++) {
          const d = Math.floor(random() * m);
          if (st.d1[d] * inst.weight[d] <= 0) continue;
          const a = inst.lists.offsets[d];
          const b = inst.lists.offsets[d + 1];
          for (let e = a; e < b && e < a + 6; e++) if (!st.isOpen[inst.lists.candidates[e]] && eligible[inst.lists.candidates[e]]) ((j = inst.lists.candidates[e]), (e = b));
        }
      }
      if (j < 0) {
        closed.length = 0;
        for (let c = 0; c < n; c++) if (!st.isOpen[c] && eligible[c]) closed.push(c);
        if (!closed.length) break;
        j = closed[Math.floor(random() * closed.length)];
      }
      swap(inst, st, s, j);
      moves++;
    }
    moves += descend(inst, st, o.deadline);
    if (st.cost < best.cost - 1e-9 * best.cost) {
      rebuild(inst, st); // keep the incumbent free of incremental rounding
      copyState(st, best);
    } else copyState(best, st);
  }
  rebuild(inst, st);
  return { open: Array.from(st.slots), cost: st.cost, moves, rounds };
}
