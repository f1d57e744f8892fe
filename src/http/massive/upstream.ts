import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../../core/massive/errors.ts';
import type { Conversation } from '../../core/massive/conversation.ts';
import { parseAiRequest, type Query } from '../../core/massive/params/request.ts';
import {
  bodyDigest,
  makeRecording,
  normaliseQuery,
  RECORDED_HEADERS,
  type Recording,
  recordingBody,
  type RecordingIndex,
  requestKey,
  sameAnswer,
} from '../../core/control/recording.ts';
import type { Faults } from '../../core/control/faults.ts';
import type { Revision } from '../../core/massive/revisions/index.ts';
import { bearerToken } from '../../core/kernel/bearer.ts';
import { applyControl } from '../controlled.ts';
import { documentedErrors } from '../documented-errors.ts';
import { loadApiDocument, pathTemplateOf } from '../openapi-document.ts';
import { sendApiError, sendText } from '../reply.ts';

export interface UpstreamOptions {
  /** The real service's base URL; null: nothing is forwarded. */
  url: string | null;
  /** Where answers are recorded and replayed from; null: nothing is. */
  recordDir: string | null;
  /** A call with no recording is an error, never forwarded nor generated. */
  replayOnly: boolean;
  /** Record upstream failures (5xx, timeouts, refused connections) too. */
  recordFailures: boolean;
  timeoutMs: number;
  /** The fault rules, applied to these calls as to the emulator's own. */
  faults: Faults;
  recordings: RecordingIndex;
  /** Writes a recording (redacted already) to disk; returns where. Throws when it may not. */
  save: (recording: Recording) => string;
  /** The user's own canned answer for a conversation: a stub wins over the upstream. */
  ownFixture: (conversation: Conversation) => unknown;
  warn: (message: string, details?: Record<string, unknown>) => void;
}

/**
 * The request headers forwarded upstream: what the service reads. Never cookies, never the
 * emulator's own (`x-mock-session`, `prefer`), never a hop's.
 */
const FORWARDED_HEADERS = ['accept', 'accept-language', 'authorization', 'content-type', 'user-agent'];

/**
 * The largest upstream answer taken: the service's answers are tens of KiB; past this the body is
 * not read on (a 300 MB answer once held 1.35 GB), and the call is an upstream failure.
 */
export const UPSTREAM_BODY_BYTES = 8 * 1024 * 1024;

type Answer = { status: number; headers: Record<string, string>; body: Buffer };
type Failure = { reason: string; statuses: number[]; retryAfter?: number };

/** What one call is: its path, query, body digest and match key. */
interface Call {
  path: string;
  search: string;
  query: string;
  body: string | undefined;
  digest: string | undefined;
  key: string;
}

interface UpstreamContext {
  options: UpstreamOptions;
  errorsByRevision: Map<string, Record<string, ReadonlyMap<number, string>>>;
}

/** The operation a call is for in its revision, and the error bodies it documents. */
function documented(context: UpstreamContext, revision: Revision, method: string, path: string) {
  const document = loadApiDocument(revision);
  let errors = context.errorsByRevision.get(revision.id);
  if (!errors) context.errorsByRevision.set(revision.id, (errors = documentedErrors(document)));
  const template = pathTemplateOf(document, path);
  const operation = template
    ? (document.paths[template]?.[method.toLowerCase()] as { operationId?: string } | undefined)?.operationId
    : undefined;
  return { operation, bodies: (operation && errors[operation]) || new Map<number, string>() };
}

/** The documented answer of a status: 503 with its Retry-After, 500 and 504 from the catalogue. */
function documentedError(
  request: FastifyRequest,
  status: number,
  bodies: ReadonlyMap<number, string>,
  retryAfter?: number,
): ApiError {
  if (status === 503) return ApiError.autoscaling(retryAfter ?? request.revision.autoscalingSeconds);
  if (status === 504) return ApiError.of('timeout');
  return status === 500 ? ApiError.of('unknown') : new ApiError(status, bodies.get(status) ?? '');
}

/** An upstream failure as the first of its statuses the operation documents (500 otherwise). */
function failureAnswer(context: UpstreamContext, request: FastifyRequest, path: string, failure: Failure) {
  const { bodies } = documented(context, request.revision, request.method, path);
  const status = failure.statuses.find((candidate) => bodies.has(candidate)) ?? 500;
  return documentedError(request, status, bodies, failure.retryAfter);
}

