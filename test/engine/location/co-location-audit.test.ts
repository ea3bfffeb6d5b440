import { describe, expect, it } from 'vitest';
import { auditCoLocation, leaseYear } from '../../../src/engine/location/co-location-audit';
import { METRES_PER_DEGREE, haversineMetres } from '../../../src/engine/spatial/geodesy';

/** A point `east` and `north` metres from (lon, lat). */
function offset(lon: number, lat: number, east: number, north: number): [number, number] {
  return [lon + east / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180)), lat + north / METRES_PER_DEGREE];
}

describe('co-location audit', () => {
  it('puts offices within 200 m into one site and farther ones apart', () => {
    const base: [number, number] = [28.19, -25.75];
    const pts = [base, offset(...base, 150, 0), offset(...base, 0, 450), offset(...base, 3000, 0)];
    const audit = auditCoLocation({
      lon: Float64Array.from(pts, (p) => p[0]),
      lat: Float64Array.from(pts, (p) => p[1]),
      department: ['SASSA', 'HOME_AFFAIRS', 'SAPS', 'SASSA'],
    });
    expect(audit.siteOf[0]).toBe(audit.siteOf[1]);
    expect(audit.siteOf[2]).not.toBe(audit.siteOf[0]);
    expect(audit.siteOf[3]).not.toBe(audit.siteOf[0]);
    expect(audit.sites.length).toBe(3);
    expect(audit.sites[audit.siteOf[0]].departments).toEqual(['HOME_AFFAIRS', 'SASSA']);
  });

  it('converts the walk to degrees correctly far from the equator (east–west pairs at 34°S)', () => {
    // at 34°S a degree of longitude is 17 % shorter than a degree of latitude
    const lat = -34;
    const a: [number, number] = [18.4, lat];
    const inside = offset(...a, 195, 0);
    const outside = offset(...a, 205, 0);
    expect(haversineMetres(...a, ...inside)).toBeCloseTo(195, 0);
    const audit = auditCoLocation({
      lon: Float64Array.from([a[0], inside[0], a[0] + 1, outside[0] + 1]),
      lat: Float64Array.from([a[1], inside[1], a[1], outside[1]]),
      department: ['SASSA', 'SAPS', 'SASSA', 'SAPS'],
    });
    expect(audit.siteOf[0]).toBe(audit.siteOf[1]);
    expect(audit.siteOf[2]).not.toBe(audit.siteOf[3]);
  });

  it('finds pairs across a province spanning many degrees of latitude', () => {
    // one pair near the tropic, one at the Cape: a single reference latitude must not miss either
    const north = offset(31, -22.5, 190, 0);
    const south = offset(18.5, -34.3, 190, 0);
    const audit = auditCoLocation({
      lon: Float64Array.from([31, north[0], 18.5, south[0]]),
      lat: Float64Array.from([-22.5, north[1], -34.3, south[1]]),
      department: ['SASSA', 'SAPS', 'SASSA', 'SAPS'],
    });
    expect(audit.sites.length).toBe(2);
  });

  it('links chains of offices each within a walk of the next (single linkage)', () => {
    const a: [number, number] = [28, -26];
    const pts = [a, offset(...a, 180, 0), offset(...a, 360, 0)];
    const audit = auditCoLocation({ lon: Float64Array.from(pts, (p) => p[0]), lat: Float64Array.from(pts, (p) => p[1]), department: ['SASSA', 'SAPS', 'HEALTH'] });
    expect(audit.sites.length).toBe(1);
  });

  it('scores co-location per department and per town, and groups leases by expiry year', () => {
    const a: [number, number] = [28, -26];
    const b: [number, number] = [29, -27];
    const pts = [a, offset(...a, 50, 50), offset(...a, 80, 0), b, offset(...b, 5000, 0)];
    const audit = auditCoLocation({
      lon: Float64Array.from(pts, (p) => p[0]),
      lat: Float64Array.from(pts, (p) => p[1]),
      department: ['SASSA', 'SASSA', 'HOME_AFFAIRS', 'SASSA', 'SAPS'],
      town: ['Riverbend', 'Riverbend', 'Riverbend', 'Kranskloof', 'Kranskloof'],
      leaseExpiryYear: [2027, NaN, 2026, 2027, 2030],
      services: [['sassa_grant'], ['sassa_grant'], ['id_document'], ['sassa_grant'], ['police']],
    });
    const sassa = audit.byDepartment.find((s) => s.key === 'SASSA')!;
    expect(sassa).toMatchObject({ offices: 3, colocated: 2 });
    expect(sassa.score).toBeCloseTo(2 / 3, 12);
    expect(audit.byDepartment.find((s) => s.key === 'SAPS')!.score).toBe(0);
    expect(audit.byTown.find((s) => s.key === 'Riverbend')!.score).toBe(1);
    expect(audit.byTown.find((s) => s.key === 'Kranskloof')!.score).toBe(0);
    expect(audit.sites[audit.siteOf[0]].services).toEqual(['id_document', 'sassa_grant']);
    expect(audit.leaseExpiry).toEqual([
      { year: 2026, offices: [2] },
      { year: 2027, offices: [0, 3] },
      { year: 2030, offices: [4] },
      { year: null, offices: [1] },
    ]);
  });

  it('reads the year of a lease expiry date', () => {
    expect(leaseYear('2027-03-31')).toBe(2027);
    expect(leaseYear('')).toBeNaN();
  });
});
