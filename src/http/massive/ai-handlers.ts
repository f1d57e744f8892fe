import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from 'openapi-backend';
import { aiBatchSpec, type BatchBody } from '../../core/massive/async/batches.ts';
import { parseCallback } from '../../core/massive/async/callbacks.ts';
import type { CallDecision } from '../../core/control/decide.ts';
import { ApiError } from '../../core/massive/errors.ts';
import { drawLatency } from '../../core/massive/latency.ts';
import { deviceNames } from '../../core/massive/params/devices.ts';
import { parseAiRequest, type Query } from '../../core/massive/params/request.ts';
import { answerBody, type Retrieved } from '../../core/massive/service.ts';
import { type ApiRouteOptions, REVISION_PATH, type RevisionRoutes } from './revisions.ts';
import { type Handler, tokenOf } from '../openapi-router.ts';
import { type ControlledCall, controlled } from '../controlled.ts';
import { sendApiError, setTextHeader } from '../reply.ts';

/** What an operation no document has documents: nothing. */
const NONE: ReadonlyMap<number, string> = new Map();

/** The AI service's billed name in /usage. */
const AI_SERVICE = 'ai';

/** Where the caller reaches this emulator (and the revision prefix it used): what callbacks link to. */
function baseUrlOf(request: FastifyRequest): string {
  const prefix = REVISION_PATH.exec(request.url)?.[1];
  return `${request.protocol}://${request.headers.host ?? 'localhost'}${prefix ? `/revisions/${prefix}` : ''}`;
}

/**
 * `GET /ai`, `GET /ai/completions` and `GET /ai/devices`, in whichever revision routed the call:
 * its price, its Completion shape, its job statuses and its error texts.
 */
