import type { InputErrorCode, InputIssue, InputIssueLocation } from '../model/errors';

/** Builds an issue; loaders collect these rather than throwing, so one bad feature never hides the rest. */
export function issue(
  code: InputErrorCode,
  severity: InputIssue['severity'],
  message: string,
  fix: string,
  where: InputIssueLocation,
  value?: unknown,
): InputIssue {
  const out: InputIssue = { code, severity, message, fix, where };
  if (value !== undefined) out.value = quoteValue(value);
  return out;
}

/**
 * Codes that mean "this feature was left out". Each dropped feature carries exactly one of them (the
 * first fatal problem found), so `loaded + dropped = features in the file` always holds.
 */
export const FEATURE_DROPPING_CODES: ReadonlySet<InputErrorCode> = new Set<InputErrorCode>([
  'missing-geometry-type',
  'unsupported-geometry',
  'empty-geometry',
  'invalid-coordinate',
  'out-of-range-coordinate',
  'swapped-coordinates',
  'wrong-geometry-for-layer',
  'too-few-points',
  'missing-value',
  'missing-population',
  'negative-population',
  'invalid-value',
]);

/** True when an issue reports a single feature that was left out of the loaded file. */
export function isDroppedFeatureIssue(i: InputIssue): boolean {
  return FEATURE_DROPPING_CODES.has(i.code) && (i.where.feature !== undefined || i.where.row !== undefined) && i.message.endsWith(LEFT_OUT);
}

/** Every message about a dropped feature ends with this sentence. */
export const LEFT_OUT = 'It was left out.';

/**
 * String(value) that cannot throw: parsed JSON may hold an object whose "toString" member is data
 * ({"toString": "n"}), and String() of that throws a TypeError.
 */
export function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    try {
      return JSON.stringify(value) ?? '';
    } catch {
      return Object.prototype.toString.call(value);
    }
  }
}

/** A value as it appears in a message: short, on one line. */
export function quoteValue(value: unknown): string {
  let s: string;
  if (typeof value === 'string') s = value;
  else if (value === undefined) s = 'undefined';
  else {
    try {
      s = JSON.stringify(value) ?? safeString(value);
    } catch {
      s = safeString(value);
    }
  }
  s = s.replace(/\s+/g, ' ');
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

/** Formats a number for a message without a long tail of digits. */
export function fmtNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 1000) return String(Math.round(n * 10) / 10);
  return String(Math.round(n * 1e6) / 1e6);
}
