/**
 * A handful of existing Thusong service centres. Real ones were mostly opened in mid-sized towns
 * and large villages that lacked services, spread across the province; so are these.
 */
import type { Feature, Point } from 'geojson';
import type { LayerCollection, ThusongProps } from '../../src/model/layers';
import type { NodeStore } from './node-store';
import { innerNodes, siteNearStreet } from './offices';
import { hash32, mulberry32 } from './prng';
import { toLonLat } from './projection';
import type { StreetGrid } from './roads';
import type { Settlement } from './settlements';

export interface ThusongCentre {
  id: string;
  name: string;
  x: number;
  y: number;
  place: number;
}

export function makeThusongCentres(seed: number, settlements: Settlement[], store: NodeStore, grids: Map<number, StreetGrid>, count: number): ThusongCentre[] {
  const rng = mulberry32(hash32(seed, 'thusong'));
  let candidates = settlements
    .map((s, i) => ({ s, i }))
    .filter(({ s, i }) => grids.has(i) && ((s.kind === 'town' && s.population <= 45000) || (s.kind === 'village' && s.population >= 2500)));
  if (candidates.length < count) candidates = settlements.map((s, i) => ({ s, i })).filter(({ i }) => grids.has(i));
  const chosen: number[] = [];
  while (chosen.length < Math.min(count, candidates.length)) {
    // best of a few random candidates, by distance to the centres already chosen: well spread
    let best = -1;
    let bestScore = -1;
    for (let k = 0; k < 10; k++) {
      const c = candidates[Math.floor(rng.next() * candidates.length)].i;
      if (chosen.includes(c)) continue;
      let score = Infinity;
      for (const o of chosen) score = Math.min(score, Math.hypot(settlements[o].x - settlements[c].x, settlements[o].y - settlements[c].y));
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    if (best >= 0) chosen.push(best);
  }
  return chosen.map((place, k) => {
    const s = settlements[place];
    const [x, y] = siteNearStreet(rng, s, innerNodes(s, store, grids.get(place)!), store, []);
    return { id: `TSC${String(k + 1).padStart(2, '0')}`, name: `${s.name} Thusong Service Centre`, x, y, place };
  });
}

export function thusongCollection(centres: ThusongCentre[]): LayerCollection<'thusong'> {
  const features: Feature<Point, ThusongProps>[] = centres.map((c) => ({
    type: 'Feature',
    properties: { id: c.id, name: c.name },
    geometry: { type: 'Point', coordinates: toLonLat(c.x, c.y) },
  }));
  return { type: 'FeatureCollection', features };
}
