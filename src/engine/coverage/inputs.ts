/**
 * Turns loaded layers (GeoJSON with canonical properties) into the flat tables the coverage engine
 * works on: coordinates and populations in typed arrays, ids as plain string arrays.
 */
import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { DEFAULT_CATALOGUE, officeServices, type Catalogue } from '../../model/catalogue';
import { polygonCentroid } from '../spatial/polygon';

export interface SettlementTable {
  count: number;
  id: string[];
  name: string[];
  population: Float64Array;
  /** the point, or the area-weighted centroid of a polygon settlement */
  lon: Float64Array;
  lat: Float64Array;
}

export interface OfficeTable {
  count: number;
  id: string[];
  name: string[];
  department: string[];
  /** services offered (own list, else the department's defaults) */
  services: string[][];
  lon: Float64Array;
  lat: Float64Array;
}

export interface PlaceTable {
  count: number;
  id: string[];
  name: string[];
  lon: Float64Array;
  lat: Float64Array;
}

export interface MunicipalityTable {
  count: number;
  code: string[];
  name: string[];
  geometry: (Polygon | MultiPolygon | null)[];
}

type Props = Record<string, unknown>;
const text = (v: unknown, fallback: string) => (v === undefined || v === null || v === '' ? fallback : String(v));

/** A representative point of a feature: the point itself, or an area's centroid. */
export function representativePoint(geometry: Geometry | null | undefined): [number, number] {
  if (!geometry) return [NaN, NaN];
  if (geometry.type === 'Point') return [geometry.coordinates[0], geometry.coordinates[1]];
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') return polygonCentroid(geometry);
  if (geometry.type === 'MultiPoint' && geometry.coordinates.length) return [geometry.coordinates[0][0], geometry.coordinates[0][1]];
  return [NaN, NaN];
}

export function settlementTable(fc: FeatureCollection): SettlementTable {
  const features = fc.features ?? [];
  const n = features.length;
  const t: SettlementTable = { count: n, id: [], name: [], population: new Float64Array(n), lon: new Float64Array(n), lat: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const f = features[i];
    const p = (f.properties ?? {}) as Props;
    t.id.push(text(p.id, `settlement-${i + 1}`));
    t.name.push(text(p.name, ''));
    const pop = Number(p.population);
    t.population[i] = Number.isFinite(pop) && pop > 0 ? pop : 0;
    const [lon, lat] = representativePoint(f.geometry);
    t.lon[i] = lon;
    t.lat[i] = lat;
  }
  return t;
}

export function officeTable(fc: FeatureCollection, catalogue: Catalogue = DEFAULT_CATALOGUE): OfficeTable {
  const features = fc.features ?? [];
  const n = features.length;
  const t: OfficeTable = { count: n, id: [], name: [], department: [], services: [], lon: new Float64Array(n), lat: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const f = features[i];
    const p = (f.properties ?? {}) as Props;
    const department = text(p.department, '');
    t.id.push(text(p.id, `office-${i + 1}`));
    t.name.push(text(p.name, ''));
    t.department.push(department);
    t.services.push(officeServices({ department, services: text(p.services, '') }, catalogue));
    const [lon, lat] = representativePoint(f.geometry);
    t.lon[i] = lon;
    t.lat[i] = lat;
  }
  return t;
}

export function placeTable(fc: FeatureCollection | undefined | null, prefix: string): PlaceTable {
  const features = fc?.features ?? [];
  const n = features.length;
  const t: PlaceTable = { count: n, id: [], name: [], lon: new Float64Array(n), lat: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const p = (features[i].properties ?? {}) as Props;
    t.id.push(text(p.id, `${prefix}-${i + 1}`));
    t.name.push(text(p.name, ''));
    const [lon, lat] = representativePoint(features[i].geometry);
    t.lon[i] = lon;
    t.lat[i] = lat;
  }
  return t;
}

export function municipalityTable(fc: FeatureCollection | undefined | null): MunicipalityTable {
  const features = fc?.features ?? [];
  const t: MunicipalityTable = { count: features.length, code: [], name: [], geometry: [] };
  features.forEach((f, i) => {
    const p = (f.properties ?? {}) as Props;
    t.code.push(text(p.code, `municipality-${i + 1}`));
    t.name.push(text(p.name, ''));
    const g = f.geometry;
    t.geometry.push(g && (g.type === 'Polygon' || g.type === 'MultiPolygon') ? g : null);
  });
  return t;
}

/** Departments present among the offices, in catalogue order first, then unknown codes A–Z. */
export function departmentsPresent(offices: OfficeTable, catalogue: Catalogue = DEFAULT_CATALOGUE): string[] {
  const present = new Set(offices.department.filter(Boolean));
  const known = catalogue.departments.map((d) => d.code).filter((c) => present.has(c));
  const unknown = [...present].filter((c) => !catalogue.departments.some((d) => d.code === c)).sort();
  return [...known, ...unknown];
}
