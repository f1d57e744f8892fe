import { ApiError } from '../errors.ts';
import type { Conversation, Locale, Model } from '../conversation.ts';
import { findDevice } from './devices.ts';
import { exampleSubdivisions, findCountry, findSubdivision, isKnownCity } from './geo.ts';
import { findLanguage } from './languages.ts';

export type Format = 'json' | 'rendered' | 'raw';
export type Mode = 'sync' | 'async';

/** A `GET /ai` call, validated and normalised: the conversation plus how to deliver it. */
export interface AiRequest {
  conversation: Conversation;
  format: Format;
  /** Days a cached answer stays fresh: 1 serves a cached answer, 0 asks again. */
  expiration: 0 | 1;
  mode: Mode;
  /** What the emulator did that a caller may want to know (a city it fell back from, say). */
  notices: string[];
}

/**
 * The query string after the OpenAPI document checked its shape: `prompt` given, each parameter
 * once, enums and `expiration` within their values.
 */
export type Query = Readonly<Record<string, string | undefined>>;

function countryOf(value: string): string {
  const country = findCountry(value);
  if (!country)
    throw ApiError.invalid(
      `country must be a two-letter ISO 3166-1 code such as "us"; "${value}" is not one`,
    );
  return country;
}

function subdivisionOf(country: string, value: string): string {
  const subdivision = findSubdivision(country, value);
  if (subdivision) return subdivision;
  const examples = exampleSubdivisions(country).map((code) => `"${code.toLowerCase()}"`);
  throw ApiError.invalid(
    `subdivision must be the part after the hyphen of an ISO 3166-2 code of ${country}` +
      `${examples.length ? ` (such as ${examples.join(', ')})` : ''}; "${value}" is not one`,
  );
}

function languageOf(name: string, value: string): string {
  const match = findLanguage(value);
  if (match && 'value' in match) return match.value;
  const rule = `${name} must be a language name, an ISO 639-1 code or a Google language code`;
  throw ApiError.invalid(match ? `${rule}; ${match.rejected}` : `${rule}; "${value}" is not one`);
}

/**
 * The shared parameters' rules: a known device (named by the service's own devices list), a
 * country before its subdivision or city, a city GeoNames knows (else a notice and the country),
 * languages by name or code, and the display language following the language.
 */
export function parseLocale(
  query: Query,
  notices: string[],
  service: { devices: string; fallback: string },
): Locale {
  const deviceText = query.device;
  let device: string | null = null;
  if (deviceText !== undefined) {
    device = findDevice(deviceText) ?? null;
    if (!device)
      throw ApiError.invalid(
        `device must be a name listed by ${service.devices}; "${deviceText}" is not one`,
      );
  }

  const countryText = query.country;
  const subdivisionText = query.subdivision;
  const cityText = query.city;
  const country = countryText === undefined ? null : countryOf(countryText);
  if (!country && subdivisionText !== undefined) throw ApiError.invalid('subdivision requires country');
  if (!country && cityText !== undefined) throw ApiError.invalid('city requires country');
  const subdivision =
    country && subdivisionText !== undefined ? subdivisionOf(country, subdivisionText) : null;
  let city: string | null = null;
  if (country && cityText !== undefined) {
    // The live service does not fail on a city it does not know: it works from the country.
    if (isKnownCity(country, cityText)) city = cityText;
    else
      notices.push(
        `city "${cityText}" is not a GeoNames city of ${country}; ${service.fallback} from the country instead`,
      );
  }

  const languageText = query.language;
  const displayText = query.display;
  const language = languageText === undefined ? null : languageOf('language', languageText);
  // The display language follows the chat language unless it is given.
  const display = displayText === undefined ? language : languageOf('display', displayText);
  return { device, country, subdivision, city, language, display };
}

/**
 * Applies the service's parameter rules to a query whose shape the OpenAPI document has already
 * checked. Throws a 422 ApiError naming the parameter and the rule.
 */
export function parseAiRequest(query: Query): AiRequest {
  const notices: string[] = [];
  const prompt = query.prompt ?? '';
  const model = (query.model ?? 'chatgpt') as Model;
  const format = (query.format ?? 'json') as Format;
  const mode = (query.mode ?? 'sync') as Mode;
  const { device, country, subdivision, city, language, display } = parseLocale(query, notices, {
    devices: '/ai/devices',
    fallback: 'chatting',
  });

  return {
    conversation: { prompt, model, device, country, subdivision, city, language, display },
    format,
    expiration: query.expiration === '0' ? 0 : 1,
    mode,
    notices,
  };
}
