import type { Clock } from '../kernel/clock.ts';
import { conversationKey } from './conversation.ts';
import { ApiError } from './errors.ts';
import type { CannedAnswer, FixtureIndex } from './fixtures.ts';
import type { DomainStyle } from './generate/index.ts';
import type { Conversation } from './conversation.ts';
import { DEFAULT_JOB_SETTINGS, drawJobFate, type JobSettings, jobId } from './jobs.ts';
import type { AiRequest } from './params/request.ts';
import { deriveSeed } from '../kernel/random.ts';
import { drawLatency, type LatencyDraw, type LatencyProfile } from './latency.ts';
import type { JobPhase } from './revisions/index.ts';
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
  /** How long a fresh answer takes to write (none when not given). */
  latency?: { profile: LatencyProfile; timeScale: number };
}

/** What one call is charged. */
export interface CallTerms {
  cost: number;
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

/** What the service's parts share: its options, and what it remembers between calls. */
interface ServiceContext {
  options: ServiceOptions;
  store: Store;
  clock: Clock;
  jobSettings: JobSettings;
  /**
   * Which canned answer (null: none) wrote the latest answer of a conversation, kept once stubs
   * have changed since the start: a cached answer another stub would now answer is stale.
   */
  writtenBy: Map<string, CannedAnswer | null>;
  /** Fresh answers drawn a latency so far: each draw is the seed's next. */
  latencySequence: number;
}

type Resolved = Omit<Answered, 'credits' | 'delayMs'>;

function staleForStubs(ctx: ServiceContext, conversation: Conversation, key: string): boolean {
  const { fixtures } = ctx.options;
  if (!fixtures.epoch) return false;
  const current = fixtures.find(conversation) ?? null;
  if (ctx.writtenBy.has(key)) return ctx.writtenBy.get(key) !== current;
  return current !== null && (fixtures.epochOf?.(current) ?? 0) > 0;
}

/** A new answer, stored as what makes it: its page is made when it is first read (revisions/present.ts). */
function freshAnswer(ctx: ServiceContext, conversation: Conversation, key: string, version: number) {
  const { fixtures, seed } = ctx.options;
  const canned = fixtures.find(conversation);
  if (fixtures.epoch) ctx.writtenBy.set(key, canned ?? null);
  return ctx.store.addAnswer({
    key,
    version,
    createdAt: ctx.clock.now(),
    seed: deriveSeed(seed, key, version),
    domains: ctx.options.sourceDomains ?? 'reserved',
    canned: canned?.answer ?? null,
  });
}

/** The latest answer, when the call may be served it: younger than a day, allowed, and no stub's since. */
function cached(
  ctx: ServiceContext,
  conversation: Conversation,
  key: string,
  expiration: 0 | 1,
  latest: StoredAnswer | undefined,
): Resolved | undefined {
  const now = ctx.clock.now();
  if (
    latest &&
    expiration === 1 &&
    now - latest.createdAt < DAY_MS &&
    !staleForStubs(ctx, conversation, key)
  ) {
    return { answer: latest, cache: 'hit', ageSeconds: Math.floor((now - latest.createdAt) / 1000) };
  }
  return undefined;
}

/** The cached answer when the call may be served it, else a new one. */
function resolve(
  ctx: ServiceContext,
  conversation: Conversation,
  expiration: 0 | 1,
  key = conversationKey(conversation),
): Resolved {
  const latest = ctx.store.latestAnswer(key);
  return (
    cached(ctx, conversation, key, expiration, latest) ?? {
      answer: freshAnswer(ctx, conversation, key, (latest?.version ?? 0) + 1),
      cache: 'miss',
      ageSeconds: 0,
    }
  );
}

/** How long a fresh answer of this model takes to write: the seed's next draw. */
function drawFor(ctx: ServiceContext, conversation: Conversation): LatencyDraw | undefined {
  const { latency, seed } = ctx.options;
  if (!latency) return undefined;
  return drawLatency(latency.profile, conversation.model, {
    seed,
    sequence: ++ctx.latencySequence,
    timeScale: latency.timeScale,
  });
}

/** Throws 402 when the token's balance can't pay; returns the balance (null or undefined: unlimited). */
function ensureCredits(ctx: ServiceContext, token: string, cost: number): number | null | undefined {
  const balance = ctx.store.account(token)?.balance;
  if (balance !== undefined && balance !== null && balance < cost) throw ApiError.of('noCredits');
  return balance;
}

function debit(ctx: ServiceContext, token: string, cost: number): void {
  if (!ctx.store.debit(token, cost)) throw ApiError.of('noCredits');
}

/** A batch's prompt is answered when first fetched (see `enqueue`); any other job, when queued. */
const answerable = (job: JobRecord) =>
  job.answerId !== null || job.batchId !== undefined || (job.web?.answerId ?? null) !== null;

/** The next job id drawn from the seed that no job has yet. */
function newJobId(ctx: ServiceContext): string {
  const { store, options } = ctx;
  let sequence = store.countJobs();
  let id = jobId(options.seed, sequence);
  while (store.job(id)) id = jobId(options.seed, ++sequence);
  return id;
}

function phaseOf(ctx: ServiceContext, job: JobRecord): JobPhase {
  const now = ctx.clock.now();
  if (now >= job.readyAt) return job.outcome === 'failed' || !answerable(job) ? 'failed' : 'ready';
  const archivingFrom = job.readyAt - (job.readyAt - job.createdAt) * ARCHIVING_SHARE;
  return now >= archivingFrom && job.outcome === 'completed' ? 'archiving' : 'retrieving';
}

/** The answer of a batch's prompt, written now that it is first fetched (it was charged when queued). */
function answerLater(ctx: ServiceContext, job: JobRecord): number {
  const { store } = ctx;
  return store.transaction(() => {
    const expiration = store.batch(job.batchId ?? '')?.expiration ?? 1;
    const { answer } = resolve(ctx, job.conversation, expiration);
    store.settleJob(job.id, 'completed', job.readyAt, answer.id, job.cost);
    return answer.id;
  });
}

function existingJob(ctx: ServiceContext, id: string): JobRecord {
  const job = ctx.store.job(id);
  if (!job) throw ApiError.of('jobNotFound');
  return job;
}

/**
 * `GET /ai` in sync mode. Throws 402 when the token's balance can't pay. A fresh answer that
 * runs past the budget is neither kept nor charged: the caller gets a 504 after the wait.
 */
function answer(
  ctx: ServiceContext,
  token: string,
  request: AiRequest,
  terms: CallTerms,
): Answered | TimedOut {
  const { store } = ctx;
  const { cost } = terms;
  const { conversation, expiration } = request;
  const key = conversationKey(conversation);
  // An unlimited account served from the cache writes nothing: no transaction to pay for.
  if ((ensureCredits(ctx, token, cost) ?? null) === null) {
    const hit = cached(ctx, conversation, key, expiration, store.latestAnswer(key));
    if (hit) return { ...hit, credits: cost, delayMs: 0 };
  }
  let timedOut: TimedOut | undefined;
  try {
    return store.transaction(() => {
      const answered = resolve(ctx, conversation, expiration, key);
      const draw = answered.cache === 'miss' ? drawFor(ctx, conversation) : undefined;
      if (draw?.timedOut) {
        timedOut = { timedOut: true, delayMs: draw.delayMs };
        throw new Rollback();
      }
      debit(ctx, token, cost);
      return { ...answered, credits: cost, delayMs: draw?.delayMs ?? 0 };
    });
  } catch (error) {
    if (error instanceof Rollback && timedOut) return timedOut;
    throw error;
  }
}

/**
 * `GET /ai?mode=async`: queues the conversation. Its fate is drawn now; only success is charged.
 * A batch's prompt is answered when it is first fetched, not now: a thousand fresh answers
 * would hold the batch's call (and every other request) for seconds.
 */
function enqueue(
  ctx: ServiceContext,
  token: string,
  request: AiRequest,
  terms: CallTerms,
  overrides: CallOverrides = {},
  batch?: { batchId: string; batchIndex: number },
): JobRecord {
  const { store, options } = ctx;
  const { cost } = terms;
  return store.transaction(() => {
    const id = newJobId(ctx);
    const fate = drawJobFate(options.seed, id, ctx.jobSettings);
    const outcome = overrides.failJob ? 'failed' : fate.outcome;
    if (outcome === 'completed') ensureCredits(ctx, token, cost);
    const answered =
      outcome === 'completed' && !batch ? resolve(ctx, request.conversation, request.expiration) : undefined;
    const charged = outcome === 'completed';
    if (charged) debit(ctx, token, cost);
    const now = ctx.clock.now();
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
}

/** `GET /ai/completions`: a job's state, worked out from the clock. A job of another token is as unknown as one never issued. */
function retrieve(ctx: ServiceContext, token: string, id: string): Retrieved {
  const job = ctx.store.job(id);
  // A Search or Browser job is not a conversation: /ai knows it no more than one never issued.
  if (!job || job.token !== token || job.web) throw ApiError.of('jobNotFound');
  const phase = phaseOf(ctx, job);
  if (phase !== 'ready') return { phase, job };
  const stored = ctx.store.answer(job.answerId ?? answerLater(ctx, job));
  if (!stored) throw ApiError.of('unknown');
  return { phase, job, answer: stored };
}

/** Makes a job ready now; a job drawn to fail is answered (and charged `cost`) instead. */
function completeJob(ctx: ServiceContext, id: string, cost: number): JobRecord {
  const { store } = ctx;
  return store.transaction(() => {
    const job = existingJob(ctx, id);
    const now = ctx.clock.now();
    if (job.outcome === 'completed' && answerable(job)) {
      store.settleJob(id, 'completed', Math.min(job.readyAt, now), job.answerId, job.cost);
    } else {
      ensureCredits(ctx, job.token, cost);
      const { answer: resolved } = resolve(ctx, job.conversation, 1);
      debit(ctx, job.token, cost);
      store.settleJob(id, 'completed', now, resolved.id, cost);
    }
    return existingJob(ctx, id);
  });
}

/** Makes a job fail now, refunding what it was charged. */
function failJob(ctx: ServiceContext, id: string): JobRecord {
  const { store } = ctx;
  return store.transaction(() => {
    const job = existingJob(ctx, id);
    if (job.cost > 0) store.refund(job.token, job.cost);
    store.settleJob(id, 'failed', Math.min(job.readyAt, ctx.clock.now()), null, 0);
    return existingJob(ctx, id);
  });
}

/**
 * The Massive AI service: answers, the one-day cache, credits and queued jobs. Pure of any
 * transport: the HTTP adapter and the library API both drive it.
 */
export function createService(options: ServiceOptions) {
  const ctx: ServiceContext = {
    options,
    store: options.store,
    clock: options.clock,
    jobSettings: options.jobs ?? DEFAULT_JOB_SETTINGS,
    writtenBy: new Map(),
    latencySequence: 0,
  };
  return {
    phaseOf: (job: JobRecord): JobPhase => phaseOf(ctx, job),
    stateOf(job: JobRecord): JobState {
      const phase = phaseOf(ctx, job);
      return phase === 'archiving' ? 'retrieving' : phase;
    },
    answer: (token: string, request: AiRequest, terms: CallTerms) => answer(ctx, token, request, terms),
    enqueue: (
      token: string,
      request: AiRequest,
      terms: CallTerms,
      overrides?: CallOverrides,
      batch?: { batchId: string; batchIndex: number },
    ) => enqueue(ctx, token, request, terms, overrides, batch),
    retrieve: (token: string, id: string) => retrieve(ctx, token, id),
    completeJob: (id: string, cost: number) => completeJob(ctx, id, cost),
    failJob: (id: string) => failJob(ctx, id),
    // What the Search and Browser services share with this one: the account and the job ids.
    ensureCredits: (token: string, cost: number) => ensureCredits(ctx, token, cost),
    debit: (token: string, cost: number) => debit(ctx, token, cost),
    newJobId: () => newJobId(ctx),
  };
}

export type MassiveService = ReturnType<typeof createService>;
