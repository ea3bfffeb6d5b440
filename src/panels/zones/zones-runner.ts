/**
 * Runs the zones jobs in workers. Travel times to every place are computed in the background as
 * soon as the zones tab is open (they take seconds); a plan is solved when the user asks (Run),
 * and once asked for, it follows every later change of data, candidates or settings (debounced),
 * as coverage does. Latest only: a new run supersedes a running one, whose result is dropped.
 * The audit and the relocation options are quick and run in their own workers. User edits
 * (settings, candidates, added points) are undoable; undo brings back the results that went with them.
 */
import { useEffect } from 'react';
import { appStore, type AppState } from '../../app/state';
import { useStoreSlice } from '../../app/store';
import { history } from '../../app/undo';
import { layerCollection } from '../../model/dataset';
import { isAbortError } from '../../model/errors';
import type { Dataset } from '../../model/layers';
import type { ZonePlanOptions, ZonesPrepareOptions } from '../../engine/location';
import { auditZonesInWorker, planZonesInWorker, relocateInWorker } from '../../../workers/zones-client';
import type { Job } from '../../../workers/worker-handle';
import type { AddedPoint, ZonesCandidateSettings, ZonesPlanSettings, ZonesState } from './zones-state';
import { nextPoint, relocationOfficeIds } from './zones-view';

const fileKey = (dataset: Dataset, kinds: readonly string[]) => dataset.files.filter((f) => kinds.includes(f.kind)).map((f) => `${f.kind}:${f.id}`);

/** What travel minutes depend on: roads and settlements (a place at the same spot keeps its minutes). */
export function zonesTravelKey(dataset: Dataset): string {
  return JSON.stringify(fileKey(dataset, ['roads', 'settlements']));
}

/** What the prepared places and matrix depend on. */
export function zonesPrepareKey(dataset: Dataset, candidates: ZonesCandidateSettings, points: AddedPoint[]): string {
  return `${zonesTravelKey(dataset)}|${JSON.stringify({ files: fileKey(dataset, ['offices', 'thusong', 'municipalities']), candidates, points })}`;
}

export function zonesPlanKey(prepareKey: string, settings: ZonesPlanSettings): string {
  return `${prepareKey}|${JSON.stringify(settings)}`;
}

export function zonesAuditKey(dataset: Dataset, walkMetres: number): string {
  return JSON.stringify({ files: fileKey(dataset, ['offices', 'settlements', 'municipalities']), walkMetres });
}

export function prepareOptions(candidates: ZonesCandidateSettings, points: AddedPoint[]): ZonesPrepareOptions {
  return {
    walkMetres: candidates.walkMetres,
    thusongOffersAll: candidates.thusongOffersAll,
    settlementsMinPopulation: candidates.settlementsMinPopulation,
    officeSitesAreCandidates: candidates.officeSites,
    thusongAreCandidates: candidates.thusong,
    points: points.map((p) => ({ id: p.id, name: p.name, lon: p.lon, lat: p.lat })),
  };
}

export function planOptions(settings: ZonesPlanSettings): Omit<ZonePlanOptions, 'highs'> {
  return {
    objective: settings.objective,
    newZones: settings.newZones,
    minutes: settings.minutes,
    group: settings.group,
    fixThusong: settings.fixThusong,
    existingOnly: settings.existingOnly,
    timeLimitSeconds: settings.timeLimitSeconds,
    seed: 1,
  };
}

/** Problems with the settings that stop a run, in words. */
export function settingsProblems(s: ZonesPlanSettings): string[] {
  const out: string[] = [];
  if (s.objective !== 'lscp' && !(Number.isInteger(s.newZones) && s.newZones >= 0 && s.newZones <= 500)) out.push('New zones (k) must be a whole number from 0 to 500.');
  if (!(s.minutes > 0 && s.minutes <= 600)) out.push('T must be between 1 and 600 minutes.');
  if (!(s.timeLimitSeconds > 0 && s.timeLimitSeconds <= 300)) out.push('The solver budget must be between 1 and 300 seconds.');
  return out;
}

const setZones = (update: (z: ZonesState) => ZonesState) => appStore.set((s) => ({ ...s, zones: update(s.zones) }));

let running: { key: string; prepareKey: string; job: Job<unknown> } | null = null;
/** travel times the user cancelled are not started again by themselves (only by Run) */
let cancelledPrepareKey: string | null = null;

/**
 * Computes the travel times if they are not current and, with `plan`, solves the plan. Without a
 * settlements layer there is nothing to serve; says so.
 */
