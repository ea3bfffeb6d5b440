import type { InputIssue } from '../model/errors';
import { guessCrsFromRange, WEB_MERCATOR, WGS84, type CrsDeclaration, type CrsDef } from './crs';
import { inDegreeRange, inSouthAfrica, looksSwapped } from './check-coordinates';
import { firstPosition } from './geometry-positions';
import { fmtNumber, issue } from './input-issues';
import { featureLabel, featureWhere, type SourceFeature } from './source-features';

export type SourceFormat = 'geojson' | 'csv' | 'shapefile';

export type CrsChoice =
  | { ok: true; crs: CrsDef; typicalY: number; warnings: InputIssue[] }
  | { ok: false; error: InputIssue; swapped?: boolean };

interface Sample {
  x: number;
  y: number;
  f: SourceFeature;
}

/** Up to `max` first positions, spread evenly over the features. */
function samplePositions(features: SourceFeature[], max = 5000): Sample[] {
  const out: Sample[] = [];
  const step = Math.max(1, Math.floor(features.length / max));
  for (let i = 0; i < features.length; i += step) {
    const f = features[i];
    const p = f.geometry && firstPosition(f.geometry);
    if (p) out.push({ x: p[0], y: p[1], f });
  }
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : 0;
};

/** How to fix projected numbers; `example` is an EPSG code and name for the likely system. */
function projectedFix(format: SourceFormat, example = { code: 2048, name: 'Hartebeesthoek94 / Lo19' }): string {
  if (format === 'geojson') {
    return `Save the file as WGS84 (EPSG:4326), or add a crs member naming its system, e.g. "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::${example.code}"}} for ${example.name}.`;
  }
  if (format === 'shapefile') return 'Put the .prj that came with the data in the zip beside the .shp, or save the file as WGS84 (EPSG:4326).';
  return 'Convert the coordinates to longitude/latitude in degrees (WGS84, EPSG:4326), e.g. in QGIS, and load the file again.';
}

/**
 * Decides which CRS a file's coordinates are in: what it declares, checked against its numbers,
 * or failing a declaration what the numbers say. Lo and UTM cannot be told apart by zone from the
 * numbers, so those are refused with a message naming the likely system; Web Mercator is unambiguous
 * and converted with a warning.
 */
