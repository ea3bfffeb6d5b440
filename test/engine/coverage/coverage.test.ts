import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { syntheticProvince } from '../../../bench/synthetic-province';
import { analyseCoverage } from '../../../src/engine/coverage/analyse-coverage';
import { coverageStats } from '../../../src/engine/coverage/coverage-stats';
import { officeTable, placeTable, settlementTable } from '../../../src/engine/coverage/inputs';
import { officeSites } from '../../../src/engine/coverage/sites';
import type { ServiceBundle } from '../../../src/model/catalogue';
import { DEFAULT_CATALOGUE } from '../../../src/model/catalogue';
import { at, collection, point, road } from '../fixtures';

const office = (p: [number, number], id: string, department: string, services = '') => point(p, { id, department, name: id, services, lease_expiry: '' });
const settlement = (p: [number, number], id: string, population: number) => point(p, { id, name: id, population });
const square = (code: string, x0: number, y0: number, x1: number, y1: number): Feature<Polygon> => ({
  type: 'Feature',
  properties: { code, name: code },
  geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] },
});

describe('coverage on a hand-checked road', () => {
  // one 30 km primary road (0.75 minutes per km); settlements on it; two departments
  const roads = collection([road([at(0), at(10), at(20), at(30)])]);
  const settlements = collection([settlement(at(0), 'home', 1000), settlement(at(30), 'far', 500)]);
  const offices = collection([office(at(10), 'HA-1', 'HOME_AFFAIRS'), office(at(20), 'SASSA-1', 'SASSA')]);

  it('times each department’s nearest office and names it', () => {
    const r = analyseCoverage({ roads, settlements, offices }, { bundles: { codes: [] } });
    const ha = r.times.groups.find((g) => g.group === 'HOME_AFFAIRS')!;
    expect(ha.minutes[0]).toBeCloseTo(7.5, 3);
    expect(ha.minutes[1]).toBeCloseTo(15, 3);
    expect(r.times.officeIds[ha.nearestOffice[0]]).toBe('HA-1');
    expect(r.method).toBe('network');
  });

  it('compares the two-office trip with a one-stop Thusong centre in person-hours', () => {
    const bundle: ServiceBundle = { code: 'old_age_grant', name: 'ID + grant', services: ['id_document', 'sassa_grant'], visitsPerPersonYear: 0.02 };
    const thusong = collection([point(at(5), { id: 'T1', name: 'Thusong 1' })]);
    const r = analyseCoverage(
      { roads, settlements, offices, thusong },
      { catalogue: { ...DEFAULT_CATALOGUE, bundles: [bundle] }, bundles: { thusongOffersAll: true } },
    );
    const trip = r.bundles[0];
    // home (0 km): the Thusong centre at 5 km offers both: 5 km there and back = 7.5 minutes,
    // which beats 0 → 10 → 20 → 0 km (30 minutes); so today's best trip IS the one-stop trip
    expect(trip.separateMinutes[0]).toBeCloseTo(7.5, 3);
    expect(trip.oneStopMinutes[0]).toBeCloseTo(7.5, 3);
    // far (30 km): SASSA at 20 and Home Affairs at 10, back home: 20 km each way = 30 minutes;
    // the Thusong centre is 25 km away: 37.5 minutes; co-location elsewhere does not help
    expect(trip.separateMinutes[1]).toBeCloseTo(30, 3);
    expect(trip.oneStopMinutes[1]).toBeCloseTo(37.5, 3);
    expect(trip.extraMinutes[1]).toBeCloseTo(-7.5, 3);
    expect(trip.extraPersonHoursPerYear).toBeCloseTo(0, 6);
    // signed: 500 people × 0.02 visits × −7.5 min / 60 = −1.25 person-hours
    expect(trip.netPersonHoursPerYear).toBeCloseTo(-1.25, 3);
  });

  it('counts the hours lost where separate offices take longer than the nearest one-stop site', () => {
    const bundle: ServiceBundle = { code: 'b', name: 'ID + grant', services: ['id_document', 'sassa_grant'], visitsPerPersonYear: 0.05 };
    const thusong = collection([point(at(12), { id: 'T1', name: 'Thusong 1' })]);
    const r = analyseCoverage(
      { roads, settlements: collection([settlement(at(0), 'home', 1000)]), offices: collection([office(at(10), 'HA-1', 'HOME_AFFAIRS'), office(at(30), 'SASSA-1', 'SASSA')]), thusong },
      { catalogue: { ...DEFAULT_CATALOGUE, bundles: [bundle] }, bundles: { thusongOffersAll: true, candidatesPerService: 1 } },
    );
    const trip = r.bundles[0];
    // nearest per service from home: Home Affairs at 10 km; SASSA: the Thusong centre at 12 km
    // (it offers every service) — so with one candidate per service the trip is 0 → 10 → 12 → 0
    // = 24 km = 18 minutes, against the one-stop 0 → 12 → 0 = 18 minutes
    expect(trip.separateMinutes[0]).toBeCloseTo(18, 3);
    expect(trip.oneStopMinutes[0]).toBeCloseTo(18, 3);
  });

  it('reports the extra burden when only separate offices exist nearby', () => {
    const bundle: ServiceBundle = { code: 'b', name: 'ID + grant', services: ['id_document', 'sassa_grant'], visitsPerPersonYear: 0.05 };
    // a co-located pair (two offices 50 m apart) at 28 km is the only one-stop site
    const pair = [office(at(28), 'HA-2', 'HOME_AFFAIRS'), office(at(28.05), 'SASSA-2', 'SASSA')];
    const r = analyseCoverage(
      { roads, settlements: collection([settlement(at(20), 'x', 1200)]), offices: collection([office(at(14), 'HA-1', 'HOME_AFFAIRS'), office(at(26), 'SASSA-1', 'SASSA'), ...pair]) },
      { catalogue: { ...DEFAULT_CATALOGUE, bundles: [bundle] }, bundles: { candidatesPerService: 1 } },
    );
    expect(r.sites.count).toBe(3);
    const trip = r.bundles[0];
    expect(trip.wholeSiteCount).toBe(1);
    // separate (nearest office per service): 20 → 14 (HA) → 26 (SASSA) → 20 = 6 + 12 + 6 = 24 km
    // = 18 minutes; one stop at 28 km: 8 km each way = 12 minutes
    expect(trip.separateMinutes[0]).toBeCloseTo(18, 3);
    expect(trip.separateStops[0]).toBe(2);
    expect(trip.oneStopMinutes[0]).toBeCloseTo(12, 3);
    // 1200 people × 0.05 visits × 6 minutes / 60 = 6 person-hours a year
    expect(trip.extraPersonHoursPerYear).toBeCloseTo(6, 3);
    expect(trip.burdenedPopulation).toBe(1200);
  });
});

