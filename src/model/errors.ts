/**
 * The two named error types. `InputError` is bad data from a user: it says what is wrong, where,
 * and how to fix it. `AbortError` is a cancelled job. Anything else is a bug and is shown as one.
 */

export type InputErrorCode =
  | 'empty-file'
  | 'file-too-large'
  | 'unknown-format'
  | 'malformed-json'
  | 'not-geojson'
  | 'missing-geometry-type'
  | 'unsupported-geometry'
  | 'wrong-geometry-for-layer'
  | 'empty-geometry'
  | 'invalid-coordinate'
  | 'out-of-range-coordinate'
  | 'swapped-coordinates'
  | 'projected-coordinates'
  | 'unknown-crs'
  | 'unclosed-ring'
  | 'self-intersecting-ring'
  | 'too-few-points'
  | 'missing-column'
  | 'duplicate-column'
  | 'unknown-column'
  | 'missing-value'
  | 'invalid-value'
  | 'negative-population'
  | 'missing-population'
  | 'duplicate-id'
  | 'invalid-date'
  | 'unknown-department'
  | 'shapefile-missing-part'
  | 'shapefile-invalid'
  | 'outside-south-africa'
  | 'no-features'
  | 'unknown-layer'
  | 'missing-header'
  | 'malformed-csv'
  | 'assumed-department'
  /** the file could not be read (changed, moved or deleted since it was chosen) */
  | 'unreadable-file';

export interface InputIssueLocation {
  file: string;
  /** 1-based data row of a CSV (header excluded) */
  row?: number;
  /** 0-based index of a feature in its collection */
  feature?: number;
  property?: string;
}

/** A problem found in user input. Fatal ones stop a file loading; the rest are warnings. */
export interface InputIssue {
  code: InputErrorCode;
  severity: 'error' | 'warning';
  /** one sentence: what is wrong, quoting the offending value */
  message: string;
  /** one sentence: how to fix it */
  fix: string;
  where: InputIssueLocation;
  value?: string;
}

export class InputError extends Error {
  override readonly name = 'InputError';
  readonly code: InputErrorCode;
  readonly where: InputIssueLocation;
  readonly fix: string;
  readonly value?: string;
  constructor(issue: Omit<InputIssue, 'severity'>) {
    super(issue.message);
    this.code = issue.code;
    this.where = issue.where;
    this.fix = issue.fix;
    this.value = issue.value;
  }
  toIssue(): InputIssue {
    return { code: this.code, severity: 'error', message: this.message, fix: this.fix, where: this.where, value: this.value };
  }
}

export class AbortError extends Error {
  override readonly name = 'AbortError';
  constructor(message = 'The job was cancelled.') {
    super(message);
  }
}

/** A cancelled or superseded job, including one whose AbortError crossed from a worker (a plain Error by then). */
export const isAbortError = (e: unknown): boolean => e instanceof AbortError || (e as Error | undefined)?.name === 'AbortError';

/** "roads.geojson, feature 12, property population" — the human form of a location. */
export function describeLocation(where: InputIssueLocation): string {
  const parts = [where.file];
  if (where.row !== undefined) parts.push(`row ${where.row}`);
  if (where.feature !== undefined) parts.push(`feature ${where.feature}`);
  if (where.property !== undefined) parts.push(`property “${where.property}”`);
  return parts.join(', ');
}

/** Errors cross the worker boundary as plain objects; this restores the named type. */
export function isInputIssue(x: unknown): x is InputIssue {
  return typeof x === 'object' && x !== null && 'code' in x && 'where' in x && 'message' in x;
}
