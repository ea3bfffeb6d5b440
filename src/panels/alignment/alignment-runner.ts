import { useEffect } from 'react';
import type { FeatureCollection } from 'geojson';
import { appStore, type AppState } from '../../app/state';
import { useStoreSlice } from '../../app/store';
import { history } from '../../app/undo';
import { layerCollection } from '../../model/dataset';
import { isAbortError } from '../../model/errors';
import type { Dataset } from '../../model/layers';
import type { RegionCatchmentOptions } from '../../engine/alignment';
import { alignedRegionsInWorker, analyseAlignmentInWorker, overlapPiecesInWorker, regionCatchmentTimesInWorker } from '../../../workers/alignment-client';
import type { Job } from '../../../workers/worker-handle';
import type { AlignmentAnalysis, AlignmentState, GeometryJob, SliverSettings } from './alignment-state';
import { alignmentMunicipalities, headlineFigures, pickDepartment, sliverRows } from './alignment-view';

const INPUT_KINDS = ['regions', 'municipalities', 'settlements', 'offices'] as const;
const TRAVEL_KINDS = ['roads', 'settlements', 'offices'] as const;

const filesOf = (dataset: Dataset, kinds: readonly string[]) => dataset.files.filter((f) => kinds.includes(f.kind)).map((f) => `${f.kind}:${f.id}`);

/** What an analysis depends on: the input files and the sliver rule. */
export function alignmentInputKey(dataset: Dataset, slivers: SliverSettings): string {
  return JSON.stringify({ files: filesOf(dataset, INPUT_KINDS), slivers });
}

/** What region-following travel times depend on, besides the analysis: roads and the coverage panel's travel settings. */
export function catchmentInputKey(state: AppState): string {
  return JSON.stringify({ files: filesOf(state.dataset, TRAVEL_KINDS), travel: state.coverage.travel, analysis: state.alignment.inputKey });
}

const setAlignment = (update: (a: AlignmentState) => AlignmentState) => appStore.set((s) => ({ ...s, alignment: update(s.alignment) }));
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

let running: { key: string; job: Job<unknown> } | null = null;
let analysisCount = 0;
const newAnalysisId = () => `${Date.now().toString(36)}-${++analysisCount}`;

/** Starts (or restarts) the analysis for the current data and sliver rule. */
export function runAlignment(state: AppState = appStore.get()): void {
  const { dataset, alignment } = state;
  const regions = layerCollection(dataset, 'regions');
  const municipalities = layerCollection(dataset, 'municipalities');
  if (!regions || !municipalities) {
    running?.job.cancel();
    running = null;
    setAlignment((a) => ({ ...a, status: 'error', error: 'Alignment needs a department service regions layer and a municipalities layer. Load them on the Data tab.', progress: undefined }));
    return;
  }
  const key = alignmentInputKey(dataset, alignment.slivers);
  const fileName = (kind: (typeof INPUT_KINDS)[number]) => dataset.files.filter((f) => f.kind === kind).map((f) => f.fileName).join(' + ') || undefined;
  const job = analyseAlignmentInWorker(
    {
      regions,
      municipalities: alignmentMunicipalities(municipalities),
      settlements: layerCollection(dataset, 'settlements'),
      offices: layerCollection(dataset, 'offices'),
      fileNames: { regions: fileName('regions'), municipalities: fileName('municipalities'), settlements: fileName('settlements'), offices: fileName('offices') },
    },
    { sliver: alignment.slivers },
    (progress) => setAlignment((a) => ({ ...a, progress })),
  );
  running = { key, job };
  setAlignment((a) => ({ ...a, status: 'running', progress: { phase: 'starting', done: 0, total: 1 }, error: undefined }));
  job.promise.then(
    (analysis) => {
      if (running?.job !== job) return;
      running = null;
      setAlignment((a) => ({ ...a, status: 'done', analysis, analysisId: newAnalysisId(), result: headlineFigures(analysis), inputKey: key, progress: undefined }));
    },
    (e) => {
      if (running?.job === job) running = null;
      if (isAbortError(e)) return;
      setAlignment((a) => ({ ...a, status: 'error', error: message(e), progress: undefined }));
    },
  );
}

