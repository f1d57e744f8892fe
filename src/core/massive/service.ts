import type { Clock } from '../kernel/clock.ts';
import { conversationKey } from './conversation.ts';
import { ApiError } from './errors.ts';
import type { CannedAnswer, FixtureIndex } from './fixtures.ts';
import { type DomainStyle, generateAnswer, renderConversation } from './generate/index.ts';
import { chatgptEventStream } from './generate/sse.ts';
import type { Completion, Conversation } from './conversation.ts';
import { DEFAULT_JOB_SETTINGS, drawJobFate, type JobSettings, jobId } from './jobs.ts';
import type { AiRequest, Format } from './params/request.ts';
import { deriveSeed } from '../kernel/random.ts';
import type { LatencyDraw } from './latency.ts';
import type { JobPhase, PageView, Revision } from './revisions/index.ts';
import type { JobRecord, Store, StoredAnswer } from './store.ts';

export const DAY_MS = 86_400_000;

export interface ServiceOptions {
  store: Store;
  clock: Clock;
  seed: number;
  /** A fixed index, or a registry whose stubs change at run time (`epoch` counts the changes). */
  fixtures: Pick<FixtureIndex, 'find'> & { epoch?: number; epochOf?: (fixture: CannedAnswer) => number };
  /** Where generated answers' sources and ads point (see GenerateOptions); reserved by default. */
  sourceDomains?: DomainStyle;
  jobs?: JobSettings;
}

/** What one call is charged, and how long a fresh answer takes (drawn only on a cache miss). */
export interface CallTerms {
  cost: number;
  latency?: () => LatencyDraw;
}

/** How a sync call was answered: the answer, and whether the cache had it. */
export interface Answered {
  answer: StoredAnswer;
  cache: 'hit' | 'miss';
  /** Seconds since the answer was generated. */
  ageSeconds: number;
  credits: number;
  /** How long the fresh answer took to write, to wait before sending it. */
  delayMs: number;
}

/** A fresh answer that ran past the service's budget: nothing stored, nothing charged. */
export interface TimedOut {
  timedOut: true;
  delayMs: number;
}

export type JobState = 'retrieving' | 'failed' | 'ready';

/** The last quarter of a job's time is spent archiving its answer (July's `archiving` status). */
const ARCHIVING_SHARE = 0.25;

/** Rolls a transaction back when the fresh answer it wrote timed out. */
class Rollback extends Error {}

export type Retrieved =
  | { phase: Exclude<JobPhase, 'ready'>; job: JobRecord }
  | { phase: 'ready'; job: JobRecord; answer: StoredAnswer };

/** Options a fault rule can impose on one call. */
export interface CallOverrides {
  /** The queued job ends `failed`, whatever its draw. */
  failJob?: boolean;
}

/**
 * The Massive AI service: answers, the one-day cache, credits and queued jobs. Pure of any
 * transport: the HTTP adapter and the library API both drive it.
 */
