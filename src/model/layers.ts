import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { Extent } from './units';
import type { InputIssue } from './errors';

/** The six layers a province is made of. */
export const LAYER_KINDS = ['municipalities', 'regions', 'settlements', 'offices', 'thusong', 'roads'] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

export const LAYER_LABELS: Record<LayerKind, string> = {
  municipalities: 'Municipalities',
  regions: 'Department service regions',
  settlements: 'Settlements (population)',
  offices: 'Department offices',
  thusong: 'Thusong centres',
  roads: 'Roads',
};

/** Canonical properties of each layer, after loaders have normalised field names and values. */
export interface MunicipalityProps {
  code: string;
  name: string;
  /** A metro, B local, C district */
  category: 'A' | 'B' | 'C';
  district: string;
}
export interface OfficeProps {
  id: string;
  department: string;
  name: string;
  /** semicolon-separated service codes; see `officeServices()` */
  services: string;
  /** YYYY-MM-DD, or '' where unknown */
  lease_expiry: string;
  address?: string;
}
export interface RegionProps {
  department: string;
  region: string;
}
export interface SettlementProps {
  id: string;
  name: string;
  population: number;
}
export interface RoadProps {
  class: string;
  speed_kmh?: number;
  oneway?: boolean;
}
export interface ThusongProps {
  id: string;
  name: string;
}

export type AreaGeometry = Polygon | MultiPolygon;
export type LineGeometry = LineString | MultiLineString;

export interface LayerShapes {
  municipalities: { geometry: AreaGeometry; props: MunicipalityProps };
  regions: { geometry: AreaGeometry; props: RegionProps };
  settlements: { geometry: Point | AreaGeometry; props: SettlementProps };
  offices: { geometry: Point; props: OfficeProps };
  thusong: { geometry: Point; props: ThusongProps };
  roads: { geometry: LineGeometry; props: RoadProps };
}
export type LayerFeature<K extends LayerKind> = Feature<LayerShapes[K]['geometry'], LayerShapes[K]['props']>;
export type LayerCollection<K extends LayerKind> = FeatureCollection<LayerShapes[K]['geometry'], LayerShapes[K]['props']>;

/** Which geometry families each layer accepts. */
export const LAYER_GEOMETRIES: Record<LayerKind, ReadonlyArray<'point' | 'line' | 'area'>> = {
  municipalities: ['area'],
  regions: ['area'],
  settlements: ['point', 'area'],
  offices: ['point'],
  thusong: ['point'],
  roads: ['line'],
};

/** Canonical field names per layer, with whether each is required. */
export const LAYER_FIELDS: Record<LayerKind, ReadonlyArray<{ name: string; required: boolean; description: string }>> = {
  municipalities: [
    { name: 'code', required: true, description: 'MDB code, e.g. WC011' },
    { name: 'name', required: true, description: 'municipality name' },
    { name: 'category', required: false, description: 'A metro, B local, C district' },
    { name: 'district', required: false, description: 'district code, e.g. DC1' },
  ],
  regions: [
    { name: 'department', required: true, description: 'department code, e.g. SASSA' },
    { name: 'region', required: true, description: 'region name' },
  ],
  settlements: [
    { name: 'id', required: false, description: 'unique id (made from the row number if absent)' },
    { name: 'name', required: false, description: 'place name' },
    { name: 'population', required: true, description: 'number of residents, ≥ 0' },
  ],
  offices: [
    { name: 'id', required: false, description: 'unique id (made from the row number if absent)' },
    { name: 'department', required: true, description: 'department code, e.g. HOME_AFFAIRS' },
    { name: 'name', required: false, description: 'office name' },
    { name: 'services', required: false, description: 'semicolon list of service codes' },
    { name: 'lease_expiry', required: false, description: 'YYYY-MM-DD' },
    { name: 'address', required: false, description: 'street address' },
  ],
  thusong: [
    { name: 'id', required: false, description: 'unique id' },
    { name: 'name', required: false, description: 'centre name' },
  ],
  roads: [
    { name: 'class', required: true, description: 'OSM highway value, e.g. primary' },
    { name: 'speed_kmh', required: false, description: 'speed in km/h (wins over the class default)' },
    { name: 'oneway', required: false, description: 'true / yes / 1 for one-way' },
  ],
};

/** One file as loaded: its features normalised to a layer's canonical properties. */
export interface LoadedFile {
  /** unique within a dataset */
  id: string;
  fileName: string;
  kind: LayerKind;
  /** features in WGS84 [lon, lat] with canonical properties */
  collection: FeatureCollection;
  /** the original field names found in the file */
  fields: string[];
  /** canonical name → original field name used */
  fieldMap: Record<string, string>;
  extent: Extent;
  /** e.g. 'EPSG:4326' or 'Lo19 (Hartebeesthoek94 TM, central meridian 19°E)' */
  sourceCrs: string;
  warnings: InputIssue[];
  /** size of the file in bytes */
  bytes: number;
}

/** The loaded data: a list of files, each assigned to a layer. Layers are derived, never stored. */
export interface Dataset {
  files: LoadedFile[];
}
