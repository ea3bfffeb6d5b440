/**
 * A scenario as one portable file: JSON in which typed arrays keep their type and bytes (base64)
 * and non-finite numbers survive (JSON has no Infinity or NaN). Pure; tested in Node.
 */

const TYPED = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
} as const;
type TypedName = keyof typeof TYPED;

export const SCENARIO_FILE_FORMAT = 'thusong-planner-scenario';
export const SCENARIO_FILE_VERSION = 1;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) s += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function encodeValue(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : { $num: String(v) };
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const name = v.constructor.name as TypedName;
    if (!(name in TYPED)) throw new Error(`Cannot save a ${name}.`);
    return { $typed: name, base64: toBase64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
  }
  if (Array.isArray(v)) return v.map(encodeValue);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined && typeof x !== 'function') out[k] = encodeValue(x);
    return out;
  }
  return v;
}

function decodeValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decodeValue);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.$num === 'string' && Object.keys(o).length === 1) return Number(o.$num);
    if (typeof o.$typed === 'string' && typeof o.base64 === 'string') {
      const Ctor = TYPED[o.$typed as TypedName];
      if (!Ctor) throw new Error(`Unknown array type ${o.$typed}.`);
      const bytes = fromBase64(o.base64);
      return new Ctor(bytes.buffer as ArrayBuffer, 0, bytes.byteLength / Ctor.BYTES_PER_ELEMENT);
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = decodeValue(x);
    return out;
  }
  return v;
}

export interface ScenarioFile<S> {
  name: string;
  savedAt: string;
  state: S;
}

export function encodeScenario<S>(file: ScenarioFile<S>): string {
  return JSON.stringify({ format: SCENARIO_FILE_FORMAT, version: SCENARIO_FILE_VERSION, ...(encodeValue(file) as object) });
}

/** Reads a scenario file; throws an Error with a user-facing message when it is not one. */
export function decodeScenario<S>(text: string): ScenarioFile<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('This is not a Thusong Planner scenario file: it is not valid JSON.');
  }
  const o = raw as Record<string, unknown>;
  if (!o || o.format !== SCENARIO_FILE_FORMAT) throw new Error('This is not a Thusong Planner scenario file (no "format": "thusong-planner-scenario").');
  if (typeof o.version !== 'number' || o.version > SCENARIO_FILE_VERSION) throw new Error(`This scenario file was written by a newer Thusong Planner (version ${String(o.version)}); update the app to open it.`);
  const decoded = decodeValue(o) as ScenarioFile<S>;
  if (typeof decoded.name !== 'string' || !decoded.state || typeof decoded.state !== 'object') throw new Error('The scenario file has no name or no state.');
  return { name: decoded.name, savedAt: String(decoded.savedAt ?? ''), state: decoded.state };
}
