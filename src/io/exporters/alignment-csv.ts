/**
 * The alignment tables, written the same way by the app's downloads and by
 * `npm run analyse -- alignment` (overlap.csv, alignment.csv, proposal.csv, offices.csv). The
 * columns are documented in src/cli/commands/alignment.ts. Cells go through `csvCell`, so a region
 * or municipality name that starts like a formula is never run by a spreadsheet.
 */
import type { AlignedProposal, AlignmentResult } from '../../engine/alignment';
import { formatCount, csvRow } from './csv';

const km2 = (x: number) => (Number.isFinite(x) ? x.toFixed(6) : '');
const share = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : '');

export function overlapCsv(r: AlignmentResult): string {
  const t = r.overlaps;
  const withPeople = r.populationMethod !== 'none';
  const order = Array.from({ length: t.count }, (_, k) => k).sort(
    (a, b) => t.region[a] - t.region[b] || (r.municipalities.code[t.municipality[a]] < r.municipalities.code[t.municipality[b]] ? -1 : 1),
  );
  const lines = [csvRow(['department', 'region', 'municipality_code', 'area_km2', 'population', 'sliver', 'mean_width_m', 'share_of_smaller'])];
  for (const k of order) {
    const reg = t.region[k];
    lines.push(
      csvRow([
        r.departments[r.regions.department[reg]],
        r.regions.name[reg],
        r.municipalities.code[t.municipality[k]],
        km2(t.areaKm2[k]),
        withPeople ? formatCount(t.population[k]) : '',
        t.sliver[k],
        t.meanWidthMetres[k].toFixed(1),
        share(t.shareOfSmaller[k]),
      ]),
    );
  }
  return lines.join('\n') + '\n';
}

export function alignmentCsv(r: AlignmentResult): string {
  const withPeople = r.populationMethod !== 'none';
  const lines = [csvRow(['scope', 'department', 'region', 'municipality_code', 'indicator', 'value', 'value_with_slivers'])];
  const a = r.indices;
  const b = r.indicesWithSlivers;
  const code = (m: number) => (m >= 0 ? r.municipalities.code[m] : '');
  const people = (x: number) => (withPeople ? formatCount(x) : '');
  for (let reg = 0; reg < r.regions.count; reg++) {
    const dep = r.departments[r.regions.department[reg]];
    const row = (indicator: string, v1: string | number, v2: string | number) => lines.push(csvRow(['region', dep, r.regions.name[reg], '', indicator, v1, v2]));
    const A = a.regions;
    const B = b.regions;
    row('area_km2', km2(A.areaKm2[reg]), km2(B.areaKm2[reg]));
    row('population', people(A.population[reg]), people(B.population[reg]));
    row('municipalities_touched', A.municipalitiesTouched[reg], B.municipalitiesTouched[reg]);
    row('dominant_municipality_by_area', code(A.dominantByArea[reg]), code(B.dominantByArea[reg]));
    row('area_share_in_dominant', share(A.areaShare[reg]), share(B.areaShare[reg]));
    row('dominant_municipality_by_population', withPeople ? code(A.dominantByPopulation[reg]) : '', withPeople ? code(B.dominantByPopulation[reg]) : '');
    row('population_share_in_dominant', share(A.populationShare[reg]), share(B.populationShare[reg]));
  }
  const D = r.departments.length;
  for (let m = 0; m < r.municipalities.count; m++)
    for (let d = 0; d < D; d++) {
      const c = m * D + d;
      const row = (indicator: string, v1: string | number, v2: string | number) => lines.push(csvRow(['municipality', r.departments[d], '', r.municipalities.code[m], indicator, v1, v2]));
      row('regions_serving', a.municipalities.regionsServing[c], b.municipalities.regionsServing[c]);
      row('area_covered_km2', km2(a.municipalities.areaCoveredKm2[c]), km2(b.municipalities.areaCoveredKm2[c]));
    }
  for (let d = 0; d < D; d++) {
    const row = (indicator: string, v1: string | number, v2: string | number) => lines.push(csvRow(['department', r.departments[d], '', '', indicator, v1, v2]));
    const A = a.departments;
    const B = b.departments;
    row('alignment_score_population', share(A.populationScore[d]), share(B.populationScore[d]));
    row('alignment_score_area', share(A.areaScore[d]), share(B.areaScore[d]));
    row('regions', A.regions[d], B.regions[d]);
    row('municipalities_served', A.municipalitiesServed[d], B.municipalitiesServed[d]);
    row('municipalities_split', A.municipalitiesSplit[d], B.municipalitiesSplit[d]);
    row('population', people(A.population[d]), people(B.population[d]));
    row('area_km2', km2(A.areaKm2[d]), km2(B.areaKm2[d]));
    row('population_outside_regions', people(r.populationOutsideRegions[d]), people(r.populationOutsideRegions[d]));
  }
  return lines.join('\n') + '\n';
}

/** department,municipality_code,municipality_name,to_region,basis,from_regions,population_moving,area_moving_km2,changed */
export function proposalCsv(r: AlignmentResult, p: AlignedProposal): string {
  const D = r.departments.length;
  const lines = [csvRow(['department', 'municipality_code', 'municipality_name', 'to_region', 'basis', 'from_regions', 'population_moving', 'area_moving_km2', 'changed'])];
  const withPeople = r.populationMethod !== 'none';
  for (let d = 0; d < D; d++)
    for (let m = 0; m < r.municipalities.count; m++) {
      const c = m * D + d;
      if (p.assignedRegion[c] < 0) continue;
      const from: string[] = [];
      let changed = false;
      for (let q = p.fromStart[c]; q < p.fromStart[c + 1]; q++) {
        const reg = p.fromRegion[q];
        from.push(`${r.regions.name[reg]} (${withPeople ? `${formatCount(p.fromPopulation[q])} people, ` : ''}${p.fromAreaKm2[q].toFixed(2)} km²${p.fromSliver[q] ? ', sliver' : ''})`);
        if (reg !== p.assignedRegion[c] && !p.fromSliver[q]) changed = true;
      }
      lines.push(
        csvRow([
          r.departments[d],
          r.municipalities.code[m],
          r.municipalities.name[m],
          r.regions.name[p.assignedRegion[c]],
          p.basis[c] === 1 ? 'population' : 'area',
          from.join('; '),
          withPeople ? formatCount(p.populationMoving[c]) : '',
          km2(p.areaMovingKm2[c]),
          changed ? 1 : 0,
        ]),
      );
    }
  return lines.join('\n') + '\n';
}

export function officesCsv(r: AlignmentResult, p: AlignedProposal): string {
  const lines = [csvRow(['office_id', 'department', 'municipality_code', 'region_before', 'region_after', 'changed'])];
  const name = (reg: number) => (reg >= 0 ? r.regions.name[reg] : '');
  for (let o = 0; o < r.offices.count; o++) {
    const d = r.offices.department[o];
    const m = r.offices.municipality[o];
    lines.push(csvRow([r.offices.id[o], d >= 0 ? r.departments[d] : '', m >= 0 ? r.municipalities.code[m] : '', name(p.offices.regionBefore[o]), name(p.offices.regionAfter[o]), p.offices.changed[o]]));
  }
  return lines.join('\n') + '\n';
}
