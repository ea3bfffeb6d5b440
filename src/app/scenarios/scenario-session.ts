/**
 * The scenario being worked on: restored at start-up, saved automatically (debounced) as the state
 * changes, and switched, renamed, duplicated, deleted, exported and imported from the Scenarios
 * panel. Loaded files are stored once each (./file-store), so a save after a settings change writes
 * only the small part that changed.
 */
import { createStore } from '../store';
import { appStore, initialState, type AppState } from '../state';
import { collectGarbage, fileStorageKey, persistFiles, readFiles } from './file-store';
import { prepareMapUrl } from '../../map/blob-urls';
import { restoreSnapshot, snapshotOf } from './snapshot';
import { SCENARIO_HINT, loadScenarioFileKeys, deleteScenario, listScenarios, loadScenarioState, newScenarioId, renameScenario, saveScenario, setCurrentScenario, currentScenarioId, type ScenarioMeta } from './scenario-store';
import { decodeScenario, encodeScenario } from './scenario-codec';


export interface ScenarioSession {
  current?: ScenarioMeta;
  list: ScenarioMeta[];
  /** `pending`: a change is waiting for the debounced save, so "Saved" is never shown before it is true. */
  saving: 'idle' | 'pending' | 'saving' | 'saved' | 'error';
  error?: string;
  /** files the browser's storage refused: the scenario is saved without them */
  notStored?: string[];
}

export const scenarioSession = createStore<ScenarioSession>({ list: [], saving: 'idle' });

/**
 * A state as stored: the dataset's files replaced by storage keys (each file is stored on its own,
 * once). Scenarios saved before keys existed name files by `fileIds`.
 */
type StoredState = Omit<AppState, 'dataset'> & { dataset: { fileKeys?: string[]; fileIds?: string[] } };

/** What was last written, per scenario id, so the next save writes only the slices that changed. */
let written: { id: string; dataset: AppState['dataset']; stored: StoredState; notStored: string[] } | null = null;

/** Saves run one after another, so what `written` records is what is on disk. */
let queue: Promise<unknown> = Promise.resolve();
function store(id: string, name: string, state: AppState): Promise<ScenarioMeta & { notStored: string[] }> {
  const next = queue.then(() => storeNow(id, name, state));
  queue = next.catch(() => undefined);
  return next;
}

async function storeNow(id: string, name: string, state: AppState) {
  const snap = snapshotOf(state);
  const last = written?.id === id ? written : null;
  const dataset = last && last.dataset === snap.dataset ? last.stored.dataset : { fileKeys: snap.dataset.files.map(fileStorageKey) };
  const stored: StoredState = { ...snap, dataset };
  const notStored = dataset !== last?.stored.dataset ? (await persistFiles(snap.dataset.files)).notStored : (last?.notStored ?? []);
  written = null; // until this save is done, nothing is known to be on disk
  const meta = await saveScenario(id, name, stored as unknown as AppState, last?.stored as unknown as AppState | undefined);
  written = { id, dataset: snap.dataset, stored, notStored };
  return { ...meta, notStored };
}

async function read(id: string): Promise<AppState | undefined> {
  const stored = (await loadScenarioState(id)) as unknown as StoredState | undefined;
  if (!stored) return undefined;
  const files = await readFiles(stored.dataset.fileKeys ?? stored.dataset.fileIds ?? []);
  // the map's URLs of the restored files' text, made off the page's thread before the map asks
  await Promise.all(files.map((f) => prepareMapUrl(f.collection)));
  return { ...(stored as unknown as AppState), dataset: { files } };
}

let lastSaved: AppState | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

/** While another scenario is being opened, imported or created, nothing is saved into the old one. */
let switching = 0;
async function whileSwitching<T>(work: () => Promise<T>): Promise<T> {
  clearTimeout(timer);
  switching++;
  try {
    return await work();
  } finally {
    switching--;
  }
}

function scheduleSave() {
  clearTimeout(timer);
  if (switching) return;
  const { current, saving } = scenarioSession.get();
  if (!current || appStore.get() === lastSaved) return;
  if (saving !== 'pending' && saving !== 'error') scenarioSession.set((s) => ({ ...s, saving: 'pending' }));
  timer = setTimeout(saveNow, 800);
}

/** A tab being hidden or closed: write what is pending now rather than after the debounce. */
function flushOnHide() {
  if (scenarioSession.get().saving !== 'pending') return;
  clearTimeout(timer);
  void saveNow();
}

export async function saveNow(): Promise<void> {
  const { current } = scenarioSession.get();
  const state = appStore.get();
  if (current && state === lastSaved && scenarioSession.get().saving === 'pending') scenarioSession.set((s) => ({ ...s, saving: 'saved' }));
  if (!current || switching || state === lastSaved || state.jobs.length > 0) return;
  lastSaved = state;
  scenarioSession.set((s) => ({ ...s, saving: 'saving' }));
  try {
    const { notStored, ...meta } = await store(current.id, current.name, state);
    // a change made while this save ran is still pending
    const after = appStore.get() === lastSaved ? 'saved' : 'pending';
    // another scenario may have been opened while this one was written
    scenarioSession.set((s) =>
      s.current?.id === meta.id
        ? { ...s, current: meta, saving: after, error: undefined, notStored: notStored.length ? notStored : undefined, list: s.list.map((m) => (m.id === meta.id ? meta : m)) }
        : { ...s, list: s.list.map((m) => (m.id === meta.id ? meta : m)) },
    );
  } catch (e) {
    scenarioSession.set((s) => ({ ...s, saving: 'error', error: `Could not save the scenario in this browser: ${e instanceof Error ? e.message : String(e)}` }));
  }
}

