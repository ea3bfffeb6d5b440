import { describe, expect, it } from 'vitest';
import { formatPeople, listInEnglish, rankRelocations } from '../../../src/engine/location/lease-relocation';

// Two settlements in the catchment: 10,000 people 40 minutes away, 2,400 people 46 minutes away
// (average 41.2). Riverbend: 28 and 28. Hilltop: 50 and 60. Market: 40 and 46 (no change).
const catchment = { population: new Float64Array([10_000, 2_400]), currentMinutes: new Float32Array([40, 46]) };
const candidates = {
  count: 3,
  id: ['riverbend', 'hilltop', 'market'],
  label: ['the Thusong centre at Riverbend', 'the old depot on Hilltop', 'the Market Street mall'],
  minutes: new Float32Array([28, 28, 50, 60, 40, 46]),
  departmentsNearby: [['HOME_AFFAIRS', 'SAPS', 'SASSA'], [], ['HEALTH']],
  bundleCompleteness: new Float64Array([1, 0, 0.5]),
};
const office = { id: 'o1', name: 'Kranskloof', department: 'SASSA' };

describe('lease relocation', () => {
  it('ranks the move that shortens trips most first, and says so in one sentence', () => {
    const r = rankRelocations(office, catchment, candidates, { thresholdMinutes: 30, bundleVisitsPerPersonYear: 0.05 });
    expect(r.clients).toBe(12_400);
    expect(r.options.map((o) => o.id)).toEqual(['riverbend', 'market', 'hilltop']);
    const best = r.options[0];
    expect(best.averageMinutesBefore).toBeCloseTo((10_000 * 40 + 2_400 * 46) / 12_400, 9);
    expect(best.averageMinutesAfter).toBe(28);
    expect(best.populationWithinAfter).toBe(12_400);
    expect(best.departmentsBeside).toEqual(['HOME_AFFAIRS', 'SAPS']);
    expect(best.bundleTripsSavedPerYear).toBeCloseTo(12_400 * 0.05, 9);
    expect(best.sentence).toBe(
      'Moving SASSA Kranskloof to the Thusong centre at Riverbend cuts the average trip of its 12,400 clients from 41 to 28 minutes, ' +
        'brings 12,400 more within 30 minutes, puts it beside Home Affairs and SA Police Service and saves about 620 bundle trips a year.',
    );
  });

  it('says when a move lengthens trips or changes nothing', () => {
    const r = rankRelocations(office, catchment, candidates, { thresholdMinutes: 30 });
    const hill = r.options.find((o) => o.id === 'hilltop')!;
    expect(hill.sentence).toMatch(/^Moving SASSA Kranskloof to the old depot on Hilltop lengthens the average trip of its 12,400 clients from 41 to 52 minutes\.$/);
    const market = r.options.find((o) => o.id === 'market')!;
    expect(market.sentence).toContain('keeps the average trip of its 12,400 clients at 41 minutes');
    expect(market.sentence).toContain('puts it beside Health');
  });

  it('marks a move that is worse on every measure than another as dominated', () => {
    const r = rankRelocations(office, catchment, candidates, { thresholdMinutes: 30 });
    expect(r.options.find((o) => o.id === 'hilltop')!.dominated).toBe(true);
    expect(r.options.find((o) => o.id === 'riverbend')!.dominated).toBe(false);
  });

  it('can rank by bundle trips saved first', () => {
    const r = rankRelocations(office, catchment, { ...candidates, bundleCompleteness: new Float64Array([0.2, 0, 0.9]) }, { rankBy: 'bundle-trips' });
    expect(r.options[0].id).toBe('market');
  });

  it('counts clients a move would cut off by road, and keeps them out of the averages', () => {
    const cut = { ...candidates, count: 1, id: ['island'], label: ['the island'], minutes: new Float32Array([20, Infinity]), departmentsNearby: [[]], bundleCompleteness: undefined };
    const r = rankRelocations(office, catchment, cut, { thresholdMinutes: 30 });
    const o = r.options[0];
    expect(o.populationLosingAccess).toBe(2_400);
    expect(o.averageMinutesBefore).toBe(40);
    expect(o.averageMinutesAfter).toBe(20);
    expect(o.sentence).toContain('cuts 2,400 off from it by road');
  });

  it('formats numbers and lists the way people write them', () => {
    expect(formatPeople(12_400)).toBe('12,400');
    expect(formatPeople(999)).toBe('999');
    expect(formatPeople(1_234_567.4)).toBe('1,234,567');
    expect(listInEnglish(['A'])).toBe('A');
    expect(listInEnglish(['A', 'B'])).toBe('A and B');
    expect(listInEnglish(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
