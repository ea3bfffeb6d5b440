/**
 * Turns zones results into what the panel, the map and the downloads show. Pure data assembly
 * (picking out and labelling), tested in test/panels/zones-view.test.ts.
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { ZoneCoverage, ZonePlan, ZoneRelocation, ZonesAudit, ZonesPrepared } from '../../engine/location';
import { DEFAULT_CATALOGUE, departmentColour, type Catalogue } from '../../model/catalogue';
import type { ZoneRow } from '../../io/exporters/zones';
import type { AddedPoint } from './zones-state';

const int = (n: number) => Math.round(n).toLocaleString('en-ZA');

export const OBJECTIVE_LABELS = {
  mclp: 'Maximal covering (most people within T)',
  pmedian: 'p-median (shortest average trip)',
  lscp: 'Set covering (fewest zones, all within T)',
} as const;

export function groupOptions(catalogue: Catalogue = DEFAULT_CATALOGUE): { value: string; label: string }[] {
  return [
    { value: 'all', label: 'Every service (a full Thusong centre)' },
    ...catalogue.departments.map((d) => ({ value: d.code, label: d.name })),
    ...catalogue.bundles.map((b) => ({ value: `bundle:${b.code}`, label: `Bundle: ${b.name}` })),
  ];
}

export interface ObjectiveSummary {
  /** what the objective measures, e.g. 'people within 30 min of a zone' */
  meaning: string;
  value: string;
  bound: string;
  boundKind: 'upper' | 'lower';
  /** 0 … 1 */
  gap: number;
  gapText: string;
  optimal: boolean;
}

export function objectiveSummary(plan: ZonePlan): ObjectiveSummary {
  const r = plan.result;
  const T = plan.options.minutes;
  const gapText = `${(100 * r.gap).toFixed(r.gap > 0 && r.gap < 0.001 ? 3 : 2)}%`;
  if (r.model === 'mclp') return { meaning: `people within ${T} min of a zone`, value: int(r.objective), bound: int(r.bound), boundKind: 'upper', gap: r.gap, gapText, optimal: r.optimal };
  if (r.model === 'pmedian')
    return { meaning: 'person-minutes to the nearest zone (population × trip)', value: int(r.objective), bound: int(r.bound), boundKind: 'lower', gap: r.gap, gapText, optimal: r.optimal };
  return { meaning: `zones, everyone who can be reached within ${T} min of one`, value: int(r.objective), bound: String(Math.ceil(r.bound - 1e-9)), boundKind: 'lower', gap: r.gap, gapText, optimal: r.optimal };
}

const KIND_LABELS = { 'office-site': 'existing office site', thusong: 'Thusong centre', settlement: 'settlement', point: 'added point' } as const;

export function siteKindLabel(prepared: ZonesPrepared, c: number): string {
  return KIND_LABELS[prepared.sites.kind[c]];
}

function municipalityName(prepared: ZonesPrepared, c: number): string {
  const m = prepared.siteMunicipality[c];
  return m >= 0 ? prepared.municipalities.name[m] || prepared.municipalities.code[m] : '';
}

/** The plan's zones as rows for zones.csv and the GeoJSON download (fixed sites first, then by people served). */
export function planZoneRows(prepared: ZonesPrepared, plan: ZonePlan): ZoneRow[] {
  return plan.zones.map((z) => ({
    id: prepared.sites.id[z.site],
    lon: prepared.sites.lon[z.site],
    lat: prepared.sites.lat[z.site],
    populationServed: z.populationServed,
    fixed: z.fixed,
    properties: { name: prepared.sites.name[z.site], kind: prepared.sites.kind[z.site], municipality: municipalityName(prepared, z.site), services_today: prepared.sites.services[z.site].join(';') },
  }));
}

