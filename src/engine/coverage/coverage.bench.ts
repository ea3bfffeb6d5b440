/**
 * Coverage at province scale: 100k (small) or 1M (large) road nodes, 50,000 settlements,
 * 8 departments × ~20 offices, on two instances:
 *  - `coverage`: the seeded synthetic grid (bench/synthetic-province.ts) — every node a junction,
 *    the worst case for the shortest-path searches;
 *  - `coverage-generator`: the sample-province generator (data/generator), with town grids,
 *    highways, village links and farm tracks — closer to real roads.
 * Each step runs as analyseCoverage runs it, timed on its own. Run: npm run bench -- --only coverage
 */
import type { FeatureCollection } from 'geojson';
import { generateProvince } from '../../../data/generator/index';
import type { BenchContext, BenchEntry } from '../../../bench/harness';
import { mb, ms, timed, timingLine } from '../../../bench/harness';
import { syntheticProvince } from '../../../bench/synthetic-province';
import { DEFAULT_CATALOGUE } from '../../model/catalogue';
import { buildRoadGraph } from '../network/build-graph';
import { buildSnapIndex, snapPoints } from '../network/snap';
import { assignPointsToPolygons } from '../spatial/polygon-index';
import { analyseCoverage } from './analyse-coverage';
import { bundleTrips } from './bundle-trips';
import { coverageStats, type CoverageTimes, type GroupTimes } from './coverage-stats';
import { departmentsPresent, municipalityTable, officeTable, placeTable, settlementTable } from './inputs';
import { officeSites } from './sites';
import { nearestTimes, networkContext } from './travel-context';

const SIZES = { small: 100_000, large: 1_000_000 } as const;

interface Instance {
  roads: FeatureCollection;
  settlements: FeatureCollection;
  offices: FeatureCollection;
  thusong: FeatureCollection;
  municipalities: FeatureCollection;
}

