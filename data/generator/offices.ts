/**
 * About 150 department offices, mostly in towns: each (place, department) pair is scored by the
 * place's size and how common the department's offices are (clinics and police stations are
 * everywhere, labour centres and courts only in larger towns), and the best pairs are taken, with
 * a floor per department so all eight appear. Within a place some offices share a government
 * precinct (within 50 m of each other); most stand apart.
 */
import type { Feature, Point } from 'geojson';
import { DEPARTMENTS, SERVICES } from '../../src/model/catalogue';
import type { LayerCollection, OfficeProps } from '../../src/model/layers';
import { streetAddress } from './names';
import type { NodeStore } from './node-store';
import { chance, hash32, intBetween, mulberry32, normal, type Rng } from './prng';
import { toLonLat } from './projection';
import type { StreetGrid } from './roads';
import type { Settlement } from './settlements';

export interface Office {
  id: string;
  department: string;
  name: string;
  services: string;
  leaseExpiry: string;
  address: string;
  x: number;
  y: number;
  /** settlement index of the place it serves */
  place: number;
}

/** how common each department's offices are, relative to each other */
const PREVALENCE: Record<string, number> = {
  HEALTH: 1.5,
  SAPS: 1.45,
  POST_OFFICE: 1.2,
  SASSA: 1.1,
  SOCIAL_DEV: 0.9,
  HOME_AFFAIRS: 0.8,
  JUSTICE: 0.75,
  LABOUR: 0.6,
};
/** the only departments a village office can be */
const VILLAGE_DEPARTMENTS = new Set(['HEALTH', 'SAPS', 'POST_OFFICE', 'SASSA']);

export const LEASE_FIRST_DAY = '2027-01-01';
export const LEASE_LAST_DAY = '2036-12-31';

function departmentsAllowed(s: Settlement, isMetroCentre: boolean): number {
  if (s.kind === 'metro') return isMetroCentre ? 8 : s.population >= 150000 ? 5 : 3;
  if (s.kind === 'village') return 2;
  return s.population >= 40000 ? 8 : s.population >= 15000 ? 6 : s.population >= 8000 ? 4 : 3;
}

function officeName(department: string, place: Settlement): string {
  const town = place.name;
  switch (department) {
    case 'SASSA': return `SASSA ${town} Local Office`;
    case 'HOME_AFFAIRS': return `Home Affairs ${town}`;
    case 'SAPS': return `${town} Police Station`;
    case 'HEALTH': return place.kind !== 'village' && place.population >= 20000 ? `${town} Community Health Centre` : `${town} Clinic`;
    case 'LABOUR': return `${town} Labour Centre`;
    case 'SOCIAL_DEV': return `Social Development ${town} Service Point`;
    case 'JUSTICE': return `${town} Magistrate's Court`;
    case 'POST_OFFICE': return `${town} Post Office`;
    default: return `${department} ${town}`;
  }
}

export function leaseDate(rng: Rng): string {
  const first = Date.UTC(2027, 0, 1);
  const last = Date.UTC(2036, 11, 31);
  const days = Math.round((last - first) / 86400000);
  return new Date(first + intBetween(rng, 0, days) * 86400000).toISOString().slice(0, 10);
}

