import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { COVERAGE_STATUS_LABELS, ZONES_COLOURS, zonesLayers } from '../../src/map/zones-layers';
import { composeSpecs } from '../../src/map/slots';
import { evaluate, passes, validationErrors } from './style-eval';

const points = (props: Record<string, unknown>[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: props.map((p, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [19 + i / 10, -33] }, properties: p })),
});
const lines: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'LineString', coordinates: [[19, -33], [19.1, -33]] }, properties: { rank: 1 } }] };

const full = zonesLayers({
  coverage: points([{ status: 'before', population: 100 }, { status: 'new', population: 50 }, { status: 'none', population: 5 }]),
  catchments: lines,
  zones: points([{ fixed: true }, { fixed: false }]),
  candidates: points([{}]),
  newCentres: points([{}]),
  added: points([{ id: 'P1' }]),
  colocated: points([{ departments: 3 }]),
  relocation: { offices: points([{}]), options: points([{ rank: 1 }, { rank: 2 }]), lines },
});
const layer = (id: string) => full.layers.find((l) => l.id === id)!;

describe('zones layers', () => {
  it('form a valid style with the offline base, and compose with the province layers', () => {
    expect(validationErrors(full.sources, full.layers)).toEqual([]);
    expect(() => composeSpecs([full])).not.toThrow();
  });

  it('have no text layers (the offline style has no glyphs)', () => {
    expect(full.layers.filter((l) => l.type === 'symbol')).toEqual([]);
  });

  it('colour settlements by coverage before and after', () => {
    const c = layer('zones-coverage-circle');
    expect(evaluate(c, 'paint', 'circle-color', 8, { status: 'before' })).toMatchObject({ r: expect.any(Number) });
    const hex = (status: string) => {
      const { r, g, b } = evaluate(c, 'paint', 'circle-color', 8, { status }) as { r: number; g: number; b: number };
      return `#${[r, g, b].map((x) => Math.round(x * 255).toString(16).padStart(2, '0')).join('')}`;
    };
    expect(hex('before')).toBe(ZONES_COLOURS.before);
    expect(hex('new')).toBe(ZONES_COLOURS.new);
    expect(hex('none')).toBe(ZONES_COLOURS.none);
    expect(Object.keys(COVERAGE_STATUS_LABELS)).toEqual(['before', 'new', 'none']);
  });

  it('draw proposed zones and fixed sites as separate hollow rings', () => {
    const zone = layer('zones-zone-ring');
    const fixed = layer('zones-fixed-ring');
    expect(passes((zone as { filter?: never }).filter, { fixed: false })).toBe(true);
    expect(passes((zone as { filter?: never }).filter, { fixed: true })).toBe(false);
    expect(passes((fixed as { filter?: never }).filter, { fixed: true })).toBe(true);
    expect(evaluate(zone, 'paint', 'circle-color', 8)).toMatchObject({ a: 0 });
    expect(evaluate(zone, 'paint', 'circle-radius', 8)).toBeGreaterThan(evaluate(fixed, 'paint', 'circle-radius', 8) as number);
  });

  it('grow the co-located site ring with the departments sharing it', () => {
    const ring = layer('zones-colocated-ring');
    expect(evaluate(ring, 'paint', 'circle-radius', 8, { departments: 4 })).toBeGreaterThan(evaluate(ring, 'paint', 'circle-radius', 8, { departments: 2 }) as number);
  });

  it('make the best relocation option stand out', () => {
    const option = layer('zones-relocation-option');
    expect(evaluate(option, 'paint', 'circle-radius', 8, { rank: 1 })).toBeGreaterThan(evaluate(option, 'paint', 'circle-radius', 8, { rank: 2 }) as number);
  });

  it('draw catchment lines under the settlements and the rings on top', () => {
    const composed = composeSpecs([full]).layers.map((l) => l.id);
    expect(composed.indexOf('zones-catchment-line')).toBeLessThan(composed.indexOf('zones-coverage-circle'));
    expect(composed.indexOf('zones-coverage-circle')).toBeLessThan(composed.indexOf('zones-zone-ring'));
  });

  it('add only the sources given', () => {
    const spec = zonesLayers({ added: points([{ id: 'P1' }]) });
    expect(Object.keys(spec.sources)).toEqual(['zones-added']);
    expect(spec.layers.map((l) => l.id)).toEqual(['zones-added-point']);
  });
});
