// shpjs 6 ships no types; these are the two low-level readers we use (see shpjs/lib/index.js).
declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  /** Reads a .shp. With a .prj text it reprojects to WGS84 through proj4; we pass none and reproject ourselves. */
  export function parseShp(shp: ArrayBuffer | ArrayBufferView | DataView, prj?: string | false): Array<Geometry | null>;
  /** Reads a .dbf; `cpg` names its code page (e.g. 'UTF-8'). */
  export function parseDbf(dbf: ArrayBuffer | ArrayBufferView | DataView, cpg?: string): Array<Record<string, unknown>>;
  const getShapefile: (base: ArrayBuffer | ArrayBufferView | string) => Promise<unknown>;
  export default getShapefile;
}
