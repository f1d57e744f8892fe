import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Authenticator } from '../../core/massive/accounts/auth.ts';
import type { Batches } from '../../core/massive/async/batches.ts';
import type { CallbackScheduler } from '../../core/massive/async/callback-scheduler.ts';
import type { Clock } from '../../core/kernel/clock.ts';
import { ApiError, type ApiErrorName } from '../../core/massive/errors.ts';
import type { Faults } from '../../core/control/faults.ts';
import type { Decisions, Journal } from '../../core/control/journal.ts';
import type { LatencyProfile } from '../../core/massive/latency.ts';
import { findRevision, REVISION_IDS, REVISIONS, type Revision } from '../../core/massive/revisions/index.ts';
import type { MassiveService } from '../../core/massive/service.ts';
import type { Store } from '../../core/massive/store.ts';
import type { Users } from '../../core/massive/accounts/users.ts';
import { accountHandlers } from './account-handlers.ts';
import { aiHandlers } from './ai-handlers.ts';
import {
  createOpenApiRouter,
  type Handler,
  type OpenApiRouter,
  routeEveryMethod,
  routingHandlers,
} from '../openapi-router.ts';
import { documentedErrors } from '../documented-errors.ts';
import { requestRecord } from '../journal-entry.ts';
import { loadApiDocument, type OpenApiDocument } from '../openapi-document.ts';
import { sendApiError, sendText } from '../reply.ts';
import type { Upstream } from './upstream.ts';
import { describeValidationError } from '../validation-message.ts';

export interface ApiRouteOptions {
  service: MassiveService;
  batches: Batches;
  callbacks: CallbackScheduler;
  users: Users;
  store: Store;
  authenticate: Authenticator;
  clock: Clock;
  faults: Faults;
  journal: Journal;
  /** Bytes of headers and body a journal entry keeps (8 KiB when not given). */
  journalEntryBytes?: number;
  seed: number;
  /** The revision a call gets unless its `X-Mock-Revision` header or path picks another. */
  revision: Revision;
  /** Credits a successful AI call costs, whatever the revision's price; null: the revision's. */
  creditCost: number | null;
  latency: { profile: LatencyProfile; timeScale: number };
  /** Record and replay (--upstream, --record): asked first, it may answer the call itself. */
  upstream?: Upstream;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** What the emulator decided, for the journal. */
    decisions: Decisions;
    /** The revision of the API that answers the call. */
    revision: Revision;
    /** The billed service the call used, for /usage; unset for free and unauthenticated calls. */
    billed: { service: string; token: string } | null;
  }
}

/** `/revisions/2026-07-06/ai`: a revision picked by the base URL, for clients that set no header. */
export const REVISION_PATH = /^\/revisions\/([^/]+)(\/.*)$/;

function unknownRevision(id: string): ApiError {
  return new ApiError(400, `X-Mock-Revision must be one of ${REVISION_IDS.join(', ')}; "${id}" is not one`);
}

/** The documented response of each catalogued error whose text a revision words its own way. */
const WORDED_BY: Partial<Record<ApiErrorName, string>> = {
  missingAuth: 'authenticationError',
  noCredits: 'creditsError',
  invalidToken: 'authorizationError',
  captcha: 'captchaError',
  unknown: 'unknownError',
  timeout: 'timeoutError',
};

/** A catalogued error in the words of the revision's document (the 402 page changed in June). */
function worded(error: ApiError, document: OpenApiDocument): ApiError {
  const name = error.code && WORDED_BY[error.code];
  const response = name
    ? (document.components.responses?.[name] as { content?: Record<string, { schema?: { const?: string } }> })
    : undefined;
  const text = response?.content?.['text/plain']?.schema?.const;
  return text && text !== error.message ? error.worded(text) : error;
}

/** What a handler needs of one revision, read from its document once. */
export interface RevisionRoutes {
  revision: Revision;
  document: OpenApiDocument;
  errors: Record<string, ReadonlyMap<number, string>>;
  /** Whether `GET /ai` takes a `callback` (July on): earlier revisions ignore one. */
  takesCallback: boolean;
  /** Per path, the code a job status is answered with: 202 where documented, else 200. */
  statusCodes: Record<string, 200 | 202>;
}

type GetOperation = { parameters?: { name: string }[]; responses?: Record<string, unknown> };

