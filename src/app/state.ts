import { createStore } from './store';
import { LAYER_KINDS, type Dataset, type LayerKind } from '../model/layers';
import { DEFAULT_CATALOGUE } from '../model/catalogue';
import type { InputIssue } from '../model/errors';
import type { Progress } from '../model/progress';
import type { LoadOptions, MappingRequest } from '../io/load-file';
import { initialCoverageState, type CoverageState } from '../panels/coverage/coverage-state';
import { initialAlignmentState, type AlignmentState } from '../panels/alignment/alignment-state';
import { initialRoutesState, type RoutesState } from '../panels/routes/routes-state';
import { initialZonesState, type ZonesState } from '../panels/zones/zones-state';

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
  /** why the file could not load by itself */
  reasons: InputIssue[];
}

export interface ViewState {
  visibleLayers: Record<LayerKind, boolean>;
  /** departments whose offices are drawn */
  departmentFilter: string[];
  /** departments whose service regions are drawn */
  regionDepartments: string[];
}

export type PanelId = 'data' | 'layers' | 'coverage' | 'alignment' | 'zones' | 'routes' | 'scenarios';

export interface AppState {
  dataset: Dataset;
  jobs: LoadJob[];
  failures: LoadFailure[];
  mappings: PendingMapping[];
  view: ViewState;
  settings: { basemapUrl: string };
  panel: PanelId;
  coverage: CoverageState;
  alignment: AlignmentState;
  routes: RoutesState;
  zones: ZonesState;
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
  coverage: initialCoverageState(),
  alignment: initialAlignmentState(),
  routes: initialRoutesState(),
  zones: initialZonesState(),
  fitKey: '',
  sampleStatus: 'none',
});

export const appStore = createStore<AppState>(initialState());
