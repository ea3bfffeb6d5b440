import { createStore } from './store';
import { LAYER_KINDS, type Dataset, type LayerKind } from '../model/layers';
import { DEFAULT_CATALOGUE } from '../model/catalogue';
import type { InputIssue } from '../model/errors';
import type { Progress } from '../model/progress';
import type { LoadOptions, MappingRequest } from '../io/load-file';
import type { CoverageResult, CoverageStats } from '../engine/coverage';

export interface LoadJob {
  id: string;
  fileName: string;
  bytes: number;
  progress?: Progress;
}

export interface LoadFailure {
  id: string;
  fileName: string;
  errors: InputIssue[];
}

/** A file that needs the user to choose columns or a layer before it can load. */
export interface PendingMapping {
  id: string;
  fileName: string;
  request: MappingRequest;
  options: LoadOptions;
}

export interface ViewState {
  visibleLayers: Record<LayerKind, boolean>;
  /** departments whose offices are drawn */
  departmentFilter: string[];
  /** departments whose service regions are drawn */
  regionDepartments: string[];
}

export type PanelId = 'data' | 'layers' | 'coverage';

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

export interface AppState {
  dataset: Dataset;
  jobs: LoadJob[];
  failures: LoadFailure[];
  mappings: PendingMapping[];
  view: ViewState;
  settings: { basemapUrl: string };
  panel: PanelId;
  coverage: CoverageState;
  /** changes when the map should fit to the data again */
  fitKey: string;
  /** the sample province is loading (first paint) */
  sampleStatus: 'loading' | 'loaded' | 'failed' | 'none';
}

export const initialState = (): AppState => ({
  dataset: { files: [] },
  jobs: [],
  failures: [],
  mappings: [],
  view: {
    visibleLayers: Object.fromEntries(LAYER_KINDS.map((k) => [k, true])) as Record<LayerKind, boolean>,
    departmentFilter: DEFAULT_CATALOGUE.departments.map((d) => d.code),
    regionDepartments: [DEFAULT_CATALOGUE.departments[0].code],
  },
  settings: { basemapUrl: '' },
  panel: 'data',
  coverage: {
    travel: { snapMode: 'segment', offRoadKmh: 5, maxSnapMetres: 5000, thusongOffersAll: true, speedsKmh: {} },
    thresholds: [30, 60, 90],
    group: '',
    showCatchments: false,
    status: 'idle',
  },
  fitKey: '',
  sampleStatus: 'none',
});

export const appStore = createStore<AppState>(initialState());
