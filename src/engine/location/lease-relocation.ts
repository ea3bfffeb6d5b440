/**
 * When an office's lease ends, where should it go? Given the office's catchment (the settlements
 * for which it is the nearest office of its department, with their travel minutes to it now) and
 * candidate sites (minutes from the same settlements, the departments within a walk of each, and
 * how complete a service bundle would be there), rank the moves by what they do for the office's
 * clients, and say each one in a plain sentence.
 *
 * The catchment is held fixed: the office keeps its clients. (A move far enough to hand clients to
 * another office of the department is a redistricting question, not a relocation one.)
 */
import { DEFAULT_CATALOGUE, type Catalogue } from '../../model/catalogue';

export interface RelocationOffice {
  id: string;
  /** e.g. 'Kranskloof' or 'SASSA Kranskloof' */
  name: string;
  /** department code, e.g. 'SASSA' */
  department: string;
}

export interface RelocationCatchment {
  population: Float64Array;
  /** minutes from each catchment settlement to the office today (Infinity = unreachable) */
  currentMinutes: Float32Array;
}

export interface RelocationCandidates {
  count: number;
  id: string[];
  /** how a sentence names the place, e.g. 'the Thusong centre at Riverbend' */
  label: string[];
  /** candidate-major: minutes[c · catchmentSize + s] from settlement s to candidate c */
  minutes: Float32Array;
  /** department codes present within a walk of each candidate (the moving office's own is ignored) */
  departmentsNearby: string[][];
  /**
   * per candidate, the share (0..1) of the bundles this department's clients need whose other
   * services would be within a walk there; with `bundleVisitsPerPersonYear` it gives trips saved
   */
  bundleCompleteness?: Float64Array;
}

export interface RelocationOptions {
  /** "within T": the threshold for population within reach (default 30 minutes) */
  thresholdMinutes?: number;
  /** bundle completeness at the office's current site (default 0) */
  currentBundleCompleteness?: number;
  /** trips a year per client that need the whole bundle (default 0.05) */
  bundleVisitsPerPersonYear?: number;
  /** what to rank by first; the others break ties (default 'minutes') */
  rankBy?: 'minutes' | 'within' | 'bundle-trips';
  catalogue?: Catalogue;
}

export interface RelocationOption {
  candidate: number;
  id: string;
  /** population-weighted average minutes over clients who can reach both today and after */
  averageMinutesBefore: number;
  averageMinutesAfter: number;
  /** after − before (negative = shorter trips) */
  averageMinutesChange: number;
  populationWithinBefore: number;
  populationWithinAfter: number;
  /** population that could reach the office today but not the candidate (or the reverse, negative) */
  populationLosingAccess: number;
  bundleTripsSavedPerYear: number;
  departmentsBeside: string[];
  /** another option is at least as good on all three measures and better on one */
  dominated: boolean;
  sentence: string;
}

export interface RelocationResult {
  office: RelocationOffice;
  clients: number;
  options: RelocationOption[];
}

