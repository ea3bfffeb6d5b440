/**
 * One metro (category A) on the south-west coast and about 25 local municipalities (category B)
 * grouped into five districts. Codes follow the Municipal Demarcation Board pattern with an "SP"
 * (sample province) prefix: SPMET, districts SPDC1…SPDC5, locals SP011… (district digit, then
 * local digit), so they can never be mistaken for real codes such as WC011.
 */
import type { Feature } from 'geojson';
import type { AreaGeometry, LayerCollection, MunicipalityProps } from '../../src/model/layers';
import { ringsToGeometry } from './area-geometry';
import { forEachNeighbour, groupRings } from './cell-mesh';
import { absorbLeftovers, growRegions } from './cell-regions';
import { makeNamer } from './names';
import { hash32, mulberry32, type Rng } from './prng';
import type { ProvinceShape } from './province-shape';

export interface MunicipalityInfo {
  code: string;
  name: string;
  category: 'A' | 'B';
  /** index into `districts`, −1 for the metro */
  district: number;
  cells: number;
  centroidX: number;
  centroidY: number;
}

export interface DistrictInfo {
  code: string;
  name: string;
  municipalities: number[];
}

export interface MunicipalityModel {
  /** municipality index per mesh cell, −1 outside the province; index 0 is the metro */
  cellLabel: Int32Array;
  municipalities: MunicipalityInfo[];
  districts: DistrictInfo[];
  /** the municipality rings, flat km, per municipality */
  rings: Float64Array[][];
  collection: LayerCollection<'municipalities'>;
}

export const METRO_CODE = 'SPMET';
const METRO_AREA_KM2 = 2400;

export function makeMunicipalities(seed: number, shape: ProvinceShape, localCount = 25, districtCount = 5): MunicipalityModel {
  const { mesh } = shape;
  const rng = mulberry32(hash32(seed, 'municipalities'));
  const provinceCells: number[] = [];
  for (let c = 0; c < mesh.count; c++) if (shape.inProvince[c]) provinceCells.push(c);
  const cellArea = shape.areaKm2 / provinceCells.length;
  const sx = (c: number) => mesh.sites[2 * c];
  const sy = (c: number) => mesh.sites[2 * c + 1];

  // the metro sits in the south-west, a little inland from the outline so it has a coast side
  let corner = provinceCells[0];
  for (const c of provinceCells) if (shape.interior[c] && -(sx(c) + sy(c)) > -(sx(corner) + sy(corner))) corner = c;
  const len = Math.hypot(sx(corner), sy(corner));
  const tx = sx(corner) * (1 - 22 / len);
  const ty = sy(corner) * (1 - 22 / len);
  const metroSeed = mesh.delaunay.find(tx, ty, corner);
  const metroLabel = growRegions(mesh, {
    allowed: shape.inProvince,
    seeds: [[metroSeed]],
    roughness: 0.35,
    salt: 'metro',
    maxCells: [Math.round(METRO_AREA_KM2 / cellArea)],
  });

  const cellLabel = new Int32Array(mesh.count).fill(-1);
  const allowedLocal = new Uint8Array(mesh.count);
  for (const c of provinceCells) {
    if (metroLabel[c] === 0) cellLabel[c] = 0;
    else allowedLocal[c] = 1;
  }
  const localCells = provinceCells.filter((c) => allowedLocal[c]);
  const seedCells = bestCandidateSeeds(rng, localCells, localCount, sx, sy, [[sx(metroSeed), sy(metroSeed)]]);
  const localLabel = growRegions(mesh, {
    allowed: allowedLocal,
    seeds: seedCells.map((c) => [c]),
    roughness: 0.45,
    salt: 'locals',
  });
  for (const c of localCells) if (localLabel[c] >= 0) cellLabel[c] = localLabel[c] + 1;
  absorbLeftovers(mesh, shape.inProvince, cellLabel);

  const count = localCount + 1;
  const cells = new Array(count).fill(0);
  const cx = new Array(count).fill(0);
  const cy = new Array(count).fill(0);
  for (const c of provinceCells) {
    const l = cellLabel[c];
    cells[l]++;
    cx[l] += sx(c);
    cy[l] += sy(c);
  }
  const adjacency: Array<Set<number>> = Array.from({ length: count }, () => new Set());
  for (const c of provinceCells) {
    forEachNeighbour(mesh, c, (d) => {
      const a = cellLabel[c];
      const b = cellLabel[d];
      if (b >= 0 && a !== b) adjacency[a].add(b);
    });
  }
  const centroidX = cx.map((v, i) => v / cells[i]);
  const centroidY = cy.map((v, i) => v / cells[i]);

  const districtOf = groupIntoDistricts(rng, localCount, districtCount, adjacency, cells, centroidX, centroidY);
  // number districts west to east, and locals north to south within a district
  const districtOrder = Array.from({ length: districtCount }, (_, d) => d).sort((a, b) => districtCentroid(a) - districtCentroid(b));
  function districtCentroid(d: number): number {
    let s = 0;
    let n = 0;
    for (let m = 1; m < count; m++) if (districtOf[m] === d) {
      s += centroidX[m] * cells[m];
      n += cells[m];
    }
    return n ? s / n : 0;
  }
  const namer = makeNamer(mulberry32(hash32(seed, 'municipality-names')));
  const districts: DistrictInfo[] = districtOrder.map((d, rank) => ({
    code: `SPDC${rank + 1}`,
    name: `${namer('area')} District`,
    municipalities: [] as number[],
  }));
  const rankOf = new Map(districtOrder.map((d, rank) => [d, rank]));
  const municipalities: MunicipalityInfo[] = [];
  municipalities.push({
    code: METRO_CODE,
    name: `City of ${namer('area')} (sample)`,
    category: 'A',
    district: -1,
    cells: cells[0],
    centroidX: centroidX[0],
    centroidY: centroidY[0],
  });
  const localIds = Array.from({ length: localCount }, (_, i) => i + 1);
  for (let rank = 0; rank < districtCount; rank++) {
    const members = localIds
      .filter((m) => rankOf.get(districtOf[m]) === rank)
      .sort((a, b) => centroidY[b] - centroidY[a]);
    members.forEach((m, k) => {
      districts[rank].municipalities.push(m);
      municipalities[m] = {
        code: `SP0${rank + 1}${k + 1}`,
        name: `${namer('area')} (sample)`,
        category: 'B',
        district: rank,
        cells: cells[m],
        centroidX: centroidX[m],
        centroidY: centroidY[m],
      };
    });
  }
  const rings = groupRings(mesh, cellLabel, count);
  // features ordered metro first, then by code, so files diff cleanly
  const order = [0, ...localIds.sort((a, b) => (municipalities[a].code < municipalities[b].code ? -1 : 1))];
  const features: Feature<AreaGeometry, MunicipalityProps>[] = order.map((m) => {
    const info = municipalities[m];
    return {
      type: 'Feature',
      properties: {
        code: info.code,
        name: info.name,
        category: info.category,
        // a metro is its own district in the demarcation sense, so it carries its own code
        district: info.district < 0 ? METRO_CODE : districts[info.district].code,
      },
      geometry: ringsToGeometry(rings[m]),
    };
  });
  return { cellLabel, municipalities, districts, rings, collection: { type: 'FeatureCollection', features } };
}

