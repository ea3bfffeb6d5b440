/**
 * Settlement → candidate reach without a road network: the candidates whose estimated travel time
 * (great-circle × detour at an average speed) is within the reach time, found with a kdbush radius
 * query on a local equirectangular plane and then checked with the exact great-circle distance.
 */
import KDBush from 'kdbush';
import { haversineMetres } from '../spatial/geodesy';
import { reachFromPairs, type ReachMatrix } from './stop-selection';
import type { GreatCircleOptions } from './travel-provider';

export function estimatedReach(
  settlements: { lon: Float64Array; lat: Float64Array },
  candidates: { lon: Float64Array; lat: Float64Array },
  reachMinutes: number,
  options: GreatCircleOptions = {},
): ReachMatrix {
  const detour = options.detourFactor ?? 1.3;
  const kmh = options.averageKmh ?? 50;
  const maxKm = ((reachMinutes / 60) * kmh) / detour; // straight-line km within reach
  const C = candidates.lon.length;
  const S = settlements.lon.length;
  let latSum = 0;
  for (let c = 0; c < C; c++) latSum += candidates.lat[c];
  const k = Math.cos(((C ? latSum / C : 0) * Math.PI) / 180);
  const index = new KDBush(Math.max(1, C));
  for (let c = 0; c < C; c++) index.add(candidates.lon[c] * k, candidates.lat[c]);
  if (!C) index.add(0, 0);
  index.finish();
  const si: number[] = [];
  const ci: number[] = [];
  const mi: number[] = [];
  for (let s = 0; s < S; s++) {
    const lon = settlements.lon[s];
    const lat = settlements.lat[s];
    // degrees of latitude per km, widened for the longitude shrink between here and the reference
    const kLocal = Math.cos((lat * Math.PI) / 180);
    const radius = (maxKm / 111.19) * Math.max(1, k / Math.max(kLocal, 1e-6)) * 1.02;
    const found = C ? index.within(lon * k, lat, radius) : [];
    for (const c of found) {
      const km = (haversineMetres(lon, lat, candidates.lon[c], candidates.lat[c]) / 1000) * detour;
      const minutes = (km / kmh) * 60;
      if (minutes <= reachMinutes) {
        si.push(s);
        ci.push(c);
        mi.push(minutes);
      }
    }
  }
  return reachFromPairs(S, C, si, ci, mi);
}
