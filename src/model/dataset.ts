import type { FeatureCollection } from 'geojson';
import { LAYER_KINDS, type Dataset, type LayerKind, type LoadedFile } from './layers';
import type { Extent } from './units';

const layerCache = new WeakMap<LoadedFile[], Partial<Record<LayerKind, FeatureCollection>>>();

/** On a layer made of several files: their collections, in order (the map composes their text). */
const CONCATENATES: unique symbol = Symbol('concatenates');

/** The files' collections a layer collection was made of, in order; undefined for a single collection. */
export const layerParts = (fc: object): FeatureCollection[] | undefined => (fc as { [CONCATENATES]?: FeatureCollection[] })[CONCATENATES];

/**
 * The layer of a kind is every file assigned to it, concatenated. Derived, and memoised on the
 * identity of the files array so repeated reads are free.
 */

export function layerCollection(dataset: Dataset, kind: LayerKind): FeatureCollection | undefined {
  let cached = layerCache.get(dataset.files);
  if (!cached) layerCache.set(dataset.files, (cached = {}));
  if (kind in cached) return cached[kind];
  const files = dataset.files.filter((f) => f.kind === kind);
  let result: FeatureCollection | undefined;
  if (files.length === 1) result = files[0].collection;
  else if (files.length > 1) {
    result = { type: 'FeatureCollection' as const, features: files.flatMap((f) => f.collection.features) };
    Object.defineProperty(result, CONCATENATES, { value: files.map((f) => f.collection) });
  }
  cached[kind] = result;
  return result;
}

export function datasetLayers(dataset: Dataset): Partial<Record<LayerKind, FeatureCollection>> {
  const out: Partial<Record<LayerKind, FeatureCollection>> = {};
  for (const k of LAYER_KINDS) {
    const c = layerCollection(dataset, k);
    if (c) out[k] = c;
  }
  return out;
}

export function unionExtent(extents: Extent[]): Extent | undefined {
  if (!extents.length) return undefined;
  return extents.reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
}

/** Adds a file, replacing an earlier file of the same name (a user reloading a corrected file). */
export function withFile(dataset: Dataset, file: LoadedFile): Dataset {
  const i = dataset.files.findIndex((f) => f.fileName === file.fileName);
  const files = i < 0 ? [...dataset.files, file] : dataset.files.map((f, j) => (j === i ? file : f));
  return { files };
}

export function withoutFile(dataset: Dataset, id: string): Dataset {
  return { files: dataset.files.filter((f) => f.id !== id) };
}
