import { resolveDepartment, type Catalogue, type Department } from '../model/catalogue';
import { nameTokens } from './coordinate-columns';

/** Words of a file name without its extension: "za_police_stations_saps.geojson" → za, police, stations, saps. */
export function fileNameWords(fileName: string): string[] {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return nameTokens(base.replace(/\.[a-z0-9]+$/i, ''));
}

/**
 * The department a file name names, if exactly one: "sassa_offices.csv" → SASSA,
 * "home-affairs.geojson" → HOME_AFFAIRS, "za_police_stations_saps" → SAPS. Tries runs of one to
 * three words, singular and plural.
 */
export function departmentFromFileName(fileName: string, catalogue?: Catalogue): Department | undefined {
  const words = fileNameWords(fileName);
  const found = new Map<string, Department>();
  for (let len = 3; len >= 1; len--) {
    for (let i = 0; i + len <= words.length; i++) {
      const phrase = words.slice(i, i + len).join(' ');
      const d = resolveDepartment(phrase, catalogue) ?? (phrase.endsWith('s') ? resolveDepartment(phrase.slice(0, -1), catalogue) : undefined);
      if (d) found.set(d.code, d);
    }
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}
