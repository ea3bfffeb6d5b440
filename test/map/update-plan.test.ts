import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import { defaultMapViewOptions, highlightLayers, provinceLayers, type MapViewOptions } from '../../src/map/layer-specs';
import { EMPTY_SPEC, planUpdate, simulate, type MapOp } from '../../src/map/update-plan';
import { composeSpecs, layerMeta, type MapSpec } from '../../src/map/slots';
import * as fx from './fixtures';

const view = (over: Partial<MapViewOptions> = {}): MapViewOptions => ({ ...defaultMapViewOptions(fx.province), ...over });
const canon = (s: MapSpec) => JSON.parse(JSON.stringify({ sources: s.sources, layers: s.layers }));

/** The plan, replayed on the previous state, must give the next state exactly. */
function planAndCheck(prev: MapSpec, next: MapSpec): MapOp[] {
  const ops = planUpdate(prev, next);
  expect(canon(simulate(prev, ops))).toEqual(canon(next));
  return ops;
}

describe('planUpdate', () => {
  it('builds the whole province from an empty map: sources first, then layers', () => {
    const next = provinceLayers(fx.province, view());
    const ops = planAndCheck(EMPTY_SPEC, next);
    expect(ops.filter((o) => o.op === 'addSource')).toHaveLength(6);
    expect(ops.filter((o) => o.op === 'addLayer')).toHaveLength(next.layers.length);
    expect(ops.every((o) => o.op === 'addSource' || o.op === 'addLayer')).toBe(true);
  });

  it('does nothing when nothing changed', () => {
    const a = provinceLayers(fx.province, view());
    expect(planUpdate(a, provinceLayers(fx.province, view()))).toEqual([]);
  });

  it('changes a department filter with setFilter alone', () => {
    const a = provinceLayers(fx.province, view());
    const ops = planAndCheck(a, provinceLayers(fx.province, view({ departmentFilter: ['SASSA'] })));
    expect(ops.map((o) => [o.op, 'id' in o ? o.id : ''])).toEqual([['setFilter', 'offices-circle']]);
  });

  it('toggles a layer kind with setLayoutProperty visibility alone', () => {
    const a = provinceLayers(fx.province, view());
    const ops = planAndCheck(a, provinceLayers(fx.province, view({ visibleLayers: { roads: false } })));
    expect(ops).toEqual([
      { op: 'setLayoutProperty', id: 'roads-major', name: 'visibility', value: 'none' },
      { op: 'setLayoutProperty', id: 'roads-minor', name: 'visibility', value: 'none' },
    ]);
  });

  it('sends a new collection with setData and leaves the layers alone', () => {
    const a = provinceLayers(fx.province, view());
    const offices: FeatureCollection = { ...fx.offices, features: fx.offices.features.slice(0, 1) };
    const ops = planAndCheck(a, provinceLayers({ ...fx.province, offices }, view()));
    expect(ops).toEqual([{ op: 'setData', id: 'offices', data: offices }]);
  });

  it('updates paint that depends on the data (the settlement scale) alongside setData', () => {
    const a = provinceLayers(fx.province, view());
    const settlements: FeatureCollection = { ...fx.settlements, features: fx.settlements.features.slice(1) };
    const ops = planAndCheck(a, provinceLayers({ ...fx.province, settlements }, view()));
    expect(ops.map((o) => o.op)).toEqual(['setData', 'setPaintProperty']);
  });

  it('removes a kind’s layers before its source when its collection goes away', () => {
    const a = provinceLayers(fx.province, view());
    const { roads: _roads, ...rest } = fx.province;
    const ops = planAndCheck(a, provinceLayers(rest, view()));
    expect(ops).toEqual([
      { op: 'removeLayer', id: 'roads-minor' },
      { op: 'removeLayer', id: 'roads-major' },
      { op: 'removeSource', id: 'roads' },
    ]);
  });

  it('slots a capability layer into its place in the order, below the layers above its slot', () => {
    const a = provinceLayers(fx.province, view());
    const coverage: MapSpec = {
      sources: { coverage: { type: 'geojson', data: fx.settlements } },
      layers: [{ id: 'coverage-circle', type: 'circle', source: 'coverage', metadata: layerMeta('settlements', 'coverage'), paint: { 'circle-color': '#000' } }],
    };
    const ops = planAndCheck(a, provinceLayers(fx.province, view(), [coverage]));
    expect(ops).toEqual([
      { op: 'addSource', id: 'coverage', source: coverage.sources.coverage },
      { op: 'addLayer', layer: coverage.layers[0], beforeId: 'offices-circle' },
    ]);
  });

  it('adds layers that belong at the top without a beforeId (so they go above a basemap)', () => {
    const a = provinceLayers(fx.province, view());
    const ops = planAndCheck(a, provinceLayers(fx.province, view(), [highlightLayers(fx.offices)]));
    // Planned top-down: the topmost layer goes to the top, each next one below the one just placed.
    expect(ops.filter((o) => o.op === 'addLayer').map((o) => [(o as { layer: LayerSpecification }).layer.id, (o as { beforeId?: string }).beforeId])).toEqual([
      ['highlight-circle', undefined],
      ['highlight-line', 'highlight-circle'],
      ['highlight-fill', 'highlight-line'],
    ]);
  });

  it('re-creates a layer whose type or source changed, in the same place', () => {
    const mk = (type: 'circle' | 'fill'): MapSpec => ({
      sources: { s: { type: 'geojson', data: fx.offices } },
      layers: [
        { id: 'a', type: 'line', source: 's' },
        { id: 'b', type, source: 's' } as LayerSpecification,
        { id: 'c', type: 'line', source: 's' },
      ],
    });
    const ops = planAndCheck(mk('circle'), mk('fill'));
    expect(ops.map((o) => o.op)).toEqual(['removeLayer', 'addLayer']);
  });

  it('re-creates a source whose options changed, and every layer that uses it', () => {
    const mk = (cluster: boolean): MapSpec => ({
      sources: { s: { type: 'geojson', data: fx.offices, cluster }, t: { type: 'geojson', data: fx.roads } },
      layers: [
        { id: 'a', type: 'circle', source: 's' },
        { id: 'b', type: 'line', source: 't' },
      ],
    });
    const ops = planAndCheck(mk(false), mk(true));
    expect(ops.map((o) => o.op)).toEqual(['removeLayer', 'removeSource', 'addSource', 'addLayer']);
  });

  it('drops a filter with setFilter(null) and resets removed zoom bounds', () => {
    const a: MapSpec = { sources: { s: { type: 'geojson', data: fx.roads } }, layers: [{ id: 'l', type: 'line', source: 's', minzoom: 10, filter: ['==', ['get', 'class'], 'x'] }] };
    const b: MapSpec = { sources: a.sources, layers: [{ id: 'l', type: 'line', source: 's' }] };
    expect(planAndCheck(a, b)).toEqual([
      { op: 'setFilter', id: 'l', filter: null },
      { op: 'setLayerZoomRange', id: 'l', minzoom: 0, maxzoom: 24 },
    ]);
  });

  it('reaches any order and any subset of layers from any other (seeded random cases)', () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pool: LayerSpecification[] = Array.from({ length: 8 }, (_, i) => ({
      id: `l${i}`,
      type: 'line',
      source: 's',
      paint: { 'line-width': 1 + (i % 3) },
    }));
    const pick = (): MapSpec => {
      const layers = pool.filter(() => rand() < 0.6).map((l) => ({ ...l, paint: { 'line-width': Math.ceil(rand() * 3) } }) as LayerSpecification);
      for (let i = layers.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [layers[i], layers[j]] = [layers[j], layers[i]];
      }
      return { sources: { s: { type: 'geojson', data: fx.roads } }, layers };
    };
    for (let k = 0; k < 300; k++) planAndCheck(pick(), pick());
  });
});

describe('composeSpecs', () => {
  it('rejects a layer id used twice', () => {
    expect(() => composeSpecs([highlightLayers(fx.offices), { sources: {}, layers: [{ id: 'highlight-fill', type: 'background' }] }])).toThrow(/highlight-fill/);
  });
  it('rejects a layer whose source no spec defines', () => {
    expect(() => composeSpecs([{ sources: {}, layers: [{ id: 'x', type: 'line', source: 'nowhere' }] }])).toThrow(/nowhere/);
  });
});
