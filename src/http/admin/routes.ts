import type { FastifyInstance, FastifyReply } from 'fastify';
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

export const ADMIN_PREFIX = '/__admin/';

export interface AdminRouteOptions {
  document: OpenApiDocument;
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

/** The admin API, routed and validated from openapi/admin.yaml like the emulated API. */
export async function registerAdminRoutes(app: FastifyInstance, options: AdminRouteOptions): Promise<void> {
  const { control, store } = options;
  const startedAt = performance.now();
  const clockView = () => {
    const now = control.clock.now();
    return { now, iso: new Date(now).toISOString(), frozen: control.clock.frozen };
  };
  const onJob = (reply: FastifyReply, act: () => unknown) => {
    try {
      return reply.send(act());
    } catch (error) {
      if (error instanceof ApiError) return sendText(reply, error.status, error.message);
      throw error;
    }
  };

  const handlers: Record<string, Handler> = {
    ...routingHandlers(options.document),
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
    listFaults: (_context, _request, reply) => reply.send(control.faults.list()),
    addFault: (_context, request, reply) => {
      try {
        return reply.code(201).send(control.faults.add(request.body as FaultRuleInput));
      } catch (error) {
        if (error instanceof FaultRuleError) return sendText(reply, 400, error.message);
        throw error;
      }
    },
    clearFaults: (_context, _request, reply) => {
      control.faults.clear();
      return reply.code(204).send();
    },
    removeFault: (context, _request, reply) => {
      const { id = '' } = context.request.params as Params;
      return control.faults.remove(id)
        ? reply.code(204).send()
        : sendText(reply, 404, `No fault rule has the id "${id}"`);
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
      try {
        clock.atomically(() => {
          if (move.reset) clock.reset();
          // Frozen first, so `{freeze: true, set}` stops at exactly the time set, not a ms after.
          if (move.freeze === true) clock.freeze();
          if (move.set !== undefined)
            clock.set(typeof move.set === 'number' ? move.set : Date.parse(move.set));
          if (move.freeze === false) clock.unfreeze();
          if (move.advanceMs !== undefined) clock.advance(move.advanceMs);
        });
      } catch (error) {
        if (error instanceof ClockRangeError) return sendText(reply, 400, error.message);
        throw error;
      }
      return reply.send(clockView());
    },
    listJobs: (_context, request, reply) =>
      reply.send(control.jobs.list(numberOrUndefined((request.query as Query).limit))),
    completeJob: (context, _request, reply) =>
      onJob(reply, () => control.jobs.complete((context.request.params as Params).id ?? '')),
    failJob: (context, _request, reply) =>
      onJob(reply, () => control.jobs.fail((context.request.params as Params).id ?? '')),
    listBatches: (_context, request, reply) =>
      reply.send(control.batches.list(numberOrUndefined((request.query as Query).limit))),
    completeBatch: (context, _request, reply) =>
      onJob(reply, () => control.batches.complete((context.request.params as Params).id ?? '')),
    failBatch: (context, _request, reply) =>
      onJob(reply, () => control.batches.fail((context.request.params as Params).id ?? '')),
    listCallbacks: (_context, request, reply) =>
      reply.send(control.callbacks.list(numberOrUndefined((request.query as Query).limit))),
    listAccounts: (_context, _request, reply) => reply.send(control.accounts.list()),
    setAccount: (context, request, reply) => {
      const { token = '' } = context.request.params as Params;
      return reply.send(control.accounts.set(token, (request.body as { balance: number | null }).balance));
    },
    listJournal: (_context, request, reply) => {
      const query = request.query as Query;
      const filter: JournalFilter = {
        ...(query.path !== undefined && { path: query.path }),
        ...(query.method !== undefined && { method: query.method }),
        ...(query.token !== undefined && { token: query.token }),
      };
      for (const key of ['status', 'since', 'until', 'limit'] as const) {
        const value = numberOrUndefined(query[key]);
        if (value !== undefined) filter[key] = value;
      }
      return reply.send(control.journal.list(filter));
    },
    clearJournal: (_context, _request, reply) => {
      control.journal.clear();
      return reply.code(204).send();
    },
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
      const { name = '' } = context.request.params as Params;
      return (await options.sessions.close(name))
        ? reply.code(204).send()
        : sendText(reply, 404, `No session is open by the name "${name}"`);
    },
    listFixtures: (_context, _request, reply) => reply.send(control.fixtures.list()),
    addFixture: (_context, request, reply) => {
      try {
        return reply.code(201).send(control.fixtures.add(request.body as RuntimeFixtureInput));
      } catch (error) {
        if (error instanceof FixtureError) return sendText(reply, 400, error.message);
        throw error;
      }
    },
    clearFixtures: (_context, _request, reply) => {
      control.fixtures.clear();
      return reply.code(204).send();
    },
    getFixture: (context, _request, reply) => {
      const { id = '' } = context.request.params as Params;
      const fixture = control.fixtures.list().find((known) => known.id === id);
      return fixture ? reply.send(fixture) : sendText(reply, 404, `No runtime fixture has the id "${id}"`);
    },
    removeFixture: (context, _request, reply) => {
      const { id = '' } = context.request.params as Params;
      return control.fixtures.remove(id)
        ? reply.code(204).send()
        : sendText(reply, 404, `No runtime fixture has the id "${id}"`);
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
  };

  const { adminToken } = options;
  await mountOpenApi(app, {
    prefix: ADMIN_PREFIX,
    document: options.document,
    handlers,
    security: {
      adminAuth: (request) => adminToken === null || isAdminToken(adminToken, request.headers.authorization),
    },
  });
}
