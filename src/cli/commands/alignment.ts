/**
 * `analyse alignment`: how department service regions line up with municipal boundaries.
 *
 *   npm run analyse -- alignment --regions R --municipalities M [--settlements S] [--offices O]
 *       [--sliver-width-m 200] [--sliver-share 0.01] [--geometry] --out DIR
 *
 * Files are read through the app's loader (src/io/load-file: field aliases, CRS, validation), so
 * the CLI sees the same canonical properties as the app. Writes:
 *
 *   DIR/overlap.csv    one row per non-empty region ∩ municipality:
 *                      department,region,municipality_code,area_km2,population,sliver,
 *                      mean_width_m,share_of_smaller
 *                      (population empty without --settlements; sliver 1 = digitising noise)
 *   DIR/alignment.csv  the indices in long form, one indicator per row:
 *                      scope,department,region,municipality_code,indicator,value,value_with_slivers
 *                      scope region:       area_km2, population, municipalities_touched,
 *                                          dominant_municipality_by_area, area_share_in_dominant,
 *                                          dominant_municipality_by_population, population_share_in_dominant
 *                      scope municipality: regions_serving, area_covered_km2 (per department)
 *                      scope department:   alignment_score_population, alignment_score_area, regions,
 *                                          municipalities_served, municipalities_split, population,
 *                                          area_km2, population_outside_regions
 *                      `value` leaves slivers out (the default reading), `value_with_slivers` counts them.
 *   DIR/proposal.csv   the aligned proposal: each municipality whole to the region with most of its people
 *   DIR/offices.csv    (with --offices) each office's region before and after the proposal
 *   DIR/summary.json   counts, scores, timings, issues
 *   DIR/slivers.geojson, DIR/aligned_regions.geojson   (with --geometry) for a map
 *
 * The CSV writers live in src/io/exporters/alignment-csv.ts, shared with the app's downloads.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { alignedRegionFeatures, analyseAlignment, overlapFeatures, proposeAlignedRegions, type AlignedProposal, type AlignmentResult } from '../../engine/alignment';
import type { InputIssue } from '../../model/errors';
import { parseOptions, type Command, type OptionValue } from '../args';
import { formatCount } from '../../io/exporters/csv';
import { alignmentCsv, officesCsv, overlapCsv, proposalCsv } from '../../io/exporters/alignment-csv';
import { loadLayer, resolveUserPath } from '../read-layer';

export const alignmentCommand: Command = {
  summary: 'Overlap of department service regions with municipalities: areas and people per piece, slivers, alignment indices and an aligned proposal.',
  options: {
    regions: { type: 'string', placeholder: 'FILE', description: 'department service regions (polygons with department, region)', required: true },
    municipalities: { type: 'string', placeholder: 'FILE', description: 'municipalities (polygons with code, name)', required: true },
    settlements: { type: 'string', placeholder: 'FILE', description: 'settlements with population: points, or polygons such as wards (apportioned by area)' },
    offices: { type: 'string', placeholder: 'FILE', description: 'department offices (points), to list those whose region changes' },
    'sliver-width-m': { type: 'number', placeholder: 'M', description: 'overlaps narrower than this on average are slivers (default 200)' },
    'sliver-share': { type: 'number', placeholder: 'S', description: 'overlaps smaller than this share of the smaller polygon are slivers (default 0.01)' },
    geometry: { type: 'boolean', description: 'also write slivers.geojson and aligned_regions.geojson' },
    out: { type: 'string', placeholder: 'DIR', description: 'directory for overlap.csv, alignment.csv, proposal.csv and summary.json', required: true },
  },
  run: (v) => runAlignmentCommand(v),
};

/** Entry with raw arguments, e.g. runAlignment(['--regions', 'r.geojson', …]). */
export async function runAlignment(argv: string[]): Promise<void> {
  const code = await runAlignmentCommand(parseOptions(argv, alignmentCommand.options));
  if (code !== 0) throw new Error(`alignment exited with ${code}`);
}

const describe = (i: InputIssue) => `  ${i.severity}: ${i.where.file}${i.where.feature !== undefined ? `, feature ${i.where.feature}` : ''}: ${i.message}`;

