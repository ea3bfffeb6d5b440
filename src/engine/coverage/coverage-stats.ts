/**
 * Coverage statistics from travel times: population within each threshold, for the province and
 * per municipality; the most underserved settlements; each office's catchment. Only this step
 * depends on the thresholds, so editing them re-runs this (milliseconds), never the graph or the
 * searches.
 */

/** Travel times of one group (a department, or a bundle) for every settlement. */
export interface GroupTimes {
  /** department code, or `bundle:<code>` */
  group: string;
  kind: 'department' | 'bundle';
  /** 'one-way' to the nearest office (departments); 'round-trip' collecting the bundle (bundles) */
  measure: 'one-way' | 'round-trip';
  /** minutes per settlement; Infinity = unreachable */
  minutes: Float32Array;
  /** nearest office per settlement (index into officeIds), -1 = none or not applicable */
  nearestOffice: Int32Array;
}

export interface CoverageTimes {
  method: 'network' | 'estimate';
  settlementCount: number;
  settlementId: string[];
  population: Float64Array;
  /** municipality index per settlement, -1 = in none */
  municipality: Int32Array;
  municipalityCodes: string[];
  officeIds: string[];
  officeDepartments: string[];
  groups: GroupTimes[];
}

export interface CoverageRow {
  group: string;
  /** municipality code, 'ALL' for the province, 'NONE' for settlements outside every municipality */
  municipality: string;
  thresholdMinutes: number;
  population: number;
  coveredPopulation: number;
}

export interface UnderservedSettlement {
  settlement: number;
  id: string;
  population: number;
  minutes: number;
  /** population × minutes */
  score: number;
}

export interface Catchment {
  office: number;
  id: string;
  department: string;
  /** population for which this office is the nearest of its department */
  population: number;
  settlements: number;
}

export interface GroupSummary {
  group: string;
  population: number;
  /** population that cannot reach the group at all */
  unreachablePopulation: number;
  /** population-weighted mean minutes over those who can reach it */
  meanMinutes: number;
  /** top settlements by population × minutes (reachable ones) */
  underserved: UnderservedSettlement[];
  /** settlements that cannot reach the group, most populous first */
  unreachable: UnderservedSettlement[];
}

export interface CoverageStats {
  thresholds: number[];
  rows: CoverageRow[];
  groups: GroupSummary[];
  catchments: Catchment[];
}

export interface CoverageStatsOptions {
  /** how many underserved / unreachable settlements to list per group (default 20) */
  top?: number;
}

/**
 * Keeps the `top` settlements with the largest `keys` in `list` (indices, descending by key).
 * Callers test `key > floor` first, so most settlements cost one comparison and no allocation.
 */
function keepTop(list: number[], keys: Float64Array, i: number, top: number): void {
  const key = keys[i];
  let at = list.length;
  while (at > 0 && keys[list[at - 1]] < key) at--;
  list.splice(at, 0, i);
  if (list.length > top) list.pop();
}

const floorOf = (list: number[], keys: Float64Array, top: number) => (list.length < top ? -Infinity : keys[list[top - 1]]);

export function coverageStats(times: CoverageTimes, thresholds: number[], options: CoverageStatsOptions = {}): CoverageStats {
  const top = options.top ?? 20;
  const ts = [...new Set(thresholds.filter((t) => Number.isFinite(t) && t >= 0))].sort((a, b) => a - b);
  const n = times.settlementCount;
  const M = times.municipalityCodes.length;
  const hasOutside = M > 0 && times.municipality.some((m) => m < 0);
  // per municipality slot: 0..M-1, then M = 'NONE'; the province total is kept apart
  const slots = M + 1;
  const rows: CoverageRow[] = [];
  const groups: GroupSummary[] = [];
  const score = new Float64Array(n);
  const population = times.population;

  for (const g of times.groups) {
    const slotPopulation = new Float64Array(slots);
    const covered = new Float64Array(slots * ts.length);
    let total = 0;
    const totalCovered = new Float64Array(ts.length);
    let unreachablePopulation = 0;
    let weighted = 0;
    let reachedPopulation = 0;
    const underserved: number[] = [];
    const unreachable: number[] = [];
    let underservedFloor = -Infinity;
    let unreachableFloor = -Infinity;
    const minutes = g.minutes;
    for (let i = 0; i < n; i++) {
      const pop = population[i];
      const m = minutes[i];
      const slot = times.municipality[i] >= 0 ? times.municipality[i] : M;
      slotPopulation[slot] += pop;
      total += pop;
      for (let k = 0; k < ts.length; k++) {
        if (m <= ts[k]) {
          covered[slot * ts.length + k] += pop;
          totalCovered[k] += pop;
        }
      }
      if (!(m < Infinity)) {
        unreachablePopulation += pop;
        score[i] = pop;
        if (pop > 0 && pop > unreachableFloor) {
          keepTop(unreachable, score, i, top);
          unreachableFloor = floorOf(unreachable, score, top);
        }
      } else {
        weighted += pop * m;
        reachedPopulation += pop;
        score[i] = pop * m;
        if (pop > 0 && score[i] > underservedFloor) {
          keepTop(underserved, score, i, top);
          underservedFloor = floorOf(underserved, score, top);
        }
      }
    }
    ts.forEach((t, k) => rows.push({ group: g.group, municipality: 'ALL', thresholdMinutes: t, population: total, coveredPopulation: totalCovered[k] }));
    for (let s = 0; s < slots; s++) {
      if (s === M && (!hasOutside || M === 0)) continue;
      const code = s < M ? times.municipalityCodes[s] : 'NONE';
      ts.forEach((t, k) => rows.push({ group: g.group, municipality: code, thresholdMinutes: t, population: slotPopulation[s], coveredPopulation: covered[s * ts.length + k] }));
    }
    const describe = (i: number, reachable: boolean): UnderservedSettlement => ({
      settlement: i,
      id: times.settlementId[i],
      population: population[i],
      minutes: reachable ? minutes[i] : Infinity,
      score: reachable ? population[i] * minutes[i] : Infinity,
    });
    groups.push({
      group: g.group,
      population: total,
      unreachablePopulation,
      meanMinutes: reachedPopulation > 0 ? weighted / reachedPopulation : NaN,
      underserved: underserved.map((i) => describe(i, true)),
      unreachable: unreachable.map((i) => describe(i, false)),
    });
  }

  const catchments: Catchment[] = times.officeIds.map((id, office) => ({ office, id, department: times.officeDepartments[office], population: 0, settlements: 0 }));
  for (const g of times.groups) {
    if (g.kind !== 'department') continue;
    for (let i = 0; i < n; i++) {
      const o = g.nearestOffice[i];
      if (o < 0 || !(g.minutes[i] < Infinity)) continue;
      catchments[o].population += times.population[i];
      catchments[o].settlements++;
    }
  }
  return { thresholds: ts, rows, groups, catchments };
}
