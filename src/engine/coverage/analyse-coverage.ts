/**
 * The whole coverage analysis in one call — graph, snapping, nearest-office times per department,
 * bundle trips, statistics — for the command line and the worker. Each step is also exported on
 * its own, so a caller can cache the graph or re-run only `coverageStats` when thresholds change.
 */
import type { FeatureCollection } from 'geojson';
import { DEFAULT_CATALOGUE, type Catalogue } from '../../model/catalogue';
import type { ProgressFn } from '../../model/progress';
import { buildRoadGraph, type BuildGraphOptions, type RoadGraph } from '../network/build-graph';
import { DEFAULT_ESTIMATE_OPTIONS, type EstimateOptions } from '../network/estimate';
import { buildSnapIndex, DEFAULT_SNAP_OPTIONS, snapComponent, snapPoints, type SnapOptions, type Snaps } from '../network/snap';
import { assignPointsToPolygons } from '../spatial/polygon-index';
import { bundleTrips, type BundleOptions, type BundleTrip } from './bundle-trips';
import { coverageStats, type CoverageStats, type CoverageTimes, type GroupTimes } from './coverage-stats';
import { departmentsPresent, municipalityTable, officeTable, placeTable, settlementTable } from './inputs';
import { officeSites, type SiteOptions } from './sites';
import { nearestTimes, networkContext, type Destinations, type TravelContext } from './travel-context';

export interface CoverageInputs {
  /** without roads, times are estimated from straight-line distance (method 'estimate') */
  roads?: FeatureCollection | null;
  settlements: FeatureCollection;
  offices: FeatureCollection;
  thusong?: FeatureCollection | null;
  municipalities?: FeatureCollection | null;
}

export interface CoverageOptions {
  /** minutes; default [30, 60, 90] */
  thresholds?: number[];
  snap?: SnapOptions;
  graph?: BuildGraphOptions;
  estimate?: EstimateOptions;
  bundles?: BundleOptions & SiteOptions & { codes?: string[] };
  /** departments to analyse (default: every department with offices) */
  departments?: string[];
  catalogue?: Catalogue;
  /** underserved settlements listed per group (default 20) */
  top?: number;
}

export interface NetworkSummary {
  nodeCount: number;
  edgeCount: number;
  segmentCount: number;
  componentCount: number;
  /** nodes per component, largest first (at most 50 listed) */
  componentSizes: number[];
  skippedFeatures: number;
  unknownClasses: Record<string, number>;
  /** settlements joined to a road outside the largest connected part */
  islandSettlements: number;
  islandPopulation: number;
}

export interface SnappingSummary {
  mode: 'segment' | 'node';
  maxSnapMetres: number;
  offRoadKmh: number;
  settlementsTooFar: number;
  populationTooFar: number;
  officesTooFar: number;
  /** ids of the flagged points (at most 200 of each listed) */
  tooFarSettlementIds: string[];
  tooFarOfficeIds: string[];
  /** population-weighted mean distance from settlements to their road, metres */
  meanOffRoadMetres: number;
  /** per settlement: 1 = joined outside the largest connected part of the network */
  settlementOnIsland: Uint8Array;
  settlementTooFar: Uint8Array;
}

export interface CoverageTimings {
  graphMs: number;
  snapMs: number;
  departmentsMs: number;
  bundlesMs: number;
  statsMs: number;
  totalMs: number;
}

export interface CoverageResult {
  method: 'network' | 'estimate';
  /** what produced the times, for the record (and the user) */
  settings: {
    thresholds: number[];
    snap: Required<SnapOptions> | null;
    estimate: Required<EstimateOptions> | null;
    candidatesPerService: number;
    siteRadiusMetres: number;
    thusongOffersAll: boolean;
  };
  times: CoverageTimes;
  stats: CoverageStats;
  bundles: BundleTrip[];
  /** bundles left out (more than 6 services, or none) */
  skippedBundles: string[];
  sites: { count: number; ids: string[] };
  network: NetworkSummary | null;
  snapping: SnappingSummary | null;
  timings: CoverageTimings;
}

