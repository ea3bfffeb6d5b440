/**
 * `analyse coverage`: travel times and coverage for a province from GeoJSON files, written as
 * CSV and JSON for anyone to check in a spreadsheet.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseCoverage, type CoverageResult } from '../engine/coverage';
import type { Command, OptionValue } from './args';
import { travelTimesCsv, coverageCsv } from '../io/exporters/coverage-csv';
import { describeLocation, type InputIssue } from '../model/errors';
import type { LayerKind } from '../model/layers';
import { loadLayer, resolveUserPath } from './read-layer';

export const coverageCommand: Command = {
  summary: 'Travel times from every settlement to the nearest office of each department, bundle trips, and the population covered within thresholds.',
  options: {
    roads: { type: 'string', placeholder: 'FILE', description: 'roads GeoJSON (without it, times are estimated from straight-line distance)' },
    settlements: { type: 'string', placeholder: 'FILE', description: 'settlements GeoJSON (points or areas, with population)', required: true },
    offices: { type: 'string', placeholder: 'FILE', description: 'offices GeoJSON (points, with department)', required: true },
    thusong: { type: 'string', placeholder: 'FILE', description: 'Thusong centres GeoJSON' },
    'thusong-offers-all': { type: 'boolean', description: 'count Thusong centres as sites offering every service' },
    municipalities: { type: 'string', placeholder: 'FILE', description: 'municipalities GeoJSON, for per-municipality coverage' },
    snap: { type: 'string', choices: ['segment', 'node'], placeholder: 'segment|node', description: 'join points to the nearest road segment (default) or road node (no off-road leg)' },
    'max-snap-metres': { type: 'number', placeholder: 'M', description: 'points farther from any road are flagged unreachable (default 5000)' },
    'off-road-kmh': { type: 'number', placeholder: 'KMH', description: 'speed of the leg between a point and its road (default 5, walking)' },
    thresholds: { type: 'numbers', placeholder: '30,60,90', description: 'coverage thresholds in minutes' },
    'detour-factor': { type: 'number', placeholder: 'F', description: 'estimate mode: road distance ÷ straight line (default 1.3)' },
    'average-kmh': { type: 'number', placeholder: 'KMH', description: 'estimate mode: average speed (default 50)' },
    candidates: { type: 'number', placeholder: 'K', description: 'bundle trips: nearest sites considered per service (default 1)' },
    out: { type: 'string', placeholder: 'DIR', description: 'directory for travel_times.csv, coverage.csv and summary.json', required: true },
  },
  run: runCoverage,
};

async function runCoverage(v: Record<string, OptionValue>): Promise<number> {
  const warnings: InputIssue[] = [];
  const read = (kind: LayerKind) => (v[kind] ? loadLayer(String(v[kind]), kind, warnings) : Promise.resolve(null));
  const t0 = performance.now();
  const inputs = {
    roads: await read('roads'),
    settlements: (await read('settlements'))!,
    offices: (await read('offices'))!,
    thusong: await read('thusong'),
    municipalities: await read('municipalities'),
  };
  const readMs = performance.now() - t0;
  if (warnings.length) {
    process.stderr.write(`${warnings.length} warning(s) while loading, e.g.:\n${warnings.slice(0, 5).map((w) => `  ${describeLocation(w.where)}: ${w.message}`).join('\n')}\n`);
  }
  let lastPhase = '';
  const result = analyseCoverage(
    inputs,
    {
      thresholds: (v.thresholds as number[] | undefined) ?? [30, 60, 90],
      snap: {
        mode: (v.snap as 'segment' | 'node' | undefined) ?? 'segment',
        ...(v['max-snap-metres'] !== undefined ? { maxSnapMetres: v['max-snap-metres'] as number } : {}),
        ...(v['off-road-kmh'] !== undefined ? { offRoadKmh: v['off-road-kmh'] as number } : {}),
      },
      estimate: {
        ...(v['detour-factor'] !== undefined ? { detourFactor: v['detour-factor'] as number } : {}),
        ...(v['average-kmh'] !== undefined ? { averageKmh: v['average-kmh'] as number } : {}),
      },
      bundles: {
        thusongOffersAll: v['thusong-offers-all'] === true,
        ...(v.candidates !== undefined ? { candidatesPerService: v.candidates as number } : {}),
      },
    },
    (p) => {
      if (p.phase !== lastPhase && process.stderr.isTTY) process.stderr.write(`\r\x1b[K${p.phase}…`);
      lastPhase = p.phase;
    },
  );
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');

  const dir = resolveUserPath(String(v.out));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'travel_times.csv'), travelTimesCsv(result));
  writeFileSync(join(dir, 'coverage.csv'), coverageCsv(result));
  writeFileSync(join(dir, 'summary.json'), JSON.stringify(summaryJson(result, readMs), jsonSafe, 2) + '\n');
  process.stdout.write(humanSummary(result, dir) + '\n');
  return 0;
}

/** JSON has no Infinity or NaN: write null. Typed arrays are left out of the summary by design. */
function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

