/**
 * The map. It creates one MapLibre map when mounted (and removes it when unmounted), and on every
 * prop change replays the difference between the previous and the next layer specs (update-plan.ts)
 * instead of rebuilding the style. Everything it draws comes from the pure functions in this folder;
 * this file only wires them to MapLibre: labels as DOM markers, popups as DOM text, fit and hash.
 *
 * For end-to-end tests the container (data-testid="map") carries:
 *   data-map-ready="true"        after the map went idle with the latest specs applied; it turns
 *                                "false" while a change is being drawn, and "true" again after
 *   data-rendered-features="n"   distinct features (source + id) drawn in the viewport, counted when
 *                                a 'thusong:count-features' event is dispatched on the container
 *   data-map-error="webgl"       when the map could not start (no WebGL); a message is shown instead
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import maplibregl from 'maplibre-gl';
import { installBlobProtocol } from './blob-protocol';
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, MapGeoJSONFeature, MapMouseEvent, SourceSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import './map.css';
import { applyOps } from './apply-ops';
import { extentOf, fitBoundsFor, hashHasView } from './fit';
import { declutter, municipalityLabels, type MapLabel, type ScreenBox } from './label-point';
import { provinceLayers, type MapLayersInput, type MapViewOptions } from './layer-specs';
import { popupModel, popupNode } from './popup-content';
import { isInteractive, kindOf, type MapSpec } from './slots';
import { baseStyle, withBasemap } from './style';
import { EMPTY_SPEC, planUpdate } from './update-plan';

export interface MapViewProps {
  /** the collections to draw; a missing one has no layers */
  layers: MapLayersInput;
  view: MapViewOptions;
  /** capability layers (coverage, highlight…) composed into the same slot order */
  extraSpecs?: MapSpec[];
  /** a MapLibre style URL to draw our layers on; absent or blank = the offline plain background */
  basemapUrl?: string;
  /** fit the view to the data whenever this changes (not on first load if the URL names a view) */
  fitKey?: string;
  /** a click on a feature: its layer kind ('offices', … or a capability's kind) and properties */
  onFeatureClick?: (kind: string, properties: Record<string, unknown>) => void;
  /** any click on the map, with where it was as [lon, lat] (e.g. to add a point there); true = handled, no popup */
  onMapClick?: (lngLat: [number, number]) => boolean | void;
  /** the view is kept in the URL hash as `name=zoom/lat/lon`; false keeps it out of the URL */
  hashName?: string | false;
  className?: string;
}

/** South Africa, for a map with no data and no view in the URL. */
const HOME = { center: [24.7, -28.6] as [number, number], zoom: 4.3 };
const FIT_PADDING_PX = 40;
/** A click popup lists at most this many features under the pointer. */
const MAX_CLICK_FEATURES = 3;

const WEBGL_MESSAGE =
  'The map could not start: this browser has WebGL switched off or does not support it. ' +
  'Loading data, the analyses, the panels and the exports still work; turn on hardware acceleration (or WebGL) to see the map.';

