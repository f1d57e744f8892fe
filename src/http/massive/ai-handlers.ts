import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { aiBatchSpec, type BatchBody } from '../../core/massive/async/batches.ts';
import type { CallDecision } from '../../core/control/decide.ts';
import { ApiError } from '../../core/massive/errors.ts';
import { deviceNames } from '../../core/massive/params/devices.ts';
import { parseAiRequest, type Query } from '../../core/massive/params/request.ts';
import type { Retrieved } from '../../core/massive/service.ts';
import { type Handler, tokenOf } from '../openapi-router.ts';
import { sendParts } from '../parts-reply.ts';
import { replyOf } from './answer-replies.ts';
import { sendApiError, setTextHeader } from '../reply.ts';
import {
  baseUrlOf,
  selfOf,
  batchReport,
  type CallFacts,
  devicesHandler,
  type HandlerContext,
  itemFaults,
  operation,
  owe,
} from './operations.ts';

/** The AI service's billed name in /usage. */
const AI_SERVICE = 'ai';

/** What the fault rules see of an AI call, and whether it is billed (a July id only asks). */
const aiFacts =
  (billed: (query: Record<string, unknown>) => boolean) =>
  (query: Record<string, unknown>): CallFacts => ({
    ...(billed(query) && { billed: AI_SERVICE }),
    facts: {
      ...(typeof query.model === 'string' && { model: query.model }),
      ...(typeof query.prompt === 'string' && { prompt: query.prompt }),
      ...(typeof query.country === 'string' && { country: query.country }),
    },
  });

const costOf = (context: HandlerContext, request: FastifyRequest) =>
  context.options.creditCost ?? request.revision.aiCredits;

/** A job's answer when it is due, else its status as the revision names it. */
async function sendRetrieved(
  context: HandlerContext,
  retrieved: Retrieved,
  request: FastifyRequest,
  reply: FastifyReply,
  statusCode: number,
): Promise<FastifyReply> {
  request.decisions.jobId = retrieved.job.id;
  if (retrieved.phase !== 'ready') {
    const status = request.revision.jobStatus(retrieved.phase) ?? 'retrieving';
    return reply.code(statusCode).send({ status });
  }
  const { contentType, body } = await replyOf(
    context.options.answerWorkers,
    retrieved.answer,
    retrieved.job.format,
    request.revision,
  );
  return sendParts(reply, contentType, body);
}

/** `GET /ai?mode=async`: queues the conversation (and its callback) and answers 202 `{id}`. */
function queueCompletion(
  context: HandlerContext,
  decision: CallDecision,
  request: FastifyRequest,
  reply: FastifyReply,
  call: ReturnType<typeof parseAiRequest> & { token: string },
  callback: string | undefined,
) {
  const { service, store } = context.options;
  const { token } = call;
  const job = store.transaction(() => {
    const queued = service.enqueue(
      token,
      call,
      { cost: costOf(context, request) },
      { failJob: decision.failJob },
    );
    if (callback !== undefined)
      owe(context, decision, { kind: 'job', id: queued.id }, callback, request, queued.readyAt);
    return queued;
  });
  request.decisions.jobId = job.id;
  request.decisions.credits = job.cost;
  return reply.code(202).send({ id: job.id });
}

/** `GET /ai` in sync mode: the answer (cached or fresh, after its latency), or 504 past the budget. */
async function answerCompletion(
  context: HandlerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  call: ReturnType<typeof parseAiRequest> & { token: string },
) {
  const { options } = context;
  const { decisions } = request;
  const answered = options.service.answer(call.token, call, { cost: costOf(context, request) });
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
  const { contentType, body } = await replyOf(
    options.answerWorkers,
    answered.answer,
    call.format,
    request.revision,
  );
  reply.header('x-mock-cache', answered.cache);
  // Nothing silent: an answer a canned fixture wrote says which (a hit was written by the same one).
  const fixture = options.fixtures?.find(call.conversation);
  if (fixture) {
    // The file's name, not the folder it was read from: `fixture <id>` for one added at run time.
    decisions.fixture = basename(fixture.origin);
    setTextHeader(reply, 'x-mock-fixture', decisions.fixture);
  }
  if (answered.cache === 'hit') reply.header('age', String(answered.ageSeconds));
  return sendParts(reply, contentType, body);
}