export function runZones(options: { plan: boolean } = { plan: true }, state: AppState = appStore.get()): void {
  const { dataset, zones } = state;
  const settlements = layerCollection(dataset, 'settlements');
  if (!settlements) {
    running?.job.cancel();
    running = null;
    setZones((z) => ({ ...z, status: 'error', error: 'Zones need a settlements layer (where people live). Load one on the Data tab.', progress: undefined }));
    return;
  }
  const problems = options.plan ? settingsProblems(zones.settings) : [];
  if (problems.length) {
    setZones((z) => ({ ...z, error: problems.join(' ') }));
    return;
  }
  const prepareKey = zonesPrepareKey(dataset, zones.candidates, zones.points);
  const planKey = options.plan ? zonesPlanKey(prepareKey, zones.settings) : '';
  const key = `${prepareKey}#${planKey}`;
  if (running?.key === key) return;
  const current = zones.preparedKey === prepareKey && zones.prepared ? zones.prepared : undefined;
  const reusable = !current && zones.prepared && zones.preparedKey?.startsWith(`${zonesTravelKey(dataset)}|`) ? zones.prepared : undefined;
  const job = planZonesInWorker(
    current
      ? { prepared: current }
      : {
          inputs: {
            roads: layerCollection(dataset, 'roads') ?? null,
            settlements,
            offices: layerCollection(dataset, 'offices') ?? null,
            thusong: layerCollection(dataset, 'thusong') ?? null,
            municipalities: layerCollection(dataset, 'municipalities') ?? null,
          },
          options: { ...prepareOptions(zones.candidates, zones.points), ...(reusable ? { reuse: { sites: reusable.sites, travel: reusable.travel } } : {}) },
        },
    options.plan ? planOptions(zones.settings) : null,
    (progress) => setZones((z) => ({ ...z, progress })),
  );
  running = { key, prepareKey, job };
  cancelledPrepareKey = null;
  setZones((z) => ({ ...z, status: 'running', progress: { phase: current ? 'Solving' : 'Travel times to candidate places', done: 0, total: 1 }, error: undefined, wantPlan: z.wantPlan || options.plan }));
  job.promise.then(
    ({ prepared, plan }) => {
      if (running?.job !== job) return;
      running = null;
      setZones((z) => ({
        ...z,
        status: 'done',
        progress: undefined,
        prepared,
        preparedKey: prepareKey,
        // results index the places they were computed on: older ones go with older places
        ...(plan ? { plan, planKey } : z.preparedKey !== prepareKey ? { plan: undefined, planKey: undefined } : {}),
        ...(z.preparedKey !== prepareKey ? { relocation: { ...z.relocation, results: undefined, key: undefined, status: 'idle' as const } } : {}),
      }));
      runRelocation();
    },
    (e) => {
      if (running?.job === job) running = null;
      if (isAbortError(e)) return;
      setZones((z) => ({ ...z, status: 'error', error: e instanceof Error ? e.message : String(e), progress: undefined }));
    },
  );
}

export function cancelZones(): void {
  if (!running) return;
  running.job.cancel();
  cancelledPrepareKey = running.prepareKey;
  running = null;
  // a cancelled plan is not asked for again until the user presses Run
  setZones((z) => ({ ...z, status: z.prepared ? 'done' : 'idle', progress: undefined, wantPlan: false, error: 'Cancelled. Press Run to start again.' }));
}

let auditJob: Job<unknown> | null = null;

export function runAudit(state: AppState = appStore.get()): void {
  const offices = layerCollection(state.dataset, 'offices');
  if (!offices) {
    setZones((z) => ({ ...z, audit: undefined, auditKey: undefined, auditError: 'The audit needs an offices layer. Load one on the Data tab.' }));
    return;
  }
  const key = zonesAuditKey(state.dataset, state.zones.candidates.walkMetres);
  const job = auditZonesInWorker(
    { offices, settlements: layerCollection(state.dataset, 'settlements') ?? null, municipalities: layerCollection(state.dataset, 'municipalities') ?? null },
    { walkMetres: state.zones.candidates.walkMetres },
  );
  auditJob = job;
  job.promise.then(
    (audit) => {
      if (auditJob !== job) return;
      setZones((z) => ({ ...z, audit, auditKey: key, auditError: undefined }));
      runRelocation();
    },
    (e) => {
      if (!isAbortError(e)) setZones((z) => ({ ...z, auditError: e instanceof Error ? e.message : String(e) }));
    },
  );
}

let relocationJob: Job<unknown> | null = null;

/** What the relocation options depend on. */
function relocationKey(z: ZonesState, officeIds: string[]): string {
  return JSON.stringify({ prepared: z.preparedKey, officeIds, radius: z.relocation.radiusKm, T: z.settings.minutes, zones: z.plan?.zones.map((x) => x.site) ?? [] });
}

