import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { checkFeatureLocation } from '../../src/io/check-coordinates';

const at = (coordinates: number[], index = 3) => ({ index, geometry: { type: 'Point', coordinates } as Geometry, properties: {} });

describe('checking where a feature lies', () => {
  it('accepts a point in South Africa silently', () => {
    expect(checkFeatureLocation(at([18.42, -33.92]), 'f')).toEqual({});
  });
  it('drops a position beyond ±180/±90, quoting it', () => {
    expect(checkFeatureLocation(at([18.42, -339.2]), 'f').drop).toMatchObject({ code: 'out-of-range-coordinate', where: { feature: 3 }, message: expect.stringContaining('(18.42, -339.2)') });
  });
  it('drops a single feature whose latitude and longitude are swapped', () => {
    expect(checkFeatureLocation(at([-33.92, 18.42]), 'f').drop?.code).toBe('swapped-coordinates');
  });
  it('drops a position that reprojection could not convert', () => {
    expect(checkFeatureLocation(at([Infinity, -33]), 'f').drop?.code).toBe('invalid-coordinate');
  });
  it('keeps the Prince Edward Islands with a warning that names them', () => {
    const r = checkFeatureLocation(at([37.86, -46.88]), 'f');
    expect(r.drop).toBeUndefined();
    expect(r.warning).toMatchObject({ code: 'outside-south-africa', message: expect.stringMatching(/Prince Edward/) });
  });
  it('keeps a point elsewhere with an outside-south-africa warning', () => {
    expect(checkFeatureLocation(at([36.8, -1.3]), 'f').warning?.code).toBe('outside-south-africa');
  });
});
