import type { AnswerWorkers } from './answer-workers.ts';
import type { Conversation } from '../../core/massive/conversation.ts';
import type { Authenticator } from '../../core/massive/accounts/auth.ts';
import type { Users } from '../../core/massive/accounts/users.ts';
import type { Batches } from '../../core/massive/async/batches.ts';
import type { CallbackScheduler } from '../../core/massive/async/callback-scheduler.ts';
import type { Clock } from '../../core/kernel/clock.ts';
import { ApiError, type ApiErrorName } from '../../core/massive/errors.ts';
import type { Faults } from '../../core/control/faults.ts';
import type { Decisions, Journal } from '../../core/control/journal.ts';
import { REVISION_IDS, type Revision } from '../../core/massive/revisions/index.ts';
import type { MassiveService } from '../../core/massive/service.ts';
import type { WebServices } from '../../core/massive/web/service.ts';
import type { Store } from '../../core/massive/store.ts';
import { documentedErrors } from '../documented-errors.ts';
import { loadApiDocument, type OpenApiDocument } from '../openapi-document.ts';
import type { LatencyProfile } from '../../core/kernel/pace.ts';
import type { Upstream } from './upstream.ts';

export interface ApiRouteOptions {
  service: MassiveService;
  /** The Search and Browser services, on the same account, jobs and batches. */
  web: WebServices;
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
  /** The pace of Search and Browser answers (the AI service draws its own, in the service). */
  latency: { profile: LatencyProfile; timeScale: number };
  /** Record and replay (--upstream, --record): asked first, it may answer the call itself. */
  upstream?: Upstream;
  /** The canned answers the service serves from, so a reply can say which one answered. */
  fixtures?: { find(conversation: Conversation): { origin: string } | undefined };
  /** Worker threads that make replies under load (none: every reply is made on the event loop). */
  answerWorkers?: AnswerWorkers;
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

export function unknownRevision(id: string): ApiError {
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
export function worded(error: ApiError, document: OpenApiDocument): ApiError {
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
  /** The paths whose GET takes a `callback` in this revision (`/search` from June, `/browser` from July). */
  callbackPaths: ReadonlySet<string>;
}

type GetOperation = { parameters?: { name: string }[]; responses?: Record<string, unknown> };

export function revisionRoutes(revision: Revision): RevisionRoutes {
  const document = loadApiDocument(revision);
  const getOf = (path: string) => document.paths[path]?.get as GetOperation | undefined;
  return {
    revision,
    document,
    errors: documentedErrors(document),
    takesCallback: getOf('/ai')?.parameters?.some((parameter) => parameter.name === 'callback') === true,
    callbackPaths: new Set(
      Object.keys(document.paths).filter((path) =>
        getOf(path)?.parameters?.some((parameter) => parameter.name === 'callback'),
      ),
    ),
    statusCodes: Object.fromEntries(
      Object.keys(document.paths).map((path) => [path, getOf(path)?.responses?.['202'] ? 202 : 200]),
    ),
  };
}
