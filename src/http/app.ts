import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Authenticator } from '../core/auth.ts';
import { ApiError } from '../core/errors.ts';
import type { MassiveService } from '../core/service.ts';
import { registerApiRoutes } from './api-routes.ts';
import { registerDocs } from './docs.ts';
import type { OpenApiDocument } from './openapi-document.ts';
import { sendApiError } from './reply.ts';

export interface AppOptions {
  document: OpenApiDocument;
  service: MassiveService;
  authenticate: Authenticator;
  logger: FastifyServerOptions['logger'];
}

/**
 * The longest request head accepted: a 2,047-character prompt of 4-byte characters is 24 KiB once
 * percent-encoded, past Node's 16 KiB default.
 */
const MAX_HEADER_BYTES = 32 * 1024;

/** Builds the Fastify app (never listens: the caller does, or injects requests). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger,
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    // Clients of a mock send odd things on purpose; the API's routes answer them, not Fastify.
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 2048 },
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ApiError) return sendApiError(reply, error);
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply
        .code(status)
        .type('text/plain; charset=utf-8')
        .send((error as Error).message);
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendApiError(reply, ApiError.of('unknown'));
  });

  await registerDocs(app, options.document);
  await registerApiRoutes(app, options);
  return app;
}
