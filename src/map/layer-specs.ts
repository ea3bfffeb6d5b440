/**
 * The province's map layers as data: pure functions from feature collections and view options to
 * MapLibre sources and layers. Nothing here touches MapLibre's runtime or the DOM, so a unit test
 * can check every id, filter and expression, and the style-spec validator can check every layer.
 *
 * Layer ids (bottom to top, see slots.ts):
 *   fills        municipalities-fill, regions-fill
 *   lines        municipalities-line, regions-line
 *   roads        roads-minor (minzoom MINOR_ROADS_MINZOOM), roads-major
 *   settlements  settlements-fill (polygon settlements), settlements-circle (point settlements)
 *   offices      offices-circle
 *   thusong      thusong-halo, thusong-core
 *   highlight    highlight-fill, highlight-line, highlight-circle
 * Each source has the id of its layer kind ('municipalities', 'offices', …; 'highlight').
 */
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { DEFAULT_CATALOGUE, type Catalogue } from '../model/catalogue';
import { LAYER_KINDS, type LayerKind } from '../model/layers';
import { composeSpecs, layerMeta, type MapSpec } from './slots';

/** Expressions built from lists are too dynamic for the style-spec tuple types; the validator test checks them. */
const expr = (x: unknown) => x as ExpressionSpecification;

/** The collections the map can draw, each optional. */
export type MapLayersInput = Partial<Record<LayerKind, FeatureCollection>>;

export interface MapViewOptions {
  /** a layer whose entry is false is hidden (layout visibility 'none'); a missing entry is shown */
  visibleLayers: Partial<Record<LayerKind, boolean>>;
  /** department codes whose offices are shown */
  departmentFilter: string[];
  /** department codes whose service regions are shown */
  regionDepartments: string[];
  /** colours and names of departments; DEFAULT_CATALOGUE when absent */
  catalogue?: Catalogue;
}

/** Department codes found in a collection's `department` property, in first-seen order. */
export function departmentsIn(collection: FeatureCollection | undefined): string[] {
  const seen = new Set<string>();
  for (const f of collection?.features ?? []) {
    const d = f.properties?.department;
    if (typeof d === 'string' && d !== '') seen.add(d);
  }
  return [...seen];
}

/** Every layer shown, every department's offices and regions shown. */
export function defaultMapViewOptions(input: MapLayersInput = {}, catalogue: Catalogue = DEFAULT_CATALOGUE): MapViewOptions {
  const all = (fc?: FeatureCollection) => [...new Set([...catalogue.departments.map((d) => d.code), ...departmentsIn(fc)])];
  return {
    visibleLayers: Object.fromEntries(LAYER_KINDS.map((k) => [k, true])) as Record<LayerKind, boolean>,
    departmentFilter: all(input.offices),
    regionDepartments: all(input.regions),
    catalogue,
  };
}

// ---------------------------------------------------------------------------------------------
// Expressions and filters shared by several layers

export const UNKNOWN_DEPARTMENT_COLOUR = '#777777';

/** Features whose `department` is one of `departments` (exactly these; an empty list shows none). */
export function departmentFilter(departments: ReadonlyArray<string>): FilterSpecification {
  return ['in', ['to-string', ['get', 'department']], ['literal', [...new Set(departments)]]];
}
/** Offices of the chosen departments. */
export const officeFilter = departmentFilter;
/** Service regions of the chosen departments. */
export const regionFilter = departmentFilter;

/**
 * Colour of a feature's `department`, from the catalogue; codes outside it get the same grey as
 * `departmentColour()` gives them.
 */
export function departmentColourExpression(catalogue: Catalogue = DEFAULT_CATALOGUE): DataDrivenPropertyValueSpecification<string> {
  const pairs: string[] = [];
  const seen = new Set<string>();
  for (const d of catalogue.departments) {
    if (seen.has(d.code)) continue;
    seen.add(d.code);
    pairs.push(d.code, d.colour);
  }
  if (!pairs.length) return UNKNOWN_DEPARTMENT_COLOUR;
  return expr(['match', ['to-string', ['get', 'department']], ...pairs, UNKNOWN_DEPARTMENT_COLOUR]);
}

const isArea: ExpressionSpecification = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const isPoint: ExpressionSpecification = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false];

