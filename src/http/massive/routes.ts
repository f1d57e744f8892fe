import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../../core/massive/errors.ts';
import type { Decisions } from '../../core/control/journal.ts';
import { findRevision, type Revision } from '../../core/massive/revisions/index.ts';
import { accountHandlers } from './account-handlers.ts';
import { aiHandlers } from './ai-handlers.ts';
import type { HandlerContext } from './operations.ts';
import { webHandlers } from './web-handlers.ts';
import {
  createOpenApiRouter,
  type Handler,
  type OpenApiRouter,
  routeEveryMethod,
  routingHandlers,
} from '../openapi-router.ts';
import { callRecord } from '../journal-entry.ts';
import { BATCH_BODY_BYTES, parseJsonBody } from './json-body.ts';
import { sendApiError, sendText } from '../reply.ts';
import { describeValidationError } from '../validation-message.ts';
import {
  type ApiRouteOptions,
  REVISION_PATH,
  type RevisionRoutes,
  revisionRoutes,
  unknownRevision,
  worded,
} from './revisions.ts';

export type { ApiRouteOptions };

declare module 'fastify' {
  interface FastifyRequest {
    /** The emulator's clock when the call arrived: its journal entry's time. */
    arrival: number | null;
  }
}

const failures: Record<string, Handler> = {
  unauthorizedHandler: (context) => {
    const failure = (context.security?.bearerAuth as { error?: unknown } | undefined)?.error;
    throw failure instanceof ApiError ? failure : ApiError.of('invalidToken');
  },
  validationFail: (context) => {
    const [first] = context.validation.errors ?? [];
    throw ApiError.invalid(first ? describeValidationError(first) : 'parameters are invalid');
  },
};

/**
 * Each revision's router, built on its first call (most runs speak one revision): the router
 * itself once built, so that a call need not wait a turn for a promise that has long settled.
 */
function revisionRouters(
  options: ApiRouteOptions,
  routesFor: (revision: Revision) => RevisionRoutes,
  operations: Record<string, Handler>,
) {
  const routers = new Map<string, OpenApiRouter | Promise<OpenApiRouter>>();
  return (revision: Revision): OpenApiRouter | Promise<OpenApiRouter> => {
    let router = routers.get(revision.id);
    if (!router) {
      const { document, errors } = routesFor(revision);
      // Only the operations this revision has: June's DELETE /users is not May's.
      const offered = Object.entries(operations).filter(([id]) => id in errors);
      const building = createOpenApiRouter({
        document,
        handlers: { ...routingHandlers(document), ...failures, ...Object.fromEntries(offered) },
        security: { bearerAuth: (request) => options.authenticate(request.headers.authorization) },
      });
      routers.set(revision.id, building);
      building.then(
        (built) => routers.set(revision.id, built),
        () => routers.delete(revision.id),
      );
      router = building;
    }
    return router;
  };
}

/** Picks each call's revision (its path prefix, its header, or the configured one) before it is routed. */
function pickRevision(options: ApiRouteOptions) {
  // A callback hook, like recordCall's: an async one costs every request a promise.
  return (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    request.decisions = {};
    request.arrival = options.clock.now();
    const header = request.headers['x-mock-revision'];
    const picked = REVISION_PATH.exec(request.url)?.[1] ?? (typeof header === 'string' ? header : undefined);
    const revision = picked === undefined ? options.revision : findRevision(picked);
    // Answered here: the request goes no further, so `done` is not called.
    if (!revision) return void sendApiError(reply, unknownRevision(picked ?? ''));
    request.revision = revision;
    request.decisions.revision = revision.id;
    reply.header('x-mock-revision', revision.id);
    done();
  };
}

/** Journals every call with what was decided, and records every billed one for /usage. */
function recordCall(options: ApiRouteOptions) {
  const { journal, clock, store } = options;
  // A callback hook: an async one costs every request a promise, and this one awaits nothing.
  return (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const time = request.arrival ?? clock.now();
    const durationMs = Math.round(reply.elapsedTime * 100) / 100;
    journal.record(
      callRecord(request, options.journalEntryBytes ?? 8192, {
        time,
        status: reply.statusCode,
        durationMs,
        decisions: request.decisions,
      }),
    );
    if (request.billed) {
      store.recordCall({
        ...request.billed,
        success: reply.statusCode < 400,
        credits: request.decisions.credits ?? 0,
        durationMs,
        at: time,
      });
    }
    done();
  };
}

