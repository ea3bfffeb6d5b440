/**
 * Turns a coverage result into what the panel and the map show. Pure data assembly (no maths on the
 * travel times beyond picking them out), tested in test/panels/coverage-view.test.ts.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { CoverageResult, CoverageStats, GroupTimes } from '../../engine/coverage';
import { DEFAULT_CATALOGUE } from '../../model/catalogue';

export function groupLabel(group: string): string {
  if (group.startsWith('bundle:')) {
    const code = group.slice(7);
    return `Bundle: ${DEFAULT_CATALOGUE.bundles.find((b) => b.code === code)?.name ?? code}`;
  }
  return DEFAULT_CATALOGUE.departments.find((d) => d.code === group)?.name ?? group;
}

export function pickGroup(result: CoverageResult, group: string): GroupTimes | undefined {
  return result.times.groups.find((g) => g.group === group) ?? result.times.groups[0];
}

/** Where each settlement id sits, from the settlements layer (points or polygon centres). */
export function settlementPositions(settlements: FeatureCollection): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const f of settlements.features) {
    const id = String(f.properties?.id ?? '');
    const p = representative(f);
    if (id && p) out.set(id, p);
  }
  return out;
}

export function officePositions(offices: FeatureCollection): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const f of offices.features) {
    if (f.geometry?.type === 'Point') out.set(String(f.properties?.id ?? ''), f.geometry.coordinates as [number, number]);
  }
  return out;
}

function representative(f: Feature): [number, number] | null {
  const g = f.geometry;
  if (!g) return null;
  if (g.type === 'Point') return g.coordinates as [number, number];
  // polygon settlements: the mean of the outer ring is enough to place a symbol
  const ring = g.type === 'Polygon' ? g.coordinates[0] : g.type === 'MultiPolygon' ? g.coordinates[0]?.[0] : undefined;
  if (!ring?.length) return null;
  let x = 0;
  let y = 0;
  for (const c of ring) {
    x += c[0];
    y += c[1];
  }
  return [x / ring.length, y / ring.length];
}

/** Settlement points carrying the group's minutes (−1 = unreachable), for the coverage map layer. */
export function coveragePoints(result: CoverageResult, group: GroupTimes, positions: Map<string, [number, number]>, names?: Map<string, string>): FeatureCollection<Point> {
  const t = result.times;
  const features: Feature<Point>[] = [];
  for (let i = 0; i < t.settlementCount; i++) {
    const id = t.settlementId[i];
    const at = positions.get(id);
    if (!at) continue;
    const m = group.minutes[i];
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: at },
      properties: {
        id,
        name: names?.get(id) ?? id,
        population: t.population[i],
        minutes: Number.isFinite(m) ? Math.round(m * 10) / 10 : -1,
        nearest_office: group.nearestOffice[i] >= 0 ? t.officeIds[group.nearestOffice[i]] : '',
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** One line per settlement to its nearest office of the group's department (its catchment). */
export function catchmentLines(result: CoverageResult, group: GroupTimes, positions: Map<string, [number, number]>, offices: Map<string, [number, number]>): FeatureCollection {
  const t = result.times;
  const features: Feature[] = [];
  for (let i = 0; i < t.settlementCount; i++) {
    const o = group.nearestOffice[i];
    if (o < 0) continue;
    const from = positions.get(t.settlementId[i]);
    const to = offices.get(t.officeIds[o]);
    if (!from || !to) continue;
    features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: [from, to] }, properties: { office: t.officeIds[o] } });
  }
  return { type: 'FeatureCollection', features };
}

export interface MunicipalityRow {
  municipality: string;
  name: string;
  population: number;
  /** covered share (0..1) at each threshold, in threshold order */
  shares: number[];
}

/** The per-municipality table for one group, from the statistics' long rows. */
export function municipalityRows(stats: CoverageStats, group: string, names: Map<string, string>): MunicipalityRow[] {
  const byMuni = new Map<string, MunicipalityRow>();
  for (const r of stats.rows) {
    if (r.group !== group || r.municipality === 'ALL') continue;
    let row = byMuni.get(r.municipality);
    if (!row) {
      row = { municipality: r.municipality, name: names.get(r.municipality) ?? (r.municipality === 'NONE' ? 'outside every municipality' : r.municipality), population: r.population, shares: stats.thresholds.map(() => 0) };
      byMuni.set(r.municipality, row);
    }
    const k = stats.thresholds.indexOf(r.thresholdMinutes);
    if (k >= 0) row.shares[k] = r.population > 0 ? r.coveredPopulation / r.population : 0;
  }
  return [...byMuni.values()];
}

export function provinceShares(stats: CoverageStats, group: string): { population: number; shares: number[] } {
  const rows = stats.rows.filter((r) => r.group === group && r.municipality === 'ALL');
  const population = rows[0]?.population ?? 0;
  return { population, shares: stats.thresholds.map((t) => { const r = rows.find((x) => x.thresholdMinutes === t); return r && r.population > 0 ? r.coveredPopulation / r.population : 0; }) };
}
