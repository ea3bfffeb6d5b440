/**
 * The coverage tables, written the same way by the app's downloads and by
 * `npm run analyse -- coverage` (travel_times.csv and coverage.csv).
 */
import type { CoverageResult } from '../../engine/coverage';
import { formatCount as count, csvRow } from './csv';


/** One row per settlement and department: `settlement_id,department,minutes,office_id`; minutes empty where unreachable. */
export function travelTimesCsv(r: Pick<CoverageResult, 'times'>): string {
  const { times } = r;
  const parts: string[] = [csvRow(['settlement_id', 'department', 'minutes', 'office_id'])];
  for (const g of times.groups) {
    if (g.kind !== 'department') continue;
    const lines: string[] = new Array(times.settlementCount);
    for (let i = 0; i < times.settlementCount; i++) {
      const m = g.minutes[i];
      const o = g.nearestOffice[i];
      lines[i] = csvRow([times.settlementId[i], g.group, Number.isFinite(m) ? m.toFixed(2) : '', o >= 0 && Number.isFinite(m) ? times.officeIds[o] : '']);
    }
    parts.push(lines.join('\n'));
  }
  return parts.join('\n') + '\n';
}

/** `group,municipality,threshold_minutes,population,covered_population`; group is a department or `bundle:<code>`, municipality `ALL` for the province. */
export function coverageCsv(r: Pick<CoverageResult, 'stats'>): string {
  const lines = [csvRow(['group', 'municipality', 'threshold_minutes', 'population', 'covered_population'])];
  for (const row of r.stats.rows) lines.push(csvRow([row.group, row.municipality, row.thresholdMinutes, count(row.population), count(row.coveredPopulation)]));
  return lines.join('\n') + '\n';
}
