/**
 * Boundary misalignment, end to end: prepare the layers on one equal-area frame, overlay regions
 * on municipalities, place people (settlement points by point-in-polygon; settlement polygons such
 * as wards by area share of ward ∩ region ∩ municipality), flag slivers, and compute the indices.
 * Pure: plain GeoJSON in, plain typed arrays out (structured-cloneable, so it runs in a worker).
 */
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { InputIssue } from '../../model/errors';
import { throttleProgress, type ProgressFn } from '../../model/progress';
import { computeIndices, DEFAULT_SLIVER_RULE, isSliver, type IndexSet, type OverlapTable, type SliverRule } from './alignment-indices';
import { equalAreaProj4, type EqualAreaFrame } from './equal-area';
import { overlayAreas, type PairOverlay } from './overlay-areas';
import { assignPoints } from './point-assignment';
import { prepareLayers, type LayerInput } from './prepare-layers';
import { tripleAreas } from './triple-areas';

export interface AlignmentInputs {
  /** department service regions: properties department, region */
  regions: FeatureCollection;
  /** municipalities: properties code, name */
  municipalities: FeatureCollection;
  /** settlements with population: points (towns, villages) or polygons (wards, small areas) */
  settlements?: FeatureCollection;
  /** department offices (points with a department), to show whose region changes in a proposal */
  offices?: FeatureCollection;
  /** file names for issue locations */
  fileNames?: { regions?: string; municipalities?: string; settlements?: string; offices?: string };
}

export interface AlignmentOptions {
  sliver?: Partial<SliverRule>;
  /** intersections smaller than this are empty (touching polygons, rounding); default 1 m² */
  emptyAreaM2?: number;
  /** the equal-area plane to measure in; default an Albers conic fitted to the data's extent */
  frame?: EqualAreaFrame;
}

export type PopulationMethod = 'none' | 'points' | 'polygon-area-share' | 'points-and-polygon-area-share';

