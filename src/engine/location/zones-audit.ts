/**
 * The zones panel's audit, from the loaded layers: which offices already share a site (within a
 * walk), the co-location score per department and per town, what a resident can get at each site,
 * and the offices by lease-expiry year. A town is the nearest settlement of at least
 * `townMinPopulation` people within `townMaxMetres` of the office, else the municipality the
 * office lies in; offices' addresses are free text and too unreliable to name towns.
 */
import type { FeatureCollection } from 'geojson';
import { DEFAULT_CATALOGUE, type Catalogue } from '../../model/catalogue';
import { municipalityTable, officeTable, settlementTable } from '../coverage/inputs';
import { buildPointIndex, nearestPoint, openPointIndex } from '../spatial/point-index';
import { assignPointsToPolygons } from '../spatial/polygon-index';
import { auditCoLocation, leaseYear, type CoLocationAudit } from './co-location-audit';

export interface ZonesAuditInputs {
  offices: FeatureCollection;
  settlements?: FeatureCollection | null;
  municipalities?: FeatureCollection | null;
}

export interface ZonesAuditOptions {
  walkMetres?: number;
  townMinPopulation?: number;
  townMaxMetres?: number;
  catalogue?: Catalogue;
}

export interface AuditOfficeList {
  count: number;
  id: string[];
  name: string[];
  department: string[];
  services: string[][];
  /** YYYY-MM-DD or '' */
  leaseExpiry: string[];
  /** NaN where unknown */
  leaseYear: Float64Array;
  town: string[];
  lon: Float64Array;
  lat: Float64Array;
}

export interface ZonesAudit {
  offices: AuditOfficeList;
  audit: CoLocationAudit;
}

export function auditZones(inputs: ZonesAuditInputs, options: ZonesAuditOptions = {}): ZonesAudit {
  const catalogue = options.catalogue ?? DEFAULT_CATALOGUE;
  const table = officeTable(inputs.offices, catalogue);
  const leaseExpiry = (inputs.offices.features ?? []).map((f) => String((f.properties as Record<string, unknown> | null)?.lease_expiry ?? ''));
  const years = Float64Array.from(leaseExpiry, leaseYear);
  const town = officeTowns(table.lon, table.lat, inputs, options);
  const audit = auditCoLocation({ lon: table.lon, lat: table.lat, department: table.department, leaseExpiryYear: years, town, services: table.services }, { walkMetres: options.walkMetres ?? 200 });
  return { offices: { count: table.count, id: table.id, name: table.name, department: table.department, services: table.services, leaseExpiry, leaseYear: years, town, lon: table.lon, lat: table.lat }, audit };
}

function officeTowns(lon: Float64Array, lat: Float64Array, inputs: ZonesAuditInputs, options: ZonesAuditOptions): string[] {
  const n = lon.length;
  const town = new Array<string>(n).fill('');
  const minPopulation = options.townMinPopulation ?? 5000;
  const maxMetres = options.townMaxMetres ?? 15_000;
  if (inputs.settlements) {
    const s = settlementTable(inputs.settlements);
    const keep: number[] = [];
    for (let i = 0; i < s.count; i++) if (s.population[i] >= minPopulation && Number.isFinite(s.lon[i]) && Number.isFinite(s.lat[i])) keep.push(i);
    if (keep.length) {
      const tLon = Float64Array.from(keep, (i) => s.lon[i]);
      const tLat = Float64Array.from(keep, (i) => s.lat[i]);
      const index = buildPointIndex(tLon, tLat);
      const kd = openPointIndex(index);
      const out = { point: -1, metres: Infinity };
      for (let o = 0; o < n; o++) {
        if (!Number.isFinite(lon[o]) || !Number.isFinite(lat[o])) continue;
        nearestPoint(kd, index, tLon, tLat, lon[o], lat[o], out);
        if (out.point >= 0 && out.metres <= maxMetres) town[o] = s.name[keep[out.point]] || s.id[keep[out.point]];
      }
    }
  }
  if (inputs.municipalities && town.some((t) => !t)) {
    const m = municipalityTable(inputs.municipalities);
    const inside = assignPointsToPolygons(lon, lat, m.geometry);
    for (let o = 0; o < n; o++) if (!town[o] && inside[o] >= 0) town[o] = m.name[inside[o]] || m.code[inside[o]];
  }
  return town.map((t) => t || 'unknown');
}