/** Mitchell's best-candidate sampling: spread out, yet not a regular pattern */
export function bestCandidateSeeds(
  rng: Rng,
  cells: number[],
  count: number,
  sx: (c: number) => number,
  sy: (c: number) => number,
  avoid: Array<[number, number]> = [],
  candidates = 12,
): number[] {
  const chosen: number[] = [];
  const taken: Array<[number, number]> = [...avoid];
  while (chosen.length < count) {
    let best = -1;
    let bestScore = -1;
    for (let k = 0; k < candidates; k++) {
      const c = cells[Math.floor(rng.next() * cells.length)];
      let score = Infinity;
      for (const [x, y] of taken) score = Math.min(score, Math.hypot(sx(c) - x, sy(c) - y));
      if (score > bestScore && !chosen.includes(c)) {
        bestScore = score;
        best = c;
      }
    }
    if (best < 0) continue;
    chosen.push(best);
    taken.push([sx(best), sy(best)]);
  }
  return chosen;
}

/**
 * Groups local municipalities into contiguous districts: the district with the least area so far
 * takes the adjacent unassigned municipality nearest its seed, so districts grow evenly.
 */
function groupIntoDistricts(
  rng: Rng,
  localCount: number,
  districtCount: number,
  adjacency: Array<Set<number>>,
  cells: number[],
  centroidX: number[],
  centroidY: number[],
): Int32Array {
  const districtOf = new Int32Array(localCount + 1).fill(-1);
  const locals = Array.from({ length: localCount }, (_, i) => i + 1);
  const seeds = bestCandidateSeeds(rng, locals, districtCount, (m) => centroidX[m], (m) => centroidY[m], [[centroidX[0], centroidY[0]]]);
  const area = new Array(districtCount).fill(0);
  const members = new Array(districtCount).fill(0);
  seeds.forEach((m, d) => {
    districtOf[m] = d;
    area[d] += cells[m];
    members[d]++;
  });
  const blocked = new Array(districtCount).fill(false);
  const maxMembers = 9; // keeps local codes to one digit (SP0dk)
  for (;;) {
    let d = -1;
    for (let k = 0; k < districtCount; k++) if (!blocked[k] && (d < 0 || area[k] < area[d])) d = k;
    if (d < 0) break;
    let best = -1;
    let bestDist = Infinity;
    for (let m = 1; m <= localCount; m++) {
      if (districtOf[m] !== d) continue;
      for (const n of adjacency[m]) {
        if (n === 0 || districtOf[n] >= 0) continue;
        const dist = Math.hypot(centroidX[n] - centroidX[seeds[d]], centroidY[n] - centroidY[seeds[d]]);
        if (dist < bestDist) {
          bestDist = dist;
          best = n;
        }
      }
    }
    if (best < 0 || members[d] >= maxMembers) {
      blocked[d] = true;
      continue;
    }
    districtOf[best] = d;
    area[d] += cells[best];
    members[d]++;
  }
  // anything left (only reachable past the metro) joins its smallest neighbouring district
  for (let m = 1; m <= localCount; m++) {
    if (districtOf[m] >= 0) continue;
    let d = -1;
    for (const n of adjacency[m]) if (n > 0 && districtOf[n] >= 0 && (d < 0 || area[districtOf[n]] < area[d])) d = districtOf[n];
    districtOf[m] = d >= 0 ? d : 0;
  }
  return districtOf;
}
