import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BatchSpec } from '../../core/massive/async/batches.ts';
import type { CallDecision } from '../../core/control/decide.ts';
import { ApiError } from '../../core/massive/errors.ts';
import { drawServiceLatency } from '../../core/massive/latency.ts';
import { deviceNames } from '../../core/massive/params/devices.ts';
import {
  parseBrowserCall,
  parseSearchCall,
  type WebCall,
  type WebQuery,
  type WebService,
} from '../../core/massive/web/request.ts';
import type { WebRetrieved } from '../../core/massive/web/service.ts';
import { type Handler, tokenOf } from '../openapi-router.ts';
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

/** One of the two web services: its operations, paths, parameter rules and pace. */
interface WebKind {
  service: WebService;
  operations: {
    call: string;
    job: string;
    devices: string;
    createBatch: string;
    getBatch: string;
    archive: string;
  };
  paths: { call: string; job: string };
  /** The parameter a call names its subject with, and a batch's list of them. */
  input: 'terms' | 'url';
  items: readonly ('terms' | 'urls')[];
  parse(query: WebQuery): WebCall;
  /** Mean seconds of a live call (the guide: "may take up to 3 minutes"). */
  meanSeconds: number;
}

const SEARCH: WebKind = {
  service: 'search',
  operations: {
    call: 'search',
    job: 'getSearchResults',
    devices: 'listSearchDevices',
    createBatch: 'createSearchBatch',
    getBatch: 'getSearchBatch',
    archive: 'getSearchBatchArchive',
  },
  paths: { call: '/search', job: '/search/results' },
  input: 'terms',
  items: ['terms', 'urls'],
  parse: (query) => parseSearchCall(query),
  meanSeconds: 6,
};

const BROWSER: WebKind = {
  service: 'browser',
  operations: {
    call: 'browse',
    job: 'getBrowserContent',
    devices: 'listBrowserDevices',
    createBatch: 'createBrowserBatch',
    getBatch: 'getBrowserBatch',
    archive: 'getBrowserBatchArchive',
  },
  paths: { call: '/browser', job: '/browser/content' },
  input: 'url',
  items: ['urls'],
  parse: parseBrowserCall,
  meanSeconds: 4,
};

/** What the fault rules see of a web call (its terms or URL as the prompt); billed unless it only asks. */
const webFacts =
  (kind: WebKind, billed: (query: Record<string, unknown>) => boolean) =>
  (query: Record<string, unknown>): CallFacts => {
    const subject = query[kind.input];
    return {
      ...(billed(query) && { billed: kind.service }),
      facts: {
        ...(typeof subject === 'string' && { prompt: subject }),
        ...(typeof query.country === 'string' && { country: query.country }),
      },
    };
  };

function sendRetrieved(
  context: HandlerContext,
  retrieved: WebRetrieved,
  request: FastifyRequest,
  reply: FastifyReply,
  statusCode: number,
): FastifyReply {
  request.decisions.jobId = retrieved.job.id;
  if (retrieved.phase !== 'ready') {
    const status = request.revision.jobStatus(retrieved.phase) ?? 'retrieving';
    return reply.code(statusCode).send({ status });
  }
  const { contentType, body } = context.options.web.body(retrieved.answer, retrieved.call);
  return reply.type(contentType).send(body);
}

function noteNotices(request: FastifyRequest, reply: FastifyReply, notices: readonly string[]): void {
  if (!notices.length) return;
  request.decisions.notices = [...(request.decisions.notices ?? []), ...notices];
  setTextHeader(reply, 'x-mock-notice', notices);
}

