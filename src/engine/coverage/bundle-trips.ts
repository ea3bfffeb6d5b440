/**
 * The burden of services that are not co-located. For each bundle (e.g. ID + medical assessment +
 * grant) and each settlement we compare
 *  - today's trip: home → the nearest site offering each service → home, in the best order (a site
 *    offering several services is one stop). `candidatesPerService` > 1 also lets the trip use
 *    the 2nd, 3rd… nearest site of a service when it lies on the way (k-nearest searches cost
 *    about k times more); and
 *  - the one-stop trip: home → the nearest site offering the whole bundle → home.
 * The extra minutes of today's trip, × population × visits per person per year, are the
 * person-hours lost each year to non-co-location. Where the nearest one-stop site is farther than
 * today's separate offices the difference is negative: co-location elsewhere does not help those
 * residents; the total counts only the positive part (and the signed total is given too).
 * Simplification: the way home is timed as the way out (see bundle-tour.ts).
 */
import { throttleProgress, type ProgressFn } from '../../model/progress';
import type { ServiceBundle } from '../../model/catalogue';
import type { KNearestTimes } from '../network/travel-times';
import { bestTour, createTourResult, createTourScratch } from './bundle-tour';
import type { SettlementTable } from './inputs';
import { siteOffers, type Sites } from './sites';
import { betweenTimes, kNearestTimes, nearestTimes, type Destinations, type TravelContext } from './travel-context';

export interface BundleOptions {
  /** nearest sites considered per service (default 1: the nearest, as residents usually go) */
  candidatesPerService?: number;
  /** visits per person per year by bundle code; the catalogue's value otherwise */
  visitsPerPersonYear?: Record<string, number>;
}

export interface BundleTrip {
  bundle: string;
  name: string;
  services: string[];
  visitsPerPersonYear: number;
  /** best round trip collecting the bundle from separate sites, minutes; Infinity = impossible */
  separateMinutes: Float32Array;
  /** stops on that trip */
  separateStops: Uint8Array;
  /** round trip to the nearest site offering the whole bundle; Infinity = none reachable */
  oneStopMinutes: Float32Array;
  /** that site (index into sites), -1 = none */
  oneStopSite: Int32Array;
  /** separateMinutes − oneStopMinutes; NaN where either is unreachable */
  extraMinutes: Float32Array;
  /** sites offering every service of the bundle */
  wholeSiteCount: number;
  /** services of the bundle that no site offers */
  missingServices: string[];
  /** Σ population × visits × max(0, extra) / 60 */
  extraPersonHoursPerYear: number;
  /** Σ population × visits × extra / 60 (signed) */
  netPersonHoursPerYear: number;
  /** population for whom the one-stop trip would be shorter */
  burdenedPopulation: number;
}

const MAX_SERVICES = 6;

