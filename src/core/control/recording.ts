import { RecordingError } from './errors.ts';
import { createHash } from 'node:crypto';
import { redactHeaders, redactText } from '../kernel/redact.ts';

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

/** What a request is matched by. */
export const requestKey = (method: string, path: string, query: string): string =>
  `${method.toUpperCase()} ${path}${query ? `?${query}` : ''}`;

/** A recording's file name: readable, and unique per request and occurrence. */
export function recordingFileName(recording: Recording): string {
  const { method, path, query, occurrence } = recording.request;
  const slug = path.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'root';
  const hash = createHash('sha256')
    .update(requestKey(method, path, query))
    .digest('hex')
    .slice(0, 12);
  return `${method.toLowerCase()}-${slug}-${hash}-${occurrence}.json`;
}

/** Builds a recording from an answer, secrets redacted: nothing secret reaches the disk. */
export function makeRecording(
  request: { method: string; path: string; query: string; occurrence: number },
  response: { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer },
): Recording {
  const kept = Object.fromEntries(
    Object.entries(redactHeaders(response.headers)).filter(([name]) => RECORDED_HEADERS.includes(name)),
  );
  const text = response.body.toString('utf8');
  const isText = Buffer.from(text, 'utf8').equals(response.body);
  return {
    kind: 'recording',
    request: { ...request, method: request.method.toUpperCase() },
    response: {
      status: response.status,
      headers: kept,
      body: isText ? redactText(text) : response.body.toString('base64'),
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

/**
 * The recordings by request, each request's answers in order. `next` hands out the next answer
 * of a request (the last one again once they are used up); `add` files a new one.
 */
export function createRecordingIndex(recordings: readonly Recording[]) {
  const byKey = new Map<string, Recording[]>();
  const served = new Map<string, number>();
  const keyOf = (recording: Recording) =>
    requestKey(recording.request.method, recording.request.path, recording.request.query);
  const add = (recording: Recording) => {
    const list = byKey.get(keyOf(recording)) ?? [];
    list.push(recording);
    list.sort((a, b) => a.request.occurrence - b.request.occurrence);
    byKey.set(keyOf(recording), list);
  };
  for (const recording of recordings) add(recording);
  return {
    /**
     * The next answer to a request, and its occurrence number (the nth time it is answered). Past
     * the recorded ones, `repeatLast` gives the last one again; otherwise none.
     */
    peek(
      key: string,
      { repeatLast }: { repeatLast: boolean },
    ): { recording?: Recording; occurrence: number } {
      const index = served.get(key) ?? 0;
      const list = byKey.get(key) ?? [];
      const recording = list[index] ?? (repeatLast ? list.at(-1) : undefined);
      return { ...(recording && { recording }), occurrence: index + 1 };
    },
    /** The request was answered (replayed, or forwarded): the next time is its next occurrence. */
    advance: (key: string) => void served.set(key, (served.get(key) ?? 0) + 1),
    add,
    /** Replays start again from each request's first answer. */
    rewind: () => served.clear(),
  };
}

export type RecordingIndex = ReturnType<typeof createRecordingIndex>;
