import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { ORDER_RAMP, routesLayers, TEAM_PALETTE, teamColour, teamColourExpression, UNASSIGNED_COLOUR, UNREACHED_COLOUR } from '../../src/map/routes-layers';
import { composeSpecs, slotOf, kindOf, isInteractive } from '../../src/map/slots';
import { provinceLayers, defaultMapViewOptions } from '../../src/map/layer-specs';
import { routesFeatureCollection } from '../../src/io/exporters/routes';
import { selectedDayFeatures, unreachedPoints } from '../../src/panels/routes/routes-view';
import { evaluate, passes, validationErrors } from './style-eval';
import { smallPlan } from '../engine/routing/mobile-plan-fixtures';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const pt: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { kind: 'route' }, geometry: { type: 'Point', coordinates: [26, -29] } }] };
/** the CSS colour the renderer computes for a colour string */
const css = (layerId: string, spec: ReturnType<typeof routesLayers>, colour: string) => {
  const layer = spec.layers.find((l) => l.id === layerId)!;
  return String(evaluate({ ...layer, paint: { [layer.type === 'line' ? 'line-color' : 'circle-color']: colour } } as never, 'paint', layer.type === 'line' ? 'line-color' : 'circle-color', 10));
};

describe('routes map layers', () => {
  it('are valid MapLibre style layers with and without a selected day and unreached settlements', () => {
    const plain = routesLayers({ plan: empty, teamCount: 3 });
    expect(validationErrors(plain.sources, plain.layers)).toEqual([]);
    expect(plain.layers.map((l) => l.id)).toEqual(['routes-line', 'routes-stop', 'routes-base']);
    const full = routesLayers({ plan: empty, teamCount: 3, selected: pt, unreached: pt });
    expect(validationErrors(full.sources, full.layers)).toEqual([]);
    expect(full.layers.map((l) => l.id)).toEqual(['routes-line', 'routes-stop', 'routes-base', 'routes-unreached', 'routes-selected-casing', 'routes-selected-line', 'routes-selected-order']);
    expect(routesLayers({ plan: empty, teamCount: 0 }).layers.every((l) => validationErrors({ routes: { type: 'geojson', data: empty } }, [l]).length === 0)).toBe(true);
  });

  it('uses no text layers (the offline style has no glyphs)', () => {
    const spec = routesLayers({ plan: empty, teamCount: 8, selected: pt, unreached: pt });
    expect(spec.layers.every((l) => l.type === 'line' || l.type === 'circle')).toBe(true);
  });

  it('colours each team from a colour-blind-safe palette, and a stop without a team grey', () => {
    const spec = routesLayers({ plan: empty, teamCount: 3 });
    const line = spec.layers.find((l) => l.id === 'routes-line')!;
    const colourOf = (team: number) => String(evaluate(line, 'paint', 'line-color', 10, { team }, 'LineString'));
    expect(colourOf(0)).toBe(css('routes-line', spec, TEAM_PALETTE[0]));
    expect(colourOf(2)).toBe(css('routes-line', spec, TEAM_PALETTE[2]));
    expect(colourOf(-1)).toBe(css('routes-line', spec, UNASSIGNED_COLOUR));
    expect(new Set(TEAM_PALETTE).size).toBe(TEAM_PALETTE.length);
    expect(teamColour(TEAM_PALETTE.length)).toBe(TEAM_PALETTE[0]); // more teams than colours: reused in order
    expect(teamColour(-1)).toBe(UNASSIGNED_COLOUR);
    expect(JSON.stringify(teamColourExpression(12))).toContain(TEAM_PALETTE[3]);
  });

  it('puts routes, stops and bases in their slots, each from the features of its kind', () => {
    const spec = routesLayers({ plan: empty, teamCount: 2, selected: pt, unreached: pt });
    const byId = Object.fromEntries(spec.layers.map((l) => [l.id, l]));
    expect(slotOf(byId['routes-line'])).toBe('roads');
    expect(slotOf(byId['routes-stop'])).toBe('settlements');
    expect(slotOf(byId['routes-base'])).toBe('thusong');
    expect(slotOf(byId['routes-selected-line'])).toBe('highlight');
    expect(kindOf(byId['routes-stop'])).toBe('route stop');
    expect(isInteractive(byId['routes-selected-casing'])).toBe(false);
    const filter = (id: string) => (byId[id] as { filter?: never }).filter;
    expect(passes(filter('routes-line'), { kind: 'route' }, 'LineString')).toBe(true);
    expect(passes(filter('routes-line'), { kind: 'stop' })).toBe(false);
    expect(passes(filter('routes-stop'), { kind: 'stop' })).toBe(true);
    expect(passes(filter('routes-base'), { kind: 'base' })).toBe(true);
    expect(passes(filter('routes-selected-order'), { kind: 'order' })).toBe(true);
    expect(passes(filter('routes-selected-line'), { kind: 'order' })).toBe(false);
  });

  it('steps the other routes back when a day is selected, and grades its stops light to dark in order', () => {
    const none = routesLayers({ plan: empty, teamCount: 2 });
    const sel = routesLayers({ plan: empty, teamCount: 2, selected: pt });
    const opacity = (s: typeof none) => evaluate(s.layers.find((l) => l.id === 'routes-line')!, 'paint', 'line-opacity', 10, {}, 'LineString') as number;
    expect(opacity(sel)).toBeLessThan(opacity(none));
    const order = sel.layers.find((l) => l.id === 'routes-selected-order')!;
    expect(String(evaluate(order, 'paint', 'circle-color', 10, { position: 0 }))).toBe(css('routes-selected-order', sel, ORDER_RAMP[0]));
    expect(String(evaluate(order, 'paint', 'circle-color', 10, { position: 1 }))).toBe(css('routes-selected-order', sel, ORDER_RAMP[1]));
    const casing = sel.layers.find((l) => l.id === 'routes-selected-casing')!;
    const line = sel.layers.find((l) => l.id === 'routes-selected-line')!;
    expect(evaluate(casing, 'paint', 'line-width', 10, {}, 'LineString')).toBeGreaterThan(evaluate(line, 'paint', 'line-width', 10, {}, 'LineString') as number);
  });

  it('rings a stop visited fewer times than it needs', () => {
    const spec = routesLayers({ plan: empty, teamCount: 1 });
    const stop = spec.layers.find((l) => l.id === 'routes-stop')!;
    expect(String(evaluate(stop, 'paint', 'circle-stroke-color', 10, { visits_planned: 0, visits_needed: 1 }))).toBe(css('routes-stop', spec, UNREACHED_COLOUR));
    expect(evaluate(stop, 'paint', 'circle-stroke-width', 10, { visits_planned: 1, visits_needed: 1 })).toBe(1);
  });

  it('composes with the province layers from a real plan', () => {
    const mp = smallPlan({ overnight: false }, { remoteFarm: true });
    const d = mp.plan.teams[0].days[0];
    const spec = routesLayers({ plan: routesFeatureCollection(mp), teamCount: mp.teams.length, selected: selectedDayFeatures(mp, 0, d.date), unreached: unreachedPoints(mp) });
    expect(validationErrors(spec.sources, spec.layers)).toEqual([]);
    const composed = provinceLayers({}, defaultMapViewOptions(), [spec]);
    expect(composed.layers.map((l) => l.id)).toEqual(expect.arrayContaining(spec.layers.map((l) => l.id)));
    expect(() => composeSpecs([spec])).not.toThrow();
  });
});