export interface AlignmentResult {
  departments: string[];
  regions: {
    count: number;
    /** index into `departments` */
    department: Uint16Array;
    name: string[];
    areaKm2: Float64Array;
    /** people in the region (inside a municipality or not) */
    population: Float64Array;
    /** 1 when the polygon was invalid beyond repair and left out */
    excluded: Uint8Array;
  };
  municipalities: {
    count: number;
    code: string[];
    name: string[];
    areaKm2: Float64Array;
    population: Float64Array;
    excluded: Uint8Array;
  };
  overlaps: OverlapTable;
  /** indices with slivers left out (the default reading) */
  indices: IndexSet;
  /** the same indices counting slivers */
  indicesWithSlivers: IndexSet;
  populationMethod: PopulationMethod;
  /** per settlement point (−1 for polygons and points outside): containing municipality, and region per department (index s · D + d) */
  settlements: { count: number; population: Float64Array; municipality: Int32Array; region: Int32Array; isPoint: Uint8Array };
  /** per office: department index (−1 if unknown), containing region of its own department, containing municipality */
  offices: { count: number; id: string[]; department: Int32Array; region: Int32Array; municipality: Int32Array };
  /** people per department outside every region of that department */
  populationOutsideRegions: Float64Array;
  sliverRule: SliverRule;
  /** proj4 definition of the equal-area plane the areas were measured in */
  areaProjection: string;
  issues: InputIssue[];
  stats: {
    vertices: number;
    featurePairsTested: number;
    pairsIntersecting: number;
    slivers: number;
    segmentPairsTested: number;
    boundaryEvents: number;
    phaseMs: Record<string, number>;
  };
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

function pointsOf(fc: FeatureCollection | undefined): { lon: Float64Array; lat: Float64Array; features: Feature[] } {
  const features = (fc?.features ?? []).filter((f) => f?.geometry?.type === 'Point');
  const lon = new Float64Array(features.length);
  const lat = new Float64Array(features.length);
  features.forEach((f, i) => {
    const c = (f.geometry as Point).coordinates;
    lon[i] = Number(c?.[0]);
    lat[i] = Number(c?.[1]);
  });
  return { lon, lat, features };
}

export function analyseAlignment(inputs: AlignmentInputs, options: AlignmentOptions = {}, progress?: ProgressFn): AlignmentResult {
  const report = throttleProgress(progress);
  const phaseMs: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (name: string) => {
    const t = performance.now();
    phaseMs[name] = (phaseMs[name] ?? 0) + (t - t0);
    t0 = t;
  };
  const rule: SliverRule = { ...DEFAULT_SLIVER_RULE, ...options.sliver };
  const emptyAreaM2 = options.emptyAreaM2 ?? 1;
  const names = {
    regions: inputs.fileNames?.regions ?? 'regions',
    municipalities: inputs.fileNames?.municipalities ?? 'municipalities',
    settlements: inputs.fileNames?.settlements ?? 'settlements',
    offices: inputs.fileNames?.offices ?? 'offices',
  };
  const issues: InputIssue[] = [];

  // ── attributes
  const regionFeatures = inputs.regions.features ?? [];
  const muniFeatures = inputs.municipalities.features ?? [];
  const regionDeptCode = regionFeatures.map((f) => str(f?.properties?.department));
  const departments = [...new Set(regionDeptCode)].sort();
  const deptIndex = new Map(departments.map((d, i) => [d, i]));
  const regionDepartment = Uint16Array.from(regionDeptCode, (d) => deptIndex.get(d)!);
  const regionName = regionFeatures.map((f, i) => str(f?.properties?.region) || `region ${i + 1}`);
  regionDeptCode.forEach((d, i) => {
    if (!d)
      issues.push({ code: 'missing-value', severity: 'warning', message: 'The region has no department; it is grouped under an empty department code.', fix: 'Fill in the department column.', where: { file: names.regions, feature: i, property: 'department' } });
  });
  const muniCode = muniFeatures.map((f, i) => str(f?.properties?.code) || `#${i + 1}`);
  const muniName = muniFeatures.map((f) => str(f?.properties?.name));
  const D = departments.length;
  const R = regionFeatures.length;
  const M = muniFeatures.length;

  // ── settlement polygons (wards) take part in the overlay; points do not
  const settlementFeatures = inputs.settlements?.features ?? [];
  const wardIdx: number[] = [];
  settlementFeatures.forEach((f, i) => {
    const t = f?.geometry?.type;
    if (t === 'Polygon' || t === 'MultiPolygon') wardIdx.push(i);
  });
  const settlementPopulation = new Float64Array(settlementFeatures.length);
  settlementFeatures.forEach((f, i) => {
    const p = Number(f?.properties?.population);
    if (Number.isFinite(p) && p >= 0) settlementPopulation[i] = p;
    else
      issues.push({
        code: Number.isFinite(p) ? 'negative-population' : 'missing-population',
        severity: 'warning',
        message: `The settlement's population “${str(f?.properties?.population)}” is not a number ≥ 0; it counts as 0.`,
        fix: 'Give every settlement a population of 0 or more.',
        where: { file: names.settlements, feature: i, property: 'population' },
        value: str(f?.properties?.population),
      });
  });

  report({ phase: 'preparing polygons', done: 0, total: 1 });
  const layerInputs: LayerInput[] = [
    { name: names.regions, geometries: regionFeatures.map((f) => (f?.geometry ?? null) as Geometry | null) },
    { name: names.municipalities, geometries: muniFeatures.map((f) => (f?.geometry ?? null) as Geometry | null) },
  ];
  if (wardIdx.length) layerInputs.push({ name: names.settlements, geometries: wardIdx.map((i) => settlementFeatures[i].geometry) });
  const prepared = prepareLayers(layerInputs, { frame: options.frame });
  const [PR, PM, PW] = prepared.layers;
  for (const p of prepared.layers) issues.push(...p.issues);
  const RL = PR.layer;
  const ML = PM.layer;
  report({ phase: 'preparing polygons', done: 1, total: 1 });
  lap('prepare (clean, project, validate)');

  // ── overlay
  report({ phase: 'overlaying regions on municipalities', done: 0, total: 1 });
  const rm = overlayAreas(RL, ML, prepared.frame, 0, 1);
  report({ phase: 'overlaying regions on municipalities', done: 1, total: 1 });
  lap('overlay');

  const rowOf = new Map<number, number>();
  const rows = { region: [] as number[], municipality: [] as number[], areaM2: [] as number[], perimeterM: [] as number[], population: [] as number[] };
  const addRow = (r: number, m: number, areaM2: number, perimeterM: number): number => {
    const k = rows.region.length;
    rowOf.set(r * M + m, k);
    rows.region.push(r);
    rows.municipality.push(m);
    rows.areaM2.push(areaM2);
    rows.perimeterM.push(perimeterM);
    rows.population.push(0);
    return k;
  };
  const rmArea = new Map<number, number>();
  for (let k = 0; k < rm.pairCount; k++) {
    rmArea.set(rm.a[k] * M + rm.b[k], k);
    if (rm.areaM2[k] > emptyAreaM2) addRow(rm.a[k], rm.b[k], rm.areaM2[k], rm.perimeterM[k]);
  }
  /** the row of (r, m), created for people found where the overlay saw (almost) no area */
  const rowFor = (r: number, m: number): number => {
    const k = rowOf.get(r * M + m);
    if (k !== undefined) return k;
    const o = rmArea.get(r * M + m);
    return addRow(r, m, o === undefined ? 0 : Math.max(0, rm.areaM2[o]), o === undefined ? 0 : rm.perimeterM[o]);
  };

  // ── people
  const regionPopulation = new Float64Array(R);
  const muniPopulation = new Float64Array(M);
  const populationOutsideRegions = new Float64Array(D);
  const pts = pointsOf(inputs.settlements);
  const S = settlementFeatures.length;
  const sMuni = new Int32Array(S).fill(-1);
  const sRegion = new Int32Array(S * D).fill(-1);
  const isPoint = new Uint8Array(S);
  let method: PopulationMethod = 'none';
  if (pts.features.length > 0) {
    report({ phase: 'placing settlements', done: 0, total: pts.features.length });
    method = 'points';
    const pointIndex: number[] = [];
    settlementFeatures.forEach((f, i) => {
      if (f?.geometry?.type === 'Point') pointIndex.push(i);
    });
    const inM = assignPoints(ML, pts.lon, pts.lat);
    const inR = assignPoints(RL, pts.lon, pts.lat);
    for (let q = 0; q < pointIndex.length; q++) {
      const s = pointIndex[q];
      isPoint[s] = 1;
      const pop = settlementPopulation[s];
      const m = inM.start[q] < inM.start[q + 1] ? inM.feature[inM.start[q]] : -1;
      sMuni[s] = m;
      if (m >= 0) muniPopulation[m] += pop;
      for (let k = inR.start[q]; k < inR.start[q + 1]; k++) {
        const r = inR.feature[k];
        const d = regionDepartment[r];
        if (sRegion[s * D + d] >= 0) continue; // overlapping regions of one department: the first holds
        sRegion[s * D + d] = r;
        regionPopulation[r] += pop;
        if (m >= 0) rows.population[rowFor(r, m)] += pop;
      }
      for (let d = 0; d < D; d++) if (sRegion[s * D + d] < 0) populationOutsideRegions[d] += pop;
    }
    report({ phase: 'placing settlements', done: pts.features.length, total: pts.features.length });
    lap('settlement points');
  }
  if (PW && wardIdx.length) {
    report({ phase: 'apportioning settlement polygons', done: 0, total: 3 });
    method = method === 'points' ? 'points-and-polygon-area-share' : 'polygon-area-share';
    const WL = PW.layer;
    const rw = overlayAreas(RL, WL, prepared.frame, 0, 2);
    const mw = overlayAreas(ML, WL, prepared.frame, 1, 2);
    report({ phase: 'apportioning settlement polygons', done: 2, total: 3 });
    const wardPop = (w: number) => settlementPopulation[wardIdx[w]];
    const regionsOfWard: number[][] = Array.from({ length: wardIdx.length }, () => []);
    const munisOfWard: number[][] = Array.from({ length: wardIdx.length }, () => []);
    const inRegionShare = new Float64Array(wardIdx.length * Math.max(1, D));
    const apportion = (o: PairOverlay, into: Float64Array, lists: number[][]) => {
      for (let k = 0; k < o.pairCount; k++) {
        const w = o.b[k];
        const area = WL.featureAreaM2[w];
        if (o.areaM2[k] <= emptyAreaM2 || area <= 0) continue;
        into[o.a[k]] += (wardPop(w) * o.areaM2[k]) / area;
        lists[w].push(o.a[k]);
        if (o === rw) inRegionShare[w * D + regionDepartment[o.a[k]]] += o.areaM2[k] / area;
      }
    };
    apportion(rw, regionPopulation, regionsOfWard);
    apportion(mw, muniPopulation, munisOfWard);
    for (let w = 0; w < wardIdx.length; w++)
      for (let d = 0; d < D; d++) populationOutsideRegions[d] += wardPop(w) * Math.max(0, 1 - inRegionShare[w * D + d]);
    const tw: number[] = [];
    const tr: number[] = [];
    const tm: number[] = [];
    for (let w = 0; w < wardIdx.length; w++)
      for (const r of regionsOfWard[w])
        for (const m of munisOfWard[w]) {
          if (!rowOf.has(r * M + m) && !rmArea.has(r * M + m)) continue;
          tw.push(w);
          tr.push(r);
          tm.push(m);
        }
    const areas = tripleAreas(
      { w: { layer: WL, rank: 2 }, r: { layer: RL, rank: 0 }, m: { layer: ML, rank: 1 }, rm, rw, mw },
      Uint32Array.from(tw),
      Uint32Array.from(tr),
      Uint32Array.from(tm),
    );
    for (let k = 0; k < tw.length; k++) {
      if (areas[k] <= emptyAreaM2) continue;
      const area = WL.featureAreaM2[tw[k]];
      rows.population[rowFor(tr[k], tm[k])] += (wardPop(tw[k]) * areas[k]) / area;
    }
    report({ phase: 'apportioning settlement polygons', done: 3, total: 3 });
    lap('settlement polygons (area share)');
  }

  // ── offices
  const officeFeatures = pointsOf(inputs.offices);
  const O = officeFeatures.features.length;
  const officeDept = new Int32Array(O).fill(-1);
  const officeRegion = new Int32Array(O).fill(-1);
  const officeMuni = new Int32Array(O).fill(-1);
  const officeId = officeFeatures.features.map((f, i) => str(f.properties?.id) || `office ${i + 1}`);
  if (O > 0) {
    const inM = assignPoints(ML, officeFeatures.lon, officeFeatures.lat);
    const inR = assignPoints(RL, officeFeatures.lon, officeFeatures.lat);
    for (let o = 0; o < O; o++) {
      const d = deptIndex.get(str(officeFeatures.features[o].properties?.department));
      officeDept[o] = d ?? -1;
      if (inM.start[o] < inM.start[o + 1]) officeMuni[o] = inM.feature[inM.start[o]];
      for (let k = inR.start[o]; k < inR.start[o + 1]; k++) {
        if (regionDepartment[inR.feature[k]] === d) {
          officeRegion[o] = inR.feature[k];
          break;
        }
      }
    }
    lap('offices');
  }

  // ── overlap table and slivers
  const n = rows.region.length;
  const t: OverlapTable = {
    count: n,
    region: Uint32Array.from(rows.region),
    municipality: Uint32Array.from(rows.municipality),
    areaKm2: Float64Array.from(rows.areaM2, (a) => a / 1e6),
    perimeterKm: Float64Array.from(rows.perimeterM, (p) => p / 1e3),
    meanWidthMetres: new Float64Array(n),
    shareOfSmaller: new Float64Array(n),
    population: Float64Array.from(rows.population),
    sliver: new Uint8Array(n),
  };
  let slivers = 0;
  for (let k = 0; k < n; k++) {
    const a = rows.areaM2[k];
    t.meanWidthMetres[k] = rows.perimeterM[k] > 0 ? (2 * a) / rows.perimeterM[k] : 0;
    const smaller = Math.min(RL.featureAreaM2[t.region[k]], ML.featureAreaM2[t.municipality[k]]);
    t.shareOfSmaller[k] = smaller > 0 ? a / smaller : 0;
    if (isSliver(t.shareOfSmaller[k], t.meanWidthMetres[k], rule)) {
      t.sliver[k] = 1;
      slivers++;
    }
  }
  const indices = computeIndices(t, R, regionDepartment, M, D, false);
  const indicesWithSlivers = computeIndices(t, R, regionDepartment, M, D, true);
  lap('indices');

  const excludedR = new Uint8Array(R);
  for (const f of PR.excluded) excludedR[f] = 1;
  const excludedM = new Uint8Array(M);
  for (const f of PM.excluded) excludedM[f] = 1;
  let boundaryEvents = rm.eventsOnA.count + rm.eventsOnB.count;
  if (!Number.isFinite(boundaryEvents)) boundaryEvents = 0;
  return {
    departments,
    regions: { count: R, department: regionDepartment, name: regionName, areaKm2: Float64Array.from(RL.featureAreaM2, (a) => a / 1e6), population: regionPopulation, excluded: excludedR },
    municipalities: { count: M, code: muniCode, name: muniName, areaKm2: Float64Array.from(ML.featureAreaM2, (a) => a / 1e6), population: muniPopulation, excluded: excludedM },
    overlaps: t,
    indices,
    indicesWithSlivers,
    populationMethod: method,
    settlements: { count: S, population: settlementPopulation, municipality: sMuni, region: sRegion, isPoint },
    offices: { count: O, id: officeId, department: officeDept, region: officeRegion, municipality: officeMuni },
    populationOutsideRegions,
    sliverRule: rule,
    areaProjection: equalAreaProj4(prepared.frame),
    issues,
    stats: {
      vertices: RL.vertexCount + ML.vertexCount,
      featurePairsTested: rm.featurePairsTested,
      pairsIntersecting: n,
      slivers,
      segmentPairsTested: rm.segmentPairsTested,
      boundaryEvents,
      phaseMs,
    },
  };
}
