import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from 'openapi-backend';
import type { Authenticator } from '../core/auth.ts';
import type { Clock } from '../core/clock.ts';
import { ApiError } from '../core/errors.ts';
import type { FaultDecision, Faults } from '../core/faults.ts';
import type { Decisions, Journal } from '../core/journal.ts';
import { drawLatency, type LatencyProfile } from '../core/latency.ts';
import { deviceNames } from '../core/params/devices.ts';
import { parseAiRequest, type Query } from '../core/params/request.ts';
import { parsePrefer } from '../core/prefer.ts';
import { answerBody, type MassiveService } from '../core/service.ts';
import { type Handler, mountOpenApi, routingHandlers } from './backend.ts';
import { documentedErrors } from './documented-errors.ts';
import type { OpenApiDocument } from './openapi-document.ts';
import { sendApiError, setTextHeader } from './reply.ts';
import { describeValidationError } from './validation-message.ts';

export interface ApiRouteOptions {
  document: OpenApiDocument;
  service: MassiveService;
  authenticate: Authenticator;
  clock: Clock;
  faults: Faults;
  journal: Journal;
  seed: number;
  latency: { profile: LatencyProfile; timeScale: number };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** What the emulator decided, for the journal. */
    decisions: Decisions;
  }
}

const tokenOf = (context: Context): string => context.security?.bearerAuth as string;
const bearerOf = (header: string | undefined) => /^Bearer +(\S+)/i.exec(header ?? '')?.[1] ?? null;

/**
 * The emulated API: routed and validated from its OpenAPI document, then every call passes the
 * control plane (a `Prefer` header, fault rules, latency) before the service answers it. Every
 * request lands in the journal with what was decided.
 */