export function cancelAlignment(): void {
  if (!running) return;
  running.job.cancel();
  running = null;
  setAlignment((a) => ({ ...a, status: a.analysis ? 'done' : 'idle', progress: undefined, error: 'Cancelled. Change a setting or press Run again to start again.' }));
}

/** A new sliver rule changes the results, so it can be undone. */
export function setSliverRule(patch: Partial<SliverSettings>): void {
  history.checkpoint();
  setAlignment((a) => ({ ...a, slivers: { ...a.slivers, ...patch } }));
}

export function setAlignmentView(patch: Partial<Pick<AlignmentState, 'department' | 'shading' | 'matrixShare' | 'showSlivers' | 'showProposal' | 'showTravelChange' | 'focusOverlap'>>): void {
  setAlignment((a) => ({ ...a, ...patch }));
}

/** The map's department service regions follow the department the panel shows (its outlines are drawn over them). */
export function showRegionsOf(department: string): void {
  appStore.set((s) => (s.view.regionDepartments.length === 1 && s.view.regionDepartments[0] === department ? s : { ...s, view: { ...s.view, regionDepartments: [department] } }));
}

/** The department the panel shows: the chosen one, else the first in the result. */
export function currentDepartment(a: AlignmentState): string {
  const r = a.analysis?.result;
  if (!r) return a.department;
  const d = pickDepartment(r, a.department);
  return d >= 0 ? r.departments[d] : '';
}

/** Geometry jobs in flight (a state restored by undo may say 'running' for a job long gone). */
const inFlight = { slivers: null as GeometryJob | null, aligned: null as GeometryJob | null };
const geometryJobs = { slivers: null as Job<unknown> | null, aligned: null as Job<unknown> | null };

/** Stops drawing the slivers or the aligned regions, and turns that view off (ticking it again starts afresh). */
export function cancelGeometry(kind: 'slivers' | 'aligned'): void {
  geometryJobs[kind]?.cancel();
  geometryJobs[kind] = null;
  inFlight[kind] = null;
  setAlignment((s) => (kind === 'slivers' ? { ...s, sliverPieces: undefined, showSlivers: false } : { ...s, alignedRegions: undefined, showProposal: false }));
}
const isCurrent = (job: GeometryJob | undefined, analysisId: string, department: string, kind: keyof typeof inFlight) =>
  !!job && job.analysisId === analysisId && job.department === department && (job.status === 'done' || (job.status === 'running' && inFlight[kind]?.analysisId === analysisId && inFlight[kind]?.department === department));

/** The department's sliver polygons, cut in a worker unless already there for this analysis. */
export function requestSlivers(state: AppState = appStore.get()): void {
  const a = state.alignment;
  const analysis = a.analysis;
  const analysisId = a.analysisId ?? '';
  const regions = layerCollection(state.dataset, 'regions');
  const municipalities = layerCollection(state.dataset, 'municipalities');
  if (!analysis || !regions || !municipalities) return;
  const department = currentDepartment(a);
  if (isCurrent(a.sliverPieces, analysisId, department, 'slivers')) return;
  const rows = sliverRows(analysis.result, analysis.result.departments.indexOf(department)).map((r) => r.overlap);
  const mine = (j: GeometryJob | undefined) => j?.analysisId === analysisId && j.department === department;
  if (!rows.length) {
    setAlignment((s) => ({ ...s, sliverPieces: { analysisId, department, status: 'done', features: { type: 'FeatureCollection', features: [] } } }));
    return;
  }
  const started: GeometryJob = { analysisId, department, status: 'running', progress: { phase: 'cutting out slivers', done: 0, total: rows.length } };
  inFlight.slivers = started;
  setAlignment((s) => ({ ...s, sliverPieces: started }));
  const job = overlapPiecesInWorker(analysis.result, regions, alignmentMunicipalities(municipalities), rows, (progress) =>
    setAlignment((s) => (mine(s.sliverPieces) ? { ...s, sliverPieces: { ...s.sliverPieces!, progress } } : s)),
  );
  geometryJobs.slivers = job;
  const settled = () => {
    if (inFlight.slivers === started) inFlight.slivers = null;
    if (geometryJobs.slivers === job) geometryJobs.slivers = null;
  };
  job.promise.then(
    (features) => {
      settled();
      setAlignment((s) => (mine(s.sliverPieces) ? { ...s, sliverPieces: { ...s.sliverPieces!, status: 'done', features, progress: undefined } } : s));
    },
    (e) => {
      settled();
      if (!isAbortError(e)) setAlignment((s) => (mine(s.sliverPieces) ? { ...s, sliverPieces: { ...s.sliverPieces!, status: 'error', error: message(e), progress: undefined } } : s));
    },
  );
}