function getCompletion(context: HandlerContext): Handler {
  const billed = (query: Record<string, unknown>) => query.id === undefined;
  return operation(
    context,
    'getCompletion',
    aiFacts(billed),
    async (decision, apiContext, request, reply) => {
      const query = request.query as Query;
      // July: an id retrieves a queued conversation, and every other parameter is ignored.
      if (query.id !== undefined)
        return sendRetrieved(
          context,
          context.options.service.retrieve(tokenOf(apiContext), query.id),
          request,
          reply,
          context.routesOf(request).statusCodes['/ai'] ?? 200,
        );
      if (query.prompt === undefined)
        throw ApiError.invalid('prompt must be provided (or the id of a queued conversation)');
      const call = { ...parseAiRequest(query), token: tokenOf(apiContext) };
      if (call.notices.length) {
        request.decisions.notices = [...(request.decisions.notices ?? []), ...call.notices];
        setTextHeader(reply, 'x-mock-notice', call.notices);
      }
      // July: a callback is notified when the (prerequisite) async completion is retrieved.
      const callback = context.routesOf(request).takesCallback ? query.callback : undefined;
      if (callback !== undefined) {
        if (call.mode !== 'async') throw ApiError.invalid('callback requires mode=async');
        context.options.callbacks.screen(callback, selfOf(request));
      }
      if (call.mode === 'async') return queueCompletion(context, decision, request, reply, call, callback);
      return answerCompletion(context, request, reply, call);
    },
  );
}

function createBatch(context: HandlerContext): Handler {
  return operation(
    context,
    'createBatch',
    aiFacts(() => true),
    (decision, apiContext, request, reply) => {
      const { batches, service } = context.options;
      const token = tokenOf(apiContext);
      const body = request.body as BatchBody;
      if (body.callback !== undefined && body.callback !== null)
        context.options.callbacks.screen(body.callback, selfOf(request));
      const fired: string[] = [];
      const cost = costOf(context, request);
      const facts = aiFacts(() => false)(body).facts;
      const created = batches.create(token, aiBatchSpec(token, body, service, cost), baseUrlOf(request), {
        cost,
        failPrompt: itemFaults(context, 'createBatch', token, facts, fired),
        ...(decision.callback && { callbackFault: decision.callback }),
        rules: decision.fired,
      });
      const { decisions } = request;
      decisions.batchId = created.batch.id;
      decisions.credits = created.credits;
      if (fired.length) decisions.faults = [...(decisions.faults ?? []), ...fired];
      return reply.code(202).send({ id: created.batch.id, count: created.batch.count });
    },
  );
}

/**
 * `GET /ai`, `GET /ai/completions`, `GET /ai/devices` and July's batches, in whichever revision
 * routed the call: its price, its Completion shape, its job statuses and its error texts.
 */
export function aiHandlers(context: HandlerContext): Record<string, Handler> {
  const { service, batches } = context.options;
  return {
    getCompletion: getCompletion(context),
    getAsyncCompletion: operation(
      context,
      'getAsyncCompletion',
      aiFacts(() => false),
      (_d, apiContext, request, reply) =>
        sendRetrieved(
          context,
          service.retrieve(tokenOf(apiContext), (request.query as Query).id ?? ''),
          request,
          reply,
          context.routesOf(request).statusCodes['/ai/completions'] ?? 200,
        ),
    ),
    createBatch: createBatch(context),
    getBatch: batchReport(context, 'getBatch', batches.status),
    getBatchArchive: batchReport(context, 'getBatchArchive', batches.archive),
    listDevices: devicesHandler(context, 'listDevices', deviceNames),
  };
}
