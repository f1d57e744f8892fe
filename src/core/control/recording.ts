import { RecordingError } from './errors.ts';
import { crypto } from '../kernel/crypto.ts';
import { redactHeaders, redactText, tokenFingerprint } from '../kernel/redact.ts';

/**
 * A recorded response: what the real service answered to one request, replayed byte for byte.
 * Requests are matched by method, path and normalised query; a request asked several times (an
 * async job polled) keeps each answer in order, and the last one repeats.
 */
export interface Recording {
  kind: 'recording';
  request: {
    method: string;
    path: string;
    /** Parameters sorted by name (values in the order sent), redacted like the rest. */
    query: string;
    /** 1 for the first answer to this request, 2 for the second, ... */
    occurrence: number;
    /** The request body's digest (`bodyDigest`), for methods whose body decides the answer. */
    body?: string;
  };
  response: {
    status: number;
    /** The headers that matter to a client: content type, Retry-After, ... */
    headers: Record<string, string>;
    body: string;
    /** `utf8` for text, `base64` for bytes that are not UTF-8. */
    encoding: 'utf8' | 'base64';
  };
}

/** Headers a replayed answer carries; the rest (dates, connection, the server's own) are noise. */
export const RECORDED_HEADERS = [
  'content-type',
  'retry-after',
  'location',
  'www-authenticate',
  'content-language',
];

/** A query string with its parameters sorted by name and its secrets redacted: the match key. */
export function normaliseQuery(search: string): string {
  const params = [...new URLSearchParams(search)];
  const sorted = params
    .map(([name, value], index) => ({ name, value, index }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.index - b.index));
  const normalised = new URLSearchParams(
    sorted.map(({ name, value }): [string, string] => [name, value]),
  ).toString();
  return normalised === '' ? '' : redactText(`?${normalised}`).slice(1);
}

/**
 * A request body's digest: two bodies that differ (`POST /users` for another email) are two
 * requests. A digest, not the body: the body may hold what must not reach the disk.
 */
export const bodyDigest = (body: string): string =>
  crypto().createHash('sha256').update(body).digest('hex').slice(0, 16);

/** What a request is matched by. */
export const requestKey = (method: string, path: string, query: string, body?: string): string =>
  `${method.toUpperCase()} ${path}${query ? `?${query}` : ''}${body ? ` (body ${body})` : ''}`;

/** The longest part of a path a file name shows: the hash tells requests apart, not the slug. */
const SLUG_CHARS = 40;

/** A recording's file name: readable, short whatever the path, unique per request and occurrence. */
export function recordingFileName(recording: Recording): string {
  const { method, path, query, occurrence, body } = recording.request;
  const slug =
    path
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, SLUG_CHARS) || 'root';
  const hash = crypto()
    .createHash('sha256')
    .update(requestKey(method, path, query, body))
    .digest('hex')
    .slice(0, 12);
  return `${method.toLowerCase()}-${slug.replace(/-$/, '')}-${hash}-${occurrence}.json`;
}

/** A text with each of the caller's secrets (its token, echoed back) replaced by its fingerprint. */
const withoutSecrets = (text: string, secrets: readonly string[]) =>
  secrets.reduce((kept, secret) => (secret ? kept.replaceAll(secret, tokenFingerprint(secret)) : kept), text);

/** Builds a recording from an answer, secrets redacted: nothing secret reaches the disk. */
export function makeRecording(
  request: Recording['request'],
  response: { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer },
  secrets: readonly string[] = [],
): Recording {
  const kept = Object.fromEntries(
    Object.entries(redactHeaders(response.headers))
      .filter(([name]) => RECORDED_HEADERS.includes(name))
      .map(([name, value]) => [name, withoutSecrets(value, secrets)]),
  );
  const text = response.body.toString('utf8');
  const isText = Buffer.from(text, 'utf8').equals(response.body);
  return {
    kind: 'recording',
    request: { ...request, method: request.method.toUpperCase() },
    response: {
      status: response.status,
      headers: kept,
      body: isText ? redactText(withoutSecrets(text, secrets)) : response.body.toString('base64'),
      encoding: isText ? 'utf8' : 'base64',
    },
  };
}

