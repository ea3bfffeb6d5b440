/**
 * About 1,500 settlements with a realistic size mix: one metro split into suburbs (1–3 million
 * together), towns of 5k–80k with a Zipf-like rank–size curve, villages of 300–5k clustered
 * around towns, and farms of 10–300 scattered around towns and villages and across the veld.
 * Each carries the radius of its built-up area, which the road network turns into a street grid.
 */
import type { Feature, Point } from 'geojson';
import type { LayerCollection, SettlementProps } from '../../src/model/layers';
import type { MunicipalityModel } from './municipalities';
import { makeNamer } from './names';
import { exponential, hash32, logNormal, mulberry32, pickWeighted, uniform, type Rng } from './prng';
import { PLANE_HALF_HEIGHT_KM, PLANE_HALF_WIDTH_KM, toLonLat } from './projection';
import { cellAt, insideProvince, type ProvinceShape } from './province-shape';

export type SettlementKind = 'metro' | 'town' | 'village' | 'farm';

export interface Settlement {
  id: string;
  name: string;
  population: number;
  kind: SettlementKind;
  x: number;
  y: number;
  /** radius of the built-up area in km (0 for farms) */
  radiusKm: number;
  /** municipality index (0 = metro) */
  municipality: number;
}

export interface SettlementCounts {
  metro: number;
  towns: number;
  villages: number;
  farms: number;
}

export function settlementCounts(total: number, localMunicipalities: number): SettlementCounts {
  const metro = Math.max(6, Math.round(total * 0.01));
  const towns = Math.max(localMunicipalities, Math.round(total * 0.05));
  const villages = Math.round(total * 0.23);
  const farms = Math.max(0, total - metro - towns - villages);
  return { metro, towns, villages, farms };
}

/** people per km² of built-up area, which sets how far a place's streets reach */
const DENSITY = { metro: 2500, town: 2500, village: 1200, farm: 1 };

/** a coarse bucket grid of placed discs over the plane, so placement can refuse overlaps quickly */
interface DiscIndex {
  cellKm: number;
  cols: number;
  rows: number;
  buckets: number[][];
  maxRadius: number;
}

function makeDiscIndex(cellKm: number): DiscIndex {
  const cols = Math.ceil((2 * PLANE_HALF_WIDTH_KM) / cellKm) + 1;
  const rows = Math.ceil((2 * PLANE_HALF_HEIGHT_KM) / cellKm) + 1;
  return { cellKm, cols, rows, buckets: Array.from({ length: cols * rows }, () => []), maxRadius: 0 };
}

function bucketCol(index: DiscIndex, x: number): number {
  return Math.min(index.cols - 1, Math.max(0, Math.floor((x + PLANE_HALF_WIDTH_KM) / index.cellKm)));
}

function bucketRow(index: DiscIndex, y: number): number {
  return Math.min(index.rows - 1, Math.max(0, Math.floor((y + PLANE_HALF_HEIGHT_KM) / index.cellKm)));
}

