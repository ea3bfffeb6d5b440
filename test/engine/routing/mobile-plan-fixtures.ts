/**
 * A small province for the routes tests: two team bases ~130 km apart, settlements scattered
 * around each, a fixed Thusong centre at the southern base, and one farm far out in the Karoo
 * (~5 h drive away: too far for a day, so with overnight trips off it is never visited).
 * Estimated travel (no roads): straight line × 1.3 at 50 km/h.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { planMobileYear, type MobilePlan, type MobilePlanOptions } from '../../../src/engine/routing/mobile-plan';
import type { TeamSpec } from '../../../src/engine/routing/plan-year';
import { seededRandom } from '../../../src/engine/routing/seeded-random';

export const BASES: [number, number][] = [
  [26.2, -29.1],
  [26.7, -28.0],
];

export function routesProvince(options: { remoteFarm?: boolean; count?: number } = {}): { settlements: FeatureCollection; thusong: FeatureCollection; teams: TeamSpec[] } {
  const rng = seededRandom(7);
  const count = options.count ?? 40;
  const features: Feature[] = Array.from({ length: count }, (_, i) => {
    const b = BASES[i % 2];
    return {
      type: 'Feature',
      properties: { id: `S${i + 1}`, name: i === 3 ? '=HYPERLINK("x")' : `Place ${i + 1}`, population: 200 + Math.floor(rng() * 4000) },
      geometry: { type: 'Point', coordinates: [b[0] + (rng() - 0.5) * 0.8, b[1] + (rng() - 0.5) * 0.8] },
    };
  });
  if (options.remoteFarm) features.push({ type: 'Feature', properties: { id: 'FAR', name: 'Verweg', population: 40 }, geometry: { type: 'Point', coordinates: [24.3, -29.1] } });
  const thusong: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'T1', name: 'Bloemspruit Thusong Service Centre' }, geometry: { type: 'Point', coordinates: BASES[0] } }] };
  const teams: TeamSpec[] = [
    { id: 'South', baseLon: BASES[0][0], baseLat: BASES[0][1], hoursPerDay: 8, daysPerWeek: 5, daysOff: ['2027-03-01'], dayStartMinutes: 480 },
    { id: 'North', baseLon: BASES[1][0], baseLat: BASES[1][1], hoursPerDay: 8, daysPerWeek: 4, dayStartMinutes: 450 },
  ];
  return { settlements: { type: 'FeatureCollection', features }, thusong, teams };
}

const cache = new Map<string, MobilePlan>();

/** The plan for the small province (memoised per options: planning is the slow part). */
export function smallPlan(options: MobilePlanOptions = {}, province: { remoteFarm?: boolean } = {}): MobilePlan {
  const key = JSON.stringify([options, province]);
  let mp = cache.get(key);
  if (!mp) {
    const p = routesProvince(province);
    mp = planMobileYear({ settlements: p.settlements, thusong: p.thusong, teams: p.teams, year: 2027 }, { reachMinutes: 20, thusongMinutes: 30, iterations: 200, ...options });
    cache.set(key, mp);
  }
  return mp;
}