/** Ranks every candidate as a new home for the office; best first. */
export function rankRelocations(
  office: RelocationOffice,
  catchment: RelocationCatchment,
  candidates: RelocationCandidates,
  options: RelocationOptions = {},
): RelocationResult {
  const S = catchment.population.length;
  if (catchment.currentMinutes.length !== S) throw new RangeError(`catchment has ${S} populations but ${catchment.currentMinutes.length} current times`);
  if (candidates.minutes.length !== candidates.count * S) throw new RangeError(`candidate minutes must be ${candidates.count} × ${S}`);
  const T = options.thresholdMinutes ?? 30;
  const visits = options.bundleVisitsPerPersonYear ?? 0.05;
  const currentCompleteness = options.currentBundleCompleteness ?? 0;
  const catalogue = options.catalogue ?? DEFAULT_CATALOGUE;
  let clients = 0;
  let withinBefore = 0;
  for (let s = 0; s < S; s++) {
    clients += catchment.population[s];
    if (catchment.currentMinutes[s] <= T) withinBefore += catchment.population[s];
  }
  const out: RelocationOption[] = [];
  for (let c = 0; c < candidates.count; c++) {
    let both = 0;
    let before = 0;
    let after = 0;
    let withinAfter = 0;
    let losing = 0;
    for (let s = 0; s < S; s++) {
      const w = catchment.population[s];
      const now = catchment.currentMinutes[s];
      const then = candidates.minutes[c * S + s];
      if (then <= T) withinAfter += w;
      const reachNow = now < Infinity;
      const reachThen = then < Infinity;
      if (reachNow && !reachThen) losing += w;
      if (!reachNow && reachThen) losing -= w;
      if (reachNow && reachThen) {
        both += w;
        before += w * now;
        after += w * then;
      }
    }
    const completeness = candidates.bundleCompleteness?.[c] ?? currentCompleteness;
    const beside = [...new Set(candidates.departmentsNearby[c] ?? [])].filter((d) => d !== office.department);
    const averageMinutesBefore = both > 0 ? before / both : NaN;
    const averageMinutesAfter = both > 0 ? after / both : NaN;
    out.push({
      candidate: c,
      id: candidates.id[c],
      averageMinutesBefore,
      averageMinutesAfter,
      averageMinutesChange: averageMinutesAfter - averageMinutesBefore,
      populationWithinBefore: withinBefore,
      populationWithinAfter: withinAfter,
      populationLosingAccess: losing,
      bundleTripsSavedPerYear: clients * visits * (completeness - currentCompleteness),
      departmentsBeside: beside,
      dominated: false,
      sentence: '',
    });
  }
  // Pareto dominance on (shorter average, more within T, more bundle trips saved)
  const better = (a: RelocationOption, b: RelocationOption) => {
    const am = nanLast(a.averageMinutesChange);
    const bm = nanLast(b.averageMinutesChange);
    const ge = am <= bm && a.populationWithinAfter >= b.populationWithinAfter && a.bundleTripsSavedPerYear >= b.bundleTripsSavedPerYear;
    const gt = am < bm || a.populationWithinAfter > b.populationWithinAfter || a.bundleTripsSavedPerYear > b.bundleTripsSavedPerYear;
    return ge && gt;
  };
  for (const o of out) o.dominated = out.some((p) => p !== o && better(p, o));
  const keys: Record<NonNullable<RelocationOptions['rankBy']>, (o: RelocationOption) => number> = {
    minutes: (o) => nanLast(o.averageMinutesChange),
    within: (o) => -o.populationWithinAfter,
    'bundle-trips': (o) => -o.bundleTripsSavedPerYear,
  };
  const first = options.rankBy ?? 'minutes';
  const order = [first, ...(['minutes', 'within', 'bundle-trips'] as const).filter((k) => k !== first)];
  out.sort((a, b) => {
    for (const k of order) {
      const d = keys[k](a) - keys[k](b);
      if (Math.abs(d) > 1e-9) return d;
    }
    return a.candidate - b.candidate;
  });
  const officeLabel = officeName(office, catalogue);
  for (const o of out) o.sentence = relocationSentence(officeLabel, candidates.label[o.candidate] ?? o.id, clients, o, T, catalogue);
  return { office, clients, options: out };
}

const nanLast = (x: number) => (Number.isNaN(x) ? Infinity : x);

/** 'SASSA (social grants)' → 'SASSA': the catalogue name without its parenthesis. */
export function shortDepartmentName(code: string, catalogue: Catalogue = DEFAULT_CATALOGUE): string {
  const d = catalogue.departments.find((x) => x.code === code);
  return d ? d.name.replace(/\s*\(.*\)\s*$/, '') : code;
}

function officeName(office: RelocationOffice, catalogue: Catalogue): string {
  const dept = shortDepartmentName(office.department, catalogue);
  const lower = office.name.toLowerCase();
  return lower.startsWith(dept.toLowerCase()) || lower.startsWith(office.department.toLowerCase()) ? office.name : `${dept} ${office.name}`;
}

/** 12400 → '12,400' */
export function formatPeople(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 'A', 'A and B', 'A, B and C' */
export function listInEnglish(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function relocationSentence(officeLabel: string, place: string, clients: number, o: RelocationOption, T: number, catalogue: Catalogue): string {
  const parts: string[] = [];
  const b = Math.round(o.averageMinutesBefore);
  const a = Math.round(o.averageMinutesAfter);
  const who = `its ${formatPeople(clients)} client${Math.round(clients) === 1 ? '' : 's'}`;
  if (Number.isNaN(o.averageMinutesAfter)) parts.push(`leaves none of ${who} able to reach it by road`);
  else if (a < b) parts.push(`cuts the average trip of ${who} from ${b} to ${a} minutes`);
  else if (a > b) parts.push(`lengthens the average trip of ${who} from ${b} to ${a} minutes`);
  else parts.push(`keeps the average trip of ${who} at ${a} minutes`);
  const dWithin = o.populationWithinAfter - o.populationWithinBefore;
  if (Math.round(dWithin) > 0) parts.push(`brings ${formatPeople(dWithin)} more within ${T} minutes`);
  else if (Math.round(dWithin) < 0) parts.push(`leaves ${formatPeople(-dWithin)} fewer within ${T} minutes`);
  if (o.populationLosingAccess > 0.5) parts.push(`cuts ${formatPeople(o.populationLosingAccess)} off from it by road`);
  if (o.departmentsBeside.length) parts.push(`puts it beside ${listInEnglish(o.departmentsBeside.map((d) => shortDepartmentName(d, catalogue)))}`);
  if (Math.round(o.bundleTripsSavedPerYear) > 0) parts.push(`saves about ${formatPeople(o.bundleTripsSavedPerYear)} bundle trips a year`);
  const clause = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
  return `Moving ${officeLabel} to ${place} ${clause}.`;
}
