/** Replays planned operations (update-plan.ts) on a live MapLibre map. */
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { MapOp } from './update-plan';
import { mapSourceData } from './map-data';

export type MapLike = Pick<
  MaplibreMap,
  'addSource' | 'removeSource' | 'getSource' | 'addLayer' | 'removeLayer' | 'moveLayer' | 'setFilter' | 'setLayoutProperty' | 'setPaintProperty' | 'setLayerZoomRange'
>;

export function applyOps(map: MapLike, ops: ReadonlyArray<MapOp>): void {
  for (const o of ops) {
    switch (o.op) {
      case 'removeLayer':
        map.removeLayer(o.id);
        break;
      case 'removeSource':
        map.removeSource(o.id);
        break;
      case 'addSource':
        map.addSource(o.id, o.source.type === 'geojson' ? { ...o.source, data: mapSourceData(o.source.data) } : o.source);
        break;
      case 'setData':
        (map.getSource(o.id) as GeoJSONSource).setData(mapSourceData(o.data) as GeoJSON.GeoJSON | string);
        break;
      case 'addLayer':
        map.addLayer(o.layer, o.beforeId);
        break;
      case 'moveLayer':
        map.moveLayer(o.id, o.beforeId);
        break;
      case 'setFilter':
        map.setFilter(o.id, o.filter);
        break;
      case 'setLayoutProperty':
        map.setLayoutProperty(o.id, o.name, o.value);
        break;
      case 'setPaintProperty':
        map.setPaintProperty(o.id, o.name, o.value);
        break;
      case 'setLayerZoomRange':
        map.setLayerZoomRange(o.id, o.minzoom, o.maxzoom);
        break;
    }
  }
}
