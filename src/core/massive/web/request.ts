import { ApiError } from '../errors.ts';
import type { Locale } from '../conversation.ts';
import { type Mode, parseLocale, type Query } from '../params/request.ts';

/** The two services besides AI that share the account, the jobs and the batches. */
export type WebService = 'search' | 'browser';

export type Awaited = 'ai' | 'answers' | 'ads';
export type BrowserFormat = 'rendered' | 'raw' | 'markdown';
export type Captcha = 'solved' | 'ignored' | 'rejected';

/** What makes a results page: everything but how it is delivered (`mode`, `callback`). */
export interface SearchInputs {
  service: 'search';
  terms: string;
  serps: number;
  /** Results per page; null: Google's 10. */
  size: number | null;
  offset: number;
  uule: string | null;
  awaiting: Awaited[];
  locale: Locale;
}

/** What makes a page: the URL, where it is fetched from, and the sticky session. */
export interface BrowserInputs {
  service: 'browser';
  url: string;
  session: string | null;
  locale: Omit<Locale, 'language' | 'display'>;
}

export type WebInputs = SearchInputs | BrowserInputs;

/** How a page is shown: the same stored page answers every format, captcha choice and wait. */
export interface BrowserView {
  format: BrowserFormat;
  captcha: Captcha;
  readiness: 'load' | 'domcontentloaded';
  /** Seconds waited after readiness; null: none. */
  delay: number | null;
}

/** A web call, its parameters checked: what to answer, how to show it, and at what price factor. */
export interface WebCall {
  inputs: WebInputs;
  view: BrowserView | null;
  expiration: 0 | 1;
  mode: Mode;
  /** The pricing page's multipliers: `difficulty` medium ×2, high ×6; `speed` ridiculous ×2. */
  multiplier: number;
  /** `speed=ridiculous` is 30% faster. */
  speedFactor: number;
  notices: string[];
}

/** A query whose repeatable keys (`awaiting`) may come as arrays. */
export type WebQuery = Readonly<Record<string, string | readonly string[] | undefined>>;

const DIFFICULTY: Record<string, number> = { low: 1, medium: 2, high: 6 };
const SPEED: Record<string, number> = { light: 1, ridiculous: 2 };

const text = (query: WebQuery, name: string): string | undefined => {
  const value = query[name];
  return Array.isArray(value) ? value[0] : (value as string | undefined);
};

const textQuery = (query: WebQuery): Query =>
  Object.fromEntries(Object.keys(query).map((name) => [name, text(query, name)]));

const int = (value: string | undefined): number | null => (value === undefined ? null : Number(value));

/** A Google results URL's own parameters (`q`, `hl`, `gl`, `start`, `num`), which override the others. */
function fromGoogleUrl(url: string, query: Query): Query {
  const parsed = URL.parse(url);
  const q = parsed?.searchParams.get('q');
  if (!parsed || !q)
    throw ApiError.invalid(`url must be a results page URL with a q parameter; "${url}" is not one`);
  const get = (name: string) => parsed.searchParams.get(name) ?? undefined;
  return {
    ...query,
    terms: q.slice(0, 255),
    language: get('hl') ?? query.language,
    country: get('gl') ?? query.country,
    offset: get('start') ?? query.offset,
    size: get('num') ?? query.size,
  };
}

/** `GET /search` (and a search batch's shared body), the document having checked each parameter's shape. */
export function parseSearchCall(query: WebQuery, devices = '/search/devices'): WebCall {
  const notices: string[] = [];
  const url = text(query, 'url');
  const flat = url === undefined ? textQuery(query) : fromGoogleUrl(url, textQuery(query));
  if (flat.terms === undefined)
    throw ApiError.invalid('terms must be provided (or the id of a queued search)');
  const given = query.awaiting === undefined ? [] : [query.awaiting].flat();
  const awaiting = (['ai', 'answers', 'ads'] as const).filter((feature) => given.includes(feature));
  const offset = int(flat.offset) ?? 0;
  const size = int(flat.size);
  if (size !== null && (!Number.isInteger(size) || size < 0 || size > 100))
    throw ApiError.invalid(`size must be an integer from 0 to 100; "${flat.size}" is not one`);
  if (!Number.isInteger(offset) || offset < 0)
    throw ApiError.invalid(`offset must be an integer from 0 to 100; "${flat.offset}" is not one`);
  return {
    inputs: {
      service: 'search',
      terms: flat.terms,
      serps: int(flat.serps) ?? 1,
      size,
      offset,
      uule: flat.uule ?? null,
      awaiting,
      locale: parseLocale(flat, notices, { devices, fallback: 'searching' }),
    },
    view: null,
    expiration: flat.expiration === '0' ? 0 : 1,
    mode: (flat.mode ?? 'sync') as Mode,
    multiplier: 1,
    speedFactor: 1,
    notices,
  };
}

/** `GET /browser` (and a browser batch's shared body). */
export function parseBrowserCall(query: WebQuery): WebCall {
  const notices: string[] = [];
  const flat = textQuery(query);
  if (flat.url === undefined) throw ApiError.invalid('url must be provided (or the id of a queued request)');
  const url = URL.parse(flat.url);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    throw ApiError.invalid(`url must be an http or https URL; "${flat.url}" is not one`);
  const {
    language: _language,
    display: _display,
    ...locale
  } = parseLocale(flat, notices, {
    devices: '/browser/devices',
    fallback: 'browsing',
  });
  const speed = flat.speed ?? 'light';
  return {
    inputs: { service: 'browser', url: url.href, session: flat.session ?? null, locale },
    view: {
      format: (flat.format ?? 'rendered') as BrowserFormat,
      captcha: (flat.captcha ?? 'solved') as Captcha,
      readiness: flat.readiness === 'domcontentloaded' ? 'domcontentloaded' : 'load',
      delay: flat.delay === undefined ? null : Number(flat.delay),
    },
    expiration: flat.expiration === '0' ? 0 : 1,
    mode: (flat.mode ?? 'sync') as Mode,
    multiplier: (DIFFICULTY[flat.difficulty ?? 'low'] ?? 1) * (SPEED[speed] ?? 1),
    speedFactor: speed === 'ridiculous' ? 0.7 : 1,
    notices,
  };
}

/** The cache key of what makes an answer: the inputs, in a fixed order. */
export const inputsKey = (inputs: WebInputs): string => `${inputs.service} ${JSON.stringify(inputs)}`;