export async function registerApiRoutes(app: FastifyInstance, options: ApiRouteOptions): Promise<void> {
  const { service, faults, journal, clock, document } = options;
  const errors = documentedErrors(document);
  let latencySequence = 0;
  let devicesBody: Buffer | undefined;

  /** The documented answer for a forced status: its body, and `Retry-After` for 503. */
  function forcedError(operation: string, status: number, retryAfter?: number): ApiError {
    if (status === 503) {
      const documented = Number(/(\d+) seconds/.exec(errors[operation]?.get(503) ?? '')?.[1] ?? 180);
      return ApiError.autoscaling(retryAfter ?? documented);
    }
    return new ApiError(status, errors[operation]?.get(status) ?? '');
  }

  /**
   * Wraps an operation: `Prefer: code=`/`delay=` and the fault rules may answer for it or delay it.
   * Only statuses the operation documents can be forced.
   */
  function controlled(
    operation: string,
    handle: (...args: [...Parameters<Handler>, decision: FaultDecision]) => ReturnType<Handler>,
  ): Handler {
    return async (context, request, reply) => {
      const decisions = request.decisions;
      decisions.operation = operation;
      const query = request.query as Query;
      const prefer = parsePrefer(request.headers.prefer);
      const decision = faults.decide({
        operation,
        token: tokenOf(context),
        requestKey: `${operation} ${tokenOf(context)} ${request.url}`,
        ...(query.model !== undefined && { model: query.model }),
        ...(query.prompt !== undefined && { prompt: query.prompt }),
        ...(query.country !== undefined && { country: query.country }),
      });
      if (decision.fired.length) decisions.faults = decision.fired;
      if (prefer.ignored.length)
        setTextHeader(reply, 'x-mock-notice', `Prefer ignored: ${prefer.ignored.join(', ')}`);
      const delayMs = (prefer.delayMs ?? 0) + decision.delayMs;
      if (delayMs > 0) {
        decisions.delayMs = delayMs;
        await sleep(delayMs);
      }
      const forcedStatus =
        prefer.code !== undefined && errors[operation]?.has(prefer.code) ? prefer.code : undefined;
      if (prefer.code !== undefined && forcedStatus === undefined && prefer.code >= 400) {
        reply.header(
          'x-mock-notice',
          `Prefer code=${prefer.code} ignored: ${operation} does not document it`,
        );
      }
      if (forcedStatus !== undefined) {
        decisions.faults = [...(decisions.faults ?? []), `Prefer: code=${forcedStatus}`];
        return sendApiError(reply, forcedError(operation, forcedStatus));
      }
      if (decision.error)
        return sendApiError(reply, forcedError(operation, decision.error.status, decision.error.retryAfter));
      return handle(context, request, reply, decision);
    };
  }

  const handlers: Record<string, Handler> = {
    ...routingHandlers(document),
    unauthorizedHandler: (context, _request, reply) => {
      const failure = (context.security?.bearerAuth as { error?: unknown } | undefined)?.error;
      return sendApiError(reply, failure instanceof ApiError ? failure : ApiError.of('invalidToken'));
    },
    validationFail: (context, _request, reply) => {
      const [first] = context.validation.errors ?? [];
      return sendApiError(
        reply,
        ApiError.invalid(first ? describeValidationError(first) : 'parameters are invalid'),
      );
    },
    getCompletion: controlled('getCompletion', async (context, request, reply, decision) => {
      const { decisions } = request;
      const token = tokenOf(context);
      const call = parseAiRequest(request.query as Query);
      if (call.notices.length) {
        decisions.notices = [...(decisions.notices ?? []), ...call.notices];
        setTextHeader(reply, 'x-mock-notice', call.notices);
      }
      if (call.mode === 'async') {
        const job = service.enqueue(token, call, { failJob: decision.failJob });
        decisions.jobId = job.id;
        decisions.credits = job.cost;
        return reply.code(202).send({ id: job.id });
      }
      const answered = service.answer(token, call);
      decisions.cache = answered.cache;
      decisions.credits = answered.credits;
      if (answered.cache === 'miss') {
        const draw = drawLatency(options.latency.profile, call.conversation.model, {
          seed: options.seed,
          sequence: ++latencySequence,
          timeScale: options.latency.timeScale,
        });
        if (draw.delayMs > 0) {
          decisions.delayMs = (decisions.delayMs ?? 0) + draw.delayMs;
          await sleep(draw.delayMs);
        }
        if (draw.timedOut) return sendApiError(reply, ApiError.of('timeout'));
      }
      const { contentType, body } = answerBody(answered.answer, call.format);
      reply.header('x-mock-cache', answered.cache);
      if (answered.cache === 'hit') reply.header('age', String(answered.ageSeconds));
      return reply.type(contentType).send(body);
    }),
    getAsyncCompletion: controlled('getAsyncCompletion', (context, request, reply) => {
      const retrieved = service.retrieve(tokenOf(context), (request.query as Query).id ?? '');
      request.decisions.jobId = retrieved.job.id;
      if (retrieved.state !== 'ready') return reply.code(202).send({ status: retrieved.state });
      const { contentType, body } = answerBody(retrieved.answer, retrieved.job.format);
      return reply.type(contentType).send(body);
    }),
    listDevices: controlled('listDevices', (_context, _request, reply) => {
      devicesBody ??= Buffer.from(JSON.stringify(deviceNames()));
      return reply.type('application/json; charset=utf-8').send(devicesBody);
    }),
  };

  await app.register(async (api) => {
    api.decorateRequest('decisions', null as unknown as Decisions);
    const arrivals = new WeakMap<FastifyRequest, number>();
    api.addHook('onRequest', async (request) => {
      request.decisions = {};
      arrivals.set(request, clock.now());
    });
    api.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
      journal.record({
        time: arrivals.get(request) ?? clock.now(),
        method: request.method,
        path: request.url.split('?', 1)[0] ?? '/',
        query: { ...(request.query as Record<string, string | string[]>) },
        token: bearerOf(request.headers.authorization),
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 100) / 100,
        decisions: request.decisions,
      });
    });
    await mountOpenApi(api, {
      prefix: '/',
      document,
      handlers,
      security: { bearerAuth: (request) => options.authenticate(request.headers.authorization) },
    });
  });
}
