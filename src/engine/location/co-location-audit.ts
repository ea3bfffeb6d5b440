/**
 * Which offices already share a site? Offices within a walk of each other (default 200 m) form one
 * site (single linkage: a chain of offices each within a walk of the next is one precinct). The
 * audit reports each site's departments and services, a co-location score per department and per
 * town (the share of offices that share a site with at least one other department), and the
 * offices grouped by the year their lease ends — the moments a move costs least.
 */
import KDBush from 'kdbush';
import { cosLatitude, haversineMetres, METRES_PER_DEGREE } from '../spatial/geodesy';

export interface AuditOffices {
  lon: Float64Array;
  lat: Float64Array;
  department: string[];
  /** lease expiry year per office; NaN (or absent) = unknown */
  leaseExpiryYear?: ArrayLike<number>;
  /** town or municipality per office, for the per-town score */
  town?: string[];
  services?: string[][];
}

export interface AuditSite {
  offices: number[];
  departments: string[];
  services: string[];
  /** mean position of the member offices */
  lon: number;
  lat: number;
}

export interface ColocationScore {
  key: string;
  offices: number;
  /** offices sharing a site with at least one other department */
  colocated: number;
  /** colocated / offices */
  score: number;
}

export interface CoLocationAudit {
  walkMetres: number;
  /** site index of each office */
  siteOf: Int32Array;
  sites: AuditSite[];
  byDepartment: ColocationScore[];
  byTown: ColocationScore[];
  /** ascending years; `year: null` holds offices whose expiry is unknown, last */
  leaseExpiry: Array<{ year: number | null; offices: number[] }>;
}

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

export function auditCoLocation(offices: AuditOffices, options: { walkMetres?: number } = {}): CoLocationAudit {
  const n = offices.lon.length;
  if (offices.lat.length !== n || offices.department.length !== n) throw new RangeError('lon, lat and department must have one entry per office');
  const walk = options.walkMetres ?? 200;
  const valid = (i: number) => Number.isFinite(offices.lon[i]) && Number.isFinite(offices.lat[i]);
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;

  if (n > 1) {
    // Index x = lon·cosRef, y = lat (degrees). A true distance d spans at most d/M·(cosMax/cosMin)
    // there, wherever the pair lies in the province, so that radius finds every pair; haversine
    // then keeps the ones truly within the walk.
    let cosMin = 1;
    let cosMax = 0;
    for (let i = 0; i < n; i++) {
      if (!valid(i)) continue;
      const c = cosLatitude(offices.lat[i]);
      cosMin = Math.min(cosMin, c);
      cosMax = Math.max(cosMax, c);
    }
    if (cosMax > 0) {
      const cosRef = cosMax;
      const radius = (walk / METRES_PER_DEGREE) * (cosMax / Math.max(cosMin, 1e-6)) * 1.000001;
      const index = new KDBush(n);
      for (let i = 0; i < n; i++) index.add(valid(i) ? offices.lon[i] * cosRef : 1e9 + i, valid(i) ? offices.lat[i] : 1e9 + i);
      index.finish();
      for (let i = 0; i < n; i++) {
        if (!valid(i)) continue;
        for (const j of index.within(offices.lon[i] * cosRef, offices.lat[i], radius)) {
          if (j <= i || !valid(j)) continue;
          if (haversineMetres(offices.lon[i], offices.lat[i], offices.lon[j], offices.lat[j]) <= walk) {
            const a = find(parent, i);
            const b = find(parent, j);
            if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
          }
        }
      }
    }
  }

  const siteOf = new Int32Array(n);
  const siteIndex = new Map<number, number>();
  const sites: AuditSite[] = [];
  for (let i = 0; i < n; i++) {
    const root = find(parent, i);
    let s = siteIndex.get(root);
    if (s === undefined) {
      s = sites.length;
      siteIndex.set(root, s);
      sites.push({ offices: [], departments: [], services: [], lon: 0, lat: 0 });
    }
    siteOf[i] = s;
    sites[s].offices.push(i);
  }
  for (const site of sites) {
    site.departments = [...new Set(site.offices.map((i) => offices.department[i]))].sort();
    site.services = [...new Set(site.offices.flatMap((i) => offices.services?.[i] ?? []))].sort();
    let lon = 0;
    let lat = 0;
    for (const i of site.offices) ((lon += offices.lon[i]), (lat += offices.lat[i]));
    site.lon = lon / site.offices.length;
    site.lat = lat / site.offices.length;
  }

  const colocated = (i: number) => sites[siteOf[i]].departments.length > 1;
  const score = (keyOf: (i: number) => string): ColocationScore[] => {
    const acc = new Map<string, ColocationScore>();
    for (let i = 0; i < n; i++) {
      const key = keyOf(i);
      let s = acc.get(key);
      if (!s) acc.set(key, (s = { key, offices: 0, colocated: 0, score: 0 }));
      s.offices++;
      if (colocated(i)) s.colocated++;
    }
    const list = [...acc.values()];
    for (const s of list) s.score = s.offices ? s.colocated / s.offices : 0;
    return list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  };
  const byDepartment = score((i) => offices.department[i]);
  const byTown = score((i) => offices.town?.[i] || 'unknown');

  const years = new Map<number | null, number[]>();
  for (let i = 0; i < n; i++) {
    const y = offices.leaseExpiryYear?.[i];
    const key = y !== undefined && Number.isFinite(y) ? y : null;
    const list = years.get(key);
    if (list) list.push(i);
    else years.set(key, [i]);
  }
  const leaseExpiry = [...years.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b))
    .map(([year, list]) => ({ year, offices: list }));
  return { walkMetres: walk, siteOf, sites, byDepartment, byTown, leaseExpiry };
}

/** '2027-03-31' → 2027; '' or anything unparseable → NaN. */
export function leaseYear(isoDate: string): number {
  const m = /^(\d{4})-\d{2}-\d{2}/.exec(isoDate.trim());
  return m ? Number(m[1]) : NaN;
}
