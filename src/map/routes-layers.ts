/**
 * Mobile Thusong routes on the map: each team's day routes as lines and its stops as circles in the
 * team's colour, team bases as rings, target settlements the verifier found unreached as hollow red
 * circles, and the selected day on top — a wider line with a white casing, and its stops as small
 * circles graded light (first) to dark (last) in visiting order. The order number itself is in the
 * circles' popup and the run-sheet: the offline style has no glyphs, so no text layers.
 *
 * Source `routes` holds the plan's features (`kind` route | stop | base, `team` index; see
 * routesFeatureCollection in src/io/exporters/routes.ts); `routes-selected` the selected day
 * (`kind` route | order, `position` 0 … 1 along the day); `routes-unreached` the unreached points.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { layerMeta, type MapSpec } from './slots';

/**
 * Okabe & Ito's colour-blind-safe categorical palette (2008) without its black (kept for the
 * selection and Thusong symbols), ordered so the first teams differ most from each other and from
 * the map's orange roads; the yellow, weak on a light map, comes last. More teams than colours
 * reuse them in order.
 */
export const TEAM_PALETTE = ['#0072B2', '#CC79A7', '#009E73', '#D55E00', '#56B4E9', '#E69F00', '#F0E442'] as const;
export const UNASSIGNED_COLOUR = '#8c8c8c';
export const UNREACHED_COLOUR = '#c2185b';
/** the selected day's stops: first to last */
export const ORDER_RAMP = ['#ffffff', '#1d2330'] as const;

export function teamColour(team: number): string {
  return team >= 0 ? TEAM_PALETTE[team % TEAM_PALETTE.length] : UNASSIGNED_COLOUR;
}

/** `team` (an index, −1 = none) → its colour, for `teamCount` teams. */
export function teamColourExpression(teamCount: number): ExpressionSpecification {
  const n = Math.max(0, Math.floor(teamCount));
  if (n === 0) return ['to-color', UNASSIGNED_COLOUR];
  const pairs = Array.from({ length: n }, (_, t) => [t, teamColour(t)]).flat();
  return ['match', ['to-number', ['get', 'team'], -1], ...pairs, UNASSIGNED_COLOUR] as unknown as ExpressionSpecification;
}

const kindIs = (kind: string): FilterSpecification => ['==', ['get', 'kind'], kind];

export interface RoutesMapInput {
  /** the plan's routes, stops and bases */
  plan: FeatureCollection;
  teamCount: number;
  /** the selected day's route and order points, if a day is selected */
  selected?: FeatureCollection;
  unreached?: FeatureCollection;
}

export function routesLayers(input: RoutesMapInput): MapSpec {
  const colour = teamColourExpression(input.teamCount);
  const hasSelection = !!input.selected?.features.length;
  const spec: MapSpec = { sources: { routes: { type: 'geojson', data: input.plan } }, layers: [] };
  const layers: LayerSpecification[] = [
    {
      id: 'routes-line',
      type: 'line',
      source: 'routes',
      filter: kindIs('route'),
      metadata: layerMeta('roads', 'team route'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      // with a day selected, the other routes step back
      paint: { 'line-color': colour, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1.2, 11, 2.5], 'line-opacity': hasSelection ? 0.25 : 0.8 },
    },
    {
      id: 'routes-stop',
      type: 'circle',
      source: 'routes',
      filter: kindIs('stop'),
      metadata: layerMeta('settlements', 'route stop'),
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 3.5, 11, 6],
        'circle-color': colour,
        // a stop visited fewer times than it needs gets a thick dark ring
        'circle-stroke-color': ['case', ['<', ['to-number', ['get', 'visits_planned'], 0], ['to-number', ['get', 'visits_needed'], 0]], UNREACHED_COLOUR, '#ffffff'],
        'circle-stroke-width': ['case', ['<', ['to-number', ['get', 'visits_planned'], 0], ['to-number', ['get', 'visits_needed'], 0]], 2.5, 1],
        'circle-opacity': hasSelection ? 0.6 : 1,
        'circle-stroke-opacity': hasSelection ? 0.6 : 1,
      },
    },
    {
      id: 'routes-base',
      type: 'circle',
      source: 'routes',
      filter: kindIs('base'),
      metadata: layerMeta('thusong', 'team base'),
      // a ring around the base, so a Thusong centre's own symbol shows inside it
      paint: { 'circle-radius': 10, 'circle-color': 'rgba(255,255,255,0)', 'circle-stroke-color': colour, 'circle-stroke-width': 3.5 },
    },
  ];
  if (input.unreached?.features.length) {
    spec.sources['routes-unreached'] = { type: 'geojson', data: input.unreached };
    layers.push({
      id: 'routes-unreached',
      type: 'circle',
      source: 'routes-unreached',
      metadata: layerMeta('settlements', 'unreached settlement'),
      paint: { 'circle-radius': 5, 'circle-color': 'rgba(255,255,255,0.4)', 'circle-stroke-color': UNREACHED_COLOUR, 'circle-stroke-width': 2 },
    });
  }
  if (hasSelection) {
    spec.sources['routes-selected'] = { type: 'geojson', data: input.selected! };
    layers.push(
      {
        id: 'routes-selected-casing',
        type: 'line',
        source: 'routes-selected',
        filter: kindIs('route'),
        metadata: layerMeta('highlight', 'selected route', false),
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': '#ffffff', 'line-width': 8 },
      },
      {
        id: 'routes-selected-line',
        type: 'line',
        source: 'routes-selected',
        filter: kindIs('route'),
        metadata: layerMeta('highlight', 'selected route'),
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': colour, 'line-width': 4.5 },
      },
      {
        id: 'routes-selected-order',
        type: 'circle',
        source: 'routes-selected',
        filter: kindIs('order'),
        metadata: layerMeta('highlight', 'stop in order'),
        paint: {
          'circle-radius': 6,
          'circle-color': ['interpolate', ['linear'], ['to-number', ['get', 'position'], 0], 0, ORDER_RAMP[0], 1, ORDER_RAMP[1]],
          'circle-stroke-color': colour,
          'circle-stroke-width': 2.5,
        },
      },
    );
  }
  spec.layers = layers;
  return spec;
}
