/**
 * The legend as data, derived from the same inputs and options as the layers (and from the same
 * constants), so the legend cannot say one thing while the map draws another.
 */
import type { FeatureCollection } from 'geojson';
import { DEFAULT_CATALOGUE } from '../model/catalogue';
import { LAYER_LABELS, type LayerKind } from '../model/layers';
import { groupThousands } from './format';
import {
  MINOR_ROADS_MINZOOM,
  MINOR_ROAD_STYLE,
  ROAD_STYLES,
  SETTLEMENT_COLOUR,
  THUSONG_COLOUR,
  UNKNOWN_DEPARTMENT_COLOUR,
  departmentsIn,
  maxPopulation,
  roadStyleFor,
  settlementRadiusPx,
  type MapLayersInput,
  type MapViewOptions,
} from './layer-specs';

export interface LegendItem {
  key: string;
  label: string;
  kind: 'circle' | 'ring' | 'line' | 'fill';
  colour: string;
  /** circle radius or line width, in pixels at the legend's reference zoom */
  sizePx: number;
  dashed?: boolean;
  /** how many features this item stands for, where that is meaningful */
  count?: number;
  /** false when a filter hides this item's features */
  active: boolean;
}

export interface LegendGroup {
  kind: LayerKind;
  title: string;
  /** the layer's visibility toggle */
  visible: boolean;
  /** items are per-department filters the user can switch */
  filterable: boolean;
  items: LegendItem[];
}

/** Departments in catalogue order, then codes the catalogue doesn't know, alphabetically. */
function departmentItems(fc: FeatureCollection, chosen: string[], view: MapViewOptions, kind: 'circle' | 'fill'): LegendItem[] {
  const catalogue = view.catalogue ?? DEFAULT_CATALOGUE;
  const counts = new Map<string, number>();
  for (const f of fc.features) {
    const d = f.properties?.department;
    if (typeof d === 'string' && d) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  const present = departmentsIn(fc);
  const known = catalogue.departments.filter((d) => counts.has(d.code));
  const unknown = present.filter((c) => !catalogue.departments.some((d) => d.code === c)).sort();
  return [
    ...known.map((d) => ({ key: d.code, label: d.name, colour: d.colour })),
    ...unknown.map((c) => ({ key: c, label: `${c} (not in the catalogue)`, colour: UNKNOWN_DEPARTMENT_COLOUR })),
  ].map((x) => ({ ...x, kind, sizePx: kind === 'circle' ? 6 : 2, dashed: kind === 'fill', count: counts.get(x.key), active: chosen.includes(x.key) }));
}

/** 1 significant figure: 23 456 → 20 000, 2 500 → 3 000. */
export function roundNicely(n: number): number {
  if (n <= 0) return 0;
  const p = 10 ** Math.floor(Math.log10(n));
  return Math.round(n / p) * p;
}

const people = (n: number) => `${groupThousands(n)} people`;

function settlementItems(fc: FeatureCollection): LegendItem[] {
  const max = maxPopulation(fc);
  const hasPoints = fc.features.some((f) => f.geometry?.type === 'Point' || f.geometry?.type === 'MultiPoint');
  const hasAreas = fc.features.some((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
  const items: LegendItem[] = [];
  if (hasPoints) {
    const samples = [...new Set([max, max / 4, max / 25].map(roundNicely))].filter((p) => p > 0).sort((a, b) => b - a);
    for (const p of samples) items.push({ key: `pop-${p}`, label: people(p), kind: 'circle', colour: SETTLEMENT_COLOUR, sizePx: settlementRadiusPx(p, max), active: true });
  }
  if (hasAreas) items.push({ key: 'area', label: 'Settlement area', kind: 'fill', colour: SETTLEMENT_COLOUR, sizePx: 1, active: true });
  return items;
}

function roadItems(fc: FeatureCollection): LegendItem[] {
  const present = new Set(fc.features.map((f) => roadStyleFor(String(f.properties?.class ?? '')).key));
  return [...ROAD_STYLES, MINOR_ROAD_STYLE]
    .filter((s) => present.has(s.key))
    .map((s) => ({
      key: s.key,
      label: s.major ? s.label : `${s.label} (from zoom ${MINOR_ROADS_MINZOOM})`,
      kind: 'line' as const,
      colour: s.colour,
      sizePx: s.widthPx,
      active: true,
    }));
}

function municipalityItems(fc: FeatureCollection): LegendItem[] {
  const items: LegendItem[] = [{ key: 'boundary', label: 'Municipal boundary', kind: 'line', colour: '#4a4a4a', sizePx: 1, active: true }];
  if (fc.features.some((f) => f.properties?.category === 'C')) {
    items.push({ key: 'district', label: 'District boundary', kind: 'line', colour: '#4a4a4a', sizePx: 2.4, active: true });
  }
  return items;
}

/** Legend groups for the collections given, in the map's drawing order from the top down. */
export function legendModel(input: MapLayersInput, view: MapViewOptions): LegendGroup[] {
  const groups: LegendGroup[] = [];
  const group = (kind: LayerKind, items: LegendItem[], filterable = false) =>
    groups.push({ kind, title: LAYER_LABELS[kind], visible: view.visibleLayers[kind] !== false, filterable, items });
  if (input.thusong) group('thusong', [{ key: 'centre', label: 'Thusong service centre', kind: 'ring', colour: THUSONG_COLOUR, sizePx: 10, count: input.thusong.features.length, active: true }]);
  if (input.offices) group('offices', departmentItems(input.offices, view.departmentFilter, view, 'circle'), true);
  if (input.settlements) group('settlements', settlementItems(input.settlements));
  if (input.roads) group('roads', roadItems(input.roads));
  if (input.regions) group('regions', departmentItems(input.regions, view.regionDepartments, view, 'fill'), true);
  if (input.municipalities) group('municipalities', municipalityItems(input.municipalities));
  return groups;
}

/** The list with `code` added if absent, removed if present (for legend filter toggles). */
export function toggled(list: ReadonlyArray<string>, code: string): string[] {
  return list.includes(code) ? list.filter((c) => c !== code) : [...list, code];
}
