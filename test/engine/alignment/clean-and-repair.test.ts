/** Invalid input is repaired where that is safe and reported; nothing crashes the run. */
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { cleanAreaGeometry, issueSink } from '../../../src/engine/alignment/clean-rings';
import { prepareLayers } from '../../../src/engine/alignment/prepare-layers';
import { analyseAlignment } from '../../../src/engine/alignment';
import { collection, DEG2, feature, LINEAR, multi, overlay, poly, rect } from './helpers';

const clean = (g: Geometry | null) => {
  const sink = issueSink('test.geojson');
  const polys = cleanAreaGeometry(g, 3, sink);
  return { polys, issues: sink.issues };
};

describe('ring cleaning', () => {
  it('closes an unclosed ring and says so, with the feature index', () => {
    const { polys, issues } = clean({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] });
    expect(polys[0].rings[0].length / 2).toBe(4);
    expect(issues).toEqual([expect.objectContaining({ code: 'unclosed-ring', severity: 'warning', where: { file: 'test.geojson', feature: 3 } })]);
  });

  it('drops repeated consecutive vertices silently', () => {
    const { polys, issues } = clean(poly([[0, 0], [0, 0], [1, 0], [1, 0], [1, 1], [0, 1], [0, 1]]));
    expect(polys[0].rings[0].length / 2).toBe(4);
    expect(issues).toEqual([]);
  });

  it('removes a zero-width spike and reports it', () => {
    const { polys, issues } = clean(poly([[0, 0], [1, 0], [1, 1], [1.5, 1.5], [1, 1], [0, 1]]));
    expect(polys[0].rings[0].length / 2).toBe(4);
    expect(issues[0].code).toBe('self-intersecting-ring');
  });

  it('turns outer rings counter-clockwise and holes clockwise', () => {
    const { polys } = clean(poly([[0, 0], [0, 4], [4, 4], [4, 0]], [[1, 1], [3, 1], [3, 3], [1, 3]]));
    const signed = (r: Float64Array) => {
      let s = 0;
      for (let i = 0; i < r.length; i += 2) {
        const j = (i + 2) % r.length;
        s += r[i] * r[j + 1] - r[j] * r[i + 1];
      }
      return s;
    };
    expect(signed(polys[0].rings[0])).toBeGreaterThan(0);
    expect(signed(polys[0].rings[1])).toBeLessThan(0);
  });

  it('skips degenerate rings and non-area geometry, reporting each', () => {
    expect(clean(poly([[0, 0], [1, 0], [2, 0]])).issues[0].code).toBe('too-few-points');
    expect(clean({ type: 'Point', coordinates: [0, 0] }).issues[0].code).toBe('wrong-geometry-for-layer');
    expect(clean(null).issues[0].code).toBe('empty-geometry');
    const bad = clean({ type: 'Polygon', coordinates: [[[0, 0], [NaN, 1], [1, 0], [1, 1], [0, 1], [0, 0]]] });
    expect(bad.issues[0].code).toBe('invalid-coordinate');
    expect(bad.polys[0].rings[0].length / 2).toBe(4);
  });
});

describe('repair of invalid polygons', () => {
  it('a bow-tie is reported and counted as its two lobes', () => {
    const bowtie = poly([[0, 0], [2, 2], [2, 0], [0, 2]]);
    const o = overlay([bowtie], [rect(0, 0, 2, 2)]);
    expect(o.prepared.layers[0].repaired).toEqual([0]);
    expect(o.prepared.layers[0].issues[0]).toMatchObject({ code: 'self-intersecting-ring', severity: 'warning' });
    expect(o.at(0, 0) / DEG2).toBeCloseTo(2, 9);
  });

  it('a ring crossing itself at a shared vertex (figure of eight) is repaired too', () => {
    const eight = poly([[1, 0], [0, 1], [1, 2], [1, 3], [0, 4], [1, 2]]);
    const P = prepareLayers([{ name: 'x', geometries: [eight] }], { frame: LINEAR });
    expect(P.layers[0].issues.map((i) => i.code)).toContain('self-intersecting-ring');
    // lobes of 1 and ½ square degree
    expect(P.layers[0].layer.featureAreaM2[0] / DEG2).toBeCloseTo(1.5, 9);
  });

  it('overlapping parts of a multipolygon count once', () => {
    const o = overlay([multi(rect(0, 0, 2, 2), rect(1, 1, 3, 3))], [rect(0, 0, 3, 3)]);
    expect(o.prepared.layers[0].repaired).toEqual([0]);
    expect(o.at(0, 0) / DEG2).toBeCloseTo(7, 9);
  });

  it('a hole outside its polygon is reported and repaired', () => {
    const P = prepareLayers([{ name: 'x', geometries: [poly([[0, 0], [1, 0], [1, 1], [0, 1]], [[2, 2], [2, 3], [3, 3], [3, 2]])] }], { frame: LINEAR });
    expect(P.layers[0].issues[0].message).toMatch(/hole lies outside/);
  });

  it('valid polygons touching themselves at a point are left alone', () => {
    const P = prepareLayers([{ name: 'x', geometries: [multi(rect(0, 0, 1, 1), rect(1, 1, 2, 2)), poly([[0, 0], [3, 0], [3, 3], [0, 3]], [[0, 0], [1, 2], [2, 1]])] }], { frame: LINEAR });
    expect(P.layers[0].issues).toEqual([]);
  });

  it('garbage never crashes the analysis: it is reported and the rest is measured', () => {
    const regions = collection([
      feature(rect(24, -30, 25, -29), { department: 'SASSA', region: 'good' }),
      feature(null as unknown as Geometry, { department: 'SASSA', region: 'null' }),
      feature({ type: 'Polygon', coordinates: [] }, { department: 'SASSA', region: 'empty' }),
      feature({ type: 'Polygon', coordinates: [[[24, -30], [Infinity, 1], [24, -30]]] }, { department: 'SASSA', region: 'nan' }),
      feature({ type: 'LineString', coordinates: [[24, -30], [25, -29]] }, { department: 'SASSA', region: 'line' }),
      feature(poly([[24, -30], [25, -29], [25, -30], [24, -29]]), { department: 'SASSA', region: 'bowtie' }),
    ]);
    const municipalities = collection([feature(rect(24, -30, 24.5, -29), { code: 'M1', name: 'one' }), feature(rect(24.5, -30, 25, -29), { code: 'M2', name: 'two' })]);
    const r = analyseAlignment({ regions, municipalities });
    expect(r.regions.count).toBe(6);
    expect(r.issues.length).toBeGreaterThanOrEqual(4);
    expect(r.regions.areaKm2[0]).toBeGreaterThan(10_000);
    expect(r.regions.areaKm2[1]).toBe(0);
    // the bow-tie's two lobes, each a quarter of the square, each split between the two municipalities
    const bow = [...Array(r.overlaps.count).keys()].filter((k) => r.overlaps.region[k] === 5);
    expect(bow.length).toBe(2);
  });
});
