import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import {
  type Context,
  type Document,
  OpenAPIBackend,
  type Operation,
  type ParsedRequest,
  type Request,
  type ValidationResult,
} from 'openapi-backend';
import { type OpenApiDocument, pathTemplateOf } from './openapi-document.ts';
import { sendText } from './reply.ts';

export type Handler = (
  context: Context,
  request: FastifyRequest,
  reply: FastifyReply,
) => FastifyReply | Promise<FastifyReply>;

/** The token the `bearerAuth` security handler returned for the call (both APIs name it so). */
export const tokenOf = (context: Context): string => context.security?.bearerAuth as string;

export interface OpenApiRoutes {
  document: OpenApiDocument;
  handlers: Record<string, Handler>;
  security: Record<string, (request: FastifyRequest) => unknown>;
}

/**
 * Hands a request to the handlers of one document: `path` is the request's path in that document.
 * What it returns is the handler's (a promise where it waits), for Fastify to wait on.
 */
export type OpenApiRouter = (request: FastifyRequest, reply: FastifyReply, path?: string) => unknown;

/** openapi-backend over one document, its handlers (as registered) and security handlers registered. */
async function createBackend(
  options: OpenApiRoutes,
): Promise<{ api: OpenAPIBackend; handlers: Record<string, Handler> }> {
  const api = new OpenAPIBackend({
    definition: options.document as unknown as Document,
    // openapi-backend checks definitions against the OpenAPI 3.0 schema only, which rejects 3.1
    // (type arrays, const). test/contract checks ours against the 3.1 schema instead.
    quick: true,
    // Validators compile on the first request of each operation; Ajv's optimising pass over the
    // generated code costs that request about 30 ms and saves next to nothing on a query string.
    // Schema validation against Ajv's meta-schema would compile that meta-schema on the first
    // request (about 30 ms); test/contract checks our documents against the OpenAPI 3.1 schema.
    // Nothing is checked against a meta-schema, so Ajv need not add its draft-07 one (~2 ms).
    ajvOpts: { code: { optimize: false }, validateSchema: false, meta: false },
    customizeAjv: (ajv) => {
      // ajv-formats is CommonJS: its function is the default export of the module object.
      addFormats.default(ajv, ['uuid', 'date-time', 'email', 'uri']);
      return ajv;
    },
  });
  // Even in its quick mode, init hands the document to a reference parser for files and text,
  // to keep it as `document` for its check of the document against the OpenAPI schema (which
  // quick mode skips). Ours is an object already; the parser then loads only if something asks
  // for it (scripts/bundle.ts).
  const definition = options.document as unknown as Document;
  api.loadDocument = async () => (api.document = definition);
  await api.init();
  // openapi-backend flattens the document's operations anew (with lodash) whenever it looks one
  // up: for each handler registered (a few ms each at start), and twice for each request it
  // routes. The document never changes once mounted, so the list is made once, before handlers.
  const operations = api.router.getOperations();
  api.router.getOperations = () => operations;
  const handlers = requireDocumentedBodies(options.handlers);
  api.register(handlers as never);
  for (const [scheme, check] of Object.entries(options.security)) {
    api.registerSecurityHandler(scheme, (_context, request: FastifyRequest) => check(request));
  }
  return { api, handlers };
}

/** What a router keeps about its document's operations, made once when it is mounted. */
interface RouterContext {
  api: OpenAPIBackend;
  options: OpenApiRoutes;
  /** The handlers as registered (bodies checked against their documented media types). */
  handlers: Record<string, Handler>;
  /** Operations of a path with no template, by method and path. */
  exact: Map<string, Operation>;
  /** The security schemes an operation's requirements name. */
  schemes: Map<Operation, string[]>;
  /** Operations whose requests are valid or not by their URL alone. */
  byUrl: Set<string | undefined>;
  validations: LRUCache<string, ValidationResult>;
}

