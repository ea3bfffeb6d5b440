/**
 * Geometry on demand, for display only: the intersection polygon of a selected pair (a sliver, or
 * any overlap the user clicks) and the aligned regions as dissolved municipalities. The analysis
 * never needs these; they are built with turf (polyclip-ts), which is fine for a few polygons.
 */
import { bbox, bboxClip, featureCollection, intersect, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { AlignmentResult } from './analyse-alignment';
import type { AlignedProposal } from './aligned-proposal';
import { throttleProgress, type ProgressFn } from '../../model/progress';

type Area = Polygon | MultiPolygon;

const isArea = (f: Feature | undefined): f is Feature<Area> => f?.geometry?.type === 'Polygon' || f?.geometry?.type === 'MultiPolygon';

/** The intersection of two area features, or null when empty (or when turf fails on bad input). */
export function overlapGeometry(a: Feature, b: Feature): Feature<Area> | null {
  if (!isArea(a) || !isArea(b)) return null;
  try {
    // A ∩ B lies inside bbox(A) ∩ bbox(B): clipping both to that box first (linear time) leaves the
    // intersection as it is and spares polyclip most vertices — a sliver along one edge of a large
    // region is several times faster to cut out.
    const [a0, a1, a2, a3] = bbox(a);
    const [b0, b1, b2, b3] = bbox(b);
    const box: [number, number, number, number] = [Math.max(a0, b0), Math.max(a1, b1), Math.min(a2, b2), Math.min(a3, b3)];
    if (box[0] > box[2] || box[1] > box[3]) return null;
    return intersect(featureCollection<Area>([bboxClip(a, box) as Feature<Area>, bboxClip(b, box) as Feature<Area>]));
  } catch {
    return null;
  }
}

export interface OverlapFeatureProps {
  department: string;
  region: string;
  municipality_code: string;
  area_km2: number;
  mean_width_m: number;
  population: number;
  sliver: boolean;
}

/**
 * Overlap polygons of chosen rows of the overlap table (default: the slivers), at most `limit`,
 * smallest first — what "show slivers" draws.
 */
export function overlapFeatures(
  result: AlignmentResult,
  regions: FeatureCollection,
  municipalities: FeatureCollection,
  options: { rows?: number[]; limit?: number; progress?: ProgressFn } = {},
): FeatureCollection<Area, OverlapFeatureProps> {
  const report = throttleProgress(options.progress);
  const t = result.overlaps;
  let rows = options.rows;
  if (!rows) {
    rows = [];
    for (let k = 0; k < t.count; k++) if (t.sliver[k]) rows.push(k);
    rows.sort((p, q) => t.areaKm2[p] - t.areaKm2[q]);
  }
  rows = rows.slice(0, options.limit ?? 500);
  const out: Feature<Area, OverlapFeatureProps>[] = [];
  for (let i = 0; i < rows.length; i++) {
    report({ phase: 'cutting out overlaps', done: i, total: rows.length });
    const k = rows[i];
    const r = t.region[k];
    const m = t.municipality[k];
    const g = overlapGeometry(regions.features[r], municipalities.features[m]);
    if (!g) continue;
    out.push({
      type: 'Feature',
      geometry: g.geometry,
      properties: {
        department: result.departments[result.regions.department[r]],
        region: result.regions.name[r],
        municipality_code: result.municipalities.code[m],
        area_km2: t.areaKm2[k],
        mean_width_m: t.meanWidthMetres[k],
        population: t.population[k],
        sliver: t.sliver[k] === 1,
      },
    });
  }
  report({ phase: 'cutting out overlaps', done: rows.length, total: rows.length });
  return { type: 'FeatureCollection', features: out };
}

export interface AlignedRegionProps {
  department: string;
  region: string;
  /** member municipality codes, semicolon-separated */
  municipalities: string;
  /** true when the members were merged into one outline; false when union failed and the parts are listed as they are */
  dissolved: boolean;
}

function asMultiPolygon(members: Feature<Area>[]): MultiPolygon {
  const coords: Position[][][] = [];
  for (const f of members) {
    if (f.geometry.type === 'Polygon') coords.push(f.geometry.coordinates);
    else coords.push(...f.geometry.coordinates);
  }
  return { type: 'MultiPolygon', coordinates: coords };
}

/**
 * The aligned regions of one department: each the union of the municipalities assigned to it.
 * A union that fails (invalid input geometry) falls back to the members as one MultiPolygon,
 * marked `dissolved: false`.
 */
export function alignedRegionFeatures(
  result: AlignmentResult,
  proposal: AlignedProposal,
  municipalities: FeatureCollection,
  department: number,
): FeatureCollection<Area, AlignedRegionProps> {
  const D = result.departments.length;
  const members = new Map<number, number[]>();
  for (let m = 0; m < result.municipalities.count; m++) {
    const r = proposal.assignedRegion[m * D + department];
    if (r < 0) continue;
    const list = members.get(r);
    if (list) list.push(m);
    else members.set(r, [m]);
  }
  const out: Feature<Area, AlignedRegionProps>[] = [];
  for (const [r, ms] of [...members].sort((a, b) => a[0] - b[0])) {
    const feats = ms.map((m) => municipalities.features[m]).filter(isArea);
    if (feats.length === 0) continue;
    let geometry: Area = asMultiPolygon(feats);
    let dissolved = feats.length === 1;
    if (feats.length === 1) geometry = feats[0].geometry;
    else {
      try {
        const u = union(featureCollection<Area>(feats));
        if (u) {
          geometry = u.geometry;
          dissolved = true;
        }
      } catch {
        dissolved = false;
      }
    }
    out.push({
      type: 'Feature',
      geometry,
      properties: {
        department: result.departments[department],
        region: result.regions.name[r],
        municipalities: ms.map((m) => result.municipalities.code[m]).join(';'),
        dissolved,
      },
    });
  }
  return { type: 'FeatureCollection', features: out };
}
