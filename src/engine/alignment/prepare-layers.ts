/**
 * GeoJSON geometries of several layers → prepared polygon layers sharing one equal-area frame.
 * Cleaning is always safe (see clean-rings). Features that are still invalid — crossing rings,
 * overlapping parts, stray holes — are repaired with a polygon union of the feature with itself
 * (polyclip-ts, through turf.union), which resolves a bow-tie into its lobes and overlapping parts
 * into their union. A feature the union cannot fix is reported as an error and left out of the
 * overlay (it keeps its index, with no area), so no single bad polygon stops a run.
 */
import { featureCollection, multiPolygon, union } from '@turf/turf';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { InputIssue } from '../../model/errors';
import { cleanAreaGeometry, cleanToCoordinates, issueSink, report, type CleanPolygon } from './clean-rings';
import { equalAreaFrameFor, type EqualAreaFrame } from './equal-area';
import { buildPolygonLayer, cleanExtent, type PolygonLayer } from './polygon-layer';
import { findInvalidFeatures } from './validity';

export interface LayerInput {
  /** file or layer name, used in issue locations */
  name: string;
  geometries: ReadonlyArray<Geometry | null | undefined>;
}

export interface PreparedLayer {
  name: string;
  layer: PolygonLayer;
  issues: InputIssue[];
  /** features repaired by the self-union */
  repaired: number[];
  /** features left out of the overlay because they could not be repaired */
  excluded: number[];
}

export interface PreparedLayers {
  frame: EqualAreaFrame;
  layers: PreparedLayer[];
}

function repairByUnion(polys: CleanPolygon[]): Geometry | null {
  const geom = multiPolygon(cleanToCoordinates(polys));
  const f = geom as Feature<MultiPolygon>;
  const out = union(featureCollection<Polygon | MultiPolygon>([f, f]));
  return out ? out.geometry : null;
}

export function prepareLayers(inputs: LayerInput[], options: { frame?: EqualAreaFrame } = {}): PreparedLayers {
  const sinks = inputs.map((inp) => issueSink(inp.name));
  const cleaned = inputs.map((inp, li) => inp.geometries.map((g, f) => cleanAreaGeometry(g ?? null, f, sinks[li])));
  let frame = options.frame;
  if (!frame) {
    const ext: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const c of cleaned) cleanExtent(c, ext);
    frame = equalAreaFrameFor(Number.isFinite(ext[0]) ? ext : [24, -30, 25, -29]);
  }
  const layers: PreparedLayer[] = inputs.map((inp, li) => {
    const features = cleaned[li];
    const sink = sinks[li];
    let layer = buildPolygonLayer(features, frame!);
    const invalid = findInvalidFeatures(layer);
    const repaired: number[] = [];
    const excluded: number[] = [];
    if (invalid.size > 0) {
      for (const [f, reason] of invalid) {
        let fixed: CleanPolygon[] | null = null;
        try {
          const g = repairByUnion(features[f]);
          const quiet = issueSink(inp.name);
          fixed = g ? cleanAreaGeometry(g, f, quiet) : [];
        } catch {
          fixed = null;
        }
        if (fixed) {
          features[f] = fixed;
          repaired.push(f);
        } else {
          features[f] = [];
          excluded.push(f);
        }
        report(sink, {
          code: 'self-intersecting-ring',
          severity: fixed ? 'warning' : 'error',
          feature: f,
          message: fixed
            ? `The polygon is not valid (${reason}); it was repaired by merging it with itself, so overlapping or twisted parts count once.`
            : `The polygon is not valid (${reason}) and could not be repaired; it is left out of the overlay.`,
          fix: 'Redraw the boundary so that its rings neither cross nor overlap.',
        });
      }
      layer = buildPolygonLayer(features, frame!);
      // a repair that snapping broke again: leave it out rather than count ground twice
      const still = findInvalidFeatures(layer);
      if (still.size > 0) {
        for (const [f, reason] of still) {
          features[f] = [];
          if (!excluded.includes(f)) excluded.push(f);
          report(sink, {
            code: 'self-intersecting-ring',
            severity: 'error',
            feature: f,
            message: `The polygon is still not valid after repair (${reason}); it is left out of the overlay.`,
            fix: 'Redraw the boundary so that its rings neither cross nor overlap.',
          });
        }
        layer = buildPolygonLayer(features, frame!);
      }
    }
    for (const [code, n] of Object.entries(sink.counts)) {
      if (n! > sink.capPerCode) {
        sink.issues.push({
          code: code as InputIssue['code'],
          severity: 'warning',
          message: `${n! - sink.capPerCode} more issue(s) of this kind were not listed.`,
          fix: 'Fix the issues listed first, then reload.',
          where: { file: inp.name },
        });
      }
    }
    return { name: inp.name, layer, issues: sink.issues, repaired: repaired.filter((f) => !excluded.includes(f)), excluded };
  });
  return { frame, layers };
}
