/**
 * The catalogue of departments and of service bundles that analyses use. Extensible: a loaded
 * office with an unknown department code is kept and shown under that code (with a warning), and
 * `extendCatalogue` adds departments and bundles at run time.
 */

export interface Department {
  /** stable code used in data files, e.g. 'SASSA' */
  code: string;
  name: string;
  /** colour-blind-safe categorical colour (Okabe–Ito and Tol's muted palettes) */
  colour: string;
  /** the services an office of this department offers when its file names none */
  defaultServices: string[];
  /** other spellings seen in real data, matched case-insensitively */
  aliases: string[];
}

export interface Service {
  code: string;
  name: string;
  department: string;
}

export interface ServiceBundle {
  code: string;
  name: string;
  /** the services a resident needs, each from some office that offers it */
  services: string[];
  /** visits per resident per year that need the whole bundle (an editable default) */
  visitsPerPersonYear: number;
}

export const DEPARTMENTS: Department[] = [
  { code: 'SASSA', name: 'SASSA (social grants)', colour: '#E69F00', defaultServices: ['sassa_grant'], aliases: ['south african social security agency', 'social security'] },
  { code: 'HOME_AFFAIRS', name: 'Home Affairs', colour: '#56B4E9', defaultServices: ['id_document', 'birth_certificate'], aliases: ['dha', 'home affairs', 'homeaffairs'] },
  { code: 'SAPS', name: 'SA Police Service', colour: '#0072B2', defaultServices: ['police'], aliases: ['police', 'south african police service'] },
  { code: 'HEALTH', name: 'Health', colour: '#009E73', defaultServices: ['clinic'], aliases: ['doh', 'department of health', 'clinic'] },
  { code: 'LABOUR', name: 'Employment and Labour', colour: '#CC79A7', defaultServices: ['uif', 'labour_centre'], aliases: ['dol', 'labour', 'employment and labour'] },
  { code: 'SOCIAL_DEV', name: 'Social Development', colour: '#D55E00', defaultServices: ['social_work'], aliases: ['dsd', 'social development'] },
  { code: 'JUSTICE', name: 'Justice (magistrate courts)', colour: '#882255', defaultServices: ['court', 'maintenance'], aliases: ['doj', 'justice', 'court'] },
  { code: 'POST_OFFICE', name: 'SA Post Office', colour: '#999933', defaultServices: ['post', 'grant_paypoint'], aliases: ['sapo', 'post office', 'postoffice'] },
];

export const SERVICES: Service[] = [
  { code: 'sassa_grant', name: 'Social grant application', department: 'SASSA' },
  { code: 'id_document', name: 'ID book / smart ID', department: 'HOME_AFFAIRS' },
  { code: 'birth_certificate', name: 'Birth certificate', department: 'HOME_AFFAIRS' },
  { code: 'police', name: 'Police station (affidavits, reports)', department: 'SAPS' },
  { code: 'clinic', name: 'Clinic / medical assessment', department: 'HEALTH' },
  { code: 'uif', name: 'UIF claims', department: 'LABOUR' },
  { code: 'labour_centre', name: 'Labour centre', department: 'LABOUR' },
  { code: 'social_work', name: 'Social worker', department: 'SOCIAL_DEV' },
  { code: 'court', name: 'Magistrate court', department: 'JUSTICE' },
  { code: 'maintenance', name: 'Child maintenance', department: 'JUSTICE' },
  { code: 'post', name: 'Postal services', department: 'POST_OFFICE' },
  { code: 'grant_paypoint', name: 'Grant pay point', department: 'POST_OFFICE' },
];

export const BUNDLES: ServiceBundle[] = [
  { code: 'disability_grant', name: 'Disability grant (ID + medical assessment + grant)', services: ['id_document', 'clinic', 'sassa_grant'], visitsPerPersonYear: 0.02 },
  { code: 'child_support_grant', name: 'Child support grant (birth certificate + grant)', services: ['birth_certificate', 'sassa_grant'], visitsPerPersonYear: 0.05 },
  { code: 'old_age_grant', name: 'Older persons grant (ID + grant)', services: ['id_document', 'sassa_grant'], visitsPerPersonYear: 0.02 },
  { code: 'maintenance_claim', name: 'Child maintenance (court + affidavit)', services: ['maintenance', 'police'], visitsPerPersonYear: 0.01 },
  { code: 'uif_claim', name: 'UIF claim (ID + labour centre)', services: ['id_document', 'uif'], visitsPerPersonYear: 0.02 },
];

export interface Catalogue {
  departments: Department[];
  services: Service[];
  bundles: ServiceBundle[];
}

export const DEFAULT_CATALOGUE: Catalogue = { departments: DEPARTMENTS, services: SERVICES, bundles: BUNDLES };

export function extendCatalogue(base: Catalogue, add: Partial<Catalogue>): Catalogue {
  const merge = <T extends { code: string }>(a: T[], b: T[] = []) => [...a.filter((x) => !b.some((y) => y.code === x.code)), ...b];
  return {
    departments: merge(base.departments, add.departments),
    services: merge(base.services, add.services),
    bundles: merge(base.bundles, add.bundles),
  };
}

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_\-.]+/g, ' ');

/** Finds the department a free-text value names (code, name or alias), or undefined. */
export function resolveDepartment(value: string, catalogue: Catalogue = DEFAULT_CATALOGUE): Department | undefined {
  const v = norm(value);
  if (!v) return undefined;
  return catalogue.departments.find(
    (d) => norm(d.code) === v || norm(d.name) === v || d.aliases.some((a) => norm(a) === v),
  );
}

/** Colour for a department code; a stable grey for codes outside the catalogue. */
export function departmentColour(code: string, catalogue: Catalogue = DEFAULT_CATALOGUE): string {
  return catalogue.departments.find((d) => d.code === code)?.colour ?? '#777777';
}

/** The services an office offers: its own list, or its department's defaults. */
export function officeServices(office: { department: string; services: string }, catalogue: Catalogue = DEFAULT_CATALOGUE): string[] {
  const own = office.services.split(';').map((s) => s.trim()).filter(Boolean);
  if (own.length) return own;
  return catalogue.departments.find((d) => d.code === office.department)?.defaultServices ?? [];
}
