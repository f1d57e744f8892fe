import { MockError } from '../kernel/errors.ts';
import type { Journal, JournalEntry } from './journal.ts';
import { tokenFingerprint } from '../kernel/redact.ts';

/** A string to equal, or (from code) a regular expression to match. */
export type Matcher = string | RegExp;

/** What a verified request must look like: every field given must hold. */
export interface RequestMatch {
  method?: string;
  path?: Matcher;
  /** Each named query parameter must have this value (a repeated one: any of its values). */
  query?: Record<string, Matcher>;
  /** Each named request header must have this value; names are case-insensitive. */
  headers?: Record<string, Matcher>;
  token?: string;
  status?: number;
  /** The operationId that answered (getCompletion, listDevices, ...). */
  operation?: string;
  /** A substring the request body must contain. */
  bodyContains?: string;
}

/** How many matching requests a verification expects: exactly N, or a range (at least 1 by default). */
export type CountExpectation = number | { atLeast?: number; atMost?: number };

export interface NearMiss {
  entry: JournalEntry;
  /** One line per field that did not match. */
  differences: string[];
}

export interface Verification {
  ok: boolean;
  /** How many requests matched. */
  count: number;
  matches: JournalEntry[];
  /** The closest requests that did not match, fewest differences first (at most NEAR_MISSES). */
  nearMisses: NearMiss[];
  /** What failed, with the near misses; empty when ok. */
  message: string;
}

const NEAR_MISSES = 3;

const show = (matcher: Matcher) => (typeof matcher === 'string' ? JSON.stringify(matcher) : String(matcher));
const fits = (matcher: Matcher, value: string | undefined) =>
  value !== undefined && (typeof matcher === 'string' ? matcher === value : matcher.test(value));

/** Each field of `match` the entry does not have, described. */
/** A verification that failed (MOCK_ERR_VERIFICATION, answered 408): its message shows the near misses. */
export class VerificationError extends MockError {
  override name = 'VerificationError';
  readonly verification: Verification;
  constructor(verification: Verification) {
    super('MOCK_ERR_VERIFICATION', 408, verification.message);
    this.verification = verification;
  }
}

export function differences(entry: JournalEntry, match: RequestMatch): string[] {
  const found: string[] = [];
  const compare = (field: string, matcher: Matcher | number | undefined, actual: unknown) => {
    if (matcher === undefined) return;
    const values = Array.isArray(actual) ? actual.map(String) : actual == null ? [] : [String(actual)];
    const wanted = typeof matcher === 'number' ? String(matcher) : matcher;
    if (!values.some((value) => fits(wanted, value)))
      found.push(
        `${field}: expected ${show(wanted)}, got ${values.length ? values.map((v) => JSON.stringify(v)).join(', ') : 'none'}`,
      );
  };
  compare('method', match.method?.toUpperCase(), entry.method);
  compare('path', match.path, entry.path);
  for (const [name, matcher] of Object.entries(match.query ?? {}))
    compare(`query.${name}`, matcher, entry.query[name]);
  for (const [name, matcher] of Object.entries(match.headers ?? {}))
    compare(`headers.${name.toLowerCase()}`, matcher, entry.headers?.[name.toLowerCase()]);
  // The journal keeps fingerprints: a token given in clear is compared as its fingerprint.
  compare(
    'token',
    typeof match.token === 'string' ? tokenFingerprint(match.token) : match.token,
    entry.token,
  );
  compare('status', match.status, entry.status);
  compare('operation', match.operation, entry.decisions.operation);
  if (match.bodyContains !== undefined && !(entry.body ?? '').includes(match.bodyContains))
    found.push(`body: expected to contain ${JSON.stringify(match.bodyContains)}`);
  return found;
}

const describeMatch = (match: RequestMatch) =>
  JSON.stringify(match, (_key, value: unknown) => (value instanceof RegExp ? String(value) : value));

const describeCount = (count: CountExpectation) =>
  typeof count === 'number'
    ? `exactly ${count}`
    : [
        count.atLeast !== undefined && `at least ${count.atLeast}`,
        count.atMost !== undefined && `at most ${count.atMost}`,
      ]
        .filter(Boolean)
        .join(' and ') || 'any number of';

function requestLine(entry: JournalEntry): string {
  const query = new URLSearchParams(
    Object.entries(entry.query).flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((item): [string, string] => [name, item]),
    ),
  ).toString();
  return `#${entry.seq} ${entry.method} ${entry.path}${query ? `?${query}` : ''} -> ${entry.status}`;
}

/** The requests nearest to matching: fewest differing fields first, then the newest. */
export function nearMisses(entries: readonly JournalEntry[], match: RequestMatch, limit = NEAR_MISSES) {
  return entries
    .map((entry) => ({ entry, differences: differences(entry, match) }))
    .filter((miss) => miss.differences.length > 0)
    .sort((a, b) => a.differences.length - b.differences.length || b.entry.seq - a.entry.seq)
    .slice(0, limit);
}

function nearMissText(misses: readonly NearMiss[]): string {
  if (misses.length === 0) return 'The journal holds no other request.';
  return [
    'Closest requests that did not match:',
    ...misses.map((miss) => `  ${requestLine(miss.entry)}\n    ${miss.differences.join('\n    ')}`),
  ].join('\n');
}

/** Checks the journal's entries against a match and a count, WireMock-style. */
export function verifyRequests(
  entries: readonly JournalEntry[],
  match: RequestMatch,
  count: CountExpectation = { atLeast: 1 },
): Verification {
  const matches = entries.filter((entry) => differences(entry, match).length === 0);
  const { atLeast, atMost } = typeof count === 'number' ? { atLeast: count, atMost: count } : count;
  const ok =
    (atLeast === undefined || matches.length >= atLeast) &&
    (atMost === undefined || matches.length <= atMost);
  const misses = ok ? [] : nearMisses(entries, match);
  const message = ok
    ? ''
    : `Expected ${describeCount(count)} request(s) matching ${describeMatch(match)}, found ${matches.length}.\n${
        matches.length > 0 && atMost !== undefined && matches.length > atMost
          ? `Matching: ${matches.map(requestLine).join(', ')}`
          : nearMissText(misses)
      }`;
  return { ok, count: matches.length, matches, nearMisses: misses, message };
}

/**
 * The first request matching, already in the journal or recorded within `timeoutMs` (woken by
 * the journal's appends, not by polling). Rejects with the near misses when none comes.
 */
export function waitForRequest(
  journal: Journal,
  match: RequestMatch,
  timeoutMs: number,
): Promise<JournalEntry> {
  const already = journal.list().find((entry) => differences(entry, match).length === 0);
  if (already) return Promise.resolve(already);
  return new Promise((resolve, reject) => {
    const unsubscribe = journal.subscribe((entry) => {
      if (differences(entry, match).length > 0) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(journal.complete(entry));
    });
    const timer = setTimeout(() => {
      unsubscribe();
      const verification = verifyRequests(journal.list(), match);
      reject(
        new VerificationError({
          ...verification,
          message: `No request matching ${describeMatch(match)} within ${timeoutMs} ms.\n${nearMissText(verification.nearMisses)}`,
        }),
      );
    }, timeoutMs);
  });
}
