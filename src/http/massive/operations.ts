import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from 'openapi-backend';
import type { CallDecision } from '../../core/control/decide.ts';
import { ApiError } from '../../core/massive/errors.ts';
import { type ControlledCall, controlled } from '../controlled.ts';
import { type Handler, tokenOf } from '../openapi-router.ts';
import { sendApiError } from '../reply.ts';
import { type ApiRouteOptions, REVISION_PATH, type RevisionRoutes } from './revisions.ts';

/** What every service's handlers are built from: the route options and each call's revision. */
export interface HandlerContext {
  options: ApiRouteOptions;
  routesOf: (request: FastifyRequest) => RevisionRoutes;
  /** The number of the next fresh answer's latency draw, counted across the services. */
  latencySequence: () => number;
}

/** What an operation no document has documents: nothing. */
const NONE: ReadonlyMap<number, string> = new Map();

/** Which service a call bills (for /usage), and what the fault rules see of it. */
export interface CallFacts {
  billed?: string;
  facts: ControlledCall['facts'];
}

/** Where the caller reaches this emulator (and the revision prefix it used): what callbacks link to. */
export function baseUrlOf(request: FastifyRequest): string {
  const prefix = REVISION_PATH.exec(request.url)?.[1];
  return `${request.protocol}://${request.headers.host ?? 'localhost'}${prefix ? `/revisions/${prefix}` : ''}`;
}

/** Where this request reached the emulator: a callback may not aim there. */
export const selfOf = (request: FastifyRequest) => ({
  host: request.hostname,
  port: request.socket.localPort ?? 0,
});

/**
 * A forced status answers with the body the revision documents, and the `Retry-After` its text
 * names for 503 and 429.
 */
function forcedAnswer(
  context: HandlerContext,
  call: ControlledCall,
  forced: { status: number; retryAfter?: number },
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const { revision, errors } = context.routesOf(request);
  if (forced.status === 503)
    return sendApiError(reply, ApiError.autoscaling(forced.retryAfter ?? revision.autoscalingSeconds));
  const text = errors[call.operation]?.get(forced.status) ?? '';
  const seconds = forced.status === 429 ? (forced.retryAfter ?? /(\d+) seconds/.exec(text)?.[1]) : undefined;
  return sendApiError(
    reply,
    new ApiError(forced.status, text, seconds === undefined ? {} : { 'retry-after': String(seconds) }),
  );
}

/** An operation behind the control plane: described, decided and forced the same way for every service. */
export function operation(
  context: HandlerContext,
  name: string,
  factsOf: (query: Record<string, unknown>) => CallFacts,
  handle: Parameters<typeof controlled>[3],
): Handler {
  const describe = (apiContext: Context, request: FastifyRequest): ControlledCall => {
    // A batch's parameters are in its body.
    const query = (request.method === 'POST' ? request.body : request.query) as Record<string, unknown>;
    const { billed, facts } = factsOf(query ?? {});
    return {
      operation: name,
      token: tokenOf(apiContext),
      ...(billed && { billed }),
      documented: context.routesOf(request).errors[name] ?? NONE,
      facts,
    };
  };
  return controlled(
    context.options.faults,
    describe,
    (call, forced, _apiContext, request, reply) => forcedAnswer(context, call, forced, request, reply),
    handle,
  );
}

/** Stores the notification a queued job or batch owes its callback, with what the rules impose. */
export function owe(
  context: HandlerContext,
  decision: CallDecision,
  subject: { kind: 'job' | 'batch'; id: string },
  target: string,
  request: FastifyRequest,
  finishedAt: number,
): void {
  context.options.callbacks.owe({
    subject,
    target,
    baseUrl: baseUrlOf(request),
    finishedAt,
    ...(decision.callback && { fault: decision.callback }),
    rules: decision.fired,
  });
}

/** A free report (`GET /<service>/batches?id=`, its archive): what `report` says of one of the caller's batches. */
export function batchReport(
  context: HandlerContext,
  name: string,
  report: (token: string, id: string) => unknown,
): Handler {
  return operation(
    context,
    name,
    () => ({ facts: {} }),
    (_decision, apiContext, request, reply) => {
      const id = (request.query as { id?: string }).id ?? '';
      request.decisions.batchId = id;
      return reply.send(report(tokenOf(apiContext), id));
    },
  );
}

/** Decides each item of a batch with the fault rules, as the call itself was: the rules that fired are kept. */
export function itemFaults(
  context: HandlerContext,
  name: string,
  token: string,
  facts: ControlledCall['facts'],
  fired: string[],
) {
  return (promptIndex: number, item: string): boolean => {
    const decided = context.options.faults.decide({
      operation: name,
      token,
      requestKey: `${name} ${token} ${promptIndex} ${item}`,
      ...facts,
      prompt: item,
      promptIndex,
    });
    fired.push(...decided.fired.filter((id) => !fired.includes(id)));
    return decided.failJob;
  };
}

/** `GET /<service>/devices`: the device catalogue, encoded once. */
export function devicesHandler(
  context: HandlerContext,
  name: string,
  names: () => readonly string[],
): Handler {
  let body: Buffer | undefined;
  return operation(
    context,
    name,
    () => ({ facts: {} }),
    (_decision, _apiContext, _request, reply) => {
      body ??= Buffer.from(JSON.stringify(names()));
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );
}