const round = (n: number, d = 2) => (Number.isFinite(n) ? Math.round(n * 10 ** d) / 10 ** d : n);

export function summaryJson(r: CoverageResult, readMs = 0): unknown {
  const all = r.stats.rows.filter((x) => x.municipality === 'ALL');
  const snapping = r.snapping && (({ settlementOnIsland: _a, settlementTooFar: _b, ...rest }) => rest)(r.snapping);
  return {
    method: r.method,
    methodNote: r.method === 'estimate' ? 'No roads layer: times are great-circle distance × detour factor at an average speed.' : 'Times over the road network (Dijkstra), settlement → office.',
    settings: r.settings,
    counts: {
      settlements: r.times.settlementCount,
      population: r.stats.groups[0]?.population ?? 0,
      offices: r.times.officeIds.length,
      sites: r.sites.count,
      municipalities: r.times.municipalityCodes.length,
    },
    network: r.network,
    snapping,
    groups: r.stats.groups.map((g) => ({
      group: g.group,
      measure: r.times.groups.find((x) => x.group === g.group)?.measure,
      population: g.population,
      unreachablePopulation: g.unreachablePopulation,
      meanMinutes: round(g.meanMinutes),
      coverage: all.filter((x) => x.group === g.group).map((x) => ({ thresholdMinutes: x.thresholdMinutes, coveredPopulation: x.coveredPopulation, share: round(x.population > 0 ? x.coveredPopulation / x.population : NaN, 4) })),
      underserved: g.underserved.map((u) => ({ id: u.id, population: u.population, minutes: round(u.minutes), populationMinutes: round(u.score, 0) })),
      unreachable: g.unreachable.map((u) => ({ id: u.id, population: u.population })),
    })),
    bundles: r.bundles.map((b) => ({
      bundle: b.bundle,
      services: b.services,
      visitsPerPersonYear: b.visitsPerPersonYear,
      wholeSites: b.wholeSiteCount,
      missingServices: b.missingServices,
      extraPersonHoursPerYear: round(b.extraPersonHoursPerYear, 1),
      netPersonHoursPerYear: round(b.netPersonHoursPerYear, 1),
      burdenedPopulation: b.burdenedPopulation,
    })),
    skippedBundles: r.skippedBundles,
    catchments: r.stats.catchments.map((c) => ({ office: c.id, department: c.department, population: c.population, settlements: c.settlements })),
    timingsMs: Object.fromEntries(Object.entries({ readMs, ...r.timings }).map(([k, t]) => [k, Math.round(t)])),
  };
}

export function humanSummary(r: CoverageResult, dir: string): string {
  const pct = (a: number, b: number) => (b > 0 ? `${((100 * a) / b).toFixed(1)}%` : '–');
  const lines: string[] = [];
  const pop = r.stats.groups[0]?.population ?? 0;
  lines.push(`Coverage (${r.method === 'network' ? 'road network' : 'ESTIMATE from straight-line distance'}): ${r.times.settlementCount} settlements, ${Math.round(pop).toLocaleString('en-ZA')} people, ${r.times.officeIds.length} offices.`);
  if (r.network) {
    const n = r.network;
    lines.push(`Roads: ${n.nodeCount.toLocaleString('en-ZA')} nodes, ${n.edgeCount.toLocaleString('en-ZA')} directed edges, ${n.componentCount} connected part(s); ${n.islandSettlements} settlement(s) on islands off the main network.`);
  }
  if (r.snapping) {
    const s = r.snapping;
    lines.push(`Snapping (${s.mode}): ${s.settlementsTooFar} settlement(s) and ${s.officesTooFar} office(s) farther than ${s.maxSnapMetres} m from any road — flagged unreachable.`);
  }
  const ts = r.stats.thresholds;
  lines.push('', `Population within ${ts.join(' / ')} minutes (bundles: round trip collecting every service):`);
  for (const g of r.stats.groups) {
    const cells = ts.map((t) => {
      const row = r.stats.rows.find((x) => x.group === g.group && x.municipality === 'ALL' && x.thresholdMinutes === t)!;
      return pct(row.coveredPopulation, row.population).padStart(6);
    });
    lines.push(`  ${g.group.padEnd(32)} ${cells.join('  ')}`);
  }
  if (r.bundles.length) {
    lines.push('', 'Extra burden of services not co-located (person-hours per year):');
    for (const b of r.bundles) {
      const note = b.wholeSiteCount === 0 ? ' (no site offers the whole bundle)' : '';
      lines.push(`  ${b.bundle.padEnd(24)} ${Math.round(b.extraPersonHoursPerYear).toLocaleString('en-ZA').padStart(12)}${note}`);
    }
  }
  lines.push('', `Wrote ${join(dir, 'travel_times.csv')}, coverage.csv and summary.json (${Math.round(r.timings.totalMs)} ms).`);
  return lines.join('\n');
}
