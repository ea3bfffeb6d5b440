import { describe, expect, it } from 'vitest';
import { applyOps, type MapLike } from '../../src/map/apply-ops';
import type { MapOp } from '../../src/map/update-plan';
import * as fx from './fixtures';

/** Records the MapLibre calls made, by method name and arguments. */
function recorder() {
  const calls: unknown[][] = [];
  const rec = (name: string) => (...args: unknown[]) => void calls.push([name, ...args]);
  const map = {
    addSource: rec('addSource'),
    removeSource: rec('removeSource'),
    getSource: (id: string) => ({ setData: (d: unknown) => void calls.push(['setData', id, d]) }),
    addLayer: rec('addLayer'),
    removeLayer: rec('removeLayer'),
    moveLayer: rec('moveLayer'),
    setFilter: rec('setFilter'),
    setLayoutProperty: rec('setLayoutProperty'),
    setPaintProperty: rec('setPaintProperty'),
    setLayerZoomRange: rec('setLayerZoomRange'),
  } as unknown as MapLike;
  return { map, calls };
}

describe('applyOps', () => {
  it('calls the MapLibre method each operation names, in order, with its arguments', () => {
    const { map, calls } = recorder();
    const layer = { id: 'l', type: 'line' as const, source: 's' };
    const ops: MapOp[] = [
      { op: 'removeLayer', id: 'old' },
      { op: 'removeSource', id: 'gone' },
      { op: 'addSource', id: 's', source: { type: 'geojson', data: fx.roads } },
      { op: 'setData', id: 'o', data: fx.offices },
      { op: 'addLayer', layer, beforeId: 'top' },
      { op: 'moveLayer', id: 'l', beforeId: undefined },
      { op: 'setFilter', id: 'l', filter: null },
      { op: 'setLayoutProperty', id: 'l', name: 'visibility', value: 'none' },
      { op: 'setPaintProperty', id: 'l', name: 'line-width', value: 2 },
      { op: 'setLayerZoomRange', id: 'l', minzoom: 10, maxzoom: 24 },
    ];
    applyOps(map, ops);
    expect(calls).toEqual([
      ['removeLayer', 'old'],
      ['removeSource', 'gone'],
      ['addSource', 's', { type: 'geojson', data: fx.roads }],
      ['setData', 'o', fx.offices],
      ['addLayer', layer, 'top'],
      ['moveLayer', 'l', undefined],
      ['setFilter', 'l', null],
      ['setLayoutProperty', 'l', 'visibility', 'none'],
      ['setPaintProperty', 'l', 'line-width', 2],
      ['setLayerZoomRange', 'l', 10, 24],
    ]);
  });
});
