/**
 * Scenarios in the browser's IndexedDB (through idb-keyval): a list of metadata and one state per
 * scenario. Nothing is sent anywhere.
 */
import { createStore, del, delMany, get, getMany, set, setMany } from 'idb-keyval';
import type { AppState } from '../state';

export interface ScenarioMeta {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

/** Set in localStorage once a scenario has been saved here: the next start will most likely restore it. */
export const SCENARIO_HINT = 'thusong-planner:has-scenario';

const db = () => createStore('thusong-planner', 'scenarios');
const INDEX = 'index';
const CURRENT = 'current';
const stateKey = (id: string) => `state:${id}`;
const sliceKey = (id: string, slice: string) => `slice:${id}:${slice}`;

/**
 * A scenario's state is stored one top-level slice per key, under a small record naming them, so
 * an autosave after a change writes (and structured-clones) only the slices that changed. Earlier
 * versions stored the whole state under `state:<id>`; those still load.
 */
interface SlicedState {
  sliced: 2;
  slices: string[];
}
const isSliced = (v: unknown): v is SlicedState => !!v && typeof v === 'object' && (v as SlicedState).sliced === 2 && Array.isArray((v as SlicedState).slices);

export async function listScenarios(): Promise<ScenarioMeta[]> {
  return (await get<ScenarioMeta[]>(INDEX, db())) ?? [];
}

async function writeIndex(list: ScenarioMeta[]) {
  await set(INDEX, list, db());
}

export async function currentScenarioId(): Promise<string | undefined> {
  return get<string>(CURRENT, db());
}

export async function setCurrentScenario(id: string): Promise<void> {
  await set(CURRENT, id, db());
}

export async function loadScenarioState(id: string): Promise<AppState | undefined> {
  const stored = await get<AppState | SlicedState>(stateKey(id), db());
  if (!isSliced(stored)) return stored;
  const values = await getMany(stored.slices.map((k) => sliceKey(id, k)), db());
  return Object.fromEntries(stored.slices.map((k, i) => [k, values[i]])) as unknown as AppState;
}

/** The stored file keys of one scenario, or undefined if its dataset cannot be read. */
export async function loadScenarioFileKeys(id: string): Promise<string[] | undefined> {
  const stored = await get<AppState | SlicedState>(stateKey(id), db());
  const dataset = (isSliced(stored) ? await get(sliceKey(id, 'dataset'), db()) : stored?.dataset) as { fileKeys?: string[]; fileIds?: string[] } | undefined;
  const keys = dataset?.fileKeys ?? dataset?.fileIds;
  return Array.isArray(keys) ? keys : undefined;
}

/**
 * Saves a scenario's state. With `previous` (the state last saved under this id), a slice that is
 * the very same object as before is not written again.
 */
export async function saveScenario(id: string, name: string, state: AppState, previous?: AppState): Promise<ScenarioMeta> {
  const now = new Date().toISOString();
  const list = await listScenarios();
  const old = list.find((s) => s.id === id);
  const meta: ScenarioMeta = { id, name: old?.name ?? name, createdAt: old?.createdAt ?? now, updatedAt: now };
  const slices = Object.entries(state as unknown as Record<string, unknown>);
  const before = previous as unknown as Record<string, unknown> | undefined;
  const changed = slices.filter(([k, v]) => !before || before[k] !== v || !(k in before));
  const record: SlicedState = { sliced: 2, slices: slices.map(([k]) => k) };
  await setMany([...changed.map(([k, v]) => [sliceKey(id, k), v] as [string, unknown]), [stateKey(id), record]], db());
  await writeIndex(old ? list.map((s) => (s.id === id ? meta : s)) : [...list, meta]);
  return meta;
}

export async function renameScenario(id: string, name: string): Promise<void> {
  await writeIndex((await listScenarios()).map((s) => (s.id === id ? { ...s, name } : s)));
}

export async function deleteScenario(id: string): Promise<void> {
  const stored = await get<unknown>(stateKey(id), db());
  if (isSliced(stored)) await delMany(stored.slices.map((k) => sliceKey(id, k)), db());
  await del(stateKey(id), db());
  await writeIndex((await listScenarios()).filter((s) => s.id !== id));
}

export function newScenarioId(): string {
  return `sc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