/** Checks a recording as read from a file. */
export function parseRecording(value: unknown, origin: string): Recording {
  const recording = value as Partial<Recording> | null;
  const fail = (field: string, rule: string): never => {
    throw new RecordingError(`${origin}: ${field} ${rule}`);
  };
  if (recording?.kind !== 'recording') fail('kind', 'must be "recording"');
  const { request, response } = recording as Recording;
  if (typeof request?.method !== 'string') fail('request.method', 'must be a string');
  if (typeof request.path !== 'string' || !request.path.startsWith('/'))
    fail('request.path', 'must start with /');
  if (typeof request.query !== 'string') fail('request.query', 'must be a string');
  if (!Number.isInteger(request.occurrence) || request.occurrence < 1)
    fail('request.occurrence', 'must be a whole number from 1');
  if (request.body !== undefined && typeof request.body !== 'string')
    fail('request.body', 'must be a string (the body digest)');
  if (!Number.isInteger(response?.status) || response.status < 100 || response.status > 599)
    fail('response.status', 'must be an HTTP status');
  if (response.headers === null || typeof response.headers !== 'object')
    fail('response.headers', 'must be an object');
  if (typeof response.body !== 'string') fail('response.body', 'must be a string');
  if (response.encoding !== 'utf8' && response.encoding !== 'base64')
    fail('response.encoding', 'must be utf8 or base64');
  return recording as Recording;
}

export const recordingBody = (recording: Recording): Buffer =>
  Buffer.from(recording.response.body, recording.response.encoding);

/** Whether two answers are the same on the wire: a repeat of an answer is not recorded again. */
export const sameAnswer = (a: Recording, b: Recording): boolean =>
  a.response.status === b.response.status &&
  a.response.body === b.response.body &&
  a.response.encoding === b.response.encoding &&
  JSON.stringify(a.response.headers) === JSON.stringify(b.response.headers);

/**
 * The recordings by request, each request's answers in order. `peek` hands out the answer of a
 * request's next occurrence; `add` files a new one. Only answers that differ from the one before
 * are recorded, so replaying, an occurrence gets the latest answer recorded at or before it.
 */
export function createRecordingIndex(recordings: readonly Recording[]) {
  const byKey = new Map<string, Recording[]>();
  const served = new Map<string, number>();
  const keyOf = (recording: Recording) =>
    requestKey(
      recording.request.method,
      recording.request.path,
      recording.request.query,
      recording.request.body,
    );
  const add = (recording: Recording) => {
    const list = byKey.get(keyOf(recording)) ?? [];
    list.push(recording);
    list.sort((a, b) => a.request.occurrence - b.request.occurrence);
    byKey.set(keyOf(recording), list);
  };
  for (const recording of recordings) add(recording);
  return {
    /**
     * The answer to a request's next occurrence (the nth time it is answered), and the answer a
     * replay gives it (`previous`: the latest recorded at or before it). Recording, only an answer
     * recorded for that very occurrence is given; `repeatLast` (replaying) gives `previous`.
     */
    peek(
      key: string,
      { repeatLast }: { repeatLast: boolean },
    ): { recording?: Recording; previous?: Recording; occurrence: number } {
      const occurrence = (served.get(key) ?? 0) + 1;
      const list = byKey.get(key) ?? [];
      const previous = list.findLast((candidate) => candidate.request.occurrence <= occurrence) ?? list[0];
      const exact = previous?.request.occurrence === occurrence ? previous : undefined;
      const recording = repeatLast ? previous : exact;
      return { ...(recording && { recording }), ...(previous && { previous }), occurrence };
    },
    /** The request was answered (replayed, or forwarded): the next time is its next occurrence. */
    advance: (key: string) => void served.set(key, (served.get(key) ?? 0) + 1),
    add,
    /** Replays start again from each request's first answer. */
    rewind: () => served.clear(),
  };
}

export type RecordingIndex = ReturnType<typeof createRecordingIndex>;
