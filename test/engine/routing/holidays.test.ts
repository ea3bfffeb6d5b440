import { describe, expect, it } from 'vitest';
import { easterSunday, parseIsoDate, southAfricanHolidays, weekday, isoDate, dayNumber } from '../../../src/engine/routing/holidays';
import { workingDayNumbers } from '../../../src/engine/routing/working-days';

const dates = (year: number, extra: string[] = []) => southAfricanHolidays(year, { extraDeclared: extra }).map((h) => h.date);

/**
 * Expected dates as published in the government's public-holiday calendars (gov.za, "Public
 * holidays" for each year). One-off declared days (elections, 2022-12-27) are not produced by the
 * Act's rule and are passed in as extra declared days where they are listed.
 */
const PUBLISHED: Record<number, { dates: string[]; declared: string[] }> = {
  2019: {
    declared: ['2019-05-08'], // national and provincial elections
    dates: ['2019-01-01', '2019-03-21', '2019-04-19', '2019-04-22', '2019-04-27', '2019-05-01', '2019-05-08', '2019-06-16', '2019-06-17', '2019-08-09', '2019-09-24', '2019-12-16', '2019-12-25', '2019-12-26'],
  },
  2021: {
    declared: ['2021-11-01'], // local government elections
    dates: ['2021-01-01', '2021-03-21', '2021-03-22', '2021-04-02', '2021-04-05', '2021-04-27', '2021-05-01', '2021-06-16', '2021-08-09', '2021-09-24', '2021-11-01', '2021-12-16', '2021-12-25', '2021-12-26', '2021-12-27'],
  },
  2022: {
    declared: ['2022-12-27'],
    dates: ['2022-01-01', '2022-03-21', '2022-04-15', '2022-04-18', '2022-04-27', '2022-05-01', '2022-05-02', '2022-06-16', '2022-08-09', '2022-09-24', '2022-12-16', '2022-12-25', '2022-12-26', '2022-12-27'],
  },
  2023: {
    declared: [],
    dates: ['2023-01-01', '2023-01-02', '2023-03-21', '2023-04-07', '2023-04-10', '2023-04-27', '2023-05-01', '2023-06-16', '2023-08-09', '2023-09-24', '2023-09-25', '2023-12-16', '2023-12-25', '2023-12-26'],
  },
  2024: {
    declared: ['2024-05-29'], // national and provincial elections
    dates: ['2024-01-01', '2024-03-21', '2024-03-29', '2024-04-01', '2024-04-27', '2024-05-01', '2024-05-29', '2024-06-16', '2024-06-17', '2024-08-09', '2024-09-24', '2024-12-16', '2024-12-25', '2024-12-26'],
  },
  2025: {
    declared: [],
    dates: ['2025-01-01', '2025-03-21', '2025-04-18', '2025-04-21', '2025-04-27', '2025-04-28', '2025-05-01', '2025-06-16', '2025-08-09', '2025-09-24', '2025-12-16', '2025-12-25', '2025-12-26'],
  },
  2026: {
    declared: [],
    dates: ['2026-01-01', '2026-03-21', '2026-04-03', '2026-04-06', '2026-04-27', '2026-05-01', '2026-06-16', '2026-08-09', '2026-08-10', '2026-09-24', '2026-12-16', '2026-12-25', '2026-12-26'],
  },
};

describe('South African public holidays', () => {
  for (const [year, { dates: expected, declared }] of Object.entries(PUBLISHED)) {
    it(`match the published calendar of ${year}`, () => {
      expect(dates(Number(year), declared)).toEqual(expected);
    });
  }

  it('put Good Friday 2024 on 29 March and Family Day 2025 on 21 April', () => {
    const h2024 = southAfricanHolidays(2024);
    expect(h2024.find((h) => h.name === 'Good Friday')?.date).toBe('2024-03-29');
    expect(southAfricanHolidays(2025).find((h) => h.name === 'Family Day')?.date).toBe('2025-04-21');
  });

  it('move a Sunday holiday to the Monday (Day of Goodwill 2021, Freedom Day 2025)', () => {
    const h2021 = southAfricanHolidays(2021);
    expect(h2021.find((h) => h.date === '2021-12-27')?.kind).toBe('sunday-rule');
    const h2025 = southAfricanHolidays(2025);
    expect(h2025.find((h) => h.date === '2025-04-28')?.name).toBe('Freedom Day (observed)');
  });

  it('leave Youth Day 2022 on Thursday 16 June with no extra day', () => {
    expect(weekday(parseIsoDate('2022-06-16'))).toBe(4);
    expect(dates(2022)).toContain('2022-06-16');
    expect(dates(2022)).not.toContain('2022-06-17');
  });

  it('do not cascade when Christmas is a Sunday: 27 December 2022 only when declared', () => {
    expect(dates(2022)).not.toContain('2022-12-27');
    expect(dates(2022, ['2022-12-27'])).toContain('2022-12-27');
  });

  it('ignore declared days of other years and invalid dates', () => {
    expect(dates(2025, ['2024-05-29', '2025-02-30', 'nonsense'])).toEqual(PUBLISHED[2025].dates);
  });
});

describe('Easter Sunday', () => {
  it('matches known dates across centuries', () => {
    const known: Array<[number, number, number]> = [
      [1818, 3, 22], [1943, 4, 25], [2000, 4, 23], [2008, 3, 23], [2011, 4, 24], [2019, 4, 21],
      [2024, 3, 31], [2025, 4, 20], [2026, 4, 5], [2038, 4, 25], [2285, 3, 22],
    ];
    for (const [y, m, d] of known) expect(easterSunday(y), String(y)).toEqual({ month: m, day: d });
  });

  it('always falls on a Sunday between 22 March and 25 April', () => {
    for (let y = 1900; y <= 2199; y++) {
      const e = easterSunday(y);
      const n = dayNumber(y, e.month, e.day);
      expect(weekday(n)).toBe(0);
      expect(n).toBeGreaterThanOrEqual(dayNumber(y, 3, 22));
      expect(n).toBeLessThanOrEqual(dayNumber(y, 4, 25));
    }
  });
});

describe('working days', () => {
  it('are Monday to Friday minus public holidays by default (2025 has 250)', () => {
    const days = workingDayNumbers(2025);
    // 261 weekdays in 2025, minus the 11 holidays that fall on weekdays
    expect(days.length).toBe(250);
    for (const d of days) expect([1, 2, 3, 4, 5]).toContain(weekday(d));
    expect([...days].map(isoDate)).not.toContain('2025-04-28');
  });

  it('honour days per week and a team’s days off', () => {
    const six = workingDayNumbers(2025, { daysPerWeek: 6 });
    expect(six.some((d) => weekday(d) === 6)).toBe(true);
    const four = workingDayNumbers(2025, { daysPerWeek: 4, daysOff: ['2025-01-02', '2025-01-06'] });
    expect(four.some((d) => weekday(d) === 5)).toBe(false);
    expect([...four].map(isoDate)).not.toContain('2025-01-02');
    expect([...four].map(isoDate)).not.toContain('2025-01-06');
    expect([...four].map(isoDate)).toContain('2025-01-07');
  });
});
