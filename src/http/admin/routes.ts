import type { FastifyInstance } from 'fastify';
import { isAdminToken } from '../../core/kernel/bearer.ts';
import { ClockRangeError } from '../../core/kernel/errors.ts';
import type { Bundle } from '../../core/massive/bundle.ts';
import type { Control } from '../../core/massive/control-plane.ts';
import { ApiError } from '../../core/massive/errors.ts';
import { FaultRuleError } from '../../core/control/errors.ts';
import type { FaultRuleInput } from '../../core/control/faults.ts';
import type { RuntimeFixtureInput } from '../../core/massive/fixture-registry.ts';
import { FixtureError } from '../../core/kernel/canned-match.ts';
import type { JournalFilter } from '../../core/control/journal.ts';
import { describeSchemaError } from '../../core/kernel/schema-errors.ts';
import type { Store } from '../../core/massive/store.ts';
import {
  type CountExpectation,
  type RequestMatch,
  VerificationError,
  verifyRequests,
} from '../../core/control/verify.ts';
import { type Handler, mountOpenApi, routingHandlers } from '../openapi-router.ts';
import type { OpenApiDocument } from '../openapi-document.ts';
import { sendText } from '../reply.ts';
import { describeValidationError } from '../validation-message.ts';
import { usageChart } from './usage-chart.ts';

export const ADMIN_PREFIX = '/__admin/';

export interface AdminRouteOptions {
  /** Read with the first call under /__admin/ (or the docs' first visit), not at start. */
  document: () => OpenApiDocument;
  control: Control;
  store: Store;
  adminToken: string | null;
  version: string;
  /** The instance's state in one file. */
  bundle: () => Bundle;
  /** The open sessions (X-Mock-Session); an instance that is a session has none. */
  sessions: { names(): string[]; close(name: string): Promise<boolean> };
}

type Params = Record<string, string>;
type Query = Record<string, string | undefined>;
const numberOrUndefined = (value: string | undefined) => (value === undefined ? undefined : Number(value));

type AdminReply = Parameters<Handler>[2];

const paramsOf = (context: Parameters<Handler>[0]) => context.request.params as Params;

function answerOrText(
  reply: AdminReply,
  act: () => unknown,
  errors: readonly (new (...args: never[]) => Error)[],
) {
  try {
    return reply.send(act());
  } catch (error) {
    if (error instanceof ApiError) return sendText(reply, error.status, error.message);
    if (errors.some((kind) => error instanceof kind)) return sendText(reply, 400, (error as Error).message);
    throw error;
  }
}

/** Routing failures, and what says whether the emulator is up: health, readiness, reset, the clock. */
function stateHandlers(options: AdminRouteOptions): Record<string, Handler> {
  const { control, store } = options;
  const startedAt = performance.now();
  const clockView = () => {
    const now = control.clock.now();
    return { now, iso: new Date(now).toISOString(), frozen: control.clock.frozen };
  };
  return {
    unauthorizedHandler: (_context, _request, reply) =>
      sendText(reply, 401, 'The admin API requires the admin token as a bearer token'),
    validationFail: (context, _request, reply) => {
      const [first] = context.validation.errors ?? [];
      if (!first) return sendText(reply, 400, 'the request is invalid');
      // A body is described field by field like a fault rule from a file; a query like the API's.
      const body = first.instancePath.startsWith('/requestBody');
      return sendText(
        reply,
        400,
        body ? describeSchemaError(first, 'the body', 1) : describeValidationError(first),
      );
    },
    getHealth: (_context, _request, reply) =>
      reply.send({
        status: 'ok',
        version: options.version,
        uptimeSeconds: Math.round((performance.now() - startedAt) / 100) / 10,
      }),
    getReadiness: (_context, _request, reply) => {
      try {
        store.accounts();
        return reply.send({ ready: true });
      } catch (error) {
        return sendText(reply, 503, `the store does not answer: ${(error as Error).message}`);
      }
    },
    reset: (_context, _request, reply) => {
      control.reset();
      return reply.code(204).send();
    },
    getClock: (_context, _request, reply) => reply.send(clockView()),
    moveClock: (_context, request, reply) => {
      const move = request.body as {
        reset?: boolean;
        set?: number | string;
        freeze?: boolean;
        advanceMs?: number;
      };
      const { clock } = control;
      return answerOrText(reply, () => {
        clock.atomically(() => {
          if (move.reset) clock.reset();
          // Frozen first, so `{freeze: true, set}` stops at exactly the time set, not a ms after.
          if (move.freeze === true) clock.freeze();
          if (move.set !== undefined)
            clock.set(typeof move.set === 'number' ? move.set : Date.parse(move.set));
          if (move.freeze === false) clock.unfreeze();
          if (move.advanceMs !== undefined) clock.advance(move.advanceMs);
        });
        return clockView();
      }, [ClockRangeError]);
    },
  };
}

