/**
 * Thusong zones on the map: settlements coloured by coverage before and after (within T today,
 * newly within T, still beyond), each served settlement's line to its zone (the catchments),
 * proposed zones as large rings, fixed sites (existing Thusong centres forced in) as dark rings,
 * the best new centre per municipality, the points the user added, the audit's co-located sites,
 * and a relocating office with its best options. Circles and lines only: the offline style has
 * no glyphs, so names are in popups and the panel.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { layerMeta, type MapSpec } from './slots';
import { maxPopulation, settlementRadiusExpression } from './layer-specs';

export const ZONES_COLOURS = {
  /** within T today */
  before: '#3b528b',
  /** within T only with the proposed zones */
  new: '#fde725',
  /** beyond T even then */
  none: '#bdbdbd',
  zone: '#d95f02',
  fixed: '#1a1a1a',
  newCentre: '#7570b3',
  added: '#1b9e77',
  candidate: '#5f6368',
  office: '#000000',
  option: '#1b9e77',
  colocated: '#d95f02',
} as const;

export const COVERAGE_STATUS_LABELS = { before: 'within T today', new: 'newly within T', none: 'beyond T' } as const;

export function coverageStatusColour(): ExpressionSpecification {
  return ['match', ['get', 'status'], 'before', ZONES_COLOURS.before, 'new', ZONES_COLOURS.new, ZONES_COLOURS.none] as ExpressionSpecification;
}

export interface ZonesMapInput {
  /** settlements with `status` before | new | none and `population` */
  coverage?: FeatureCollection;
  /** settlement → zone lines */
  catchments?: FeatureCollection;
  /** proposed zones with `fixed` */
  zones?: FeatureCollection;
  /** every candidate place (small dots) */
  candidates?: FeatureCollection;
  newCentres?: FeatureCollection;
  added?: FeatureCollection;
  /** audit sites with `departments` (how many share the site) */
  colocated?: FeatureCollection;
  relocation?: { offices: FeatureCollection; options: FeatureCollection; lines: FeatureCollection };
}

/** A hollow ring: transparent fill, so what lies under it stays visible. */
function ring(id: string, source: string, kind: string, colour: string, radius: number | ExpressionSpecification, width: number, filter?: ExpressionSpecification): LayerSpecification[] {
  const halo: LayerSpecification = {
    id: `${id}-halo`,
    type: 'circle',
    source,
    metadata: layerMeta('highlight', kind, false),
    paint: { 'circle-radius': radius, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': width + 3, 'circle-stroke-opacity': 0.9 },
  };
  const main: LayerSpecification = {
    id,
    type: 'circle',
    source,
    metadata: layerMeta('highlight', kind),
    paint: { 'circle-radius': radius, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': colour, 'circle-stroke-width': width },
  };
  if (filter) {
    halo.filter = filter;
    main.filter = filter;
  }
  return [halo, main];
}

export function zonesLayers(input: ZonesMapInput): MapSpec {
  const spec: MapSpec = { sources: {}, layers: [] };
  const add = (id: string, data: FeatureCollection | undefined, layers: () => LayerSpecification[]) => {
    if (!data) return;
    spec.sources[id] = { type: 'geojson', data };
    spec.layers.push(...layers());
  };
  add('zones-catchments', input.catchments, () => [
    { id: 'zones-catchment-line', type: 'line', source: 'zones-catchments', metadata: layerMeta('roads', 'catchment', false), paint: { 'line-color': ZONES_COLOURS.zone, 'line-width': 0.8, 'line-opacity': 0.45 } },
  ]);
  add('zones-coverage', input.coverage, () => [
    {
      id: 'zones-coverage-circle',
      type: 'circle',
      source: 'zones-coverage',
      metadata: layerMeta('settlements', 'zones coverage'),
      layout: { 'circle-sort-key': ['-', 0, ['to-number', ['get', 'population'], 0]] },
      paint: {
        'circle-radius': settlementRadiusExpression(maxPopulation(input.coverage)),
        'circle-color': coverageStatusColour(),
        'circle-opacity': 0.9,
        'circle-stroke-color': '#222222',
        'circle-stroke-width': 0.6,
      },
    },
  ]);
  add('zones-candidates', input.candidates, () => [
    { id: 'zones-candidate-dot', type: 'circle', source: 'zones-candidates', metadata: layerMeta('offices', 'candidate place'), paint: { 'circle-radius': 2.5, 'circle-color': ZONES_COLOURS.candidate, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 0.8 } },
  ]);
  add('zones-colocated', input.colocated, () => ring('zones-colocated-ring', 'zones-colocated', 'co-located site', ZONES_COLOURS.colocated, ['+', 6, ['*', 3, ['to-number', ['get', 'departments'], 1]]], 2.5));
  add('zones-new-centres', input.newCentres, () => ring('zones-new-centre-ring', 'zones-new-centres', 'new centre', ZONES_COLOURS.newCentre, 15, 3.5));
  add('zones-zones', input.zones, () => [
    ...ring('zones-fixed-ring', 'zones-zones', 'fixed site', ZONES_COLOURS.fixed, 13, 3, ['==', ['get', 'fixed'], true]),
    ...ring('zones-zone-ring', 'zones-zones', 'proposed zone', ZONES_COLOURS.zone, 15, 4, ['!=', ['get', 'fixed'], true]),
  ]);
  add('zones-added', input.added, () => [
    { id: 'zones-added-point', type: 'circle', source: 'zones-added', metadata: layerMeta('highlight', 'added candidate'), paint: { 'circle-radius': 6, 'circle-color': ZONES_COLOURS.added, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } },
  ]);
  if (input.relocation) {
    const r = input.relocation;
    add('zones-relocation-lines', r.lines, () => [
      {
        id: 'zones-relocation-line',
        type: 'line',
        source: 'zones-relocation-lines',
        metadata: layerMeta('highlight', 'relocation', false),
        paint: { 'line-color': ZONES_COLOURS.office, 'line-width': ['match', ['get', 'rank'], 1, 2.5, 1.2], 'line-dasharray': [2, 1.5], 'line-opacity': 0.8 },
      },
    ]);
    add('zones-relocation-options', r.options, () =>
      ring('zones-relocation-option', 'zones-relocation-options', 'relocation option', ZONES_COLOURS.option, ['match', ['get', 'rank'], 1, 12, 9], 3),
    );
    add('zones-relocation-offices', r.offices, () => [
      { id: 'zones-relocation-office', type: 'circle', source: 'zones-relocation-offices', metadata: layerMeta('highlight', 'relocating office'), paint: { 'circle-radius': 7, 'circle-color': ZONES_COLOURS.office, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } },
    ]);
  }
  return spec;
}
