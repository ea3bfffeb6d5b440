import { describe, expect, it } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import type { FeatureCollection as GeoJsonCollection } from 'geojson';
import {
  alignmentLayers,
  NOT_SERVED_COLOUR,
  regionCountColour,
  splitColour,
  splitLegend,
  travelChangeColour,
  type AlignmentMapInput,
} from '../../src/map/alignment-layers';
import { composeSpecs, slotOf, type MapSpec } from '../../src/map/slots';
import { evaluate, passes, validationErrors } from './style-eval';

const empty: GeoJsonCollection = { type: 'FeatureCollection', features: [] };
const base: AlignmentMapInput = { municipalities: empty, regions: empty, department: 'SASSA', measure: 'share-outside' };
const layer = (spec: MapSpec, id: string) => spec.layers.find((l) => l.id === id)!;
/** a colour as the renderer holds it, for comparing with what an expression evaluates to */
const css = (l: LayerSpecification, property: string, c: string) => String(evaluate({ ...l, paint: { [property]: c } } as never, 'paint', property, 10));
const lightness = (c: string) => {
  const [r, g, b] = c.match(/[\d.]+/g)!.map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};


describe('alignment map layers', () => {
  it('are valid MapLibre style with every option on, and draw no text (the offline style has no glyphs)', () => {
    const spec = alignmentLayers({ ...base, slivers: empty, aligned: empty, showMoves: true, travelChange: empty });
    expect(validationErrors(spec.sources, spec.layers)).toEqual([]);
    expect(spec.layers.some((l) => l.type === 'symbol')).toBe(false);
    expect(new Set(spec.layers.map((l) => l.id)).size).toBe(spec.layers.length);
    // composes with other specs (no duplicate ids, every source defined)
    expect(() => composeSpecs([spec])).not.toThrow();
  });

  it('draws only the basics until slivers, the proposal or travel times are asked for', () => {
    expect(alignmentLayers(base).layers.map((l) => l.id)).toEqual(['alignment-split-fill', 'alignment-region-casing', 'alignment-region-line']);
    const all = alignmentLayers({ ...base, slivers: empty, aligned: empty, showMoves: true, travelChange: empty });
    expect(all.layers.map((l) => l.id)).toEqual([
      'alignment-split-fill',
      'alignment-region-casing',
      'alignment-region-line',
      'alignment-moving-line',
      'alignment-proposal-casing',
      'alignment-proposal-line',
      'alignment-travel-circle',
      'alignment-sliver-fill',
      'alignment-sliver-line',
    ]);
  });

  it('puts municipalities beneath, region outlines over the municipal lines and slivers on top', () => {
    const spec = alignmentLayers({ ...base, slivers: empty });
    expect(slotOf(layer(spec, 'alignment-split-fill'))).toBe('fills');
    expect(slotOf(layer(spec, 'alignment-region-line'))).toBe('lines');
    expect(slotOf(layer(spec, 'alignment-sliver-fill'))).toBe('highlight');
  });

  it('shades municipalities from light (all in one region) to dark (split), grey where the department is absent', () => {
    const fill = layer(alignmentLayers(base), 'alignment-split-fill');
    const at = (share_outside: number) => String(evaluate(fill, 'paint', 'fill-color', 8, { share_outside }, 'Polygon'));
    expect(at(-1)).toBe(css(fill, 'fill-color', NOT_SERVED_COLOUR));
    expect(at(0)).toBe(css(fill, 'fill-color', splitColour(0)));
    expect(at(0.5)).toBe(css(fill, 'fill-color', splitColour(0.5)));
    expect(at(0.9)).toBe(css(fill, 'fill-color', splitColour(0.5))); // the darkest shade from half on
    expect(lightness(at(0))).toBeGreaterThan(lightness(at(0.25)));
    expect(lightness(at(0.25))).toBeGreaterThan(lightness(at(0.5)));
  });

  it('can shade by the number of regions serving a municipality instead', () => {
    const fill = layer(alignmentLayers({ ...base, measure: 'regions' }), 'alignment-split-fill');
    const at = (regions_serving: number) => String(evaluate(fill, 'paint', 'fill-color', 8, { regions_serving, share_outside: 0.1 }, 'Polygon'));
    expect(at(1)).toBe(css(fill, 'fill-color', regionCountColour(1)));
    expect(at(3)).toBe(css(fill, 'fill-color', regionCountColour(3)));
    expect(at(7)).toBe(css(fill, 'fill-color', regionCountColour(4)));
    expect(String(evaluate(fill, 'paint', 'fill-color', 8, { regions_serving: 0, share_outside: -1 }, 'Polygon'))).toBe(css(fill, 'fill-color', NOT_SERVED_COLOUR));
  });

  it('outlines only the chosen department’s regions', () => {
    const line = layer(alignmentLayers(base), 'alignment-region-line');
    expect(passes((line as { filter?: never }).filter, { department: 'SASSA' }, 'Polygon')).toBe(true);
    expect(passes((line as { filter?: never }).filter, { department: 'HEALTH' }, 'Polygon')).toBe(false);
  });

  it('outlines the municipalities the proposal moves, and no others', () => {
    const moving = layer(alignmentLayers({ ...base, showMoves: true }), 'alignment-moving-line');
    expect(passes((moving as { filter?: never }).filter, { moves: true }, 'Polygon')).toBe(true);
    expect(passes((moving as { filter?: never }).filter, { moves: false }, 'Polygon')).toBe(false);
  });

  it('colours travel-time change blue when sooner and red when later', () => {
    const circle = layer(alignmentLayers({ ...base, travelChange: empty }), 'alignment-travel-circle');
    const at = (change_minutes: number) => String(evaluate(circle, 'paint', 'circle-color', 8, { change_minutes, population: 100 }));
    expect(at(-30)).toBe(css(circle, 'circle-color', travelChangeColour(-30)));
    expect(at(30)).toBe(css(circle, 'circle-color', travelChangeColour(30)));
    const rgb = (c: string) => c.match(/[\d.]+/g)!.map(Number);
    expect(rgb(at(-20))[2]).toBeGreaterThan(rgb(at(-20))[0]); // bluish
    expect(rgb(at(20))[0]).toBeGreaterThan(rgb(at(20))[2]); // reddish
  });

  it('has a legend entry per shade, plus the department’s absence', () => {
    expect(splitLegend('regions').map((e) => e.label)).toEqual(['1 region', '2 regions', '3 regions', '4 or more regions', 'not served by the department']);
    const shares = splitLegend('share-outside');
    expect(shares[0].label).toBe('all in one region');
    expect(shares.at(-1)!.colour).toBe(NOT_SERVED_COLOUR);
  });
});
