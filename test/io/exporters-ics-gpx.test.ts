import { describe, expect, it } from 'vitest';
import { escapeIcsText, foldIcsLine, toIcs, type IcsEvent } from '../../src/io/exporters/ics';
import { escapeXml, toGpx } from '../../src/io/exporters/gpx';

const stamp = new Date(Date.UTC(2025, 0, 1, 6, 30, 0));
const event = (over: Partial<IcsEvent> = {}): IcsEvent => ({
  uid: 'team-1-2025-02-04@thusong-planner',
  startDate: '2025-02-04',
  startMinutes: 8 * 60 + 30,
  endMinutes: 15 * 60 + 45,
  summary: 'Mobile Thusong: Botshabelo, Thaba Nchu',
  ...over,
});

/** RFC 5545 unfolding: remove every CRLF followed by one space or tab. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

describe('iCalendar export', () => {
  it('uses CRLF line ends only and keeps every physical line within 75 octets', () => {
    const long = 'Visit: ' + 'Mangaung, Botshabelo; Thaba ’Nchu — ümlaut ✓ '.repeat(12);
    const text = toIcs([event({ description: long, location: long })], { stamp, calendarName: 'Team 1' });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('folds without splitting a multi-byte character and unfolds to the escaped value', () => {
    const value = 'DESCRIPTION:' + escapeIcsText('é✓'.repeat(60));
    const folded = foldIcsLine(value);
    for (const part of folded.split('\r\n')) {
      const bytes = new TextEncoder().encode(part);
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(part);
    }
    expect(unfold(folded)).toBe(value);
  });

  it('escapes backslashes, semicolons, commas and newlines in text', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    const text = unfold(toIcs([event({ summary: 'Stop A; B, C', description: 'line 1\nline 2' })], { stamp }));
    expect(text).toContain('SUMMARY:Stop A\\; B\\, C\r\n');
    expect(text).toContain('DESCRIPTION:line 1\\nline 2\r\n');
  });

  it('writes local SAST times with a VTIMEZONE (UTC+2, no DST) and a UTC DTSTAMP', () => {
    const text = unfold(toIcs([event()], { stamp }));
    expect(text).toContain('DTSTART;TZID=Africa/Johannesburg:20250204T083000\r\n');
    expect(text).toContain('DTEND;TZID=Africa/Johannesburg:20250204T154500\r\n');
    expect(text).toContain('DTSTAMP:20250101T063000Z\r\n');
    expect(text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Africa\/Johannesburg\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:\+0200\r\nTZOFFSETTO:\+0200\r\nTZNAME:SAST\r\nEND:STANDARD\r\nEND:VTIMEZONE/);
    expect(text).not.toContain('DAYLIGHT');
  });

  it('has one UID per event, and the calendar wrapper and required properties', () => {
    const text = unfold(toIcs([event(), event({ uid: 'team-1-2025-02-05@thusong-planner', startDate: '2025-02-05' })], { stamp }));
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    const uids = [...text.matchAll(/^UID:(.*)$/gm)].map((m) => m[1].trim());
    expect(uids).toHaveLength(2);
    expect(new Set(uids).size).toBe(2);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });

  it('writes GEO as latitude;longitude and rolls minutes past midnight into the next day', () => {
    const text = unfold(toIcs([event({ geo: [-29.1, 26.2], endMinutes: 24 * 60 + 30 })], { stamp }));
    expect(text).toContain('GEO:-29.100000;26.200000\r\n');
    expect(text).toContain('DTEND;TZID=Africa/Johannesburg:20250205T003000\r\n');
  });
});

describe('GPX export', () => {
  const routes = [
    {
      name: 'Team <1> & “Bloem” 2025-02-04',
      description: 'Day route',
      points: [
        { lon: 26.2, lat: -29.1, name: 'Base' },
        { lon: 26.45, lat: -29.25, name: "O'Kiep & Co", description: '2 h <service>', time: '2025-02-04T09:10:00+02:00' },
        { lon: 26.2, lat: -29.1, name: 'Base' },
      ],
    },
  ];

  it('writes a GPX 1.1 document with routes of route points, lat and lon in the right attributes', () => {
    const xml = toGpx(routes, { name: 'Plan 2025' });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="Thusong Planner" xmlns="http://www.topografix.com/GPX/1/1"')).toBe(true);
    expect(xml).toContain('<metadata><name>Plan 2025</name></metadata>');
    expect(xml.match(/<rtept /g)).toHaveLength(3);
    expect(xml).toContain('<rtept lat="-29.25" lon="26.45"><time>2025-02-04T09:10:00+02:00</time><name>O&apos;Kiep &amp; Co</name><desc>2 h &lt;service&gt;</desc></rtept>');
    expect(xml.trimEnd().endsWith('</gpx>')).toBe(true);
  });

  it('escapes names and drops characters XML forbids', () => {
    expect(escapeXml('a<b>&"c"\'d\u0001e')).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;de');
    const xml = toGpx(routes);
    expect(xml).toContain('<name>Team &lt;1&gt; &amp; “Bloem” 2025-02-04</name>');
    // every & begins an entity
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });

  it('writes tracks and waypoints when asked', () => {
    const xml = toGpx(routes, { asTracks: true, waypoints: [{ lon: 26.45, lat: -29.25, name: 'Stop 1' }] });
    expect(xml).toContain('<trk><name>');
    expect(xml).toContain('<trkseg>');
    expect(xml.match(/<trkpt /g)).toHaveLength(3);
    expect(xml).toContain('<wpt lat="-29.25" lon="26.45"><name>Stop 1</name></wpt>');
    expect(xml).not.toContain('<rte>');
    // tags balance
    for (const tag of ['gpx', 'trk', 'trkseg']) expect(xml.match(new RegExp(`<${tag}[\\s>]`, 'g'))?.length).toBe(xml.match(new RegExp(`</${tag}>`, 'g'))?.length);
  });
});
