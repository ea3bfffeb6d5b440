/// <reference lib="webworker" />
import { exposeWithCollections } from './collections';
import type { FeatureCollection } from 'geojson';
import {
  alignedRegionFeatures,
  analyseAlignment,
  overlapFeatures,
  proposeAlignedRegions,
  regionCatchmentTimes,
  type AlignedProposal,
  type AlignmentInputs,
  type AlignmentOptions,
  type AlignmentResult,
  type RegionCatchmentInputs,
  type RegionCatchmentOptions,
} from '../src/engine/alignment';
import type { ProgressFn } from '../src/model/progress';

// Thin: the alignment engine lives in src/engine/alignment; this only wires it to comlink.
const alignmentApi = {
  /** the analysis and its aligned proposal (cheap, derived from the overlap table) */
  analyse(inputs: AlignmentInputs, options: AlignmentOptions, progress?: ProgressFn) {
    const result = analyseAlignment(inputs, options, progress);
    return { result, proposal: proposeAlignedRegions(result) };
  },
  /** the polygons of chosen overlap rows (the slivers to draw) */
  overlapPieces(result: AlignmentResult, regions: FeatureCollection, municipalities: FeatureCollection, rows: number[], progress?: ProgressFn) {
    return overlapFeatures(result, regions, municipalities, { rows, limit: rows.length, progress });
  },
  /** the dissolved aligned regions of the given departments, in that order */
  alignedRegions(result: AlignmentResult, proposal: AlignedProposal, municipalities: FeatureCollection, departments: number[]): FeatureCollection {
    return { type: 'FeatureCollection', features: departments.flatMap((d) => alignedRegionFeatures(result, proposal, municipalities, d).features) };
  },
  regionCatchmentTimes(inputs: RegionCatchmentInputs, result: AlignmentResult, proposal: AlignedProposal, options: RegionCatchmentOptions, progress?: ProgressFn) {
    return regionCatchmentTimes(inputs, result, proposal, options, progress);
  },
};

export type AlignmentApi = typeof alignmentApi;
exposeWithCollections(alignmentApi);
