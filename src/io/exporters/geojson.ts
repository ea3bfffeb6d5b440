import type { FeatureCollection, Geometry, Position } from 'geojson';

export interface GeoJsonWriteOptions {
  /** decimals kept in coordinates; default 6 (about 0.1 m) */
  decimals?: number;
  /** indent with two spaces; default false (one line) */
  pretty?: boolean;
}

const roundTo = (n: number, factor: number) => {
  const r = Math.round(n * factor) / factor;
  return r === 0 ? 0 : r; // no "-0" in the output
};

function roundGeometry(g: Geometry | null, factor: number): Geometry | null {
  if (!g) return g;
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map((c) => roundGeometry(c, factor)!) };
  const round = (c: unknown): unknown => (typeof (c as Position)[0] === 'number' ? (c as Position).map((v) => roundTo(v, factor)) : (c as unknown[]).map(round));
  const { bbox: _bbox, ...rest } = g;
  return { ...rest, coordinates: round(g.coordinates) } as Geometry;
}

/** A FeatureCollection as RFC 7946 GeoJSON text, coordinates rounded; the input is not changed. */
export function toGeoJson(fc: FeatureCollection, options: GeoJsonWriteOptions = {}): string {
  const factor = 10 ** (options.decimals ?? 6);
  const out: FeatureCollection = {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({ ...f, geometry: roundGeometry(f.geometry, factor)! })),
  };
  return JSON.stringify(out, null, options.pretty ? 2 : undefined);
}