function webglAvailable(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return !!(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

interface LabelMarker {
  label: MapLabel;
  marker: maplibregl.Marker;
  el: HTMLDivElement;
  width: number;
  height: number;
}

/** Everything one live map needs between events; recreated with the map. */
interface Live {
  map: maplibregl.Map;
  /** what the map shows now */
  applied: MapSpec;
  /** set between setStyle and its 'style.load', when layers cannot be added */
  styleReady: boolean;
  fittedKey: string | undefined;
  skipFirstFit: boolean;
  labelsFor: FeatureCollection | undefined;
  labels: LabelMarker[];
  labelsShown: boolean;
  labelFrame: number;
  hover: maplibregl.Popup;
  click: maplibregl.Popup;
  hoverKey: string;
  clickKey: string;
  basemap: string | undefined;
  /** whether the view is worth keeping in the URL: it came from the URL, a fit or the user */
  viewChosen: boolean;
  /** the MapSpec focus key last brought into view */
  focusedKey: string | undefined;
}

const featureKey = (f: MapGeoJSONFeature) => `${f.source}\u0000${f.id ?? JSON.stringify(f.properties)}`;

export function MapView({ layers, view, extraSpecs, basemapUrl, fitKey, onFeatureClick, onMapClick, hashName = 'map', className }: MapViewProps) {
  const outerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const liveRef = useRef<Live | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const spec = useMemo(() => provinceLayers(layers, view, extraSpecs), [layers, view, extraSpecs]);

  // The latest props, for event handlers bound once per map.
  // the first capability extent to focus on, if any (see MapSpec.focus)
  const focus = extraSpecs?.find((s) => s.focus)?.focus;
  const latest = useRef({ spec, layers, view, fitKey, onFeatureClick, onMapClick, basemapUrl, focus });
  latest.current = { spec, layers, view, fitKey, onFeatureClick, onMapClick, basemapUrl, focus };

  const setReady = (ready: boolean) => outerRef.current?.setAttribute('data-map-ready', String(ready));

  /** Brings the live map in line with the latest props. */
  function sync(live: Live) {
    if (!live.styleReady) return;
    const { spec: next, layers: input, view: options, fitKey: key, focus } = latest.current;
    const ops = planUpdate(live.applied, next);
    if (ops.length) {
      setReady(false);
      try {
        applyOps(live.map, ops);
      } catch (err) {
        // A failed step leaves the map between two states: clear our part and build it afresh.
        console.error('Map update failed; rebuilding the data layers.', err);
        for (const l of live.applied.layers) if (live.map.getLayer(l.id)) live.map.removeLayer(l.id);
        for (const l of next.layers) if (live.map.getLayer(l.id)) live.map.removeLayer(l.id);
        for (const id of new Set([...Object.keys(live.applied.sources), ...Object.keys(next.sources)])) if (live.map.getSource(id)) live.map.removeSource(id);
        applyOps(live.map, planUpdate(EMPTY_SPEC, next));
      }
      live.applied = next;
    }
    syncLabels(live, input.municipalities, options.visibleLayers.municipalities !== false);
    if (key !== undefined && key !== live.fittedKey) {
      const extent = extentOf(Object.values(input));
      if (extent) {
        live.fittedKey = key;
        if (live.skipFirstFit) live.skipFirstFit = false;
        else {
          live.map.fitBounds(fitBoundsFor(extent), { padding: clearOfLegend(live.map.getContainer(), FIT_PADDING_PX), duration: 0, maxZoom: 14 });
          live.viewChosen = true;
        }
      }
    }
    if (focus && focus.key !== live.focusedKey && focus.bounds.every(Number.isFinite)) {
      live.focusedKey = focus.key;
      const [w, s, e, n] = focus.bounds;
      live.map.fitBounds([[w, s], [e, n]], { padding: clearOfLegend(live.map.getContainer(), FIT_PADDING_PX * 1.5), duration: 0, maxZoom: 12 });
      live.viewChosen = true;
    }
  }

  /** Fit padding of about `base` px, more on the right where the legend overlay sits over the map. */
  function clearOfLegend({ clientWidth: w, clientHeight: h }: HTMLElement, base: number) {
    const pad = Math.max(0, Math.min(base, w / 8, h / 8));
    return { top: pad, bottom: pad, left: pad, right: Math.max(pad, Math.min(320, w * 0.33)) };
  }

  function syncLabels(live: Live, municipalities: FeatureCollection | undefined, shown: boolean) {
    let changed = false;
    if (municipalities !== live.labelsFor) {
      for (const l of live.labels) l.marker.remove();
      live.labels = municipalityLabels(municipalities).map((label) => {
        const el = document.createElement('div');
        el.className = label.tier === 'district' ? 'map-label map-label-district' : 'map-label';
        el.textContent = label.text;
        const marker = new maplibregl.Marker({ element: el, anchor: 'center' }).setLngLat(label.lngLat).addTo(live.map);
        return { label, marker, el, width: 0, height: 0 };
      });
      // Measure once, while every label is displayed (a hidden one measures 0).
      for (const l of live.labels) {
        l.width = l.el.offsetWidth || l.label.text.length * 7;
        l.height = l.el.offsetHeight || 15;
      }
      live.labelsFor = municipalities;
      changed = true;
    }
    if (shown !== live.labelsShown) {
      live.labelsShown = shown;
      changed = true;
    }
    if (changed) placeLabels(live);
  }

  function placeLabels(live: Live) {
    const { map, labels } = live;
    if (!live.labelsShown) {
      for (const l of labels) l.el.hidden = true;
      return;
    }
    const { clientWidth: w, clientHeight: h } = map.getContainer();
    const boxes = labels.map((l): ScreenBox | undefined => {
      const p = map.project(l.label.lngLat);
      if (p.x < -l.width || p.y < -l.height || p.x > w + l.width || p.y > h + l.height) return undefined;
      return { x: p.x, y: p.y, width: l.width, height: l.height };
    });
    const keep = declutter(boxes);
    labels.forEach((l, i) => (l.el.hidden = !keep[i]));
  }

  // Create the map once per mount.
  useEffect(() => {
    const container = canvasRef.current;
    const outer = outerRef.current;
    if (!container || !outer) return;
    outer.setAttribute('data-map-ready', 'false');
    if (!webglAvailable()) {
      outer.setAttribute('data-map-error', 'webgl');
      setFailure(WEBGL_MESSAGE);
      return;
    }
    const hadHashView = hashName !== false && hashHasView(window.location.hash, hashName);
    const basemap = latest.current.basemapUrl?.trim() || undefined;
    let map: maplibregl.Map;
    try {
      installBlobProtocol();
      map = new maplibregl.Map({
        container,
        style: withBasemap(basemap),
        center: HOME.center,
        zoom: HOME.zoom,
        maxZoom: 18,
        hash: hashName === false ? false : hashName,
        attributionControl: { compact: true },
        // Labels are DOM markers; a map-wide cooperative gesture would get in the user's way.
        cooperativeGestures: false,
      });
    } catch (err) {
      console.error('Could not create the map.', err);
      outer.setAttribute('data-map-error', 'webgl');
      setFailure(WEBGL_MESSAGE);
      return;
    }
    map.addControl(new maplibregl.NavigationControl({ visualizePitch: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');

    const live: Live = {
      map,
      applied: EMPTY_SPEC,
      styleReady: false,
      fittedKey: undefined,
      skipFirstFit: hadHashView,
      labelsFor: undefined,
      labels: [],
      labelsShown: true,
      labelFrame: 0,
      hover: new maplibregl.Popup({ closeButton: false, closeOnClick: false, focusAfterOpen: false, className: 'map-popup-hover', offset: 12, maxWidth: '300px' }),
      click: new maplibregl.Popup({ maxWidth: '320px', offset: 8 }),
      hoverKey: '',
      clickKey: '',
      basemap,
      viewChosen: hadHashView,
      focusedKey: undefined,
    };
    liveRef.current = live;

    map.on('style.load', () => {
      // A new style (first load or a basemap change) holds none of our layers.
      live.styleReady = true;
      live.applied = EMPTY_SPEC;
      sync(live);
    });

    map.on('error', (e: { error?: Error }) => {
      if (live.basemap && !live.styleReady) {
        // The basemap style itself failed (offline, bad URL): fall back to the plain background.
        setNotice(`The basemap style could not be loaded (${e.error?.message ?? 'unknown error'}); showing the plain background.`);
        live.basemap = undefined;
        map.setStyle(baseStyle(), { diff: false });
        return;
      }
      console.error(e.error ?? e);
    });

    map.on('webglcontextlost', () => {
      outer.setAttribute('data-map-error', 'webgl');
      setNotice('The graphics context was lost; the map will come back when the browser restores it.');
    });
    map.on('webglcontextrestored', () => {
      outer.removeAttribute('data-map-error');
      setNotice(null);
    });

    map.on('idle', () => {
      if (!live.styleReady) return;
      outer.setAttribute('data-map-ready', 'true');
    });

    // queryRenderedFeatures costs about as much as the features in view (seconds for 50 000 in
    // software WebGL), so the count is made only when asked for (by tests and benchmarks) with a
    // 'thusong:count-features' event on the container, never on the user's time.
    outer.addEventListener('thusong:count-features', () => {
      const ids = live.applied.layers.map((l) => l.id).filter((id) => map.getLayer(id));
      const seen = new Set<string>();
      if (ids.length) for (const f of map.queryRenderedFeatures({ layers: ids })) seen.add(featureKey(f));
      outer.setAttribute('data-rendered-features', String(seen.size));
    });

    map.on('moveend', (e: { originalEvent?: unknown }) => {
      if (e.originalEvent) live.viewChosen = true;
    });

    map.on('move', () => {
      if (live.labelFrame) return;
      live.labelFrame = requestAnimationFrame(() => {
        live.labelFrame = 0;
        placeLabels(live);
      });
    });

    /**
     * Features under the pointer on interactive, visible layers, topmost first, one per feature
     * (a feature drawn by two layers, or split across tiles, is listed once).
     */
    const pickAll = (e: MapMouseEvent): { feature: MapGeoJSONFeature; layer: LayerSpecification; key: string }[] => {
      if (!live.styleReady) return [];
      const byId = new Map(live.applied.layers.map((l) => [l.id, l]));
      const ids = live.applied.layers
        .filter((l) => isInteractive(l) && (l.layout as { visibility?: string } | undefined)?.visibility !== 'none' && map.getLayer(l.id))
        .map((l) => l.id);
      if (!ids.length) return [];
      const seen = new Set<string>();
      const hits = [];
      for (const feature of map.queryRenderedFeatures(e.point, { layers: ids })) {
        const layer = byId.get(feature.layer.id);
        const key = featureKey(feature);
        if (!layer || seen.has(key)) continue;
        seen.add(key);
        hits.push({ feature, layer, key });
      }
      return hits;
    };
    const catalogue = () => latest.current.view.catalogue;

    map.on('mousemove', (e) => {
      const [hit] = pickAll(e);
      map.getCanvas().style.cursor = hit ? 'pointer' : '';
      if (!hit || (live.click.isOpen() && hit.key === live.clickKey)) {
        live.hover.remove();
        live.hoverKey = '';
        return;
      }
      if (hit.key !== live.hoverKey) {
        const model = popupModel(kindOf(hit.layer), hit.feature.properties, catalogue());
        live.hover.setDOMContent(popupNode({ ...model, rows: [] }));
        live.hoverKey = hit.key;
      }
      live.hover.setLngLat(e.lngLat);
      if (!live.hover.isOpen()) live.hover.addTo(map);
    });
    map.getCanvas().addEventListener('mouseleave', () => {
      live.hover.remove();
      live.hoverKey = '';
    });

    // A click describes everything under the pointer (an office, the region and the municipality
    // it lies in), topmost first, and reports the topmost feature to the app.
    map.on('click', (e) => {
      if (latest.current.onMapClick?.([e.lngLat.lng, e.lngLat.lat]) === true) return;
      const hits = pickAll(e).slice(0, MAX_CLICK_FEATURES);
      if (!hits.length) return;
      const content = document.createElement('div');
      content.className = 'map-popup-stack';
      for (const h of hits) content.appendChild(popupNode(popupModel(kindOf(h.layer), h.feature.properties, catalogue())));
      live.hover.remove();
      live.hoverKey = '';
      live.click.setLngLat(e.lngLat).setDOMContent(content).addTo(map);
      live.clickKey = hits[0].key;
      latest.current.onFeatureClick?.(kindOf(hits[0].layer), { ...(hits[0].feature.properties ?? {}) });
    });

    return () => {
      cancelAnimationFrame(live.labelFrame);
      for (const l of live.labels) l.marker.remove();
      live.hover.remove();
      live.click.remove();
      // MapLibre's Hash strips its parameter from the URL on remove(). Put a chosen view back, so
      // coming back to the map restores it; but not the placeholder view a map that never got data
      // wrote (React StrictMode mounts twice), or the remount would skip its first fit.
      const hash = window.location.hash;
      map.remove();
      if (live.viewChosen && window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash || window.location.pathname + window.location.search);
      liveRef.current = null;
    };
    // The map is created once per mount; later prop changes go through sync().
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hashName]);

  // Apply every change of data or options.
  useEffect(() => {
    const live = liveRef.current;
    if (live) sync(live);
  });

  // A different basemap means a different style; 'style.load' then re-adds our layers.
  useEffect(() => {
    const live = liveRef.current;
    const url = basemapUrl?.trim() || undefined;
    if (!live || url === live.basemap) return;
    live.basemap = url;
    live.styleReady = false;
    setNotice(null);
    setReady(false);
    live.map.setStyle(withBasemap(url), { diff: false });
  }, [basemapUrl]);

  return (
    <div ref={outerRef} className={className ? `map-view ${className}` : 'map-view'} data-testid="map">
      <div ref={canvasRef} className="map-view-canvas" />
      {failure && (
        <div className="map-view-message" role="alert">
          {failure}
        </div>
      )}
      {notice && !failure && (
        <div className="map-view-notice" role="status">
          {notice}
        </div>
      )}
    </div>
  );
}
