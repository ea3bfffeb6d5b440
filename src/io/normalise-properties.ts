import type { Feature, LineString, MultiLineString } from 'geojson';
import { DEFAULT_CATALOGUE, resolveDepartment, type Catalogue } from '../model/catalogue';
import type { InputIssue } from '../model/errors';
import type { LayerKind } from '../model/layers';
import { issue, LEFT_OUT, quoteValue, safeString } from './input-issues';
import { readNumber } from './read-number';
import { featureLabel, featureWhere, type SourceFeature } from './source-features';

export interface NormaliseContext {
  kind: LayerKind;
  fileName: string;
  /** canonical → original field */
  fieldMap: Record<string, string>;
  catalogue?: Catalogue;
  /** department code for every office/region when the file has no department column */
  assumedDepartment?: string;
  /** the file's numbers use decimal commas (semicolon CSV) */
  decimalComma?: boolean;
}

export interface NormaliseResult {
  features: Feature[];
  /** issues of dropped features (one each) */
  dropped: InputIssue[];
  warnings: InputIssue[];
}

/** Metro municipalities (category A) by MDB code. */
export const METRO_CODES = new Set(['CPT', 'JHB', 'ETH', 'EKU', 'TSH', 'NMA', 'BUF', 'MAN']);

/** A municipality's category from its code: DC… districts are C, the eight metros A, the rest B. */
export function categoryFromCode(code: string): 'A' | 'B' | 'C' {
  const c = code.trim().toUpperCase();
  if (/^DC\d+$/.test(c)) return 'C';
  if (METRO_CODES.has(c)) return 'A';
  return 'B';
}

function categoryFromValue(v: string): 'A' | 'B' | 'C' | undefined {
  const s = v.trim().toLowerCase();
  if (s === 'a' || s.startsWith('metro')) return 'A';
  if (s === 'b' || s.startsWith('local')) return 'B';
  if (s === 'c' || s.startsWith('district')) return 'C';
  return undefined;
}

/** Text of a property: numbers without a needless ".0", null and NaN as ''. */
export function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'string') return v.trim() === 'NaN' ? '' : v.trim();
  // objects and arrays as JSON (String() of parsed JSON can throw, and "[object Object]" says nothing)
  if (typeof v === 'object') return quoteValue(v).trim();
  return safeString(v).trim();
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYYY-MM-DD, YYYY/MM/DD, DD/MM/YYYY (also with '-' or '.'), or an ISO timestamp → 'YYYY-MM-DD'; undefined if not a real date. */
export function parseDate(value: string): string | undefined {
  const s = value.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return undefined;
  if (m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]) return undefined;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** OSM maxspeed: "60", "60 km/h", "50 mph" → km/h; undefined when it is not a speed ("none", "signals"). */
export function parseSpeed(value: string): number | undefined {
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*(km\/?h|kmh|kph|mph)?\s*$/i.exec(value);
  if (!m) return undefined;
  const n = Number(m[1].replace(',', '.'));
  return m[2] && /mph/i.test(m[2]) ? Math.round(n * 1.609344) : n;
}

/** OSM oneway and friends: yes/true/1 → 1, no/false/0 → 0, -1/reverse → -1 (one way against the drawing direction). */
export function parseOneway(value: string): 1 | 0 | -1 | undefined {
  const s = value.trim().toLowerCase();
  if (['yes', 'true', '1', 'y', 't', 'ja'].includes(s)) return 1;
  if (['no', 'false', '0', 'n', 'f', 'nee', ''].includes(s)) return 0;
  if (s === '-1' || s === 'reverse') return -1;
  return undefined;
}

