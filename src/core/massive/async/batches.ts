import type { CallbackScheduler, SubjectView } from './callback-scheduler.ts';
import { jobNotification, parseCallback } from './callbacks.ts';
import type { Clock } from '../../kernel/clock.ts';
import { ApiError } from '../errors.ts';
import type { CallbackFault } from '../../control/faults.ts';
import { parseAiRequest, type AiRequest, type Query } from '../params/request.ts';
import { drawUuid } from '../../kernel/random.ts';
import type { MassiveService } from '../service.ts';
import type { BatchRecord, DeliveryRecord, JobRecord, Store } from '../store.ts';

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

/** How one batch call is decided: its price per prompt and what the fault rules impose. */
export interface BatchTerms {
  cost: number;
  /** Whether the fault rules fail the prompt at this index (and which rules fired). */
  failPrompt(index: number, prompt: string): boolean;
  callbackFault?: CallbackFault;
  rules: string[];
}

const SHARED = ['model', 'device', 'country', 'subdivision', 'city', 'language', 'display', 'format'];

/** The shared parameters as `/ai` takes them, so the very same rules check them. */
function batchRequest(body: BatchBody): AiRequest {
  const query: Record<string, string> = { prompt: '', mode: 'async' };
  for (const key of SHARED) if (typeof body[key] === 'string') query[key] = body[key] as string;
  if (body.expiration !== undefined) query.expiration = String(body.expiration);
  return parseAiRequest(query as Query);
}

/**
 * July's batches: 1-1,000 prompts sharing one set of parameters, each queued as a job of its own
 * (its own drawn fate, fault rules and charge), reported together, and notified once when the
 * last one finishes.
 */
export function createBatches(options: {
  store: Store;
  clock: Clock;
  seed: number;
  service: MassiveService;
  callbacks: () => CallbackScheduler;
}) {
  const { store, clock, seed, service } = options;

  function statusOf(batch: BatchRecord, jobs: readonly JobRecord[]): BatchStatus {
    const phases = jobs.map((job) => service.phaseOf(job));
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
      ...(finished && { url: `${batch.baseUrl}/ai/batches/archive?id=${batch.id}` }),
    };
  }

  const finishedAt = (jobs: readonly JobRecord[]) => Math.max(...jobs.map((job) => job.readyAt));

  function existing(id: string): BatchRecord {
    const batch = store.batch(id);
    if (!batch) throw ApiError.of('jobNotFound');
    return batch;
  }

  function owned(token: string, id: string): BatchRecord {
    const batch = store.batch(id);
    // A batch of another token is as unknown as one never issued.
    if (!batch || batch.token !== token) throw ApiError.of('jobNotFound');
    return batch;
  }

  const view = (batch: BatchRecord): BatchView => {
    const jobs = store.batchJobs(batch.id);
    const { id: _id, count: _count, ...status } = statusOf(batch, jobs);
    return { ...batch, ...status, jobs: jobs.map((job) => job.id) };
  };

  /** Settles every prompt not finished yet, in one transaction, and moves the callback. */
  function settleUnfinished(id: string, settle: (job: JobRecord) => void): BatchView {
    const batch = existing(id);
    store.transaction(() => {
      for (const job of store.batchJobs(id)) {
        const phase = service.phaseOf(job);
        if (phase === 'retrieving' || phase === 'archiving') settle(job);
      }
    });
    options.callbacks().refresh(id);
    return view(batch);
  }

  return {
    /**
     * `POST /ai/batches`. A balance that cannot pay for every prompt queues none (402); each
     * prompt drawn or ruled to fail is not charged.
     */
    create(
      token: string,
      body: BatchBody,
      baseUrl: string,
      terms: BatchTerms,
    ): { batch: BatchRecord; credits: number } {
      const shared = batchRequest(body);
      const callback = body.callback ?? null;
      if (callback !== null) parseCallback(callback);
      const balance = store.account(token)?.balance;
      if (balance !== undefined && balance !== null && balance < terms.cost * body.prompts.length)
        throw ApiError.of('noCredits');
      return store.transaction(() => {
        let sequence = store.countBatches();
        let id = drawUuid(seed, 'batch-id', sequence);
        while (store.batch(id)) id = drawUuid(seed, 'batch-id', ++sequence);
        const batch: BatchRecord = {
          id,
          token,
          count: body.prompts.length,
          createdAt: clock.now(),
          baseUrl,
          callback,
          expiration: shared.expiration,
        };
        store.insertBatch(batch);
        const jobs = body.prompts.map((prompt, batchIndex) =>
          service.enqueue(
            token,
            { ...shared, conversation: { ...shared.conversation, prompt } },
            { cost: terms.cost },
            { failJob: terms.failPrompt(batchIndex, prompt) },
            { batchId: id, batchIndex },
          ),
        );
        if (callback !== null)
          options.callbacks().owe({
            subject: { kind: 'batch', id },
            target: callback,
            baseUrl,
            finishedAt: finishedAt(jobs),
            ...(terms.callbackFault && { fault: terms.callbackFault }),
            rules: terms.rules,
          });
        return { batch, credits: jobs.reduce((sum, job) => sum + job.cost, 0) };
      });
    },

    /** `GET /ai/batches?id=`. */
    status: (token: string, id: string): BatchStatus => {
      const batch = owned(token, id);
      return statusOf(batch, store.batchJobs(id));
    },

    /** The archive a finished batch's `url` names: each prompt's job id and status. */
    archive(token: string, id: string) {
      const batch = owned(token, id);
      return {
        id: batch.id,
        requests: store.batchJobs(id).map((job) => {
          const phase = service.phaseOf(job);
          return {
            prompt: job.conversation.prompt,
            id: job.id,
            status: phase === 'ready' ? 'successful' : phase,
          };
        }),
      };
    },

    list: (limit = 1000) => store.batches(limit).map(view),
    get(id: string): BatchView | undefined {
      const batch = store.batch(id);
      return batch && view(batch);
    },
    /** Every prompt not finished is answered now (one drawn to fail too, and charged `cost`). */
    complete: (id: string, cost: number) => settleUnfinished(id, (job) => service.completeJob(job.id, cost)),
    /** Every prompt not finished fails now, refunded. */
    fail: (id: string) => settleUnfinished(id, (job) => service.failJob(job.id)),

    /** What a delivery's subject looks like now, for the callback scheduler. */
    subject({ subject, baseUrl }: DeliveryRecord): SubjectView | undefined {
      if (subject.kind === 'batch') {
        const batch = store.batch(subject.id);
        const jobs = batch ? store.batchJobs(batch.id) : [];
        if (!batch || !jobs.length) return undefined;
        return { token: batch.token, finishedAt: finishedAt(jobs), payload: { ...statusOf(batch, jobs) } };
      }
      const job = store.job(subject.id);
      if (!job) return undefined;
      const status = service.phaseOf(job) === 'ready' ? 'successful' : 'failed';
      return {
        token: job.token,
        finishedAt: job.readyAt,
        payload: jobNotification(baseUrl, job.id, status),
      };
    },
  };
}

export type Batches = ReturnType<typeof createBatches>;