function routerContext(
  api: OpenAPIBackend,
  handlers: Record<string, Handler>,
  options: OpenApiRoutes,
): RouterContext {
  const operations = api.router.getOperations();
  return {
    api,
    options,
    handlers,
    exact: new Map(
      operations
        .filter((operation) => !operation.path.includes('{'))
        .map((operation) => [`${operation.method} ${operation.path}`, operation]),
    ),
    schemes: new Map(
      operations.map((operation) => [
        operation,
        [...new Set((operation.security ?? []).flatMap((requirement) => Object.keys(requirement)))],
      ]),
    ),
    // A request that has no body and no header or cookie parameters is valid or not by its URL
    // alone: a test suite asks the same URLs again and again, and Ajv need not see them each time.
    byUrl: new Set(
      operations
        .filter(
          (operation) =>
            !operation.requestBody &&
            (operation.parameters ?? []).every(
              (parameter) => 'in' in parameter && (parameter.in === 'query' || parameter.in === 'path'),
            ),
        )
        .map((operation) => operation.operationId),
    ),
    validations: new LRUCache<string, ValidationResult>({
      max: 1000,
      maxSize: 4 * 2 ** 20,
      sizeCalculation: (_result, key) => key.length + 256,
    }),
  };
}

function validate(ctx: RouterContext, operation: Operation, input: Request, url: string): ValidationResult {
  const { api, validations } = ctx;
  if (!ctx.byUrl.has(operation.operationId) || input.body !== undefined)
    return api.validator.validateRequest(input, operation);
  const key = `${operation.operationId} ${url}`;
  let result = validations.get(key);
  if (!result) validations.set(key, (result = api.validator.validateRequest(input, operation)));
  return result;
}

function handlerOf(ctx: RouterContext, name: string): Handler {
  const found = ctx.handlers[name];
  if (!found) throw new Error(`no handler for ${name}`);
  return found;
}

type Security = { results: Context['security']; allowed: boolean };

const failed = (error: unknown) => ({ error: error || new Error('security handler rejected') });

/**
 * Each security handler's result for the operation, and whether one of its requirements is met:
 * at once when every handler answers at once (ours do), else once the ones that wait are done.
 */
function securityOf(
  ctx: RouterContext,
  operation: Operation,
  request: FastifyRequest,
): Security | Promise<Security> {
  const results: Record<string, unknown> = {};
  let waits: Promise<unknown>[] | undefined;
  for (const scheme of ctx.schemes.get(operation) ?? []) {
    const check = ctx.options.security[scheme];
    try {
      const result = check?.(request);
      if (result instanceof Promise)
        (waits ??= []).push(
          result.then(
            (value: unknown) => (results[scheme] = value),
            (error: unknown) => (results[scheme] = failed(error)),
          ),
        );
      else results[scheme] = result;
    } catch (error) {
      results[scheme] = failed(error);
    }
  }
  return waits ? Promise.all(waits).then(() => judged(operation, results)) : judged(operation, results);
}

function judged(operation: Operation, results: Record<string, unknown>): Security {
  const satisfied = (scheme: string) => {
    const result = results[scheme];
    return Boolean(result) && !(typeof result === 'object' && (result as { error?: unknown }).error);
  };
  const requirements = operation.security ?? [];
  const authorized = requirements.some((requirement) => Object.keys(requirement).every(satisfied));
  results.authorized = authorized;
  return { results: results as Context['security'], allowed: authorized || requirements.length === 0 };
}

/**
 * The context handlers get for a call handleExact routes, its request parsed only if read. A class,
 * not an object literal with a getter: with the literal, 4-6 kB of each call's objects (its request,
 * its reply) outlived the young collections, as if the literal were made old and held them, and
 * those collections took 15-60 ms; with the class, about 1.5 kB, most of it the journal's entries
 * (/ai/devices under wrk: --trace-gc, and a sampling heap profile of what survived them).
 */
