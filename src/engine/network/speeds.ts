/**
 * Free-flow speeds per OSM highway class, in km/h: an editable table. A road's own `speed_kmh`
 * wins where given. The defaults are rural South African norms (national roads 120 km/h legal
 * limit, lower on average), deliberately a little conservative.
 */
export type SpeedTable = Record<string, number>;

export const DEFAULT_SPEEDS_KMH: Readonly<SpeedTable> = Object.freeze({
  motorway: 110,
  motorway_link: 60,
  trunk: 100,
  trunk_link: 50,
  primary: 80,
  primary_link: 40,
  secondary: 70,
  secondary_link: 35,
  tertiary: 60,
  tertiary_link: 30,
  unclassified: 50,
  road: 40,
  residential: 40,
  living_street: 15,
  service: 20,
  track: 25,
  path: 5,
  footway: 5,
  pedestrian: 5,
  steps: 3,
  cycleway: 5,
  bridleway: 5,
});

/** Speed for a road class: the table, else `fallbackKmh`. Case-insensitive. */
export function speedForClass(roadClass: unknown, table: Readonly<SpeedTable>, fallbackKmh: number): number {
  if (typeof roadClass !== 'string') return fallbackKmh;
  const v = table[roadClass] ?? table[roadClass.trim().toLowerCase()];
  return typeof v === 'number' && v > 0 ? v : fallbackKmh;
}

/** 1 = forward only, -1 = reverse only, 0 = both ways. Reads booleans and OSM strings. */
export function onewayDirection(value: unknown): 1 | -1 | 0 {
  if (value === true || value === 1) return 1;
  if (value === -1) return -1;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'yes' || v === 'true' || v === '1') return 1;
    if (v === '-1' || v === 'reverse') return -1;
  }
  return 0;
}