export function bundleTrips(
  ctx: TravelContext,
  settlements: SettlementTable,
  sites: Sites,
  siteDestinations: Destinations,
  bundles: ServiceBundle[],
  options: BundleOptions = {},
  progress?: ProgressFn,
): BundleTrip[] {
  const report = throttleProgress(progress);
  const K = Math.max(1, Math.floor(options.candidatesPerService ?? 1));
  const n = settlements.count;
  const S = sites.count;
  const usable = bundles.filter((b) => b.services.length > 0 && b.services.length <= MAX_SERVICES);

  // k nearest sites per service, shared by every bundle that needs the service
  const services = [...new Set(usable.flatMap((b) => b.services))];
  const perService = new Map<string, KNearestTimes>();
  services.forEach((sv, k) => {
    report({ phase: 'Bundles: nearest sites per service', done: k, total: services.length });
    const offering: number[] = [];
    for (let s = 0; s < S; s++) if (siteOffers(sites, s, sv)) offering.push(s);
    perService.set(sv, kNearestTimes(ctx, siteDestinations, offering, K));
  });

  const masks = usable.map((b) => {
    const m = new Int32Array(S);
    for (let s = 0; s < S; s++) b.services.forEach((sv, bit) => siteOffers(sites, s, sv) && (m[s] |= 1 << bit));
    return m;
  });

  // candidates of settlement i for bundle b, into scratch arrays; returns how many
  const maxU = MAX_SERVICES * K;
  const candSite = new Int32Array(maxU);
  const candHome = new Float64Array(maxU);
  const candMask = new Int32Array(maxU);
  const gather = (b: number, i: number): number => {
    let u = 0;
    for (const sv of usable[b].services) {
      const kn = perService.get(sv)!;
      for (let y = 0; y < K; y++) {
        const site = kn.nearest[i * K + y];
        if (site < 0) break;
        const m = kn.minutes[i * K + y];
        let x = 0;
        while (x < u && candSite[x] !== site) x++;
        if (x === u) {
          candSite[u] = site;
          candHome[u] = m;
          candMask[u] = masks[b][site];
          u++;
        } else if (m < candHome[x]) candHome[x] = m;
      }
    }
    return u;
  };

  // site-to-site times, only for pairs that appear together among some settlement's candidates
  const needed = new Uint8Array(S * S);
  for (let b = 0; b < usable.length; b++) {
    for (let i = 0; i < n; i++) {
      const u = gather(b, i);
      for (let x = 0; x < u; x++) for (let y = 0; y < u; y++) if (x !== y) needed[candSite[x] * S + candSite[y]] = 1;
    }
  }
  const between = betweenTimes(ctx, siteDestinations, needed, (p) => report({ ...p, phase: 'Bundles: times between sites' }));

  const local = new Float64Array(maxU * maxU);
  const tour = createTourResult(maxU);
  const scratch = createTourScratch(maxU);
  return usable.map((bundle, b) => {
    report({ phase: `Bundles: ${bundle.code}`, done: b, total: usable.length });
    const full = (1 << bundle.services.length) - 1;
    const whole: number[] = [];
    for (let s = 0; s < S; s++) if (masks[b][s] === full) whole.push(s);
    const one = nearestTimes(ctx, siteDestinations, whole);
    const visits = options.visitsPerPersonYear?.[bundle.code] ?? bundle.visitsPerPersonYear;
    const trip: BundleTrip = {
      bundle: bundle.code,
      name: bundle.name,
      services: bundle.services,
      visitsPerPersonYear: visits,
      separateMinutes: new Float32Array(n),
      separateStops: new Uint8Array(n),
      oneStopMinutes: new Float32Array(n),
      oneStopSite: one.nearest,
      extraMinutes: new Float32Array(n),
      wholeSiteCount: whole.length,
      missingServices: bundle.services.filter((sv) => !sites.services.some((_, s) => siteOffers(sites, s, sv))),
      extraPersonHoursPerYear: 0,
      netPersonHoursPerYear: 0,
      burdenedPopulation: 0,
    };
    for (let i = 0; i < n; i++) {
      const u = gather(b, i);
      for (let x = 0; x < u; x++) {
        for (let y = 0; y < u; y++) local[x * u + y] = x === y ? 0 : between[candSite[x] * S + candSite[y]];
      }
      bestTour(u, candHome, candMask, full, local, tour, scratch);
      trip.separateMinutes[i] = tour.minutes;
      trip.separateStops[i] = tour.stops;
      const oneStop = 2 * one.minutes[i];
      trip.oneStopMinutes[i] = oneStop;
      const extra = tour.minutes - oneStop;
      trip.extraMinutes[i] = Number.isFinite(extra) ? extra : NaN;
      if (Number.isFinite(extra)) {
        const hours = (settlements.population[i] * visits * extra) / 60;
        trip.netPersonHoursPerYear += hours;
        if (extra > 0) {
          trip.extraPersonHoursPerYear += hours;
          trip.burdenedPopulation += settlements.population[i];
        }
      }
    }
    return trip;
  });
}
