/**
 * Lease relocation on a prepared matrix: for each office, its catchment (the settlements for
 * which it is the nearest office of its department, at their minutes to it today) and the places
 * it could move to — the proposed zones, wherever they are, and the other candidate places within
 * a radius — ranked by rankRelocations (lease-relocation.ts), one plain sentence each.
 *
 * Bundle trips saved: the bundles that need one of the department's services are the trips its
 * clients make to other offices as well; a place completes a bundle when every other service of
 * it is within a walk. Completeness is the share of those bundles' yearly visits a place
 * completes, so trips saved = clients × visits × (completeness there − completeness here).
 */
import { DEFAULT_CATALOGUE, type Catalogue } from '../../model/catalogue';
import { haversineMetres } from '../spatial/geodesy';
import { rankRelocations, type RelocationOptions, type RelocationResult } from './lease-relocation';
import type { ZonesPrepared } from './zones-from-layers';

export interface ZoneRelocationRequest {
  officeIds: string[];
  /** candidate places within this many km of the office are options (default 25) */
  radiusKm?: number;
  /** T for "population within T" (default 30) */
  minutes?: number;
  /** proposed zones (site indices): options whatever their distance */
  proposedSites?: number[];
  /** options kept per office, best first (default 8) */
  maxOptions?: number;
  rankBy?: RelocationOptions['rankBy'];
  catalogue?: Catalogue;
}

export interface ZoneRelocation extends RelocationResult {
  officeIndex: number;
  /** the office's own site (site index) */
  site: number;
  /** per option, in the same order as `options`: the place's site index */
  optionSites: number[];
  /** per option: it is a proposed zone */
  optionProposed: boolean[];
}

export function relocateOffices(prepared: ZonesPrepared, request: ZoneRelocationRequest): ZoneRelocation[] {
  const catalogue = request.catalogue ?? DEFAULT_CATALOGUE;
  const { offices, sites, travel, settlements } = prepared;
  const { sparse } = travel;
  const radiusMetres = (request.radiusKm ?? 25) * 1000;
  const T = request.minutes ?? 30;
  const proposed = new Set(request.proposedSites ?? []);
  const officeIndex = new Map(offices.id.map((id, i) => [id, i]));
  // per department: each settlement's nearest office of it (one pass over the matrix, reused)
  const nearestByDept = new Map<string, Int32Array>();
  const nearestOffice = (dept: string) => {
    let out = nearestByDept.get(dept);
    if (out) return out;
    const firstOfficeAtSite = new Map<number, number>();
    for (let o = 0; o < offices.count; o++) {
      if (offices.department[o] !== dept || sites.officeSite[o] < 0) continue;
      if (!firstOfficeAtSite.has(sites.officeSite[o])) firstOfficeAtSite.set(sites.officeSite[o], o);
    }
    out = new Int32Array(settlements.count).fill(-1);
    for (let s = 0; s < settlements.count; s++) {
      let best = Infinity;
      for (let e = sparse.offsets[s]; e < sparse.offsets[s + 1]; e++) {
        const o = firstOfficeAtSite.get(sparse.candidates[e]);
        if (o !== undefined && (sparse.minutes[e] < best || (sparse.minutes[e] === best && o < out[s]))) {
          best = sparse.minutes[e];
          out[s] = o;
        }
      }
    }
    nearestByDept.set(dept, out);
    return out;
  };

  const results: ZoneRelocation[] = [];
  for (const id of request.officeIds) {
    const o = officeIndex.get(id);
    if (o === undefined) continue;
    const home = sites.officeSite[o];
    if (home < 0 || !Number.isFinite(offices.lon[o])) continue;
    const dept = offices.department[o];
    // offices sharing a site share the catchment: it is the site's, for the department
    const sameSite = sites.offices[home].find((x) => offices.department[x] === dept) ?? o;
    const nearest = nearestOffice(dept);
    const catchment: number[] = [];
    for (let s = 0; s < settlements.count; s++) if (nearest[s] === sameSite) catchment.push(s);

    const options: number[] = [];
    for (let c = 0; c < sites.count; c++) {
      if (c === home) continue;
      if (proposed.has(c) || ((prepared.candidate[c] || sites.kind[c] === 'thusong') && haversineMetres(offices.lon[o], offices.lat[o], sites.lon[c], sites.lat[c]) <= radiusMetres)) options.push(c);
    }
    const column = new Map(options.map((c, j) => [c, j]));
    const S = catchment.length;
    const current = new Float32Array(S).fill(Infinity);
    const minutes = new Float32Array(options.length * S).fill(Infinity);
    catchment.forEach((s, x) => {
      for (let e = sparse.offsets[s]; e < sparse.offsets[s + 1]; e++) {
        const c = sparse.candidates[e];
        if (c === home) current[x] = sparse.minutes[e];
        const j = column.get(c);
        if (j !== undefined) minutes[j * S + x] = sparse.minutes[e];
      }
    });
    const bundles = departmentBundles(dept, offices.services[o], catalogue);
    const completeness = (c: number) => bundleCompleteness(bundles, new Set([...sites.services[c], ...offices.services[o]]));
    const visits = bundles.reduce((a, b) => a + b.visits, 0);
    const ranked = rankRelocations(
      { id, name: offices.name[o] || id, department: dept },
      { population: Float64Array.from(catchment, (s) => settlements.population[s]), currentMinutes: current },
      {
        count: options.length,
        id: options.map((c) => sites.id[c]),
        label: options.map((c) => placeLabel(prepared, c, proposed.has(c))),
        minutes,
        departmentsNearby: options.map((c) => sites.departments[c]),
        bundleCompleteness: Float64Array.from(options, completeness),
      },
      { thresholdMinutes: T, currentBundleCompleteness: completeness(home), bundleVisitsPerPersonYear: visits, rankBy: request.rankBy, catalogue },
    );
    const kept = ranked.options.slice(0, request.maxOptions ?? 8);
    results.push({
      ...ranked,
      options: kept,
      officeIndex: o,
      site: home,
      optionSites: kept.map((x) => options[x.candidate]),
      optionProposed: kept.map((x) => proposed.has(options[x.candidate])),
    });
  }
  return results;
}