/**
 * `Prefer` and the fault rules apply to recorded and forwarded calls too: a forced status is
 * answered here, and neither forwarded nor recorded. True when the call was answered so.
 */
async function forcedByControl(
  context: UpstreamContext,
  request: FastifyRequest,
  reply: FastifyReply,
  path: string,
): Promise<boolean> {
  const { operation, bodies } = documented(context, request.revision, request.method, path);
  if (!operation) return false;
  const query = request.query as Query;
  const decision = await applyControl(
    context.options.faults,
    {
      operation,
      token: bearerToken(request.headers.authorization) ?? '',
      documented: new Set(bodies.keys()),
      facts: {
        ...(query.model !== undefined && { model: query.model }),
        ...(query.prompt !== undefined && { prompt: query.prompt }),
        ...(query.country !== undefined && { country: query.country }),
      },
    },
    request,
    reply,
  );
  if (!decision.forced) return false;
  sendApiError(reply, documentedError(request, decision.forced.status, bodies, decision.forced.retryAfter));
  return true;
}

/** A GET /ai whose conversation a stub of the user answers: the emulator answers it then. */
function stubbed(context: UpstreamContext, request: FastifyRequest, path: string): boolean {
  const query = request.query as Query;
  if (path !== '/ai' || query.prompt === undefined || query.id !== undefined) return false;
  try {
    return Boolean(context.options.ownFixture(parseAiRequest(query).conversation));
  } catch {
    // Invalid parameters: the upstream (or a recording) says how it refuses them.
    return false;
  }
}

/** At most `limit` bytes of a body, read as it streams; undefined past that (the rest unread). */
async function boundedBody(response: Response, limit: number): Promise<Buffer | undefined> {
  const chunks: Uint8Array[] = [];
  const reader = response.body?.getReader();
  let size = 0;
  for (;;) {
    const { done, value } = (await reader?.read()) ?? { done: true, value: undefined };
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > limit) {
      await reader?.cancel();
      return undefined;
    }
    chunks.push(value);
  }
}

async function forward(
  context: UpstreamContext,
  request: FastifyRequest,
  call: Call,
): Promise<Answer | Failure> {
  const { options } = context;
  const headers = new Headers();
  for (const name of FORWARDED_HEADERS) {
    const value = request.headers[name];
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
      headers.append(name, item);
  }
  const target = `${(options.url ?? '').replace(/\/$/, '')}${call.path}${call.search}`;
  let response: Response;
  let bytes: Buffer | undefined;
  try {
    response = await fetch(target, {
      method: request.method,
      headers,
      ...(call.body !== undefined && { body: call.body }),
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    bytes = await boundedBody(response, UPSTREAM_BODY_BYTES);
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return timedOut
      ? { reason: `did not answer within ${options.timeoutMs} ms`, statuses: [504, 500] }
      : {
          reason: `could not be reached (${(error as { cause?: Error }).cause?.message ?? (error as Error).message})`,
          statuses: [503, 500],
        };
  }
  if (bytes === undefined)
    return {
      reason: `answered with a body over ${UPSTREAM_BODY_BYTES / 1024 / 1024} MiB`,
      statuses: [502, 500],
    };
  if (response.status >= 500) {
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      reason: `answered ${response.status}`,
      statuses: [response.status, 500],
      ...(Number.isInteger(retryAfter) && retryAfter >= 0 && { retryAfter }),
    };
  }
  const kept: Record<string, string> = {};
  for (const name of RECORDED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) kept[name] = value;
  }
  return { status: response.status, headers: kept, body: bytes };
}

const send = (reply: FastifyReply, answer: Answer) =>
  reply.code(answer.status).headers(answer.headers).send(answer.body);

/** What a call is matched by: its method, path, sorted query, and the digest of a body that decides. */
function callOf(request: FastifyRequest, path: string): Call {
  const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
  const query = normaliseQuery(search);
  const body =
    request.body === undefined || request.method === 'GET' || request.method === 'HEAD'
      ? undefined
      : typeof request.body === 'string' || Buffer.isBuffer(request.body)
        ? String(request.body)
        : JSON.stringify(request.body);
  const digest = body === undefined ? undefined : bodyDigest(body);
  return { path, search, query, body, digest, key: requestKey(request.method, path, query, digest) };
}

/**
 * The service checks the Authorization header before anything: a replay does too (no header is
 * a 401, anything but a bearer token a 403), whether or not the call was recorded.
 */
