import type { AppState } from '../state';

/**
 * What a scenario keeps of the app state: the data, settings, edits and results. Loading jobs,
 * pending column mappings and failure messages belong to the moment, not to the scenario; a job
 * that was running is saved as not run (its result, if any, stays).
 */
export function snapshotOf(state: AppState): AppState {
  const out: Record<string, unknown> = { ...state, jobs: [], mappings: [], failures: [] };
  for (const [key, slice] of Object.entries(out)) {
    if (slice && typeof slice === 'object' && !Array.isArray(slice) && (slice as { status?: unknown }).status === 'running') {
      const s = slice as { status: string; result?: unknown; progress?: unknown };
      out[key] = { ...s, status: s.result ? 'done' : 'idle', progress: undefined };
    }
  }
  return out as unknown as AppState;
}

/** Restores a saved snapshot over the fresh state, so slices added since it was saved get their defaults. */
export function restoreSnapshot(fresh: AppState, saved: Partial<AppState>): AppState {
  const out: Record<string, unknown> = { ...fresh };
  for (const [key, value] of Object.entries(saved)) {
    const base = (fresh as unknown as Record<string, unknown>)[key];
    out[key] = base && value && typeof base === 'object' && typeof value === 'object' && !Array.isArray(base) ? { ...base, ...value } : value;
  }
  return { ...(out as unknown as AppState), jobs: [], mappings: [], failures: [] };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Key figures of a scenario, for the side-by-side comparison. */
export function scenarioFigures(state: AppState): { label: string; value: string }[] {
  const rows: { label: string; value: string }[] = [];
  const count = (kind: string) => state.dataset.files.filter((f) => f.kind === kind).reduce((n, f) => n + f.collection.features.length, 0);
  for (const kind of ['municipalities', 'regions', 'settlements', 'offices', 'thusong', 'roads']) rows.push({ label: `${kind}: features`, value: String(count(kind)) });
  const population = state.dataset.files
    .filter((f) => f.kind === 'settlements')
    .reduce((n, f) => n + f.collection.features.reduce((m, x) => m + (Number(x.properties?.population) || 0), 0), 0);
  rows.push({ label: 'population', value: Math.round(population).toLocaleString('en-ZA') });
  const stats = state.coverage.stats;
  if (stats) {
    for (const row of stats.rows) {
      if (row.municipality !== 'ALL') continue;
      rows.push({ label: `coverage: ${row.group} ≤ ${row.thresholdMinutes} min`, value: row.population > 0 ? pct(row.coveredPopulation / row.population) : '—' });
    }
  }
  // capabilities added later keep a `result` with headline numbers; show what is there
  const extra = state as unknown as Record<string, { result?: Record<string, unknown> } | undefined>;
  for (const key of ['alignment', 'zones', 'routes']) {
    const result = extra[key]?.result;
    if (!result) continue;
    for (const [k, v] of Object.entries(result)) if (typeof v === 'number' && Number.isFinite(v)) rows.push({ label: `${key}: ${k}`, value: String(Math.round(v * 1000) / 1000) });
  }
  return rows;
}
