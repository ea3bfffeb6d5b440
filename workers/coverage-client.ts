import type { CoverageApi } from './coverage.worker';
import { createWorkerHandle, latestOnly } from './worker-handle';
import type { CoverageInputs, CoverageOptions, CoverageResult, CoverageStats, CoverageTimes } from '../src/engine/coverage';
import type { ProgressFn } from '../src/model/progress';

const handle = createWorkerHandle<CoverageApi>(() => new Worker(new URL('./coverage.worker.ts', import.meta.url), { type: 'module', name: 'coverage' }));
const runAnalysis = latestOnly(handle);
const statsHandle = createWorkerHandle<CoverageApi>(() => new Worker(new URL('./coverage.worker.ts', import.meta.url), { type: 'module', name: 'coverage statistics' }));
const runStats = latestOnly(statsHandle);

/** A new analysis supersedes a running one; its result is never delivered. */
export function analyseCoverageInWorker(inputs: CoverageInputs, options: CoverageOptions, onProgress?: ProgressFn) {
  return runAnalysis<CoverageResult>((api, progress) => api.analyse(inputs, options, progress) as Promise<CoverageResult>, onProgress);
}

/** Statistics for new thresholds run in their own worker, so they never wait behind an analysis. */
export function coverageStatsInWorker(times: CoverageTimes, thresholds: number[]) {
  return runStats<CoverageStats>((api) => api.stats(times, thresholds) as Promise<CoverageStats>);
}