/**
 * Start-up: restore the last scenario exactly as it was, or (first visit) run `loadDefault` and
 * save the result as a new scenario. Returns whether a scenario was restored.
 */
export async function startScenarios(loadDefault: () => Promise<void>): Promise<boolean> {
  let restored = false;
  try {
    const id = await currentScenarioId();
    const list = await listScenarios();
    const meta = list.find((m) => m.id === id);
    const saved = meta ? await read(meta.id) : undefined;
    if (meta && saved) {
      appStore.set(() => ({ ...restoreSnapshot(initialState(), saved), sampleStatus: 'loaded' }));
      lastSaved = appStore.get();
      scenarioSession.set((s) => ({ ...s, current: meta, list, saving: 'saved' }));
      restored = true;
      markReturningVisit(); // scenarios saved before the hint existed get it too
    } else {
      scenarioSession.set((s) => ({ ...s, list }));
    }
  } catch (e) {
    scenarioSession.set((s) => ({ ...s, saving: 'error', error: `Saved scenarios are not available in this browser (${e instanceof Error ? e.message : String(e)}); work is not saved.` }));
  }
  if (!restored) {
    await loadDefault();
    await newScenario('Sample province', appStore.get());
  }
  appStore.subscribe(scheduleSave);
  // in the save queue, so it never runs between a save's file records and its scenario record
  queue = queue.then(collectUnusedFiles).catch(() => undefined);
  if (typeof document !== 'undefined') {
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flushOnHide());
    window.addEventListener('pagehide', flushOnHide);
  }
  return restored;
}

/** Deletes stored files that no scenario names (see file-store); gives up if any scenario cannot be read. */
async function collectUnusedFiles(): Promise<void> {
  const list = await listScenarios();
  const referenced: string[] = [];
  for (const m of list) {
    const keys = await loadScenarioFileKeys(m.id);
    if (!keys) return;
    referenced.push(...keys);
  }
  await collectGarbage(referenced);
}

/** Tells the next start, before IndexedDB is read, that a scenario is there (so the sample is not fetched). */
function markReturningVisit(): void {
  try {
    localStorage.setItem(SCENARIO_HINT, '1'); // a hint only: the scenario itself is in IndexedDB
  } catch {
    // storage refused: the next start checks IndexedDB as usual
  }
}

async function newScenario(name: string, state: AppState): Promise<ScenarioMeta | undefined> {
  try {
    const id = newScenarioId();
    const { notStored, ...meta } = await store(id, name, state);
    await setCurrentScenario(id);
    markReturningVisit();
    lastSaved = state;
    scenarioSession.set((s) => ({ ...s, current: meta, list: [...s.list.filter((m) => m.id !== id), meta], saving: 'saved', notStored: notStored.length ? notStored : undefined }));
    return meta;
  } catch (e) {
    scenarioSession.set((s) => ({ ...s, saving: 'error', error: `Could not save the scenario in this browser: ${e instanceof Error ? e.message : String(e)}` }));
    return undefined;
  }
}

export async function switchScenario(id: string): Promise<void> {
  await saveNow();
  await whileSwitching(async () => {
    const meta = scenarioSession.get().list.find((m) => m.id === id);
    const saved = meta && (await read(id));
    if (!meta || !saved) return;
    appStore.set(() => ({ ...restoreSnapshot(initialState(), saved), sampleStatus: 'loaded', fitKey: `restore-${id}` }));
    lastSaved = appStore.get();
    await setCurrentScenario(id);
    scenarioSession.set((s) => ({ ...s, current: meta, saving: 'saved' }));
  });
}

export async function duplicateScenario(name: string): Promise<void> {
  await saveNow();
  await whileSwitching(() => newScenario(name, appStore.get()));
}

export async function renameCurrent(id: string, name: string): Promise<void> {
  await renameScenario(id, name);
  scenarioSession.set((s) => ({
    ...s,
    list: s.list.map((m) => (m.id === id ? { ...m, name } : m)),
    current: s.current?.id === id ? { ...s.current, name } : s.current,
  }));
}

export async function removeScenario(id: string): Promise<void> {
  if (scenarioSession.get().current?.id === id) return; // the open scenario cannot be deleted
  await deleteScenario(id);
  scenarioSession.set((s) => ({ ...s, list: s.list.filter((m) => m.id !== id) }));
}

export async function readScenario(id: string): Promise<AppState | undefined> {
  if (scenarioSession.get().current?.id === id) return appStore.get();
  return read(id);
}

export function exportCurrent(): { fileName: string; text: string } {
  const name = scenarioSession.get().current?.name ?? 'scenario';
  const text = encodeScenario({ name, savedAt: new Date().toISOString(), state: snapshotOf(appStore.get()) });
  return { fileName: `${name.replace(/[^\p{L}\p{N}_-]+/gu, '_')}.thusong.json`, text };
}

/** Imports a scenario file as a new scenario and opens it. Throws with a user-facing message. */
export async function importScenario(text: string): Promise<void> {
  const file = decodeScenario<AppState>(text);
  await saveNow();
  await whileSwitching(async () => {
    appStore.set(() => ({ ...restoreSnapshot(initialState(), file.state), sampleStatus: 'loaded', fitKey: `import-${Date.now()}` }));
    await newScenario(file.name, appStore.get());
  });
}