export function aiHandlers(
  options: ApiRouteOptions,
  routesOf: (request: FastifyRequest) => RevisionRoutes,
): Record<string, Handler> {
  const { service, faults, batches, callbacks, store } = options;
  let latencySequence = 0;
  let devicesBody: Buffer | undefined;

  const describe =
    (operation: string) =>
    (context: Context, request: FastifyRequest): ControlledCall => {
      // A batch's parameters are in its body; its prompts are decided one by one (createBatch).
      const query = (operation === 'createBatch' ? request.body : request.query) as Query;
      // A July id retrieves a queued call: only asking is billed.
      const billed = (operation === 'getCompletion' && query.id === undefined) || operation === 'createBatch';
      return {
        operation,
        token: tokenOf(context),
        ...(billed && { billed: AI_SERVICE }),
        documented: routesOf(request).errors[operation] ?? NONE,
        facts: {
          ...(typeof query.model === 'string' && { model: query.model }),
          ...(typeof query.prompt === 'string' && { prompt: query.prompt }),
          ...(typeof query.country === 'string' && { country: query.country }),
        },
      };
    };

  /** A forced status answers with the body the revision documents, and its `Retry-After` for 503. */
  const forcedAnswer = (
    call: ControlledCall,
    forced: { status: number; retryAfter?: number },
    _context: Context,
    request: FastifyRequest,
    reply: FastifyReply,
  ) => {
    const { revision, errors } = routesOf(request);
    if (forced.status === 503)
      return sendApiError(reply, ApiError.autoscaling(forced.retryAfter ?? revision.autoscalingSeconds));
    return sendApiError(reply, new ApiError(forced.status, errors[call.operation]?.get(forced.status) ?? ''));
  };

  const costOf = (request: FastifyRequest) => options.creditCost ?? request.revision.aiCredits;

  /** A job's answer when it is due, else its status as the revision names it. */
  function sendRetrieved(
    retrieved: Retrieved,
    request: FastifyRequest,
    reply: FastifyReply,
    statusCode: number,
  ): FastifyReply {
    request.decisions.jobId = retrieved.job.id;
    if (retrieved.phase !== 'ready') {
      const status = request.revision.jobStatus(retrieved.phase) ?? 'retrieving';
      return reply.code(statusCode).send({ status });
    }
    const { contentType, body } = answerBody(retrieved.answer, retrieved.job.format, request.revision);
    return reply.type(contentType).send(body);
  }

  /** Stores the notification a queued job or batch owes its callback, with what the rules impose. */
  const owe = (
    decision: CallDecision,
    subject: { kind: 'job' | 'batch'; id: string },
    target: string,
    request: FastifyRequest,
    finishedAt: number,
  ) =>
    callbacks.owe({
      subject,
      target,
      baseUrl: baseUrlOf(request),
      finishedAt,
      ...(decision.callback && { fault: decision.callback }),
      rules: decision.fired,
    });

  /** An operation behind the control plane, described and forced the same way as the others. */
  const operation = (name: string, handle: Parameters<typeof controlled>[3]) =>
    controlled(faults, describe(name), forcedAnswer, handle);

  /** `GET /ai/batches?id=` and its archive: a report on one of the caller's batches. */
  const batchReport = (name: string, report: (token: string, id: string) => unknown) =>
    operation(name, (_decision, context, request, reply) => {
      const id = (request.query as Query).id ?? '';
      request.decisions.batchId = id;
      return reply.send(report(tokenOf(context), id));
    });

  return {
    getCompletion: operation('getCompletion', async (decision, context, request, reply) => {
      const { decisions } = request;
      const token = tokenOf(context);
      const query = request.query as Query;
      // July: an id retrieves a queued conversation, and every other parameter is ignored.
      if (query.id !== undefined)
        return sendRetrieved(
          service.retrieve(token, query.id),
          request,
          reply,
          routesOf(request).statusCodes['/ai'] ?? 200,
        );
      if (query.prompt === undefined)
        throw ApiError.invalid('prompt must be provided (or the id of a queued conversation)');
      const call = parseAiRequest(query);
      if (call.notices.length) {
        decisions.notices = [...(decisions.notices ?? []), ...call.notices];
        setTextHeader(reply, 'x-mock-notice', call.notices);
      }
      const cost = costOf(request);
      // July: a callback is notified when the (prerequisite) async completion is retrieved.
      const callback = routesOf(request).takesCallback ? query.callback : undefined;
      if (callback !== undefined) {
        if (call.mode !== 'async') throw ApiError.invalid('callback requires mode=async');
        parseCallback(callback);
      }
      if (call.mode === 'async') {
        const job = store.transaction(() => {
          const queued = service.enqueue(token, call, { cost }, { failJob: decision.failJob });
          if (callback !== undefined)
            owe(decision, { kind: 'job', id: queued.id }, callback, request, queued.readyAt);
          return queued;
        });
        decisions.jobId = job.id;
        decisions.credits = job.cost;
        return reply.code(202).send({ id: job.id });
      }
      const answered = service.answer(token, call, {
        cost,
        latency: () =>
          drawLatency(options.latency.profile, call.conversation.model, {
            seed: options.seed,
            sequence: ++latencySequence,
            timeScale: options.latency.timeScale,
          }),
      });
      if (answered.delayMs > 0) {
        decisions.delayMs = (decisions.delayMs ?? 0) + answered.delayMs;
        await sleep(answered.delayMs);
      }
      if ('timedOut' in answered) {
        decisions.cache = 'miss';
        return sendApiError(reply, ApiError.of('timeout'));
      }
      decisions.cache = answered.cache;
      decisions.credits = answered.credits;
      const { contentType, body } = answerBody(answered.answer, call.format, request.revision);
      reply.header('x-mock-cache', answered.cache);
      if (answered.cache === 'hit') reply.header('age', String(answered.ageSeconds));
      return reply.type(contentType).send(body);
    }),
    getAsyncCompletion: operation('getAsyncCompletion', (_decision, context, request, reply) =>
      sendRetrieved(
        service.retrieve(tokenOf(context), (request.query as Query).id ?? ''),
        request,
        reply,
        routesOf(request).statusCodes['/ai/completions'] ?? 200,
      ),
    ),
    createBatch: operation('createBatch', (decision, context, request, reply) => {
      const token = tokenOf(context);
      const body = request.body as BatchBody;
      const fired: string[] = [];
      const cost = costOf(request);
      const created = batches.create(token, aiBatchSpec(token, body, service, cost), baseUrlOf(request), {
        cost,
        failPrompt: (promptIndex, prompt) => {
          const decided = faults.decide({
            operation: 'createBatch',
            token,
            requestKey: `createBatch ${token} ${promptIndex} ${prompt}`,
            prompt,
            ...(typeof body.model === 'string' && { model: body.model }),
            ...(typeof body.country === 'string' && { country: body.country }),
            promptIndex,
          });
          fired.push(...decided.fired.filter((id) => !fired.includes(id)));
          return decided.failJob;
        },
        ...(decision.callback && { callbackFault: decision.callback }),
        rules: decision.fired,
      });
      const { decisions } = request;
      decisions.batchId = created.batch.id;
      decisions.credits = created.credits;
      if (fired.length) decisions.faults = [...(decisions.faults ?? []), ...fired];
      return reply.code(202).send({ id: created.batch.id, count: created.batch.count });
    }),
    getBatch: batchReport('getBatch', batches.status),
    getBatchArchive: batchReport('getBatchArchive', batches.archive),
    listDevices: operation('listDevices', (_decision, _context, _request, reply) => {
      devicesBody ??= Buffer.from(JSON.stringify(deviceNames()));
      return reply.type('application/json; charset=utf-8').send(devicesBody);
    }),
  };
}