export function makeSettlements(seed: number, shape: ProvinceShape, munis: MunicipalityModel, total: number): Settlement[] {
  const counts = settlementCounts(total, munis.municipalities.length - 1);
  const rng = mulberry32(hash32(seed, 'settlements'));
  // one set of used names for all settlements, so no two share a name (farms get qualified ones)
  const usedNames = new Set<string>();
  const namer = makeNamer(mulberry32(hash32(seed, 'settlement-names')), usedNames);
  const farmNamer = makeNamer(mulberry32(hash32(seed, 'farm-names')), usedNames);
  const placed: Settlement[] = [];
  const index = makeDiscIndex(4);
  const { mesh } = shape;

  const fits = (x: number, y: number, r: number, gap: number): boolean => {
    if (!insideProvince(shape, x, y)) return false;
    // built-up areas stay clear of the outline, so their streets do not run into the sea
    if (r > 0 && !shape.interior[cellAt(shape, x, y)]) return false;
    const reach = r + gap + index.maxRadius;
    const c1 = bucketCol(index, x + reach);
    const r1 = bucketRow(index, y + reach);
    for (let row = bucketRow(index, y - reach); row <= r1; row++) {
      for (let col = bucketCol(index, x - reach); col <= c1; col++) {
        for (const k of index.buckets[row * index.cols + col]) {
          const s = placed[k];
          const dx = s.x - x;
          const dy = s.y - y;
          const min = s.radiusKm + r + gap;
          if (dx * dx + dy * dy < min * min) return false;
        }
      }
    }
    return true;
  };
  const add = (s: Settlement) => {
    placed.push(s);
    index.buckets[bucketRow(index, s.y) * index.cols + bucketCol(index, s.x)].push(placed.length - 1);
    index.maxRadius = Math.max(index.maxRadius, s.radiusKm);
  };
  const radiusFor = (kind: SettlementKind, population: number) =>
    kind === 'farm' ? 0 : Math.sqrt(population / DENSITY[kind] / Math.PI);
  const municipalityAt = (x: number, y: number) => munis.cellLabel[cellAt(shape, x, y)];

  const cellsOf: number[][] = munis.municipalities.map(() => []);
  const interiorCells: number[] = [];
  for (let c = 0; c < mesh.count; c++) {
    if (!shape.interior[c]) continue;
    interiorCells.push(c);
    cellsOf[munis.cellLabel[c]].push(c);
  }
  const randomPointIn = (cells: number[]): [number, number] => {
    const c = cells[Math.floor(rng.next() * cells.length)];
    return [
      mesh.sites[2 * c] + (rng.next() - 0.5) * mesh.spacingKm,
      mesh.sites[2 * c + 1] + (rng.next() - 0.5) * mesh.spacingKm,
    ];
  };
  /** tries random spots, relaxing the gap if the area is crowded (large instances) */
  const place = (spot: () => [number, number], r: number, gap: number): [number, number] => {
    for (let attempt = 0; attempt < 400; attempt++) {
      const g = attempt < 200 ? gap : gap / 4;
      const [x, y] = spot();
      if (fits(x, y, r, g)) return [x, y];
    }
    // a crowded instance: anywhere that fits, and in the end anywhere at all
    for (let attempt = 0; ; attempt++) {
      const [x, y] = randomPointIn(interiorCells);
      if (attempt > 5000 || fits(x, y, r, 0)) return [x, y];
    }
  };

  // metro: a CBD and suburbs sharing 1.8–2.6 million people
  const metroPopulation = uniform(rng, 1.8e6, 2.6e6);
  const weights = Array.from({ length: counts.metro }, (_, i) => (i === 0 ? 3 : logNormal(rng, 1, 0.6)));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const metroName = munis.municipalities[0].name.replace(/^City of /, '').replace(/ \(sample\)$/, '');
  const metroCells = cellsOf[0];
  // the CBD near the metro's middle; suburbs around it
  const mcx = munis.municipalities[0].centroidX;
  const mcy = munis.municipalities[0].centroidY;
  weights
    .map((w, i) => ({ w, i }))
    .sort((a, b) => b.w - a.w)
    .forEach(({ w, i }) => {
      const population = Math.round((metroPopulation * w) / weightSum);
      const r = radiusFor('metro', population);
      const spot = i === 0
        ? (): [number, number] => [mcx + (rng.next() - 0.5) * 6, mcy + (rng.next() - 0.5) * 6]
        : () => randomPointIn(metroCells);
      const [x, y] = place(spot, r, 0.3);
      add({ id: '', name: i === 0 ? `${metroName} Central` : namer('suburb'), population, kind: 'metro', x, y, radiusKm: r, municipality: 0 });
    });

  // towns: rank–size curve from 80k down to 5k; the largest of each local municipality is its seat
  const townPops = zipfPopulations(rng, counts.towns, 80000, 5000);
  const localCount = munis.municipalities.length - 1;
  const seatOrder = shuffleIndices(rng, localCount).map((i) => i + 1);
  const areaCumulative: number[] = [];
  let acc = 0;
  for (let m = 1; m <= localCount; m++) areaCumulative.push((acc += cellsOf[m].length));
  townPops.forEach((population, rank) => {
    const m = rank < localCount ? seatOrder[rank] : 1 + pickWeighted(rng, areaCumulative);
    const r = radiusFor('town', population);
    const [x, y] = place(() => randomPointIn(cellsOf[m].length ? cellsOf[m] : interiorCells), r, 3);
    add({ id: '', name: namer('town'), population, kind: 'town', x, y, radiusKm: r, municipality: m });
  });

  // villages cluster around towns (bigger towns pull more), a fifth are on their own
  const towns = placed.filter((s) => s.kind === 'town' || s.kind === 'metro');
  const townCumulative = cumulative(towns.map((t) => Math.sqrt(t.population)));
  for (let v = 0; v < counts.villages; v++) {
    const population = Math.round(clamp(logNormal(rng, 1100, 0.8), 300, 5000));
    const r = radiusFor('village', population);
    const spot = rng.next() < 0.8 ? around(rng, towns[pickWeighted(rng, townCumulative)], 1.5, 11) : () => randomPointIn(interiorCells);
    const [x, y] = place(spot, r, 0.8);
    add({ id: '', name: namer('town'), population, kind: 'village', x, y, radiusKm: r, municipality: municipalityAt(x, y) });
  }

  // farms: around towns and villages (market access), the rest spread over the land
  const hubs = placed.filter((s) => s.kind !== 'metro');
  const hubCumulative = cumulative(hubs.map((h) => Math.pow(h.population, 0.4)));
  for (let f = 0; f < counts.farms; f++) {
    const population = Math.round(clamp(logNormal(rng, 45, 0.7), 10, 300));
    const spot = rng.next() < 0.65 ? around(rng, hubs[pickWeighted(rng, hubCumulative)], 0.8, 7) : () => randomPointIn(interiorCells);
    const [x, y] = place(spot, 0, 0.4);
    add({ id: '', name: farmNamer('farm'), population, kind: 'farm', x, y, radiusKm: 0, municipality: municipalityAt(x, y) });
  }

  const width = Math.max(4, String(placed.length).length);
  placed.forEach((s, i) => (s.id = `S${String(i + 1).padStart(width, '0')}`));
  return placed;
}

