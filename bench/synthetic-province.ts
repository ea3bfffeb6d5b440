/**
 * A seeded synthetic province for engine benchmarks and randomised tests: a jittered road grid
 * with mixed classes, some one-way streets, a few gaps and a few road islands; clustered
 * settlements; offices per department with some co-located; Thusong centres; rectangular
 * municipalities. It is NOT realistic geography — it exists so sizes and timings are honest and
 * reproducible while the real province generator (data/generator) is being written.
 */
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';

export interface SyntheticOptions {
  seed?: number;
  /** approximate number of road nodes (a square grid of this many vertices) */
  roadNodes?: number;
  settlements?: number;
  departments?: string[];
  officesPerDepartment?: number;
  thusong?: number;
  /** municipalities as a columns × rows grid of rectangles */
  municipalityGrid?: [number, number];
  /** [minLon, minLat, maxLon, maxLat] */
  bbox?: [number, number, number, number];
}

export interface SyntheticProvince {
  roads: FeatureCollection<LineString>;
  settlements: FeatureCollection<Point>;
  offices: FeatureCollection<Point>;
  thusong: FeatureCollection<Point>;
  municipalities: FeatureCollection<Polygon>;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
}

const DEFAULT_DEPARTMENTS = ['SASSA', 'HOME_AFFAIRS', 'SAPS', 'HEALTH', 'LABOUR', 'SOCIAL_DEV', 'JUSTICE', 'POST_OFFICE'];

function classFor(line: number): string {
  if (line % 60 === 0) return 'trunk';
  if (line % 20 === 0) return 'primary';
  if (line % 10 === 0) return 'secondary';
  if (line % 5 === 0) return 'tertiary';
  return line % 3 === 0 ? 'track' : line % 2 === 0 ? 'residential' : 'unclassified';
}

