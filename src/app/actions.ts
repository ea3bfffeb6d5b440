import { appStore, type AppState, type PanelId } from './state';
import type { Store } from './store';
import { loadFileInWorker } from '../../workers/io-client';
import type { LoadOptions, LoadResult } from '../io/load-file';
import { startsLikeJson } from '../io/detect-format';
import type { Job } from '../../workers/worker-handle';
import type { LayerKind, LoadedFile } from '../model/layers';
import { withFile, withoutFile } from '../model/dataset';
import { InputError, isAbortError } from '../model/errors';
import { history } from './undo';

/** Files over this size are refused before reading (the loader says how to split them)… */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
/** …except GeoJSON, which the worker reads as a stream, one feature at a time, up to this size. */
export const MAX_STREAMED_GEOJSON_BYTES = 512 * 1024 * 1024;

let nextId = 1;
// unique across sessions too: a restored scenario's file ids must never meet a new file's
const session = Date.now().toString(36);
const newId = (prefix: string) => `${prefix}-${session}-${nextId++}`;

export const loadOptions = (fileName: string, extra: Partial<LoadOptions> = {}): LoadOptions => ({
  fileName,
  maxBytes: MAX_FILE_BYTES,
  maxStreamBytes: MAX_STREAMED_GEOJSON_BYTES,
  ...extra,
});

/**
 * Each loaded file's source, kept outside the state so a file can be reassigned later: the user's
 * File itself (a Blob: a handle, not its bytes) or the bytes fetched for the sample province.
 */
const fileBytes = new Map<string, Blob | ArrayBuffer>();
const runningJobs = new Map<string, Job<unknown>>();

/** A loaded file as the app keeps it: its own id, and its bytes kept for loading it again as another layer. */
function admit(loaded: LoadedFile, bytes: Blob | ArrayBuffer, replaceId?: string): LoadedFile {
  const file: LoadedFile = { ...loaded, id: replaceId ?? newId('file') };
  fileBytes.set(file.id, bytes);
  return file;
}

