import type { ZonesApi } from './zones.worker';
import { createWorkerHandle, latestOnly } from './worker-handle';
import type {
  ZonePlan,
  ZonePlanOptions,
  ZoneRelocation,
  ZoneRelocationRequest,
  ZonesAudit,
  ZonesAuditInputs,
  ZonesAuditOptions,
  ZonesInputs,
  ZonesPrepared,
  ZonesPrepareOptions,
} from '../src/engine/location';
import type { ProgressFn } from '../src/model/progress';

const worker = (name: string) => () => new Worker(new URL('./zones.worker.ts', import.meta.url), { type: 'module', name });
// travel times and plans (seconds) in one worker; the audit and relocations (fast) in another, so
// they never wait behind a plan
const planHandle = createWorkerHandle<ZonesApi>(worker('zones'));
const runPlanJob = latestOnly(planHandle);
const auditHandle = createWorkerHandle<ZonesApi>(worker('zones audit'));
const runAudit = latestOnly(auditHandle);
const relocateHandle = createWorkerHandle<ZonesApi>(worker('zones relocation'));
const runRelocate = latestOnly(relocateHandle);

/**
 * Travel times (unless `prepared` is still current) then the plan, as one job: a new job
 * supersedes a running one, and cancel stops both steps.
 */
export function planZonesInWorker(
  prepare: { inputs: ZonesInputs; options: ZonesPrepareOptions } | { prepared: ZonesPrepared },
  options: Omit<ZonePlanOptions, 'highs'> | null,
  onProgress?: ProgressFn,
) {
  return runPlanJob<{ prepared: ZonesPrepared; plan: ZonePlan | null }>(async (api, progress) => {
    const prepared = 'prepared' in prepare ? prepare.prepared : ((await api.prepare(prepare.inputs, prepare.options, progress)) as ZonesPrepared);
    const plan = options ? ((await api.plan(prepared, options, progress)) as ZonePlan) : null;
    return { prepared, plan };
  }, onProgress);
}

export function auditZonesInWorker(inputs: ZonesAuditInputs, options: ZonesAuditOptions) {
  return runAudit<ZonesAudit>((api) => api.audit(inputs, options) as Promise<ZonesAudit>);
}

export function relocateInWorker(prepared: ZonesPrepared, request: ZoneRelocationRequest) {
  return runRelocate<ZoneRelocation[]>((api) => api.relocate(prepared, request) as Promise<ZoneRelocation[]>);
}
