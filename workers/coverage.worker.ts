/// <reference lib="webworker" />
import { exposeWithCollections } from './collections';
import { analyseCoverage, coverageStats, type CoverageInputs, type CoverageOptions, type CoverageTimes } from '../src/engine/coverage';
import type { ProgressFn } from '../src/model/progress';

// Thin: the coverage engine lives in src/engine/coverage; this only wires it to comlink.
const coverageApi = {
  analyse(inputs: CoverageInputs, options: CoverageOptions, progress?: ProgressFn) {
    return analyseCoverage(inputs, options, progress);
  },
  /** statistics only: thresholds changed, times did not */
  stats(times: CoverageTimes, thresholds: number[]) {
    return coverageStats(times, thresholds);
  },
};

export type CoverageApi = typeof coverageApi;
exposeWithCollections(coverageApi);
