/**
 * Alignment on the map, for one department: municipalities shaded by how split they are, the
 * department's region outlines drawn over the municipal lines, and on demand the slivers, the
 * aligned proposal (dissolved aligned regions, municipalities that move) and each settlement's
 * change in travel time when catchments follow the aligned regions. No symbol layers: the offline
 * style has no glyphs.
 *
 * Layer ids (bottom to top):
 *   fills        alignment-split-fill
 *   lines        alignment-region-casing, alignment-region-line, alignment-moving-line,
 *                alignment-proposal-casing, alignment-proposal-line
 *   settlements  alignment-travel-circle
 *   highlight    alignment-sliver-fill, alignment-sliver-line
 */
import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { interpolateRdBu, interpolateYlOrBr } from 'd3';
import { layerMeta, type MapSpec } from './slots';
import { maxPopulation, settlementRadiusExpression } from './layer-specs';

/** How municipalities are shaded: share of people outside their main region, or regions serving them. */
export type SplitMeasure = 'share-outside' | 'regions';

/** Municipalities the department does not serve at all. */
export const NOT_SERVED_COLOUR = '#d9d9d9';
/** Region outlines: near-black over a white casing, so they read over any fill and over the grey municipal lines. */
export const REGION_LINE_COLOUR = '#1d2330';
/** Slivers: a saturated blue, far from the yellow–brown split ramp. */
export const SLIVER_COLOUR = '#2166ac';
/** The aligned proposal: purple, dashed. */
export const PROPOSAL_COLOUR = '#762a83';

/** Sequential, light (aligned) to dark (split): ordered in lightness, so it reads in greyscale and for colour-vision deficiencies. */
export function splitColour(shareOutside: number): string {
  return interpolateYlOrBr(0.08 + 0.84 * Math.max(0, Math.min(1, shareOutside / MAX_SHARE_SHADED)));
}
/** Shares above this get the darkest shade (half the people elsewhere is as split as it gets in practice). */
export const MAX_SHARE_SHADED = 0.5;

/** Classes for "regions serving": 1, 2, 3, 4 or more. */
export const REGION_COUNT_CLASSES = [1, 2, 3, 4] as const;
export function regionCountColour(n: number): string {
  const i = Math.max(0, Math.min(REGION_COUNT_CLASSES.length - 1, n - 1));
  return interpolateYlOrBr(0.08 + (0.84 * i) / (REGION_COUNT_CLASSES.length - 1));
}

export interface LegendEntry {
  label: string;
  colour: string;
  kind: 'fill' | 'line' | 'dashed' | 'circle';
}

export function splitLegend(measure: SplitMeasure): LegendEntry[] {
  const served: LegendEntry[] =
    measure === 'regions'
      ? REGION_COUNT_CLASSES.map((n, i) => ({ label: i === REGION_COUNT_CLASSES.length - 1 ? `${n} or more regions` : `${n} region${n > 1 ? 's' : ''}`, colour: regionCountColour(n), kind: 'fill' }))
      : [0, 0.1, 0.25, MAX_SHARE_SHADED].map((x, i, all) => ({
          label: i === 0 ? 'all in one region' : i === all.length - 1 ? `≥ ${Math.round(100 * x)}% elsewhere` : `${Math.round(100 * x)}% elsewhere`,
          colour: splitColour(x),
          kind: 'fill',
        }));
  return [...served, { label: 'not served by the department', colour: NOT_SERVED_COLOUR, kind: 'fill' }];
}

/** Travel-time change: blue better, red worse (a diverging scheme safe for the common colour-vision deficiencies). */
export function travelChangeColour(minutes: number): string {
  // −30 → 0.9 (blue), +30 → 0.1 (red)
  const x = Math.max(-30, Math.min(30, minutes));
  return interpolateRdBu(0.5 - (0.4 * x) / 30);
}

export function travelChangeLegend(): LegendEntry[] {
  return [
    { label: '30+ min sooner', colour: travelChangeColour(-30), kind: 'circle' },
    { label: 'about the same (±2 min)', colour: travelChangeColour(0), kind: 'circle' },
    { label: '30+ min later', colour: travelChangeColour(30), kind: 'circle' },
  ];
}

function splitFillColour(measure: SplitMeasure): ExpressionSpecification {
  const share: ExpressionSpecification = ['to-number', ['get', 'share_outside'], -1];
  if (measure === 'regions') {
    const n: ExpressionSpecification = ['to-number', ['get', 'regions_serving'], 0];
    return ['case', ['<', share, 0], NOT_SERVED_COLOUR, ['step', n, regionCountColour(1), 2, regionCountColour(2), 3, regionCountColour(3), 4, regionCountColour(4)]];
  }
  const stops: (number | string)[] = [];
  for (let i = 0; i <= 10; i++) {
    const x = (MAX_SHARE_SHADED * i) / 10;
    stops.push(x, splitColour(x));
  }
  return ['case', ['<', share, 0], NOT_SERVED_COLOUR, ['interpolate', ['linear'], share, ...stops]] as ExpressionSpecification;
}