export function settlementCollection(settlements: Settlement[]): LayerCollection<'settlements'> {
  const features: Feature<Point, SettlementProps>[] = settlements.map((s) => ({
    type: 'Feature',
    properties: { id: s.id, name: s.name, population: s.population },
    geometry: { type: 'Point', coordinates: toLonLat(s.x, s.y) },
  }));
  return { type: 'FeatureCollection', features };
}

/** a spot at a random bearing, just outside `hub`'s built-up area plus an exponential distance */
function around(rng: Rng, hub: Settlement, minGapKm: number, meanKm: number): () => [number, number] {
  return () => {
    const d = hub.radiusKm + minGapKm + exponential(rng, meanKm);
    const a = rng.next() * 2 * Math.PI;
    return [hub.x + d * Math.cos(a), hub.y + d * Math.sin(a)];
  };
}

/** populations falling from `top` to about `bottom` along a rank–size (Zipf) curve, with noise */
function zipfPopulations(rng: Rng, n: number, top: number, bottom: number): number[] {
  const exponent = n > 1 ? Math.log(top / bottom) / Math.log(n) : 1;
  const pops = Array.from({ length: n }, (_, k) => clamp(top * Math.pow(k + 1, -exponent) * logNormal(rng, 1, 0.12), bottom, top));
  return pops.map(Math.round).sort((a, b) => b - a);
}

function shuffleIndices(rng: Rng, n: number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function cumulative(weights: number[]): number[] {
  let s = 0;
  return weights.map((w) => (s += w));
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
