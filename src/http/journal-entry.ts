import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken } from '../core/kernel/bearer.ts';
import { type CapturedRequest, captureRequest } from '../core/control/capture.ts';
import type { Decisions, DeferredAnswer, RecordedEntry } from '../core/control/journal.ts';
import { isSecretName, REDACTED, redactValue, tokenFingerprint } from '../core/kernel/redact.ts';
import { PartsStream } from './parts-reply.ts';
import { isSharedPart } from '../core/massive/revisions/encode.ts';

/** The fingerprint of a request's bearer token: the journal never keeps one in clear. */
function tokenOf(header: string | undefined): string | null {
  const token = bearerToken(header);
  return token === undefined ? null : tokenFingerprint(token);
}

/** How a call ended, which the journal keeps beside the request. */
export interface CallOutcome {
  time: number;
  status: number;
  durationMs: number;
  decisions: Decisions;
}

/**
 * What the journal keeps of a call, whichever API it reached: its method, path, redacted query and
 * token's fingerprint, and its headers and body redacted and cut to `maxBytes`, with how it ended.
 * The answer is kept raw (bounded, credentials out) and redacted when the entry is first read.
 * Made as the one literal the journal copies (no record of the request spread into another).
 */
export function callRecord(request: FastifyRequest, maxBytes: number, outcome: CallOutcome): RecordedEntry {
  const { answered } = request;
  const url = request.url;
  const mark = url.indexOf('?');
  const captured = captureRequest(request.headers, request.body, maxBytes);
  return {
    time: outcome.time,
    method: request.method,
    path: mark === -1 ? url : url.slice(0, mark),
    query: keptQuery(request.query),
    token: tokenOf(request.headers.authorization),
    headers: shared(captured.headers, lastCaptured),
    body: captured.body,
    truncated: captured.truncated,
    response: answered ? rawAnswer(answered, maxBytes) : undefined,
    status: outcome.status,
    durationMs: outcome.durationMs,
    decisions: outcome.decisions,
  };
}

/**
 * The header sets seen lately, each kept once: a client sends the same headers call after call
 * (its host, agent, token), the emulator answers with the same few, and an entry's own copy of
 * them outlived the young collections like the rest of the entry (a `/ai/devices` entry: 792 B
 * kept alive, 509 B with its request's headers shared). Bounded: emptied when full.
 */
const headerSets = new Map<string, Readonly<Record<string, unknown>>>();
const MAX_HEADER_SETS = 256;

/**
 * The shared, frozen copy of a set of headers equal to these. Values are keyed as JSON, so that a
 * text never stands for a number or a list that reads the same (`"1"` and `1`, `["a"]` and the text
 * `["a"]`); a name holds no line break.
 */
function shared<T extends Record<string, unknown>>(headers: T, last: LastSet): T {
  if (sameAsLast(headers, last)) return last.set as T;
  let key = '';
  for (const name in headers) key += `${name}\n${JSON.stringify(headers[name])}\n`;
  let known = headerSets.get(key);
  if (!known) {
    if (headerSets.size >= MAX_HEADER_SETS) headerSets.clear();
    headerSets.set(key, (known = Object.freeze(headers)));
  }
  last.set = known;
  last.names = Object.keys(known);
  return known as T;
}

/**
 * The set a kind of headers (a request's, an answer's) last came to: calls in a row mostly send
 * and get the same, which a comparison finds without making the set's key (~2 µs a call).
 */
interface LastSet {
  set: Readonly<Record<string, unknown>>;
  names: readonly string[];
}

/**
 * Whether these headers are the last set's, name for name in the same order; values the same text,
 * number or flag (a list or other object is left to the key, which compares it by its JSON).
 */
function sameAsLast(headers: Record<string, unknown>, last: LastSet): boolean {
  let index = 0;
  for (const name in headers) {
    const value = headers[name];
    if (last.names[index] !== name || typeof value === 'object' || value !== last.set[name]) return false;
    index++;
  }
  return index === last.names.length;
}

const lastCaptured: LastSet = { set: {}, names: [] };
const lastAnswered: LastSet = { set: {}, names: [] };

/** The query every entry of a call without one shares: a listing's entries keep one object less each. */
const NO_QUERY: Readonly<Record<string, string | string[]>> = Object.freeze({});

