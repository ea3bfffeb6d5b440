/**
 * The places a Thusong zone could go, from the loaded layers: existing office sites (offices within
 * a walk of each other are one site), Thusong centres, settlements above a size, and points given
 * by hand (a candidates file, or clicks on the map). Each place carries the services a resident
 * would find there — its own and those of offices within a walk — which decides whether it
 * offers a whole bundle. Shared by `analyse zones` and the zones panel's worker.
 */
import { DEFAULT_CATALOGUE, type Catalogue } from '../../model/catalogue';
import { haversineMetres, METRES_PER_DEGREE } from '../spatial/geodesy';
import type { OfficeTable, PlaceTable, SettlementTable } from '../coverage/inputs';
import { officeSites } from '../coverage/sites';

export type ZoneSiteKind = 'office-site' | 'thusong' | 'settlement' | 'point';

export interface ZonePoint {
  id: string;
  name?: string;
  lon: number;
  lat: number;
  /** services offered at the point itself (a candidates file's `services` column) */
  services?: string[];
}

export interface ZoneSiteSources {
  /** one site per cluster of offices within `walkMetres` (default true) */
  officeSites?: boolean;
  /** the Thusong centres (default true when a Thusong layer is given) */
  thusong?: boolean;
  /** a Thusong centre offers every service of the catalogue (else only the offices within a walk) */
  thusongOffersAll?: boolean;
  /** settlements with at least this many people become candidate sites (null/undefined = none) */
  settlementsMinPopulation?: number | null;
  points?: ZonePoint[];
  /** offices this close form one site and count as "beside" a place (default 200) */
  walkMetres?: number;
}

/** Places in order: office sites, settlements, points, Thusong centres. Plain data, cloneable. */
export interface ZoneSites {
  count: number;
  id: string[];
  name: string[];
  kind: ZoneSiteKind[];
  lon: Float64Array;
  lat: Float64Array;
  /** services a resident finds there (sorted) */
  services: string[][];
  /** departments with an office there or within a walk (sorted) */
  departments: string[][];
  /** offices at the place: an office site's members, else the offices within a walk */
  offices: number[][];
  /** the office site of each office (−1 when office sites were not built) */
  officeSite: Int32Array;
}

export interface ZoneSiteTables {
  offices: OfficeTable | null;
  thusong?: PlaceTable | null;
  settlements?: SettlementTable | null;
}

/** Offices within `walkMetres` of (lon, lat); a latitude window skips most pairs cheaply. */
export function officesWithin(offices: OfficeTable | null, lon: number, lat: number, walkMetres: number): number[] {
  if (!offices || !Number.isFinite(lon) || !Number.isFinite(lat)) return [];
  const dLat = (walkMetres / METRES_PER_DEGREE) * 1.01;
  const out: number[] = [];
  for (let i = 0; i < offices.count; i++) {
    if (Math.abs(offices.lat[i] - lat) > dLat) continue;
    if (haversineMetres(lon, lat, offices.lon[i], offices.lat[i]) <= walkMetres) out.push(i);
  }
  return out;
}

export function zoneSites(tables: ZoneSiteTables, sources: ZoneSiteSources = {}, catalogue: Catalogue = DEFAULT_CATALOGUE): ZoneSites {
  const walk = sources.walkMetres ?? 200;
  const { offices } = tables;
  const out: ZoneSites = { count: 0, id: [], name: [], kind: [], lon: new Float64Array(0), lat: new Float64Array(0), services: [], departments: [], offices: [], officeSite: new Int32Array(offices?.count ?? 0).fill(-1) };
  const lon: number[] = [];
  const lat: number[] = [];
  const push = (id: string, name: string, kind: ZoneSiteKind, x: number, y: number, services: Iterable<string>, members: number[]) => {
    out.id.push(id);
    out.name.push(name);
    out.kind.push(kind);
    lon.push(x);
    lat.push(y);
    out.services.push([...new Set(services)].sort());
    out.departments.push([...new Set(members.map((i) => offices!.department[i]).filter(Boolean))].sort());
    out.offices.push(members);
  };
  const servicesOf = (members: number[]) => members.flatMap((i) => offices!.services[i]);

  if (offices && (sources.officeSites ?? true)) {
    const sites = officeSites(offices, null, { siteRadiusMetres: walk });
    for (let s = 0; s < sites.count; s++) {
      const members = sites.offices[s];
      const first = members[0];
      const name = offices.name[first] || offices.id[first];
      push(sites.id[s], members.length > 1 ? `${name} and ${members.length - 1} more` : name, 'office-site', sites.lon[s], sites.lat[s], sites.services[s], members);
    }
    out.officeSite = sites.officeSite;
  }
  const settlements = tables.settlements;
  const minPopulation = sources.settlementsMinPopulation;
  if (settlements && minPopulation !== null && minPopulation !== undefined) {
    for (let i = 0; i < settlements.count; i++) {
      if (!(settlements.population[i] >= minPopulation)) continue;
      const near = officesWithin(offices, settlements.lon[i], settlements.lat[i], walk);
      push(settlements.id[i], settlements.name[i] || settlements.id[i], 'settlement', settlements.lon[i], settlements.lat[i], servicesOf(near), near);
    }
  }
  for (const p of sources.points ?? []) {
    const near = officesWithin(offices, p.lon, p.lat, walk);
    push(p.id, p.name || p.id, 'point', p.lon, p.lat, [...(p.services ?? []), ...servicesOf(near)], near);
  }
  const thusong = tables.thusong;
  if (thusong && (sources.thusong ?? true)) {
    const all = catalogue.services.map((s) => s.code);
    for (let t = 0; t < thusong.count; t++) {
      const near = officesWithin(offices, thusong.lon[t], thusong.lat[t], walk);
      push(thusong.id[t], thusong.name[t] || thusong.id[t], 'thusong', thusong.lon[t], thusong.lat[t], sources.thusongOffersAll ? all : servicesOf(near), near);
    }
  }
  out.count = out.id.length;
  out.lon = Float64Array.from(lon);
  out.lat = Float64Array.from(lat);
  return out;
}

/** Indices of the places of one kind. */
export function sitesOfKind(sites: ZoneSites, kind: ZoneSiteKind): number[] {
  const out: number[] = [];
  for (let c = 0; c < sites.count; c++) if (sites.kind[c] === kind) out.push(c);
  return out;
}
