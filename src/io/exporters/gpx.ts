/**
 * GPX 1.1 (https://www.topografix.com/GPX/1/1/) for day routes: each route as an <rte> of
 * <rtept>s in visiting order (what navigation apps import as a route to follow), or as a <trk>
 * when asked; names and descriptions XML-escaped, characters XML 1.0 forbids removed.
 */

export interface GpxPoint {
  lon: number;
  lat: number;
  name?: string;
  description?: string;
  /** ISO 8601 time, e.g. the planned arrival */
  time?: string;
}

export interface GpxRoute {
  name: string;
  description?: string;
  points: GpxPoint[];
}

export interface GpxOptions {
  /** default "Thusong Planner" */
  creator?: string;
  /** metadata name of the file */
  name?: string;
  /** write <trk><trkseg><trkpt> instead of <rte><rtept> */
  asTracks?: boolean;
  /** also list these as standalone waypoints (<wpt>), e.g. the stops */
  waypoints?: GpxPoint[];
}

// characters XML 1.0 does not allow at all (controls other than tab, newline, carriage return)
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(s: string): string {
  return s.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const coord = (x: number) => (Math.round(x * 1e7) / 1e7).toString();

function point(tag: string, p: GpxPoint, indent: string): string {
  // child order fixed by the schema: time before name and desc
  const children: string[] = [];
  if (p.time) children.push(`<time>${escapeXml(p.time)}</time>`);
  if (p.name) children.push(`<name>${escapeXml(p.name)}</name>`);
  if (p.description) children.push(`<desc>${escapeXml(p.description)}</desc>`);
  const open = `${indent}<${tag} lat="${coord(p.lat)}" lon="${coord(p.lon)}"`;
  return children.length ? `${open}>${children.join('')}</${tag}>` : `${open}/>`;
}

export function toGpx(routes: ReadonlyArray<GpxRoute>, options: GpxOptions = {}): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gpx version="1.1" creator="${escapeXml(options.creator ?? 'Thusong Planner')}" xmlns="http://www.topografix.com/GPX/1/1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">`,
  ];
  if (options.name) out.push(`  <metadata><name>${escapeXml(options.name)}</name></metadata>`);
  for (const w of options.waypoints ?? []) out.push(point('wpt', w, '  '));
  for (const r of routes) {
    const head = [`<name>${escapeXml(r.name)}</name>`, r.description ? `<desc>${escapeXml(r.description)}</desc>` : ''].join('');
    if (options.asTracks) {
      out.push(`  <trk>${head}`, '    <trkseg>', ...r.points.map((p) => point('trkpt', p, '      ')), '    </trkseg>', '  </trk>');
    } else {
      out.push(`  <rte>${head}`, ...r.points.map((p) => point('rtept', p, '    ')), '  </rte>');
    }
  }
  out.push('</gpx>');
  return out.join('\n') + '\n';
}