export function syntheticProvince(options: SyntheticOptions = {}): SyntheticProvince {
  const rand = mulberry32(options.seed ?? 1);
  const [x0, y0, x1, y1] = options.bbox ?? [26, -29, 31, -25];
  const side = Math.max(2, Math.round(Math.sqrt(options.roadNodes ?? 10_000)));
  const dx = (x1 - x0) / (side - 1);
  const dy = (y1 - y0) / (side - 1);
  // jittered grid vertex positions, shared by the row line and the column line through them
  const lon = new Float64Array(side * side);
  const lat = new Float64Array(side * side);
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const i = r * side + c;
      lon[i] = x0 + c * dx + (rand() - 0.5) * dx * 0.3;
      lat[i] = y0 + r * dy + (rand() - 0.5) * dy * 0.3;
    }
  }
  const roads: Feature<LineString>[] = [];
  const RUN = 16; // grid edges per feature
  const emitLine = (ids: number[], cls: string) => {
    if (ids.length < 2) return;
    const props: Record<string, unknown> = { class: cls };
    if ((cls === 'residential' || cls === 'unclassified') && rand() < 0.05) props.oneway = rand() < 0.5 ? 'yes' : '-1';
    if (rand() < 0.02) props.speed_kmh = 30 + Math.floor(rand() * 60);
    roads.push({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: ids.map((i) => [lon[i], lat[i]]) } });
  };
  for (let dir = 0; dir < 2; dir++) {
    for (let line = 0; line < side; line++) {
      const cls = classFor(line);
      const minor = cls === 'residential' || cls === 'unclassified' || cls === 'track';
      let run: number[] = [];
      for (let s = 0; s < side; s++) {
        const id = dir === 0 ? line * side + s : s * side + line;
        run.push(id);
        // occasional gaps on minor roads, and a break into a new feature every RUN edges
        const gap = minor && rand() < 0.03;
        if (gap || run.length > RUN) {
          emitLine(run, cls);
          run = gap ? [] : [id];
        }
      }
      emitLine(run, cls);
    }
  }
  // a few islands: small road squares in the middle of grid cells, touching nothing
  for (let k = 0; k < 6; k++) {
    const cx = x0 + (0.1 + 0.8 * rand()) * (x1 - x0);
    const cy = y0 + (0.1 + 0.8 * rand()) * (y1 - y0);
    const h = Math.min(dx, dy) * 0.15;
    roads.push({
      type: 'Feature',
      properties: { class: 'residential' },
      geometry: { type: 'LineString', coordinates: [[cx - h, cy - h], [cx + h, cy - h], [cx + h, cy + h], [cx - h, cy + h], [cx - h, cy - h]] },
    });
  }

  // settlements clustered around towns, plus scattered rural ones and a few far outside the roads
  const townCount = 200;
  const towns = Array.from({ length: townCount }, () => [x0 + rand() * (x1 - x0), y0 + rand() * (y1 - y0)]);
  const settlementCount = options.settlements ?? 5000;
  const settlements: Feature<Point>[] = [];
  for (let i = 0; i < settlementCount; i++) {
    let p: [number, number];
    const u = rand();
    if (u < 0.002) p = [x1 + 0.2 + rand() * 0.2, y0 + rand() * (y1 - y0)]; // beyond the network
    else if (u < 0.7) {
      const t = towns[Math.floor(rand() * townCount)];
      p = [t[0] + gaussian(rand) * 0.05, t[1] + gaussian(rand) * 0.05];
    } else p = [x0 + rand() * (x1 - x0), y0 + rand() * (y1 - y0)];
    const population = Math.round(Math.exp(5.5 + 1.2 * gaussian(rand)));
    settlements.push({ type: 'Feature', properties: { id: `S${i}`, name: `Settlement ${i}`, population }, geometry: { type: 'Point', coordinates: p } });
  }

  const departments = options.departments ?? DEFAULT_DEPARTMENTS;
  const perDept = options.officesPerDepartment ?? 20;
  const offices: Feature<Point>[] = [];
  for (const dept of departments) {
    for (let k = 0; k < perDept; k++) {
      let p: number[];
      if (offices.length > 0 && rand() < 0.25) {
        // co-located with an earlier office of another department (a shared building, ~30 m away)
        const other = offices[Math.floor(rand() * offices.length)].geometry.coordinates;
        p = [other[0] + (rand() - 0.5) * 0.0005, other[1] + (rand() - 0.5) * 0.0005];
      } else {
        const t = towns[Math.floor(rand() * townCount)];
        p = [t[0] + gaussian(rand) * 0.02, t[1] + gaussian(rand) * 0.02];
      }
      offices.push({
        type: 'Feature',
        properties: { id: `${dept}-${k}`, department: dept, name: `${dept} office ${k}`, services: '', lease_expiry: '' },
        geometry: { type: 'Point', coordinates: p },
      });
    }
  }
  const thusong: Feature<Point>[] = Array.from({ length: options.thusong ?? 10 }, (_, k) => {
    const t = towns[Math.floor(rand() * townCount)];
    return { type: 'Feature', properties: { id: `T${k}`, name: `Thusong centre ${k}` }, geometry: { type: 'Point', coordinates: [t[0], t[1]] } };
  });

  const [mc, mr] = options.municipalityGrid ?? [5, 4];
  const municipalities: Feature<Polygon>[] = [];
  for (let r = 0; r < mr; r++) {
    for (let c = 0; c < mc; c++) {
      const a = x0 + ((x1 - x0) * c) / mc;
      const b = x0 + ((x1 - x0) * (c + 1)) / mc;
      const d = y0 + ((y1 - y0) * r) / mr;
      const e = y0 + ((y1 - y0) * (r + 1)) / mr;
      const code = `SY${String(r * mc + c + 1).padStart(3, '0')}`;
      municipalities.push({
        type: 'Feature',
        properties: { code, name: `Municipality ${code}`, category: 'B', district: 'DC99' },
        geometry: { type: 'Polygon', coordinates: [[[a, d], [b, d], [b, e], [a, e], [a, d]]] },
      });
    }
  }
  const fc = <G extends LineString | Point | Polygon>(features: Feature<G>[]): FeatureCollection<G> => ({ type: 'FeatureCollection', features });
  return { roads: fc(roads), settlements: fc(settlements), offices: fc(offices), thusong: fc(thusong), municipalities: fc(municipalities) };
}
