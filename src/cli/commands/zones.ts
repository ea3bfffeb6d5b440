/**
 * `analyse zones`: choose Thusong zones (co-location sites for government offices).
 *
 *   npm run analyse -- zones --objective mclp|pmedian|lscp [--k K | --new-zones N] [--minutes T] --out DIR
 *       --roads R --settlements S --offices O [--candidates C.geojson] [--thusong FILE] [--bundle CODE]
 *     or
 *       --matrix FILE --demand FILE [--candidates C.csv]
 *
 * Roads mode: travel minutes settlement → candidate over the road network (one Dijkstra per
 * candidate, cut at T for mclp/lscp). Candidates are the points of --candidates, else the office
 * sites (offices within --walk-metres of each other); Thusong centres are added as fixed sites.
 * With --bundle, only candidates offering the whole bundle (own services and the offices within a
 * walk) serve residents.
 *
 * Matrix mode reads a ready matrix (CSV demand_id,candidate_id,minutes; an absent pair is
 * unreachable) and the demand (CSV demand_id,population), so the optimiser can be checked on its
 * own against other solvers. The optional candidates CSV has candidate_id,lon,lat and may add
 * fixed (1 = must be chosen) and eligible (0 = serves no one) columns.
 *
 * Writes DIR/zones.csv (candidate_id, lon, lat, population_served, fixed) and DIR/summary.json
 * (objective, bound, gap, seconds, the method, and who cannot be covered).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { DEFAULT_CATALOGUE } from '../../model/catalogue';
import { officeTable, placeTable, settlementTable } from '../../engine/coverage/inputs';
import { solveMaximalCovering } from '../../engine/location/maximal-covering';
import { solvePMedian } from '../../engine/location/p-median';
import { bundleEligibility, type LocationProblem, type LocationResult } from '../../engine/location/problem';
import { solveSetCovering } from '../../engine/location/set-covering';
import { sitesOfKind, zoneSites, type ZonePoint } from '../../engine/location/zone-sites';
import { zoneTravelMinutes } from '../../engine/location/zone-travel';
import { zonesCsv, type ZoneRow } from '../../io/exporters/zones';
import { UsageError, parseOptions, type Command, type OptionValue } from '../args';
import { formatCount } from '../../io/exporters/csv';
import { LayerReadError, readGeoJsonLayer, resolveUserPath } from '../read-layer';

export const zonesCommand: Command = {
  summary: 'Choose Thusong zones: maximal covering (mclp), p-median or set covering (lscp), with a bound and gap for every answer.',
  options: {
    objective: { type: 'string', choices: ['mclp', 'pmedian', 'lscp'], placeholder: 'mclp|pmedian|lscp', description: 'what to optimise', required: true },
    k: { type: 'number', placeholder: 'K', description: 'number of zones, fixed sites included (mclp, pmedian)' },
    'new-zones': { type: 'number', placeholder: 'N', description: 'instead of --k: N zones beside the fixed sites, as the app counts them (k = N + fixed)' },
    minutes: { type: 'number', placeholder: 'T', description: 'a resident is covered within T minutes of a zone (mclp, lscp)' },
    out: { type: 'string', placeholder: 'DIR', description: 'directory for zones.csv and summary.json', required: true },
    roads: { type: 'string', placeholder: 'FILE', description: 'roads GeoJSON (roads mode)' },
    settlements: { type: 'string', placeholder: 'FILE', description: 'settlements GeoJSON with population (roads mode)' },
    offices: { type: 'string', placeholder: 'FILE', description: 'offices GeoJSON with department (roads mode): default candidates and the services beside each candidate' },
    candidates: { type: 'string', placeholder: 'FILE', description: 'candidate sites: GeoJSON points (roads mode) or CSV candidate_id,lon,lat[,fixed,eligible] (matrix mode)' },
    thusong: { type: 'string', placeholder: 'FILE', description: 'existing Thusong centres GeoJSON, added as fixed sites (roads mode)' },
    'thusong-offers-all': { type: 'boolean', description: 'count Thusong centres as offering every service (roads mode, with --bundle)' },
    bundle: { type: 'string', placeholder: 'CODE', description: `only candidates offering this whole bundle serve residents (${DEFAULT_CATALOGUE.bundles.map((b) => b.code).join(', ')})` },
    'walk-metres': { type: 'number', placeholder: 'M', description: 'offices this close form one site / count as beside a candidate (default 200)' },
    matrix: { type: 'string', placeholder: 'FILE', description: 'matrix mode: CSV demand_id,candidate_id,minutes' },
    demand: { type: 'string', placeholder: 'FILE', description: 'matrix mode: CSV demand_id,population' },
    'time-limit': { type: 'number', placeholder: 'SECONDS', description: 'solver budget for improving the answer and its bound (default 5)' },
    gap: { type: 'number', placeholder: 'F', description: 'stop once the relative gap is at most this (default 0.001; lscp 0)' },
    penalty: { type: 'number', placeholder: 'MIN', description: 'pmedian: minutes charged to a resident no chosen zone reaches (default: the slowest pair)' },
    'no-highs': { type: 'boolean', description: 'do not use the HiGHS solver (heuristics and Lagrangian bounds only)' },
    exact: { type: 'boolean', description: 'aim for a proven optimum (gap 0): pmedian then uses HiGHS branch-and-cut at any size; give a generous --time-limit' },
    seed: { type: 'number', placeholder: 'N', description: 'random seed of the local searches (default 1)' },
  },
  run: async (v) => {
    await runZonesWith(v);
    return 0;
  },
};

/** Entry with raw arguments (throws UsageError or LayerReadError on bad input). */
export async function runZones(argv: string[]): Promise<void> {
  await runZonesWith(parseOptions(argv, zonesCommand.options));
}

