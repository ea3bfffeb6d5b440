/** Small hand-checkable planning inputs. */
import type { PlanStops, TeamSpec } from '../../../src/engine/routing/plan-year';
import { seededRandom } from '../../../src/engine/routing/seeded-random';
import { greatCircleProvider, type TravelProvider } from '../../../src/engine/routing/travel-provider';

/** A provider from a plain minutes matrix (km = minutes / 2). */
export function tableProvider(rows: number[][]): TravelProvider {
  return { size: rows.length, minutes: (i, j) => rows[i][j], km: (i, j) => rows[i][j] / 2 };
}

export interface SmallPlan {
  stops: PlanStops;
  teams: TeamSpec[];
  travel: TravelProvider;
}

/** Stops scattered around two bases ~100 km apart in the Free State-ish plane. */
export function smallPlan(seed: number, count: number, opts: { remote?: number; repeat?: number } = {}): SmallPlan {
  const rng = seededRandom(seed);
  const teams: TeamSpec[] = [
    { id: 'Bloem', baseLon: 26.2, baseLat: -29.1, hoursPerDay: 8, daysPerWeek: 5, daysOff: ['2025-03-03'] },
    { id: 'Welkom', baseLon: 26.7, baseLat: -28.0, hoursPerDay: 7, daysPerWeek: 4 },
  ];
  const S = count + (opts.remote ?? 0);
  const lon = new Float64Array(S);
  const lat = new Float64Array(S);
  for (let s = 0; s < count; s++) {
    const b = teams[s % 2];
    lon[s] = b.baseLon + (rng() - 0.5) * 0.9;
    lat[s] = b.baseLat + (rng() - 0.5) * 0.9;
  }
  for (let s = count; s < S; s++) {
    // ~5 h drive west of Bloemfontein
    lon[s] = 24.3 - rng() * 0.2;
    lat[s] = -29.0 - rng() * 0.3;
  }
  const serviceMinutes = new Float64Array(S).map(() => 60 + 30 * Math.floor(rng() * 5));
  const visitsPerYear = new Int32Array(S).fill(1);
  for (let s = 0; s < (opts.repeat ?? 0); s++) visitsPerYear[s] = 2 + (s % 2);
  const all = [...teams];
  const plon = new Float64Array([...lon, ...all.map((t) => t.baseLon)]);
  const plat = new Float64Array([...lat, ...all.map((t) => t.baseLat)]);
  return { stops: { lon, lat, serviceMinutes, visitsPerYear }, teams, travel: greatCircleProvider(plon, plat) };
}