function revisionRoutes(revision: Revision): RevisionRoutes {
  const document = loadApiDocument(revision);
  const getOf = (path: string) => document.paths[path]?.get as GetOperation | undefined;
  return {
    revision,
    document,
    errors: documentedErrors(document),
    takesCallback: getOf('/ai')?.parameters?.some((parameter) => parameter.name === 'callback') === true,
    statusCodes: Object.fromEntries(
      Object.keys(document.paths).map((path) => [path, getOf(path)?.responses?.['202'] ? 202 : 200]),
    ),
  };
}

/**
 * The emulated Massive API in every revision: each call picks its revision (the `X-Mock-Revision`
 * header, a `/revisions/<id>/` prefix, or the configured one), and that revision's document
 * routes and validates it. Every request lands in the journal with what was decided, and every
 * billed call in the durable record /usage reports from.
 */
export async function registerApiRoutes(app: FastifyInstance, options: ApiRouteOptions): Promise<void> {
  const { journal, clock, store } = options;
  const routes = new Map(REVISIONS.map((revision) => [revision.id, revisionRoutes(revision)]));
  const routesOf = (request: FastifyRequest) => routes.get(request.revision.id) as RevisionRoutes;
  const operations: Record<string, Handler> = {
    ...aiHandlers(options, routesOf),
    ...accountHandlers(options),
  };
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

  // Each revision's router is built on its first call: most runs speak one revision.
  const routers = new Map<string, Promise<OpenApiRouter>>();
  const routerOf = (revision: Revision) => {
    let router = routers.get(revision.id);
    if (!router) {
      const { document, errors } = routes.get(revision.id) as RevisionRoutes;
      // Only the operations this revision has: June's DELETE /users is not May's.
      const offered = Object.entries(operations).filter(([id]) => id in errors);
      router = createOpenApiRouter({
        document,
        handlers: { ...routingHandlers(document), ...failures, ...Object.fromEntries(offered) },
        security: { bearerAuth: (request) => options.authenticate(request.headers.authorization) },
      });
      routers.set(revision.id, router);
    }
    return router;
  };
  await routerOf(options.revision);

  await app.register(async (api) => {
    api.decorateRequest('decisions', null as unknown as Decisions);
    api.decorateRequest('revision', null as unknown as Revision);
    api.decorateRequest('billed', null);
    const arrivals = new WeakMap<FastifyRequest, number>();
    api.addHook('onRequest', async (request, reply) => {
      request.decisions = {};
      arrivals.set(request, clock.now());
      const header = request.headers['x-mock-revision'];
      const picked =
        REVISION_PATH.exec(request.url)?.[1] ?? (typeof header === 'string' ? header : undefined);
      const revision = picked === undefined ? options.revision : findRevision(picked);
      if (!revision) return sendApiError(reply, unknownRevision(picked ?? ''));
      request.revision = revision;
      request.decisions.revision = revision.id;
      reply.header('x-mock-revision', revision.id);
    });
    // A callback hook: an async one costs every request a promise, and this one awaits nothing.
    api.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      const time = arrivals.get(request) ?? clock.now();
      const durationMs = Math.round(reply.elapsedTime * 100) / 100;
      journal.record({
        time,
        ...requestRecord(request, options.journalEntryBytes ?? 8192),
        status: reply.statusCode,
        durationMs,
        decisions: request.decisions,
      });
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
    });
    // A body that is not JSON is the service's documented 400, not Fastify's own message.
    api.setErrorHandler((error, request, reply) => {
      if (error instanceof ApiError) return sendApiError(reply, worded(error, routesOf(request).document));
      const { statusCode, code } = error as { statusCode?: number; code?: string };
      if (statusCode === 400 && (error instanceof SyntaxError || code?.startsWith('FST_ERR_CTP')))
        return sendText(reply, 400, 'JSON was malformed');
      throw error;
    });
    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      const path = request.url.split('?', 1)[0] ?? '/';
      const apiPath = REVISION_PATH.exec(path)?.[2] ?? path;
      if (options.upstream && (await options.upstream.handle(request, reply, apiPath))) return reply;
      return (await routerOf(request.revision))(request, reply, apiPath);
    };
    api.route({ method: routeEveryMethod(api), url: '/*', handler });
  });
}
