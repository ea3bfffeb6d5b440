/**
 * A hand-checkable province for the zones tests. A straight 20 km primary road (80 km/h: 15 minutes
 * end to end) along latitude -33.5. Settlements W (100 people) at its west end, M (50) in the
 * middle, E (10) at the east end, and F (5) far from any road. SASSA and Home Affairs share a site
 * at W (93 m apart); SAPS stands alone at E; the Thusong centre is at M. Municipality A1 (local,
 * no Thusong) holds W; B2 holds M and E.
 */
import type { FeatureCollection } from 'geojson';

export const pt = (x: number, y: number, properties: Record<string, unknown>) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [x, y] }, properties });
export const square = (x0: number, y0: number, x1: number, y1: number, properties: Record<string, unknown>) => ({
  type: 'Feature' as const,
  geometry: { type: 'Polygon' as const, coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] },
  properties,
});
export const fc = (features: FeatureCollection['features']): FeatureCollection => ({ type: 'FeatureCollection', features });

export const lonPerKm = 1 / (111.32 * Math.cos((33.5 * Math.PI) / 180));
export const mid = 19 + 10 * lonPerKm;
export const east = 19 + 20 * lonPerKm;
export const roads = fc([{ type: 'Feature', geometry: { type: 'LineString', coordinates: [[19, -33.5], [east, -33.5]] }, properties: { class: 'primary' } }]);
export const settlements = fc([pt(19, -33.5, { id: 'W', name: 'West', population: 100 }), pt(mid, -33.5, { id: 'M', name: 'Middle', population: 50 }), pt(east, -33.5, { id: 'E', name: 'East', population: 10 }), pt(19.5, -33.0, { id: 'F', name: 'Far', population: 5 })]);
export const offices = fc([
  pt(19, -33.5, { id: 'O1', department: 'SASSA', name: 'SASSA West', services: 'sassa_grant', lease_expiry: '2027-03-31' }),
  pt(19.001, -33.5, { id: 'O2', department: 'HOME_AFFAIRS', name: 'Home Affairs West', services: '', lease_expiry: '2029-01-31' }),
  pt(east, -33.5, { id: 'O3', department: 'SAPS', name: 'East Police Station', services: 'police', lease_expiry: '2027-11-30' }),
]);
export const thusong = fc([pt(mid, -33.5, { id: 'T1', name: 'Middle Thusong Service Centre' })]);
export const municipalities = fc([square(18.9, -33.6, 19.05, -33.4, { code: 'A1', name: 'Westkant', category: 'B' }), square(19.05, -33.6, 19.4, -33.4, { code: 'B2', name: 'Oostkant', category: 'B' })]);
export const inputs = { roads, settlements, offices, thusong, municipalities };