const now = () => performance.now();

export function analyseCoverage(inputs: CoverageInputs, options: CoverageOptions = {}, progress?: ProgressFn): CoverageResult {
  const t0 = now();
  const catalogue = options.catalogue ?? DEFAULT_CATALOGUE;
  const thresholds = options.thresholds ?? [30, 60, 90];
  const settlements = settlementTable(inputs.settlements);
  const offices = officeTable(inputs.offices, catalogue);
  const thusong = inputs.thusong ? placeTable(inputs.thusong, 'thusong') : null;
  const municipalities = municipalityTable(inputs.municipalities);
  const settlementPoints = { lon: settlements.lon, lat: settlements.lat };
  const officePoints = { lon: offices.lon, lat: offices.lat };
  const bundleOptions = options.bundles ?? {};
  const siteOptions = { siteRadiusMetres: bundleOptions.siteRadiusMetres ?? 100, thusongOffersAll: bundleOptions.thusongOffersAll ?? false };
  const sites = officeSites(offices, thusong, siteOptions);
  const sitePoints = { lon: sites.lon, lat: sites.lat };

  // 1. network and snapping (or the estimate)
  let graph: RoadGraph | null = null;
  let ctx: TravelContext;
  let officeDest: Destinations;
  let siteDest: Destinations;
  let network: NetworkSummary | null = null;
  let snapping: SnappingSummary | null = null;
  let graphMs = 0;
  let snapMs = 0;
  const snapOptions = { ...DEFAULT_SNAP_OPTIONS, ...(options.snap ?? {}) };
  const estimateOptions = { ...DEFAULT_ESTIMATE_OPTIONS, ...(options.estimate ?? {}) };
  const hasRoads = !!inputs.roads && (inputs.roads.features?.length ?? 0) > 0;
  if (hasRoads) {
    const tg = now();
    graph = buildRoadGraph(inputs.roads!, options.graph ?? {}, progress);
    graphMs = now() - tg;
    const ts = now();
    const index = buildSnapIndex(graph, snapOptions.mode);
    const sSnaps = snapPoints(graph, settlementPoints, snapOptions, index, progress);
    const oSnaps = snapPoints(graph, officePoints, snapOptions, index);
    const siteSnaps = snapPoints(graph, sitePoints, snapOptions, index);
    snapMs = now() - ts;
    ctx = networkContext(graph, sSnaps, [oSnaps, siteSnaps]);
    officeDest = { snaps: oSnaps, points: officePoints };
    siteDest = { snaps: siteSnaps, points: sitePoints };
    network = summariseNetwork(graph, sSnaps, settlements.population);
    snapping = summariseSnapping(graph, snapOptions, sSnaps, oSnaps, settlements.id, settlements.population, offices.id);
  } else {
    ctx = { method: 'estimate', settlements: settlementPoints, estimate: estimateOptions };
    officeDest = { snaps: null, points: officePoints };
    siteDest = { snaps: null, points: sitePoints };
  }

  // 2. nearest office per department
  const td = now();
  const departments = options.departments ?? departmentsPresent(offices, catalogue);
  const groups: GroupTimes[] = [];
  departments.forEach((dept, d) => {
    progress?.({ phase: `Travel times: ${dept}`, done: d, total: departments.length });
    const chosen: number[] = [];
    for (let o = 0; o < offices.count; o++) if (offices.department[o] === dept) chosen.push(o);
    const r = nearestTimes(ctx, officeDest, chosen);
    groups.push({ group: dept, kind: 'department', measure: 'one-way', minutes: r.minutes, nearestOffice: r.nearest });
  });
  progress?.({ phase: 'Travel times', done: departments.length, total: departments.length });
  const departmentsMs = now() - td;

  // 3. bundles
  const tb = now();
  const wanted = bundleOptions.codes ? catalogue.bundles.filter((b) => bundleOptions.codes!.includes(b.code)) : catalogue.bundles;
  const skippedBundles = wanted.filter((b) => b.services.length === 0 || b.services.length > 6).map((b) => b.code);
  const bundles = bundleTrips(ctx, settlements, sites, siteDest, wanted, bundleOptions, progress);
  for (const b of bundles) {
    groups.push({ group: `bundle:${b.bundle}`, kind: 'bundle', measure: 'round-trip', minutes: b.separateMinutes, nearestOffice: new Int32Array(settlements.count).fill(-1) });
  }
  const bundlesMs = now() - tb;

  // 4. statistics
  const tst = now();
  const times: CoverageTimes = {
    method: ctx.method,
    settlementCount: settlements.count,
    settlementId: settlements.id,
    population: settlements.population,
    municipality: assignPointsToPolygons(settlements.lon, settlements.lat, municipalities.geometry),
    municipalityCodes: municipalities.code,
    officeIds: offices.id,
    officeDepartments: offices.department,
    groups,
  };
  const stats = coverageStats(times, thresholds, { top: options.top });
  const statsMs = now() - tst;

  return {
    method: ctx.method,
    settings: {
      thresholds: stats.thresholds,
      snap: hasRoads ? snapOptions : null,
      estimate: hasRoads ? null : estimateOptions,
      candidatesPerService: Math.max(1, Math.floor(bundleOptions.candidatesPerService ?? 1)),
      ...siteOptions,
    },
    times,
    stats,
    bundles,
    skippedBundles,
    sites: { count: sites.count, ids: sites.id },
    network,
    snapping,
    timings: { graphMs, snapMs, departmentsMs, bundlesMs, statsMs, totalMs: now() - t0 },
  };
}

