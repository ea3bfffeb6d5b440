/**
 * Department service regions: 3–8 per department, drawn by each department for its own reasons,
 * so they mostly ignore municipal lines — which is what the alignment analysis is for.
 *  - Most departments: regions grown from a spread-out subset of their own offices.
 *  - Health follows the districts, and Social Development pairs of districts, as real ones
 *    often do — but "digitised" separately: a smooth offset of up to ~250 m moves their lines
 *    off the municipal ones, leaving the thin slivers real overlays show. The offset fades to
 *    zero at the province outline, so regions still end exactly at the province edge.
 */
import type { Feature } from 'geojson';
import { DEPARTMENTS } from '../../src/model/catalogue';
import type { AreaGeometry, LayerCollection, RegionProps } from '../../src/model/layers';
import { ringsToGeometry } from './area-geometry';
import { forEachNeighbour, groupRings } from './cell-mesh';
import { absorbLeftovers, growRegions } from './cell-regions';
import { bestCandidateSeeds, type MunicipalityModel } from './municipalities';
import { addNode, makeNodeStore, nearestNode, type NodeStore } from './node-store';
import { hash32, intBetween, mulberry32, uniform, type Rng } from './prng';
import { cellAt, type ProvinceShape } from './province-shape';
import type { Office } from './offices';
import type { Settlement } from './settlements';

const DEPARTMENT_LABEL: Record<string, string> = {
  SASSA: 'SASSA',
  HOME_AFFAIRS: 'Home Affairs',
  SAPS: 'SAPS',
  HEALTH: 'Health',
  LABOUR: 'Labour',
  SOCIAL_DEV: 'Social Development',
  JUSTICE: 'Justice',
  POST_OFFICE: 'Post Office',
};

/** the largest digitising offset, km */
const OFFSET_KM = 0.25;
/** distance from the outline over which the offset fades in, km */
const OFFSET_FADE_KM = 4;

export function makeRegions(seed: number, shape: ProvinceShape, munis: MunicipalityModel, settlements: Settlement[], offices: Office[]): LayerCollection<'regions'> {
  const { mesh } = shape;
  const provinceCells: number[] = [];
  for (let c = 0; c < mesh.count; c++) if (shape.inProvince[c]) provinceCells.push(c);
  const districtOfCell = (c: number) => {
    const m = munis.municipalities[munis.cellLabel[c]];
    return m.district < 0 ? 0 : m.district + 1; // 0 = metro, 1… = districts
  };
  const outlinePoints = makeNodeStore(shape.outline.length / 2, 1);
  for (let i = 0; i < shape.outline.length; i += 2) addNode(outlinePoints, shape.outline[i], shape.outline[i + 1]);
  const features: Feature<AreaGeometry, RegionProps>[] = [];

  for (const dept of DEPARTMENTS) {
    const rng = mulberry32(hash32(seed, 'regions', dept.code));
    const label = new Int32Array(mesh.count).fill(-1);
    let names: string[];
    let digitised = false;
    if (dept.code === 'HEALTH') {
      for (const c of provinceCells) label[c] = districtOfCell(c);
      names = ['Metro', ...munis.districts.map((d) => d.name)];
      digitised = true;
    } else if (dept.code === 'SOCIAL_DEV') {
      const groupOfDistrict = pairDistricts(shape, munis, districtOfCell);
      for (const c of provinceCells) label[c] = groupOfDistrict[districtOfCell(c)];
      const count = Math.max(...groupOfDistrict) + 1;
      names = compassNames(shape, label, count, settlements);
      names[0] = 'Metro';
      digitised = true;
    } else {
      const own = offices.filter((o) => o.department === dept.code);
      const officeCells = [...new Set(own.map((o) => cellAt(shape, o.x, o.y)))].filter((c) => shape.inProvince[c]);
      const k = intBetween(rng, 3, 8);
      const sx = (c: number) => mesh.sites[2 * c];
      const sy = (c: number) => mesh.sites[2 * c + 1];
      const seeds = officeCells.length >= k
        ? bestCandidateSeeds(rng, officeCells, k, sx, sy, [], 6)
        : [...officeCells, ...bestCandidateSeeds(rng, provinceCells, k - officeCells.length, sx, sy, officeCells.map((c) => [sx(c), sy(c)] as [number, number]))];
      const grown = growRegions(mesh, { allowed: shape.inProvince, seeds: seeds.map((c) => [c]), roughness: 0.3, salt: `regions-${dept.code}` });
      absorbLeftovers(mesh, shape.inProvince, grown);
      label.set(grown);
      names = compassNames(shape, label, seeds.length, settlements);
    }
    const rings = groupRings(mesh, label, names.length);
    const offset = digitised ? makeOffsetField(rng, outlinePoints) : undefined;
    rings.forEach((own, g) => {
      if (own.length === 0) return;
      const shaped = offset ? own.map((r) => offset(r)) : own;
      features.push({
        type: 'Feature',
        properties: { department: dept.code, region: `${DEPARTMENT_LABEL[dept.code] ?? dept.code} ${names[g]} region` },
        geometry: ringsToGeometry(shaped),
      });
    });
  }
  return { type: 'FeatureCollection', features };
}