/** Fault rules and canned answers: what the emulator is told to do. */
function ruleHandlers({ control }: AdminRouteOptions): Record<string, Handler> {
  const noRule = (reply: AdminReply, what: string, id: string) =>
    sendText(reply, 404, `No ${what} has the id "${id}"`);
  return {
    listFaults: (_context, _request, reply) => reply.send(control.faults.list()),
    addFault: (_context, request, reply) =>
      answerOrText(reply.code(201), () => control.faults.add(request.body as FaultRuleInput), [
        FaultRuleError,
      ]),
    clearFaults: (_context, _request, reply) => {
      control.faults.clear();
      return reply.code(204).send();
    },
    removeFault: (context, _request, reply) => {
      const { id = '' } = paramsOf(context);
      return control.faults.remove(id) ? reply.code(204).send() : noRule(reply, 'fault rule', id);
    },
    listFixtures: (_context, _request, reply) => reply.send(control.fixtures.list()),
    addFixture: (_context, request, reply) =>
      answerOrText(reply.code(201), () => control.fixtures.add(request.body as RuntimeFixtureInput), [
        FixtureError,
      ]),
    clearFixtures: (_context, _request, reply) => {
      control.fixtures.clear();
      return reply.code(204).send();
    },
    getFixture: (context, _request, reply) => {
      const { id = '' } = paramsOf(context);
      const fixture = control.fixtures.list().find((known) => known.id === id);
      return fixture ? reply.send(fixture) : noRule(reply, 'runtime fixture', id);
    },
    removeFixture: (context, _request, reply) => {
      const { id = '' } = paramsOf(context);
      return control.fixtures.remove(id) ? reply.code(204).send() : noRule(reply, 'runtime fixture', id);
    },
  };
}

/** Jobs, batches, callbacks and accounts: what the emulated API holds. */
function stateOfApiHandlers({ control }: AdminRouteOptions): Record<string, Handler> {
  const limitOf = (request: Parameters<Handler>[1]) => numberOrUndefined((request.query as Query).limit);
  const idOf = (context: Parameters<Handler>[0]) => paramsOf(context).id ?? '';
  return {
    listJobs: (_context, request, reply) => reply.send(control.jobs.list(limitOf(request))),
    completeJob: (context, _request, reply) =>
      answerOrText(reply, () => control.jobs.complete(idOf(context)), []),
    failJob: (context, _request, reply) => answerOrText(reply, () => control.jobs.fail(idOf(context)), []),
    listBatches: (_context, request, reply) => reply.send(control.batches.list(limitOf(request))),
    completeBatch: (context, _request, reply) =>
      answerOrText(reply, () => control.batches.complete(idOf(context)), []),
    failBatch: (context, _request, reply) =>
      answerOrText(reply, () => control.batches.fail(idOf(context)), []),
    listCallbacks: (_context, request, reply) => reply.send(control.callbacks.list(limitOf(request))),
    listAccounts: (_context, _request, reply) => reply.send(control.accounts.list()),
    setAccount: (context, request, reply) => {
      const { token = '' } = paramsOf(context);
      return reply.send(control.accounts.set(token, (request.body as { balance: number | null }).balance));
    },
  };
}

