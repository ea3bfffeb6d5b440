import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { Legend } from '../../src/map/Legend';
import { legendModel, roundNicely, toggled } from '../../src/map/legend';
import { SETTLEMENT_RADIUS, defaultMapViewOptions, provinceLayers, type MapViewOptions } from '../../src/map/layer-specs';
import { departmentColour } from '../../src/model/catalogue';
import { evaluate } from './style-eval';
import * as fx from './fixtures';

const view = (over: Partial<MapViewOptions> = {}): MapViewOptions => ({ ...defaultMapViewOptions(fx.province), ...over });
const group = (kind: string, v = view()) => legendModel(fx.province, v).find((g) => g.kind === kind)!;

describe('legendModel', () => {
  it('has a group per given collection, top of the map first', () => {
    expect(legendModel(fx.province, view()).map((g) => g.kind)).toEqual(['thusong', 'offices', 'settlements', 'roads', 'regions', 'municipalities']);
    expect(legendModel({ roads: fx.roads }, view()).map((g) => g.kind)).toEqual(['roads']);
  });

  it('lists the departments that have offices, in catalogue order, with their catalogue colours and counts', () => {
    const items = group('offices').items;
    expect(items.map((i) => [i.key, i.colour, i.count])).toEqual([
      ['SASSA', departmentColour('SASSA'), 1],
      ['HOME_AFFAIRS', departmentColour('HOME_AFFAIRS'), 1],
      ['MYSTERY', departmentColour('MYSTERY'), 1],
    ]);
    expect(items[2].label).toBe('MYSTERY (not in the catalogue)');
  });

  it('marks as inactive exactly the departments the filter hides', () => {
    const g = group('offices', view({ departmentFilter: ['HOME_AFFAIRS'] }));
    expect(g.filterable).toBe(true);
    expect(g.items.filter((i) => i.active).map((i) => i.key)).toEqual(['HOME_AFFAIRS']);
    const r = group('regions', view({ regionDepartments: ['SASSA'] }));
    expect(r.items.map((i) => [i.key, i.active])).toEqual([['SASSA', true], ['HOME_AFFAIRS', false]]);
  });

  it('reports layer visibility', () => {
    expect(group('roads', view({ visibleLayers: { roads: false } })).visible).toBe(false);
    expect(group('roads').visible).toBe(true);
  });

  it('shows settlement circles at the very radius the map draws them at the reference zoom', () => {
    const circle = provinceLayers(fx.province, view()).layers.find((l) => l.id === 'settlements-circle')!;
    const items = group('settlements').items.filter((i) => i.kind === 'circle');
    expect(items.map((i) => i.label)).toEqual(['10\u00a0000 people', '3\u00a0000 people', '400 people']);
    for (const i of items) {
      const population = Number(i.key.slice('pop-'.length));
      expect(i.sizePx).toBeCloseTo(evaluate(circle, 'paint', 'circle-radius', SETTLEMENT_RADIUS.referenceZoom, { population }) as number);
    }
    expect(group('settlements').items.at(-1)!.label).toBe('Settlement area');
  });

  it('lists only the road classes present, minor roads with the zoom they appear at', () => {
    expect(group('roads').items.map((i) => i.label)).toEqual(['Motorway', 'Primary road', 'Minor road or track (from zoom 10)']);
  });
});

describe('helpers', () => {
  it('roundNicely keeps one significant figure', () => {
    expect([23456, 2500, 7, 0].map(roundNicely)).toEqual([20000, 3000, 7, 0]);
  });
  it('toggled adds an absent code and removes a present one', () => {
    expect(toggled(['A'], 'B')).toEqual(['A', 'B']);
    expect(toggled(['A', 'B'], 'A')).toEqual(['B']);
  });
});

describe('<Legend>', () => {
  it('renders titles, labels and counts as text, and a checkbox per department when filters are wired', () => {
    const html = renderToStaticMarkup(<Legend groups={legendModel(fx.province, view({ departmentFilter: ['SASSA'] }))} onToggleItem={() => {}} onToggleLayer={() => {}} />);
    expect(html).toContain('Department offices');
    expect(html).toContain('SASSA (social grants)');
    expect(html.match(/type="checkbox"/g)).toHaveLength(6 + 3 + 2);
    expect(html).toContain('map-legend-item map-legend-item-off');
  });

  it('escapes an unknown department code that looks like markup', () => {
    const offices = { type: 'FeatureCollection' as const, features: [{ ...fx.offices.features[0], properties: { department: '<b>x</b>' } }] };
    const html = renderToStaticMarkup(<Legend groups={legendModel({ offices }, view())} />);
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt; (not in the catalogue)');
    expect(html).not.toContain('<b>');
  });

  it('renders nothing without groups', () => {
    expect(renderToStaticMarkup(<Legend groups={[]} />)).toBe('');
  });
});