interface ZoneInstance {
  mode: 'matrix' | 'roads';
  problem: LocationProblem;
  demandIds: string[];
  candidateIds: string[];
  candidateLon: Float64Array;
  candidateLat: Float64Array;
  notes: string[];
  travelSeconds: number;
}

async function runZonesWith(v: Record<string, OptionValue>): Promise<void> {
  const t0 = performance.now();
  const say = (s: string) => process.stderr.write(`${s}\n`);
  const objective = v.objective as 'mclp' | 'pmedian' | 'lscp';
  const newZones = v['new-zones'] as number | undefined;
  if (newZones !== undefined && v.k !== undefined) throw new UsageError('Give --k (zones, fixed sites included) or --new-zones (zones beside the fixed sites), not both.');
  if (newZones !== undefined && !(Number.isInteger(newZones) && newZones >= 0)) throw new UsageError('--new-zones must be a whole number ≥ 0.');
  const T = v.minutes as number | undefined;
  if (objective !== 'lscp' && newZones === undefined && (v.k === undefined || !Number.isInteger(v.k) || (v.k as number) < 1))
    throw new UsageError(`--objective ${objective} needs --k, a whole number of zones ≥ 1 (or --new-zones N).`);
  if (objective !== 'pmedian' && (T === undefined || !(T >= 0))) throw new UsageError(`--objective ${objective} needs --minutes T ≥ 0.`);
  const matrixMode = v.matrix !== undefined || v.demand !== undefined;
  let inst: ZoneInstance;
  if (matrixMode) {
    if (!v.matrix || !v.demand) throw new UsageError('Matrix mode needs both --matrix FILE and --demand FILE.');
    inst = readMatrixInstance(String(v.matrix), String(v.demand), v.candidates ? String(v.candidates) : undefined);
  } else {
    if (!v.roads || !v.settlements || !v.offices) throw new UsageError('Give --roads, --settlements and --offices (roads mode), or --matrix and --demand (matrix mode).');
    inst = roadsInstance(v, objective === 'pmedian' ? Infinity : T!, say);
  }
  const { problem } = inst;
  // the app's "new zones" count the zones beside the fixed sites; the solvers' k includes them
  const k = newZones !== undefined ? newZones + (problem.fixed?.length ?? 0) : (v.k as number | undefined);
  if (objective !== 'lscp' && !(k! >= 1)) throw new UsageError('There is nothing to choose: give at least one new zone, or fixed sites.');
  say(`${problem.demandCount} demand points, ${problem.candidateCount} candidates (${problem.fixed?.length ?? 0} fixed), mode ${inst.mode}`);

  const common = {
    timeLimitSeconds: (v['time-limit'] as number | undefined) ?? 5,
    ...(v.gap !== undefined ? { targetGap: v.gap as number } : v.exact ? { targetGap: 0 } : {}),
    ...(v['no-highs'] ? { highs: null } : {}),
  };
  let lastPhase = '';
  const progress = (p: { phase: string }) => {
    if (p.phase !== lastPhase && process.stderr.isTTY) process.stderr.write(`\r\x1b[K${p.phase}…`);
    lastPhase = p.phase;
  };
  let result: LocationResult;
  if (objective === 'mclp') result = await solveMaximalCovering(problem, { ...common, k: k!, minutes: T!, seed: v.seed as number | undefined }, progress);
  else if (objective === 'pmedian') result = await solvePMedian(problem, { ...common, k: k!, penaltyMinutes: v.penalty as number | undefined, ...(v.exact ? { mipPairLimit: Infinity } : {}), seed: v.seed as number | undefined }, progress);
  else result = await solveSetCovering(problem, { ...common, minutes: T! }, progress);
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');

  const dir = resolveUserPath(String(v.out));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'zones.csv'), zonesCsv(zoneRows(inst, result)));
  writeFileSync(join(dir, 'summary.json'), JSON.stringify(zonesSummary(inst, result, objective, k, T, (performance.now() - t0) / 1000), jsonSafe, 2) + '\n');
  const what = objective === 'mclp' ? 'population covered' : objective === 'pmedian' ? 'person-minutes' : 'zones';
  process.stdout.write(
    `${objective}: ${result.selected.length} zones, ${what} ${formatCount(result.objective)}, bound ${formatCount(result.bound)}, gap ${(result.gap * 100).toFixed(3)} % in ${result.seconds.toFixed(2)} s (${result.method})\n` +
      (result.uncoverable.length ? `${result.uncoverable.length} demand points (${formatCount(result.uncoverablePopulation)} people) cannot be served by any eligible candidate${objective === 'pmedian' ? '' : ` within ${T} minutes`}.\n` : '') +
      `Wrote ${join(dir, 'zones.csv')} and ${join(dir, 'summary.json')}\n`,
  );
}

