import type { FastifyInstance } from 'fastify';
import type { Decisions } from '../../core/control/journal.ts';
import { RouterError } from '../../core/router/errors.ts';
import { mountOpenApi } from '../openapi-router.ts';
import { ROUTER_PREFIX } from './document.ts';
import { parserError, sendError } from './reply-error.ts';
import { createRouterState, type Decided, record, type RouterRouteOptions } from './state.ts';

export type { RouterRouteOptions };

/**
 * The LLM router API under /api/v1: routed and validated from its document, JSON errors, then a
 * per-key rate limit, `Prefer` and the fault rules, then the completion, as JSON or server-sent
 * events. Every request lands in the journal, streams when they end.
 */
export async function registerRouterRoutes(app: FastifyInstance, options: RouterRouteOptions): Promise<void> {
  const state = createRouterState(options);
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
    router.addHook('onRequest', async (request) => {
      (request as Decided).routerDecisions = {};
      state.arrivals.set(request, options.clock.now());
    });
    router.addHook('onResponse', async (request, reply) =>
      record(state, request, reply.statusCode, reply.elapsedTime),
    );
    // Before the server waits for requests in flight: a stream waiting on a slow token would hold it.
    router.addHook('preClose', async () => {
      for (const res of state.streams) res.destroy();
    });
    // The handlers (and the completion, chat and stream modules they import) load on the first
    // call under /api/v1: a run that never calls the router does not pay for them at start.
    mountOpenApi(router, `${ROUTER_PREFIX}/`, async () => ({
      document: options.document(),
      handlers: (await import('./handlers.ts')).routerHandlers(state),
      security: { bearerAuth: (request) => options.authenticate(request.headers.authorization) },
    }));
  });
}
