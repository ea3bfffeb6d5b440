/**
 * Pronounceable, clearly invented place names with an Afrikaans or isiXhosa flavour. They are
 * built from common parts (fontein, kloof, Kwa-, -eni) so they read like South African places
 * without naming a real one on purpose; the README and province name say the data is fictional.
 */
import { chance, pick, type Rng } from './prng';

const AF_FIRST = [
  'Rooi', 'Wit', 'Swart', 'Groot', 'Klein', 'Hoog', 'Diep', 'Blou', 'Goud', 'Krans', 'Kloof', 'Berg',
  'Riet', 'Doorn', 'Wilge', 'Vlei', 'Klip', 'Sand', 'Leeu', 'Olifants', 'Bok', 'Renoster', 'Brand',
  'Vogel', 'Mooi', 'Oude', 'Nuwe', 'Kaal', 'Koue', 'Warm', 'Bitter', 'Soet', 'Steen', 'Elands',
  'Bobbejaan', 'Kwagga', 'Vals', 'Droë', 'Geel', 'Bloem', 'Wolwe', 'Jakkals', 'Haas', 'Spring',
  'Skurwe', 'Melk', 'Heuning', 'Suur', 'Dassie', 'Aasvoël', 'Uil', 'Kraai', 'Eike', 'Palmiet',
];
const AF_LAST = [
  'fontein', 'kloof', 'berg', 'rivier', 'dorp', 'vlei', 'drif', 'poort', 'hoek', 'dal', 'kraal',
  'bosch', 'water', 'heuwel', 'stad', 'veld', 'rand', 'kop', 'laagte', 'put', 'hof', 'gat', 'nek',
  'bult', 'pan', 'spruit', 'krans', 'vallei', 'burg',
];
const AF_FARM = [
  'Welgevonden', 'Uitkyk', 'Vergenoegd', 'Rustenburg', 'Goedgeloof', 'Boplaas', 'Onderplaas',
  'Bo-Plaas', 'Langverwacht', 'Môreson', 'Avondrust', 'Vrede', 'Genade', 'Hoopvol', 'Tevrede',
  'Uitsig', 'Mooiuitsig', 'Doornboom', 'Vreugde', 'Sonskyn', 'Weltevrede', 'Goedehoop', 'Rusoord',
];
const XH_PREFIX = ['Kwa', 'Kwa', 'Ema', 'E', 'Ko', 'Lu', 'Ezi', 'Ku'];
const XH_ONSET = [
  'b', 'bh', 'd', 'dl', 'g', 'h', 'hl', 'k', 'kh', 'l', 'm', 'mb', 'mp', 'n', 'nd', 'ng', 'nk',
  'nq', 'nx', 'ph', 's', 'sh', 't', 'th', 'tsh', 'v', 'w', 'y', 'z', 'ny', 'q', 'x', 'c', 'gq', 'mth',
];
const XH_VOWEL = ['a', 'a', 'e', 'i', 'o', 'u', 'u'];
const XH_END = ['ni', 'eni', 'weni', 'ana', 'ile', 'ela', 'ntu', 'ndo', 'zi', 'lo'];
const SUBURB_LAST = ['ville', 'sig', 'park', 'dale', 'wood', 'vale', 'glen', 'bosch', 'rand', 'oord', 'hof', 'ton'];
const QUALIFIERS = ['Noord', 'Suid', 'Oos', 'Wes', 'Bo', 'Onder', 'Nuwe', 'Ou'];
const STREETS = [
  'Kerk', 'Voortrekker', 'Main', 'Church', 'Hoof', 'Market', 'Mark', 'Station', 'Stasie', 'Long',
  'Lang', 'Buitekant', 'Plein', 'Hospital', 'Van Riebeeck', 'Nelson Mandela', 'OR Tambo', 'Steve Biko',
  'Sisulu', 'Victoria', 'Dorp', 'Bree', 'Rivier', 'Skool', 'Park', 'Mountain', 'Berg', 'Sobukwe',
];
const STREET_KINDS = ['Street', 'Street', 'Street', 'Road', 'Avenue', 'Straat'];

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function afrikaansName(rng: Rng): string {
  const first = pick(rng, AF_FIRST);
  let last = pick(rng, AF_LAST);
  // avoid "Kloofkloof" and "Bergberg"
  while (first.toLowerCase() === last || first.toLowerCase().endsWith(last)) last = pick(rng, AF_LAST);
  const joined = first + last;
  return chance(rng, 0.12) ? `${pick(rng, ['Klein', 'Groot'])} ${capitalise(joined)}` : joined;
}

function xhosaName(rng: Rng): string {
  const syllables = 1 + Math.floor(rng.next() * 2);
  let stem = '';
  for (let i = 0; i < syllables; i++) stem += pick(rng, XH_ONSET) + pick(rng, XH_VOWEL);
  const end = pick(rng, XH_END);
  // no vowel pile-ups ("Miile"): a vowel-initial ending replaces the stem's last vowel
  stem = (/[aeiou]$/.test(stem) && /^[aeiou]/.test(end) ? stem.slice(0, -1) : stem) + end;
  if (chance(rng, 0.45)) {
    const prefix = pick(rng, XH_PREFIX);
    // KwaNobuhle-style capital after Kwa; the locative prefixes run on as one word (Emthonjeni)
    return prefix === 'Kwa' ? prefix + capitalise(stem) : prefix + stem;
  }
  return capitalise(stem);
}

export type NameStyle = 'town' | 'suburb' | 'farm' | 'area';

/** One name in the given style; not unique on its own (see `makeNamer`). */
export function placeName(rng: Rng, style: NameStyle): string {
  switch (style) {
    case 'farm':
      return chance(rng, 0.55) ? pick(rng, AF_FARM) : afrikaansName(rng);
    case 'suburb':
      if (chance(rng, 0.4)) return xhosaName(rng);
      return capitalise(pick(rng, AF_FIRST).toLowerCase() + pick(rng, SUBURB_LAST));
    case 'area':
      return chance(rng, 0.7) ? afrikaansName(rng) : xhosaName(rng);
    case 'town':
      return chance(rng, 0.65) ? afrikaansName(rng) : xhosaName(rng);
  }
}

/**
 * A name source that avoids repeats within one layer: after a few clashes it qualifies the name
 * ("Rooifontein-Noord"), and only when that also fails (very large instances) allows a repeat.
 */
export function makeNamer(rng: Rng, used: Set<string> = new Set()): (style: NameStyle) => string {
  return (style) => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const base = placeName(rng, style);
      const name = attempt < 6 ? base : `${base}-${pick(rng, QUALIFIERS)}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
    return placeName(rng, style);
  };
}

export function streetAddress(rng: Rng, town: string): string {
  const number = 1 + Math.floor(rng.next() * 199);
  return `${number} ${pick(rng, STREETS)} ${pick(rng, STREET_KINDS)}, ${town}`;
}
