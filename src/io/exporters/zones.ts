/**
 * Thusong zone files, written the same way by `npm run analyse -- zones` and the zones panel:
 * zones.csv (candidate_id, lon, lat, population_served, fixed) and the zones as GeoJSON points.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { csvCell } from './csv';

export const ZONES_CSV_COLUMNS = ['candidate_id', 'lon', 'lat', 'population_served', 'fixed'] as const;

export interface ZoneRow {
  id: string;
  lon: number;
  lat: number;
  populationServed: number;
  fixed: boolean;
  /** extra properties for the GeoJSON (name, kind, municipality…); not in the CSV */
  properties?: Record<string, string | number | boolean | null>;
}

/** A count: whole when whole, else two decimals (the CSV stays diff-friendly). */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '';
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

const degrees = (x: number) => (Number.isFinite(x) ? x.toFixed(6) : '');

/**
 * One row per zone. Coordinates keep six decimals as text, written raw: a number formatted here
 * is never formula-like, while ids go through csvCell (quoted, and defused if they start like a formula).
 */
export function zonesCsv(rows: ReadonlyArray<ZoneRow>): string {
  const lines = [ZONES_CSV_COLUMNS.join(',')];
  for (const r of rows) lines.push([csvCell(r.id), degrees(r.lon), degrees(r.lat), formatCount(r.populationServed), r.fixed ? 1 : 0].join(','));
  return lines.join('\n') + '\n';
}

export function zonesFeatureCollection(rows: ReadonlyArray<ZoneRow>): FeatureCollection<Point> {
  const features: Feature<Point>[] = rows
    .filter((r) => Number.isFinite(r.lon) && Number.isFinite(r.lat))
    .map((r) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
      properties: { candidate_id: r.id, population_served: r.populationServed, fixed: r.fixed, ...(r.properties ?? {}) },
    }));
  return { type: 'FeatureCollection', features };
}
