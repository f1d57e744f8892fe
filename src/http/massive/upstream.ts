import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../../core/massive/errors.ts';
import type { Conversation } from '../../core/massive/conversation.ts';
import { parseAiRequest, type Query } from '../../core/massive/params/request.ts';
import {
  makeRecording,
  normaliseQuery,
  RECORDED_HEADERS,
  type Recording,
  recordingBody,
  type RecordingIndex,
  requestKey,
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
  /** Writes a recording (redacted already) to disk; returns where. */
  save: (recording: Recording) => string;
  /** The user's own canned answer for a conversation: a stub wins over the upstream. */
  ownFixture: (conversation: Conversation) => unknown;
  warn: (message: string, details?: Record<string, unknown>) => void;
}

/** Request headers that belong to one hop, not to the call: never forwarded. */
const HOP_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'te',
  'trailer',
]);

type Answer = { status: number; headers: Record<string, string>; body: Buffer };
type Failure = { reason: string; statuses: number[]; retryAfter?: number };

/**
 * Record and replay in front of the emulated API: a call no stub answers is replayed from a
 * recording when one exists, else forwarded to the real service with the caller's credentials
 * (and recorded), else, in replay-only mode, refused with what to record. Upstream failures come
 * back as the operation's documented errors and are not recorded unless asked.
 */
export function createUpstream(options: UpstreamOptions) {
  const errorsByRevision = new Map<string, Record<string, ReadonlyMap<number, string>>>();

  /** The operation a call is for in its revision, and the error bodies it documents. */
  function documented(revision: Revision, method: string, path: string) {
    const document = loadApiDocument(revision);
    let errors = errorsByRevision.get(revision.id);
    if (!errors) errorsByRevision.set(revision.id, (errors = documentedErrors(document)));
    const template = pathTemplateOf(document, path);
    const operation = template
      ? (document.paths[template]?.[method.toLowerCase()] as { operationId?: string } | undefined)
          ?.operationId
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
  function failureAnswer(request: FastifyRequest, path: string, failure: Failure): ApiError {
    const { bodies } = documented(request.revision, request.method, path);
    const status = failure.statuses.find((candidate) => bodies.has(candidate)) ?? 500;
    return documentedError(request, status, bodies, failure.retryAfter);
  }

  /**
   * `Prefer` and the fault rules apply to recorded and forwarded calls too: a forced status is
   * answered here, and neither forwarded nor recorded. True when the call was answered so.
   */
  async function forcedByControl(
    request: FastifyRequest,
    reply: FastifyReply,
    path: string,
  ): Promise<boolean> {
    const { operation, bodies } = documented(request.revision, request.method, path);
    if (!operation) return false;
    const query = request.query as Query;
    const decision = await applyControl(
      options.faults,
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
  function stubbed(request: FastifyRequest, path: string): boolean {
    const query = request.query as Query;
    if (path !== '/ai' || query.prompt === undefined || query.id !== undefined) return false;
    try {
      return Boolean(options.ownFixture(parseAiRequest(query).conversation));
    } catch {
      // Invalid parameters: the upstream (or a recording) says how it refuses them.
      return false;
    }
  }

  async function forward(request: FastifyRequest, path: string, search: string): Promise<Answer | Failure> {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined || HOP_HEADERS.has(name)) continue;
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    }
    const body =
      request.body === undefined || request.method === 'GET' || request.method === 'HEAD'
        ? undefined
        : typeof request.body === 'string' || Buffer.isBuffer(request.body)
          ? request.body
          : JSON.stringify(request.body);
    const target = `${(options.url ?? '').replace(/\/$/, '')}${path}${search}`;
    let response: Response;
    let bytes: Buffer;
    try {
      response = await fetch(target, {
        method: request.method,
        headers,
        ...(body !== undefined && { body }),
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      bytes = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      return timedOut
        ? { reason: `did not answer within ${options.timeoutMs} ms`, statuses: [504, 500] }
        : {
            reason: `could not be reached (${(error as { cause?: Error }).cause?.message ?? (error as Error).message})`,
            statuses: [503, 500],
          };
    }
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

  return {
    /** Answers the call from a recording or the upstream; false leaves it to the emulator. */
    async handle(request: FastifyRequest, reply: FastifyReply, path: string): Promise<boolean> {
      if (stubbed(request, path)) return false;
      const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const query = normaliseQuery(search);
      const key = requestKey(request.method, path, query);
      // Recording, each answer is replayed once and the next one fetched; replaying, the last repeats.
      const { recording, occurrence } = options.recordings.peek(key, {
        repeatLast: options.url === null || options.replayOnly,
      });
      if (!recording && options.url === null && !options.replayOnly) return false;
      // From here the call is answered here: faults first, as the emulator's own calls get them.
      if (await forcedByControl(request, reply, path)) return true;
      options.recordings.advance(key);
      if (recording) {
        request.decisions.replayed = 'recording';
        send(reply, { ...recording.response, body: recordingBody(recording) });
        return true;
      }
      if (options.replayOnly) {
        request.decisions.replayed = 'missing';
        sendText(
          reply,
          501,
          `replay-only: no recording of ${key}; record it with --upstream <url> --record ${options.recordDir ?? '<dir>'}`,
        );
        return true;
      }
      const answer = await forward(request, path, search);
      request.decisions.replayed = 'upstream';
      let sent: Answer;
      if ('reason' in answer) {
        const error = failureAnswer(request, path, answer);
        const notice = `upstream ${answer.reason}`;
        options.warn(`the upstream ${options.url} ${answer.reason}`, { call: key });
        reply.header('x-mock-notice', notice);
        request.decisions.notices = [...(request.decisions.notices ?? []), notice];
        sendApiError(reply, error);
        if (!options.recordFailures) return true;
        sent = {
          status: error.status,
          headers: { 'content-type': 'text/plain; charset=utf-8', ...error.headers },
          body: Buffer.from(error.message),
        };
      } else {
        send(reply, answer);
        sent = answer;
      }
      if (options.recordDir !== null) {
        const recorded = makeRecording({ method: request.method, path, query, occurrence }, sent);
        options.recordings.add(recorded);
        options.save(recorded);
      }
      return true;
    },
  };
}

export type Upstream = ReturnType<typeof createUpstream>;
