/**
 * Sites: offices within `siteRadiusMetres` (default 100 m) of each other are one place a resident
 * can visit in one stop. Clustering is single-linkage (a chain of offices each within 100 m of
 * the next is one site) — on real data such chains are shopping centres and civic precincts,
 * which residents do treat as one stop. Thusong centres, when the user says they offer every
 * service, are sites offering all services (merged with offices beside them).
 */
import KDBush from 'kdbush';
import { haversineMetres, METRES_PER_DEGREE } from '../spatial/geodesy';
import { referenceCos } from '../spatial/segment-index';
import type { OfficeTable, PlaceTable } from './inputs';

export interface SiteOptions {
  siteRadiusMetres?: number;
  thusongOffersAll?: boolean;
}

export interface Sites {
  count: number;
  /** a member's location: the first office (or the Thusong centre when it has no offices) */
  lon: Float64Array;
  lat: Float64Array;
  /** readable id: the member ids joined with '+' */
  id: string[];
  /** union of the members' services */
  services: string[][];
  /** 1 = a Thusong centre offering every service */
  offersAll: Uint8Array;
  /** office indices in each site */
  offices: number[][];
  /** site of each office */
  officeSite: Int32Array;
}

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

export function officeSites(offices: OfficeTable, thusong: PlaceTable | null, options: SiteOptions = {}): Sites {
  const radius = options.siteRadiusMetres ?? 100;
  const withThusong = options.thusongOffersAll && thusong ? thusong.count : 0;
  const n = offices.count + withThusong;
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  lon.set(offices.lon);
  lat.set(offices.lat);
  if (withThusong) {
    lon.set(thusong!.lon, offices.count);
    lat.set(thusong!.lat, offices.count);
  }
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  if (n > 1) {
    const cosRef = referenceCos(lat);
    const kd = new KDBush(n);
    for (let i = 0; i < n; i++) kd.add(Number.isFinite(lon[i]) ? lon[i] * cosRef : 1e9, Number.isFinite(lat[i]) ? lat[i] : 1e9);
    kd.finish();
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(lon[i]) || !Number.isFinite(lat[i])) continue;
      // generous search radius in the index plane, then the exact test
      const r = (radius / METRES_PER_DEGREE) * Math.max(1, cosRef / Math.cos((lat[i] * Math.PI) / 180)) * 1.01;
      for (const j of kd.within(lon[i] * cosRef, lat[i], r)) {
        if (j <= i || haversineMetres(lon[i], lat[i], lon[j], lat[j]) > radius) continue;
        const a = find(parent, i);
        const b = find(parent, j);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  const siteOfRoot = new Int32Array(n).fill(-1);
  const sites: Sites = { count: 0, lon: new Float64Array(n), lat: new Float64Array(n), id: [], services: [], offersAll: new Uint8Array(n), offices: [], officeSite: new Int32Array(offices.count) };
  const members: number[][] = [];
  for (let i = 0; i < n; i++) {
    const r = find(parent, i);
    if (siteOfRoot[r] < 0) {
      siteOfRoot[r] = sites.count++;
      members.push([]);
    }
    members[siteOfRoot[r]].push(i);
  }
  for (let s = 0; s < sites.count; s++) {
    const m = members[s]; // ascending: offices first, then Thusong centres
    sites.lon[s] = lon[m[0]];
    sites.lat[s] = lat[m[0]];
    const services = new Set<string>();
    const ids: string[] = [];
    const officeList: number[] = [];
    for (const i of m) {
      if (i < offices.count) {
        officeList.push(i);
        ids.push(offices.id[i]);
        for (const sv of offices.services[i]) services.add(sv);
        sites.officeSite[i] = s;
      } else {
        ids.push(thusong!.id[i - offices.count]);
        sites.offersAll[s] = 1;
      }
    }
    sites.id.push(ids.join('+'));
    sites.services.push([...services].sort());
    sites.offices.push(officeList);
  }
  sites.lon = sites.lon.slice(0, sites.count);
  sites.lat = sites.lat.slice(0, sites.count);
  sites.offersAll = sites.offersAll.slice(0, sites.count);
  return sites;
}

export function siteOffers(sites: Sites, site: number, service: string): boolean {
  return sites.offersAll[site] === 1 || sites.services[site].includes(service);
}
