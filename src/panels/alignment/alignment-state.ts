import type { FeatureCollection } from 'geojson';
import type { RegionCatchmentResult } from '../../engine/alignment';
import type { Progress } from '../../model/progress';
import type { AlignmentAnalysis } from '../../../workers/alignment-client';
import type { SplitMeasure } from '../../map/alignment-layers';

export type { AlignmentAnalysis };

/** Settings that change the analysis (a change re-runs it). */
export interface SliverSettings {
  /** overlaps narrower than this on average are slivers */
  maxWidthMetres: number;
  /** overlaps smaller than this share (0..1) of the smaller polygon are slivers */
  maxShare: number;
}

/** How the map shades municipalities for the chosen department. */
export type { SplitMeasure };
/** What a matrix cell's shade is a share of. */
export type MatrixShare = 'region' | 'municipality';

/** Geometry made on demand in a worker, for one analysis and one department. */
export interface GeometryJob {
  /** the analysis it was made for (an id, not the object: a saved scenario holds the analysis once) */
  analysisId: string;
  department: string;
  status: 'running' | 'done' | 'error';
  progress?: Progress;
  features?: FeatureCollection;
  error?: string;
}

export interface CatchmentJob {
  /** what the times were computed from (analysis, roads, travel settings) */
  key: string;
  analysisId: string;
  status: 'running' | 'done' | 'error';
  progress?: Progress;
  result?: RegionCatchmentResult;
  error?: string;
}

export interface AlignmentState {
  /** department code; '' = the first in the result */
  department: string;
  slivers: SliverSettings;
  shading: SplitMeasure;
  matrixShare: MatrixShare;
  showSlivers: boolean;
  showProposal: boolean;
  /** draw each settlement's change in minutes once the travel-time effect is computed */
  showTravelChange: boolean;
  /** the overlap row (a sliver) the map should zoom to */
  focusOverlap?: number;
  status: 'idle' | 'running' | 'done' | 'error';
  progress?: Progress;
  analysis?: AlignmentAnalysis;
  /** unique per analysis, for the jobs made from it */
  analysisId?: string;
  /** headline figures of the analysis, named for people (the scenario comparison lists a slice's `result` numbers) */
  result?: Record<string, number>;
  error?: string;
  /** what the analysis was computed from, to tell when it is stale */
  inputKey?: string;
  /** the chosen department's sliver polygons */
  sliverPieces?: GeometryJob;
  /** the chosen department's dissolved aligned regions */
  alignedRegions?: GeometryJob;
  /** travel times where catchments follow regions (every department), computed when asked */
  catchments?: CatchmentJob;
}

export const initialAlignmentState = (): AlignmentState => ({
  department: '',
  slivers: { maxWidthMetres: 200, maxShare: 0.01 },
  shading: 'share-outside',
  matrixShare: 'municipality',
  showSlivers: false,
  showProposal: false,
  showTravelChange: true,
  status: 'idle',
});
