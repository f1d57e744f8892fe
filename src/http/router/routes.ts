import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../../core/massive/errors.ts';
import type { Authenticator } from '../../core/massive/accounts/auth.ts';
import type { Clock } from '../../core/kernel/clock.ts';
import type { FaultDecision, Faults } from '../../core/control/faults.ts';
import type { Decisions, Journal } from '../../core/control/journal.ts';
import type { LatencyProfile } from '../../core/massive/latency.ts';
import { decideCall } from '../../core/control/decide.ts';
import { parsePrefer } from '../../core/control/prefer.ts';
import type { Catalogue } from '../../core/router/catalogue.ts';
import { completionBody, type Completer } from '../../core/router/completion.ts';
import { RouterError } from '../../core/router/errors.ts';
import type { RateLimiter } from '../../core/router/rate-limit.ts';
import { type CompletionBody, parseCompletionBody } from '../../core/router/request.ts';
import { planStream, type StreamPlan } from '../../core/router/stream.ts';
import { drawTiming, totalMs } from '../../core/router/timing.ts';
import { loadTokenizer } from '../../core/router/tokenizer.ts';
import { type Handler, mountOpenApi, tokenOf } from '../openapi-router.ts';
import { applyDecision } from '../controlled.ts';
import { documentedErrors } from '../documented-errors.ts';
import { requestRecord } from '../journal-entry.ts';
import type { OpenApiDocument } from '../openapi-document.ts';
import { ROUTER_PREFIX } from './document.ts';
import { bodyValidationError } from './validation.ts';

export interface RouterRouteOptions {
  document: OpenApiDocument;
  authenticate: Authenticator;
  clock: Clock;
  faults: Faults;
  journal: Journal;
  seed: number;
  latency: { profile: LatencyProfile; timeScale: number };
  catalogue: Catalogue;
  completer: Completer;
  rateLimiter: RateLimiter;
  /** Bytes of headers and body a journal entry keeps (see core/capture.ts). */
  journalEntryBytes: number;
}

type Decided = FastifyRequest & { routerDecisions: Decisions };

function sendError(reply: FastifyReply, error: RouterError): FastifyReply {
  return reply
    .code(error.status)
    .headers(error.headers)
    .type('application/json; charset=utf-8')
    .send(error.body);
}

/** Fastify's own 4xx (malformed JSON, wrong content type, body too large) as the router's 400. */
function parserError(error: { code?: string; message: string }): RouterError {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return RouterError.invalid(null, 'The body must be JSON, sent with Content-Type: application/json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return RouterError.invalid(null, 'The request body is larger than 1 MiB');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return RouterError.invalid(null, 'The request body is empty; it must be a JSON object');
    default:
      return RouterError.invalid(null, `The request body is not valid JSON: ${error.message}`);
  }
}

/** The first text prompt of a completion: what fault rules match `prompt` and `promptRegex` on. */
function promptOf(body: Partial<CompletionBody> | undefined): string | undefined {
  const prompt = Array.isArray(body?.prompt)
    ? body.prompt.find((item) => typeof item === 'string')
    : body?.prompt;
  return typeof prompt === 'string' ? prompt : undefined;
}

/**
 * The LLM router API under /api/v1: routed and validated from its document, JSON errors, then a
 * per-key rate limit, `Prefer` and the fault rules, then the completion, as JSON or server-sent
 * events. Every request lands in the journal, streams when they end.
 */
