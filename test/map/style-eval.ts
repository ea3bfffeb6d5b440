/**
 * Evaluates our paint/layout expressions and filters with MapLibre's own style-spec engine, so the
 * tests check what the renderer will compute rather than the shape of the arrays.
 */
import { createPropertyExpression, featureFilter, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FilterSpecification, LayerSpecification, SourceSpecification, StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { baseStyle } from '../../src/map/style';

const GEOMETRY_TYPE: Record<string, 1 | 2 | 3> = { Point: 1, MultiPoint: 1, LineString: 2, MultiLineString: 2, Polygon: 3, MultiPolygon: 3 };

type Props = Record<string, unknown>;

export function evaluate(layer: LayerSpecification, group: 'paint' | 'layout', property: string, zoom: number, properties: Props = {}, geometry = 'Point'): unknown {
  const value = (layer as unknown as Record<string, Record<string, unknown> | undefined>)[group]?.[property];
  const spec = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)[`${group}_${layer.type}`][property];
  const parsed = createPropertyExpression(value, spec);
  if (parsed.result !== 'success') throw new Error(`${layer.id} ${property}: ${parsed.value.map((e) => e.message).join('; ')}`);
  const feature = { type: GEOMETRY_TYPE[geometry], properties, geometry: [] } as never;
  return parsed.value.evaluate({ zoom }, feature);
}

export function passes(filter: FilterSpecification | undefined, properties: Props, geometry = 'Point', zoom = 10): boolean {
  const f = featureFilter(filter);
  return f.filter({ zoom }, { type: GEOMETRY_TYPE[geometry], properties, geometry: [] } as never);
}

/** Validation messages for a full style made of the offline base and the given sources and layers. */
export function validationErrors(sources: Record<string, SourceSpecification>, layers: LayerSpecification[]): string[] {
  const base = baseStyle();
  const style = { ...base, sources: { ...base.sources, ...sources }, layers: [...base.layers, ...layers] };
  return validateStyleMin(style as never).map((e) => e.message);
}
