/**
 * Runs the year plan in the routes worker when the user asks ("Plan the year"): a plan takes
 * seconds to a minute, so unlike coverage it never starts by itself; a change of data, teams or
 * settings only marks the plan stale. Latest only: a new run supersedes a running one.
 */
import { appStore, type AppState } from '../../app/state';
import { layerCollection } from '../../model/dataset';
import { isAbortError } from '../../model/errors';
import { planYearInWorker } from '../../../workers/routes-client';
import type { Job } from '../../../workers/worker-handle';
import { history } from '../../app/undo';
import type { RoutesSettings, RoutesState, TeamDraft } from './routes-state';
import { effectiveTeams, firstPlannedDay, planOptions, routesInputKey, settingsProblems, teamSpecs, thusongCentres } from './routes-view';

const setRoutes = (update: (r: RoutesState) => RoutesState) => appStore.set((s) => ({ ...s, routes: update(s.routes) }));

let running: Job<unknown> | null = null;

/** The teams, checked, and the key of what a plan made now would depend on. */
export function currentInputs(state: AppState) {
  const centres = thusongCentres(layerCollection(state.dataset, 'thusong'));
  const drafts = effectiveTeams(state.routes.teams, centres);
  const checked = teamSpecs(drafts, centres);
  const problems = [...settingsProblems(state.routes.settings), ...checked.problems];
  if (!layerCollection(state.dataset, 'settlements')) problems.unshift('Routes need a settlements layer. Load one on the Data tab.');
  return { centres, drafts, teams: checked.teams, problems, key: routesInputKey(state.dataset, state.routes.settings, checked.teams) };
}

/** Plans the year for the current data, teams and settings. */
export function runRoutes(state: AppState = appStore.get()): void {
  const { dataset, routes } = state;
  const inputs = currentInputs(state);
  const settlements = layerCollection(dataset, 'settlements');
  if (inputs.problems.length || !settlements) {
    setRoutes((r) => ({ ...r, status: r.result ? 'done' : 'idle', problems: inputs.problems, error: undefined }));
    return;
  }
  running?.cancel();
  const job = planYearInWorker(
    { settlements, thusong: layerCollection(dataset, 'thusong') ?? null, roads: layerCollection(dataset, 'roads') ?? null, teams: inputs.teams, year: routes.settings.year },
    planOptions(routes.settings),
    (progress) => setRoutes((r) => ({ ...r, progress })),
  );
  running = job;
  setRoutes((r) => ({ ...r, status: 'running', progress: { phase: 'starting', done: 0, total: 1 }, error: undefined, problems: undefined }));
  job.promise.then(
    (result) => {
      if (running !== job) return;
      running = null;
      setRoutes((r) => {
        // keep the selected day if the new plan has it, else show the year's first day
        const keep = r.selected && result.plan.teams[r.selected.team]?.days.some((d) => d.date === r.selected!.date);
        return { ...r, status: 'done', result, inputKey: inputs.key, progress: undefined, selected: keep ? r.selected : firstPlannedDay(result) };
      });
    },
    (e) => {
      if (running === job) running = null;
      if (isAbortError(e)) return;
      setRoutes((r) => ({ ...r, status: 'error', error: e instanceof Error ? e.message : String(e), progress: undefined }));
    },
  );
}

export function cancelRoutes(): void {
  if (!running) return;
  running.cancel();
  running = null;
  setRoutes((r) => ({ ...r, status: r.result ? 'done' : 'idle', progress: undefined, error: 'Cancelled. Press “Plan the year” to start again.' }));
}

let lastEdit: { key: string; version: number } | null = null;

/**
 * An undo point before a user edit. Successive edits of the same field (typing a team's name) share
 * one, so undo takes back the whole word, not a letter.
 */
function checkpoint(field?: string): void {
  if (field && lastEdit?.key === field && lastEdit.version === history.version()) return;
  history.checkpoint();
  lastEdit = field ? { key: field, version: history.version() } : null;
}

export function setRoutesSettings(patch: Partial<RoutesSettings>): void {
  checkpoint(`settings:${Object.keys(patch).join()}`);
  setRoutes((r) => ({ ...r, settings: { ...r.settings, ...patch } }));
}

/**
 * Edits the teams; the first edit turns the default teams (one per Thusong centre) into the user's
 * own. `field` names what is edited (e.g. "a1:name"), so repeated edits of it share an undo point.
 */
export function editTeams(update: (teams: TeamDraft[]) => TeamDraft[], field?: string): void {
  checkpoint(field && `team:${field}`);
  appStore.set((s) => {
    const current = effectiveTeams(s.routes.teams, thusongCentres(layerCollection(s.dataset, 'thusong')));
    return { ...s, routes: { ...s.routes, teams: update(current) } };
  });
}

/** Back to one team per Thusong centre. */
export function resetTeams(): void {
  checkpoint();
  setRoutes((r) => ({ ...r, teams: undefined }));
}

export function selectDay(team: number, date: string): void {
  setRoutes((r) => ({ ...r, selected: { team, date } }));
}