interface BundleNeed {
  /** the services of the bundle other than the office's own */
  others: string[];
  visits: number;
}

/** Bundles that need one of the office's services, with what else they need. */
function departmentBundles(department: string, officeServices: string[], catalogue: Catalogue): BundleNeed[] {
  const own = new Set([...officeServices, ...catalogue.services.filter((s) => s.department === department).map((s) => s.code)]);
  return catalogue.bundles.filter((b) => b.services.some((s) => own.has(s))).map((b) => ({ others: b.services.filter((s) => !own.has(s)), visits: b.visitsPerPersonYear }));
}

function bundleCompleteness(bundles: BundleNeed[], available: Set<string>): number {
  let total = 0;
  let complete = 0;
  for (const b of bundles) {
    total += b.visits;
    if (b.others.every((s) => available.has(s))) complete += b.visits;
  }
  return total > 0 ? complete / total : 0;
}

/** How a sentence names a place. */
export function placeLabel(prepared: ZonesPrepared, c: number, proposed = false): string {
  const { sites, offices } = prepared;
  const name = sites.name[c];
  let label: string;
  switch (sites.kind[c]) {
    case 'office-site': {
      const members = sites.offices[c];
      const first = offices.name[members[0]] || offices.id[members[0]];
      label = members.length > 1 ? `the shared site of ${first} (${members.length} offices)` : `the site of ${first}`;
      break;
    }
    case 'thusong':
      label = /thusong/i.test(name) ? `the ${name}` : `the Thusong centre ${name}`;
      break;
    case 'settlement':
      label = `a new site in ${name}`;
      break;
    default:
      label = `the point you added (${name})`;
  }
  return proposed ? `${label}, a proposed zone,` : label;
}
