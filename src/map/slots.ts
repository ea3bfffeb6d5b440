/**
 * Every layer the app draws sits in a named slot; slots fix the drawing order so that pure functions
 * written at different times (the province layers, a capability's coverage layers, a selection
 * highlight) compose without knowing about each other. Within a slot, specs keep the order they
 * were given in, so a capability's layers draw over the base layers of the same slot.
 */
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';

/** Bottom to top. */
export const SLOTS = ['fills', 'lines', 'roads', 'settlements', 'offices', 'thusong', 'highlight'] as const;
export type Slot = (typeof SLOTS)[number];

/** Sources and layers produced by one pure function; the unit `composeSpecs` and `MapView` take. */
export interface MapSpec {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
  /** an extent MapView brings into view whenever its key changes (e.g. a selected day's route) */
  focus?: MapFocus;
}

export interface MapFocus {
  key: string;
  /** [west, south, east, north] in degrees */
  bounds: [number, number, number, number];
}

/** What we keep in a layer's `metadata` (the style spec allows any JSON there). */
export interface LayerMeta {
  'thusong:slot': Slot;
  /** the layer kind a click reports, e.g. 'offices' or a capability's own name like 'coverage' */
  'thusong:kind': string;
  /** whether hover and click popups and `onFeatureClick` consider this layer */
  'thusong:interactive': boolean;
}

export function layerMeta(slot: Slot, kind: string, interactive = true): LayerMeta {
  return { 'thusong:slot': slot, 'thusong:kind': kind, 'thusong:interactive': interactive };
}

function meta(layer: LayerSpecification): Partial<LayerMeta> {
  const m = (layer as { metadata?: unknown }).metadata;
  return typeof m === 'object' && m !== null ? (m as Partial<LayerMeta>) : {};
}

/** A layer's slot; a layer without one (e.g. a hand-written capability layer) goes to 'highlight'. */
export function slotOf(layer: LayerSpecification): Slot {
  const s = meta(layer)['thusong:slot'];
  return s && (SLOTS as readonly string[]).includes(s) ? s : 'highlight';
}

/** The kind a click on this layer reports: the metadata kind, else the layer's source id. */
export function kindOf(layer: LayerSpecification): string {
  return meta(layer)['thusong:kind'] ?? ('source' in layer && typeof layer.source === 'string' ? layer.source : layer.id);
}

export function isInteractive(layer: LayerSpecification): boolean {
  return meta(layer)['thusong:interactive'] ?? false;
}

/**
 * Merges specs into one list of sources and one list of layers in slot order (stable within a
 * slot). Throws on a duplicate layer id or on a source id given twice with different objects:
 * both are programming errors that MapLibre would otherwise report much later and less clearly.
 */
export function composeSpecs(specs: ReadonlyArray<MapSpec>): MapSpec {
  const sources: Record<string, SourceSpecification> = {};
  const layers: LayerSpecification[] = [];
  const ids = new Set<string>();
  for (const spec of specs) {
    for (const [id, source] of Object.entries(spec.sources)) {
      if (id in sources && sources[id] !== source) throw new Error(`Map source "${id}" is defined twice.`);
      sources[id] = source;
    }
    for (const layer of spec.layers) {
      if (ids.has(layer.id)) throw new Error(`Map layer "${layer.id}" is defined twice.`);
      ids.add(layer.id);
      layers.push(layer);
    }
  }
  const rank = (l: LayerSpecification) => SLOTS.indexOf(slotOf(l));
  // Array.prototype.sort is stable (ES2019), which keeps the within-slot order.
  layers.sort((a, b) => rank(a) - rank(b));
  for (const layer of layers) {
    if ('source' in layer && typeof layer.source === 'string' && !(layer.source in sources)) {
      throw new Error(`Map layer "${layer.id}" uses source "${layer.source}", which no spec defines.`);
    }
  }
  return { sources, layers };
}
