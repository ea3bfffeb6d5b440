/**
 * Boundary-misalignment benchmark: `npx tsx bench/alignment.bench.ts [--size small|large]` alone,
 * or through `npm run bench -- --only alignment`.
 *
 * A seeded province: municipalities and department regions are two independent Voronoi tilings
 * (d3-delaunay) whose edges are densified with a little noise — the noise is a function of the
 * edge, so neighbouring polygons share their boundary vertex for vertex, as real tilings do — and
 * scattered settlements. The large size is the target of the issue: 300 regions × 250
 * municipalities with at least a million vertices, overlay ≤ 5 s.
 */
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Delaunay } from 'd3-delaunay';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { MunicipalityProps, RegionProps, SettlementProps } from '../src/model/layers';
import { analyseAlignment } from '../src/engine/alignment';
import { createMemoryTracker, machineHeader, mb, ms, timed, timingLine, type BenchContext, type BenchEntry } from './harness';

export interface AlignmentInstanceOptions {
  seed?: number;
  municipalities?: number;
  regions?: number;
  /** departments the regions are spread over (each tiles the province on its own) */
  departments?: number;
  /** total vertices aimed at, over both layers */
  vertices?: number;
  settlements?: number;
  bbox?: [number, number, number, number];
}

export interface AlignmentInstance {
  municipalities: FeatureCollection<Polygon | MultiPolygon, MunicipalityProps>;
  regions: FeatureCollection<Polygon | MultiPolygon, RegionProps>;
  settlements: FeatureCollection<Point, SettlementProps>;
  offices: FeatureCollection<Point, { id: string; department: string; name: string; services: string; lease_expiry: string }>;
  vertexCount: number;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Voronoi cells of n seeded sites in the bbox, as closed rings. */
function voronoiCells(n: number, rand: () => number, bbox: [number, number, number, number]): Position[][] {
  const [x0, y0, x1, y1] = bbox;
  const pts: number[] = [];
  for (let i = 0; i < n; i++) pts.push(x0 + rand() * (x1 - x0), y0 + rand() * (y1 - y0));
  const v = Delaunay.from(Array.from({ length: n }, (_, i) => [pts[2 * i], pts[2 * i + 1]] as [number, number])).voronoi(bbox);
  const cells: Position[][] = [];
  for (let i = 0; i < n; i++) {
    const c = v.cellPolygon(i) as unknown as Position[] | null;
    if (c) cells.push(c.map((p) => [p[0], p[1]]));
  }
  return cells;
}

/**
 * Densifies every edge to about `spacing` degrees with a noisy wiggle that is a function of the
 * edge alone (keyed by its sorted end points), tapered to zero at the corners so rings stay simple.
 */
function densifyCells(cells: Position[][], spacing: number, round: (x: number) => number, bbox: [number, number, number, number]): Position[][] {
  // the province outline is common to both layers: no noise along it
  const onBorder = (p: Position, q: Position) =>
    (p[0] === bbox[0] && q[0] === bbox[0]) || (p[0] === bbox[2] && q[0] === bbox[2]) || (p[1] === bbox[1] && q[1] === bbox[1]) || (p[1] === bbox[3] && q[1] === bbox[3]);
  const cache = new Map<string, Position[]>();
  const key = (p: Position) => `${round(p[0])},${round(p[1])}`;
  return cells.map((ring) => {
    const out: Position[] = [];
    for (let k = 0; k + 1 < ring.length; k++) {
      const p = ring[k];
      const q = ring[k + 1];
      const kp = key(p);
      const kq = key(q);
      const forward = kp < kq;
      const id = forward ? `${kp}|${kq}` : `${kq}|${kp}`;
      let pts = cache.get(id);
      if (!pts) {
        const [a, b] = forward ? [p, q] : [q, p];
        const dx = b[0] - a[0];
        const dy = b[1] - a[1];
        const len = Math.hypot(dx, dy);
        const m = Math.max(1, Math.round(len / spacing));
        const r = mulberry32(hashString(id));
        const nx = -dy / (len || 1);
        const ny = dx / (len || 1);
        const amp = onBorder(a, b) ? 0 : Math.min(spacing * 0.3, len * 0.05);
        const phase = r() * Math.PI * 2;
        pts = [[round(a[0]), round(a[1])]];
        for (let i = 1; i < m; i++) {
          const s = i / m;
          const taper = Math.sin(Math.PI * s);
          const w = amp * taper * (0.6 * Math.sin(phase + s * 9) + 0.4 * (r() * 2 - 1));
          pts.push([round(a[0] + dx * s + nx * w), round(a[1] + dy * s + ny * w)]);
        }
        pts.push([round(b[0]), round(b[1])]);
        cache.set(id, pts);
      }
      const seq = forward ? pts : [...pts].reverse();
      for (let i = 0; i + 1 < seq.length; i++) out.push(seq[i]);
    }
    out.push(out[0]);
    return out;
  });
}

function perimeter(cells: Position[][]): number {
  let s = 0;
  for (const c of cells) for (let k = 0; k + 1 < c.length; k++) s += Math.hypot(c[k + 1][0] - c[k][0], c[k + 1][1] - c[k][1]);
  return s;
}

const DEPARTMENT_CODES = ['SASSA', 'HOME_AFFAIRS', 'SAPS', 'HEALTH', 'LABOUR', 'SOCIAL_DEV', 'JUSTICE', 'POST_OFFICE'];

export function alignmentInstance(options: AlignmentInstanceOptions = {}): AlignmentInstance {
  const rand = mulberry32(options.seed ?? 7);
  const bbox = options.bbox ?? [26, -29, 31, -25];
  const nM = options.municipalities ?? 250;
  const nR = options.regions ?? 300;
  const departments = Math.max(1, Math.min(DEPARTMENT_CODES.length, options.departments ?? 1));
  const target = options.vertices ?? 1_050_000;
  const round = (x: number) => Math.round(x * 1e7) / 1e7;
  const muniCells = voronoiCells(nM, rand, bbox);
  const perDept = Math.ceil(nR / departments);
  const regionCellsByDept = Array.from({ length: departments }, (_, d) => voronoiCells(Math.min(perDept, nR - d * perDept), rand, bbox));
  const total = perimeter(muniCells) + regionCellsByDept.reduce((s, c) => s + perimeter(c), 0);
  const spacing = total / target;
  const munis = densifyCells(muniCells, spacing, round, bbox);
  let vertexCount = 0;
  const municipalities: Feature<Polygon, MunicipalityProps>[] = munis.map((ring, i) => {
    vertexCount += ring.length;
    return {
      type: 'Feature',
      properties: { code: `M${String(i + 1).padStart(3, '0')}`, name: `Municipality ${i + 1}`, category: 'B', district: `DC${1 + (i % 6)}` },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
  });
  const regions: Feature<Polygon, RegionProps>[] = [];
  regionCellsByDept.forEach((cells, d) => {
    densifyCells(cells, spacing, round, bbox).forEach((ring, i) => {
      vertexCount += ring.length;
      regions.push({ type: 'Feature', properties: { department: DEPARTMENT_CODES[d], region: `R${String(i + 1).padStart(3, '0')}` }, geometry: { type: 'Polygon', coordinates: [ring] } });
    });
  });
  // settlements: clustered around a few towns plus scattered farms
  const nS = options.settlements ?? 20_000;
  const towns = Array.from({ length: 60 }, () => [bbox[0] + rand() * (bbox[2] - bbox[0]), bbox[1] + rand() * (bbox[3] - bbox[1])]);
  const settlements: Feature<Point, SettlementProps>[] = [];
  for (let i = 0; i < nS; i++) {
    let lon: number;
    let lat: number;
    if (rand() < 0.7) {
      const t = towns[Math.floor(rand() * towns.length)];
      do {
        const r = 0.15 * Math.sqrt(-2 * Math.log(rand() + 1e-12));
        const a = rand() * Math.PI * 2;
        lon = t[0] + r * Math.cos(a);
        lat = t[1] + r * Math.sin(a);
      } while (lon <= bbox[0] || lon >= bbox[2] || lat <= bbox[1] || lat >= bbox[3]);
    } else {
      lon = bbox[0] + rand() * (bbox[2] - bbox[0]);
      lat = bbox[1] + rand() * (bbox[3] - bbox[1]);
    }
    settlements.push({ type: 'Feature', properties: { id: `S${i + 1}`, name: `Place ${i + 1}`, population: Math.round(50 + 3000 * rand() ** 3) }, geometry: { type: 'Point', coordinates: [lon, lat] } });
  }
  const offices: AlignmentInstance['offices']['features'] = [];
  for (let d = 0; d < departments; d++)
    for (let i = 0; i < 40; i++) {
      const t = towns[Math.floor(rand() * towns.length)];
      offices.push({ type: 'Feature', properties: { id: `O${d}-${i}`, department: DEPARTMENT_CODES[d], name: `Office ${i}`, services: '', lease_expiry: '' }, geometry: { type: 'Point', coordinates: t } });
    }
  return {
    municipalities: { type: 'FeatureCollection', features: municipalities },
    regions: { type: 'FeatureCollection', features: regions },
    settlements: { type: 'FeatureCollection', features: settlements },
    offices: { type: 'FeatureCollection', features: offices },
    vertexCount,
  };
}

const SIZES = {
  small: { municipalities: 60, regions: 80, vertices: 100_000, settlements: 5_000 },
  large: { municipalities: 250, regions: 300, vertices: 1_050_000, settlements: 20_000 },
};

async function run(ctx: BenchContext): Promise<void> {
  const size = SIZES[ctx.size];
  const inst = alignmentInstance(size);
  ctx.log(`  instance: ${inst.regions.features.length} regions × ${inst.municipalities.features.length} municipalities, ${inst.vertexCount.toLocaleString('en')} vertices, ${inst.settlements.features.length.toLocaleString('en')} settlement points`);
  const inputs = { regions: inst.regions, municipalities: inst.municipalities };
  // warm-up on a small instance so the JIT has compiled the hot loops
  const warm = alignmentInstance({ ...SIZES.small, vertices: 20_000, seed: 99 });
  analyseAlignment({ regions: warm.regions, municipalities: warm.municipalities, settlements: warm.settlements });
  ctx.memory.reset();
  const overlay = timed(() => analyseAlignment(inputs), ctx.memory);
  const r = overlay.value;
  ctx.log(timingLine('overlay (prepare + areas + indices)', overlay, ctx.size === 'large' ? 5000 : undefined));
  for (const [phase, t] of Object.entries(r.stats.phaseMs)) ctx.log(`    ${phase.padEnd(30)} ${ms(t).padStart(9)}`);
  ctx.log(`  pairs tested (boxes meet) ${r.stats.featurePairsTested.toLocaleString('en')}, intersecting ${r.stats.pairsIntersecting.toLocaleString('en')} (${r.stats.slivers} slivers); segment pairs tested ${r.stats.segmentPairsTested.toLocaleString('en')}, boundary events ${r.stats.boundaryEvents.toLocaleString('en')}`);
  const withPop = timed(() => analyseAlignment({ ...inputs, settlements: inst.settlements, offices: inst.offices }), ctx.memory);
  ctx.log(timingLine('overlay + settlements + offices', withPop));
  const v = withPop.value;
  ctx.log(`  department score (population, slivers excluded): ${v.indices.departments.populationScore[0].toFixed(3)}, by area ${v.indices.departments.areaScore[0].toFixed(3)}`);
  ctx.log(`  peak memory: rss ${mb(ctx.memory.peakRss)}, heap ${mb(ctx.memory.peakHeapUsed)}`);
}

export const bench: BenchEntry = {
  name: 'alignment',
  description: 'region × municipality overlay by boundary events (Green’s theorem) on seeded Voronoi tilings',
  run,
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = process.argv.indexOf('--size');
  const size = (arg > 0 ? process.argv[arg + 1] : 'large') as 'small' | 'large';
  console.log(machineHeader());
  console.log(`cores used: 1 of ${os.cpus().length}`);
  const memory = createMemoryTracker();
  run({ size, log: (l) => console.log(l), memory }).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
