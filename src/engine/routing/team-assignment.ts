/**
 * Which team serves each stop: the nearest base, within a balance limit. Teams are filled in order
 * of regret (how much farther a stop's second-nearest base is than its nearest), each stop going to
 * the nearest eligible team whose estimated workload stays within `tolerance` × its fair share of
 * the year's work (fair share ∝ the team's working minutes in the year). A stop that fits no team
 * within the limit goes to its nearest eligible team anyway.
 */

export interface AssignmentInputs {
  stopCount: number;
  teamCount: number;
  /** minutes from team t's base to stop s */
  minutesFromBase: (team: number, stop: number) => number;
  /** estimated working minutes stop s costs team t over the year */
  load: (team: number, stop: number) => number;
  eligible: (team: number, stop: number) => boolean;
  /** working minutes available to each team in the year */
  capacityMinutes: ArrayLike<number>;
  /** stops to assign (others get −1) */
  include?: Uint8Array;
}

export function assignStopsToTeams(x: AssignmentInputs, tolerance = 1.05): Int32Array {
  const { stopCount: S, teamCount: T } = x;
  const out = new Int32Array(S).fill(-1);
  if (T === 0) return out;
  const nearest = new Int32Array(S).fill(-1);
  const regret = new Float64Array(S);
  let totalLoad = 0;
  const stops: number[] = [];
  for (let s = 0; s < S; s++) {
    if (x.include && !x.include[s]) continue;
    let b1 = Infinity;
    let b2 = Infinity;
    for (let t = 0; t < T; t++) {
      if (!x.eligible(t, s)) continue;
      const m = x.minutesFromBase(t, s);
      if (m < b1) {
        b2 = b1;
        b1 = m;
        nearest[s] = t;
      } else if (m < b2) b2 = m;
    }
    if (nearest[s] < 0) continue;
    regret[s] = Number.isFinite(b2) ? b2 - b1 : Infinity;
    totalLoad += x.load(nearest[s], s);
    stops.push(s);
  }
  let totalCap = 0;
  for (let t = 0; t < T; t++) totalCap += x.capacityMinutes[t];
  const limit = Float64Array.from({ length: T }, (_, t) => (totalCap > 0 ? (tolerance * totalLoad * x.capacityMinutes[t]) / totalCap : Infinity));
  const used = new Float64Array(T);
  stops.sort((a, b) => regret[b] - regret[a] || a - b);
  const order = Array.from({ length: T }, (_, t) => t);
  for (const s of stops) {
    order.sort((a, b) => x.minutesFromBase(a, s) - x.minutesFromBase(b, s) || a - b);
    let chosen = -1;
    for (const t of order) {
      if (!x.eligible(t, s)) continue;
      if (used[t] + x.load(t, s) <= limit[t]) {
        chosen = t;
        break;
      }
    }
    if (chosen < 0) chosen = nearest[s];
    out[s] = chosen;
    used[chosen] += x.load(chosen, s);
  }
  return out;
}
