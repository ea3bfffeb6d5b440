import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { area } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { DEPARTMENTS, SERVICES } from '../../src/model/catalogue';
import { LAYER_KINDS } from '../../src/model/layers';
import { countRoadNodes, DEFAULT_SAMPLE_OPTIONS, generateProvince, type Province } from '../../data/generator/index';

// One generation of the default sample, read (never changed) by the tests below.
const sample: Province = generateProvince(DEFAULT_SAMPLE_OPTIONS);

const KM_PER_DEG_LAT = 111.195;
const KM_PER_DEG_LON = 111.195 * Math.cos((33 * Math.PI) / 180);

function layerHash(p: Province): string {
  const h = createHash('sha256');
  for (const kind of LAYER_KINDS) h.update(JSON.stringify(p[kind]));
  return h.digest('hex');
}

function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** twice the signed area in degrees² (positive = counter-clockwise) */
function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s;
}

function orient(a: Position, b: Position, c: Position): number {
  return Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
}

/** proper or touching intersection of segments ab and cd */
function segmentsMeet(a: Position, b: Position, c: Position, d: Position): boolean {
  const o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  const on = (p: Position, q: Position, r: Position) =>
    Math.min(p[0], r[0]) <= q[0] && q[0] <= Math.max(p[0], r[0]) && Math.min(p[1], r[1]) <= q[1] && q[1] <= Math.max(p[1], r[1]);
  return (o1 === 0 && on(a, c, b)) || (o2 === 0 && on(a, d, b)) || (o3 === 0 && on(c, a, d)) || (o4 === 0 && on(c, b, d));
}

/** problems with one polygon (all rings together): unclosed, too short, wrong winding, self-crossing */
function polygonProblems(rings: Position[][]): string[] {
  const problems: string[] = [];
  rings.forEach((ring, r) => {
    const first = ring[0], last = ring[ring.length - 1];
    if (ring.length < 4) problems.push(`ring ${r} has ${ring.length} positions`);
    if (first[0] !== last[0] || first[1] !== last[1]) problems.push(`ring ${r} is not closed`);
    const sa = signedArea(ring);
    if (r === 0 && sa <= 0) problems.push('outer ring is not counter-clockwise');
    if (r > 0 && sa >= 0) problems.push(`hole ${r} is not clockwise`);
    for (let i = 1; i < ring.length; i++) if (ring[i][0] === ring[i - 1][0] && ring[i][1] === ring[i - 1][1]) problems.push(`ring ${r} repeats a position`);
  });
  const segs: Array<[Position, Position, number, number]> = [];
  rings.forEach((ring, r) => {
    for (let i = 0; i < ring.length - 1; i++) segs.push([ring[i], ring[i + 1], r, i]);
  });
  // sort by min x so only overlapping x-ranges are compared
  segs.sort((s, t) => Math.min(s[0][0], s[1][0]) - Math.min(t[0][0], t[1][0]));
  for (let i = 0; i < segs.length; i++) {
    const [a, b, ra, ia] = segs[i];
    const maxX = Math.max(a[0], b[0]);
    for (let j = i + 1; j < segs.length && Math.min(segs[j][0][0], segs[j][1][0]) <= maxX; j++) {
      const [c, d, rc, ic] = segs[j];
      if (ra === rc) {
        const n = rings[ra].length - 1;
        if (Math.abs(ia - ic) === 1 || Math.abs(ia - ic) === n - 1) continue; // neighbours share an end
      }
      if (segmentsMeet(a, b, c, d)) problems.push(`segments ${ra}:${ia} and ${rc}:${ic} meet`);
      if (problems.length > 5) return problems;
    }
  }
  return problems;
}

/** all coordinate pairs of any layer's features */
function* allPositions(p: Province): Generator<Position> {
  for (const kind of LAYER_KINDS) {
    for (const f of p[kind].features) {
      const g = f.geometry;
      if (g.type === 'Point') yield g.coordinates;
      else if (g.type === 'LineString') yield* g.coordinates;
      else if (g.type === 'MultiLineString' || g.type === 'Polygon') for (const l of g.coordinates) yield* l;
      else if (g.type === 'MultiPolygon') for (const poly of g.coordinates) for (const l of poly) yield* l;
    }
  }
}

function key(p: Position): string {
  return `${p[0]},${p[1]}`;
}