/** A query as an entry keeps it: redacted, shared when empty or unchanged (redactValue). */
function keptQuery(query: unknown): Record<string, string | string[]> {
  if (query && typeof query === 'object')
    for (const _key in query) return redactValue(query) as Record<string, string | string[]>;
  return NO_QUERY;
}

interface Answered {
  headers: Record<string, unknown>;
  payload: unknown;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** What the request was answered, kept by reference until the journal records it. */
    answered: Answered | null;
  }
}

/** Keeps what a request is answered (an onSend hook's work): the app decorates requests with `answered`. */
export function keepAnswer(request: FastifyRequest, reply: FastifyReply, payload: unknown): void {
  request.answered = { headers: reply.getHeaders(), payload };
}

/**
 * The answer as the journal keeps it until read: its headers with credentials already out, and at
 * most the bytes its capture reads of the body. A Buffer is kept by reference when it pins little
 * more than itself (kept), else its head is copied, so that no entry pins a page; a long string's
 * head is copied too. A body kept as parts keeps its leading parts the same way, the shared chrome
 * by reference: that is most of a page's head, and copying it cost more than the rest of the entry.
 */
function rawAnswer({ headers, payload }: Answered, maxBytes: number): DeferredAnswer {
  // The headers are the answer's own copy (getHeaders): their credentials go now, in place.
  for (const name in headers) if (isSecretName(name)) headers[name] = REDACTED;
  const parts = payload instanceof PartsStream ? payload.body : undefined;
  const whole = parts
    ? parts.length <= maxBytes
    : (typeof payload === 'string' || Buffer.isBuffer(payload)) && payload.length <= maxBytes;
  let body: KeptBody;
  if (parts) body = leadingBytes(parts.parts, maxBytes + 4);
  else if (typeof payload === 'string')
    body = payload.length <= maxBytes + 1 ? payload : Buffer.from(payload.slice(0, maxBytes + 1));
  else if (Buffer.isBuffer(payload))
    body = kept(payload.length <= maxBytes + 4 ? payload : payload.subarray(0, maxBytes + 4));
  return new RawAnswer(shared(headers, lastAnswered), body, whole, maxBytes);
}

/** An answer's body as an entry keeps it until read. */
type KeptBody = string | Buffer | Buffer[] | undefined;

/**
 * An answer kept raw until read: an object, not a closure over the same four values, which with
 * its two contexts was a quarter of what an entry kept alive.
 */
class RawAnswer implements DeferredAnswer {
  readonly #headers: Record<string, unknown>;
  readonly #body: KeptBody;
  readonly #whole: boolean;
  readonly #maxBytes: number;
  constructor(headers: Record<string, unknown>, body: KeptBody, whole: boolean, maxBytes: number) {
    this.#headers = headers;
    this.#body = body;
    this.#whole = whole;
    this.#maxBytes = maxBytes;
  }
  read(): CapturedRequest {
    return captureAnswer(this.#headers, this.#body, this.#whole, this.#maxBytes);
  }
}

/** Bytes kept by reference if the memory they hold on to is at most twice theirs or one pool slab. */
function kept(bytes: Buffer): Buffer {
  return bytes.buffer.byteLength <= Math.max(2 * bytes.length, Buffer.poolSize) ? bytes : copyOf(bytes);
}

/** A copy with memory of its own (Buffer.copyBytesFrom copies byte by byte: ten times slower). */
function copyOf(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}

/**
 * The answer's headers and body, cut to the same budget as the request's. A stream (an SSE answer)
 * is not read back: only its headers are kept.
 */
function captureAnswer(
  headers: Record<string, unknown>,
  body: KeptBody,
  whole: boolean,
  maxBytes: number,
): CapturedRequest {
  const textHeaders: Record<string, string | string[]> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) textHeaders[name] = Array.isArray(value) ? value.map(String) : String(value);
  }
  const text =
    body === undefined ? undefined : Array.isArray(body) ? Buffer.concat(body).toString() : String(body);
  const captured = captureRequest(textHeaders, text, maxBytes);
  if (body !== undefined && !whole) captured.truncated = true;
  return captured;
}

/** The first `count` bytes of a body kept as parts, pinning nothing but the shared chrome. */
function leadingBytes(parts: readonly Buffer[], count: number): Buffer[] {
  const out: Buffer[] = [];
  let left = count;
  for (const part of parts) {
    if (left <= 0) break;
    const head = part.length <= left ? part : part.subarray(0, left);
    out.push(isSharedPart(part) ? head : kept(head));
    left -= part.length;
  }
  return out;
}
