import type { LocationModel, ZonePlan, ZoneRelocation, ZonesAudit, ZonesPrepared } from '../../engine/location';
import type { Progress } from '../../model/progress';

export type ZonesSection = 'audit' | 'optimise' | 'centres' | 'relocation';

/** What the travel matrix depends on besides the data (a change recomputes it). */
export interface ZonesCandidateSettings {
  officeSites: boolean;
  thusong: boolean;
  /** settlements with at least this many people are candidates; null = none */
  settlementsMinPopulation: number | null;
  /** offices this close are one site and count as beside a place */
  walkMetres: number;
  thusongOffersAll: boolean;
}

/** What a plan depends on besides the matrix (a change re-solves, quickly). */
export interface ZonesPlanSettings {
  objective: LocationModel;
  /** new zones besides the fixed sites (mclp, pmedian) */
  newZones: number;
  /** T, minutes */
  minutes: number;
  /** 'all' | department code | 'bundle:<code>' */
  group: string;
  fixThusong: boolean;
  existingOnly: boolean;
  timeLimitSeconds: number;
}

export interface AddedPoint {
  id: string;
  name: string;
  lon: number;
  lat: number;
}

export interface RelocationSettings {
  mode: 'office' | 'year';
  officeId: string;
  year: number | null;
  radiusKm: number;
  status: 'idle' | 'running' | 'done' | 'error';
  results?: ZoneRelocation[];
  error?: string;
  /** what the results were computed from */
  key?: string;
}

export interface ZonesState {
  section: ZonesSection;
  candidates: ZonesCandidateSettings;
  points: AddedPoint[];
  /** clicks on the map add candidate points */
  addingPoints: boolean;
  settings: ZonesPlanSettings;
  status: 'idle' | 'running' | 'done' | 'error';
  progress?: Progress;
  error?: string;
  /** the travel matrix and the places, with the key of what it was computed from */
  prepared?: ZonesPrepared;
  preparedKey?: string;
  plan?: ZonePlan;
  /** key of the prepared data and settings the plan was solved with */
  planKey?: string;
  /** a plan was asked for: new travel times are followed by a new plan */
  wantPlan: boolean;
  audit?: ZonesAudit;
  auditKey?: string;
  auditError?: string;
  relocation: RelocationSettings;
}

export const initialZonesState = (): ZonesState => ({
  section: 'optimise',
  candidates: { officeSites: true, thusong: true, settlementsMinPopulation: 5000, walkMetres: 200, thusongOffersAll: true },
  points: [],
  addingPoints: false,
  settings: { objective: 'mclp', newZones: 5, minutes: 30, group: 'all', fixThusong: true, existingOnly: false, timeLimitSeconds: 5 },
  status: 'idle',
  wantPlan: false,
  relocation: { mode: 'year', officeId: '', year: null, radiusKm: 25, status: 'idle' },
});