describe('the seeded province generator', () => {
  // small instances: the hash covers every layer, so any drift in any of them shows
  const smallHash = (seed: number) => layerHash(generateProvince({ seed, scale: 0.2 }));

  it('gives identical output for the same seed', () => {
    expect(smallHash(42)).toBe(smallHash(42));
  });

  it('gives different output for a different seed', () => {
    expect(smallHash(42)).not.toBe(smallHash(43));
  });

  it('matches the committed sample in data/sample byte for byte', () => {
    const dir = join(__dirname, '../../data/sample');
    if (!existsSync(join(dir, 'roads.geojson'))) return; // not generated yet
    for (const kind of LAYER_KINDS) {
      const onDisk = readFileSync(join(dir, `${kind}.geojson`), 'utf8');
      expect(onDisk, `${kind}.geojson is stale: run npm run generate`).toBe(JSON.stringify(sample[kind]) + '\n');
    }
  });

  it('scales settlements, offices and road nodes with the options', () => {
    const small = generateProvince({ seed: 5, settlements: 400, offices: 40, roadNodes: 20000 });
    expect(small.settlements.features).toHaveLength(400);
    expect(small.offices.features).toHaveLength(40);
    const nodes = countRoadNodes(small.roads);
    expect(nodes).toBeGreaterThan(16000);
    expect(nodes).toBeLessThan(25000);
  });
});

