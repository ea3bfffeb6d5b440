/**
 * Scenarios in the browser's IndexedDB (through idb-keyval): a list of metadata and one state per
 * scenario. Nothing is sent anywhere.
 */
import { createStore, del, get, set } from 'idb-keyval';
import type { AppState } from '../state';

export interface ScenarioMeta {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

const db = () => createStore('thusong-planner', 'scenarios');
const INDEX = 'index';
const CURRENT = 'current';
const stateKey = (id: string) => `state:${id}`;

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
  return get<AppState>(stateKey(id), db());
}

export async function saveScenario(id: string, name: string, state: AppState): Promise<ScenarioMeta> {
  const now = new Date().toISOString();
  const list = await listScenarios();
  const old = list.find((s) => s.id === id);
  const meta: ScenarioMeta = { id, name: old?.name ?? name, createdAt: old?.createdAt ?? now, updatedAt: now };
  await set(stateKey(id), state, db());
  await writeIndex(old ? list.map((s) => (s.id === id ? meta : s)) : [...list, meta]);
  return meta;
}

export async function renameScenario(id: string, name: string): Promise<void> {
  await writeIndex((await listScenarios()).map((s) => (s.id === id ? { ...s, name } : s)));
}

export async function deleteScenario(id: string): Promise<void> {
  await del(stateKey(id), db());
  await writeIndex((await listScenarios()).filter((s) => s.id !== id));
}

export function newScenarioId(): string {
  return `sc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
