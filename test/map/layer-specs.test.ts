import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import {
  LAYER_IDS,
  MINOR_ROADS_MINZOOM,
  ROAD_STYLES,
  SETTLEMENT_RADIUS,
  UNKNOWN_DEPARTMENT_COLOUR,
  defaultMapViewOptions,
  departmentColourExpression,
  highlightLayers,
  maxPopulation,
  municipalityLayers,
  officeFilter,
  officeLayers,
  provinceLayers,
  regionLayers,
  roadLayers,
  settlementLayers,
  settlementRadiusPx,
  thusongLayers,
  type MapViewOptions,
} from '../../src/map/layer-specs';
import { DEFAULT_CATALOGUE, departmentColour } from '../../src/model/catalogue';
import { LAYER_KINDS } from '../../src/model/layers';
import { evaluate, passes, validationErrors } from './style-eval';
import * as fx from './fixtures';

const view = (over: Partial<MapViewOptions> = {}): MapViewOptions => ({ ...defaultMapViewOptions(fx.province), ...over });
const layer = (spec: { layers: LayerSpecification[] }, id: string) => {
  const l = spec.layers.find((x) => x.id === id);
  if (!l) throw new Error(`no layer ${id}`);
  return l;
};
const filterOf = (l: LayerSpecification) => ('filter' in l ? (l.filter as FilterSpecification) : undefined);

describe('provinceLayers', () => {
  it('makes one GeoJSON source per given collection, named after its layer kind, holding that very collection', () => {
    const spec = provinceLayers(fx.province, view());
    expect(Object.keys(spec.sources).sort()).toEqual([...LAYER_KINDS].sort());
    for (const kind of LAYER_KINDS) expect(spec.sources[kind]).toEqual({ type: 'geojson', data: fx.province[kind], generateId: true });
  });

  it('produces exactly the documented layer ids in drawing order', () => {
    const ids = provinceLayers(fx.province, view()).layers.map((l) => l.id);
    expect(ids).toEqual([
      'municipalities-fill', 'regions-fill',
      'municipalities-line', 'regions-line',
      'roads-minor', 'roads-major',
      'settlements-fill', 'settlements-circle',
      'offices-circle',
      'thusong-halo', 'thusong-core',
    ]);
  });

  it('leaves out the source and layers of a collection that is not given', () => {
    const spec = provinceLayers({ offices: fx.offices }, view());
    expect(Object.keys(spec.sources)).toEqual(['offices']);
    expect(spec.layers.map((l) => l.id)).toEqual(LAYER_IDS.offices);
  });

  it('produces a style that MapLibre’s style-spec validator accepts, for every layer', () => {
    const spec = provinceLayers(fx.province, view(), [highlightLayers(fx.offices)]);
    expect(spec.layers.length).toBe(14);
    expect(validationErrors(spec.sources, spec.layers)).toEqual([]);
  });

  it('is checked by a validator that does reject a broken layer (so the check above means something)', () => {
    const broken = { id: 'x', type: 'circle', source: 'offices', paint: { 'circle-colour': 'red' } } as unknown as LayerSpecification;
    expect(validationErrors({ offices: { type: 'geojson', data: fx.offices } }, [broken])).toEqual(['layers[1].paint.circle-colour: unknown property "circle-colour"']);
  });

  it('stays valid when no department is selected and the catalogue is empty', () => {
    const empty = { departments: [], services: [], bundles: [] };
    const spec = provinceLayers(fx.province, view({ departmentFilter: [], regionDepartments: [], catalogue: empty }));
    expect(validationErrors(spec.sources, spec.layers)).toEqual([]);
    expect(evaluate(layer(spec, 'offices-circle'), 'paint', 'circle-color', 10, { department: 'SASSA' })).toMatchObject({ r: 0x77 / 255 });
  });

  it('uses no symbol layer, since text would need a glyph server', () => {
    const spec = provinceLayers(fx.province, view(), [highlightLayers(fx.offices)]);
    expect(spec.layers.filter((l) => l.type === 'symbol')).toEqual([]);
  });
});