export function createService(options: ServiceOptions) {
  const { store, clock, seed, fixtures } = options;
  const jobSettings = options.jobs ?? DEFAULT_JOB_SETTINGS;

  /**
   * Which canned answer (null: none) wrote the latest answer of a conversation, kept once stubs
   * have changed since the start: a cached answer another stub would now answer is stale.
   */
  const writtenBy = new Map<string, CannedAnswer | null>();
  function staleForStubs(conversation: Conversation, key: string): boolean {
    if (!fixtures.epoch) return false;
    const current = fixtures.find(conversation) ?? null;
    if (writtenBy.has(key)) return writtenBy.get(key) !== current;
    return current !== null && (fixtures.epochOf?.(current) ?? 0) > 0;
  }

  function freshAnswer(conversation: Conversation, key: string, version: number): StoredAnswer {
    const answerSeed = deriveSeed(seed, key, version);
    const canned = fixtures.find(conversation);
    if (fixtures.epoch) writtenBy.set(key, canned ?? null);
    const answer = canned
      ? canned.answer
      : generateAnswer(conversation, answerSeed, { domains: options.sourceDomains });
    const rendered = renderConversation(conversation, answer, answerSeed);
    const sse = chatgptEventStream(conversation, answer, answerSeed);
    const stored = store.addAnswer({
      key,
      version,
      createdAt: clock.now(),
      completionJson: JSON.stringify(rendered.completion),
      raw: rendered.raw,
      sse,
    });
    // The page is at hand: presenting the fresh answer need not parse back what was just encoded.
    pages.set(stored, { page: rendered.completion, sse });
    return stored;
  }

  type Resolved = Omit<Answered, 'credits' | 'delayMs'>;

  /** The latest answer, when the call may be served it: younger than a day, allowed, and no stub's since. */
  function cached(
    conversation: Conversation,
    key: string,
    expiration: 0 | 1,
    latest: StoredAnswer | undefined,
  ): Resolved | undefined {
    const now = clock.now();
    if (latest && expiration === 1 && now - latest.createdAt < DAY_MS && !staleForStubs(conversation, key)) {
      return { answer: latest, cache: 'hit', ageSeconds: Math.floor((now - latest.createdAt) / 1000) };
    }
    return undefined;
  }

  /** The cached answer when the call may be served it, else a new one. */
  function resolve(
    conversation: Conversation,
    expiration: 0 | 1,
    key = conversationKey(conversation),
  ): Resolved {
    const latest = store.latestAnswer(key);
    return (
      cached(conversation, key, expiration, latest) ?? {
        answer: freshAnswer(conversation, key, (latest?.version ?? 0) + 1),
        cache: 'miss',
        ageSeconds: 0,
      }
    );
  }

  /** Throws 402 when the token's balance can't pay; returns the balance (null or undefined: unlimited). */
  function ensureCredits(token: string, cost: number): number | null | undefined {
    const balance = store.account(token)?.balance;
    if (balance !== undefined && balance !== null && balance < cost) throw ApiError.of('noCredits');
    return balance;
  }

  function debit(token: string, cost: number): void {
    if (!store.debit(token, cost)) throw ApiError.of('noCredits');
  }

  function phaseOf(job: JobRecord): JobPhase {
    const now = clock.now();
    if (now >= job.readyAt) return job.outcome === 'failed' || !answerable(job) ? 'failed' : 'ready';
    const archivingFrom = job.readyAt - (job.readyAt - job.createdAt) * ARCHIVING_SHARE;
    return now >= archivingFrom && job.outcome === 'completed' ? 'archiving' : 'retrieving';
  }

  const stateOf = (job: JobRecord): JobState => {
    const phase = phaseOf(job);
    return phase === 'archiving' ? 'retrieving' : phase;
  };

  /** A batch's prompt is answered when first fetched (see `enqueue`); any other job, when queued. */
  const answerable = (job: JobRecord) =>
    job.answerId !== null || job.batchId !== undefined || (job.web?.answerId ?? null) !== null;

  /** The next job id drawn from the seed that no job has yet. */
  function newJobId(): string {
    let sequence = store.countJobs();
    let id = jobId(seed, sequence);
    while (store.job(id)) id = jobId(seed, ++sequence);
    return id;
  }

  /** The answer of a batch's prompt, written now that it is first fetched (it was charged when queued). */
  function answerLater(job: JobRecord): number {
    return store.transaction(() => {
      const expiration = store.batch(job.batchId ?? '')?.expiration ?? 1;
      const { answer } = resolve(job.conversation, expiration);
      store.settleJob(job.id, 'completed', job.readyAt, answer.id, job.cost);
      return answer.id;
    });
  }

  function existingJob(id: string): JobRecord {
    const job = store.job(id);
    if (!job) throw ApiError.of('jobNotFound');
    return job;
  }

  return {
    stateOf,
    phaseOf,
    // What the Search and Browser services share with this one: the account and the job ids.
    ensureCredits,
    debit,
    newJobId,

    /**
     * `GET /ai` in sync mode. Throws 402 when the token's balance can't pay. A fresh answer that
     * runs past the budget is neither kept nor charged: the caller gets a 504 after the wait.
     */
    answer(token: string, request: AiRequest, terms: CallTerms): Answered | TimedOut {
      const { cost } = terms;
      const { conversation, expiration } = request;
      const key = conversationKey(conversation);
      // An unlimited account served from the cache writes nothing: no transaction to pay for.
      if ((ensureCredits(token, cost) ?? null) === null) {
        const hit = cached(conversation, key, expiration, store.latestAnswer(key));
        if (hit) return { ...hit, credits: cost, delayMs: 0 };
      }
      let timedOut: TimedOut | undefined;
      try {
        return store.transaction(() => {
          const answered = resolve(conversation, expiration, key);
          const draw = answered.cache === 'miss' ? terms.latency?.() : undefined;
          if (draw?.timedOut) {
            timedOut = { timedOut: true, delayMs: draw.delayMs };
            throw new Rollback();
          }
          debit(token, cost);
          return { ...answered, credits: cost, delayMs: draw?.delayMs ?? 0 };
        });
      } catch (error) {
        if (error instanceof Rollback && timedOut) return timedOut;
        throw error;
      }
    },

    /**
     * `GET /ai?mode=async`: queues the conversation. Its fate is drawn now; only success is charged.
     * A batch's prompt is answered when it is first fetched, not now: a thousand fresh answers
     * would hold the batch's call (and every other request) for seconds.
     */
    enqueue(
      token: string,
      request: AiRequest,
      terms: CallTerms,
      overrides: CallOverrides = {},
      batch?: { batchId: string; batchIndex: number },
    ): JobRecord {
      const { cost } = terms;
      return store.transaction(() => {
        const id = newJobId();
        const fate = drawJobFate(seed, id, jobSettings);
        const outcome = overrides.failJob ? 'failed' : fate.outcome;
        if (outcome === 'completed') ensureCredits(token, cost);
        const answered =
          outcome === 'completed' && !batch ? resolve(request.conversation, request.expiration) : undefined;
        const charged = outcome === 'completed';
        if (charged) debit(token, cost);
        const now = clock.now();
        const job: JobRecord = {
          id,
          token,
          conversation: request.conversation,
          format: request.format,
          createdAt: now,
          readyAt: now + fate.durationMs,
          outcome,
          answerId: answered?.answer.id ?? null,
          cost: charged ? cost : 0,
          ...batch,
        };
        store.insertJob(job);
        return job;
      });
    },

    /**
     * `GET /ai/completions`: a job's state, worked out from the clock. A job of another token is
     * as unknown as one never issued.
     */
    retrieve(token: string, id: string): Retrieved {
      const job = store.job(id);
      // A Search or Browser job is not a conversation: /ai knows it no more than one never issued.
      if (!job || job.token !== token || job.web) throw ApiError.of('jobNotFound');
      const phase = phaseOf(job);
      if (phase !== 'ready') return { phase, job };
      const answer = store.answer(job.answerId ?? answerLater(job));
      if (!answer) throw ApiError.of('unknown');
      return { phase, job, answer };
    },

    /** Makes a job ready now; a job drawn to fail is answered (and charged `cost`) instead. */
    completeJob(id: string, cost: number): JobRecord {
      return store.transaction(() => {
        const job = existingJob(id);
        const now = clock.now();
        if (job.outcome === 'completed' && answerable(job)) {
          store.settleJob(id, 'completed', Math.min(job.readyAt, now), job.answerId, job.cost);
        } else {
          ensureCredits(job.token, cost);
          const { answer } = resolve(job.conversation, 1);
          debit(job.token, cost);
          store.settleJob(id, 'completed', now, answer.id, cost);
        }
        return existingJob(id);
      });
    },

    /** Makes a job fail now, refunding what it was charged. */
    failJob(id: string): JobRecord {
      return store.transaction(() => {
        const job = existingJob(id);
        if (job.cost > 0) store.refund(job.token, job.cost);
        store.settleJob(id, 'failed', Math.min(job.readyAt, clock.now()), null, 0);
        return existingJob(id);
      });
    },
  };
}

