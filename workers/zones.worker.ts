/// <reference lib="webworker" />
import { exposeWithCollections } from './collections';
import highsLoader, { type Highs } from 'highs';
import highsWasmUrl from 'highs/runtime?url';
import {
  auditZones,
  planZones,
  prepareZones,
  relocateOffices,
  type ZonePlanOptions,
  type ZoneRelocationRequest,
  type ZonesAuditInputs,
  type ZonesAuditOptions,
  type ZonesInputs,
  type ZonesPrepared,
  type ZonesPrepareOptions,
} from '../src/engine/location';
import type { ProgressFn } from '../src/model/progress';

// Thin: the zones engine lives in src/engine/location; this only wires it to comlink and loads
// HiGHS (WebAssembly) once per worker, from the app's own origin.
let highs: Promise<Highs | null> | undefined;
const loadHighs = () =>
  (highs ??= highsLoader({ locateFile: () => highsWasmUrl }).catch((e: unknown) => {
    console.warn('HiGHS could not be loaded; zones use Lagrangian bounds.', e);
    return null;
  }));

const zonesApi = {
  audit(inputs: ZonesAuditInputs, options: ZonesAuditOptions) {
    return auditZones(inputs, options);
  },
  prepare(inputs: ZonesInputs, options: ZonesPrepareOptions, progress?: ProgressFn) {
    return prepareZones(inputs, options, progress);
  },
  async plan(prepared: ZonesPrepared, options: Omit<ZonePlanOptions, 'highs'>, progress?: ProgressFn) {
    progress?.({ phase: 'Loading the solver', done: 0, total: 1 });
    return planZones(prepared, { ...options, highs: await loadHighs() }, progress);
  },
  relocate(prepared: ZonesPrepared, request: ZoneRelocationRequest) {
    return relocateOffices(prepared, request);
  },
};

export type ZonesApi = typeof zonesApi;
exposeWithCollections(zonesApi);