describe('visibility toggles', () => {
  it('hides every layer of a kind switched off, and only those', () => {
    const spec = provinceLayers(fx.province, view({ visibleLayers: { roads: false, thusong: false } }));
    for (const l of spec.layers) {
      const hidden = LAYER_IDS.roads.includes(l.id) || LAYER_IDS.thusong.includes(l.id);
      expect((l.layout as { visibility?: string }).visibility, l.id).toBe(hidden ? 'none' : 'visible');
    }
  });
});

describe('department filters', () => {
  it('officeFilter passes exactly the chosen departments', () => {
    const f = officeFilter(['SASSA', 'MYSTERY']);
    const shown = fx.offices.features.filter((o) => passes(f, o.properties!)).map((o) => o.properties!.id);
    expect(shown).toEqual(['o1', 'o3']);
  });

  it('an empty selection shows no office', () => {
    expect(fx.offices.features.some((o) => passes(officeFilter([]), o.properties!))).toBe(false);
  });

  it('the offices layer carries the filter for the chosen departments', () => {
    const l = layer(officeLayers(fx.offices, view({ departmentFilter: ['HOME_AFFAIRS'] })), 'offices-circle');
    const shown = fx.offices.features.filter((o) => passes(filterOf(l), o.properties!)).map((o) => o.properties!.id);
    expect(shown).toEqual(['o2']);
  });

  it('region fill and outline both show only the chosen departments’ regions', () => {
    const spec = regionLayers(fx.regions, view({ regionDepartments: ['SASSA'] }));
    for (const id of LAYER_IDS.regions) {
      const shown = fx.regions.features.filter((r) => passes(filterOf(layer(spec, id)), r.properties!, 'Polygon'));
      expect(shown.map((r) => r.properties!.region), id).toEqual(['West']);
    }
  });
});

describe('department colours', () => {
  it('colours each office with its catalogue colour and unknown departments grey', () => {
    const l = layer(officeLayers(fx.offices, view()), 'offices-circle');
    for (const d of [...DEFAULT_CATALOGUE.departments.map((x) => x.code), 'MYSTERY']) {
      const c = evaluate(l, 'paint', 'circle-color', 10, { department: d }) as { r: number; g: number; b: number };
      const hex = '#' + [c.r, c.g, c.b].map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('');
      expect(hex.toUpperCase(), d).toBe(departmentColour(d).toUpperCase());
    }
    expect(departmentColour('MYSTERY')).toBe(UNKNOWN_DEPARTMENT_COLOUR);
  });

  it('regions use the same colour expression as offices', () => {
    const r = regionLayers(fx.regions, view());
    expect((layer(r, 'regions-fill').paint as Record<string, unknown>)['fill-color']).toEqual(departmentColourExpression());
    expect((layer(r, 'regions-line').paint as Record<string, unknown>)['line-color']).toEqual(departmentColourExpression());
  });
});

describe('settlements', () => {
  const maxPop = maxPopulation(fx.settlements);
  const circle = layer(settlementLayers(fx.settlements, view()), 'settlements-circle');

  it('finds the largest population to scale against', () => {
    expect(maxPop).toBe(10000);
    expect(maxPopulation({ type: 'FeatureCollection', features: [] })).toBe(1);
  });

  it('sizes circles by the square root of population, so area is proportional to population', () => {
    const r = (population: number) => evaluate(circle, 'paint', 'circle-radius', SETTLEMENT_RADIUS.referenceZoom, { population }) as number;
    expect(r(10000)).toBeCloseTo(SETTLEMENT_RADIUS.maxPx);
    expect(r(2500)).toBeCloseTo(SETTLEMENT_RADIUS.maxPx / 2);
    expect(r(10000) ** 2 / r(2500) ** 2).toBeCloseTo(4);
  });

  it('draws the smallest settlements with the minimum radius rather than invisibly', () => {
    expect(evaluate(circle, 'paint', 'circle-radius', SETTLEMENT_RADIUS.referenceZoom, { population: 0 })).toBeCloseTo(SETTLEMENT_RADIUS.minPx);
    expect(evaluate(circle, 'paint', 'circle-radius', SETTLEMENT_RADIUS.referenceZoom, {})).toBeCloseTo(SETTLEMENT_RADIUS.minPx);
  });

  it('agrees with settlementRadiusPx, which the legend uses', () => {
    for (const p of [0, 10, 900, 2500, 7000, 10000]) {
      expect(evaluate(circle, 'paint', 'circle-radius', SETTLEMENT_RADIUS.referenceZoom, { population: p })).toBeCloseTo(settlementRadiusPx(p, maxPop));
    }
  });

  it('grows with zoom', () => {
    const at = (z: number) => evaluate(circle, 'paint', 'circle-radius', z, { population: 2500 }) as number;
    expect(at(6)).toBeLessThan(at(9));
    expect(at(9)).toBeLessThan(at(12));
  });

  it('draws point settlements as circles and polygon settlements as fills', () => {
    const spec = settlementLayers(fx.settlements, view());
    const kinds = (id: string) => fx.settlements.features.filter((f) => passes(filterOf(layer(spec, id)), f.properties!, f.geometry.type)).map((f) => f.properties!.id);
    expect(kinds('settlements-circle')).toEqual(['s1', 's2']);
    expect(kinds('settlements-fill')).toEqual(['s3']);
  });
});