export type MassiveService = ReturnType<typeof createService>;

const pages = new WeakMap<StoredAnswer, PageView>();
const encoded = new WeakMap<StoredAnswer, Map<string, Buffer>>();

/** An answer's page, decoded once however many revisions present it. */
function pageOf(answer: StoredAnswer): PageView {
  let view = pages.get(answer);
  if (!view)
    pages.set(answer, (view = { page: JSON.parse(answer.completionJson) as Completion, sse: answer.sse }));
  return view;
}

/**
 * The body and content type of an answer in the format the call asked for, in the revision's
 * shape, encoded once per answer, revision and format: a cache hit then sends bytes it already has.
 */
export function answerBody(
  answer: StoredAnswer,
  format: Format,
  revision: Revision,
): { contentType: string; body: Buffer } {
  const contentType = format === 'json' ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8';
  let bodies = encoded.get(answer);
  if (!bodies) encoded.set(answer, (bodies = new Map()));
  const memo = format === 'json' ? `json ${revision.id}` : format;
  let body = bodies.get(memo);
  if (!body) {
    body = Buffer.from(
      format === 'json'
        ? JSON.stringify(revision.present(pageOf(answer)))
        : format === 'raw'
          ? answer.raw
          : pageOf(answer).page.html,
    );
    bodies.set(memo, body);
  }
  return { contentType, body };
}
