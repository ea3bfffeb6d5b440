import type { InputIssue } from '../model/errors';
import { forEachPosition, geometryBounds } from './geometry-positions';
import { fmtNumber, issue, LEFT_OUT } from './input-issues';
import { featureLabel, featureWhere, type SourceFeature } from './source-features';

/** South Africa's mainland with a margin: [minLon, minLat, maxLon, maxLat]. */
export const SOUTH_AFRICA_BBOX = [16, -35.5, 33.5, -22] as const;
/** The Prince Edward Islands (Marion Island), South African territory far to the south-east. */
const PRINCE_EDWARD_BBOX = [37.4, -47.2, 38.2, -46.5] as const;

const inBox = (b: readonly number[], x: number, y: number) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];

export const inDegreeRange = (x: number, y: number) => Math.abs(x) <= 180 && Math.abs(y) <= 90;

/** South African latitude/longitude read the wrong way round: "lon" −35…−22 and "lat" 16…33. */
export const looksSwapped = (x: number, y: number) => x >= -35 && x <= -22 && y >= 16 && y <= 33;

export const inSouthAfrica = (x: number, y: number) => inBox(SOUTH_AFRICA_BBOX, x, y);

const SWAP_FIX_GEOJSON =
  'GeoJSON positions are [longitude, latitude]: swap the two numbers in every position (QGIS: Processing ▸ “Swap X and Y coordinates”), then load the file again.';

/**
 * After reprojection: a feature with a position outside ±180/±90 is dropped; one with
 * latitude/longitude swapped is dropped; one outside South Africa is kept with a warning.
 */
export function checkFeatureLocation(f: SourceFeature, file: string): { drop?: InputIssue; warning?: InputIssue } {
  const g = f.geometry!;
  let bad: number[] | undefined;
  let converted = true;
  forEachPosition(g, (p) => {
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) converted = false;
  });
  if (!converted) {
    return {
      drop: issue(
        'invalid-coordinate',
        'warning',
        `${featureLabel(f)} has a position that could not be converted to longitude/latitude (it lies outside the area its coordinate system covers). ${LEFT_OUT}`,
        'Check that position; it is probably a typing slip.',
        featureWhere(file, f),
      ),
    };
  }
  const b = geometryBounds(g);
  if (!b) return {};
  if (!inDegreeRange(b[0], b[1]) || !inDegreeRange(b[2], b[3])) {
    // find the offending position to quote it
    const stack: unknown[] = [g.type === 'GeometryCollection' ? [] : g.coordinates];
    while (stack.length && !bad) {
      const c = stack.pop();
      if (Array.isArray(c) && typeof c[0] === 'number') {
        if (!inDegreeRange(c[0] as number, c[1] as number)) bad = c as number[];
      } else if (Array.isArray(c)) stack.push(...c);
    }
    bad ??= [b[0], b[1]];
    return {
      drop: issue(
        'out-of-range-coordinate',
        'warning',
        `${featureLabel(f)} has a position (${fmtNumber(bad[0])}, ${fmtNumber(bad[1])}) outside the longitude/latitude ranges ±180, ±90. ${LEFT_OUT}`,
        'Correct that position (often a typing slip or a missing decimal point), or delete the feature.',
        featureWhere(file, f),
        `${bad[0]}, ${bad[1]}`,
      ),
    };
  }
  const inside = inSouthAfrica(b[0], b[1]) && inSouthAfrica(b[2], b[3]);
  if (inside) return {};
  if (looksSwapped(b[0], b[1]) && looksSwapped(b[2], b[3])) {
    return {
      drop: issue(
        'swapped-coordinates',
        'warning',
        `${featureLabel(f)} has (${fmtNumber(b[0])}, ${fmtNumber(b[1])}) as (longitude, latitude), a point in the Atlantic; swapped, it lies in South Africa. ${LEFT_OUT}`,
        f.row !== undefined ? 'Swap the longitude and latitude values in that row.' : SWAP_FIX_GEOJSON,
        featureWhere(file, f),
        `${b[0]}, ${b[1]}`,
      ),
    };
  }
  if (inBox(PRINCE_EDWARD_BBOX, b[0], b[1]) && inBox(PRINCE_EDWARD_BBOX, b[2], b[3])) {
    return {
      warning: issue(
        'outside-south-africa',
        'warning',
        `${featureLabel(f)} lies on the Prince Edward Islands (${fmtNumber(b[0])}, ${fmtNumber(b[1])}), far from the mainland.`,
        'Nothing to do if that is right; it is kept, but travel times to it are meaningless.',
        featureWhere(file, f),
      ),
    };
  }
  return {
    warning: issue(
      'outside-south-africa',
      'warning',
      `${featureLabel(f)} lies ${inSouthAfrica(b[0], b[1]) || inSouthAfrica(b[2], b[3]) ? 'partly ' : ''}outside South Africa (its extent runs from ${fmtNumber(b[0])}, ${fmtNumber(b[1])} to ${fmtNumber(b[2])}, ${fmtNumber(b[3])}).`,
      'Check its coordinates; it is kept as it is.',
      featureWhere(file, f),
    ),
  };
}
