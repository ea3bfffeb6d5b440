/**
 * A team's working dates in a year: its weekdays (Monday to Friday by default), minus South
 * African public holidays, minus the team's own days off.
 */
import { dayNumber, parseIsoDate, southAfricanHolidays, weekday, type HolidayOptions } from './holidays';

export interface WorkingCalendarOptions {
  /** 1–7: Monday onwards (5 = Monday–Friday, 6 = Monday–Saturday, 7 = every day); default 5 */
  daysPerWeek?: number;
  /** explicit weekdays worked (0 = Sunday … 6 = Saturday); wins over daysPerWeek */
  workWeekdays?: readonly number[];
  /** the team's own days off, YYYY-MM-DD */
  daysOff?: readonly string[];
  holidays?: HolidayOptions;
}

/** The weekdays (0 = Sunday) a team works. */
export function workWeekdaysOf(options: WorkingCalendarOptions): Set<number> {
  if (options.workWeekdays) return new Set(options.workWeekdays);
  const n = Math.max(1, Math.min(7, Math.round(options.daysPerWeek ?? 5)));
  const set = new Set<number>();
  for (let k = 1; k <= n; k++) set.add(k % 7);
  return set;
}

/** Why a date is not a working date for a team, or undefined when it is one. */
export function nonWorkingReason(dayNum: number, options: WorkingCalendarOptions, holidayDays: ReadonlySet<number>, daysOff: ReadonlySet<number>): string | undefined {
  if (!workWeekdaysOf(options).has(weekday(dayNum))) return 'not one of the team’s working weekdays';
  if (holidayDays.has(dayNum)) return 'a public holiday';
  if (daysOff.has(dayNum)) return 'one of the team’s days off';
  return undefined;
}

/** Day numbers (see holidays.ts) of public holidays in a year. */
export function holidayDayNumbers(year: number, options: HolidayOptions = {}): Set<number> {
  return new Set(southAfricanHolidays(year, options).map((h) => parseIsoDate(h.date)));
}

export function dayOffNumbers(daysOff: readonly string[] = []): Set<number> {
  const out = new Set<number>();
  for (const s of daysOff) {
    const n = parseIsoDate(s);
    if (Number.isFinite(n)) out.add(n);
  }
  return out;
}

/** The working dates of a year as ascending day numbers. */
export function workingDayNumbers(year: number, options: WorkingCalendarOptions = {}): Int32Array {
  const weekdays = workWeekdaysOf(options);
  const holidays = holidayDayNumbers(year, options.holidays);
  const off = dayOffNumbers(options.daysOff);
  const first = dayNumber(year, 1, 1);
  const last = dayNumber(year, 12, 31);
  const out: number[] = [];
  for (let d = first; d <= last; d++) {
    if (weekdays.has(weekday(d)) && !holidays.has(d) && !off.has(d)) out.push(d);
  }
  return Int32Array.from(out);
}
