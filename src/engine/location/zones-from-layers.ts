/**
 * Everything a zones plan needs that depends only on the data and the candidate settings, in one
 * call from loaded layers: the settlements (demand), every place a zone could go or a resident is
 * served today (office sites and Thusong centres are always listed, so coverage before and a
 * relocating office's trips can be measured; `candidate` says which the optimiser may choose),
 * travel minutes from every settlement to every place, and the municipality of each.
 *
 * The matrix is the expensive part (one shortest-path search per place), so the app computes it
 * once and re-solves on it as the objective, k, T or the group change (zone-plan.ts) and ranks
 * relocations on it (zone-relocation.ts). Plain typed data: cloneable to and from a worker.
 */
import type { FeatureCollection } from 'geojson';
import { DEFAULT_CATALOGUE, type Catalogue } from '../../model/catalogue';
import type { ProgressFn } from '../../model/progress';
import { municipalityTable, officeTable, placeTable, settlementTable, type OfficeTable, type SettlementTable } from '../coverage/inputs';
import { assignPointsToPolygons } from '../spatial/polygon-index';
import { zoneSites, type ZonePoint, type ZoneSites } from './zone-sites';
import { zoneTravelMinutes, type ZoneTravel, type ZoneTravelOptions } from './zone-travel';

export interface ZonesInputs {
  roads?: FeatureCollection | null;
  settlements: FeatureCollection;
  offices?: FeatureCollection | null;
  thusong?: FeatureCollection | null;
  municipalities?: FeatureCollection | null;
}

export interface ZonesPrepareOptions {
  /** offices this close are one site and count as beside a place (default 200) */
  walkMetres?: number;
  /** Thusong centres offer every service (default true) */
  thusongOffersAll?: boolean;
  /** settlements with at least this many people are candidates (null = none; default 5000) */
  settlementsMinPopulation?: number | null;
  /** existing office sites may be chosen as zones (default true) */
  officeSitesAreCandidates?: boolean;
  /** existing Thusong centres may be chosen as zones (default true) */
  thusongAreCandidates?: boolean;
  /** places the user added */
  points?: ZonePoint[];
  /**
   * pairs slower than this are left out of the matrix. Default: every pair (exact averages and
   * p-median) while settlements × places ≤ `fullMatrixPairs`, else 240 minutes.
   */
  maxMinutes?: number;
  fullMatrixPairs?: number;
  travel?: Omit<ZoneTravelOptions, 'maxMinutes'>;
  /**
   * An earlier preparation made from the same roads, settlements and travel settings: places at
   * the same coordinates keep their minutes, so adding a point costs one search, not all of them.
   */
  reuse?: Pick<ZonesPrepared, 'sites' | 'travel'>;
  catalogue?: Catalogue;
}

export interface ZoneMunicipalities {
  count: number;
  code: string[];
  name: string[];
  /** 'A' metro, 'B' local, 'C' district, '' unknown */
  category: string[];
}

export interface ZonesPrepared {
  settlements: SettlementTable;
  offices: OfficeTable;
  municipalities: ZoneMunicipalities;
  /** municipality index of each settlement, −1 outside all */
  settlementMunicipality: Int32Array;
  sites: ZoneSites;
  siteMunicipality: Int32Array;
  /** 1 where the optimiser may choose the place */
  candidate: Uint8Array;
  travel: ZoneTravel;
  walkMetres: number;
  thusongOffersAll: boolean;
  notes: string[];
  seconds: number;
}

