/**
 * The seeded sample-province generator. Pure and deterministic: the same options give the same
 * features, byte for byte, on any machine (own PRNG, one stream per layer, no clock, no I/O).
 *
 *   generateProvince(DEFAULT_SAMPLE_OPTIONS)           // the bundled sample, data/sample/
 *   generateProvince({ seed: 7, scale: 16 })           // ~1M road nodes, 24k settlements
 *   generateProvince({ seed: 7, roadNodes: 200_000 })  // only a denser road network
 */
import type { Polygon } from 'geojson';
import type { LayerCollection, LayerKind } from '../../src/model/layers';
import { makeMunicipalities } from './municipalities';
import { makeOffices, officeCollection } from './offices';
import { ringToLonLat } from './projection';
import { makeProvinceShape, PROVINCE_NAME } from './province-shape';
import { makeRegions } from './regions';
import { makeRoads, roadCollection } from './roads';
import { makeSettlements, settlementCollection, type SettlementKind } from './settlements';
import { makeThusongCentres, thusongCollection } from './thusong';

export interface GenerateOptions {
  /** any integer; the sample uses DEFAULT_SAMPLE_OPTIONS.seed */
  seed: number;
  /** multiplies the default numbers of settlements, offices and road nodes (default 1) */
  scale?: number;
  /** settlements in total (default 1,500 × scale) */
  settlements?: number;
  /** department offices in total (default 150 × scale) */
  offices?: number;
  /** target number of distinct road vertices (default 60,000 × scale); the result lands near it */
  roadNodes?: number;
  /** existing Thusong centres (default 5) */
  thusong?: number;
}

export const DEFAULT_SAMPLE_OPTIONS: Readonly<Required<Pick<GenerateOptions, 'seed' | 'scale'>>> = Object.freeze({ seed: 20250611, scale: 1 });

/** fixed by design: the municipal structure does not change with scale */
export const LOCAL_MUNICIPALITIES = 25;
export const DISTRICTS = 5;

export interface ProvinceMeta {
  name: string;
  seed: number;
  /** the options after defaults were applied */
  options: Required<GenerateOptions>;
  /** the province outline (the union of all municipalities, exactly) */
  outline: Polygon;
  /** [minLon, minLat, maxLon, maxLat] of the outline */
  bbox: [number, number, number, number];
  areaKm2: number;
  population: number;
  /** how many settlements of each kind, and their people */
  settlementKinds: Record<SettlementKind, { count: number; population: number }>;
}

export type Province = { [K in LayerKind]: LayerCollection<K> } & { meta: ProvinceMeta };

export function resolveOptions(options: GenerateOptions): Required<GenerateOptions> {
  const scale = options.scale ?? 1;
  if (!(scale > 0)) throw new RangeError(`scale must be positive, got ${scale}`);
  return {
    seed: options.seed >>> 0,
    scale,
    settlements: Math.round(options.settlements ?? 1500 * scale),
    offices: Math.round(options.offices ?? 150 * scale),
    roadNodes: Math.round(options.roadNodes ?? 60000 * scale),
    thusong: options.thusong ?? 5,
  };
}

export function generateProvince(options: GenerateOptions = DEFAULT_SAMPLE_OPTIONS): Province {
  const o = resolveOptions(options);
  const shape = makeProvinceShape(o.seed);
  const munis = makeMunicipalities(o.seed, shape, LOCAL_MUNICIPALITIES, DISTRICTS);
  const settlements = makeSettlements(o.seed, shape, munis, o.settlements);
  const roads = makeRoads(o.seed, shape, settlements, o.roadNodes);
  const offices = makeOffices(o.seed, settlements, roads.store, roads.grids, o.offices);
  const thusong = makeThusongCentres(o.seed, settlements, roads.store, roads.grids, o.thusong);
  const regions = makeRegions(o.seed, shape, munis, settlements, offices);

  const settlementKinds: ProvinceMeta['settlementKinds'] = {
    metro: { count: 0, population: 0 },
    town: { count: 0, population: 0 },
    village: { count: 0, population: 0 },
    farm: { count: 0, population: 0 },
  };
  for (const s of settlements) {
    settlementKinds[s.kind].count++;
    settlementKinds[s.kind].population += s.population;
  }
  const ring = ringToLonLat(shape.outline);
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
  for (const [lon, lat] of ring) {
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  return {
    municipalities: munis.collection,
    regions,
    settlements: settlementCollection(settlements),
    offices: officeCollection(offices),
    thusong: thusongCollection(thusong),
    roads: roadCollection(roads),
    meta: {
      name: PROVINCE_NAME,
      seed: o.seed,
      options: o,
      outline: { type: 'Polygon', coordinates: [ring] },
      bbox: [minLon, minLat, maxLon, maxLat],
      areaKm2: shape.areaKm2,
      population: settlements.reduce((a, s) => a + s.population, 0),
      settlementKinds,
    },
  };
}

/** distinct road vertices, counted by their rounded coordinates (how a graph builder merges them) */
export function countRoadNodes(roads: LayerCollection<'roads'>): number {
  const seen = new Set<number>();
  for (const f of roads.features) {
    const lines = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const line of lines) for (const [lon, lat] of line) seen.add(Math.round(lon * 1e5) * 1e8 + Math.round(lat * 1e5));
  }
  return seen.size;
}

export { PROVINCE_NAME };