function zoneRows(inst: ZoneInstance, r: LocationResult): ZoneRow[] {
  const fixed = new Set(inst.problem.fixed ?? []);
  return Array.from(r.selected, (c, s) => ({ id: inst.candidateIds[c], lon: inst.candidateLon[c], lat: inst.candidateLat[c], populationServed: r.populationServed[s], fixed: fixed.has(c) }));
}

function zonesSummary(inst: ZoneInstance, r: LocationResult, objective: string, k: number | undefined, T: number | undefined, totalSeconds: number) {
  return {
    model: objective,
    objective: r.objective,
    objectiveMeaning: objective === 'mclp' ? 'population within T minutes of a zone' : objective === 'pmedian' ? 'population-weighted minutes to the nearest zone (person-minutes)' : 'number of zones',
    bound: r.bound,
    boundKind: objective === 'mclp' ? 'upper' : 'lower',
    gap: r.gap,
    optimal: r.optimal,
    seconds: r.seconds,
    totalSeconds,
    travelSeconds: inst.travelSeconds,
    method: r.method,
    iterations: r.iterations,
    mode: inst.mode,
    notes: inst.notes,
    k: k ?? null,
    minutes: T ?? null,
    zones: r.selected.length,
    fixed: Array.from(inst.problem.fixed ?? [], (c) => inst.candidateIds[c]),
    totalPopulation: r.totalPopulation,
    coveredPopulation: r.coveredPopulation,
    coveredShare: r.totalPopulation > 0 ? r.coveredPopulation / r.totalPopulation : null,
    averageMinutes: objective === 'pmedian' ? r.averageMinutes : null,
    uncoverable: {
      count: r.uncoverable.length,
      population: r.uncoverablePopulation,
      ids: Array.from(r.uncoverable, (d) => inst.demandIds[d]),
    },
  };
}

