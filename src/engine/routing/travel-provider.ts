/**
 * Where the route engine gets travel times and distances between places (stops and team bases):
 * an interface, so the road engine's matrices can be used where roads are loaded, and a
 * great-circle × detour estimate where they are not (tests, quick plans, the CLI without roads).
 */
import { haversineMetres } from '../spatial/geodesy';

export interface TravelProvider {
  /** number of places (indices 0 … size−1) */
  size: number;
  minutes(i: number, j: number): number;
  km(i: number, j: number): number;
}

export interface GreatCircleOptions {
  /** road distance ÷ straight-line distance (default 1.3, as the network engine's estimate mode) */
  detourFactor?: number;
  /** average driving speed, km/h (default 50, as the network engine's estimate mode) */
  averageKmh?: number;
}

/** Estimated road travel: great-circle distance × detour at an average speed. Symmetric. */
export function greatCircleProvider(lon: Float64Array, lat: Float64Array, options: GreatCircleOptions = {}): TravelProvider {
  const detour = options.detourFactor ?? 1.3;
  const kmh = options.averageKmh ?? 50;
  const km = (i: number, j: number) => (i === j ? 0 : (haversineMetres(lon[i], lat[i], lon[j], lat[j]) / 1000) * detour);
  return { size: lon.length, km, minutes: (i, j) => (km(i, j) / kmh) * 60 };
}

/** Wraps dense row-major matrices (e.g. from the road network) as a provider. */
export function matrixProvider(size: number, minutes: ArrayLike<number>, km: ArrayLike<number>): TravelProvider {
  return { size, minutes: (i, j) => minutes[i * size + j], km: (i, j) => km[i * size + j] };
}

/** A provider restricted to some places, renumbered 0 … places.length−1. */
export function subsetProvider(base: TravelProvider, places: ArrayLike<number>): TravelProvider {
  return { size: places.length, minutes: (i, j) => base.minutes(places[i], places[j]), km: (i, j) => base.km(places[i], places[j]) };
}
