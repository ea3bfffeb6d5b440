/**
 * Travel times without a road layer: great-circle distance × a detour factor at an average speed.
 * Crude but honest: every result computed this way is labelled `method: 'estimate'`.
 *
 * Destinations are offices (tens to hundreds per department), so each origin scans them all:
 * O(origins × offices) haversines, a few million at province scale, well under a second.
 */
import { haversineMetres } from '../spatial/geodesy';
import type { KNearestTimes, NearestTimes } from './travel-times';

export interface EstimateOptions {
  /** road distance ÷ straight-line distance (default 1.3) */
  detourFactor?: number;
  /** average speed over the road distance, km/h (default 50) */
  averageKmh?: number;
}

export const DEFAULT_ESTIMATE_OPTIONS: Required<EstimateOptions> = { detourFactor: 1.3, averageKmh: 50 };

export interface PointList {
  lon: Float64Array;
  lat: Float64Array;
}

function minutesPerMetre(o: EstimateOptions): number {
  const { detourFactor, averageKmh } = { ...DEFAULT_ESTIMATE_OPTIONS, ...o };
  return (detourFactor * 0.06) / averageKmh;
}

export function estimateMinutes(lon1: number, lat1: number, lon2: number, lat2: number, options: EstimateOptions = {}): number {
  return haversineMetres(lon1, lat1, lon2, lat2) * minutesPerMetre(options);
}

function valid(p: PointList, i: number): boolean {
  return Number.isFinite(p.lon[i]) && Number.isFinite(p.lat[i]);
}

export function estimateTimesToNearest(origins: PointList, destinations: PointList, chosen: ArrayLike<number>, options: EstimateOptions = {}): NearestTimes {
  const r = estimateTimesToKNearest(origins, destinations, chosen, 1, options);
  return { minutes: r.minutes, nearest: r.nearest };
}

export function estimateTimesToKNearest(origins: PointList, destinations: PointList, chosen: ArrayLike<number>, k: number, options: EstimateOptions = {}): KNearestTimes {
  const n = origins.lon.length;
  const f = minutesPerMetre(options);
  const minutes = new Float32Array(n * k).fill(Infinity);
  const nearest = new Int32Array(n * k).fill(-1);
  for (let i = 0; i < n; i++) {
    if (!valid(origins, i)) continue;
    const base = i * k;
    for (let c = 0; c < chosen.length; c++) {
      const j = chosen[c];
      if (!valid(destinations, j)) continue;
      const m = Math.fround(haversineMetres(origins.lon[i], origins.lat[i], destinations.lon[j], destinations.lat[j]) * f);
      if (!(m < minutes[base + k - 1])) continue;
      let x = k - 1;
      while (x > 0 && minutes[base + x - 1] > m) {
        minutes[base + x] = minutes[base + x - 1];
        nearest[base + x] = nearest[base + x - 1];
        x--;
      }
      minutes[base + x] = m;
      nearest[base + x] = j;
    }
  }
  return { k, minutes, nearest };
}

/** n×n estimated minutes between places where `needed[i·n + j]` is set; NaN elsewhere. */
export function estimatePlaceToPlace(places: PointList, needed: Uint8Array, options: EstimateOptions = {}): Float32Array {
  const n = places.lon.length;
  const f = minutesPerMetre(options);
  const out = new Float32Array(n * n).fill(NaN);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (!needed[i * n + j]) continue;
      out[i * n + j] = valid(places, i) && valid(places, j) ? haversineMetres(places.lon[i], places.lat[i], places.lon[j], places.lat[j]) * f : Infinity;
    }
  }
  return out;
}