describe('the default sample', () => {
  it('is one metro (category A) and 25 ± 3 locals (category B) in 5 districts', () => {
    const munis = sample.municipalities.features.map((f) => f.properties);
    const metros = munis.filter((m) => m.category === 'A');
    const locals = munis.filter((m) => m.category === 'B');
    expect(metros).toHaveLength(1);
    expect(metros[0].code).toBe('SPMET');
    expect(locals.length).toBeGreaterThanOrEqual(22);
    expect(locals.length).toBeLessThanOrEqual(28);
    expect(new Set(locals.map((m) => m.district))).toEqual(new Set(['SPDC1', 'SPDC2', 'SPDC3', 'SPDC4', 'SPDC5']));
    for (const m of locals) expect(m.code).toMatch(/^SP0[1-5][1-9]$/);
    expect(new Set(munis.map((m) => m.code)).size).toBe(munis.length);
  });

  it('has about 1,500 settlements with integer populations, one metro of 1–3 million and towns, villages and farms', () => {
    const s = sample.settlements.features.map((f) => f.properties);
    expect(s.length).toBeGreaterThanOrEqual(1400);
    expect(s.length).toBeLessThanOrEqual(1600);
    for (const p of s) expect(Number.isInteger(p.population) && p.population >= 0).toBe(true);
    expect(new Set(s.map((p) => p.id)).size).toBe(s.length);
    const kinds = sample.meta.settlementKinds;
    expect(kinds.metro.population).toBeGreaterThan(1e6);
    expect(kinds.metro.population).toBeLessThan(3e6);
    const towns = s.filter((p) => p.population >= 5000 && p.population <= 80000).length;
    const villages = s.filter((p) => p.population >= 300 && p.population < 5000).length;
    const farms = s.filter((p) => p.population >= 10 && p.population <= 300).length;
    expect(towns).toBeGreaterThan(50);
    expect(villages).toBeGreaterThan(250);
    expect(farms).toBeGreaterThan(800);
  });

  it('has about 150 offices across all 8 departments, each with its own services', () => {
    const offices = sample.offices.features.map((f) => f.properties);
    expect(offices.length).toBeGreaterThanOrEqual(135);
    expect(offices.length).toBeLessThanOrEqual(165);
    expect(new Set(offices.map((o) => o.department))).toEqual(new Set(DEPARTMENTS.map((d) => d.code)));
    for (const o of offices) {
      const own = SERVICES.filter((s) => s.department === o.department).map((s) => s.code);
      const listed = o.services.split(';');
      expect(listed.length).toBeGreaterThan(0);
      for (const code of listed) expect(own).toContain(code);
      expect(o.address).toBeTruthy();
    }
  });

  it('has lease expiry dates that are valid calendar days in 2027–2036', () => {
    for (const f of sample.offices.features) {
      const d = f.properties.lease_expiry;
      expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
      expect(d >= '2027-01-01' && d <= '2036-12-31').toBe(true);
    }
  });

  it('puts some offices in shared precincts (within 50 m) but most apart', () => {
    const pts = sample.offices.features.map((f) => f.geometry.coordinates);
    let withNeighbour = 0;
    pts.forEach((p, i) => {
      const near = pts.some((q, j) => j !== i && Math.hypot((p[0] - q[0]) * KM_PER_DEG_LON, (p[1] - q[1]) * KM_PER_DEG_LAT) < 0.05);
      if (near) withNeighbour++;
    });
    expect(withNeighbour).toBeGreaterThan(5);
    expect(withNeighbour).toBeLessThan(pts.length / 2);
  });

  it('has 4–6 Thusong centres', () => {
    expect(sample.thusong.features.length).toBeGreaterThanOrEqual(4);
    expect(sample.thusong.features.length).toBeLessThanOrEqual(6);
  });

  it('has at least 50,000 distinct road nodes in a roads layer of at most 6 MB', () => {
    expect(countRoadNodes(sample.roads)).toBeGreaterThanOrEqual(50000);
    expect(JSON.stringify(sample.roads).length).toBeLessThanOrEqual(6e6);
    const classes = new Set(['trunk', 'primary', 'secondary', 'tertiary', 'residential', 'unclassified', 'track']);
    for (const f of sample.roads.features) {
      expect(classes.has(f.properties.class)).toBe(true);
      if (f.properties.speed_kmh !== undefined) expect(f.properties.speed_kmh).toBeGreaterThan(0);
    }
    const present = new Set(sample.roads.features.map((f) => f.properties.class));
    expect(present).toEqual(classes);
    expect(sample.roads.features.some((f) => f.properties.oneway)).toBe(true);
  });

  it('has a road network that is one piece apart from a few tiny islands', () => {
    const id = new Map<string, number>();
    const parent: number[] = [];
    const find = (x: number): number => {
      while (parent[x] !== x) x = parent[x] = parent[parent[x]];
      return x;
    };
    for (const f of sample.roads.features) {
      if (f.geometry.type !== 'LineString') continue;
      let prev = -1;
      for (const p of f.geometry.coordinates) {
        const k = key(p);
        let n = id.get(k);
        if (n === undefined) {
          n = parent.length;
          id.set(k, n);
          parent.push(n);
        }
        if (prev >= 0) parent[find(prev)] = find(n);
        prev = n;
      }
    }
    const sizes = new Map<number, number>();
    for (let n = 0; n < parent.length; n++) sizes.set(find(n), (sizes.get(find(n)) ?? 0) + 1);
    const ordered = [...sizes.values()].sort((a, b) => b - a);
    expect(ordered[0] / parent.length).toBeGreaterThan(0.995);
    expect(ordered.length).toBeLessThanOrEqual(5);
  });

  it('has every settlement near a road: nearly all within 500 m, all within 25 km', () => {
    const cell = 0.02; // degrees
    const buckets = new Map<string, Position[]>();
    for (const f of sample.roads.features) {
      if (f.geometry.type !== 'LineString') continue;
      for (const p of f.geometry.coordinates) {
        const k = `${Math.floor(p[0] / cell)},${Math.floor(p[1] / cell)}`;
        const b = buckets.get(k);
        if (b) b.push(p);
        else buckets.set(k, [p]);
      }
    }
    const distances = sample.settlements.features.map((f) => {
      const [lon, lat] = f.geometry.coordinates as Position;
      const cx = Math.floor(lon / cell);
      const cy = Math.floor(lat / cell);
      let best = Infinity;
      for (let ring = 0; ring < 200; ring++) {
        if (best < (ring - 1) * cell * KM_PER_DEG_LON) break;
        for (let gx = cx - ring; gx <= cx + ring; gx++) {
          for (let gy = cy - ring; gy <= cy + ring; gy++) {
            if (Math.max(Math.abs(gx - cx), Math.abs(gy - cy)) !== ring) continue;
            for (const p of buckets.get(`${gx},${gy}`) ?? []) {
              best = Math.min(best, Math.hypot((p[0] - lon) * KM_PER_DEG_LON, (p[1] - lat) * KM_PER_DEG_LAT));
            }
          }
        }
      }
      return best;
    });
    const within = distances.filter((d) => d <= 0.5).length;
    expect(within / distances.length).toBeGreaterThan(0.99);
    expect(Math.max(...distances)).toBeLessThan(25);
  });

  it('has valid municipal polygons: closed, counter-clockwise, not self-intersecting', () => {
    for (const f of sample.municipalities.features) {
      for (const poly of polygonsOf(f.geometry)) expect(polygonProblems(poly), f.properties.code).toEqual([]);
    }
  });

  it('has municipal areas that add up to the province area (within 0.5%)', () => {
    const total = sample.municipalities.features.reduce((a, f) => a + area(f), 0);
    const province = area(sample.meta.outline);
    expect(Math.abs(total - province) / province).toBeLessThan(0.005);
  });

  it('has municipal boundaries shared exactly: each inner edge twice (both ways), each outer edge on the outline', () => {
    const edges = new Map<string, number>();
    for (const f of sample.municipalities.features) {
      for (const poly of polygonsOf(f.geometry)) {
        for (const ring of poly) for (let i = 0; i < ring.length - 1; i++) edges.set(`${key(ring[i])}>${key(ring[i + 1])}`, (edges.get(`${key(ring[i])}>${key(ring[i + 1])}`) ?? 0) + 1);
      }
    }
    const outline = new Set<string>();
    const ring = sample.meta.outline.coordinates[0];
    for (let i = 0; i < ring.length - 1; i++) outline.add(`${key(ring[i])}>${key(ring[i + 1])}`);
    let inner = 0;
    for (const [edge, n] of edges) {
      expect(n).toBe(1);
      const [a, b] = edge.split('>');
      if (edges.has(`${b}>${a}`)) inner++;
      else expect(outline.has(edge), `edge ${edge} has no neighbour and is not on the outline`).toBe(true);
    }
    expect(inner).toBeGreaterThan(1000);
    expect(edges.size - inner).toBe(outline.size);
  });

  it('has 3–8 valid service regions per department that are not copies of municipalities', () => {
    const muniGeometries = new Set(sample.municipalities.features.map((f) => JSON.stringify(f.geometry)));
    for (const d of DEPARTMENTS) {
      const regions = sample.regions.features.filter((f) => f.properties.department === d.code);
      expect(regions.length, d.code).toBeGreaterThanOrEqual(3);
      expect(regions.length, d.code).toBeLessThanOrEqual(8);
      for (const r of regions) {
        expect(muniGeometries.has(JSON.stringify(r.geometry))).toBe(false);
        for (const poly of polygonsOf(r.geometry)) expect(polygonProblems(poly), r.properties.region).toEqual([]);
      }
    }
    expect(new Set(sample.regions.features.map((f) => f.properties.region)).size).toBe(sample.regions.features.length);
  });

  it('has health regions that nearly coincide with districts, leaving only slivers', () => {
    const health = sample.regions.features.filter((f) => f.properties.department === 'HEALTH');
    const byDistrict = new Map<string, number>();
    for (const f of sample.municipalities.features) byDistrict.set(f.properties.district, (byDistrict.get(f.properties.district) ?? 0) + area(f));
    const districtAreas = [...byDistrict.values()].sort((a, b) => a - b);
    const healthAreas = health.map((f) => area(f)).sort((a, b) => a - b);
    expect(healthAreas).toHaveLength(districtAreas.length);
    let differs = false;
    healthAreas.forEach((a, i) => {
      const rel = Math.abs(a - districtAreas[i]) / districtAreas[i];
      expect(rel).toBeLessThan(0.02);
      if (rel > 1e-6) differs = true;
    });
    expect(differs).toBe(true);
  });

  it('has every feature inside the province bounding box', () => {
    const [minLon, minLat, maxLon, maxLat] = sample.meta.bbox;
    expect(minLon).toBeGreaterThanOrEqual(18.3);
    expect(maxLon).toBeLessThanOrEqual(22.5);
    expect(minLat).toBeGreaterThanOrEqual(-34.4);
    expect(maxLat).toBeLessThanOrEqual(-31.5);
    let outside = 0;
    for (const [lon, lat] of allPositions(sample)) if (lon < minLon || lon > maxLon || lat < minLat || lat > maxLat) outside++;
    expect(outside).toBe(0);
  });

  it('rounds every coordinate to 5 decimals', () => {
    let bad = 0;
    for (const p of allPositions(sample)) if (Math.round(p[0] * 1e5) / 1e5 !== p[0] || Math.round(p[1] * 1e5) / 1e5 !== p[1]) bad++;
    expect(bad).toBe(0);
  });
});