function runPipeline({ size, log, memory }: BenchContext, make: (size: 'small' | 'large') => Instance): void {
  // warm-up: the whole pipeline once on a small instance, so the JIT has seen every hot loop
  const warm = timed(() => analyseCoverage(syntheticProvince({ seed: 99, roadNodes: 20_000, settlements: 5_000 }), { bundles: { thusongOffersAll: true } }));
  log(`  warm-up (20k nodes, 5k settlements, whole pipeline): ${ms(warm.wallMs)}`);

  const gen = timed(() => make(size), memory);
  const p = gen.value;
  log(`  instance: ${p.roads.features.length.toLocaleString('en-ZA')} road features, ${p.settlements.features.length.toLocaleString('en-ZA')} settlements, ${p.offices.features.length} offices, ${p.thusong.features.length} Thusong centres (generated in ${ms(gen.wallMs)}, not counted below)`);
  memory.reset();

  const built = timed(() => buildRoadGraph(p.roads, {}, () => memory.sample()), memory);
  const graph = built.value;
  log(`  graph: ${graph.nodeCount.toLocaleString('en-ZA')} nodes, ${graph.edgeCount.toLocaleString('en-ZA')} directed edges, ${graph.segmentCount.toLocaleString('en-ZA')} segments, ${graph.componentCount} components`);
  log(timingLine('graph build', built, 2000));

  const settlements = settlementTable(p.settlements);
  const offices = officeTable(p.offices);
  const sites = officeSites(offices, placeTable(p.thusong, 'thusong'), { thusongOffersAll: true });
  const snapped = timed(() => {
    const index = buildSnapIndex(graph, 'segment');
    const s = snapPoints(graph, { lon: settlements.lon, lat: settlements.lat }, {}, index);
    const o = snapPoints(graph, { lon: offices.lon, lat: offices.lat }, {}, index);
    const si = snapPoints(graph, { lon: sites.lon, lat: sites.lat }, {}, index);
    return { s, o, si };
  }, memory);
  log(timingLine('snapping (index + 50k + offices)', snapped));
  const nodeSnap = timed(() => snapPoints(graph, { lon: settlements.lon, lat: settlements.lat }, { mode: 'node' }), memory);
  log(timingLine('  (node mode, kdbush, for reference)', nodeSnap));

  const prepared = timed(() => networkContext(graph, snapped.value.s, [snapped.value.o, snapped.value.si]), memory);
  const ctx = prepared.value;
  log(timingLine(ctx.core ? `contraction (${(100 * ctx.core.contractedShare).toFixed(0)}% of nodes in chains)` : 'search context (no contraction: few shape points)', prepared));
  const officeDest = { snaps: snapped.value.o, points: { lon: offices.lon, lat: offices.lat } };
  const departments = departmentsPresent(offices);
  const times = timed(() => {
    const groups: GroupTimes[] = [];
    for (const dept of departments) {
      const chosen: number[] = [];
      for (let o = 0; o < offices.count; o++) if (offices.department[o] === dept) chosen.push(o);
      const r = nearestTimes(ctx, officeDest, chosen);
      groups.push({ group: dept, kind: 'department', measure: 'one-way', minutes: r.minutes, nearestOffice: r.nearest });
      memory.sample();
    }
    return groups;
  }, memory);
  log(timingLine(`travel times, all ${departments.length} departments`, times, 3000));

  const bundles = timed(() => bundleTrips(ctx, settlements, sites, { snaps: snapped.value.si, points: { lon: sites.lon, lat: sites.lat } }, DEFAULT_CATALOGUE.bundles, {}, () => memory.sample()), memory);
  log(timingLine(`bundle trips, ${bundles.value.length} bundles (${sites.count} sites)`, bundles));

  const municipalities = municipalityTable(p.municipalities);
  const statistics = timed(() => {
    const coverageTimes: CoverageTimes = {
      method: 'network',
      settlementCount: settlements.count,
      settlementId: settlements.id,
      population: settlements.population,
      municipality: assignPointsToPolygons(settlements.lon, settlements.lat, municipalities.geometry),
      municipalityCodes: municipalities.code,
      officeIds: offices.id,
      officeDepartments: offices.department,
      groups: [...times.value, ...bundles.value.map((b) => ({ group: `bundle:${b.bundle}`, kind: 'bundle' as const, measure: 'round-trip' as const, minutes: b.separateMinutes, nearestOffice: new Int32Array(settlements.count).fill(-1) }))],
    };
    return { coverageTimes, stats: coverageStats(coverageTimes, [30, 60, 90]) };
  }, memory);
  log(timingLine('coverage stats (with municipalities)', statistics));
  const restat = timed(() => coverageStats(statistics.value.coverageTimes, [15, 45, 120]));
  log(timingLine('coverage stats, new thresholds only', restat));

  memory.sample();
  const limit = 1.5 * 2 ** 30;
  log(`  peak memory: rss ${mb(memory.peakRss)}, heapUsed ${mb(memory.peakHeapUsed)}   target rss ≤ 1.5 GB ${memory.peakRss <= limit ? 'MET' : 'MISSED'} (includes the GeoJSON input held in memory)`);
  const sassa = statistics.value.stats.rows.filter((r) => r.group === departments[0] && r.municipality === 'ALL');
  log(`  check: ${departments[0]} within 30/60/90 min: ${sassa.map((r) => `${((100 * r.coveredPopulation) / r.population).toFixed(1)}%`).join(' / ')}`);
}

export const bench: BenchEntry = {
  name: 'coverage',
  description: 'synthetic grid: graph build, snapping, 8-department travel times, bundle trips and coverage statistics',
  run: (ctx) => runPipeline(ctx, (size) => syntheticProvince({ seed: 1, roadNodes: SIZES[size], settlements: 50_000, officesPerDepartment: 20 })),
};

export const benchGenerator: BenchEntry = {
  name: 'coverage-generator',
  description: 'generated sample province (data/generator): the same steps on more realistic roads',
  run: (ctx) => runPipeline(ctx, (size) => generateProvince({ seed: 7, roadNodes: SIZES[size], settlements: 50_000, offices: 160 })),
};
