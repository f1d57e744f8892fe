import type { CallbackScheduler, SubjectView } from './callback-scheduler.ts';
import { jobNotification, parseCallback } from './callbacks.ts';
import type { Clock } from '../../kernel/clock.ts';
import { ApiError } from '../errors.ts';
import type { CallbackFault } from '../../control/faults.ts';
import { parseAiRequest, type AiRequest, type Query } from '../params/request.ts';
import { drawUuid } from '../../kernel/random.ts';
import type { MassiveService } from '../service.ts';
import type { BatchRecord, DeliveryRecord, JobRecord, Store } from '../store.ts';
import type { WebService } from '../web/request.ts';

/** July's job and batch statuses. */
export type BatchState = 'retrieving' | 'archiving' | 'successful' | 'failed';

/** `GET /ai/batches?id=`: the documented BatchStatus. */
export interface BatchStatus {
  id: string;
  status: BatchState;
  count: number;
  successful: number;
  failed: number;
  /** The archive, once every prompt has finished. */
  url?: string;
}

/** A batch as the control plane shows it. */
export interface BatchView extends BatchRecord, Omit<BatchStatus, 'id' | 'count'> {
  jobs: string[];
}

/** The body of `POST /ai/batches`, its shape already checked against the document. */
export interface BatchBody {
  prompts: string[];
  expiration?: number;
  callback?: string;
  [parameter: string]: unknown;
}

/** How one batch call is decided: its price per item and what the fault rules impose. */
export interface BatchTerms {
  cost: number;
  /** Whether the fault rules fail the item at this index (and which rules fired). */
  failPrompt(index: number, item: string): boolean;
  callbackFault?: CallbackFault;
  rules: string[];
}

/** What a batch of any service is: its items (prompts, terms or URLs), and how one is queued. */
export interface BatchSpec {
  items: readonly string[];
  expiration: 0 | 1;
  callback: string | null;
  /** Search or Browser; an AI batch has none. */
  service?: WebService;
  enqueue(item: string, failJob: boolean, batch: { batchId: string; batchIndex: number }): JobRecord;
}

interface BatchContext {
  store: Store;
  clock: Clock;
  seed: number;
  service: MassiveService;
  callbacks: () => CallbackScheduler;
}

const SHARED = ['model', 'device', 'country', 'subdivision', 'city', 'language', 'display', 'format'];

/** The shared parameters as `/ai` takes them, so the very same rules check them. */
function batchRequest(body: BatchBody): AiRequest {
  const query: Record<string, string> = { prompt: '', mode: 'async' };
  for (const key of SHARED) if (typeof body[key] === 'string') query[key] = body[key] as string;
  if (body.expiration !== undefined) query.expiration = String(body.expiration);
  return parseAiRequest(query as Query);
}

/** `POST /ai/batches`' body as a batch: each prompt a conversation with the shared parameters. */
export function aiBatchSpec(
  token: string,
  body: BatchBody,
  service: MassiveService,
  cost: number,
): BatchSpec {
  const shared = batchRequest(body);
  return {
    items: body.prompts,
    expiration: shared.expiration,
    callback: body.callback ?? null,
    enqueue: (prompt, failJob, batch) =>
      service.enqueue(
        token,
        { ...shared, conversation: { ...shared.conversation, prompt } },
        { cost },
        { failJob },
        batch,
      ),
  };
}

function statusOf(context: BatchContext, batch: BatchRecord, jobs: readonly JobRecord[]): BatchStatus {
  const phases = jobs.map((job) => context.service.phaseOf(job));
  const successful = phases.filter((phase) => phase === 'ready').length;
  const failed = phases.filter((phase) => phase === 'failed').length;
  const status: BatchState = phases.includes('retrieving')
    ? 'retrieving'
    : phases.includes('archiving')
      ? 'archiving'
      : successful === 0
        ? 'failed'
        : 'successful';
  const finished = status === 'successful' || status === 'failed';
  return {
    id: batch.id,
    status,
    count: batch.count,
    successful,
    failed,
    ...(finished && { url: `${batch.baseUrl}/${batch.service ?? 'ai'}/batches/archive?id=${batch.id}` }),
  };
}

const finishedAt = (jobs: readonly JobRecord[]) => Math.max(...jobs.map((job) => job.readyAt));

function owned(context: BatchContext, token: string, id: string): BatchRecord {
  const batch = context.store.batch(id);
  // A batch of another token (or service) is as unknown as one never issued.
  if (!batch || batch.token !== token) throw ApiError.of('jobNotFound');
  return batch;
}

/**
 * A batch of any service. A balance that cannot pay for every item queues none (402); each item
 * drawn or ruled to fail is not charged.
 */