/** Ranks relocation options for the selected office(s) on the current travel times. */
export function runRelocation(state: AppState = appStore.get()): void {
  const z = state.zones;
  const ids = relocationOfficeIds(z.audit, z.relocation.mode, z.relocation.officeId, z.relocation.year);
  if (!ids.length || !z.prepared) {
    relocationJob = null;
    // no office chosen: nothing to show; no travel times yet: the run that makes them ranks them
    if (z.relocation.status === 'running' || (!ids.length && z.relocation.results)) setZones((s) => ({ ...s, relocation: { ...s.relocation, status: 'idle', ...(ids.length ? {} : { results: undefined, key: undefined }) } }));
    return;
  }
  const key = relocationKey(z, ids);
  if (key === z.relocation.key && z.relocation.status === 'done') return;
  const job = relocateInWorker(z.prepared, {
    officeIds: ids,
    radiusKm: z.relocation.radiusKm,
    minutes: z.settings.minutes,
    proposedSites: z.plan ? z.plan.zones.filter((x) => !x.fixed).map((x) => x.site) : [],
  });
  relocationJob = job;
  setZones((s) => ({ ...s, relocation: { ...s.relocation, status: 'running', error: undefined } }));
  job.promise.then(
    (results) => {
      if (relocationJob !== job) return;
      relocationJob = null;
      setZones((s) => ({ ...s, relocation: { ...s.relocation, status: 'done', results, key } }));
    },
    (e) => {
      if (isAbortError(e)) return;
      setZones((s) => ({ ...s, relocation: { ...s.relocation, status: 'error', error: e instanceof Error ? e.message : String(e) } }));
    },
  );
}

export function setZonesSettings(patch: Partial<ZonesPlanSettings>): void {
  history.checkpoint();
  setZones((z) => ({ ...z, settings: { ...z.settings, ...patch } }));
}

export function setCandidateSettings(patch: Partial<ZonesCandidateSettings>): void {
  history.checkpoint();
  setZones((z) => ({ ...z, candidates: { ...z.candidates, ...patch } }));
}

export function setRelocation(patch: Partial<Pick<ZonesState['relocation'], 'mode' | 'officeId' | 'year' | 'radiusKm'>>): void {
  setZones((z) => ({ ...z, relocation: { ...z.relocation, ...patch } }));
  runRelocation();
}

/** A year chosen on the lease timeline: its offices, in the relocation section. */
export function chooseLeaseYear(year: number): void {
  setZones((z) => ({ ...z, section: 'relocation', relocation: { ...z.relocation, mode: 'year', year } }));
  runRelocation();
}

/** A click on the map while adding candidates: a new point there (true: the click is used up). */
export function addPointAt(lngLat: [number, number]): boolean {
  const z = appStore.get().zones;
  if (!z.addingPoints || appStore.get().panel !== 'zones') return false;
  history.checkpoint();
  setZones((s) => ({ ...s, points: [...s.points, nextPoint(s.points, lngLat)] }));
  return true;
}

export function removePoint(id: string): void {
  history.checkpoint();
  setZones((z) => ({ ...z, points: z.points.filter((p) => p.id !== id) }));
}

/**
 * While `active`: keeps the audit and the travel times in step with the data and the candidate
 * settings, and — once a plan was asked for — the plan with every setting.
 */
export function useZonesRunner(active: boolean): void {
  const dataset = useStoreSlice(appStore, (s) => s.dataset);
  const jobs = useStoreSlice(appStore, (s) => s.jobs.length);
  const candidates = useStoreSlice(appStore, (s) => s.zones.candidates);
  const points = useStoreSlice(appStore, (s) => s.zones.points);
  const settings = useStoreSlice(appStore, (s) => s.zones.settings);
  const wantPlan = useStoreSlice(appStore, (s) => s.zones.wantPlan);
  const preparedKey = useStoreSlice(appStore, (s) => s.zones.preparedKey);
  const planKey = useStoreSlice(appStore, (s) => s.zones.planKey);
  const auditKey = useStoreSlice(appStore, (s) => s.zones.auditKey);

  // a state restored (undo, a saved scenario) in the middle of ranking relocations ranks them again
  const relocationStatus = useStoreSlice(appStore, (s) => s.zones.relocation.status);
  useEffect(() => {
    if (active && relocationStatus === 'running' && !relocationJob) runRelocation();
  }, [active, relocationStatus]);

  useEffect(() => {
    if (!active || jobs > 0) return;
    if (zonesAuditKey(dataset, candidates.walkMetres) === auditKey) return;
    const t = setTimeout(() => runAudit(), 150);
    return () => clearTimeout(t);
  }, [active, dataset, candidates.walkMetres, jobs, auditKey]);

  useEffect(() => {
    if (!active || jobs > 0) return;
    const prepareKey = zonesPrepareKey(dataset, candidates, points);
    const plan = wantPlan && settingsProblems(settings).length === 0;
    if (prepareKey === cancelledPrepareKey) return;
    if (prepareKey === preparedKey && (!plan || zonesPlanKey(prepareKey, settings) === planKey)) return;
    const t = setTimeout(() => runZones({ plan }), 400);
    return () => clearTimeout(t);
  }, [active, dataset, candidates, points, settings, wantPlan, jobs, preparedKey, planKey]);
}
