import type { CoverageResult, CoverageStats } from '../../engine/coverage';
import type { Progress } from '../../model/progress';

/** Settings that change travel times (a change re-runs the analysis). */
export interface TravelSettings {
  snapMode: 'segment' | 'node';
  /** speed of the leg between a home or office and its road, km/h (5 walking, 30 driving) */
  offRoadKmh: number;
  maxSnapMetres: number;
  /** existing Thusong centres offer every service (a one-stop site for every bundle) */
  thusongOffersAll: boolean;
  /** km/h per road class, over the engine's defaults */
  speedsKmh: Record<string, number>;
}

export interface CoverageState {
  travel: TravelSettings;
  /** minutes; a change recomputes statistics only */
  thresholds: number[];
  /** department code or `bundle:<code>`; '' = the first with results */
  group: string;
  showCatchments: boolean;
  status: 'idle' | 'running' | 'done' | 'error';
  progress?: Progress;
  result?: CoverageResult;
  /** statistics for `thresholds` (the result's own are for the thresholds it ran with) */
  stats?: CoverageStats;
  error?: string;
  /** what the result was computed from, to tell when it is stale */
  inputKey?: string;
}

export const initialCoverageState = (): CoverageState => ({
  travel: { snapMode: 'segment', offRoadKmh: 5, maxSnapMetres: 5000, thusongOffersAll: true, speedsKmh: {} },
  thresholds: [30, 60, 90],
  group: '',
  showCatchments: false,
  status: 'idle',
});