function createBatch(
  context: BatchContext,
  token: string,
  spec: BatchSpec,
  baseUrl: string,
  terms: BatchTerms,
): { batch: BatchRecord; credits: number } {
  const { store, seed } = context;
  if (spec.callback !== null) parseCallback(spec.callback);
  const balance = store.account(token)?.balance;
  if (balance !== undefined && balance !== null && balance < terms.cost * spec.items.length)
    throw ApiError.of('noCredits');
  return store.transaction(() => {
    let sequence = store.countBatches();
    let id = drawUuid(seed, 'batch-id', sequence);
    while (store.batch(id)) id = drawUuid(seed, 'batch-id', ++sequence);
    const batch: BatchRecord = {
      id,
      token,
      count: spec.items.length,
      createdAt: context.clock.now(),
      baseUrl,
      callback: spec.callback,
      expiration: spec.expiration,
      ...(spec.service && { service: spec.service }),
    };
    store.insertBatch(batch);
    const jobs = spec.items.map((item, batchIndex) =>
      spec.enqueue(item, terms.failPrompt(batchIndex, item), { batchId: id, batchIndex }),
    );
    if (spec.callback !== null)
      context.callbacks().owe({
        subject: { kind: 'batch', id },
        target: spec.callback,
        baseUrl,
        finishedAt: finishedAt(jobs),
        ...(terms.callbackFault && { fault: terms.callbackFault }),
        rules: terms.rules,
      });
    return { batch, credits: jobs.reduce((sum, job) => sum + job.cost, 0) };
  });
}

/** The archive a finished batch's `url` names: each item's job id and status. */
function archiveOf(context: BatchContext, token: string, id: string) {
  const batch = owned(context, token, id);
  const input = batch.service === 'search' ? 'terms' : batch.service === 'browser' ? 'url' : 'prompt';
  return {
    id: batch.id,
    requests: context.store.batchJobs(id).map((job) => {
      const phase = context.service.phaseOf(job);
      return {
        [input]: job.conversation.prompt,
        id: job.id,
        status: phase === 'ready' ? 'successful' : phase,
      };
    }),
  };
}

/** What a delivery's subject looks like now, for the callback scheduler. */
function subjectOf(context: BatchContext, { subject, baseUrl }: DeliveryRecord): SubjectView | undefined {
  const { store } = context;
  if (subject.kind === 'batch') {
    const batch = store.batch(subject.id);
    const jobs = batch ? store.batchJobs(batch.id) : [];
    if (!batch || !jobs.length) return undefined;
    return {
      token: batch.token,
      finishedAt: finishedAt(jobs),
      payload: { ...statusOf(context, batch, jobs) },
    };
  }
  const job = store.job(subject.id);
  if (!job) return undefined;
  const status = context.service.phaseOf(job) === 'ready' ? 'successful' : 'failed';
  return {
    token: job.token,
    finishedAt: job.readyAt,
    payload: jobNotification(baseUrl, job.id, status, job.web?.inputs.service),
  };
}

/** Settles every item not finished yet, in one transaction, and moves the callback. */
function settleUnfinished(context: BatchContext, id: string, settle: (job: JobRecord) => void): BatchView {
  const batch = context.store.batch(id);
  if (!batch) throw ApiError.of('jobNotFound');
  context.store.transaction(() => {
    for (const job of context.store.batchJobs(id)) {
      const phase = context.service.phaseOf(job);
      if (phase === 'retrieving' || phase === 'archiving') settle(job);
    }
  });
  context.callbacks().refresh(id);
  return viewOf(context, batch);
}

function viewOf(context: BatchContext, batch: BatchRecord): BatchView {
  const jobs = context.store.batchJobs(batch.id);
  const { id: _id, count: _count, ...status } = statusOf(context, batch, jobs);
  return { ...batch, ...status, jobs: jobs.map((job) => job.id) };
}

/**
 * July's batches: 1-1,000 items (prompts, search terms or URLs) sharing one set of parameters,
 * each queued as a job of its own (its own drawn fate, fault rules and charge), reported
 * together, and notified once when the last one finishes.
 */
export function createBatches(context: BatchContext) {
  const { store, service } = context;
  return {
    create: (token: string, spec: BatchSpec, baseUrl: string, terms: BatchTerms) =>
      createBatch(context, token, spec, baseUrl, terms),
    /** `GET /<service>/batches?id=`: only a batch of that service is known there. */
    status(token: string, id: string, kind?: WebService): BatchStatus {
      const batch = owned(context, token, id);
      if (batch.service !== kind) throw ApiError.of('jobNotFound');
      return statusOf(context, batch, store.batchJobs(id));
    },
    archive(token: string, id: string, kind?: WebService) {
      if (owned(context, token, id).service !== kind) throw ApiError.of('jobNotFound');
      return archiveOf(context, token, id);
    },
    list: (limit = 1000) => store.batches(limit).map((batch) => viewOf(context, batch)),
    get(id: string): BatchView | undefined {
      const batch = store.batch(id);
      return batch && viewOf(context, batch);
    },
    /** Every item not finished is answered now (one drawn to fail too, and charged `cost`). */
    complete: (id: string, cost: number) =>
      settleUnfinished(context, id, (job) => service.completeJob(job.id, cost)),
    /** Every item not finished fails now, refunded. */
    fail: (id: string) => settleUnfinished(context, id, (job) => service.failJob(job.id)),
    subject: (delivery: DeliveryRecord) => subjectOf(context, delivery),
  };
}

export type Batches = ReturnType<typeof createBatches>;
