import type Database from 'better-sqlite3';
import type { Clock } from '../../core/kernel/clock.ts';
import type { Conversation } from '../../core/massive/conversation.ts';
import type { Format } from '../../core/massive/params/request.ts';
import { jobCutoff, type Retention } from '../../core/massive/retention.ts';
import type { BatchRecord, JobOutcome, JobRecord, Store, WebJob } from '../../core/massive/store.ts';
import type { WebService } from '../../core/massive/web/request.ts';
import type { Writer } from './writer.ts';

interface JobRow {
  id: string;
  token: string;
  conversation: string;
  format: string;
  created_at: number;
  ready_at: number;
  outcome: string;
  answer_id: number | null;
  cost: number;
  batch_id: string | null;
  batch_index: number | null;
  web: string | null;
  web_answer_id: number | null;
}

interface BatchRow {
  id: string;
  token: string;
  count: number;
  created_at: number;
  base_url: string;
  callback: string | null;
  expiration: number;
  service: WebService | null;
}

const toJob = (row: JobRow): JobRecord => ({
  id: row.id,
  token: row.token,
  conversation: JSON.parse(row.conversation) as Conversation,
  format: row.format as Format,
  createdAt: row.created_at,
  readyAt: row.ready_at,
  outcome: row.outcome as JobOutcome,
  answerId: row.answer_id,
  cost: row.cost,
  ...(row.batch_id !== null && { batchId: row.batch_id, batchIndex: row.batch_index ?? 0 }),
  ...(row.web !== null && {
    web: { ...(JSON.parse(row.web) as Omit<WebJob, 'answerId'>), answerId: row.web_answer_id },
  }),
});

const toBatch = (row: BatchRow): BatchRecord => ({
  id: row.id,
  token: row.token,
  count: row.count,
  createdAt: row.created_at,
  baseUrl: row.base_url,
  callback: row.callback,
  expiration: row.expiration === 0 ? 0 : 1,
  ...(row.service !== null && { service: row.service }),
});

type JobStore = Pick<
  Store,
  | 'insertJob'
  | 'job'
  | 'jobs'
  | 'countJobs'
  | 'settleJob'
  | 'batchJobs'
  | 'insertBatch'
  | 'batch'
  | 'batches'
  | 'countBatches'
>;

/** Queued jobs (those past their retention are gone, as if never issued) and the batches they belong to. */
export function jobStore(
  db: Database.Database,
  writer: Writer,
  clock: Clock,
  retention: Retention,
): JobStore {
  const sql = {
    insertJob: db.prepare(
      `INSERT INTO jobs (id, token, conversation, format, created_at, ready_at, outcome, answer_id, cost,
                         batch_id, batch_index, web, web_answer_id)
       VALUES (@id, @token, @conversation, @format, @createdAt, @readyAt, @outcome, @answerId, @cost,
               @batchId, @batchIndex, @web, @webAnswerId)`,
    ),
    countJob: db.prepare("UPDATE counters SET value = value + 1 WHERE name = 'jobs'"),
    job: db.prepare<[string, number], JobRow>('SELECT * FROM jobs WHERE id = ? AND ready_at >= ?'),
    jobs: db.prepare<[number, number], JobRow>(
      'SELECT * FROM jobs WHERE ready_at >= ? ORDER BY seq DESC LIMIT ?',
    ),
    countJobs: db.prepare<[], { value: number }>("SELECT value FROM counters WHERE name = 'jobs'"),
    settleJob: db.prepare('UPDATE jobs SET outcome = ?, ready_at = ?, answer_id = ?, cost = ? WHERE id = ?'),
    batchJobs: db.prepare<[string], JobRow>('SELECT * FROM jobs WHERE batch_id = ? ORDER BY batch_index'),
    insertBatch: db.prepare(
      `INSERT INTO batches (id, token, count, created_at, base_url, callback, expiration, service)
       VALUES (@id, @token, @count, @createdAt, @baseUrl, @callback, @expiration, @service)`,
    ),
    batch: db.prepare<[string], BatchRow>('SELECT * FROM batches WHERE id = ?'),
    batches: db.prepare<[number], BatchRow>('SELECT * FROM batches ORDER BY seq DESC LIMIT ?'),
    countBatches: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM batches'),
  };
  return {
    insertJob(job) {
      writer.write(() => {
        sql.insertJob.run({
          ...job,
          conversation: JSON.stringify(job.conversation),
          batchId: job.batchId ?? null,
          batchIndex: job.batchIndex ?? null,
          web: job.web ? JSON.stringify({ inputs: job.web.inputs, view: job.web.view }) : null,
          webAnswerId: job.web?.answerId ?? null,
        });
        sql.countJob.run();
      });
    },
    job(id) {
      const row = sql.job.get(id, jobCutoff(clock.now(), retention));
      return row && toJob(row);
    },
    jobs: (limit) => sql.jobs.all(jobCutoff(clock.now(), retention), limit).map(toJob),
    countJobs: () => sql.countJobs.get()?.value ?? 0,
    settleJob(id, outcome, readyAt, answerId, cost) {
      writer.write(() => sql.settleJob.run(outcome, readyAt, answerId, cost, id));
    },

    batchJobs: (batchId) => sql.batchJobs.all(batchId).map(toJob),
    insertBatch(batch) {
      writer.write(() => sql.insertBatch.run({ ...batch, service: batch.service ?? null }));
    },
    batch(id) {
      const row = sql.batch.get(id);
      return row && toBatch(row);
    },
    batches: (limit) => sql.batches.all(limit).map(toBatch),
    countBatches: () => sql.countBatches.get()?.n ?? 0,
  };
}