describe('office sites', () => {
  it('merges offices within 100 m into one site offering all their services', () => {
    const offices = officeTable(collection([office(at(0), 'A', 'HOME_AFFAIRS'), office(at(0.08), 'B', 'SASSA'), office(at(0.3), 'C', 'SAPS')]));
    const sites = officeSites(offices, null);
    expect(sites.count).toBe(2);
    expect(sites.id).toEqual(['A+B', 'C']);
    expect(sites.services[0]).toEqual(['birth_certificate', 'id_document', 'sassa_grant']);
  });

  it('adds Thusong centres as all-service sites only when asked', () => {
    const offices = officeTable(collection([office(at(0), 'A', 'HOME_AFFAIRS')]));
    const thusong = placeTable(collection([point(at(0.05), { id: 'T' }), point(at(5), { id: 'U' })]), 'thusong');
    expect(officeSites(offices, thusong).count).toBe(1);
    const sites = officeSites(offices, thusong, { thusongOffersAll: true });
    expect(sites.id).toEqual(['A+T', 'U']);
    expect(Array.from(sites.offersAll)).toEqual([1, 1]);
  });
});

describe('coverage statistics', () => {
  const province = syntheticProvince({ seed: 8, roadNodes: 2500, settlements: 400, officesPerDepartment: 3, departments: ['SASSA', 'HOME_AFFAIRS', 'HEALTH'], bbox: [27, -27, 27.8, -26.2], municipalityGrid: [3, 2] });
  const result = analyseCoverage(province, { bundles: { thusongOffersAll: true } });

  it('splits the province total exactly into municipalities (and NONE)', () => {
    const { rows } = result.stats;
    for (const all of rows.filter((r) => r.municipality === 'ALL')) {
      const parts = rows.filter((r) => r.group === all.group && r.thresholdMinutes === all.thresholdMinutes && r.municipality !== 'ALL');
      expect(parts.reduce((a, r) => a + r.population, 0)).toBeCloseTo(all.population, 6);
      expect(parts.reduce((a, r) => a + r.coveredPopulation, 0)).toBeCloseTo(all.coveredPopulation, 6);
    }
  });

  it('never covers more than the population, and covers more as the threshold grows', () => {
    const { rows } = result.stats;
    for (const r of rows) expect(r.coveredPopulation).toBeLessThanOrEqual(r.population);
    const sassa = rows.filter((r) => r.group === 'SASSA' && r.municipality === 'ALL').map((r) => r.coveredPopulation);
    expect(sassa).toEqual([...sassa].sort((a, b) => a - b));
  });

  it('recomputes only the statistics when thresholds change', () => {
    const again = coverageStats(result.times, [45, 15]);
    expect(again.thresholds).toEqual([15, 45]);
    const t15 = again.rows.find((r) => r.group === 'SASSA' && r.municipality === 'ALL' && r.thresholdMinutes === 15)!;
    const sassa = result.times.groups.find((g) => g.group === 'SASSA')!;
    let expected = 0;
    for (let i = 0; i < result.times.settlementCount; i++) if (sassa.minutes[i] <= 15) expected += result.times.population[i];
    expect(t15.coveredPopulation).toBeCloseTo(expected, 6);
  });

  it('gives catchments that add up to the reachable population of each department', () => {
    for (const g of result.times.groups.filter((x) => x.kind === 'department')) {
      const inCatchments = result.stats.catchments.filter((c) => c.department === g.group).reduce((a, c) => a + c.population, 0);
      const summary = result.stats.groups.find((s) => s.group === g.group)!;
      expect(inCatchments).toBeCloseTo(summary.population - summary.unreachablePopulation, 6);
    }
  });

  it('ranks underserved settlements by population × minutes', () => {
    const list = result.stats.groups[0].underserved;
    expect(list.length).toBe(20);
    for (let i = 1; i < list.length; i++) expect(list[i - 1].score).toBeGreaterThanOrEqual(list[i].score);
    const g = result.times.groups[0];
    let best = 0;
    for (let i = 0; i < result.times.settlementCount; i++) if (g.minutes[i] < Infinity) best = Math.max(best, result.times.population[i] * g.minutes[i]);
    expect(list[0].score).toBeCloseTo(best, 3);
  });

  it('flags the settlements far from any road as unreachable rather than joining them', () => {
    expect(result.snapping!.settlementsTooFar).toBeGreaterThan(0);
    const sassa = result.times.groups[0];
    result.snapping!.settlementTooFar.forEach((far, i) => far && expect(sassa.minutes[i]).toBe(Infinity));
  });

  it('labels times estimated without roads as estimates', () => {
    const r = analyseCoverage({ ...province, roads: null }, { bundles: { codes: [] } });
    expect(r.method).toBe('estimate');
    expect(r.times.method).toBe('estimate');
    expect(r.network).toBeNull();
    expect(r.settings.estimate).toEqual({ detourFactor: 1.3, averageKmh: 50 });
  });

  it('puts settlements in municipalities by point in polygon, using a polygon settlement’s centroid', () => {
    const municipalities = collection([square('W', 27, -27, 27.5, -26), square('E', 27.5, -27, 28, -26)]);
    const settlements = collection([
      settlement([27.2, -26.5], 'west', 10),
      { type: 'Feature', properties: { id: 'east-area', population: 5 }, geometry: { type: 'Polygon', coordinates: [[[27.6, -26.6], [27.8, -26.6], [27.8, -26.4], [27.6, -26.4], [27.6, -26.6]]] } },
      settlement([29, -26.5], 'outside', 1),
    ]);
    expect(settlementTable(settlements).lon[1]).toBeCloseTo(27.7, 9);
    const r = analyseCoverage({ settlements, offices: collection([office([27.3, -26.5], 'X', 'SASSA')]), municipalities }, { bundles: { codes: [] } });
    expect(Array.from(r.times.municipality)).toEqual([0, 1, -1]);
    const rows = r.stats.rows.filter((x) => x.thresholdMinutes === 30).map((x) => [x.municipality, x.population]);
    expect(rows).toEqual([['ALL', 16], ['W', 10], ['E', 5], ['NONE', 1]]);
  });
});