/** The journal, what it verifies and waits for, the usage chart, coverage, the bundle and sessions. */
function observeHandlers(options: AdminRouteOptions): Record<string, Handler> {
  const { control } = options;
  return {
    listJournal: (_context, request, reply) =>
      reply.send(control.journal.list(journalFilter(request.query as Query))),
    clearJournal: (_context, _request, reply) => {
      control.journal.clear();
      return reply.code(204).send();
    },
    verifyJournal: (_context, request, reply) => {
      const { match, count } = request.body as { match: RequestMatch; count?: CountExpectation };
      return reply.send(verifyRequests(control.journal.list(), match, count));
    },
    waitForJournal: async (_context, request, reply) => {
      const { match, timeoutMs = 5000 } = request.body as { match: RequestMatch; timeoutMs?: number };
      try {
        return reply.send(await control.waitFor(match, { timeoutMs }));
      } catch (error) {
        if (error instanceof VerificationError) return sendText(reply, 408, error.message);
        throw error;
      }
    },
    getUsageChart: (_context, request, reply) =>
      answerOrText(
        reply,
        () => chartOf(options, request.query as Record<string, string | string[] | undefined>),
        [RangeError],
      ),
    getCoverage: (_context, request, reply) =>
      (request.query as Query).format === 'markdown'
        ? reply.type('text/markdown; charset=utf-8').send(control.coverage.markdown())
        : reply.send(control.coverage.report()),
    clearCoverage: (_context, _request, reply) => {
      control.coverage.clear();
      return reply.code(204).send();
    },
    getBundle: (_context, _request, reply) =>
      reply
        .header('content-disposition', 'attachment; filename="massive-mock-bundle.json"')
        .send(options.bundle()),
    listSessions: (_context, _request, reply) =>
      reply.send(options.sessions.names().map((name) => ({ name }))),
    closeSession: async (context, _request, reply) => {
      const { name = '' } = paramsOf(context);
      return (await options.sessions.close(name))
        ? reply.code(204).send()
        : sendText(reply, 404, `No session is open by the name "${name}"`);
    },
  };
}

function journalFilter(query: Query): JournalFilter {
  const filter: JournalFilter = {
    ...(query.path !== undefined && { path: query.path }),
    ...(query.method !== undefined && { method: query.method }),
    ...(query.token !== undefined && { token: query.token }),
    ...((query.kind === 'request' || query.kind === 'callback') && { kind: query.kind }),
  };
  for (const key of ['status', 'since', 'until', 'limit'] as const) {
    const value = numberOrUndefined(query[key]);
    if (value !== undefined) filter[key] = value;
  }
  return filter;
}

/**
 * The usage chart's tokens default to those with an account and those billed in the window (the
 * journal keeps only fingerprints of tokens: the durable record of calls knows them).
 */
function chartOf(options: AdminRouteOptions, query: Record<string, string | string[] | undefined>) {
  const { control, store } = options;
  const accounts = control.accounts.list();
  const balances = new Map(accounts.map((account) => [account.token, account.balance]));
  const given = query.token === undefined ? null : [query.token].flat();
  const to = numberOrUndefined(query.to as string | undefined) ?? control.clock.now();
  const bucketMs = numberOrUndefined(query.bucketMs as string | undefined) ?? 60_000;
  // By default the last hour, from a bucket's edge: a chart's minutes start on the minute.
  const from =
    numberOrUndefined(query.from as string | undefined) ??
    Math.max(0, Math.floor((to - 3_600_000) / bucketMs) * bucketMs);
  const calls = store.calls(given, from, to);
  const tokens = given ?? [
    ...new Set([...accounts.map((account) => account.token), ...calls.map((call) => call.token)]),
  ];
  return usageChart(calls, { from, to, bucketMs }, balances, tokens);
}

/** The admin API, routed and validated from openapi/admin.yaml like the emulated API. */
export function registerAdminRoutes(app: FastifyInstance, options: AdminRouteOptions): void {
  const { adminToken } = options;
  // Made now: the uptime the admin API reports counts from here.
  const handlers = {
    ...stateHandlers(options),
    ...ruleHandlers(options),
    ...stateOfApiHandlers(options),
    ...observeHandlers(options),
  };
  mountOpenApi(app, ADMIN_PREFIX, () => {
    const document = options.document();
    return {
      document,
      handlers: { ...routingHandlers(document), ...handlers },
      security: {
        adminAuth: (request) =>
          adminToken === null || isAdminToken(adminToken, request.headers.authorization),
      },
    };
  });
}
