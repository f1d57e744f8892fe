import type { Clock } from './clock.ts';
import { conversationKey } from './conversation-key.ts';
import { ApiError } from './errors.ts';
import type { FixtureIndex } from './fixtures.ts';
import { type DomainStyle, generateAnswer, renderConversation } from './generate/index.ts';
import type { Conversation } from './generate/types.ts';
import { DEFAULT_JOB_SETTINGS, drawJobFate, type JobSettings, jobId } from './jobs.ts';
import type { AiRequest, Format } from './params/request.ts';
import { deriveSeed } from './random.ts';
import type { JobRecord, Store, StoredAnswer } from './store.ts';

export const DAY_MS = 86_400_000;

export interface ServiceOptions {
  store: Store;
  clock: Clock;
  seed: number;
  fixtures: FixtureIndex;
  /** Credits a successful call costs. */
  creditCost: number;
  /** Where generated answers' sources and ads point (see GenerateOptions); reserved by default. */
  sourceDomains?: DomainStyle;
  jobs?: JobSettings;
}

/** How a sync call was answered: the answer, and whether the cache had it. */
export interface Answered {
  answer: StoredAnswer;
  cache: 'hit' | 'miss';
  /** Seconds since the answer was generated. */
  ageSeconds: number;
  credits: number;
}

export type JobState = 'retrieving' | 'failed' | 'ready';

export type Retrieved =
  | { state: 'retrieving'; job: JobRecord }
  | { state: 'failed'; job: JobRecord }
  | { state: 'ready'; job: JobRecord; answer: StoredAnswer };

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
  const { store, clock, seed, fixtures, creditCost } = options;
  const jobSettings = options.jobs ?? DEFAULT_JOB_SETTINGS;

  function freshAnswer(conversation: Conversation, key: string, version: number): StoredAnswer {
    const answerSeed = deriveSeed(seed, key, version);
    const canned = fixtures.find(conversation);
    const rendered = renderConversation(
      conversation,
      canned ? canned.answer : generateAnswer(conversation, answerSeed, { domains: options.sourceDomains }),
      answerSeed,
    );
    return store.addAnswer({
      key,
      version,
      createdAt: clock.now(),
      completionJson: JSON.stringify(rendered.completion),
      raw: rendered.raw,
    });
  }

  /** The cached answer when it is younger than a day and the call allows it, else a new one. */
  function resolve(conversation: Conversation, expiration: 0 | 1): Omit<Answered, 'credits'> {
    const key = conversationKey(conversation);
    const latest = store.latestAnswer(key);
    const now = clock.now();
    if (latest && expiration === 1 && now - latest.createdAt < DAY_MS) {
      return { answer: latest, cache: 'hit', ageSeconds: Math.floor((now - latest.createdAt) / 1000) };
    }
    return {
      answer: freshAnswer(conversation, key, (latest?.version ?? 0) + 1),
      cache: 'miss',
      ageSeconds: 0,
    };
  }

  function ensureCredits(token: string): void {
    const balance = store.account(token)?.balance;
    if (balance !== undefined && balance !== null && balance < creditCost) throw ApiError.of('noCredits');
  }

  function debit(token: string): void {
    if (!store.debit(token, creditCost)) throw ApiError.of('noCredits');
  }

  const stateOf = (job: JobRecord): JobState =>
    clock.now() < job.readyAt
      ? 'retrieving'
      : job.outcome === 'failed' || job.answerId === null
        ? 'failed'
        : 'ready';

  function existingJob(id: string): JobRecord {
    const job = store.job(id);
    if (!job) throw ApiError.of('jobNotFound');
    return job;
  }

  return {
    creditCost,
    stateOf,

    /** `GET /ai` in sync mode. Throws 402 when the token's balance can't pay. */
    answer(token: string, request: AiRequest): Answered {
      ensureCredits(token);
      return store.transaction(() => {
        const answered = resolve(request.conversation, request.expiration);
        debit(token);
        return { ...answered, credits: creditCost };
      });
    },

    /** `GET /ai?mode=async`: queues the conversation. Its fate is drawn now; only success is charged. */
    enqueue(token: string, request: AiRequest, overrides: CallOverrides = {}): JobRecord {
      return store.transaction(() => {
        let sequence = store.countJobs();
        let id = jobId(seed, sequence);
        while (store.job(id)) id = jobId(seed, ++sequence);
        const fate = drawJobFate(seed, id, jobSettings);
        const outcome = overrides.failJob ? 'failed' : fate.outcome;
        if (outcome === 'completed') ensureCredits(token);
        const answered =
          outcome === 'completed' ? resolve(request.conversation, request.expiration) : undefined;
        if (answered) debit(token);
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
          cost: answered ? creditCost : 0,
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
      if (!job || job.token !== token) throw ApiError.of('jobNotFound');
      const state = stateOf(job);
      if (state !== 'ready') return { state, job };
      const answer = job.answerId === null ? undefined : store.answer(job.answerId);
      if (!answer) throw ApiError.of('unknown');
      return { state, job, answer };
    },

    /** Makes a job ready now; a job drawn to fail is answered (and charged) instead. */
    completeJob(id: string): JobRecord {
      return store.transaction(() => {
        const job = existingJob(id);
        const now = clock.now();
        if (job.outcome === 'completed' && job.answerId !== null) {
          store.settleJob(id, 'completed', Math.min(job.readyAt, now), job.answerId, job.cost);
        } else {
          ensureCredits(job.token);
          const { answer } = resolve(job.conversation, 1);
          debit(job.token);
          store.settleJob(id, 'completed', now, answer.id, creditCost);
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

const encoded = new WeakMap<StoredAnswer, Partial<Record<Format, Buffer>>>();

/**
 * The body and content type of an answer in the format the call asked for, encoded once per
 * answer and format: a cache hit then sends bytes it already has.
 */
export function answerBody(answer: StoredAnswer, format: Format): { contentType: string; body: Buffer } {
  const contentType = format === 'json' ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8';
  let bodies = encoded.get(answer);
  if (!bodies) encoded.set(answer, (bodies = {}));
  bodies[format] ??= Buffer.from(
    format === 'json'
      ? answer.completionJson
      : format === 'raw'
        ? answer.raw
        : (JSON.parse(answer.completionJson) as { html: string }).html,
  );
  return { contentType, body: bodies[format] };
}
