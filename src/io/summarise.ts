import type { FeatureCollection } from 'geojson';
import type { InputErrorCode } from '../model/errors';
import { LAYER_KINDS, type Dataset, type LayerKind, type LoadedFile } from '../model/layers';
import type { Extent } from '../model/units';
import { geometryBounds } from './geometry-positions';
import { isDroppedFeatureIssue } from './input-issues';

/** [minLon, minLat, maxLon, maxLat] of all features; [0, 0, 0, 0] for an empty collection. */
export function collectionExtent(fc: FeatureCollection): Extent {
  let e: Extent | undefined;
  for (const f of fc.features) {
    const b = f.geometry && geometryBounds(f.geometry);
    if (!b) continue;
    e = e ? [Math.min(e[0], b[0]), Math.min(e[1], b[1]), Math.max(e[2], b[2]), Math.max(e[3], b[3])] : b;
  }
  return e ?? [0, 0, 0, 0];
}

export interface FileSummary {
  id: string;
  fileName: string;
  kind: LayerKind;
  features: number;
  /** features left out, each with its reason among the warnings */
  dropped: number;
  extent: Extent;
  fields: string[];
  warnings: number;
  warningsByCode: Partial<Record<InputErrorCode, number>>;
  sourceCrs: string;
  bytes: number;
}

export interface LayerSummary {
  kind: LayerKind;
  files: number;
  features: number;
  dropped: number;
  warnings: number;
  /** undefined when the layer has no files */
  extent?: Extent;
  fields: string[];
}

export function summariseFile(file: LoadedFile): FileSummary {
  const warningsByCode: Partial<Record<InputErrorCode, number>> = {};
  for (const w of file.warnings) warningsByCode[w.code] = (warningsByCode[w.code] ?? 0) + 1;
  return {
    id: file.id,
    fileName: file.fileName,
    kind: file.kind,
    features: file.collection.features.length,
    dropped: file.warnings.filter(isDroppedFeatureIssue).length,
    extent: file.extent,
    fields: file.fields,
    warnings: file.warnings.length,
    warningsByCode,
    sourceCrs: file.sourceCrs,
    bytes: file.bytes,
  };
}

/** Per file and per layer totals, for the dataset summary. */
export function summariseDataset(dataset: Dataset): { files: FileSummary[]; layers: Record<LayerKind, LayerSummary> } {
  const files = dataset.files.map(summariseFile);
  const layers = Object.fromEntries(
    LAYER_KINDS.map((kind) => {
      const of = files.filter((f) => f.kind === kind);
      const extents = of.filter((f) => f.features > 0).map((f) => f.extent);
      const layer: LayerSummary = {
        kind,
        files: of.length,
        features: of.reduce((n, f) => n + f.features, 0),
        dropped: of.reduce((n, f) => n + f.dropped, 0),
        warnings: of.reduce((n, f) => n + f.warnings, 0),
        fields: [...new Set(of.flatMap((f) => f.fields))],
      };
      if (extents.length) {
        layer.extent = extents.reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
      }
      return [kind, layer];
    }),
  ) as Record<LayerKind, LayerSummary>;
  return { files, layers };
}