export function chooseCrs(features: SourceFeature[], declared: CrsDeclaration | undefined, file: string, format: SourceFormat): CrsChoice {
  const sample = samplePositions(features);
  if (!sample.length) return { ok: true, crs: WGS84, typicalY: 0, warnings: [] };
  const inDegrees = sample.filter((s) => inDegreeRange(s.x, s.y));
  const degreeShare = inDegrees.length / sample.length;
  const typicalY = median(sample.map((s) => s.y));
  const typicalX = median(sample.map((s) => s.x));
  const allInSouthAfrica = sample.every((s) => inSouthAfrica(s.x, s.y));
  const declaredBy = declared?.source === 'prj' ? `The .prj of ${file}` : `The crs member of ${file}`;

  if (declared?.kind === 'known') {
    const { crs } = declared;
    if (crs.geographic && degreeShare >= 0.5) return { ok: true, crs, typicalY, warnings: [] };
    if (!crs.geographic && degreeShare < 0.5) return { ok: true, crs, typicalY, warnings: [] };
    if (!crs.geographic && allInSouthAfrica) {
      return {
        ok: true,
        crs: WGS84,
        typicalY,
        warnings: [
          issue(
            'unknown-crs',
            'warning',
            `${declaredBy} says ${crs.label}, but the numbers are longitudes and latitudes in South Africa (e.g. ${fmtNumber(sample[0].x)}, ${fmtNumber(sample[0].y)}); they were read as WGS84.`,
            format === 'shapefile' ? 'Replace the .prj with the WGS84 one, or check that the coordinates are right.' : 'Remove the crs member, or check that the coordinates are right.',
            { file },
            crs.id,
          ),
        ],
      };
    }
    // a declaration that contradicts the numbers: fall through to judging the numbers alone
  }
  if (declared?.kind === 'unknown' && degreeShare >= 0.5) {
    return {
      ok: true,
      crs: WGS84,
      typicalY,
      warnings: [
        issue(
          'unknown-crs',
          'warning',
          `${declaredBy} names a coordinate system Thusong Planner does not know (“${declared.name}”); the numbers look like longitudes and latitudes, so they were read as WGS84.`,
          'If the features appear in the wrong place, save the file as WGS84 (EPSG:4326) and load it again.',
          { file },
          declared.name,
        ),
      ],
    };
  }
  if (declared?.kind === 'unknown') {
    return {
      ok: false,
      error: issue(
        'unknown-crs',
        'error',
        `${declaredBy} names a coordinate system Thusong Planner cannot convert: “${declared.name}”.`,
        'Save the file as WGS84 (EPSG:4326), or as Hartebeesthoek94 Lo, UTM 33S–36S or Web Mercator, and load it again.',
        { file },
        declared.name,
      ),
    };
  }

  if (degreeShare >= 0.5) {
    const swapped = inDegrees.filter((s) => looksSwapped(s.x, s.y)).length;
    const inside = inDegrees.filter((s) => inSouthAfrica(s.x, s.y)).length;
    if (swapped >= inDegrees.length / 2 && swapped > inside) {
      const s = inDegrees.find((t) => looksSwapped(t.x, t.y))!;
      return {
        ok: false,
        swapped: true,
        error: issue(
          'swapped-coordinates',
          'error',
          `Latitude and longitude are swapped: ${featureLabel(s.f)} has (${fmtNumber(s.x)}, ${fmtNumber(s.y)}) as (longitude, latitude), a point in the Atlantic Ocean; read the other way round it is in South Africa. ${swapped} of ${inDegrees.length} features sampled are like that.`,
          format === 'csv'
            ? 'Choose the latitude column as longitude and the longitude column as latitude.'
            : 'Positions must be [longitude, latitude]: swap X and Y (QGIS: Processing ▸ “Swap X and Y coordinates”), or export again with longitude first.',
          featureWhere(file, s.f),
          `${s.x}, ${s.y}`,
        ),
      };
    }
    return { ok: true, crs: WGS84, typicalY, warnings: [] };
  }

  const outlier = sample.find((s) => !inDegreeRange(s.x, s.y))!;
  const guess = guessCrsFromRange(typicalX, typicalY);
  const where = featureWhere(file, outlier.f);
  const coords = `(${fmtNumber(outlier.x)}, ${fmtNumber(outlier.y)})`;
  const head = `${featureLabel(outlier.f)} has coordinates ${coords}, far outside longitude/latitude ranges`;
  const contradiction = declared?.kind === 'known' ? ` (${declaredBy.replace(/^The/, 'the')} says ${declared.crs.label}, which does not fit these numbers)` : '';
  if (guess.kind === 'web-mercator') {
    return {
      ok: true,
      crs: WEB_MERCATOR,
      typicalY,
      warnings: [
        issue(
          'projected-coordinates',
          'warning',
          `${head}: they are Web Mercator metres (EPSG:3857)${contradiction}, and were converted to longitude/latitude.`,
          'Nothing to do if the features appear in the right place; otherwise save the file as WGS84 (EPSG:4326).',
          where,
          `${outlier.x}, ${outlier.y}`,
        ),
      ],
    };
  }
  const likely =
    guess.kind === 'lo'
      ? `Hartebeesthoek94 Lo coordinates (${guess.orientation === 'south' ? 'westing/southing' : 'easting/northing'}, e.g. Lo19 around Cape Town; the zone cannot be told from the numbers)`
      : guess.kind === 'utm-south'
        ? 'UTM southern-hemisphere metres (zone 33S, 34S, 35S or 36S, WGS84; the zone cannot be told from the numbers)'
        : undefined;
  if (likely) {
    return {
      ok: false,
      error: issue(
        'projected-coordinates',
        'error',
        `${head}: they look projected, probably ${likely}${contradiction}.`,
        projectedFix(format, guess.kind === 'utm-south' ? { code: 32734, name: 'UTM zone 34S' } : undefined),
        where,
        `${outlier.x}, ${outlier.y}`,
      ),
    };
  }
  return {
    ok: false,
    error: issue(
      'unknown-crs',
      'error',
      `${head}${contradiction}, and they match none of the systems used in South Africa (Lo zones, UTM 33S–36S, Web Mercator).`,
      projectedFix(format),
      where,
      `${outlier.x}, ${outlier.y}`,
    ),
  };
}