export function makeOffices(seed: number, settlements: Settlement[], store: NodeStore, grids: Map<number, StreetGrid>, target: number): Office[] {
  const rng = mulberry32(hash32(seed, 'offices'));
  const places = settlements
    .map((s, i) => ({ s, i }))
    .filter(({ s, i }) => grids.has(i) && (s.kind !== 'village' || s.population >= 2000));
  let metroCentre = -1;
  for (const { s, i } of places) if (s.kind === 'metro' && (metroCentre < 0 || s.population > settlements[metroCentre].population)) metroCentre = i;

  interface Pair { place: number; department: string; score: number }
  const pairs: Pair[] = [];
  for (const { s, i } of places) {
    for (const d of DEPARTMENTS) {
      if (s.kind === 'village' && !VILLAGE_DEPARTMENTS.has(d.code)) continue;
      const score = Math.pow(s.population, 0.35) * (PREVALENCE[d.code] ?? 1) * Math.exp(0.3 * normal(rng));
      pairs.push({ place: i, department: d.code, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.place - b.place || (a.department < b.department ? -1 : 1));
  const taken = new Set<Pair>();
  const perPlace = new Map<number, number>();
  const take = (p: Pair) => {
    taken.add(p);
    perPlace.set(p.place, (perPlace.get(p.place) ?? 0) + 1);
  };
  const room = (p: Pair) => (perPlace.get(p.place) ?? 0) < departmentsAllowed(settlements[p.place], p.place === metroCentre);
  // a floor per department first, so that every department has offices to analyse
  const floor = Math.max(1, Math.round(target * 0.04));
  for (const d of DEPARTMENTS) {
    let got = 0;
    for (const p of pairs) {
      if (got >= floor) break;
      if (p.department === d.code && !taken.has(p) && room(p)) {
        take(p);
        got++;
      }
    }
  }
  for (const p of pairs) {
    if (taken.size >= target) break;
    if (!taken.has(p) && room(p)) take(p);
  }

  // site the offices place by place, in settlement order (metro, then towns largest first)
  const chosen = pairs.filter((p) => taken.has(p)).sort((a, b) => a.place - b.place || DEPARTMENTS.findIndex((d) => d.code === a.department) - DEPARTMENTS.findIndex((d) => d.code === b.department));
  const offices: Office[] = [];
  const sited = new Map<number, Office[]>();
  const pools = new Map<number, number[]>();
  for (const p of chosen) {
    const place = settlements[p.place];
    const here = sited.get(p.place) ?? [];
    let x: number;
    let y: number;
    let address: string;
    if (here.length > 0 && chance(rng, 0.3)) {
      // a shared precinct: next door to an office already here, same street address
      const host = here[Math.floor(rng.next() * here.length)];
      const d = 0.008 + 0.032 * rng.next();
      const a = rng.next() * 2 * Math.PI;
      x = host.x + d * Math.cos(a);
      y = host.y + d * Math.sin(a);
      address = host.address;
    } else {
      let pool = pools.get(p.place);
      if (!pool) pools.set(p.place, (pool = innerNodes(place, store, grids.get(p.place)!)));
      [x, y] = siteNearStreet(rng, place, pool, store, here);
      address = streetAddress(rng, place.name);
    }
    const department = p.department;
    const own = SERVICES.filter((s) => s.department === department).map((s) => s.code);
    // a few smaller offices offer only the first of their department's services
    const services = own.length > 1 && chance(rng, 0.2) ? own.slice(0, 1) : own;
    const office: Office = {
      id: '',
      department,
      name: officeName(department, place),
      services: services.join(';'),
      leaseExpiry: leaseDate(rng),
      address,
      x,
      y,
      place: p.place,
    };
    here.push(office);
    sited.set(p.place, here);
    offices.push(office);
  }
  const width = Math.max(4, String(offices.length).length);
  offices.forEach((o, k) => (o.id = `O${String(k + 1).padStart(width, '0')}`));
  return offices;
}

/**
 * A spot 10–30 m off a street corner in the inner half of the place, at least 80 m from the
 * offices already there (so only precinct neighbours are within 50 m).
 */
export function siteNearStreet(rng: Rng, place: Settlement, pool: number[], store: NodeStore, avoid: Array<{ x: number; y: number }>): [number, number] {
  let best: [number, number] = [place.x, place.y];
  let bestGap = -1;
  for (let attempt = 0; attempt < 30; attempt++) {
    const n = pool[Math.floor(rng.next() * pool.length)];
    const d = 0.01 + 0.02 * rng.next();
    const a = rng.next() * 2 * Math.PI;
    const x = store.xs[n] + d * Math.cos(a);
    const y = store.ys[n] + d * Math.sin(a);
    let gap = Infinity;
    for (const o of avoid) gap = Math.min(gap, Math.hypot(o.x - x, o.y - y));
    if (gap >= 0.08) return [x, y];
    if (gap > bestGap) {
      bestGap = gap;
      best = [x, y];
    }
  }
  return best;
}

/** the street corners in the inner half of a place, where its offices cluster */
export function innerNodes(place: Settlement, store: NodeStore, grid: StreetGrid): number[] {
  const reach = Math.max(0.5 * place.radiusKm, 0.15);
  const inner = grid.nodes.filter((n) => Math.hypot(store.xs[n] - place.x, store.ys[n] - place.y) <= reach);
  return inner.length ? inner : grid.nodes;
}

export function officeCollection(offices: Office[]): LayerCollection<'offices'> {
  const features: Feature<Point, OfficeProps>[] = offices.map((o) => ({
    type: 'Feature',
    properties: {
      id: o.id,
      department: o.department,
      name: o.name,
      services: o.services,
      lease_expiry: o.leaseExpiry,
      address: o.address,
    },
    geometry: { type: 'Point', coordinates: toLonLat(o.x, o.y) },
  }));
  return { type: 'FeatureCollection', features };
}