/** merges each district with an unpaired neighbour where it can; the metro stays alone (group 0) */
function pairDistricts(shape: ProvinceShape, munis: MunicipalityModel, districtOfCell: (c: number) => number): number[] {
  const n = munis.districts.length + 1;
  const adjacent: Array<Set<number>> = Array.from({ length: n }, () => new Set());
  for (let c = 0; c < shape.mesh.count; c++) {
    if (!shape.inProvince[c]) continue;
    forEachNeighbour(shape.mesh, c, (d) => {
      if (!shape.inProvince[d]) return;
      const a = districtOfCell(c);
      const b = districtOfCell(d);
      if (a !== b) adjacent[a].add(b);
    });
  }
  const group = new Array(n).fill(-1);
  group[0] = 0;
  let next = 1;
  for (let d = 1; d < n; d++) {
    if (group[d] >= 0) continue;
    group[d] = next;
    const partner = [...adjacent[d]].filter((e) => e > 0 && group[e] < 0).sort((a, b) => a - b)[0];
    if (partner !== undefined) group[partner] = next;
    next++;
  }
  return group;
}

/** "North", "South-West", "Central"… by where each region lies; repeats take their largest town's name */
function compassNames(shape: ProvinceShape, label: Int32Array, count: number, settlements: Settlement[]): string[] {
  const { mesh } = shape;
  const sum = Array.from({ length: count }, () => ({ x: 0, y: 0, n: 0 }));
  let px = 0;
  let py = 0;
  let pn = 0;
  for (let c = 0; c < mesh.count; c++) {
    if (!shape.inProvince[c]) continue;
    px += mesh.sites[2 * c];
    py += mesh.sites[2 * c + 1];
    pn++;
    const l = label[c];
    if (l < 0) continue;
    sum[l].x += mesh.sites[2 * c];
    sum[l].y += mesh.sites[2 * c + 1];
    sum[l].n++;
  }
  px /= pn;
  py /= pn;
  const radius = Math.sqrt(shape.areaKm2 / Math.PI);
  const sectors = ['East', 'North-East', 'North', 'North-West', 'West', 'South-West', 'South', 'South-East'];
  const largest = new Array(count).fill(-1);
  settlements.forEach((s, i) => {
    if (s.kind !== 'town') return;
    const l = label[cellAt(shape, s.x, s.y)];
    if (l >= 0 && (largest[l] < 0 || s.population > settlements[largest[l]].population)) largest[l] = i;
  });
  const seen = new Set<string>();
  return sum.map((s, l) => {
    const dx = s.x / s.n - px;
    const dy = s.y / s.n - py;
    const base = Math.hypot(dx, dy) < 0.3 * radius
      ? 'Central'
      : sectors[Math.round(((Math.atan2(dy, dx) + 2 * Math.PI) % (2 * Math.PI)) / (Math.PI / 4)) % 8];
    const name = seen.has(base) && largest[l] >= 0 ? settlements[largest[l]].name : seen.has(base) ? `${base} ${l + 1}` : base;
    seen.add(base);
    return name;
  });
}

/**
 * A smooth displacement field (sums of long sine waves, 6–15 km) that fades to zero at the
 * outline. Its gradient is small, so it bends lines without folding them: polygons stay valid,
 * and neighbours within one department still share their (moved) boundary exactly.
 */
function makeOffsetField(rng: Rng, outlinePoints: NodeStore): (ring: Float64Array) => Float64Array {
  const waves = Array.from({ length: 4 }, () => ({ l: uniform(rng, 6, 15), p: uniform(rng, 0, 2 * Math.PI) }));
  return (ring) => {
    const out = new Float64Array(ring.length);
    for (let i = 0; i < ring.length; i += 2) {
      const x = ring[i];
      const y = ring[i + 1];
      const n = nearestNode(outlinePoints, x, y, OFFSET_FADE_KM + 1);
      const t = n < 0 ? 1 : Math.min(1, Math.hypot(outlinePoints.xs[n] - x, outlinePoints.ys[n] - y) / OFFSET_FADE_KM);
      const fade = t * t * (3 - 2 * t);
      const dx = Math.sin(x / waves[0].l + waves[0].p) + 0.5 * Math.sin(y / waves[1].l + waves[1].p);
      const dy = Math.cos(y / waves[2].l + waves[2].p) + 0.5 * Math.cos(x / waves[3].l + waves[3].p);
      out[i] = x + (OFFSET_KM / 1.5) * fade * dx;
      out[i + 1] = y + (OFFSET_KM / 1.5) * fade * dy;
    }
    return out;
  };
}
