import type { RoutesApi } from './routes.worker';
import { createWorkerHandle, latestOnly } from './worker-handle';
import type { MobilePlan, MobilePlanInputs, MobilePlanOptions } from '../src/engine/routing/mobile-plan';
import type { ProgressFn } from '../src/model/progress';

const handle = createWorkerHandle<RoutesApi>(() => new Worker(new URL('./routes.worker.ts', import.meta.url), { type: 'module', name: 'routes' }));
const runPlan = latestOnly(handle);

/** A new plan supersedes a running one; its result is never delivered. */
export function planYearInWorker(inputs: MobilePlanInputs, options: MobilePlanOptions, onProgress?: ProgressFn) {
  return runPlan<MobilePlan>((api, progress) => api.planYear(inputs, options, progress) as Promise<MobilePlan>, onProgress);
}
