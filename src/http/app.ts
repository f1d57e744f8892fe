import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { ApiError } from '../core/massive/errors.ts';
import { type AdminRouteOptions, registerAdminRoutes } from './admin/routes.ts';
import { type ApiRouteOptions, registerApiRoutes } from './massive/routes.ts';
import { onClientError } from './client-error.ts';
import { registerDocs } from './docs.ts';
import { registerDashboard } from './admin/dashboard/register.ts';
import { registerPageAssets } from './page-assets.ts';
import { keepAnswer } from './journal-entry.ts';
import { httpDate, sendApiError, sendText } from './reply.ts';
import { callbackLine, RequestLog } from './request-log.ts';
import { requestLogger } from './request-logger.ts';
import { type RouterRouteOptions, registerRouterRoutes } from './router/routes.ts';

// Not `import { createServer } from 'node:http'`: an ESM import of node:http reads every export,
// which loads Node's bundled undici for its WebSocket (about 60 ms of a start); this does not.
const { createServer } = process.getBuiltinModule('node:http');

export interface AppOptions {
  api: ApiRouteOptions;
  admin: AdminRouteOptions;
  router: RouterRouteOptions;
  logger: FastifyServerOptions['logger'];
  /**
   * Sees every request before Fastify does, and calls `next` for the ones this app answers
   * (sessions hand theirs to another app, out of this one's hooks and journal).
   */
  dispatch?: (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
}

/**
 * The longest request head accepted: a 2,047-character prompt of 4-byte characters is 24 KiB once
 * percent-encoded, past Node's 16 KiB default.
 */
const MAX_HEADER_BYTES = 32 * 1024;

/** Builds the Fastify app (never listens: the caller does, or injects requests). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { dispatch } = options;
  const app = Fastify({
    logger: options.logger,
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    logController: new RequestLog(),
    // Without a logger Fastify hands each request the null logger itself: nothing to defer.
    ...(options.logger && { childLoggerFactory: requestLogger }),
    clientErrorHandler(error, socket) {
      onClientError.call(this as unknown as { server: Server }, error, socket);
    },
    ...(dispatch && {
      serverFactory: (handler: (request: IncomingMessage, response: ServerResponse) => void) =>
        createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (request, response) =>
          dispatch(request, response, () => handler(request, response)),
        ),
    }),
  });
  const { clock, store } = options.api;
  app.decorateRequest('answered', null);
  // One hook, not two: Fastify pays for each hook it runs on every reply.
  app.addHook('onSend', (request, reply, payload, done) => {
    // The Date header reads the emulator's clock, as Age and cache expiry do.
    reply.header('date', httpDate(clock.now()));
    keepAnswer(request, reply, payload);
    // Writes are committed in groups (store/sqlite/writer.ts): a reply waits for its group's
    // commit, so nothing it tells of can be lost to a killed process.
    const pending = store.committed();
    if (!pending) return done(null, payload);
    pending.then(
      () => done(null, payload),
      (error: unknown) => done(error as Error),
    );
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ApiError) return sendApiError(reply, error);
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      return sendText(reply, status, (error as Error).message);
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendApiError(reply, ApiError.of('unknown'));
  });

  // A callback attempt is not a request the app answered: the journal tells of it, so does the log.
  const unsubscribe = options.api.journal.subscribe((entry) => {
    const logged = entry.kind === 'callback' ? callbackLine(entry) : undefined;
    if (logged)
      app.log[entry.callback?.outcome === 'delivered' ? 'info' : 'warn'](logged.fields, logged.line);
  });
  app.addHook('onClose', (_instance, done) => {
    unsubscribe();
    done();
  });

  registerDashboard(app);
  registerPageAssets(app);
  registerDocs(app, options.api.revision, options.admin.document, options.router.document);
  registerAdminRoutes(app, options.admin);
  await registerRouterRoutes(app, options.router);
  await registerApiRoutes(app, options.api);
  return app;
}