function summariseNetwork(graph: RoadGraph, settlements: Snaps, population: Float64Array): NetworkSummary {
  let islandSettlements = 0;
  let islandPopulation = 0;
  for (let i = 0; i < settlements.count; i++) {
    if (snapComponent(graph, settlements, i) > 0) {
      islandSettlements++;
      islandPopulation += population[i];
    }
  }
  return {
    nodeCount: graph.nodeCount,
    edgeCount: graph.edgeCount,
    segmentCount: graph.segmentCount,
    componentCount: graph.componentCount,
    componentSizes: Array.from(graph.componentSizes.subarray(0, 50)),
    skippedFeatures: graph.skippedFeatures,
    unknownClasses: graph.unknownClasses,
    islandSettlements,
    islandPopulation,
  };
}

function summariseSnapping(
  graph: RoadGraph,
  o: Required<SnapOptions>,
  s: Snaps,
  offices: Snaps,
  settlementIds: string[],
  population: Float64Array,
  officeIds: string[],
): SnappingSummary {
  let populationTooFar = 0;
  let weighted = 0;
  let joined = 0;
  const onIsland = new Uint8Array(s.count);
  const tooFarSettlementIds: string[] = [];
  for (let i = 0; i < s.count; i++) {
    if (s.tooFar[i]) {
      populationTooFar += population[i];
      if (tooFarSettlementIds.length < 200) tooFarSettlementIds.push(settlementIds[i]);
      continue;
    }
    weighted += population[i] * s.offRoadMetres[i];
    joined += population[i];
    if (snapComponent(graph, s, i) > 0) onIsland[i] = 1;
  }
  const tooFarOfficeIds: string[] = [];
  for (let i = 0; i < offices.count && tooFarOfficeIds.length < 200; i++) if (offices.tooFar[i]) tooFarOfficeIds.push(officeIds[i]);
  return {
    mode: o.mode,
    maxSnapMetres: o.maxSnapMetres,
    offRoadKmh: o.offRoadKmh,
    settlementsTooFar: s.tooFarCount,
    populationTooFar,
    officesTooFar: offices.tooFarCount,
    tooFarSettlementIds,
    tooFarOfficeIds,
    meanOffRoadMetres: joined > 0 ? weighted / joined : NaN,
    settlementOnIsland: onIsland,
    settlementTooFar: s.tooFar,
  };
}
