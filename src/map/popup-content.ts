/**
 * What a hover or click popup says about a feature. Property values come from user files, so they
 * are only ever put on screen as text: `popupModel` turns properties into strings and
 * `popupNode` places them with `textContent`, never as HTML.
 */
import { DEFAULT_CATALOGUE, type Catalogue } from '../model/catalogue';
import { LAYER_FIELDS, LAYER_LABELS, type LayerKind } from '../model/layers';
import { groupThousands } from './format';

export interface PopupModel {
  title: string;
  /** what kind of thing this is, e.g. 'Department offices' */
  subtitle: string;
  rows: [label: string, value: string][];
}

export const MAX_POPUP_ROWS = 24;

const isKind = (k: string): k is LayerKind => k in LAYER_LABELS;
const blank = (v: unknown) => v === undefined || v === null || v === '';

function label(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : key;
}

function text(key: string, value: unknown, catalogue: Catalogue): string {
  if (typeof value === 'number') return key === 'population' ? groupThousands(value) : String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') {
    if (key === 'department') {
      const d = catalogue.departments.find((x) => x.code === value);
      return d && d.name !== value ? `${d.name} (${value})` : value;
    }
    if (key === 'services') {
      const names = value.split(';').map((s) => s.trim()).filter(Boolean).map((c) => catalogue.services.find((s) => s.code === c)?.name ?? c);
      return names.join(', ');
    }
    return value;
  }
  return JSON.stringify(value) ?? String(value);
}

/** Title, subtitle and rows for a feature of `kind` (a layer kind, or a capability's own kind). */
export function popupModel(kind: string, properties: Record<string, unknown> | null | undefined, catalogue: Catalogue = DEFAULT_CATALOGUE): PopupModel {
  const props = properties ?? {};
  const titleKey = ['name', 'region', 'code', 'id'].find((k) => !blank(props[k]));
  const subtitle = isKind(kind) ? LAYER_LABELS[kind] : label(kind);
  const title = titleKey ? text(titleKey, props[titleKey], catalogue) : subtitle;
  // Canonical fields first, in the model's order; then whatever else the file carried, sorted.
  const canonical = isKind(kind) ? LAYER_FIELDS[kind].map((f) => f.name) : [];
  const others = Object.keys(props).filter((k) => !canonical.includes(k)).sort();
  const keys = [...canonical, ...others].filter((k) => k !== titleKey && !blank(props[k]));
  const rows: [string, string][] = keys.slice(0, MAX_POPUP_ROWS).map((k) => [label(k), text(k, props[k], catalogue)]);
  if (keys.length > MAX_POPUP_ROWS) rows.push(['…', `${keys.length - MAX_POPUP_ROWS} more properties`]);
  return { title, subtitle, rows };
}

/** The popup's DOM: text nodes only, so markup in a value shows as the characters it is. */
export function popupNode(model: PopupModel, doc: Pick<Document, 'createElement'> = document): HTMLElement {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, content?: string) => {
    const e = doc.createElement(tag);
    e.className = className;
    if (content !== undefined) e.textContent = content;
    return e;
  };
  const root = el('div', 'map-popup');
  root.appendChild(el('div', 'map-popup-title', model.title));
  root.appendChild(el('div', 'map-popup-kind', model.subtitle));
  if (model.rows.length) {
    const dl = el('dl', 'map-popup-rows');
    for (const [k, v] of model.rows) {
      dl.appendChild(el('dt', 'map-popup-key', k));
      dl.appendChild(el('dd', 'map-popup-value', v));
    }
    root.appendChild(dl);
  }
  return root;
}
