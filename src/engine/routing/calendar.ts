/**
 * Puts a team's trips on its working dates, spread through the year: trips are ordered by their
 * phase (a position in [0, 1) of the year), each gets a target date evenly spaced over the working
 * dates, and is placed on the nearest free run of consecutive calendar days that are all working
 * days (a multi-day trip needs e.g. Tuesday–Thursday, never across a weekend or a holiday).
 * Higher-priority trips (first visits) are placed first, so when the year is too short it is the
 * repeat visits that are left out.
 */

export interface TripToPlace {
  days: number;
  /** position in the year, [0, 1) */
  phase: number;
  /** lower is placed first */
  priority: number;
}

/** Start index into `workingDays` for each trip, −1 when no run of free dates fits. */
export function placeTrips(workingDays: Int32Array, trips: TripToPlace[]): Int32Array {
  const D = workingDays.length;
  const out = new Int32Array(trips.length).fill(-1);
  const free = new Uint8Array(D).fill(1);
  const byPhase = trips.map((_, i) => i).sort((a, b) => trips[a].phase - trips[b].phase || a - b);
  const total = trips.reduce((a, t) => a + t.days, 0);
  const target = new Float64Array(trips.length);
  let cum = 0;
  // evenly spaced targets (compressed to the year when the trips need more days than there are)
  const scale = total > 0 ? D / total : 0;
  for (const i of byPhase) {
    target[i] = Math.floor((cum + trips[i].days / 2) * scale - trips[i].days / 2);
    cum += trips[i].days;
  }
  const fits = (i: number, L: number) => {
    if (i < 0 || i + L > D) return false;
    for (let x = 0; x < L; x++) if (!free[i + x] || workingDays[i + x] !== workingDays[i] + x) return false;
    return true;
  };
  const order = trips.map((_, i) => i).sort((a, b) => trips[a].priority - trips[b].priority || trips[a].phase - trips[b].phase || a - b);
  for (const i of order) {
    const L = trips[i].days;
    const t = Math.max(0, Math.min(D - L, target[i]));
    for (let off = 0; off < D; off++) {
      if (fits(t + off, L)) {
        out[i] = t + off;
        break;
      }
      if (off > 0 && fits(t - off, L)) {
        out[i] = t - off;
        break;
      }
    }
    if (out[i] >= 0) for (let x = 0; x < L; x++) free[out[i] + x] = 0;
  }
  return out;
}