export interface AlignmentMapInput {
  /** municipalities with regions_serving, share_outside (−1 not served), moves (see splitFeatures) */
  municipalities: FeatureCollection;
  /** every service region (with `department`); only the department's are drawn */
  regions: FeatureCollection;
  department: string;
  measure: SplitMeasure;
  /** the department's sliver polygons, when shown */
  slivers?: FeatureCollection;
  /** the department's dissolved aligned regions, when the proposal is shown */
  aligned?: FeatureCollection;
  /** outline the municipalities the proposal moves (needs `aligned` or stands alone) */
  showMoves?: boolean;
  /** settlement points with change_minutes and population, when shown */
  travelChange?: FeatureCollection;
}

export function alignmentLayers(input: AlignmentMapInput): MapSpec {
  const departmentOnly: FilterSpecification = ['==', ['to-string', ['get', 'department']], input.department];
  const spec: MapSpec = {
    sources: {
      'alignment-municipalities': { type: 'geojson', data: input.municipalities, generateId: true },
      'alignment-regions': { type: 'geojson', data: input.regions, generateId: true },
    },
    layers: [
      {
        id: 'alignment-split-fill',
        type: 'fill',
        source: 'alignment-municipalities',
        metadata: layerMeta('fills', 'alignment'),
        paint: { 'fill-color': splitFillColour(input.measure), 'fill-opacity': 0.78 },
      },
      {
        id: 'alignment-region-casing',
        type: 'line',
        source: 'alignment-regions',
        metadata: layerMeta('lines', 'alignment-region', false),
        filter: departmentOnly,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': '#ffffff', 'line-width': 5.5, 'line-opacity': 0.9 },
      },
      {
        id: 'alignment-region-line',
        type: 'line',
        source: 'alignment-regions',
        metadata: layerMeta('lines', 'alignment-region', false),
        filter: departmentOnly,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': REGION_LINE_COLOUR, 'line-width': 2.5 },
      },
    ],
  };
  if (input.showMoves) {
    spec.layers.push({
      id: 'alignment-moving-line',
      type: 'line',
      source: 'alignment-municipalities',
      metadata: layerMeta('lines', 'alignment', false),
      filter: ['==', ['get', 'moves'], true],
      layout: { 'line-join': 'round' },
      // a band just inside the municipality's edge (rings are drawn clockwise on screen, so a
      // positive offset falls inside), distinct from the dashed aligned outline on the edge itself
      paint: { 'line-color': PROPOSAL_COLOUR, 'line-width': 4, 'line-offset': 3, 'line-opacity': 0.75 },
    });
  }
  if (input.aligned) {
    spec.sources['alignment-proposal'] = { type: 'geojson', data: input.aligned, generateId: true };
    spec.layers.push(
      {
        id: 'alignment-proposal-casing',
        type: 'line',
        source: 'alignment-proposal',
        metadata: layerMeta('lines', 'alignment-proposal', false),
        layout: { 'line-join': 'round' },
        paint: { 'line-color': '#ffffff', 'line-width': 6, 'line-opacity': 0.8 },
      },
      {
        id: 'alignment-proposal-line',
        type: 'line',
        source: 'alignment-proposal',
        metadata: layerMeta('lines', 'alignment-proposal', false),
        layout: { 'line-join': 'round' },
        paint: { 'line-color': PROPOSAL_COLOUR, 'line-width': 3.5, 'line-dasharray': [2, 1.5] },
      },
    );
  }
  if (input.travelChange) {
    const change: ExpressionSpecification = ['to-number', ['get', 'change_minutes'], 0];
    const stops: (number | string)[] = [];
    for (let x = -30; x <= 30; x += 5) stops.push(x, travelChangeColour(x));
    spec.sources['alignment-travel'] = { type: 'geojson', data: input.travelChange, generateId: true };
    spec.layers.push({
      id: 'alignment-travel-circle',
      type: 'circle',
      source: 'alignment-travel',
      metadata: layerMeta('settlements', 'travel-change'),
      // the biggest changes on top
      layout: { 'circle-sort-key': ['abs', change] },
      paint: {
        'circle-radius': settlementRadiusExpression(maxPopulation(input.travelChange)),
        'circle-color': ['interpolate', ['linear'], change, ...stops] as ExpressionSpecification,
        'circle-stroke-color': '#333333',
        'circle-stroke-width': 0.5,
      },
    });
  }
  if (input.slivers) {
    spec.sources['alignment-slivers'] = { type: 'geojson', data: input.slivers, generateId: true };
    spec.layers.push(
      {
        id: 'alignment-sliver-fill',
        type: 'fill',
        source: 'alignment-slivers',
        metadata: layerMeta('highlight', 'sliver'),
        paint: { 'fill-color': SLIVER_COLOUR, 'fill-opacity': 0.6 },
      },
      {
        // slivers are a few hundred metres wide: a wide outline keeps them visible at province zoom
        id: 'alignment-sliver-line',
        type: 'line',
        source: 'alignment-slivers',
        metadata: layerMeta('highlight', 'sliver', false),
        layout: { 'line-join': 'round' },
        paint: { 'line-color': SLIVER_COLOUR, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 3, 12, 1.5] },
      },
    );
  }
  return spec;
}