describe('bundle trips with more than one candidate per service', () => {
  it('uses the second-nearest office of a service when it lies on the way', () => {
    // home at 0 km; Home Affairs at 10 km; SASSA at 3 km behind home (−3 km) and at 11 km.
    // Nearest only: 0 → −3 → 10 → 0 = 3 + 13 + 10 = 26 km; with two candidates: 0 → 10 → 11 → 0
    // = 22 km (16.5 minutes at 0.75 min/km)
    const roads = collection([road([at(-5), at(0), at(10), at(20)])]);
    const bundle: ServiceBundle = { code: 'b', name: 'ID + grant', services: ['id_document', 'sassa_grant'], visitsPerPersonYear: 0.02 };
    const inputs = {
      roads,
      settlements: collection([settlement(at(0), 'home', 100)]),
      offices: collection([office(at(10), 'HA', 'HOME_AFFAIRS'), office(at(-3), 'S1', 'SASSA'), office(at(11), 'S2', 'SASSA')]),
    };
    const catalogue = { ...DEFAULT_CATALOGUE, bundles: [bundle] };
    const one = analyseCoverage(inputs, { catalogue, bundles: { candidatesPerService: 1 } });
    const two = analyseCoverage(inputs, { catalogue, bundles: { candidatesPerService: 2 } });
    expect(one.bundles[0].separateMinutes[0]).toBeCloseTo(26 * 0.75, 3);
    expect(two.bundles[0].separateMinutes[0]).toBeCloseTo(22 * 0.75, 3);
  });
});
