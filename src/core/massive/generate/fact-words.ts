import { continents } from 'countries-list';
import type { AnswerLanguage } from './locale.ts';
import { list } from './english.ts';
import { countryName, type Fact } from './facts.ts';
import { REFERENCE_YEAR } from './writers/context.ts';

/**
 * A fact's parts named in the answer's language, from Intl's tables: country, currency and
 * language names, units, numbers and a time zone's offsets in the reference year.
 */
export interface FactWords {
  country(code: string): string;
  currency(code: string): string;
  language(code: string): string;
  number(value: number): string;
  /** "5 miles", "8.047 kilómetros". */
  measure(value: number, unit: string): string;
  /** "UTC+9", or "UTC+1 / UTC+2" for a zone with daylight saving time. */
  offset(zone: string): string;
  /** "and" in the language, for lists. */
  list(items: readonly string[]): string;
}

const AND: Record<AnswerLanguage, string> = { en: 'and', es: 'y', fr: 'et', de: 'und' };

/** A currency's name as prose writes it: "Japanese yen", "euro", not Intl's title case "Japanese Yen". */
function currencyName(language: AnswerLanguage, name: string): string {
  if (language !== 'en') return name;
  return name.replace(/(\p{Lu})(\p{Ll}+)$/u, (word) => word.toLowerCase());
}

function offsetAt(zone: string, month: number): string {
  const parts = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(
    Date.UTC(REFERENCE_YEAR, month, 15, 12),
  );
  const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  return name.replace(/^GMT/, 'UTC').replace(/^UTC$/, 'UTC+0');
}

export function factWords(language: AnswerLanguage): FactWords {
  const regions = new Intl.DisplayNames(language, { type: 'region' });
  const currencies = new Intl.DisplayNames(language, { type: 'currency' });
  const languages = new Intl.DisplayNames(language, { type: 'language' });
  return {
    country: (code) => (language === 'en' ? countryName(code) : (regions.of(code) ?? code)),
    currency: (code) => currencyName(language, currencies.of(code) ?? code),
    language: (code) => languages.of(code) ?? code,
    number: (value) => new Intl.NumberFormat(language, { maximumFractionDigits: 4 }).format(value),
    measure: (value, unit) =>
      new Intl.NumberFormat(language, {
        style: 'unit',
        unit,
        unitDisplay: 'long',
        maximumFractionDigits: 4,
      }).format(value),
    offset: (zone) => {
      const [winter, summer] = [offsetAt(zone, 0), offsetAt(zone, 6)];
      return winter === summer ? winter : `${winter} / ${summer}`;
    },
    list: (items) => list(items, AND[language]),
  };
}

const CONTINENTS: Record<Exclude<AnswerLanguage, 'en'>, Record<string, string>> = {
  es: {
    AF: 'África',
    AN: 'la Antártida',
    AS: 'Asia',
    EU: 'Europa',
    NA: 'América del Norte',
    OC: 'Oceanía',
    SA: 'América del Sur',
  },
  fr: {
    AF: 'Afrique',
    AN: 'Antarctique',
    AS: 'Asie',
    EU: 'Europe',
    NA: 'Amérique du Nord',
    OC: 'Océanie',
    SA: 'Amérique du Sud',
  },
  de: {
    AF: 'Afrika',
    AN: 'Antarktika',
    AS: 'Asien',
    EU: 'Europa',
    NA: 'Nordamerika',
    OC: 'Ozeanien',
    SA: 'Südamerika',
  },
};

/** A continent's name: countries-list's English one, or the language's own. */
export function continentName(language: AnswerLanguage, code: string): string {
  if (language === 'en') return continents[code as keyof typeof continents] ?? code;
  return CONTINENTS[language][code] ?? code;
}

/** The one-line statement of a computed fact, in symbols every language reads: "12 × 7 = 84". */
export function equation(fact: Extract<Fact, { kind: 'arithmetic' }>, words: FactWords): string {
  return `${words.number(fact.a)} ${fact.op} ${words.number(fact.b)} = ${words.number(fact.result)}`;
}