/** The department's dissolved aligned regions, made in a worker unless already there. */
export function requestAlignedRegions(state: AppState = appStore.get()): Promise<FeatureCollection | undefined> {
  const a = state.alignment;
  const analysis = a.analysis;
  const analysisId = a.analysisId ?? '';
  const municipalities = layerCollection(state.dataset, 'municipalities');
  if (!analysis || !municipalities) return Promise.resolve(undefined);
  const department = currentDepartment(a);
  if (isCurrent(a.alignedRegions, analysisId, department, 'aligned') && a.alignedRegions!.features) return Promise.resolve(a.alignedRegions!.features);
  const mine = (j: GeometryJob | undefined) => j?.analysisId === analysisId && j.department === department;
  if (a.alignedRegions?.status === 'running' && isCurrent(a.alignedRegions, analysisId, department, 'aligned')) return inFlightAligned!;
  const started: GeometryJob = { analysisId, department, status: 'running' };
  inFlight.aligned = started;
  setAlignment((s) => ({ ...s, alignedRegions: started }));
  const job = alignedRegionsInWorker(analysis, alignmentMunicipalities(municipalities), [analysis.result.departments.indexOf(department)]);
  geometryJobs.aligned = job;
  const settled = () => {
    if (inFlight.aligned === started) inFlight.aligned = null;
    if (geometryJobs.aligned === job) geometryJobs.aligned = null;
  };
  inFlightAligned = job.promise.then(
    (features) => {
      settled();
      setAlignment((s) => (mine(s.alignedRegions) ? { ...s, alignedRegions: { ...s.alignedRegions!, status: 'done', features } } : s));
      return features;
    },
    (e) => {
      settled();
      if (!isAbortError(e)) setAlignment((s) => (mine(s.alignedRegions) ? { ...s, alignedRegions: { ...s.alignedRegions!, status: 'error', error: message(e) } } : s));
      return undefined;
    },
  );
  return inFlightAligned;
}
let inFlightAligned: Promise<FeatureCollection | undefined> | null = null;

/** Aligned regions of every department, for the download (not kept). */
export function allAlignedRegions(state: AppState = appStore.get()): Promise<FeatureCollection | undefined> {
  const analysis = state.alignment.analysis;
  const municipalities = layerCollection(state.dataset, 'municipalities');
  if (!analysis || !municipalities) return Promise.resolve(undefined);
  return alignedRegionsInWorker(analysis, alignmentMunicipalities(municipalities), analysis.result.departments.map((_, d) => d)).promise;
}

let catchmentJob: Job<unknown> | null = null;
let catchmentKey: string | null = null;

/** The key of the travel-time job running now (a state restored by undo or a scenario may say 'running' for none). */
export function catchmentsInFlight(): string | null {
  return catchmentJob ? catchmentKey : null;
}

