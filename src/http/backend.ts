import { METHODS } from 'node:http';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Context, OpenAPIBackend } from 'openapi-backend';
import { type OpenApiDocument, pathTemplateOf } from './openapi-document.ts';
import { sendText } from './reply.ts';

export type Handler = (
  context: Context,
  request: FastifyRequest,
  reply: FastifyReply,
) => FastifyReply | Promise<FastifyReply>;

export interface OpenApiRoutes {
  document: OpenApiDocument;
  handlers: Record<string, Handler>;
  security: Record<string, (request: FastifyRequest) => unknown>;
}

/**
 * An openapi-backend router over one document: it matches the operation, runs the security
 * handlers, validates the request and calls the handler named by its operationId (or notFound,
 * methodNotAllowed, unauthorizedHandler and validationFail).
 */
export async function createOpenApiRouter(options: OpenApiRoutes): Promise<OpenAPIBackend> {
  const api = new OpenAPIBackend({
    definition: options.document as never,
    // openapi-backend checks definitions against the OpenAPI 3.0 schema only, which rejects 3.1
    // (type arrays, const). test/contract checks ours against the 3.1 schema instead.
    quick: true,
    // Validators compile on the first request of each operation; Ajv's optimising pass over the
    // generated code costs that request about 30 ms and saves next to nothing on a query string.
    ajvOpts: { code: { optimize: false } },
    customizeAjv: (ajv) => {
      // ajv-formats is CommonJS: its function is the default export of the module object.
      addFormats.default(ajv, ['uuid', 'date-time', 'email']);
      return ajv;
    },
  });
  api.register(requireDocumentedBodies(options.handlers) as never);
  for (const [scheme, check] of Object.entries(options.security)) {
    api.registerSecurityHandler(scheme, (_context, request: FastifyRequest) => check(request));
  }
  await api.init();
  return api;
}

/** Hands a Fastify request to a router: the handlers get (context, request, reply). */
export function routeRequest(
  api: OpenAPIBackend,
  request: FastifyRequest,
  reply: FastifyReply,
  path = request.url.split('?', 1)[0] ?? '/',
): Promise<unknown> {
  return api.handleRequest(
    {
      method: request.method,
      path,
      query: request.query as Record<string, string | string[]>,
      headers: request.headers as Record<string, string | string[]>,
      body: request.body,
    },
    request,
    reply,
  );
}

const ROUTED_METHODS = METHODS.filter((method) => method !== 'CONNECT' && method !== 'HEAD');

/**
 * Lets every method Node parses reach the catch-all routes, so TRACE or PROPFIND on a documented
 * path gets the same plain-text 405 as POST (Fastify knows only eight methods, and answers others
 * in JSON). CONNECT never reaches a route: Node hands it to the server's 'connect' event.
 */
export function routeEveryMethod(app: FastifyInstance): string[] {
  for (const method of ROUTED_METHODS) {
    if (!app.supportedMethods.includes(method)) app.addHttpMethod(method, { hasBody: true });
  }
  return ROUTED_METHODS;
}

/** Routes and validates every request under `prefix` from one document. */
export async function mountOpenApi(
  app: FastifyInstance,
  options: OpenApiRoutes & { prefix: string },
): Promise<void> {
  const api = await createOpenApiRouter(options);
  routeEveryMethod(app);
  app.route({
    method: ROUTED_METHODS,
    url: `${options.prefix}*`,
    handler: (request, reply) => routeRequest(api, request, reply),
  });
}

/**
 * A body sent in a media type its operation does not document is a 415: openapi-backend validates
 * only the documented ones, so `text/plain` would reach the handler unchecked.
 */
function requireDocumentedBodies(handlers: Record<string, Handler>): Record<string, Handler> {
  const guard =
    (handler: Handler): Handler =>
    (context, request, reply) => {
      const media = (context.operation?.requestBody as { content?: Record<string, unknown> } | undefined)
        ?.content;
      const type = (request.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
      if (media && request.body !== undefined && !(type in media)) {
        return sendText(
          reply,
          415,
          `the body must be sent as ${Object.keys(media).join(' or ')}, not "${type}"`,
        );
      }
      return handler(context, request, reply);
    };
  return Object.fromEntries(Object.entries(handlers).map(([name, handler]) => [name, guard(handler)]));
}

/** The 404 and 405 answers of a mounted document, in plain text. */
export function routingHandlers(document: OpenApiDocument): Record<string, Handler> {
  return {
    notFound: (_context, request, reply) =>
      sendText(reply, 404, `Route ${request.method} ${request.url.split('?')[0]} was not found`),
    methodNotAllowed: (context, request, reply) => {
      // openapi-backend ignores trailing slashes when it routes: so must the Allow list.
      const template = pathTemplateOf(document, context.request.path.replace(/(?<=.)\/+$/, ''));
      const allowed = Object.keys(document.paths[template ?? ''] ?? {})
        .filter((key) => key !== 'parameters')
        .map((method) => method.toUpperCase());
      return sendText(
        reply.header('allow', allowed.join(', ')),
        405,
        `Method ${request.method} is not allowed; use ${allowed.join(', ')}`,
      );
    },
  };
}