/**
 * The emulated Massive API in every revision: each call picks its revision (the `X-Mock-Revision`
 * header, a `/revisions/<id>/` prefix, or the configured one), and that revision's document
 * routes and validates it. Every request lands in the journal with what was decided, and every
 * billed call in the durable record /usage reports from.
 */
export async function registerApiRoutes(app: FastifyInstance, options: ApiRouteOptions): Promise<void> {
  // Each revision's document is read on its first call: a start reads only its own revision's.
  const routes = new Map<string, RevisionRoutes>();
  const routesFor = (revision: Revision): RevisionRoutes => {
    let found = routes.get(revision.id);
    if (!found) routes.set(revision.id, (found = revisionRoutes(revision)));
    return found;
  };
  const routesOf = (request: FastifyRequest) => routesFor(request.revision);
  let latencySequence = 0;
  const context: HandlerContext = { options, routesOf, latencySequence: () => ++latencySequence };
  const routerOf = revisionRouters(options, routesFor, {
    ...aiHandlers(context),
    ...webHandlers(context),
    ...accountHandlers(options),
  });
  await routerOf(options.revision);

  await app.register(async (api) => {
    api.decorateRequest('decisions', null as unknown as Decisions);
    api.decorateRequest('revision', null as unknown as Revision);
    api.decorateRequest('billed', null);
    api.removeContentTypeParser('application/json');
    api.addContentTypeParser('application/json', { parseAs: 'string' }, parseJsonBody);
    api.decorateRequest('arrival', null);
    api.addHook('onRequest', pickRevision(options));
    api.addHook('onResponse', recordCall(options));
    // A body that is not JSON is the service's documented 400, not Fastify's own message.
    api.setErrorHandler((error, request, reply) => {
      if (error instanceof ApiError) return sendApiError(reply, worded(error, routesOf(request).document));
      const { statusCode, code } = error as { statusCode?: number; code?: string };
      if (statusCode === 400 && (error instanceof SyntaxError || code?.startsWith('FST_ERR_CTP')))
        return sendText(reply, 400, 'JSON was malformed');
      if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
        return sendText(
          reply,
          415,
          `the body must be sent as application/json, not "${request.headers['content-type'] ?? 'no content type'}"`,
        );
      throw error;
    });
    const routed = (request: FastifyRequest, reply: FastifyReply, apiPath: string) => {
      // CDP is a WebSocket on /browser, which no query validation applies to: a 501 saying so.
      if (apiPath === '/browser' && request.headers.upgrade?.toLowerCase() === 'websocket') {
        request.decisions.operation = 'browse';
        return sendText(reply, 501, routesOf(request).errors.browse?.get(501) ?? '');
      }
      const router = routerOf(request.revision);
      return router instanceof Promise
        ? router.then((built) => built(request, reply, apiPath))
        : router(request, reply, apiPath);
    };
    // Not an async function: a call the router answers at once costs no promise, and gives
    // Fastify nothing to wait on (a reply returned is a thenable it would wait on for the finish).
    const handler = (request: FastifyRequest, reply: FastifyReply) => {
      const path = request.url.split('?', 1)[0] ?? '/';
      const apiPath = REVISION_PATH.exec(path)?.[2] ?? path;
      const { upstream } = options;
      if (!upstream) {
        const result = routed(request, reply, apiPath);
        return result instanceof Promise ? result : undefined;
      }
      return upstream
        .handle(request, reply, apiPath)
        .then((handled) => (handled ? reply : routed(request, reply, apiPath)));
    };
    api.route({ method: routeEveryMethod(api), url: '/*', handler });
    // Only a batch may be past 1 MiB: its documented maximum needs about 12 MB (json-body.ts).
    for (const url of ['/ai/batches', '/revisions/:revision/ai/batches'])
      api.route({ method: 'POST', url, bodyLimit: BATCH_BODY_BYTES, handler });
  });
}
