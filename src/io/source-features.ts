import type { Geometry } from 'geojson';
import type { InputIssue, InputIssueLocation } from '../model/errors';
import type { CrsDeclaration } from './crs';

/** A feature as read from a file, before reprojection, validation and normalisation. */
export interface SourceFeature {
  /** 0-based position in the file's features (CSV: data row − 1) */
  index: number;
  /** 1-based CSV data row (header excluded) */
  row?: number;
  /** null when the file gives none; may still be malformed until `checkStructure` passes */
  geometry: Geometry | null;
  properties: Record<string, unknown>;
  /** GeoJSON's Feature.id member */
  id?: string | number;
  /** set by a loader that could not read the feature's geometry: the pipeline drops it with this issue */
  unreadable?: InputIssue;
}

/** What a loader hands to the pipeline. */
export interface SourceFile {
  format: 'geojson' | 'csv' | 'shapefile';
  features: SourceFeature[];
  /** original field names, in file order */
  fields: string[];
  /** CRS the file declares (.prj or GeoJSON crs member), if any */
  crs?: CrsDeclaration;
  /** warnings found while reading */
  issues: InputIssue[];
}

/** Where a feature is, for messages: CSV rows by row number, everything else by feature index. */
export function featureWhere(file: string, f: Pick<SourceFeature, 'index' | 'row'>, property?: string): InputIssueLocation {
  const where: InputIssueLocation = f.row !== undefined ? { file, row: f.row } : { file, feature: f.index };
  if (property !== undefined) where.property = property;
  return where;
}

const NAME_KEYS = ['name', 'naam', 'NAME', 'Name', 'MUNICNAME', 'lm_name', 'title', 'label'];

/** "Feature 12 (“Khayelitsha”)" or "Row 4 (“Toetsdorp”)": how messages name a feature. */
export function featureLabel(f: Pick<SourceFeature, 'index' | 'row' | 'properties'>): string {
  const base = f.row !== undefined ? `Row ${f.row}` : `Feature ${f.index}`;
  const props = f.properties ?? {};
  for (const k of NAME_KEYS) {
    const v = props[k];
    if ((typeof v === 'string' && v.trim()) || typeof v === 'number') return `${base} (“${String(v).trim().slice(0, 60)}”)`;
  }
  return base;
}
