import { LAYER_FIELDS, type LayerKind } from '../model/layers';
import { nameTokens } from './coordinate-columns';

/**
 * Other names each canonical field goes by, in order of preference, as normalised names
 * (lower case, words joined by '_'). Sources: MDB boundary tables (MUNICNAME, CAT_B, DISTRICT),
 * the 2011 boundary files (lm_code, lm_name, district_code), OSM (highway, maxspeed, oneway),
 * Stats SA tables (population_2011), and Afrikaans headers (naam, bevolking).
 */
export const FIELD_ALIASES: Record<LayerKind, Record<string, string[]>> = {
  municipalities: {
    code: ['code', 'lm_code', 'cat_b', 'munic_code', 'municipality_code', 'mun_code', 'muni_code', 'mdb_code', 'local_municipality_code', 'district_code', 'dc_code', 'kode'],
    name: ['name', 'municname', 'lm_name', 'munic_name', 'municipality_name', 'municipality', 'mun_name', 'muni_name', 'district_name', 'district_n', 'naam', 'munisipaliteit'],
    category: ['category', 'cat', 'munic_category', 'municipality_category', 'kategorie'],
    district: ['district', 'district_code', 'dc_code', 'districtcode', 'dc', 'distrik'],
  },
  regions: {
    department: ['department', 'dept', 'department_code', 'dept_code', 'departement', 'agency'],
    region: ['region', 'region_name', 'regionname', 'service_region', 'subdistrict', 'sub_district', 'health_subdistrict', 'health_sub_district', 'cluster', 'area_name', 'streek', 'name'],
  },
  settlements: {
    id: ['id', 'fid', 'settlement_id', 'place_id', 'geo_code', 'ward_code', 'ward_id', 'ward_no', 'osm_id', 'geonameid', 'objectid', 'object_id'],
    name: ['name', 'settlement', 'settlement_name', 'place_name', 'placename', 'naam', 'plek', 'town', 'village'],
    population: ['population', 'pop', 'pop_2011', 'population_2011', 'pop2011', 'total_population', 'totpop', 'tot_pop', 'total', 'inwoners', 'bevolking', 'persons', 'people'],
  },
  offices: {
    id: ['id', 'office_id', 'office_code', 'fid', 'site_id', 'objectid', 'object_id'],
    department: ['department', 'dept', 'department_code', 'dept_code', 'departement', 'agency', 'owner_department'],
    name: ['name', 'office_name', 'office', 'site_name', 'facility_name', 'facilityname', 'hospital_name', 'naam', 'compnt_nm', 'station'],
    services: ['services', 'service', 'service_codes', 'dienste'],
    lease_expiry: ['lease_expiry', 'lease_end', 'lease_expires', 'lease_expiry_date', 'lease_end_date', 'leaseexpiry', 'lease'],
    address: ['address', 'street_address', 'physical_address', 'adres', 'addr'],
  },
  thusong: {
    id: ['id', 'centre_id', 'center_id', 'tsc_id', 'fid', 'objectid', 'object_id'],
    name: ['name', 'centre_name', 'center_name', 'thusong_centre', 'site_name', 'naam'],
  },
  roads: {
    class: ['class', 'highway', 'fclass', 'road_class', 'roadclass', 'road_type', 'type', 'klas'],
    speed_kmh: ['speed_kmh', 'maxspeed', 'max_speed', 'speed', 'speed_limit', 'speedlimit'],
    oneway: ['oneway', 'one_way', 'eenrigting'],
  },
};

/** Words that, inside a longer name, mark a field as the canonical one ("population_2022", "health_subdistrict"). */
const TOKEN_RULES: Partial<Record<LayerKind, Record<string, (tokens: string[]) => boolean>>> = {
  settlements: { population: (t) => t.some((w) => w === 'population' || w === 'pop' || w === 'bevolking') },
  regions: { region: (t) => t.some((w) => w === 'region' || w === 'subdistrict' || w === 'subdistricts') },
};

export const normFieldName = (s: string) => nameTokens(s).join('_');

export interface FieldResolution {
  /** canonical → original field */
  fieldMap: Record<string, string>;
  /** required canonical fields with no column */
  missing: string[];
  /** user mappings naming a column the file does not have */
  unknownMapped: { canonical: string; field: string }[];
}

/**
 * Which original field supplies each canonical field of a layer: the user's choice, then the
 * canonical name itself, then aliases in order, then name-token rules. A field serves one canonical
 * field only (except where the user says otherwise).
 */
export function resolveFields(kind: LayerKind, fields: string[], userMapping: Record<string, string> = {}): FieldResolution {
  const fieldMap: Record<string, string> = {};
  const unknownMapped: FieldResolution['unknownMapped'] = [];
  const used = new Set<string>();
  const byNorm = new Map<string, string>();
  for (const f of fields) if (!byNorm.has(normFieldName(f))) byNorm.set(normFieldName(f), f);
  const canonical = LAYER_FIELDS[kind].map((f) => f.name);
  for (const c of canonical) {
    const chosen = userMapping[c];
    if (!chosen) continue;
    if (fields.includes(chosen)) {
      fieldMap[c] = chosen;
      used.add(chosen);
    } else unknownMapped.push({ canonical: c, field: chosen });
  }
  // exact canonical names first, so an alias never steals a field named for another canonical field
  for (const c of canonical) {
    if (fieldMap[c]) continue;
    const f = byNorm.get(c);
    if (f && !used.has(f)) {
      fieldMap[c] = f;
      used.add(f);
    }
  }
  for (const c of canonical) {
    if (fieldMap[c]) continue;
    for (const alias of FIELD_ALIASES[kind][c] ?? []) {
      const f = byNorm.get(alias);
      if (f && !used.has(f)) {
        fieldMap[c] = f;
        used.add(f);
        break;
      }
    }
    const rule = TOKEN_RULES[kind]?.[c];
    if (!fieldMap[c] && rule) {
      const f = fields.find((x) => !used.has(x) && rule(nameTokens(x)));
      if (f) {
        fieldMap[c] = f;
        used.add(f);
      }
    }
  }
  const missing = LAYER_FIELDS[kind].filter((f) => f.required && !fieldMap[f.name]).map((f) => f.name);
  return { fieldMap, missing, unknownMapped };
}
