import type { MobilePlan } from '../../engine/routing/mobile-plan';
import type { Progress } from '../../model/progress';

/** Where a team sets out from: an existing Thusong centre (by id, from the thusong layer) or a point. */
export type TeamBase = { kind: 'thusong'; centre: string } | { kind: 'point'; lon: number; lat: number };

/** A team as the user edits it; turned into the engine's TeamSpec (and checked) when planning. */
export interface TeamDraft {
  /** stable key for the editor's rows */
  key: string;
  name: string;
  base: TeamBase;
  hoursPerDay: number;
  /** Monday onwards: 5 = Monday–Friday */
  daysPerWeek: number;
  /** YYYY-MM-DD */
  daysOff: string[];
  /** HH:MM */
  startTime: string;
}

/** Settings that change the plan (a change makes a plan stale; it is never re-run by itself). */
export interface RoutesSettings {
  year: number;
  /** who the mobile service is for */
  target: 'beyond-thusong' | 'all';
  /** 'beyond-thusong': settlements farther than this from any fixed Thusong centre */
  thusongMinutes: number;
  /** every target settlement within this many minutes of a stop */
  reachMinutes: number;
  overnight: boolean;
  /** a stop needing more than a day's service is visited again (up to 4 times a year) */
  repeatLarge: boolean;
}

export interface RoutesState {
  /** absent: one team per Thusong centre in the data (derived, so it follows the layer) */
  teams?: TeamDraft[];
  settings: RoutesSettings;
  status: 'idle' | 'running' | 'done' | 'error';
  progress?: Progress;
  result?: MobilePlan;
  error?: string;
  /** problems with the teams or data that stopped a run */
  problems?: string[];
  /** what the result was planned from, to tell when it is stale */
  inputKey?: string;
  /** the day shown on the map and in the run-sheet */
  selected?: { team: number; date: string };
}

export const initialRoutesState = (): RoutesState => ({
  settings: { year: new Date().getFullYear() + 1, target: 'beyond-thusong', thusongMinutes: 30, reachMinutes: 30, overnight: true, repeatLarge: false },
  status: 'idle',
});