/** Zones for the list: fixed ones first, then the most people served. */
export function sortedZones(plan: ZonePlan) {
  return [...plan.zones].sort((a, b) => Number(b.fixed) - Number(a.fixed) || b.populationServed - a.populationServed || a.site - b.site);
}

export type CoverageStatus = 'before' | 'new' | 'none';

/**
 * Settlements with their coverage status: within T before ('before'), only after ('new') or
 * not even then ('none'), for the map's before/after colouring.
 */
export function coverageStatusPoints(prepared: ZonesPrepared, before: ZoneCoverage, after: ZoneCoverage, T: number): FeatureCollection<Point> {
  const { settlements } = prepared;
  const features: Feature<Point>[] = [];
  for (let s = 0; s < settlements.count; s++) {
    if (!Number.isFinite(settlements.lon[s]) || !Number.isFinite(settlements.lat[s])) continue;
    const b = before.minutes[s];
    const a = after.minutes[s];
    const status: CoverageStatus = b <= T ? 'before' : a <= T ? 'new' : 'none';
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [settlements.lon[s], settlements.lat[s]] },
      properties: {
        id: settlements.id[s],
        name: settlements.name[s] || settlements.id[s],
        population: settlements.population[s],
        status,
        minutes_before: Number.isFinite(b) ? Math.round(b * 10) / 10 : -1,
        minutes_after: Number.isFinite(a) ? Math.round(a * 10) / 10 : -1,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** One line per served settlement to its zone. */
export function catchmentLines(prepared: ZonesPrepared, assignment: Int32Array): FeatureCollection<LineString> {
  const { settlements, sites } = prepared;
  const features: Feature<LineString>[] = [];
  for (let s = 0; s < settlements.count; s++) {
    const c = assignment[s];
    if (c < 0 || !Number.isFinite(settlements.lon[s])) continue;
    features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: [[settlements.lon[s], settlements.lat[s]], [sites.lon[c], sites.lat[c]]] }, properties: { zone: sites.id[c] } });
  }
  return { type: 'FeatureCollection', features };
}

export function zonePoints(prepared: ZonesPrepared, plan: ZonePlan): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: plan.zones.map((z) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [prepared.sites.lon[z.site], prepared.sites.lat[z.site]] },
      properties: { id: prepared.sites.id[z.site], name: prepared.sites.name[z.site], kind: siteKindLabel(prepared, z.site), fixed: z.fixed, population_served: Math.round(z.populationServed) },
    })),
  };
}

export function newCentrePoints(prepared: ZonesPrepared, plan: ZonePlan): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: plan.newCentres.rows
      .filter((r) => r.site >= 0)
      .map((r) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [prepared.sites.lon[r.site], prepared.sites.lat[r.site]] },
        properties: { id: prepared.sites.id[r.site], name: prepared.sites.name[r.site], municipality: r.name, population_gained: Math.round(r.populationGained) },
      })),
  };
}

export function addedPointFeatures(points: ReadonlyArray<AddedPoint>): FeatureCollection<Point> {
  return { type: 'FeatureCollection', features: points.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lon, p.lat] }, properties: { id: p.id, name: p.name } })) };
}

/** The next free id for a point added on the map: P1, P2, … */
export function nextPoint(points: ReadonlyArray<AddedPoint>, lngLat: [number, number]): AddedPoint {
  let n = points.length + 1;
  const taken = new Set(points.map((p) => p.id));
  while (taken.has(`P${n}`)) n++;
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return { id: `P${n}`, name: `Added point ${n}`, lon: round(lngLat[0]), lat: round(lngLat[1]) };
}

/** Audit sites with more than one department, for the map (`departments` = how many). */
export function colocatedSitePoints(audit: ZonesAudit): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: audit.audit.sites
      .filter((s) => s.departments.length > 1)
      .map((s) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
        properties: { name: s.offices.map((o) => audit.offices.name[o] || audit.offices.id[o]).join(' · '), departments: s.departments.length, offices: s.offices.length },
      })),
  };
}