export function makeActions(store: Store<AppState> = appStore) {
  const set = store.set;

  /** Loads a file in its own worker: a File is handed over unread (the worker streams big GeoJSON from it). */
  async function loadBytes(fileName: string, bytes: Blob | ArrayBuffer, extra: Partial<LoadOptions> = {}, replaceId?: string): Promise<LoadedFile | null> {
    const id = newId('job');
    const options = loadOptions(fileName, extra);
    const size = bytes instanceof Blob ? bytes.size : bytes.byteLength;
    set((s) => ({ ...s, jobs: [...s.jobs, { id, fileName, bytes: size }], failures: s.failures.filter((f) => f.fileName !== fileName) }));
    const job = loadFileInWorker(bytes, options, (progress) =>
      set((s) => ({ ...s, jobs: s.jobs.map((j) => (j.id === id ? { ...j, progress } : j)) })),
    );
    runningJobs.set(id, job);
    try {
      const result = await job.promise;
      if (result.ok) {
        const file = admit(result.file, bytes, replaceId);
        set((s) => {
          // a reassigned file keeps its place; a new file of the same name replaces the old one
          const dataset = replaceId
            ? { files: s.dataset.files.map((f) => (f.id === replaceId ? file : f)) }
            : withFile(s.dataset, file);
          return { ...s, dataset, fitKey: replaceId ? s.fitKey : file.id, mappings: s.mappings.filter((m) => m.fileName !== fileName) };
        });
        return file;
      }
      if (result.mapping) {
        const request = result.mapping;
        const pendingId = newId('map');
        fileBytes.set(pendingId, bytes);
        set((s) => ({
          ...s,
          mappings: [...s.mappings.filter((m) => m.fileName !== fileName), { id: pendingId, fileName, request, options, reasons: result.errors }],
          panel: 'data',
        }));
        return null;
      }
      set((s) => ({ ...s, failures: [...s.failures, { id: newId('fail'), fileName, errors: result.errors }], panel: 'data' }));
      return null;
    } catch (e) {
      if (isAbortError(e)) return null;
      const message = e instanceof Error ? e.message : String(e);
      set((s) => ({
        ...s,
        failures: [
          ...s.failures,
          {
            id: newId('fail'),
            fileName,
            errors: [
              new InputError({
                code: 'unknown-format',
                message: `Loading stopped unexpectedly: ${message}`,
                fix: 'This is a bug in Thusong Planner, not in your file. Please report it with the file.',
                where: { file: fileName },
              }).toIssue(),
            ],
          },
        ],
      }));
      return null;
    } finally {
      runningJobs.delete(id);
      set((s) => ({ ...s, jobs: s.jobs.filter((j) => j.id !== id) }));
    }
  }

  return {
    loadBytes,
    async loadFiles(files: Iterable<File>) {
      const list = [...files];
      await Promise.all(
        list.map(async (f) => {
          // refuse before reading a huge file into memory; GeoJSON (told by its first bytes) streams up to its own limit
          const streamable = f.size > MAX_FILE_BYTES && startsLikeJson(new Uint8Array(await f.slice(0, 4096).arrayBuffer()));
          const limit = streamable ? MAX_STREAMED_GEOJSON_BYTES : MAX_FILE_BYTES;
          if (f.size > limit) {
            set((s) => ({
              ...s,
              failures: [
                ...s.failures,
                {
                  id: newId('fail'),
                  fileName: f.name,
                  errors: [
                    new InputError({
                      code: 'file-too-large',
                      message: `${f.name} is ${(f.size / 1048576).toFixed(0)} MB, over the ${limit / 1048576} MB limit${streamable ? ' for GeoJSON' : ''}.`,
                      fix: 'Split it by district or municipality, or simplify its geometry (e.g. mapshaper -simplify 10%), then load the parts.',
                      where: { file: f.name },
                      value: String(f.size),
                    }).toIssue(),
                  ],
                },
              ],
            }));
            return;
          }
          await loadBytes(f.name, f);
        }),
      );
    },
    cancelJob(id: string) {
      runningJobs.get(id)?.cancel();
    },
    /** Whether the file's bytes are still here to load it again as another layer (not after a reload). */
    canReassign(fileId: string): boolean {
      return fileBytes.has(fileId);
    },
    /** Loads the file again as another layer (the user knows better than the classifier). */
    async reassignFile(fileId: string, kind: LayerKind) {
      const file = appStore.get().dataset.files.find((f) => f.id === fileId);
      const bytes = fileBytes.get(fileId);
      if (!file || !bytes || file.kind === kind) return;
      history.checkpoint();
      await loadBytes(file.fileName, bytes, { kindHint: kind }, fileId);
    },
    async submitMapping(pendingId: string, choice: Pick<LoadOptions, 'kindHint' | 'fieldMapping' | 'csvColumns'>) {
      const pending = store.get().mappings.find((m) => m.id === pendingId);
      const bytes = fileBytes.get(pendingId);
      if (!pending || !bytes) return;
      fileBytes.delete(pendingId);
      set((s) => ({ ...s, mappings: s.mappings.filter((m) => m.id !== pendingId) }));
      await loadBytes(pending.fileName, bytes, { ...pending.options, ...choice });
    },
    dismissMapping(pendingId: string) {
      fileBytes.delete(pendingId);
      set((s) => ({ ...s, mappings: s.mappings.filter((m) => m.id !== pendingId) }));
    },
    removeFile(fileId: string) {
      history.checkpoint();
      fileBytes.delete(fileId);
      set((s) => ({ ...s, dataset: withoutFile(s.dataset, fileId) }));
    },
    dismissFailure(id: string) {
      set((s) => ({ ...s, failures: s.failures.filter((f) => f.id !== id) }));
    },
    setPanel(panel: PanelId) {
      set((s) => ({ ...s, panel }));
    },
    toggleLayer(kind: LayerKind, visible: boolean) {
      history.checkpoint();
      set((s) => ({ ...s, view: { ...s.view, visibleLayers: { ...s.view.visibleLayers, [kind]: visible } } }));
    },
    setDepartmentFilter(codes: string[]) {
      history.checkpoint();
      set((s) => ({ ...s, view: { ...s.view, departmentFilter: codes } }));
    },
    setRegionDepartments(codes: string[]) {
      history.checkpoint();
      set((s) => ({ ...s, view: { ...s.view, regionDepartments: codes } }));
    },
    setBasemapUrl(url: string) {
      history.checkpoint();
      set((s) => ({ ...s, settings: { ...s.settings, basemapUrl: url } }));
    },
    fitToData() {
      set((s) => ({ ...s, fitKey: `fit${nextId++}` }));
    },
    /**
     * Files loaded ahead of time (the sample province, parsed while the page starts): all enter the
     * app in one update, so the map and panels draw once rather than once per file.
     */
    addLoaded(entries: { fileName: string; bytes: ArrayBuffer; result: LoadResult | Error }[]) {
      const files: LoadedFile[] = [];
      const failures: AppState['failures'] = [];
      for (const { fileName, bytes, result } of entries) {
        if (!(result instanceof Error) && result.ok) {
          files.push(admit(result.file, bytes));
          continue;
        }
        const errors =
          result instanceof Error
            ? [new InputError({ code: 'unknown-format', message: `${fileName} could not be loaded: ${result.message}`, fix: 'Reload the page; if it happens again, report it.', where: { file: fileName } }).toIssue()]
            : result.errors;
        failures.push({ id: newId('fail'), fileName, errors });
      }
      set((s) => ({
        ...s,
        dataset: files.reduce(withFile, s.dataset),
        fitKey: files.length ? files[files.length - 1].id : s.fitKey,
        failures: [...s.failures, ...failures],
      }));
      return failures.length === 0;
    },
    setSampleStatus(status: AppState['sampleStatus']) {
      set((s) => ({ ...s, sampleStatus: status }));
    },
  };
}

export const actions = makeActions();