/** A sync call: the page (cached or fresh, after its latency), or 504 past the budget. */
async function answerCall(
  context: HandlerContext,
  kind: WebKind,
  call: WebCall & { token: string },
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const { options } = context;
  const { decisions } = request;
  const answered = options.web.answer(call.token, call, {
    cost: call.multiplier,
    latency: () =>
      drawServiceLatency(options.latency.profile, kind.meanSeconds * call.speedFactor, {
        seed: options.seed,
        sequence: context.latencySequence(),
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
  const { contentType, body } = options.web.body(answered.answer, call);
  reply.header('x-mock-cache', answered.cache);
  if (answered.cache === 'hit') reply.header('age', String(answered.ageSeconds));
  return reply.type(contentType).send(body);
}

function queueCall(
  context: HandlerContext,
  decision: CallDecision,
  call: WebCall & { token: string; callback: string | undefined },
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const { web, store } = context.options;
  const job = store.transaction(() => {
    const queued = web.enqueue(call.token, call, call.multiplier, { failJob: decision.failJob });
    if (call.callback !== undefined)
      owe(context, decision, { kind: 'job', id: queued.id }, call.callback, request, queued.readyAt);
    return queued;
  });
  request.decisions.jobId = job.id;
  request.decisions.credits = job.cost;
  return reply.code(202).send({ id: job.id });
}

/** `GET /search` or `GET /browser`: July's id retrieves a queued call; else sync, or queued with `mode=async`. */
function callHandler(context: HandlerContext, kind: WebKind): Handler {
  const billed = (query: Record<string, unknown>) => query.id === undefined;
  return operation(
    context,
    kind.operations.call,
    webFacts(kind, billed),
    (decision, apiContext, request, reply) => {
      const query = request.query as WebQuery;
      const token = tokenOf(apiContext);
      const routes = context.routesOf(request);
      if (typeof query.id === 'string')
        return sendRetrieved(
          context,
          context.options.web.retrieve(token, query.id, kind.service),
          request,
          reply,
          routes.statusCodes[kind.paths.call] ?? 200,
        );
      const parsed = kind.parse(query);
      noteNotices(request, reply, parsed.notices);
      const callback = routes.callbackPaths.has(kind.paths.call)
        ? (query.callback as string | undefined)
        : undefined;
      if (callback !== undefined) {
        if (parsed.mode !== 'async') throw ApiError.invalid('callback requires mode=async');
        context.options.callbacks.screen(callback, selfOf(request));
      }
      const call = { ...parsed, token, callback };
      if (call.mode === 'async') return queueCall(context, decision, call, request, reply);
      return answerCall(context, kind, call, request, reply);
    },
  );
}

/** A batch body as the single call's query: its shared parameters, in text as a query gives them. */
function sharedQuery(body: Record<string, unknown>): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === 'terms' || name === 'urls' || name === 'callback') continue;
    query[name] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return query;
}

/** `POST /search/batches` or `POST /browser/batches`: each term or URL a queued call of its own. */
function batchHandler(context: HandlerContext, kind: WebKind): Handler {
  const name = kind.operations.createBatch;
  return operation(
    context,
    name,
    webFacts(kind, () => true),
    (decision, apiContext, request, reply) => {
      const { batches, web } = context.options;
      const token = tokenOf(apiContext);
      const body = request.body as Record<string, unknown>;
      const list = kind.items.find((key) => Array.isArray(body[key])) ?? kind.items[0];
      const items = (body[list ?? 'urls'] ?? []) as string[];
      const shared = sharedQuery(body);
      const parameter = list === 'terms' ? 'terms' : 'url';
      // Every item is checked before any is queued: one bad URL refuses the batch, as a bad parameter does.
      const calls = items.map((item) => kind.parse({ ...shared, [parameter]: item }));
      const callback = typeof body.callback === 'string' ? body.callback : null;
      if (callback !== null) context.options.callbacks.screen(callback, selfOf(request));
      const cost = calls[0]?.multiplier ?? 1;
      const spec: BatchSpec = {
        items,
        expiration: body.expiration === 0 ? 0 : 1,
        callback,
        service: kind.service,
        enqueue: (_item, failJob, batch) =>
          web.enqueue(token, calls[batch.batchIndex] as WebCall, cost, { failJob }, batch),
      };
      const fired: string[] = [];
      const facts = webFacts(kind, () => false)(body).facts;
      const created = batches.create(token, spec, baseUrlOf(request), {
        cost,
        failPrompt: itemFaults(context, name, token, facts, fired),
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

function kindHandlers(context: HandlerContext, kind: WebKind): Record<string, Handler> {
  const { web, batches } = context.options;
  const { operations } = kind;
  return {
    [operations.call]: callHandler(context, kind),
    [operations.job]: operation(
      context,
      operations.job,
      webFacts(kind, () => false),
      (_d, apiContext, request, reply) =>
        sendRetrieved(
          context,
          web.retrieve(tokenOf(apiContext), (request.query as { id?: string }).id ?? '', kind.service),
          request,
          reply,
          context.routesOf(request).statusCodes[kind.paths.job] ?? 200,
        ),
    ),
    [operations.devices]: devicesHandler(context, operations.devices, deviceNames),
    [operations.createBatch]: batchHandler(context, kind),
    [operations.getBatch]: batchReport(context, operations.getBatch, (token, id) =>
      batches.status(token, id, kind.service),
    ),
    [operations.archive]: batchReport(context, operations.archive, (token, id) =>
      batches.archive(token, id, kind.service),
    ),
  };
}

/** The Search and Browser services' operations, in whichever revision routed the call. */
export function webHandlers(context: HandlerContext): Record<string, Handler> {
  return { ...kindHandlers(context, SEARCH), ...kindHandlers(context, BROWSER) };
}
