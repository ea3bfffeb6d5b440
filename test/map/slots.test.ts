import { describe, expect, it } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import { SLOTS, composeSpecs, isInteractive, kindOf, layerMeta, slotOf, type MapSpec, type Slot } from '../../src/map/slots';
import { defaultMapViewOptions, highlightLayers, provinceLayers } from '../../src/map/layer-specs';
import * as fx from './fixtures';

const bg = (id: string, slot?: Slot): LayerSpecification => ({ id, type: 'background', ...(slot ? { metadata: layerMeta(slot, 'test') } : {}) });

describe('slots', () => {
  it('are ordered fills < lines < roads < settlements < offices < thusong < highlight', () => {
    expect(SLOTS).toEqual(['fills', 'lines', 'roads', 'settlements', 'offices', 'thusong', 'highlight']);
  });

  it('composeSpecs sorts layers by slot and keeps the given order within a slot', () => {
    const a: MapSpec = { sources: {}, layers: [bg('a-thusong', 'thusong'), bg('a-fill', 'fills'), bg('a-fill2', 'fills')] };
    const b: MapSpec = { sources: {}, layers: [bg('b-fill', 'fills'), bg('b-roads', 'roads')] };
    expect(composeSpecs([a, b]).layers.map((l) => l.id)).toEqual(['a-fill', 'a-fill2', 'b-fill', 'b-roads', 'a-thusong']);
  });

  it('puts a layer without slot metadata on top, in the highlight slot', () => {
    expect(slotOf(bg('x'))).toBe('highlight');
    expect(composeSpecs([{ sources: {}, layers: [bg('plain'), bg('f', 'fills')] }]).layers.map((l) => l.id)).toEqual(['f', 'plain']);
  });

  it('reads the kind and interactivity a layer carries, defaulting to its source and to not interactive', () => {
    const l: LayerSpecification = { id: 'c', type: 'circle', source: 'coverage' };
    expect([kindOf(l), isInteractive(l)]).toEqual(['coverage', false]);
    expect(kindOf({ ...l, metadata: layerMeta('settlements', 'travel_time') })).toBe('travel_time');
    expect(isInteractive({ ...l, metadata: layerMeta('settlements', 'travel_time') })).toBe(true);
  });

  it('every province layer’s slot never decreases along the drawing order, with extras mixed in', () => {
    const coverage: MapSpec = {
      sources: { coverage: { type: 'geojson', data: fx.settlements } },
      layers: [{ id: 'coverage-circle', type: 'circle', source: 'coverage', metadata: layerMeta('settlements', 'coverage') }],
    };
    const layers = provinceLayers(fx.province, defaultMapViewOptions(fx.province), [highlightLayers(fx.offices), coverage]).layers;
    const ranks = layers.map((l) => SLOTS.indexOf(slotOf(l)));
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    // the capability layer draws over the base settlements and under the offices
    const ids = layers.map((l) => l.id);
    expect(ids.indexOf('coverage-circle')).toBe(ids.indexOf('settlements-circle') + 1);
    expect(ids.indexOf('offices-circle')).toBe(ids.indexOf('coverage-circle') + 1);
  });

  it('only base layers that show a feature’s own properties are interactive; outlines and highlight are not', () => {
    const layers = provinceLayers(fx.province, defaultMapViewOptions(fx.province), [highlightLayers(fx.offices)]).layers;
    expect(layers.filter(isInteractive).map((l) => l.id)).toEqual([
      'municipalities-fill', 'regions-fill', 'roads-minor', 'roads-major', 'settlements-fill', 'settlements-circle', 'offices-circle', 'thusong-halo', 'thusong-core',
    ]);
  });
});