class ExactContext {
  readonly api: OpenAPIBackend;
  readonly operation: Operation;
  security: Context['security'] | undefined;
  validation: ValidationResult | undefined;
  readonly #input: Request;
  #parsed: ParsedRequest | undefined;
  constructor(api: OpenAPIBackend, operation: Operation, input: Request) {
    this.api = api;
    this.operation = operation;
    this.#input = input;
  }
  get request(): ParsedRequest {
    return (this.#parsed ??= this.api.router.parseRequest(this.#input, this.operation));
  }
}

/**
 * What handleRequest does for a path with no template, in one pass: it parses the request three
 * times, runs each security handler through a chain of promises, and routes by scanning every
 * operation; here the operation comes from a map, the checks run as they are (no promise unless
 * one waits), and the parsed request is made only if a handler reads it. Anything else goes
 * through handleRequest.
 */
function handleExact(
  ctx: RouterContext,
  operation: Operation,
  input: Request,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const context = new ExactContext(ctx.api, operation, input) as unknown as Context;
  const security = securityOf(ctx, operation, request);
  return security instanceof Promise
    ? security.then((settled) => checked(ctx, context, input, settled, request, reply))
    : checked(ctx, context, input, security, request, reply);
}

/** The rest of handleExact once the security checks are done: validation, then the handler. */
function checked(
  ctx: RouterContext,
  context: Context,
  input: Request,
  security: Security,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  context.security = security.results;
  if (!security.allowed) return handlerOf(ctx, 'unauthorizedHandler')(context, request, reply);
  const { operation } = context;
  context.validation = validate(ctx, operation, input, request.url);
  if (context.validation.errors) return handlerOf(ctx, 'validationFail')(context, request, reply);
  return handlerOf(ctx, operation.operationId ?? '')(context, request, reply);
}

/**
 * A router over one document with openapi-backend: it matches the operation, runs the security
 * handlers, validates the request and calls the handler named by its operationId (or notFound,
 * methodNotAllowed, unauthorizedHandler and validationFail).
 */
export async function createOpenApiRouter(options: OpenApiRoutes): Promise<OpenApiRouter> {
  const { api, handlers } = await createBackend(options);
  const ctx = routerContext(api, handlers, options);
  return (request, reply, path = request.url.split('?', 1)[0] ?? '/') => {
    const input: Request = {
      method: request.method,
      path,
      query: request.query as Record<string, string | string[]>,
      headers: request.headers as Record<string, string | string[]>,
      body: request.body,
    };
    const operation = ctx.exact.get(`${request.method.toLowerCase()} ${path}`);
    return operation
      ? handleExact(ctx, operation, input, request, reply)
      : api.handleRequest(input, request, reply);
  };
}

// Read without an ESM import of node:http, which would load Node's undici at start (see app.ts).
const ROUTED_METHODS = process
  .getBuiltinModule('node:http')
  .METHODS.filter((method) => method !== 'CONNECT' && method !== 'HEAD');

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

/**
 * Routes and validates every request under `prefix` from one document. The router (and whatever
 * `load` imports) is made on the first request under the prefix, not at start: the first call to
 * the emulated API need not wait for the admin's and the LLM router's documents to be compiled.
 */
export function mountOpenApi(
  app: FastifyInstance,
  prefix: string,
  load: () => OpenApiRoutes | Promise<OpenApiRoutes>,
): void {
  let router: Promise<OpenApiRouter> | undefined;
  app.route({
    method: routeEveryMethod(app),
    url: `${prefix}*`,
    handler: async (request, reply) =>
      (await (router ??= (async () => createOpenApiRouter(await load()))()))(request, reply),
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
      // Most calls send no body: their media type is not read.
      if (!media || request.body === undefined) return handler(context, request, reply);
      const type = (request.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
      if (!(type in media))
        return sendText(
          reply,
          415,
          `the body must be sent as ${Object.keys(media).join(' or ')}, not "${type}"`,
        );
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