function refusedAuth(request: FastifyRequest, reply: FastifyReply): boolean {
  const header = request.headers.authorization;
  const error =
    header === undefined || header.trim() === ''
      ? ApiError.of('missingAuth')
      : bearerToken(header) === undefined
        ? ApiError.of('invalidToken')
        : undefined;
  if (error) sendApiError(reply, error);
  return error !== undefined;
}

/** An upstream failure answered as documented; what to record of it when failures are. */
function sendFailure(
  context: UpstreamContext,
  request: FastifyRequest,
  reply: FastifyReply,
  call: Call,
  failure: Failure,
): Answer | undefined {
  const error = failureAnswer(context, request, call.path, failure);
  const notice = `upstream ${failure.reason}`;
  context.options.warn(`the upstream ${context.options.url} ${failure.reason}`, { call: call.key });
  reply.header('x-mock-notice', notice);
  request.decisions.notices = [...(request.decisions.notices ?? []), notice];
  sendApiError(reply, error);
  if (!context.options.recordFailures) return undefined;
  return {
    status: error.status,
    headers: { 'content-type': 'text/plain; charset=utf-8', ...error.headers },
    body: Buffer.from(error.message),
  };
}

/**
 * Files an answer, unless it repeats the one a replay would give anyway (one file per distinct
 * answer, not per repeat) or the recording may not be written (too large): then a warning.
 */
function record(
  context: UpstreamContext,
  request: FastifyRequest,
  call: Call,
  sent: Answer,
  peeked: { previous?: Recording; occurrence: number },
): void {
  const { options } = context;
  const token = bearerToken(request.headers.authorization);
  const recorded = makeRecording(
    {
      method: request.method,
      path: call.path,
      query: call.query,
      occurrence: peeked.occurrence,
      ...(call.digest && { body: call.digest }),
    },
    sent,
    token ? [token] : [],
  );
  if (peeked.previous && sameAnswer(peeked.previous, recorded)) return;
  try {
    options.save(recorded);
    options.recordings.add(recorded);
  } catch (error) {
    options.warn(`not recorded: ${(error as Error).message}`, { call: call.key });
  }
}

/** Answers a call from a recording or the upstream, once it is known to be answered here. */
async function answer(context: UpstreamContext, request: FastifyRequest, reply: FastifyReply, call: Call) {
  const { options } = context;
  const peeked = options.recordings.peek(call.key, {
    repeatLast: options.url === null || options.replayOnly,
  });
  options.recordings.advance(call.key);
  if (peeked.recording) {
    request.decisions.replayed = 'recording';
    return send(reply, { ...peeked.recording.response, body: recordingBody(peeked.recording) });
  }
  if (options.replayOnly) {
    request.decisions.replayed = 'missing';
    return sendText(
      reply,
      501,
      `replay-only: no recording of ${call.key}; record it with --upstream <url> --record ${options.recordDir ?? '<dir>'}`,
    );
  }
  const forwarded = await forward(context, request, call);
  request.decisions.replayed = 'upstream';
  const sent = 'reason' in forwarded ? sendFailure(context, request, reply, call, forwarded) : forwarded;
  if (!('reason' in forwarded)) send(reply, forwarded);
  if (sent && options.recordDir !== null) record(context, request, call, sent, peeked);
}

/**
 * Record and replay in front of the emulated API: a call no stub answers is replayed from a
 * recording when one exists, else forwarded to the real service with the caller's credentials
 * (and recorded), else, in replay-only mode, refused with what to record. Upstream failures come
 * back as the operation's documented errors and are not recorded unless asked.
 */
export function createUpstream(options: UpstreamOptions) {
  const context: UpstreamContext = { options, errorsByRevision: new Map() };
  return {
    /** Answers the call from a recording or the upstream; false leaves it to the emulator. */
    async handle(request: FastifyRequest, reply: FastifyReply, path: string): Promise<boolean> {
      if (stubbed(context, request, path)) return false;
      const call = callOf(request, path);
      const { recording } = options.recordings.peek(call.key, {
        repeatLast: options.url === null || options.replayOnly,
      });
      if (!recording && options.url === null && !options.replayOnly) return false;
      // From here the call is answered here: authentication, then faults, as the emulator's own.
      if (refusedAuth(request, reply)) return true;
      if (await forcedByControl(context, request, reply, path)) return true;
      await answer(context, request, reply, call);
      return true;
    },
  };
}

export type Upstream = ReturnType<typeof createUpstream>;