export interface LeaseSegment {
  department: string;
  colour: string;
  count: number;
  /** offices below this segment in the stack */
  start: number;
}

export interface LeaseYear {
  /** null = unknown expiry */
  year: number | null;
  total: number;
  segments: LeaseSegment[];
  officeIds: string[];
}

/** Offices by lease-expiry year, stacked by department in catalogue order. */
export function leaseYears(audit: ZonesAudit, catalogue: Catalogue = DEFAULT_CATALOGUE): LeaseYear[] {
  const order = (d: string) => {
    const i = catalogue.departments.findIndex((x) => x.code === d);
    return i < 0 ? catalogue.departments.length : i;
  };
  return audit.audit.leaseExpiry.map(({ year, offices }) => {
    const counts = new Map<string, number>();
    for (const o of offices) counts.set(audit.offices.department[o], (counts.get(audit.offices.department[o]) ?? 0) + 1);
    const depts = [...counts.keys()].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
    let start = 0;
    const segments = depts.map((d) => {
      const seg = { department: d, colour: departmentColour(d, catalogue), count: counts.get(d)!, start };
      start += seg.count;
      return seg;
    });
    return { year, total: offices.length, segments, officeIds: offices.map((o) => audit.offices.id[o]) };
  });
}

/** The offices a relocation request covers: one office, or every office whose lease ends in the year. */
export function relocationOfficeIds(audit: ZonesAudit | undefined, mode: 'office' | 'year', officeId: string, year: number | null): string[] {
  if (!audit) return [];
  if (mode === 'office') return officeId && audit.offices.id.includes(officeId) ? [officeId] : [];
  if (year === null) return [];
  return audit.offices.id.filter((_, i) => audit.offices.leaseYear[i] === year);
}

/** The selected offices and their options for the map: offices, options (rank 1 = best) and a line office → option. */
export function relocationFeatures(prepared: ZonesPrepared, results: ReadonlyArray<ZoneRelocation>, topOptions = 3): { offices: FeatureCollection<Point>; options: FeatureCollection<Point>; lines: FeatureCollection<LineString> } {
  const offices: Feature<Point>[] = [];
  const options: Feature<Point>[] = [];
  const lines: Feature<LineString>[] = [];
  for (const r of results) {
    const at: [number, number] = [prepared.offices.lon[r.officeIndex], prepared.offices.lat[r.officeIndex]];
    offices.push({ type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties: { id: r.office.id, name: r.office.name, department: r.office.department, clients: Math.round(r.clients) } });
    r.options.slice(0, topOptions).forEach((o, i) => {
      const c = r.optionSites[i];
      const to: [number, number] = [prepared.sites.lon[c], prepared.sites.lat[c]];
      options.push({ type: 'Feature', geometry: { type: 'Point', coordinates: to }, properties: { id: o.id, name: prepared.sites.name[c], office: r.office.id, rank: i + 1, proposed: r.optionProposed[i], minutes_change: Math.round(o.averageMinutesChange * 10) / 10 } });
      lines.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: [at, to] }, properties: { office: r.office.id, rank: i + 1 } });
    });
  }
  return { offices: { type: 'FeatureCollection', features: offices }, options: { type: 'FeatureCollection', features: options }, lines: { type: 'FeatureCollection', features: lines } };
}

/** Every candidate place (small dots under the zones). */
export function candidatePoints(prepared: ZonesPrepared): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (let c = 0; c < prepared.sites.count; c++) {
    if (!prepared.candidate[c] || prepared.sites.kind[c] === 'point') continue;
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [prepared.sites.lon[c], prepared.sites.lat[c]] }, properties: { id: prepared.sites.id[c], name: prepared.sites.name[c], kind: siteKindLabel(prepared, c) } });
  }
  return { type: 'FeatureCollection', features };
}

/** Share as a percentage with one decimal ('—' when there is no one). */
export function share(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '—';
}