/** Travel times where catchments follow regions, every department at once (builds the road graph). */
export function runCatchments(state: AppState = appStore.get()): void {
  const analysis = state.alignment.analysis;
  const analysisId = state.alignment.analysisId ?? '';
  const settlements = layerCollection(state.dataset, 'settlements');
  const offices = layerCollection(state.dataset, 'offices');
  if (!analysis) return;
  if (!settlements || !offices) {
    setAlignment((a) => ({ ...a, catchments: { key: '', analysisId, status: 'error', error: 'Travel times need a settlements layer and an offices layer.' } }));
    return;
  }
  const key = catchmentInputKey(state);
  const travel = state.coverage.travel;
  const options: RegionCatchmentOptions = {
    snap: { mode: travel.snapMode, offRoadKmh: travel.offRoadKmh, maxSnapMetres: travel.maxSnapMetres },
    graph: { speedsKmh: travel.speedsKmh },
  };
  const job = regionCatchmentTimesInWorker({ roads: layerCollection(state.dataset, 'roads') ?? null, settlements, offices }, analysis, options, (progress) =>
    setAlignment((a) => (a.catchments?.key === key ? { ...a, catchments: { ...a.catchments, progress } } : a)),
  );
  catchmentJob = job;
  catchmentKey = key;
  setAlignment((a) => ({ ...a, catchments: { key, analysisId, status: 'running', progress: { phase: 'starting', done: 0, total: 1 } } }));
  job.promise.then(
    (result) => {
      if (catchmentJob !== job) return;
      catchmentJob = null;
      setAlignment((a) => (a.catchments?.key === key ? { ...a, catchments: { ...a.catchments, status: 'done', result, progress: undefined } } : a));
    },
    (e) => {
      if (catchmentJob === job) catchmentJob = null;
      if (isAbortError(e)) return;
      setAlignment((a) => (a.catchments?.key === key ? { ...a, catchments: { ...a.catchments, status: 'error', error: message(e), progress: undefined } } : a));
    },
  );
}

export function cancelCatchments(): void {
  catchmentJob?.cancel();
  catchmentJob = null;
  setAlignment((a) => ({ ...a, catchments: undefined }));
}

/**
 * While `active`, keeps the analysis in step with the data and the sliver rule: a change starts a
 * new one (debounced), which supersedes any running one. Geometry the map shows (slivers, aligned
 * regions) is fetched for the current analysis and department while switched on.
 */
export function useAlignmentRunner(active: boolean): void {
  const dataset = useStoreSlice(appStore, (s) => s.dataset);
  const slivers = useStoreSlice(appStore, (s) => s.alignment.slivers);
  const jobs = useStoreSlice(appStore, (s) => s.jobs.length);
  const inputKey = useStoreSlice(appStore, (s) => s.alignment.inputKey);
  const status = useStoreSlice(appStore, (s) => s.alignment.status);
  useEffect(() => {
    if (!active || jobs > 0) return;
    const key = alignmentInputKey(dataset, slivers);
    // 'running' with no job: a state put back by undo while an analysis ran
    const orphaned = status === 'running' && !running;
    if (!orphaned && (key === inputKey || running?.key === key)) return;
    const t = setTimeout(() => runAlignment(), 250);
    return () => clearTimeout(t);
  }, [active, dataset, slivers, jobs, inputKey, status]);

  const analysis = useStoreSlice(appStore, (s) => s.alignment.analysis);
  const department = useStoreSlice(appStore, (s) => currentDepartment(s.alignment));
  const showSlivers = useStoreSlice(appStore, (s) => s.alignment.showSlivers);
  const showProposal = useStoreSlice(appStore, (s) => s.alignment.showProposal);
  useEffect(() => {
    if (showSlivers && analysis) requestSlivers();
  }, [showSlivers, analysis, department]);
  useEffect(() => {
    if (showProposal && analysis) void requestAlignedRegions();
  }, [showProposal, analysis, department]);
}