const fileStem = (fileName: string) =>
  (fileName.split(/[\\/]/).pop() ?? fileName)
    .replace(/\.[a-z0-9]+$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'file';

/**
 * Turns each feature's properties into its layer's canonical properties (LAYER_FIELDS), keeping every
 * original column as well. A feature missing a required value, or with an unusable population, is
 * dropped with one issue; softer problems (unknown department, bad date, duplicate id) are warnings.
 */
export function normaliseProperties(features: SourceFeature[], ctx: NormaliseContext): NormaliseResult {
  const { kind, fileName, fieldMap } = ctx;
  const catalogue = ctx.catalogue ?? DEFAULT_CATALOGUE;
  const dropped: InputIssue[] = [];
  const warnings: InputIssue[] = [];
  const out: Feature[] = [];
  // every id given out → the feature that first had it (null for ids made by renaming a duplicate)
  const ids = new Map<string, SourceFeature | null>();
  const unknownDepartments = new Map<string, { first: SourceFeature; count: number }>();
  const stem = fileStem(fileName);
  const get = (f: SourceFeature, canonical: string) => (fieldMap[canonical] ? text(f.properties[fieldMap[canonical]]) : '');
  const where = (f: SourceFeature, canonical?: string) => featureWhere(fileName, f, canonical ? fieldMap[canonical] ?? canonical : undefined);
  const dropFor = (f: SourceFeature, code: InputIssue['code'], what: string, fix: string, canonical: string, value?: unknown) =>
    dropped.push(issue(code, 'warning', `${featureLabel(f)} ${what}. ${LEFT_OUT}`, fix, where(f, canonical), value));
  const missingValue = (f: SourceFeature, canonical: string, what: string) =>
    dropFor(f, 'missing-value', `has no ${what} (the “${fieldMap[canonical] ?? canonical}” value is empty)`, `Fill in its ${what}, or delete the feature.`, canonical);

  const department = (f: SourceFeature): string | undefined => {
    const raw = get(f, 'department');
    if (!raw) return ctx.assumedDepartment;
    const d = resolveDepartment(raw, catalogue);
    if (d) return d.code;
    const seen = unknownDepartments.get(raw);
    if (seen) seen.count++;
    else unknownDepartments.set(raw, { first: f, count: 1 });
    return raw;
  };
  const makeId = (f: SourceFeature): string => {
    const own = get(f, 'id') || (f.id !== undefined ? text(f.id) : '');
    let id = own || `${stem}-${f.row ?? f.index + 1}`;
    const earlier = ids.get(id);
    if (earlier !== undefined) {
      let n = 2;
      while (ids.has(`${id}-${n}`)) n++;
      const renamed = `${id}-${n}`;
      const second = featureLabel(f).replace(/^Row/, 'row').replace(/^Feature/, 'feature');
      warnings.push(
        issue(
          'duplicate-id',
          'warning',
          `${earlier ? featureLabel(earlier) : 'An earlier feature'} and ${second} both have id “${id}”; the second is now “${renamed}”.`,
          'Give every feature its own id so results can be traced back to it.',
          where(f, 'id'),
          id,
        ),
      );
      id = renamed;
      ids.set(id, null);
    } else ids.set(id, f);
    return id;
  };

  for (const f of features) {
    // the source properties are ours (freshly parsed): canonical fields are added in place
    const props = f.properties;
    switch (kind) {
      case 'municipalities': {
        const code = get(f, 'code');
        const name = get(f, 'name');
        if (!code) {
          missingValue(f, 'code', 'municipality code');
          continue;
        }
        if (!name) {
          missingValue(f, 'name', 'municipality name');
          continue;
        }
        const category = categoryFromValue(get(f, 'category')) ?? categoryFromCode(code);
        const district = get(f, 'district') || (category === 'B' ? '' : code);
        Object.assign(props, { code, name, category, district });
        break;
      }
      case 'regions': {
        const dep = department(f);
        const region = get(f, 'region');
        if (!dep) {
          missingValue(f, 'department', 'department');
          continue;
        }
        if (!region) {
          missingValue(f, 'region', 'region name');
          continue;
        }
        Object.assign(props, { department: dep, region });
        break;
      }
      case 'settlements': {
        const raw = fieldMap.population ? f.properties[fieldMap.population] : undefined;
        const t = text(raw);
        const population = readNumber(t, 'count', ctx.decimalComma);
        if (!t) {
          dropFor(f, 'missing-population', 'has no population', 'Fill in the number of residents (0 is allowed), or delete the feature.', 'population');
          continue;
        }
        if (Number.isNaN(population)) {
          dropFor(f, 'invalid-value', `has a population that is not a number: “${quoteValue(t)}”`, 'Write the population as a whole number, e.g. 1250.', 'population', t);
          continue;
        }
        if (population < 0) {
          dropFor(f, 'negative-population', `has a negative population (${t})`, 'Correct the population; it must be 0 or more.', 'population', t);
          continue;
        }
        Object.assign(props, { id: makeId(f), name: get(f, 'name'), population });
        break;
      }
      case 'offices': {
        const dep = department(f);
        if (!dep) {
          missingValue(f, 'department', 'department');
          continue;
        }
        const rawDate = get(f, 'lease_expiry');
        let lease = '';
        if (rawDate) {
          lease = parseDate(rawDate) ?? '';
          if (!lease) {
            warnings.push(
              issue(
                'invalid-date',
                'warning',
                `${featureLabel(f)} has a lease expiry that is not a date: “${quoteValue(rawDate)}”; it is treated as unknown.`,
                'Write dates as YYYY-MM-DD, e.g. 2027-03-31.',
                where(f, 'lease_expiry'),
                rawDate,
              ),
            );
          }
        }
        const services = get(f, 'services')
          .split(/[;,|]/)
          .map((s) => s.trim())
          .filter(Boolean)
          .join(';');
        Object.assign(props, { id: makeId(f), department: dep, name: get(f, 'name'), services, lease_expiry: lease });
        const address = get(f, 'address');
        if (address) props.address = address;
        break;
      }
      case 'thusong':
        Object.assign(props, { id: makeId(f), name: get(f, 'name') });
        break;
      case 'roads': {
        const cls = get(f, 'class');
        if (!cls) {
          missingValue(f, 'class', 'road class');
          continue;
        }
        const rawSpeed = get(f, 'speed_kmh');
        const oneway = parseOneway(get(f, 'oneway'));
        props.class = cls;
        // canonical values replace any original columns of the same names; a column is deleted only
        // when no canonical value takes its place (delete turns an object into a slower, bigger dictionary)
        let speed: number | undefined;
        if (rawSpeed) {
          speed = parseSpeed(rawSpeed);
          if (speed === undefined || !(speed > 0)) {
            speed = undefined;
            if (!/^(none|signals|variable|walk|unknown)$/i.test(rawSpeed)) {
              warnings.push(
                issue('invalid-value', 'warning', `${featureLabel(f)} has a speed that is not a number of km/h: “${quoteValue(rawSpeed)}”; the road class's speed is used.`, 'Write speeds as e.g. 60, "60 km/h" or "40 mph".', where(f, 'speed_kmh'), rawSpeed),
              );
            }
          }
        }
        if (speed !== undefined) props.speed_kmh = speed;
        else if ('speed_kmh' in props) delete props.speed_kmh;
        if (oneway === -1) reverseLine(f);
        if (oneway === -1 || oneway === 1) props.oneway = true;
        else if (oneway === 0 && fieldMap.oneway) props.oneway = false;
        else if ('oneway' in props) delete props.oneway;
        break;
      }
    }
    out.push({ type: 'Feature', geometry: f.geometry!, properties: props });
  }

  for (const [value, { first, count }] of unknownDepartments) {
    warnings.push(
      issue(
        'unknown-department',
        'warning',
        `The department “${quoteValue(value)}” (${count} feature${count === 1 ? '' : 's'}, first: ${featureLabel(first)}) is not in the catalogue; it is kept under that name.`,
        `Use one of ${catalogue.departments.map((d) => d.code).join(', ')}, or add the department to the catalogue.`,
        where(first, 'department'),
        value,
      ),
    );
  }
  return { features: out, dropped, warnings };
}

/** OSM oneway=-1: the road runs against its drawing direction; reversing it makes oneway=yes true. */
function reverseLine(f: SourceFeature) {
  const g = f.geometry as LineString | MultiLineString;
  if (g.type === 'LineString') g.coordinates.reverse();
  else if (g.type === 'MultiLineString') for (const part of g.coordinates) part.reverse();
}
