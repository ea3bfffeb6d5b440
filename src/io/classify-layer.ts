import type { Catalogue } from '../model/catalogue';
import { LAYER_GEOMETRIES, LAYER_KINDS, type LayerKind } from '../model/layers';
import { departmentFromFileName, fileNameWords } from './department-from-file-name';
import { normFieldName } from './field-aliases';
import type { GeometryFamily } from './validate-geometry';

export interface ClassifyInput {
  fileName: string;
  fields: string[];
  /** how many features of each geometry family; undefined when the file has no geometry yet (a CSV awaiting columns) */
  families?: Partial<Record<GeometryFamily, number>>;
  /** a few values of name-like fields, to spot "Thusong" in names */
  names?: string[];
  catalogue?: Catalogue;
}

export interface Classification {
  kind: LayerKind;
  /** 0–1: how far the winner is ahead of the runner-up */
  confidence: number;
  /** for people: the evidence, e.g. 'points; field “department”; file name “offices”' */
  reason: string;
}

type Evidence = { points: number; why: string };

const FIELD_EVIDENCE: Record<LayerKind, Array<[RegExp, number]>> = {
  municipalities: [
    [/^(lm_code|cat_b|municname|lm_name|munic_?code|munic_?name|municipality(_code|_name)?|mdb_code|district_code|district_name|district_n)$/, 2],
    [/^(category|code)$/, 1],
    [/^name$/, 0.5],
  ],
  regions: [
    [/^(department|dept|department_code|dept_code|departement)$/, 2],
    [/(^|_)(region|region_name|subdistrict|sub_district|service_region|cluster)$/, 2],
  ],
  settlements: [
    [/^(population|pop|pop_?\d{4}|population_\d{4}|total_population|totpop|bevolking|inwoners)$/, 4],
    [/(^|_)population(_|$)/, 3],
    [/^(ward|ward_no|ward_id|ward_code|wardno|wardid)$/, 2],
    [/^(place|feature_code|settlement|settlement_type)$/, 1],
  ],
  offices: [
    [/^(department|dept|department_code|dept_code|departement|agency)$/, 3],
    [/^(services|service|lease_expiry|lease_end|lease)$/, 2],
  ],
  thusong: [[/thusong/, 3]],
  roads: [
    [/^(highway|maxspeed|oneway|fclass|road_class|speed_kmh|one_way)$/, 2],
    [/^(surface|lanes|ref)$/, 1],
  ],
};

const FILE_EVIDENCE: Record<LayerKind, Array<[RegExp, number]>> = {
  municipalities: [[/^(municipal|municipalit|municipaliteit|munisipal|boundar|province|provinces|district|districts|mdb|lm|dm|local)/, 2]],
  regions: [[/^(regions?|subdistricts?|sub_districts?|clusters?|streke|service_areas?)$/, 2]],
  settlements: [[/^(wards?|settlements?|places?|villages?|towns?|census|population|dorpe|plekke|nedersettings?|populated)$/, 2]],
  offices: [[/^(offices?|kantore?|police|saps|clinics?|health|hospitals?|facilit\w*|stations?|sassa|courts?|post|dha|labour)$/, 2]],
  thusong: [[/^(thusong|tsc)$/, 5]],
  roads: [[/^(roads?|streets?|highways?|paaie|strate|osm_roads|lines)$/, 2]],
};

/**
 * Picks the layer a file most likely belongs to, from its geometry, its field names and its file
 * name. Geometry rules out layers (lines can only be roads); fields and name words score the rest.
 * When nothing speaks, points are offices and polygons municipalities, with low confidence.
 */
export function classifyLayer(input: ClassifyInput): Classification {
  const families = input.families;
  const total = families ? Object.values(families).reduce((a, b) => a + (b ?? 0), 0) : 0;
  const dominant = families && total ? (Object.entries(families).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))[0][0] as GeometryFamily) : undefined;
  const candidates = LAYER_KINDS.filter((k) => !dominant || LAYER_GEOMETRIES[k].includes(dominant));
  const fields = input.fields.map(normFieldName);
  const words = fileNameWords(input.fileName);
  const department = departmentFromFileName(input.fileName, input.catalogue);
  const evidence = new Map<LayerKind, Evidence[]>(candidates.map((k) => [k, []]));

  for (const k of candidates) {
    const ev = evidence.get(k)!;
    for (const [re, pts] of FIELD_EVIDENCE[k]) {
      const hit = fields.findIndex((f) => re.test(f));
      if (hit >= 0) ev.push({ points: pts, why: `field “${input.fields[hit]}”` });
    }
    for (const [re, pts] of FILE_EVIDENCE[k]) {
      const hit = words.find((w) => re.test(w));
      if (hit) ev.push({ points: pts, why: `file name “${hit}”` });
    }
  }
  if (department) {
    for (const k of ['offices', 'regions'] as const) evidence.get(k)?.push({ points: 1, why: `file name names ${department.code}` });
  }
  const names = (input.names ?? []).filter(Boolean);
  if (names.length && names.filter((n) => /thusong/i.test(n)).length * 2 >= names.length) {
    evidence.get('thusong')?.push({ points: 3, why: 'names mention “Thusong”' });
  }
  if (dominant === 'line') evidence.get('roads')?.push({ points: 3, why: 'lines' });

  const scored = candidates
    .map((k) => ({ k, points: evidence.get(k)!.reduce((a, e) => a + e.points, 0), ev: evidence.get(k)! }))
    .sort((a, b) => b.points - a.points || candidates.indexOf(a.k) - candidates.indexOf(b.k));
  const geometryWord = dominant ? { point: 'points', line: 'lines', area: 'polygons' }[dominant] : 'no geometry yet';
  if (!scored.length || scored[0].points === 0) {
    const fallback: LayerKind = dominant === 'line' ? 'roads' : dominant === 'area' ? 'municipalities' : 'offices';
    return { kind: fallback, confidence: 0.2, reason: `${geometryWord}; nothing in the field or file names says more, so ${fallback} is a guess` };
  }
  const [win, second] = scored;
  const confidence = Math.round((win.points / (win.points + (second?.points ?? 0) + 1)) * 100) / 100;
  return {
    kind: win.k,
    confidence,
    reason: [geometryWord, ...win.ev.filter((e) => e.why !== 'lines').map((e) => e.why)].join('; '),
  };
}