function visibility(view: MapViewOptions, kind: LayerKind): 'visible' | 'none' {
  return view.visibleLayers[kind] === false ? 'none' : 'visible';
}

/** `generateId` numbers features, so a query can tell a feature split across tiles from two features. */
function geojson(data: FeatureCollection): GeoJSONSourceSpecification {
  return { type: 'geojson', data, generateId: true };
}

// ---------------------------------------------------------------------------------------------
// Municipalities

export function municipalityLayers(data: FeatureCollection, view: MapViewOptions): MapSpec {
  const layout = { visibility: visibility(view, 'municipalities') };
  return {
    sources: { municipalities: geojson(data) },
    layers: [
      {
        id: 'municipalities-fill',
        type: 'fill',
        source: 'municipalities',
        metadata: layerMeta('fills', 'municipalities'),
        layout,
        // Districts (category C) contain local municipalities: leave them unfilled so they don't veil them.
        paint: { 'fill-color': '#ffffff', 'fill-opacity': ['match', ['get', 'category'], 'C', 0, 0.45] },
      },
      {
        id: 'municipalities-line',
        type: 'line',
        source: 'municipalities',
        metadata: layerMeta('lines', 'municipalities', false),
        layout: { ...layout, 'line-join': 'round' },
        paint: {
          'line-color': '#4a4a4a',
          'line-width': ['match', ['get', 'category'], 'C', 2.4, 'A', 1.6, 1.0],
        },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Department service regions

export function regionLayers(data: FeatureCollection, view: MapViewOptions): MapSpec {
  const layout = { visibility: visibility(view, 'regions') };
  const colour = departmentColourExpression(view.catalogue);
  const filter = regionFilter(view.regionDepartments);
  return {
    sources: { regions: geojson(data) },
    layers: [
      {
        id: 'regions-fill',
        type: 'fill',
        source: 'regions',
        metadata: layerMeta('fills', 'regions'),
        filter,
        layout,
        paint: { 'fill-color': colour, 'fill-opacity': 0.12 },
      },
      {
        id: 'regions-line',
        type: 'line',
        source: 'regions',
        metadata: layerMeta('lines', 'regions', false),
        filter,
        layout: { ...layout, 'line-join': 'round' },
        // Dashed, so a region edge that runs along a municipal boundary stays readable.
        paint: { 'line-color': colour, 'line-width': 2, 'line-dasharray': [3, 2] },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Roads

export interface RoadStyle {
  key: string;
  label: string;
  /** OSM highway values drawn with this style */
  classes: string[];
  colour: string;
  /** line width in pixels at zoom 10 */
  widthPx: number;
  major: boolean;
}

/** Road classes, most important first; any other class is drawn as 'minor'. */
export const ROAD_STYLES: RoadStyle[] = [
  { key: 'motorway', label: 'Motorway', classes: ['motorway', 'motorway_link'], colour: '#7f3b08', widthPx: 3.2, major: true },
  { key: 'trunk', label: 'Trunk road', classes: ['trunk', 'trunk_link'], colour: '#b35806', widthPx: 2.8, major: true },
  { key: 'primary', label: 'Primary road', classes: ['primary', 'primary_link'], colour: '#e08214', widthPx: 2.2, major: true },
  { key: 'secondary', label: 'Secondary road', classes: ['secondary', 'secondary_link'], colour: '#666666', widthPx: 1.6, major: true },
  { key: 'tertiary', label: 'Tertiary road', classes: ['tertiary', 'tertiary_link'], colour: '#8a8a8a', widthPx: 1.2, major: true },
];
export const MINOR_ROAD_STYLE: RoadStyle = { key: 'minor', label: 'Minor road or track', classes: [], colour: '#aaaaaa', widthPx: 0.8, major: false };
/** Minor roads appear from this zoom on; below it they would only be noise. */
export const MINOR_ROADS_MINZOOM = 10;
export const MAJOR_ROAD_CLASSES: string[] = ROAD_STYLES.flatMap((s) => s.classes);

/** The style a road class is drawn with. */
export function roadStyleFor(roadClass: string): RoadStyle {
  return ROAD_STYLES.find((s) => s.classes.includes(roadClass)) ?? MINOR_ROAD_STYLE;
}

function byRoadClass<T extends string | number>(value: (s: RoadStyle) => T): ExpressionSpecification {
  const pairs: (string[] | T)[] = [];
  for (const s of ROAD_STYLES) pairs.push(s.classes, value(s));
  return expr(['match', ['to-string', ['get', 'class']], ...pairs, value(MINOR_ROAD_STYLE)]);
}

/** Width grows with zoom; each stop scales the per-class width. */
function roadWidth(): ExpressionSpecification {
  const at = (factor: number) => ['*', factor, byRoadClass((s) => s.widthPx)];
  return expr(['interpolate', ['exponential', 1.5], ['zoom'], 5, at(0.4), 10, at(1), 15, at(3)]);
}

export function roadLayers(data: FeatureCollection, view: MapViewOptions): MapSpec {
  const layout = { visibility: visibility(view, 'roads'), 'line-cap': 'round', 'line-join': 'round' } as const;
  const major: FilterSpecification = ['in', ['to-string', ['get', 'class']], ['literal', MAJOR_ROAD_CLASSES]];
  const paint = { 'line-color': byRoadClass((s) => s.colour), 'line-width': roadWidth() };
  return {
    sources: { roads: geojson(data) },
    layers: [
      {
        id: 'roads-minor',
        type: 'line',
        source: 'roads',
        metadata: layerMeta('roads', 'roads'),
        minzoom: MINOR_ROADS_MINZOOM,
        filter: ['!', major],
        layout,
        paint,
      },
      {
        id: 'roads-major',
        type: 'line',
        source: 'roads',
        metadata: layerMeta('roads', 'roads'),
        filter: major,
        layout,
        paint,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Settlements: graduated symbols, area proportional to population

/**
 * Circle radius at the reference zoom is `maxPx·√(population / maxPopulation)` (so circle AREA is
 * proportional to population), never below `minPx`; other zooms scale that by `zoomFactors`.
 */
export const SETTLEMENT_RADIUS = {
  minPx: 1.5,
  maxPx: 18,
  referenceZoom: 9,
  zoomFactors: [
    [5, 0.4],
    [9, 1],
    [13, 2],
  ] as ReadonlyArray<readonly [number, number]>,
};

/** The largest population in the collection (at least 1, so the scale is always defined). */
export function maxPopulation(data: FeatureCollection | undefined): number {
  let max = 1;
  for (const f of data?.features ?? []) {
    const p = Number(f.properties?.population);
    if (Number.isFinite(p) && p > max) max = p;
  }
  return max;
}

/** The radius the settlements-circle layer draws at the reference zoom (the legend uses it). */
export function settlementRadiusPx(population: number, maxPop: number): number {
  const p = Math.max(0, population);
  return Math.max(SETTLEMENT_RADIUS.minPx, SETTLEMENT_RADIUS.maxPx * Math.sqrt(p / Math.max(1, maxPop)));
}

export function settlementRadiusExpression(maxPop: number): ExpressionSpecification {
  const { minPx, maxPx, zoomFactors } = SETTLEMENT_RADIUS;
  const population = ['max', 0, ['to-number', ['get', 'population'], 0]];
  const atReference = ['max', minPx, ['interpolate', ['linear'], ['sqrt', population], 0, 0, Math.sqrt(Math.max(1, maxPop)), maxPx]];
  const stops = zoomFactors.flatMap(([zoom, factor]) => [zoom, ['*', factor, atReference]]);
  return expr(['interpolate', ['linear'], ['zoom'], ...stops]);
}

export const SETTLEMENT_COLOUR = '#5e3c99';

export function settlementLayers(data: FeatureCollection, view: MapViewOptions): MapSpec {
  const layout = { visibility: visibility(view, 'settlements') };
  return {
    sources: { settlements: geojson(data) },
    layers: [
      {
        id: 'settlements-fill',
        type: 'fill',
        source: 'settlements',
        metadata: layerMeta('settlements', 'settlements'),
        filter: isArea,
        layout,
        paint: { 'fill-color': SETTLEMENT_COLOUR, 'fill-opacity': 0.35, 'fill-outline-color': SETTLEMENT_COLOUR },
      },
      {
        id: 'settlements-circle',
        type: 'circle',
        source: 'settlements',
        metadata: layerMeta('settlements', 'settlements'),
        filter: isPoint,
        layout: { ...layout, 'circle-sort-key': ['-', 0, ['to-number', ['get', 'population'], 0]] },
        paint: {
          'circle-radius': settlementRadiusExpression(maxPopulation(data)),
          'circle-color': SETTLEMENT_COLOUR,
          'circle-opacity': 0.45,
          'circle-stroke-color': SETTLEMENT_COLOUR,
          'circle-stroke-width': 1,
        },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Department offices

export function officeLayers(data: FeatureCollection, view: MapViewOptions): MapSpec {
  return {
    sources: { offices: geojson(data) },
    layers: [
      {
        id: 'offices-circle',
        type: 'circle',
        source: 'offices',
        metadata: layerMeta('offices', 'offices'),
        filter: officeFilter(view.departmentFilter),
        layout: { visibility: visibility(view, 'offices') },
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 3.5, 10, 6, 14, 9],
          'circle-color': departmentColourExpression(view.catalogue),
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Thusong centres: a dark dot inside a white disc with a dark ring, unlike any office symbol

export const THUSONG_COLOUR = '#1a1a1a';

export function thusongLayers(data: FeatureCollection, view: MapViewOptions): MapSpec {
  const layout = { visibility: visibility(view, 'thusong') };
  return {
    sources: { thusong: geojson(data) },
    layers: [
      {
        id: 'thusong-halo',
        type: 'circle',
        source: 'thusong',
        metadata: layerMeta('thusong', 'thusong'),
        layout,
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 7, 10, 10, 14, 13],
          'circle-color': '#ffffff',
          'circle-stroke-color': THUSONG_COLOUR,
          'circle-stroke-width': 2.5,
        },
      },
      {
        id: 'thusong-core',
        type: 'circle',
        source: 'thusong',
        metadata: layerMeta('thusong', 'thusong'),
        layout,
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 2.5, 10, 3.5, 14, 5],
          'circle-color': THUSONG_COLOUR,
        },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Highlight: features a panel wants to point at (a selection, a proposed site)

export const HIGHLIGHT_COLOUR = '#000000';

export function highlightLayers(data: FeatureCollection): MapSpec {
  const meta = layerMeta('highlight', 'highlight', false);
  return {
    sources: { highlight: geojson(data) },
    layers: [
      { id: 'highlight-fill', type: 'fill', source: 'highlight', metadata: meta, filter: isArea, paint: { 'fill-color': '#ffd92f', 'fill-opacity': 0.3 } },
      {
        id: 'highlight-line',
        type: 'line',
        source: 'highlight',
        metadata: meta,
        filter: ['!', isPoint],
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': HIGHLIGHT_COLOUR, 'line-width': 3 },
      },
      {
        id: 'highlight-circle',
        type: 'circle',
        source: 'highlight',
        metadata: meta,
        filter: isPoint,
        paint: { 'circle-radius': 14, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': HIGHLIGHT_COLOUR, 'circle-stroke-width': 3 },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// The whole province

const BUILDERS: Record<LayerKind, (data: FeatureCollection, view: MapViewOptions) => MapSpec> = {
  municipalities: municipalityLayers,
  regions: regionLayers,
  settlements: settlementLayers,
  offices: officeLayers,
  thusong: thusongLayers,
  roads: roadLayers,
};

/**
 * Sources and layers for every collection given (a missing collection has neither), followed by
 * `extra` specs (capability layers, highlight), all in slot order.
 */
export function provinceLayers(input: MapLayersInput, view: MapViewOptions, extra: ReadonlyArray<MapSpec> = []): MapSpec {
  const specs: MapSpec[] = [];
  for (const kind of LAYER_KINDS) {
    const data = input[kind];
    if (data) specs.push(BUILDERS[kind](data, view));
  }
  return composeSpecs([...specs, ...extra]);
}

/** Layer ids each kind produces (for tests, and for code that addresses a kind's layers). */
export const LAYER_IDS: Record<LayerKind | 'highlight', string[]> = {
  municipalities: ['municipalities-fill', 'municipalities-line'],
  regions: ['regions-fill', 'regions-line'],
  roads: ['roads-minor', 'roads-major'],
  settlements: ['settlements-fill', 'settlements-circle'],
  offices: ['offices-circle'],
  thusong: ['thusong-halo', 'thusong-core'],
  highlight: ['highlight-fill', 'highlight-line', 'highlight-circle'],
};

export type { LayerSpecification };
