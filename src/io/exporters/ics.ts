/**
 * iCalendar (RFC 5545) for team visit calendars: one VEVENT per visit or working day, in South
 * African Standard Time (Africa/Johannesburg, UTC+02:00 all year, no daylight saving) with the
 * VTIMEZONE included so any calendar reads local times right. CRLF line ends, content lines folded
 * at 75 octets (never inside a UTF-8 character), TEXT values escaped (\\ ; , and newlines).
 */

export interface IcsEvent {
  /** globally unique and stable across exports, e.g. `team-3-2025-02-04-stop-17@thusong-planner` */
  uid: string;
  /** local date YYYY-MM-DD and minutes since local midnight (may exceed 1440 to run past midnight) */
  startDate: string;
  startMinutes: number;
  endDate?: string;
  endMinutes: number;
  summary: string;
  description?: string;
  location?: string;
  /** [lat, lon] in degrees */
  geo?: [number, number];
  categories?: string[];
}

export interface IcsOptions {
  /** default "-//Thusong Planner//Routes//EN" */
  prodId?: string;
  /** shown as the calendar's name (X-WR-CALNAME) */
  calendarName?: string;
  /** DTSTAMP of every event; pass a fixed time for reproducible files (default now) */
  stamp?: Date;
}

export const SAST_TZID = 'Africa/Johannesburg';

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${SAST_TZID}`,
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0200',
  'TZNAME:SAST',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeIcsText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds one content line into ≤ 75-octet physical lines (§3.1), splitting only between characters. */
export function foldIcsLine(line: string): string {
  const enc = new TextEncoder();
  if (enc.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (octets + n > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // continuation lines start with a space
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function localDateTime(date: string, minutes: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d) + Math.round(minutes) * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}${p(t.getUTCMonth() + 1)}${p(t.getUTCDate())}T${p(t.getUTCHours())}${p(t.getUTCMinutes())}00`;
}

function utcStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function toIcs(events: ReadonlyArray<IcsEvent>, options: IcsOptions = {}): string {
  const stamp = utcStamp(options.stamp ?? new Date());
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${options.prodId ?? '-//Thusong Planner//Routes//EN'}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (options.calendarName) lines.push(`X-WR-CALNAME:${escapeIcsText(options.calendarName)}`);
  lines.push(`X-WR-TIMEZONE:${SAST_TZID}`, ...VTIMEZONE);
  for (const e of events) {
    lines.push('BEGIN:VEVENT');
    lines.push(`UID:${escapeIcsText(e.uid)}`);
    lines.push(`DTSTAMP:${stamp}`);
    lines.push(`DTSTART;TZID=${SAST_TZID}:${localDateTime(e.startDate, e.startMinutes)}`);
    lines.push(`DTEND;TZID=${SAST_TZID}:${localDateTime(e.endDate ?? e.startDate, e.endMinutes)}`);
    lines.push(`SUMMARY:${escapeIcsText(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeIcsText(e.description)}`);
    if (e.location) lines.push(`LOCATION:${escapeIcsText(e.location)}`);
    if (e.geo) lines.push(`GEO:${e.geo[0].toFixed(6)};${e.geo[1].toFixed(6)}`);
    if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeIcsText).join(',')}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
