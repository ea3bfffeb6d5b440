/**
 * Reads a GeoJSON layer from disk for the command line. A plain JSON.parse for now: it checks only
 * that the file is a FeatureCollection. (The app's loader in src/io does full validation and
 * reprojection; the CLI should switch to it once it lands.)
 */
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';

export class LayerReadError extends Error {
  override readonly name = 'LayerReadError';
}

export function readGeoJsonLayer(path: string, what: string): FeatureCollection {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
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
