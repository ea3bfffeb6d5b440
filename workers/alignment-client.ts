import type { FeatureCollection } from 'geojson';
import type { AlignmentApi } from './alignment.worker';
import { createWorkerHandle, latestOnly } from './worker-handle';
import type { AlignedProposal, AlignmentInputs, AlignmentOptions, AlignmentResult, RegionCatchmentInputs, RegionCatchmentOptions, RegionCatchmentResult } from '../src/engine/alignment';
import type { ProgressFn } from '../src/model/progress';

const worker = (name: string) => () => new Worker(new URL('./alignment.worker.ts', import.meta.url), { type: 'module', name });
const runAnalysis = latestOnly(createWorkerHandle<AlignmentApi>(worker('alignment')));
// Geometry and travel times each have their own worker, so none waits behind (or cancels) another.
const piecesHandle = createWorkerHandle<AlignmentApi>(worker('alignment slivers'));
const alignedHandle = createWorkerHandle<AlignmentApi>(worker('aligned regions'));
const runCatchments = latestOnly(createWorkerHandle<AlignmentApi>(worker('alignment travel times')));

export interface AlignmentAnalysis {
  result: AlignmentResult;
  proposal: AlignedProposal;
}

/** A new analysis supersedes a running one; its result is never delivered. */
export function analyseAlignmentInWorker(inputs: AlignmentInputs, options: AlignmentOptions, onProgress?: ProgressFn) {
  return runAnalysis<AlignmentAnalysis>((api, progress) => api.analyse(inputs, options, progress) as Promise<AlignmentAnalysis>, onProgress);
}

/** Polygons of the given overlap rows (e.g. one department's slivers). */
export function overlapPiecesInWorker(result: AlignmentResult, regions: FeatureCollection, municipalities: FeatureCollection, rows: number[], onProgress?: ProgressFn) {
  return piecesHandle.call<FeatureCollection>((api, progress) => api.overlapPieces(result, regions, municipalities, rows, progress) as Promise<FeatureCollection>, onProgress);
}

export function alignedRegionsInWorker(analysis: AlignmentAnalysis, municipalities: FeatureCollection, departments: number[]) {
  return alignedHandle.call<FeatureCollection>((api) => api.alignedRegions(analysis.result, analysis.proposal, municipalities, departments) as Promise<FeatureCollection>);
}

/** Builds the road graph: run only when asked. A new request supersedes a running one. */
export function regionCatchmentTimesInWorker(inputs: RegionCatchmentInputs, analysis: AlignmentAnalysis, options: RegionCatchmentOptions, onProgress?: ProgressFn) {
  return runCatchments<RegionCatchmentResult>((api, progress) => api.regionCatchmentTimes(inputs, analysis.result, analysis.proposal, options, progress) as Promise<RegionCatchmentResult>, onProgress);
}
