/**
 * What to change on a live map to go from one composed spec to the next, as a list of plain
 * operations: MapView replays them with MapLibre's runtime API (addLayer, setData, setFilter, …)
 * instead of rebuilding the whole style, which would re-parse every GeoJSON source and flash.
 *
 * Sources are compared by identity of their `data`, so a new collection object means setData and
 * an unchanged one costs nothing; nothing here walks the features. Our layers are assumed to sit
 * together above every basemap layer, in the order of the previous spec.
 */
import type { FilterSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { MapSpec } from './slots';

export type MapOp =
  | { op: 'removeLayer'; id: string }
  | { op: 'removeSource'; id: string }
  | { op: 'addSource'; id: string; source: SourceSpecification }
  | { op: 'setData'; id: string; data: unknown }
  | { op: 'addLayer'; layer: LayerSpecification; beforeId?: string }
  | { op: 'moveLayer'; id: string; beforeId?: string }
  | { op: 'setFilter'; id: string; filter: FilterSpecification | null }
  | { op: 'setLayoutProperty'; id: string; name: string; value: unknown }
  | { op: 'setPaintProperty'; id: string; name: string; value: unknown }
  | { op: 'setLayerZoomRange'; id: string; minzoom: number; maxzoom: number };

export const EMPTY_SPEC: MapSpec = { sources: {}, layers: [] };

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

function withoutData(s: SourceSpecification): Record<string, unknown> {
  const { data: _data, ...rest } = s as SourceSpecification & { data?: unknown };
  return rest;
}

type SourceChange = 'same' | 'data' | 'replace';
function sourceChange(prev: SourceSpecification, next: SourceSpecification): SourceChange {
  if (prev === next) return 'same';
  if (prev.type !== next.type || !same(withoutData(prev), withoutData(next))) return 'replace';
  if (prev.type !== 'geojson') return 'same';
  return (prev as { data: unknown }).data === (next as { data: unknown }).data ? 'same' : 'data';
}

const sourceOf = (l: LayerSpecification) => ('source' in l && typeof l.source === 'string' ? l.source : undefined);
const sourceLayerOf = (l: LayerSpecification) => (l as { 'source-layer'?: string })['source-layer'];

/** Whether a layer can only change by being removed and added again. */
function mustReplace(prev: LayerSpecification, next: LayerSpecification): boolean {
  return prev.type !== next.type || sourceOf(prev) !== sourceOf(next) || sourceLayerOf(prev) !== sourceLayerOf(next);
}

function propertyOps(kind: 'paint' | 'layout', id: string, prev: Record<string, unknown> = {}, next: Record<string, unknown> = {}): MapOp[] {
  const ops: MapOp[] = [];
  const op = kind === 'paint' ? 'setPaintProperty' : 'setLayoutProperty';
  for (const name of new Set([...Object.keys(prev), ...Object.keys(next)])) {
    if (!same(prev[name], next[name])) {
      // A property dropped from the spec goes back to its default; MapLibre takes undefined for that.
      const value = next[name] === undefined && kind === 'layout' && name === 'visibility' ? 'visible' : next[name];
      ops.push({ op, id, name, value });
    }
  }
  return ops;
}

function layerOps(prev: LayerSpecification, next: LayerSpecification): MapOp[] {
  const id = next.id;
  const ops: MapOp[] = [];
  const pf = (prev as { filter?: FilterSpecification }).filter;
  const nf = (next as { filter?: FilterSpecification }).filter;
  if (!same(pf, nf)) ops.push({ op: 'setFilter', id, filter: nf ?? null });
  if (prev.minzoom !== next.minzoom || prev.maxzoom !== next.maxzoom) {
    ops.push({ op: 'setLayerZoomRange', id, minzoom: next.minzoom ?? 0, maxzoom: next.maxzoom ?? 24 });
  }
  ops.push(...propertyOps('layout', id, prev.layout as Record<string, unknown>, next.layout as Record<string, unknown>));
  ops.push(...propertyOps('paint', id, prev.paint as Record<string, unknown>, next.paint as Record<string, unknown>));
  return ops;
}

/**
 * Operations that turn a map showing `prev` into one showing `next`, in an order MapLibre accepts:
 * layers leave before their sources, sources arrive before their layers, and each added or moved
 * layer is placed below the layer that must follow it.
 */
export function planUpdate(prev: MapSpec, next: MapSpec): MapOp[] {
  const ops: MapOp[] = [];

  const replacedSources = new Set<string>();
  for (const [id, s] of Object.entries(next.sources)) {
    const p = prev.sources[id];
    if (p && sourceChange(p, s) === 'replace') replacedSources.add(id);
  }

  const nextById = new Map(next.layers.map((l) => [l.id, l]));
  // Layers present before and kept (not removed, not re-created), in their current order.
  const current: string[] = [];
  const prevById = new Map<string, LayerSpecification>();
  for (const l of prev.layers) {
    const n = nextById.get(l.id);
    const src = sourceOf(l);
    if (!n || mustReplace(l, n) || (src !== undefined && replacedSources.has(src))) {
      ops.push({ op: 'removeLayer', id: l.id });
    } else {
      current.push(l.id);
      prevById.set(l.id, l);
    }
  }

  for (const id of Object.keys(prev.sources)) {
    if (!(id in next.sources) || replacedSources.has(id)) ops.push({ op: 'removeSource', id });
  }
  for (const [id, s] of Object.entries(next.sources)) {
    const p = prev.sources[id];
    if (!p || replacedSources.has(id)) ops.push({ op: 'addSource', id, source: s });
    else if (sourceChange(p, s) === 'data') ops.push({ op: 'setData', id, data: (s as { data: unknown }).data });
  }

  // Walk the wanted order from the top down, so the layer each one must sit below is already placed.
  let above: string | undefined;
  for (let i = next.layers.length - 1; i >= 0; i--) {
    const layer = next.layers[i];
    const at = current.indexOf(layer.id);
    const aboveAt = above === undefined ? current.length : current.indexOf(above);
    if (at === -1) {
      ops.push({ op: 'addLayer', layer, beforeId: above });
      current.splice(aboveAt, 0, layer.id);
    } else {
      if (at !== aboveAt - 1) {
        ops.push({ op: 'moveLayer', id: layer.id, beforeId: above });
        current.splice(at, 1);
        current.splice(current.indexOf(above as string) === -1 ? current.length : current.indexOf(above as string), 0, layer.id);
      }
      ops.push(...layerOps(prevById.get(layer.id)!, layer));
    }
    above = layer.id;
  }
  return ops;
}

/** Replays `ops` on a plain description of a map (for tests, and to reason about the plan). */
export function simulate(state: MapSpec, ops: ReadonlyArray<MapOp>): MapSpec {
  const sources = { ...state.sources };
  const layers = state.layers.map((l) => ({ ...l }) as LayerSpecification);
  const find = (id: string) => {
    const i = layers.findIndex((l) => l.id === id);
    if (i === -1) throw new Error(`no layer ${id}`);
    return i;
  };
  const insert = (layer: LayerSpecification, beforeId?: string) => layers.splice(beforeId === undefined ? layers.length : find(beforeId), 0, layer);
  for (const o of ops) {
    switch (o.op) {
      case 'removeLayer':
        layers.splice(find(o.id), 1);
        break;
      case 'removeSource':
        if (layers.some((l) => sourceOf(l) === o.id)) throw new Error(`source ${o.id} still in use`);
        delete sources[o.id];
        break;
      case 'addSource':
        if (o.id in sources) throw new Error(`source ${o.id} exists`);
        sources[o.id] = o.source;
        break;
      case 'setData':
        sources[o.id] = { ...(sources[o.id] as object), data: o.data } as SourceSpecification;
        break;
      case 'addLayer': {
        if (layers.some((l) => l.id === o.layer.id)) throw new Error(`layer ${o.layer.id} exists`);
        const src = sourceOf(o.layer);
        if (src !== undefined && !(src in sources)) throw new Error(`layer ${o.layer.id} added before source ${src}`);
        insert(o.layer, o.beforeId);
        break;
      }
      case 'moveLayer': {
        const [l] = layers.splice(find(o.id), 1);
        insert(l, o.beforeId);
        break;
      }
      case 'setFilter': {
        const l = layers[find(o.id)] as { filter?: unknown };
        if (o.filter === null) delete l.filter;
        else l.filter = o.filter;
        break;
      }
      case 'setLayoutProperty':
      case 'setPaintProperty': {
        const l = layers[find(o.id)] as unknown as Record<string, Record<string, unknown> | undefined>;
        const group = o.op === 'setPaintProperty' ? 'paint' : 'layout';
        const props = { ...(l[group] ?? {}) };
        if (o.value === undefined) delete props[o.name];
        else props[o.name] = o.value;
        l[group] = props;
        break;
      }
      case 'setLayerZoomRange': {
        const l = layers[find(o.id)];
        if (o.minzoom === 0) delete l.minzoom;
        else l.minzoom = o.minzoom;
        if (o.maxzoom === 24) delete l.maxzoom;
        else l.maxzoom = o.maxzoom;
        break;
      }
    }
  }
  return { sources, layers };
}
