/**
 * Thusong zone files, written the same way by `npm run analyse -- zones` and the zones panel:
 * zones.csv (candidate_id, lon, lat, population_served, fixed) and the zones as GeoJSON points;
 * and the panel's coverage comparison and lease-relocation options.
 */
import type { ComparisonRow } from '../../engine/location/zone-plan';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { csvCell, formatCount, toCsv } from './csv';

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

const round = (x: number, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);

/** The columns written of the location engine's comparison rows. */
export type ComparisonCsvRow = Pick<ComparisonRow, 'municipality' | 'name' | 'population' | 'withinBefore' | 'withinAfter' | 'meanMinutesBefore' | 'meanMinutesAfter'>;

/** Coverage within T before and after, per municipality and for the province. */
export function zonesComparisonCsv(rows: ReadonlyArray<ComparisonCsvRow>, minutes: number): string {
  return toCsv(
    rows.map((r) => ({
      municipality: r.municipality,
      name: r.name,
      population: Math.round(r.population),
      [`within_${minutes}_before`]: Math.round(r.withinBefore),
      [`within_${minutes}_after`]: Math.round(r.withinAfter),
      share_before: r.population > 0 ? round(r.withinBefore / r.population, 4) : null,
      share_after: r.population > 0 ? round(r.withinAfter / r.population, 4) : null,
      mean_minutes_before: round(r.meanMinutesBefore),
      mean_minutes_after: round(r.meanMinutesAfter),
    })),
  );
}

export interface RelocationCsvRow {
  officeId: string;
  officeName: string;
  department: string;
  leaseExpiry: string;
  rank: number;
  optionId: string;
  optionName: string;
  proposedZone: boolean;
  averageMinutesBefore: number;
  averageMinutesAfter: number;
  populationWithinAfter: number;
  bundleTripsSavedPerYear: number;
  departmentsBeside: string[];
  sentence: string;
}

export function relocationCsv(rows: ReadonlyArray<RelocationCsvRow>): string {
  return toCsv(
    rows.map((r) => ({
      office_id: r.officeId,
      office_name: r.officeName,
      department: r.department,
      lease_expiry: r.leaseExpiry,
      rank: r.rank,
      option_id: r.optionId,
      option_name: r.optionName,
      proposed_zone: r.proposedZone ? 1 : 0,
      average_minutes_before: round(r.averageMinutesBefore),
      average_minutes_after: round(r.averageMinutesAfter),
      population_within_after: Math.round(r.populationWithinAfter),
      bundle_trips_saved_per_year: round(r.bundleTripsSavedPerYear),
      departments_beside: r.departmentsBeside.join(';'),
      sentence: r.sentence,
    })),
  );
}

export interface NewCentreCsvRow {
  municipality: string;
  name: string;
  siteId: string;
  siteName: string;
  lon: number;
  lat: number;
  populationGained: number;
  personMinutesSaved: number;
  population: number;
  withinBefore: number;
  withinAfter: number;
}

/** The best new Thusong centre per local municipality without one (empty site where none fits). */
export function newCentresCsv(rows: ReadonlyArray<NewCentreCsvRow>, minutes: number): string {
  return toCsv(
    rows.map((r) => ({
      municipality: r.municipality,
      name: r.name,
      site_id: r.siteId,
      site_name: r.siteName,
      lon: round(r.lon, 6),
      lat: round(r.lat, 6),
      population_gained: Math.round(r.populationGained),
      person_minutes_saved: Math.round(r.personMinutesSaved),
      population: Math.round(r.population),
      [`within_${minutes}_before`]: Math.round(r.withinBefore),
      [`within_${minutes}_after`]: Math.round(r.withinAfter),
    })),
  );
}