export async function runAlignmentCommand(v: Record<string, OptionValue>): Promise<number> {
  const t0 = performance.now();
  const loadWarnings: InputIssue[] = [];
  const regions = await loadLayer(String(v.regions), 'regions', loadWarnings);
  const municipalities = await loadLayer(String(v.municipalities), 'municipalities', loadWarnings);
  const settlements = v.settlements ? await loadLayer(String(v.settlements), 'settlements', loadWarnings) : undefined;
  const offices = v.offices ? await loadLayer(String(v.offices), 'offices', loadWarnings) : undefined;
  const readMs = performance.now() - t0;
  let lastPhase = '';
  const result = analyseAlignment(
    {
      regions,
      municipalities,
      settlements,
      offices,
      fileNames: {
        regions: basename(String(v.regions)),
        municipalities: basename(String(v.municipalities)),
        settlements: v.settlements ? basename(String(v.settlements)) : undefined,
        offices: v.offices ? basename(String(v.offices)) : undefined,
      },
    },
    {
      sliver: {
        ...(v['sliver-width-m'] !== undefined ? { maxWidthMetres: v['sliver-width-m'] as number } : {}),
        ...(v['sliver-share'] !== undefined ? { maxShare: v['sliver-share'] as number } : {}),
      },
    },
    (p) => {
      if (p.phase !== lastPhase && process.stderr.isTTY) process.stderr.write(`\r\x1b[K${p.phase}…`);
      lastPhase = p.phase;
    },
  );
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  const proposal = proposeAlignedRegions(result);

  const dir = resolveUserPath(String(v.out));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'overlap.csv'), overlapCsv(result));
  writeFileSync(join(dir, 'alignment.csv'), alignmentCsv(result));
  writeFileSync(join(dir, 'proposal.csv'), proposalCsv(result, proposal));
  if (offices) writeFileSync(join(dir, 'offices.csv'), officesCsv(result, proposal));
  if (v.geometry === true) {
    writeFileSync(join(dir, 'slivers.geojson'), JSON.stringify(overlapFeatures(result, regions, municipalities)) + '\n');
    const aligned: FeatureCollection = { type: 'FeatureCollection', features: result.departments.flatMap((_, d) => alignedRegionFeatures(result, proposal, municipalities, d).features) };
    writeFileSync(join(dir, 'aligned_regions.geojson'), JSON.stringify(aligned) + '\n');
  }
  const issues = [...loadWarnings, ...result.issues];
  writeFileSync(join(dir, 'summary.json'), JSON.stringify(summaryJson(result, proposal, issues, readMs), jsonSafe, 2) + '\n');
  process.stdout.write(humanSummary(result, proposal, issues, dir) + '\n');
  return 0;
}

const share = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : '');

function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

const round = (n: number, d = 4) => (Number.isFinite(n) ? Math.round(n * 10 ** d) / 10 ** d : n);

function summaryJson(r: AlignmentResult, p: AlignedProposal, issues: InputIssue[], readMs: number): unknown {
  return {
    areaProjection: r.areaProjection,
    populationMethod: r.populationMethod,
    populationNote:
      r.populationMethod === 'none'
        ? 'No settlements given: population columns are empty.'
        : 'Points are placed by point-in-polygon; polygons (e.g. wards) are apportioned by the area share of ward ∩ region ∩ municipality.',
    sliverRule: r.sliverRule,
    counts: { regions: r.regions.count, municipalities: r.municipalities.count, departments: r.departments.length, settlements: r.settlements.count, offices: r.offices.count },
    stats: { ...r.stats, readMs: round(readMs, 0), phaseMs: Object.fromEntries(Object.entries(r.stats.phaseMs).map(([k, t]) => [k, round(t, 0)])) },
    departments: r.departments.map((dep, d) => ({
      department: dep,
      alignmentScorePopulation: round(r.indices.departments.populationScore[d]),
      alignmentScoreArea: round(r.indices.departments.areaScore[d]),
      alignmentScorePopulationWithSlivers: round(r.indicesWithSlivers.departments.populationScore[d]),
      alignmentScoreAreaWithSlivers: round(r.indicesWithSlivers.departments.areaScore[d]),
      municipalitiesSplit: r.indices.departments.municipalitiesSplit[d],
      proposal: {
        populationMoving: round(p.perDepartment.populationMoving[d], 2),
        areaMovingKm2: round(p.perDepartment.areaMovingKm2[d], 3),
        municipalitiesChanged: p.perDepartment.municipalitiesChanged[d],
        regionsEmptied: p.perDepartment.regionsEmptied[d],
        officesChanged: p.perDepartment.officesChanged[d],
      },
    })),
    issues: issues.map((i) => ({ code: i.code, severity: i.severity, message: i.message, where: i.where })),
  };
}

function humanSummary(r: AlignmentResult, p: AlignedProposal, issues: InputIssue[], dir: string): string {
  const lines = [
    `${r.regions.count} regions (${r.departments.length} department${r.departments.length === 1 ? '' : 's'}) × ${r.municipalities.count} municipalities: ${r.overlaps.count} overlaps, ${r.stats.slivers} of them slivers.`,
  ];
  r.departments.forEach((dep, d) => {
    const s = r.indices.departments;
    lines.push(
      `  ${dep || '(no department)'}: alignment ${share(s.populationScore[d]) || '—'} by people, ${share(s.areaScore[d])} by area; ${s.municipalitiesSplit[d]} municipalities split; proposal moves ${formatCount(p.perDepartment.populationMoving[d])} people, ${p.perDepartment.officesChanged[d]} offices change region.`,
    );
  });
  if (issues.length) {
    lines.push(`${issues.length} issue(s) in the input (see summary.json), e.g.:`);
    for (const i of issues.slice(0, 5)) lines.push(describe(i));
  }
  lines.push(`Wrote ${join(dir, 'overlap.csv')}, alignment.csv, proposal.csv and summary.json.`);
  return lines.join('\n');
}