export async function registerRouterRoutes(app: FastifyInstance, options: RouterRouteOptions): Promise<void> {
  const { clock, faults, journal, completer, catalogue, rateLimiter, document } = options;
  const statuses = documentedErrors(document);
  const streams = new Set<ServerResponse>();
  let sequence = 0;

  await app.register(async (router) => {
    // Only JSON bodies: anything else is refused by Fastify, and answered 400 below.
    router.removeContentTypeParser('text/plain');
    router.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
      if (error instanceof RouterError) return sendError(reply, error);
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
        return sendError(reply, parserError(error));
      request.log.error({ err: error }, 'unexpected error');
      return sendError(
        reply,
        new RouterError('server', 'The server had an error while processing your request'),
      );
    });
    router.decorateRequest('routerDecisions', null as unknown as Decisions);
    const arrivals = new WeakMap<FastifyRequest, number>();
    const recorded = new WeakSet<FastifyRequest>();
    const record = (request: FastifyRequest, status: number, durationMs: number) => {
      if (recorded.has(request)) return;
      recorded.add(request);
      journal.record({
        time: arrivals.get(request) ?? clock.now(),
        ...requestRecord(request, options.journalEntryBytes),
        status,
        durationMs: Math.round(durationMs * 100) / 100,
        decisions: (request as Decided).routerDecisions,
      });
    };
    router.addHook('onRequest', async (request) => {
      (request as Decided).routerDecisions = {};
      arrivals.set(request, clock.now());
    });
    router.addHook('onResponse', async (request, reply) =>
      record(request, reply.statusCode, reply.elapsedTime),
    );
    // Before the server waits for requests in flight: a stream waiting on a slow token would hold it.
    router.addHook('preClose', async () => {
      for (const res of streams) res.destroy();
    });

    /** Sends a planned stream: each event at its time, pausing on backpressure, stopping on disconnect. */
    function sendStream(request: FastifyRequest, reply: FastifyReply, plan: StreamPlan): FastifyReply {
      const decisions = (request as Decided).routerDecisions;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        ...(reply.getHeaders() as OutgoingHttpHeaders),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        'x-accel-buffering': 'no',
      });
      // The client learns at once that the stream started, even when its first token is slow.
      res.flushHeaders();
      streams.add(res);
      const started = performance.now();
      let next = 0;
      let timer: NodeJS.Timeout | undefined;
      let ended = false;
      const finish = (ending: 'done' | 'cut' | 'error' | 'disconnected') => {
        if (ended) return;
        ended = true;
        clearTimeout(timer);
        res.off('drain', pump);
        streams.delete(res);
        decisions.stream = { chunks: Math.min(next, plan.chunks), ending };
        record(request, 200, reply.elapsedTime);
      };
      res.once('close', () => finish('disconnected'));
      function pump(): void {
        timer = undefined;
        while (next < plan.events.length) {
          // Every event that is due goes in one write: an instant stream costs one syscall, not one per token.
          let due = '';
          const elapsed = performance.now() - started;
          while (next < plan.events.length && (plan.events[next]?.atMs ?? 0) - elapsed < 1) {
            due += plan.events[next]?.frame;
            next++;
          }
          if (due && !res.write(due)) {
            res.once('drain', pump);
            return;
          }
          if (next < plan.events.length) {
            timer = setTimeout(pump, (plan.events[next]?.atMs ?? 0) - (performance.now() - started));
            return;
          }
        }
        if (plan.ending === 'cut') {
          finish('cut');
          // end() on the socket sends what was written, then closes it: the chunked body never ends.
          res.socket?.end();
          return;
        }
        finish(plan.ending);
        res.end();
      }
      pump();
      return reply;
    }

    /** The rate limit, `Prefer: code=`/`delay=` and the fault rules, before an operation runs. */
    function controlled(
      operation: string,
      handle: (
        request: FastifyRequest,
        reply: FastifyReply,
        decision: FaultDecision,
        model: string | undefined,
      ) => Promise<FastifyReply>,
    ): Handler {
      return async (context, request, reply) => {
        const decisions = (request as Decided).routerDecisions;
        decisions.operation = operation;
        const token = tokenOf(context);
        const limit = rateLimiter.check(token);
        if (rateLimiter.enabled) {
          reply.headers({
            'x-ratelimit-limit-requests': String(limit.limit),
            'x-ratelimit-remaining-requests': String(limit.remaining),
            'x-ratelimit-reset-requests': `${Math.ceil(limit.resetMs / 1000)}s`,
          });
        }
        if (!limit.allowed) {
          const perMinute = `${limit.limit} request${limit.limit === 1 ? '' : 's'} per minute`;
          decisions.notices = [`rate limit of ${perMinute} reached`];
          return sendError(
            reply,
            RouterError.rateLimited(
              `Rate limit reached: ${perMinute} for this key; retry in ${Math.ceil(limit.resetMs / 1000)} s`,
              limit.resetMs,
            ),
          );
        }
        const body = request.body as Partial<CompletionBody> | undefined;
        const { decision, model, notices: fallbacks } = decide(operation, token, body);
        const call = decideCall({
          operation,
          prefer: parsePrefer(request.headers.prefer),
          faults: decision,
          documented: statuses[operation] ?? new Map(),
        });
        await applyDecision({ ...call, notices: [...fallbacks, ...call.notices] }, decisions, reply);
        if (call.forced)
          return sendError(reply, RouterError.forced(call.forced.status, call.forced.retryAfter));
        return handle(request, reply, decision, model);
      };
    }

    /**
     * The fault rules, as a router meets them: a completion's models are tried in order (`model`,
     * then `models`, those of the catalogue), and a 5xx a rule gives one of them falls back to the
     * next, as a router falls back when a provider fails. Delays add up; the last model tried answers.
     */
    function decide(operation: string, token: string, body: Partial<CompletionBody> | undefined) {
      const asked = [body?.model, ...(body?.models ?? [])].filter(
        (id): id is string => typeof id === 'string',
      );
      const known = asked.filter((id) => catalogue.has(id));
      const candidates = operation === 'createCompletion' && known.length ? known : [asked[0]];
      const prompt = promptOf(body);
      const fired: string[] = [];
      const notices: string[] = [];
      let delayMs = 0;
      for (let index = 0; ; index++) {
        const model = candidates[index];
        const decision = faults.decide({
          operation,
          token,
          requestKey: `${operation} ${token} ${JSON.stringify(body ?? {})}`,
          ...(model !== undefined && { model }),
          ...(prompt !== undefined && { prompt }),
        });
        fired.push(...decision.fired);
        delayMs += decision.delayMs;
        const next = candidates[index + 1];
        if (!decision.error || decision.error.status < 500 || next === undefined) {
          return { decision: { ...decision, fired, delayMs }, model, notices };
        }
        notices.push(`${model} failed with ${decision.error.status}: fell back to ${next}`);
      }
    }

    const handlers: Record<string, Handler> = {
      notFound: (_context, request, reply) =>
        sendError(
          reply,
          new RouterError('notFound', `Route ${request.method} ${request.url.split('?')[0]} was not found`),
        ),
      methodNotAllowed: (_context, request, reply) =>
        sendError(reply, new RouterError('methodNotAllowed', `Method ${request.method} is not allowed here`)),
      unauthorizedHandler: (context, _request, reply) => {
        const failure = (context.security?.bearerAuth as { error?: unknown } | undefined)?.error;
        const missing = failure instanceof ApiError && failure.status === 401;
        return sendError(
          reply,
          new RouterError(
            'invalidApiKey',
            missing
              ? 'Missing bearer authentication in header: send Authorization: Bearer <key>'
              : 'Incorrect API key provided',
          ),
        );
      },
      validationFail: (context, _request, reply) =>
        sendError(reply, bodyValidationError(context.validation.errors)),
      listModels: controlled('listModels', async (_request, reply) =>
        reply.send({ object: 'list', data: catalogue.list() }),
      ),
      createCompletion: controlled('createCompletion', async (request, reply, decision, model) => {
        const decisions = (request as Decided).routerDecisions;
        const tokenizer = await loadTokenizer();
        const parsed = parseCompletionBody(request.body as CompletionBody, tokenizer);
        // The model the fault rules left standing answers (the first known one when none failed).
        const call = model !== undefined && catalogue.has(model) ? { ...parsed, model, models: [] } : parsed;
        const completion = completer.complete(call, tokenizer, clock.now());
        decisions.model = completion.model.id;
        decisions.usage = completion.usage;
        const timing = drawTiming(options.latency.profile, {
          seed: options.seed,
          sequence: ++sequence,
          timeScale: options.latency.timeScale,
        });
        if (call.stream) {
          const plan = planStream(completion, {
            includeUsage: call.includeUsage,
            timing,
            ...(decision.stream && { fault: decision.stream }),
          });
          return sendStream(request, reply, plan);
        }
        const wait = totalMs(
          timing,
          Math.max(0, ...completion.choices.map((choice) => choice.pieces.length)),
        );
        if (wait > 0) {
          decisions.delayMs = (decisions.delayMs ?? 0) + wait;
          await sleep(wait);
        }
        return reply.send(completionBody(completion));
      }),
    };

    await mountOpenApi(router, {
      prefix: `${ROUTER_PREFIX}/`,
      document,
      handlers,
      security: { bearerAuth: (request) => options.authenticate(request.headers.authorization) },
    });
  });
}
