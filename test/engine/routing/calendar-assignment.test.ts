import { describe, expect, it } from 'vitest';
import { placeTrips } from '../../../src/engine/routing/calendar';
import { isoDate, weekday } from '../../../src/engine/routing/holidays';
import { assignStopsToTeams } from '../../../src/engine/routing/team-assignment';
import { workingDayNumbers } from '../../../src/engine/routing/working-days';

describe('calendar placement', () => {
  const days = workingDayNumbers(2025);

  it('spreads one-day trips evenly through the year', () => {
    const trips = Array.from({ length: 10 }, (_, i) => ({ days: 1, phase: i / 10, priority: 0 }));
    const starts = [...placeTrips(days, trips)];
    expect(starts.every((s) => s >= 0)).toBe(true);
    const gaps = starts.slice(1).map((s, i) => s - starts[i]);
    for (const g of gaps) expect(g).toBe(25); // 250 working days / 10 trips
    expect(starts[0]).toBe(12);
  });

  it('puts a multi-day trip on consecutive calendar days that are all working days', () => {
    const trips = Array.from({ length: 40 }, (_, i) => ({ days: 3, phase: i / 40, priority: 0 }));
    const starts = placeTrips(days, trips);
    const used = new Set<number>();
    for (const s of starts) {
      expect(s).toBeGreaterThanOrEqual(0);
      for (let k = 0; k < 3; k++) {
        expect(days[s + k]).toBe(days[s] + k);
        expect(used.has(s + k)).toBe(false);
        used.add(s + k);
      }
    }
    // never across Easter 2025 (Good Friday 18 April, Family Day 21 April)
    for (const s of starts) expect([isoDate(days[s]), isoDate(days[s + 2])]).not.toContain('2025-04-18');
  });

  it('leaves out lower-priority trips first when the year is too short', () => {
    const trips = [
      ...Array.from({ length: 240 }, (_, i) => ({ days: 1, phase: i / 240, priority: 0 })),
      ...Array.from({ length: 20 }, (_, i) => ({ days: 1, phase: i / 20, priority: 1 })),
    ];
    const starts = placeTrips(days, trips);
    expect([...starts.slice(0, 240)].every((s) => s >= 0)).toBe(true);
    expect([...starts.slice(240)].filter((s) => s < 0)).toHaveLength(10);
  });

  it('never uses a weekend', () => {
    for (const d of days) expect([0, 6]).not.toContain(weekday(d));
  });
});

describe('team assignment', () => {
  // two teams on a line at 0 and 100; stops at 0..100
  const pos = Array.from({ length: 21 }, (_, i) => i * 5);
  const base = [0, 100];
  const inputs = (capacity: number[]) => ({
    stopCount: pos.length,
    teamCount: 2,
    minutesFromBase: (t: number, s: number) => Math.abs(pos[s] - base[t]),
    load: () => 60,
    eligible: () => true,
    capacityMinutes: capacity,
  });

  it('gives each stop its nearest base when balance is not asked for', () => {
    const a = assignStopsToTeams(inputs([1000, 1000]), Infinity);
    pos.forEach((p, s) => {
      if (p < 50) expect(a[s]).toBe(0);
      if (p > 50) expect(a[s]).toBe(1);
    });
  });

  it('keeps each team within its share of the work when one team has less time', () => {
    const a = assignStopsToTeams(inputs([3000, 1000]), 1.0);
    const count = [0, 0];
    for (const t of a) count[t]++;
    // loads 60 each, 21 stops: team 1's share is a quarter
    expect(count[1] * 60).toBeLessThanOrEqual(0.25 * 21 * 60 + 1e-9);
    // and what it keeps is its nearest stops
    pos.forEach((p, s) => {
      if (a[s] === 1) expect(p).toBeGreaterThan(60);
    });
  });

  it('never assigns a stop to a team that cannot serve it', () => {
    const a = assignStopsToTeams({ ...inputs([1000, 1000]), eligible: (t: number, s: number) => !(t === 0 && s === 3) }, Infinity);
    expect(a[3]).toBe(1);
  });
});