describe('roads', () => {
  const spec = roadLayers(fx.roads, view());
  const minor = layer(spec, 'roads-minor');
  const major = layer(spec, 'roads-major');

  it('draws minor roads only from MINOR_ROADS_MINZOOM on, and major roads at every zoom', () => {
    expect(minor.minzoom).toBe(MINOR_ROADS_MINZOOM);
    expect(major.minzoom).toBeUndefined();
  });

  it('splits classes between the major and minor layers', () => {
    const on = (l: LayerSpecification) => fx.roads.features.filter((f) => passes(filterOf(l), f.properties!, 'LineString')).map((f) => f.properties!.class);
    expect(on(major)).toEqual(['primary', 'motorway_link']);
    expect(on(minor)).toEqual(['residential']);
  });

  it('gives each class its own colour and width, more important roads wider', () => {
    const width = (c: string) => evaluate(major, 'paint', 'line-width', 10, { class: c }) as number;
    const widths = ROAD_STYLES.map((s) => width(s.classes[0]));
    expect(widths).toEqual(ROAD_STYLES.map((s) => s.widthPx));
    expect([...widths].sort((a, b) => b - a)).toEqual(widths);
    expect(evaluate(minor, 'paint', 'line-width', 10, { class: 'track' })).toBeCloseTo(0.8);
    expect(evaluate(major, 'paint', 'line-color', 10, { class: 'motorway_link' })).toEqual(evaluate(major, 'paint', 'line-color', 10, { class: 'motorway' }));
  });
});

describe('municipalities and thusong', () => {
  it('municipalities have a clickable fill and an outline that references the category', () => {
    const spec = municipalityLayers(fx.municipalities, view());
    expect(evaluate(layer(spec, 'municipalities-line'), 'paint', 'line-width', 8, { category: 'C' })).toBeGreaterThan(
      evaluate(layer(spec, 'municipalities-line'), 'paint', 'line-width', 8, { category: 'B' }) as number,
    );
    expect(evaluate(layer(spec, 'municipalities-fill'), 'paint', 'fill-opacity', 8, { category: 'C' })).toBe(0);
  });

  it('thusong centres are a ring drawn under a dark core, larger than an office symbol', () => {
    const spec = thusongLayers(fx.thusong, view());
    expect(spec.layers.map((l) => l.id)).toEqual(['thusong-halo', 'thusong-core']);
    const halo = layer(spec, 'thusong-halo');
    const office = layer(officeLayers(fx.offices, view()), 'offices-circle');
    expect(evaluate(halo, 'paint', 'circle-stroke-width', 10)).toBeGreaterThan(0);
    expect(evaluate(halo, 'paint', 'circle-radius', 10)).toBeGreaterThan(evaluate(office, 'paint', 'circle-radius', 10) as number);
  });
});

describe('highlight', () => {
  it('draws areas, lines and points of the highlighted collection with the matching layer', () => {
    const fc: FeatureCollection = { type: 'FeatureCollection', features: [...fx.regions.features, ...fx.roads.features, ...fx.offices.features] };
    const spec = highlightLayers(fc);
    const count = (id: string) => fc.features.filter((f) => passes(filterOf(layer(spec, id)), f.properties ?? {}, f.geometry.type)).length;
    expect(count('highlight-fill')).toBe(2);
    expect(count('highlight-line')).toBe(5);
    expect(count('highlight-circle')).toBe(3);
  });
});