export function prepareZones(inputs: ZonesInputs, options: ZonesPrepareOptions = {}, progress?: ProgressFn): ZonesPrepared {
  const t0 = performance.now();
  const catalogue = options.catalogue ?? DEFAULT_CATALOGUE;
  const walkMetres = options.walkMetres ?? 200;
  const thusongOffersAll = options.thusongOffersAll ?? true;
  progress?.({ phase: 'Reading the layers', done: 0, total: 1 });
  const settlements = settlementTable(inputs.settlements);
  const offices = officeTable(inputs.offices ?? { type: 'FeatureCollection', features: [] }, catalogue);
  const thusong = inputs.thusong ? placeTable(inputs.thusong, 'thusong') : null;
  const sites = zoneSites(
    { offices, thusong, settlements },
    { officeSites: true, thusong: true, thusongOffersAll, settlementsMinPopulation: options.settlementsMinPopulation === undefined ? 5000 : options.settlementsMinPopulation, points: options.points, walkMetres },
    catalogue,
  );
  const candidate = new Uint8Array(sites.count);
  for (let c = 0; c < sites.count; c++) {
    const kind = sites.kind[c];
    candidate[c] = kind === 'office-site' ? +(options.officeSitesAreCandidates ?? true) : kind === 'thusong' ? +(options.thusongAreCandidates ?? true) : 1;
  }
  const muniTable = municipalityTable(inputs.municipalities);
  const municipalities: ZoneMunicipalities = {
    count: muniTable.count,
    code: muniTable.code,
    name: muniTable.name,
    category: (inputs.municipalities?.features ?? []).map((f) => String((f.properties as Record<string, unknown> | null)?.category ?? '').toUpperCase()),
  };
  const settlementMunicipality = assignPointsToPolygons(settlements.lon, settlements.lat, muniTable.geometry);
  const siteMunicipality = assignPointsToPolygons(sites.lon, sites.lat, muniTable.geometry);

  const notes: string[] = [];
  const fullPairs = options.fullMatrixPairs ?? 3_000_000;
  const maxMinutes = options.maxMinutes ?? (settlements.count * sites.count <= fullPairs ? Infinity : 240);
  if (Number.isFinite(maxMinutes)) notes.push(`Travel times longer than ${maxMinutes} minutes were left out (a large matrix); residents farther than that from every place count as unreachable.`);
  const travelOptions = { ...(options.travel ?? {}), maxMinutes };
  const reuse = options.reuse && options.reuse.travel.sparse.cutoffMinutes === maxMinutes && options.reuse.travel.sparse.offsets.length === settlements.count + 1 ? options.reuse : undefined;
  const travel = reuse ? reuseTravel(inputs, settlements, sites, reuse, travelOptions, progress) : zoneTravelMinutes(inputs.roads, settlements, sites, travelOptions, progress);
  if (travel.method === 'estimate') notes.push('No roads layer: travel times are estimated from straight-line distance × 1.3 at 50 km/h.');
  if (travel.settlementsTooFar) notes.push(`${travel.settlementsTooFar} settlements are too far from a road to reach any place.`);
  if (travel.sitesTooFar) notes.push(`${travel.sitesTooFar} candidate places are too far from a road to serve anyone.`);
  return { settlements, offices, municipalities, settlementMunicipality, sites, siteMunicipality, candidate, travel, walkMetres, thusongOffersAll, notes, seconds: (performance.now() - t0) / 1000 };
}

const placeKey = (lon: number, lat: number) => `${lon},${lat}`;

/** Minutes for `sites`, taking every place an earlier preparation had from it and searching only for the rest. */
function reuseTravel(inputs: ZonesInputs, settlements: SettlementTable, sites: ZoneSites, reuse: Pick<ZonesPrepared, 'sites' | 'travel'>, options: ZoneTravelOptions, progress?: ProgressFn): ZoneTravel {
  const t0 = performance.now();
  const old = new Map<string, number>();
  for (let c = reuse.sites.count - 1; c >= 0; c--) old.set(placeKey(reuse.sites.lon[c], reuse.sites.lat[c]), c);
  const fromOld = new Int32Array(sites.count).fill(-1);
  const missing: number[] = [];
  for (let c = 0; c < sites.count; c++) {
    const o = old.get(placeKey(sites.lon[c], sites.lat[c]));
    if (o === undefined) missing.push(c);
    else fromOld[c] = o;
  }
  const fresh = missing.length
    ? zoneTravelMinutes(inputs.roads, settlements, { lon: Float64Array.from(missing, (c) => sites.lon[c]), lat: Float64Array.from(missing, (c) => sites.lat[c]) }, options, progress)
    : null;
  // new columns of each old column (several places may stand on one spot)
  const targets: number[][] = Array.from({ length: reuse.sites.count }, () => []);
  for (let c = 0; c < sites.count; c++) if (fromOld[c] >= 0) targets[fromOld[c]].push(c);
  const a = reuse.travel.sparse;
  const S = settlements.count;
  const offsets = new Uint32Array(S + 1);
  const cand: number[] = [];
  const mins: number[] = [];
  for (let s = 0; s < S; s++) {
    for (let e = a.offsets[s]; e < a.offsets[s + 1]; e++) {
      for (const c of targets[a.candidates[e]]) {
        cand.push(c);
        mins.push(a.minutes[e]);
      }
    }
    if (fresh) {
      const b = fresh.sparse;
      for (let e = b.offsets[s]; e < b.offsets[s + 1]; e++) {
        cand.push(missing[b.candidates[e]]);
        mins.push(b.minutes[e]);
      }
    }
    offsets[s + 1] = cand.length;
  }
  return {
    sparse: { offsets, candidates: Uint32Array.from(cand), minutes: Float32Array.from(mins), cutoffMinutes: a.cutoffMinutes },
    method: reuse.travel.method,
    nodeCount: reuse.travel.nodeCount,
    edgeCount: reuse.travel.edgeCount,
    settlementsTooFar: reuse.travel.settlementsTooFar,
    sitesTooFar: reuse.travel.sitesTooFar + (fresh?.sitesTooFar ?? 0),
    seconds: (performance.now() - t0) / 1000,
  };
}
