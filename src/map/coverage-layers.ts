/**
 * Coverage on the map: settlements coloured by travel time in classes cut at the user's thresholds,
 * and optionally each settlement's line to its nearest office (the office catchments).
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { interpolateViridis } from 'd3';
import { layerMeta, type MapSpec } from './slots';
import { maxPopulation, settlementRadiusExpression } from './layer-specs';

export const UNREACHABLE_COLOUR = '#8c8c8c';

/**
 * One colour per class: ≤ t0, ≤ t1, …, > t_last. Viridis, light (near) to dark (far): ordered in
 * lightness, so it reads in greyscale and for the common colour-vision deficiencies.
 */
export function coverageClassColours(thresholds: readonly number[]): string[] {
  const n = thresholds.length + 1;
  return Array.from({ length: n }, (_, i) => interpolateViridis(n === 1 ? 0.5 : 0.95 - (0.9 * i) / (n - 1)));
}

export function coverageClassLabels(thresholds: readonly number[]): string[] {
  if (!thresholds.length) return ['any time'];
  return [...thresholds.map((t, i) => (i === 0 ? `≤ ${t} min` : `${thresholds[i - 1]}–${t} min`)), `> ${thresholds[thresholds.length - 1]} min`];
}

/** `minutes` < 0 (or missing) means unreachable. */
export function coverageColourExpression(thresholds: readonly number[]): ExpressionSpecification {
  const colours = coverageClassColours(thresholds);
  const minutes: ExpressionSpecification = ['to-number', ['get', 'minutes'], -1];
  // 'step' puts a value equal to a stop in the upper class; thresholds are inclusive (≤ t), so
  // step at the next representable value above each threshold
  const stops = thresholds.flatMap((t, i) => [t + 1e-6, colours[i + 1]]);
  return ['case', ['<', minutes, 0], UNREACHABLE_COLOUR, ['step', minutes, colours[0], ...stops]] as ExpressionSpecification;
}

export interface CoverageMapInput {
  /** settlement points with `minutes` (−1 = unreachable) and `population` */
  points: FeatureCollection;
  thresholds: readonly number[];
  /** lines from each settlement to its nearest office, with `department` */
  catchments?: FeatureCollection;
  catchmentColour?: string;
}

export function coverageLayers(input: CoverageMapInput): MapSpec {
  const spec: MapSpec = {
    sources: { coverage: { type: 'geojson', data: input.points } },
    layers: [
      {
        id: 'coverage-circle',
        type: 'circle',
        source: 'coverage',
        metadata: layerMeta('settlements', 'coverage'),
        layout: { 'circle-sort-key': ['-', 0, ['to-number', ['get', 'population'], 0]] },
        paint: {
          'circle-radius': settlementRadiusExpression(maxPopulation(input.points)),
          'circle-color': coverageColourExpression(input.thresholds),
          'circle-opacity': 0.9,
          'circle-stroke-color': '#222222',
          'circle-stroke-width': 0.6,
        },
      },
    ],
  };
  if (input.catchments) {
    spec.sources['coverage-catchments'] = { type: 'geojson', data: input.catchments };
    spec.layers.unshift({
      id: 'coverage-catchment-line',
      type: 'line',
      source: 'coverage-catchments',
      metadata: layerMeta('settlements', 'catchment', false),
      paint: { 'line-color': input.catchmentColour ?? '#333333', 'line-width': 0.8, 'line-opacity': 0.55 },
    });
  }
  return spec;
}
