/**
 * Reading layers from disk for the command line. `loadLayer` goes through the app's loader (full
 * validation, reprojection, canonical fields: the same data the browser would see);
 * `readGeoJsonLayer` is a bare JSON.parse kept for commands that want raw GeoJSON quickly.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { loadFile } from '../io/load-file';
import { describeLocation, type InputIssue } from '../model/errors';
import { LAYER_LABELS, type LayerKind } from '../model/layers';

/**
 * A path as the user typed it. `npm run` starts scripts in the package root, and says where the
 * user was in INIT_CWD; relative paths are resolved from there, as the user expects.
 */
export function resolveUserPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

export class LayerReadError extends Error {
  override readonly name = 'LayerReadError';
}

export function readGeoJsonLayer(path: string, what: string): FeatureCollection {
  let text: string;
  try {
    text = readFileSync(resolveUserPath(path), 'utf8');
  } catch (e) {
    throw new LayerReadError(`Cannot read the ${what} file “${path}”: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new LayerReadError(`The ${what} file “${path}” is not valid JSON (${(e as Error).message}).`);
  }
  const fc = json as FeatureCollection;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new LayerReadError(`The ${what} file “${path}” is not a GeoJSON FeatureCollection.`);
  }
  return fc;
}

/**
 * Reads a layer through the app's own loader (src/io/load-file): format detection, validation,
 * reprojection and canonical field names, exactly as in the browser. Bad data becomes a
 * LayerReadError listing the first problems, where they are and how to fix them.
 */
export async function loadLayer(path: string, kind: LayerKind, warnings: InputIssue[] = []): Promise<FeatureCollection> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(resolveUserPath(path));
  } catch (e) {
    throw new LayerReadError(`Cannot read the ${kind} file “${path}”: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
  // batch runs read province-wide files: allow more than the browser's default size limit
  const res = await loadFile(bytes, { fileName: basename(path), kindHint: kind, maxBytes: 2 ** 31 - 1 });
  if (!res.ok) {
    const listed = res.errors.slice(0, 10).map((i) => `  ${describeLocation(i.where)}: ${i.message} ${i.fix}`).join('\n');
    const more = res.errors.length > 10 ? `\n  … and ${res.errors.length - 10} more` : '';
    throw new LayerReadError(`The ${kind} file “${path}” (${LAYER_LABELS[kind]}) could not be loaded:\n${listed}${more}`);
  }
  warnings.push(...res.file.warnings);
  return res.file.collection;
}