function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(resolveUserPath(path), 'utf8').replace(/^\ufeff/, '');
  } catch (e) {
    throw new LayerReadError(`Cannot read the ${what} file “${path}”: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
}

function readCsv(path: string, what: string, required: string[]): { rows: Record<string, string>[]; fields: string[] } {
  const parsed = Papa.parse<Record<string, string>>(readText(path, what), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim().toLowerCase() });
  const fields = parsed.meta.fields ?? [];
  for (const col of required) {
    if (!fields.includes(col)) throw new LayerReadError(`${path}: the column “${col}” is missing (found: ${fields.join(', ') || 'none'}). The ${what} file needs ${required.join(', ')}.`);
  }
  return { rows: parsed.data, fields };
}

const truthy = (s: string | undefined) => ['1', 'true', 'yes', 'y'].includes((s ?? '').trim().toLowerCase());

/** Matrix mode: demand, optional candidates, and the (demand, candidate, minutes) triplets. */
export function readMatrixInstance(matrixPath: string, demandPath: string, candidatesPath?: string): ZoneInstance {
  const t0 = performance.now();
  const demand = readCsv(demandPath, 'demand', ['demand_id', 'population']);
  const demandIds: string[] = [];
  const demandIndex = new Map<string, number>();
  const population: number[] = [];
  demand.rows.forEach((row, r) => {
    const id = (row.demand_id ?? '').trim();
    const pop = Number((row.population ?? '').trim());
    if (!id) throw new LayerReadError(`${demandPath}, row ${r + 1}: demand_id is empty.`);
    if (demandIndex.has(id)) throw new LayerReadError(`${demandPath}, row ${r + 1}: demand_id “${id}” appears twice.`);
    if (!(pop >= 0) || !Number.isFinite(pop)) throw new LayerReadError(`${demandPath}, row ${r + 1}: population “${row.population}” is not a number ≥ 0.`);
    demandIndex.set(id, demandIds.length);
    demandIds.push(id);
    population.push(pop);
  });
  const candidateIds: string[] = [];
  const candidateIndex = new Map<string, number>();
  const lon: number[] = [];
  const lat: number[] = [];
  const fixed: number[] = [];
  const eligibleList: number[] = [];
  let hasEligible = false;
  if (candidatesPath) {
    const cands = readCsv(candidatesPath, 'candidates', ['candidate_id']);
    hasEligible = cands.fields.includes('eligible');
    cands.rows.forEach((row, r) => {
      const id = (row.candidate_id ?? '').trim();
      if (!id) throw new LayerReadError(`${candidatesPath}, row ${r + 1}: candidate_id is empty.`);
      if (candidateIndex.has(id)) throw new LayerReadError(`${candidatesPath}, row ${r + 1}: candidate_id “${id}” appears twice.`);
      const c = candidateIds.length;
      candidateIndex.set(id, c);
      candidateIds.push(id);
      const x = row.lon?.trim() ? Number(row.lon) : NaN;
      const y = row.lat?.trim() ? Number(row.lat) : NaN;
      if (row.lon?.trim() && !(x >= -180 && x <= 180)) throw new LayerReadError(`${candidatesPath}, row ${r + 1}: lon “${row.lon}” is not a longitude.`);
      if (row.lat?.trim() && !(y >= -90 && y <= 90)) throw new LayerReadError(`${candidatesPath}, row ${r + 1}: lat “${row.lat}” is not a latitude.`);
      lon.push(x);
      lat.push(y);
      if (truthy(row.fixed)) fixed.push(c);
      eligibleList.push(hasEligible && ['0', 'false', 'no', 'n'].includes((row.eligible ?? '').trim().toLowerCase()) ? 0 : 1);
    });
  }

  // The matrix can be millions of lines: a plain split for unquoted files, Papa for quoted ones.
  const text = readText(matrixPath, 'matrix');
  const nl = text.indexOf('\n');
  const header = (nl < 0 ? text : text.slice(0, nl)).replace(/\r$/, '').split(',').map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase());
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new LayerReadError(`${matrixPath}: the column “${name}” is missing (found: ${header.join(', ')}). The matrix needs demand_id, candidate_id, minutes.`);
    return i;
  };
  const [di, ci, mi] = [col('demand_id'), col('candidate_id'), col('minutes')];
  const rows: string[][] = text.includes('"')
    ? Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data.slice(1)
    : text.slice(nl + 1).split('\n').filter((l) => l.trim() !== '').map((l) => l.replace(/\r$/, '').split(','));
  const pairD = new Uint32Array(rows.length);
  const pairC = new Uint32Array(rows.length);
  const pairM = new Float32Array(rows.length);
  let count = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const dId = (row[di] ?? '').trim();
    const cId = (row[ci] ?? '').trim();
    const raw = (row[mi] ?? '').trim();
    const d = demandIndex.get(dId);
    if (d === undefined) throw new LayerReadError(`${matrixPath}, row ${r + 1}: demand_id “${dId}” is not in ${demandPath}.`);
    let c = candidateIndex.get(cId);
    if (c === undefined) {
      if (candidatesPath) throw new LayerReadError(`${matrixPath}, row ${r + 1}: candidate_id “${cId}” is not in ${candidatesPath}.`);
      c = candidateIds.length;
      candidateIndex.set(cId, c);
      candidateIds.push(cId);
      lon.push(NaN);
      lat.push(NaN);
      eligibleList.push(1);
    }
    if (raw === '' || /^(inf|infinity|na|nan)$/i.test(raw)) continue; // unreachable
    const m = Number(raw);
    if (!(m >= 0) || !Number.isFinite(m)) throw new LayerReadError(`${matrixPath}, row ${r + 1}: minutes “${raw}” is not a number ≥ 0 (leave it empty for unreachable).`);
    pairD[count] = d;
    pairC[count] = c;
    pairM[count] = m;
    count++;
  }
  // demand-major CSR; a pair listed twice keeps its shorter time
  const S = demandIds.length;
  const C = candidateIds.length;
  const offsets = new Uint32Array(S + 1);
  for (let q = 0; q < count; q++) offsets[pairD[q] + 1]++;
  for (let d = 0; d < S; d++) offsets[d + 1] += offsets[d];
  const fill = offsets.slice(0, S);
  const cand = new Uint32Array(count);
  const mins = new Float32Array(count);
  for (let q = 0; q < count; q++) {
    const k = fill[pairD[q]]++;
    cand[k] = pairC[q];
    mins[k] = pairM[q];
  }
  const notes: string[] = [];
  let duplicates = 0;
  const seen = new Int32Array(C).fill(-1);
  const keepOffsets = new Uint32Array(S + 1);
  let w = 0;
  for (let d = 0; d < S; d++) {
    const start = w;
    for (let e = offsets[d]; e < offsets[d + 1]; e++) {
      const c = cand[e];
      if (seen[c] >= start) {
        duplicates++;
        if (mins[e] < mins[seen[c]]) mins[seen[c]] = mins[e];
        continue;
      }
      seen[c] = w;
      cand[w] = c;
      mins[w] = mins[e];
      w++;
    }
    keepOffsets[d + 1] = w;
  }
  if (duplicates) notes.push(`${duplicates} (demand, candidate) pairs were listed more than once; the shorter time was kept.`);
  const problem: LocationProblem = {
    demandCount: S,
    candidateCount: C,
    population: Float64Array.from(population),
    sparse: { offsets: keepOffsets, candidates: cand.slice(0, w), minutes: mins.slice(0, w), cutoffMinutes: Infinity },
    ...(fixed.length ? { fixed: Uint32Array.from(fixed) } : {}),
    ...(hasEligible ? { eligible: Uint8Array.from(eligibleList) } : {}),
  };
  return { mode: 'matrix', problem, demandIds, candidateIds, candidateLon: Float64Array.from(lon), candidateLat: Float64Array.from(lat), notes, travelSeconds: (performance.now() - t0) / 1000 };
}

/** Roads mode: settlements, candidate sites with their services, and network travel minutes. */
function roadsInstance(v: Record<string, OptionValue>, maxMinutes: number, say: (s: string) => void): ZoneInstance {
  const walk = (v['walk-metres'] as number | undefined) ?? 200;
  const settlements = settlementTable(readGeoJsonLayer(String(v.settlements), 'settlements'));
  const offices = officeTable(readGeoJsonLayer(String(v.offices), 'offices'));
  const thusong = v.thusong ? placeTable(readGeoJsonLayer(String(v.thusong), 'Thusong centres'), 'thusong') : null;
  const notes: string[] = [];

  // candidates: the given points, else the office sites; then the Thusong centres, fixed
  let points: ZonePoint[] | undefined;
  if (v.candidates) {
    const fc = readGeoJsonLayer(String(v.candidates), 'candidates');
    const table = placeTable(fc, 'candidate');
    points = table.id.map((id, c) => ({
      id,
      lon: table.lon[c],
      lat: table.lat[c],
      services: String((fc.features[c].properties ?? {}).services ?? '').split(';').map((s) => s.trim()).filter(Boolean),
    }));
  }
  const sites = zoneSites({ offices, thusong, settlements }, { officeSites: !points, points, thusong: !!thusong, thusongOffersAll: !!v['thusong-offers-all'], walkMetres: walk });
  if (!points) notes.push(`Candidates are the ${sitesOfKind(sites, 'office-site').length} office sites (offices within ${walk} m of each other are one site).`);
  const fixed = sitesOfKind(sites, 'thusong');
  let eligible: Uint8Array | undefined;
  if (v.bundle) {
    const bundle = DEFAULT_CATALOGUE.bundles.find((b) => b.code === v.bundle);
    if (!bundle) throw new UsageError(`--bundle “${v.bundle}” is not a bundle; choose one of ${DEFAULT_CATALOGUE.bundles.map((b) => b.code).join(', ')}.`);
    eligible = bundleEligibility(sites.services, bundle.services);
    const count = eligible.reduce((a, b) => a + b, 0);
    notes.push(`Bundle ${bundle.code}: ${count} of ${sites.count} candidates offer all of ${bundle.services.join(', ')}.`);
    if (count === 0) say(`No candidate offers the whole bundle ${bundle.code}; no one can be served.`);
  }

  const travel = zoneTravelMinutes(readGeoJsonLayer(String(v.roads), 'roads'), settlements, sites, { maxMinutes });
  say(`road graph: ${travel.nodeCount} nodes, ${travel.edgeCount} edges; ${travel.settlementsTooFar} settlements and ${travel.sitesTooFar} candidates too far from a road`);
  const problem: LocationProblem = {
    demandCount: settlements.count,
    candidateCount: sites.count,
    population: settlements.population,
    sparse: travel.sparse,
    ...(fixed.length ? { fixed: Uint32Array.from(fixed) } : {}),
    ...(eligible ? { eligible } : {}),
  };
  return { mode: 'roads', problem, demandIds: settlements.id, candidateIds: sites.id, candidateLon: sites.lon, candidateLat: sites.lat, notes, travelSeconds: travel.seconds };
}
