/** Tiny hand-checkable collections for the map tests. */
import type { Feature, FeatureCollection } from 'geojson';

const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const square = (x: number, y: number, s: number) => [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]];

export const municipalities = fc([
  { type: 'Feature', properties: { code: 'WC011', name: 'Matzikama', category: 'B', district: 'DC1' }, geometry: { type: 'Polygon', coordinates: square(18, -32, 1) } },
  { type: 'Feature', properties: { code: 'WC012', name: 'Cederberg', category: 'B', district: 'DC1' }, geometry: { type: 'Polygon', coordinates: square(19, -32, 1) } },
]);

export const regions = fc([
  { type: 'Feature', properties: { department: 'SASSA', region: 'West' }, geometry: { type: 'Polygon', coordinates: square(18, -32, 1) } },
  { type: 'Feature', properties: { department: 'HOME_AFFAIRS', region: 'North' }, geometry: { type: 'Polygon', coordinates: square(19, -32, 1) } },
]);

export const settlements = fc([
  { type: 'Feature', properties: { id: 's1', name: 'Vredendal', population: 10000 }, geometry: { type: 'Point', coordinates: [18.5, -31.7] } },
  { type: 'Feature', properties: { id: 's2', name: 'Klawer', population: 2500 }, geometry: { type: 'Point', coordinates: [18.6, -31.8] } },
  { type: 'Feature', properties: { id: 's3', name: 'Clanwilliam', population: 7000 }, geometry: { type: 'Polygon', coordinates: square(18.9, -32.2, 0.05) } },
]);

export const offices = fc([
  { type: 'Feature', properties: { id: 'o1', department: 'SASSA', name: 'SASSA Vredendal', services: '', lease_expiry: '' }, geometry: { type: 'Point', coordinates: [18.5, -31.67] } },
  { type: 'Feature', properties: { id: 'o2', department: 'HOME_AFFAIRS', name: 'DHA Clanwilliam', services: '', lease_expiry: '2027-03-31' }, geometry: { type: 'Point', coordinates: [18.9, -32.18] } },
  { type: 'Feature', properties: { id: 'o3', department: 'MYSTERY', name: 'Unknown dept', services: '', lease_expiry: '' }, geometry: { type: 'Point', coordinates: [18.7, -31.9] } },
]);

export const thusong = fc([
  { type: 'Feature', properties: { id: 't1', name: 'Vredendal Thusong' }, geometry: { type: 'Point', coordinates: [18.51, -31.66] } },
]);

export const roads = fc([
  { type: 'Feature', properties: { class: 'primary' }, geometry: { type: 'LineString', coordinates: [[18.5, -31.7], [18.9, -32.2]] } },
  { type: 'Feature', properties: { class: 'residential' }, geometry: { type: 'LineString', coordinates: [[18.5, -31.7], [18.52, -31.71]] } },
  { type: 'Feature', properties: { class: 'motorway_link' }, geometry: { type: 'MultiLineString', coordinates: [[[18.4, -31.6], [18.45, -31.65]]] } },
]);

export const province = { municipalities, regions, settlements, offices, thusong, roads };
