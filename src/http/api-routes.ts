import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Context, OpenAPIBackend } from 'openapi-backend';
import type { Authenticator } from '../core/auth.ts';
import { ApiError } from '../core/errors.ts';
import { deviceNames } from '../core/params/devices.ts';
import { parseAiRequest, type Query } from '../core/params/request.ts';
import { answerBody, type MassiveService } from '../core/service.ts';
import type { OpenApiDocument } from './openapi-document.ts';
import { sendApiError } from './reply.ts';
import { describeValidationError } from './validation-message.ts';

export interface ApiRouteOptions {
  document: OpenApiDocument;
  service: MassiveService;
  authenticate: Authenticator;
}

type Handler = (
  context: Context,
  request: FastifyRequest,
  reply: FastifyReply,
) => FastifyReply | Promise<FastifyReply>;

const tokenOf = (context: Context): string => context.security?.bearerAuth as string;

/**
 * Routes and validates the emulated API from its OpenAPI document (openapi-backend), then hands
 * each operation to the service. Fastify's own routes (docs, admin, health) take precedence.
 */
export async function registerApiRoutes(app: FastifyInstance, options: ApiRouteOptions): Promise<void> {
  const { service, authenticate } = options;
  const api = new OpenAPIBackend({
    definition: options.document as never,
    // openapi-backend checks definitions against the OpenAPI 3.0 schema only, which rejects 3.1
    // (type arrays, const). test/contract checks ours against the 3.1 schema instead.
    quick: true,
    customizeAjv: (ajv) => {
      // ajv-formats is CommonJS: its function is the default export of the module object.
      addFormats.default(ajv, ['uuid']);
      return ajv;
    },
  });

  const handlers: Record<string, Handler> = {
    notFound: (_context, request, reply) =>
      reply
        .code(404)
        .type('text/plain; charset=utf-8')
        .send(`Route ${request.method} ${request.url.split('?')[0]} was not found`),
    methodNotAllowed: (context, request, reply) => {
      const allowed = Object.keys(options.document.paths[context.request.path] ?? {}).map((m) =>
        m.toUpperCase(),
      );
      return reply
        .code(405)
        .header('allow', allowed.join(', '))
        .type('text/plain; charset=utf-8')
        .send(`Method ${request.method} is not allowed; use ${allowed.join(', ')}`);
    },
    unauthorizedHandler: (context, _request, reply) => {
      const failure = (context.security?.bearerAuth as { error?: unknown } | undefined)?.error;
      return sendApiError(reply, failure instanceof ApiError ? failure : ApiError.of('invalidToken'));
    },
    validationFail: (context, _request, reply) => {
      const [first] = context.validation.errors ?? [];
      return sendApiError(
        reply,
        ApiError.invalid(first ? describeValidationError(first) : 'parameters are invalid'),
      );
    },
    getCompletion: (_context, request, reply) => {
      const token = tokenOf(_context);
      const call = parseAiRequest(request.query as Query);
      for (const notice of call.notices) reply.header('x-mock-notice', notice);
      if (call.mode === 'async') {
        const job = service.enqueue(token, call);
        return reply.code(202).send({ id: job.id });
      }
      const answered = service.answer(token, call);
      const { contentType, body } = answerBody(answered.answer, call.format);
      reply.header('x-mock-cache', answered.cache);
      if (answered.cache === 'hit') reply.header('age', String(answered.ageSeconds));
      return reply.type(contentType).send(body);
    },
    getAsyncCompletion: (context, request, reply) => {
      const retrieved = service.retrieve(tokenOf(context), (request.query as Query).id ?? '');
      if (retrieved.state !== 'ready') return reply.code(202).send({ status: retrieved.state });
      const { contentType, body } = answerBody(retrieved.answer, retrieved.job.format);
      return reply.type(contentType).send(body);
    },
    listDevices: (_context, _request, reply) => reply.send(deviceNames()),
  };
  api.register(handlers as never);
  api.registerSecurityHandler('bearerAuth', (_context, request: FastifyRequest) =>
    authenticate(request.headers.authorization),
  );
  await api.init();

  app.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    url: '/*',
    handler: (request, reply) =>
      api.handleRequest(
        {
          method: request.method,
          path: request.url.split('?', 1)[0] ?? '/',
          query: request.query as Record<string, string | string[]>,
          headers: request.headers as Record<string, string | string[]>,
        },
        request,
        reply,
      ),
  });
}
