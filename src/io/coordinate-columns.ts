import { readNumber } from './read-number';
import { looksLikeWkt } from './parse-wkt';

/** Words of a column name: "GPS_Longitude" → ['gps', 'longitude'], "lonDD" → ['lon', 'dd']. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

// English and Afrikaans (lengte(graad) = longitude, breedte(graad) = latitude)
const LON_WORDS = ['longitude', 'lon', 'lng', 'long', 'lengtegraad', 'lengte', 'x'];
const LAT_WORDS = ['latitude', 'lat', 'breedtegraad', 'breedte', 'y'];
const LON_EXACT = ['longitude', 'lon', 'lng', 'long', 'lengtegraad', 'lengte', 'x', 'xcoord', 'x_coord', 'point_x', 'coord_x', 'lon_dd', 'long_dd', 'longitude_dd', 'decimal_longitude', 'gps_longitude', 'gps_lon', 'gps_long'];
const LAT_EXACT = ['latitude', 'lat', 'breedtegraad', 'breedte', 'y', 'ycoord', 'y_coord', 'point_y', 'coord_y', 'lat_dd', 'latitude_dd', 'decimal_latitude', 'gps_latitude', 'gps_lat'];
const WKT_NAMES = ['wkt', 'geometry', 'geom', 'the_geom', 'shape', 'wkt_geom', 'geometrie'];

const normName = (s: string) => nameTokens(s).join('_');

/** 3 = exact name, 2 = one of its words is a coordinate word, 0 = no. */
function score(name: string, exact: string[], words: string[]): number {
  const n = normName(name);
  if (exact.includes(n)) return 3;
  const tokens = nameTokens(name);
  // "x", "y" and "long" inside longer names ("long name", "y of build") say little: only whole names count
  const strong = words.filter((w) => w.length > 1 && w !== 'long');
  return tokens.some((t) => strong.includes(t)) ? 2 : 0;
}

function best(fields: string[], exact: string[], words: string[], exclude?: string): { field?: string; ambiguous: string[] } {
  let top = 0;
  let hits: string[] = [];
  for (const f of fields) {
    if (f === exclude) continue;
    const s = score(f, exact, words);
    if (s > top) {
      top = s;
      hits = [f];
    } else if (s === top && s > 0) hits.push(f);
  }
  return hits.length === 1 ? { field: hits[0], ambiguous: [] } : { ambiguous: hits };
}

/** The longitude and latitude columns found by name; `ambiguous` lists ties the user must settle. */
export function findCoordinateColumns(fields: string[]): { lon?: string; lat?: string; ambiguous: string[] } {
  const lon = best(fields, LON_EXACT, LON_WORDS);
  const lat = best(fields, LAT_EXACT, LAT_WORDS, lon.field);
  return { lon: lon.field, lat: lat.field, ambiguous: [...lon.ambiguous, ...lat.ambiguous] };
}

/** A column holding WKT geometries: by name, confirmed by its first non-empty value. */
export function findWktColumn(fields: string[], rows: string[][]): string | undefined {
  const firstValue = (i: number) => rows.find((r) => (r[i] ?? '').trim() !== '')?.[i] ?? '';
  const byName = fields.findIndex((f) => WKT_NAMES.includes(normName(f)));
  if (byName >= 0 && looksLikeWkt(firstValue(byName))) return fields[byName];
  const byValue = fields.findIndex((_, i) => looksLikeWkt(firstValue(i)));
  return byValue >= 0 ? fields[byValue] : undefined;
}

/**
 * Guesses coordinate columns from values when names do not say: the column whose numbers all lie
 * in South Africa's longitudes (16…33.5) and the one in its latitudes (−35.5…−22).
 */
export function guessCoordinateColumnsByValue(fields: string[], rows: string[][]): { lon?: string; lat?: string } {
  const sample = rows.slice(0, 50);
  const share = (i: number, lo: number, hi: number) => {
    const vals = sample.map((r) => readNumber(r[i] ?? '', 'coordinate')).filter((v) => !Number.isNaN(v));
    return vals.length >= Math.max(1, sample.length * 0.8) && vals.every((v) => v >= lo && v <= hi);
  };
  const lonI = fields.findIndex((_, i) => share(i, 16, 33.5));
  const latI = fields.findIndex((_, i) => share(i, -35.5, -22));
  return { lon: lonI >= 0 ? fields[lonI] : undefined, lat: latI >= 0 ? fields[latI] : undefined };
}
