import { useEffect } from 'react';
import { appStore, type AppState } from '../../app/state';
import type { CoverageState, TravelSettings } from './coverage-state';
import { useStoreSlice } from '../../app/store';
import { layerCollection } from '../../model/dataset';
import { isAbortError } from '../../model/errors';
import type { Dataset } from '../../model/layers';
import type { CoverageOptions } from '../../engine/coverage';
import { analyseCoverageInWorker, coverageStatsInWorker } from '../../../workers/coverage-client';
import type { Job } from '../../../workers/worker-handle';
import { history } from '../../app/undo';

const INPUT_KINDS = ['roads', 'settlements', 'offices', 'thusong', 'municipalities'] as const;

/** What a coverage result depends on: the input files and the travel settings (not thresholds). */
export function coverageInputKey(dataset: Dataset, travel: TravelSettings): string {
  const files = dataset.files.filter((f) => (INPUT_KINDS as readonly string[]).includes(f.kind)).map((f) => `${f.kind}:${f.id}`);
  return JSON.stringify({ files, travel });
}

export function coverageOptions(travel: TravelSettings, thresholds: number[]): CoverageOptions {
  return {
    thresholds,
    snap: { mode: travel.snapMode, offRoadKmh: travel.offRoadKmh, maxSnapMetres: travel.maxSnapMetres },
    graph: { speedsKmh: travel.speedsKmh },
    bundles: { thusongOffersAll: travel.thusongOffersAll },
  };
}

const setCoverage = (update: (c: CoverageState) => CoverageState) => appStore.set((s) => ({ ...s, coverage: update(s.coverage) }));

let running: { key: string; job: Job<unknown> } | null = null;

/** Starts (or restarts) the analysis for the current data and settings. */
export function runCoverage(state: AppState = appStore.get()): void {
  const { dataset, coverage } = state;
  const settlements = layerCollection(dataset, 'settlements');
  const offices = layerCollection(dataset, 'offices');
  if (!settlements || !offices) {
    running?.job.cancel();
    running = null;
    setCoverage((c) => ({ ...c, status: 'error', error: 'Coverage needs a settlements layer and an offices layer. Load them on the Data tab.', progress: undefined }));
    return;
  }
  const key = coverageInputKey(dataset, coverage.travel);
  const job = analyseCoverageInWorker(
    {
      roads: layerCollection(dataset, 'roads') ?? null,
      settlements,
      offices,
      thusong: layerCollection(dataset, 'thusong') ?? null,
      municipalities: layerCollection(dataset, 'municipalities') ?? null,
    },
    coverageOptions(coverage.travel, coverage.thresholds),
    (progress) => setCoverage((c) => ({ ...c, progress })),
  );
  running = { key, job };
  setCoverage((c) => ({ ...c, status: 'running', progress: { phase: 'starting', done: 0, total: 1 }, error: undefined }));
  job.promise.then(
    (result) => {
      if (running?.job !== job) return;
      running = null;
      setCoverage((c) => ({ ...c, status: 'done', result, stats: result.stats, inputKey: key, progress: undefined }));
      // thresholds may have changed while the analysis ran
      const now = appStore.get().coverage.thresholds;
      if (now.join() !== result.stats.thresholds.join()) updateThresholds(now);
    },
    (e) => {
      if (running?.job === job) running = null;
      if (isAbortError(e)) return;
      setCoverage((c) => ({ ...c, status: 'error', error: e instanceof Error ? e.message : String(e), progress: undefined }));
    },
  );
}

export function cancelCoverage(): void {
  if (!running) return;
  running.job.cancel();
  running = null;
  setCoverage((c) => ({ ...c, status: c.result ? 'done' : 'idle', progress: undefined, error: 'Cancelled. Change a setting or press Run to start again.' }));
}

/** New thresholds: only the statistics are recomputed (in a worker), never the travel times. */
export function updateThresholds(thresholds: number[]): void {
  const clean = [...new Set(thresholds.filter((t) => Number.isFinite(t) && t > 0))].sort((a, b) => a - b);
  if (clean.join() !== appStore.get().coverage.thresholds.join()) history.checkpoint();
  setCoverage((c) => ({ ...c, thresholds: clean }));
  const result = appStore.get().coverage.result;
  if (!result || !clean.length) return;
  coverageStatsInWorker(result.times, clean).promise.then(
    (stats) => setCoverage((c) => (c.result === result ? { ...c, stats } : c)),
    (e) => {
      if (!isAbortError(e)) setCoverage((c) => ({ ...c, error: String(e) }));
    },
  );
}

export function setTravel(patch: Partial<TravelSettings>): void {
  history.checkpoint();
  setCoverage((c) => ({ ...c, travel: { ...c.travel, ...patch } }));
}

/**
 * While `active`, keeps the result in step with the data and travel settings: a change starts a new
 * analysis (debounced), which supersedes any running one.
 */
export function useCoverageRunner(active: boolean): void {
  const dataset = useStoreSlice(appStore, (s) => s.dataset);
  const travel = useStoreSlice(appStore, (s) => s.coverage.travel);
  const jobs = useStoreSlice(appStore, (s) => s.jobs.length);
  const inputKey = useStoreSlice(appStore, (s) => s.coverage.inputKey);
  useEffect(() => {
    if (!active || jobs > 0) return;
    const key = coverageInputKey(dataset, travel);
    if (key === inputKey || running?.key === key) return;
    const t = setTimeout(() => runCoverage(), 250);
    return () => clearTimeout(t);
  }, [active, dataset, travel, jobs, inputKey]);
}
