/**
 * South African public holidays (Public Holidays Act 36 of 1994).
 *
 * The fixed days and the two Easter days are in the Act's Schedule 1; section 2(1) says that when a
 * public holiday falls on a Sunday the following Monday is a public holiday. The Act does not
 * cascade: when Christmas is a Sunday the Monday is already the Day of Goodwill and no Tuesday is
 * added by the rule (in 2016 and 2022 the President declared 27 December separately).
 *
 * One-off days the President declares under section 2A (election days, 2016-08-03, 2019-05-08,
 * 2021-11-01, 2024-05-29; 2022-12-27 …) follow no rule: pass them as `extraDeclared`.
 */

export interface Holiday {
  /** YYYY-MM-DD */
  date: string;
  name: string;
  /** 'fixed' and 'easter' from Schedule 1, 'sunday-rule' the Monday after a Sunday holiday, 'declared' given by the caller */
  kind: 'fixed' | 'easter' | 'sunday-rule' | 'declared';
}

export interface HolidayOptions {
  /** extra one-off public holidays, YYYY-MM-DD (e.g. election days); those outside the year are ignored */
  extraDeclared?: readonly string[];
}

const FIXED: ReadonlyArray<[month: number, day: number, name: string]> = [
  [1, 1, "New Year's Day"],
  [3, 21, 'Human Rights Day'],
  [4, 27, 'Freedom Day'],
  [5, 1, "Workers' Day"],
  [6, 16, 'Youth Day'],
  [8, 9, "National Women's Day"],
  [9, 24, 'Heritage Day'],
  [12, 16, 'Day of Reconciliation'],
  [12, 25, 'Christmas Day'],
  [12, 26, 'Day of Goodwill'],
];

/** Days since 1970-01-01 (UTC) — the calendar's integer day number. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** YYYY-MM-DD of a day number. */
export function isoDate(dayNum: number): string {
  return new Date(dayNum * 86_400_000).toISOString().slice(0, 10);
}

/** Day number of a YYYY-MM-DD string, or NaN when it is not a real date. */
export function parseIsoDate(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const n = dayNumber(y, mo, d);
  return isoDate(n) === `${m[1]}-${m[2]}-${m[3]}` ? n : NaN;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(dayNum: number): number {
  return (((dayNum + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm; Meeus, Astronomical Algorithms). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

/** The public holidays of a year, sorted by date (one entry per date). */
export function southAfricanHolidays(year: number, options: HolidayOptions = {}): Holiday[] {
  const byDay = new Map<number, Holiday>();
  const add = (n: number, name: string, kind: Holiday['kind']) => {
    if (!byDay.has(n)) byDay.set(n, { date: isoDate(n), name, kind });
  };
  const easter = easterSunday(year);
  const easterDay = dayNumber(year, easter.month, easter.day);
  const schedule: Array<[number, string, Holiday['kind']]> = [
    ...FIXED.map(([mo, d, name]) => [dayNumber(year, mo, d), name, 'fixed'] as [number, string, Holiday['kind']]),
    [easterDay - 2, 'Good Friday', 'easter'],
    [easterDay + 1, 'Family Day', 'easter'],
  ];
  for (const [n, name, kind] of schedule) add(n, name, kind);
  // s2(1): a Sunday holiday gives the following Monday, unless that Monday is already a holiday.
  for (const [n, name] of schedule) {
    if (weekday(n) === 0 && !byDay.has(n + 1)) add(n + 1, `${name} (observed)`, 'sunday-rule');
  }
  for (const s of options.extraDeclared ?? []) {
    const n = parseIsoDate(s);
    if (Number.isFinite(n) && isoDate(n).startsWith(`${year}-`)) add(n, 'Declared public holiday', 'declared');
  }
  return [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([, h]) => h);
}
