/**
 * The map's base style. The default needs no tile server, no glyphs and no sprite, so the map works
 * offline and the page makes no request beyond its own origin: a plain background and our data.
 * That is also why no layer of ours is a text `symbol` layer (text needs a glyph server);
 * municipality names are DOM markers instead (see municipality-labels.ts).
 */
import type { StyleSpecification } from 'maplibre-gl';

export const BACKGROUND_COLOUR = '#eef0eb';

export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'Thusong Planner (offline)',
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOUR } }],
  };
}

/**
 * The style to load: the given basemap style URL (our layers are then added on top of it), or the
 * offline base style when the URL is absent or blank.
 */
export function withBasemap(url?: string): StyleSpecification | string {
  const trimmed = url?.trim();
  return trimmed ? trimmed : baseStyle();
}
