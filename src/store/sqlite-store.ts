import Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import type { Conversation } from '../core/generate/types.ts';
import type { Format } from '../core/params/request.ts';
import type {
  Account,
  BatchRecord,
  CallRecord,
  DeliveryAttempt,
  DeliveryRecord,
  JobOutcome,
  JobRecord,
  Store,
  StoredAnswer,
  UserRecord,
} from '../core/store.ts';
import { MIGRATIONS } from './migrations.ts';

/** The database can't be used: the message says which file and why. */
export class StoreError extends Error {
  override name = 'StoreError';
}

interface AnswerRow {
  id: number;
  key: string;
  version: number;
  created_at: number;
  completion_json: string;
  raw: string;
  sse: string;
}

interface UserRow {
  token: string;
  email: string;
  parent: string | null;
  active: number;
}

interface CallRow {
  token: string;
  service: string;
  success: number;
  credits: number;
  duration_ms: number;
  at: number;
}

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
}

interface BatchRow {
  id: string;
  token: string;
  count: number;
  created_at: number;
  base_url: string;
  callback: string | null;
  expiration: number;
}

interface DeliveryRow {
  id: string;
  subject_kind: 'job' | 'batch';
  subject_id: string;
  target: string;
  base_url: string;
  created_at: number;
  due_at: number;
  status: DeliveryRecord['status'];
  attempts: number;
  delay_ms: number;
  fail_first: number;
  drop_it: number;
  rules: string;
}

interface AttemptRow {
  delivery_id: string;
  attempt: number;
  at: number;
  outcome: string;
  status_code: number | null;
  detail: string;
  duration_ms: number;
}

const toAnswer = (row: AnswerRow): StoredAnswer => ({
  id: row.id,
  key: row.key,
  version: row.version,
  createdAt: row.created_at,
  completionJson: row.completion_json,
  raw: row.raw,
  sse: row.sse,
});

const toUser = (row: UserRow): UserRecord => ({ ...row, active: row.active === 1 });

const toCall = (row: CallRow): CallRecord => ({
  token: row.token,
  service: row.service,
  success: row.success === 1,
  credits: row.credits,
  durationMs: row.duration_ms,
  at: row.at,
});

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
});

const toBatch = (row: BatchRow): BatchRecord => ({
  id: row.id,
  token: row.token,
  count: row.count,
  createdAt: row.created_at,
  baseUrl: row.base_url,
  callback: row.callback,
  expiration: row.expiration === 0 ? 0 : 1,
});

const toDelivery = (row: DeliveryRow): DeliveryRecord => ({
  id: row.id,
  subject: { kind: row.subject_kind, id: row.subject_id },
  target: row.target,
  baseUrl: row.base_url,
  createdAt: row.created_at,
  dueAt: row.due_at,
  status: row.status,
  attempts: row.attempts,
  delayMs: row.delay_ms,
  failFirst: row.fail_first,
  drop: row.drop_it === 1,
  rules: JSON.parse(row.rules) as string[],
});

const toAttempt = (row: AttemptRow): DeliveryAttempt => ({
  deliveryId: row.delivery_id,
  attempt: row.attempt,
  at: row.at,
  outcome: row.outcome,
  statusCode: row.status_code,
  detail: row.detail,
  durationMs: row.duration_ms,
});

function open(path: string): Database.Database {
  try {
    return new Database(path);
  } catch (error) {
    throw new StoreError(`cannot open the database ${path}: ${(error as Error).message}`);
  }
}

function migrate(db: Database.Database, path: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new StoreError(
      `the database ${path} is at schema version ${version}, written by a newer massive-mock ` +
        `(this one knows ${MIGRATIONS.length}); upgrade massive-mock or use another file`,
    );
  }
  for (let step = version; step < MIGRATIONS.length; step++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[step] ?? '');
      db.pragma(`user_version = ${step + 1}`);
    })();
  }
}

/**
 * The store in SQLite: a file by default (WAL, so a killed process loses nothing committed), or
 * `:memory:` for tests and the library API.
 */
export function openSqliteStore(path: string): Store {
  const db = open(path);
  try {
    db.pragma('journal_mode = WAL');
    // With WAL, NORMAL keeps every commit across a killed process; only a power cut could lose the last ones.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, path);
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError(`cannot use the database ${path}: ${(error as Error).message}`);
  }

  const sql = {
    latestAnswer: db.prepare<[string], AnswerRow>(
      'SELECT * FROM answers WHERE key = ? ORDER BY version DESC LIMIT 1',
    ),
    answer: db.prepare<[number], AnswerRow>('SELECT * FROM answers WHERE id = ?'),
    addAnswer: db.prepare(
      'INSERT INTO answers (key, version, created_at, completion_json, raw, sse) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertJob: db.prepare(
      `INSERT INTO jobs (id, token, conversation, format, created_at, ready_at, outcome, answer_id, cost,
                         batch_id, batch_index)
       VALUES (@id, @token, @conversation, @format, @createdAt, @readyAt, @outcome, @answerId, @cost,
               @batchId, @batchIndex)`,
    ),
    batchJobs: db.prepare<[string], JobRow>('SELECT * FROM jobs WHERE batch_id = ? ORDER BY batch_index'),
    insertBatch: db.prepare(
      `INSERT INTO batches (id, token, count, created_at, base_url, callback, expiration)
       VALUES (@id, @token, @count, @createdAt, @baseUrl, @callback, @expiration)`,
    ),
    batch: db.prepare<[string], BatchRow>('SELECT * FROM batches WHERE id = ?'),
    batches: db.prepare<[number], BatchRow>('SELECT * FROM batches ORDER BY seq DESC LIMIT ?'),
    countBatches: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM batches'),
    insertDelivery: db.prepare(
      `INSERT INTO deliveries (id, subject_kind, subject_id, target, base_url, created_at, due_at, status,
                               attempts, delay_ms, fail_first, drop_it, rules)
       VALUES (@id, @subjectKind, @subjectId, @target, @baseUrl, @createdAt, @dueAt, @status,
               @attempts, @delayMs, @failFirst, @drop, @rules)`,
    ),
    delivery: db.prepare<[string], DeliveryRow>('SELECT * FROM deliveries WHERE id = ?'),
    deliveries: db.prepare<[number], DeliveryRow>('SELECT * FROM deliveries ORDER BY seq DESC LIMIT ?'),
    pendingDeliveries: db.prepare<[], DeliveryRow>(
      "SELECT * FROM deliveries WHERE status = 'pending' ORDER BY due_at, seq",
    ),
    deliveriesOf: db.prepare<[string], DeliveryRow>(
      'SELECT * FROM deliveries WHERE subject_id = ? ORDER BY seq',
    ),
    updateDelivery: db.prepare('UPDATE deliveries SET status = ?, attempts = ?, due_at = ? WHERE id = ?'),
    addDeliveryAttempt: db.prepare(
      `INSERT INTO delivery_attempts (delivery_id, attempt, at, outcome, status_code, detail, duration_ms)
       VALUES (@deliveryId, @attempt, @at, @outcome, @statusCode, @detail, @durationMs)`,
    ),
    deliveryAttempts: db.prepare<[string], AttemptRow>(
      'SELECT * FROM delivery_attempts WHERE delivery_id = ? ORDER BY attempt, seq',
    ),
    job: db.prepare<[string], JobRow>('SELECT * FROM jobs WHERE id = ?'),
    jobs: db.prepare<[number], JobRow>('SELECT * FROM jobs ORDER BY seq DESC LIMIT ?'),
    countJobs: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM jobs'),
    settleJob: db.prepare('UPDATE jobs SET outcome = ?, ready_at = ?, answer_id = ?, cost = ? WHERE id = ?'),
    account: db.prepare<[string], Account>('SELECT token, balance FROM accounts WHERE token = ?'),
    accounts: db.prepare<[], Account>('SELECT token, balance FROM accounts ORDER BY token'),
    setBalance: db.prepare(
      'INSERT INTO accounts (token, balance) VALUES (?, ?) ON CONFLICT (token) DO UPDATE SET balance = excluded.balance',
    ),
    openAccount: db.prepare('INSERT OR IGNORE INTO accounts (token, balance) VALUES (?, ?)'),
    refund: db.prepare('UPDATE accounts SET balance = balance + ? WHERE token = ? AND balance IS NOT NULL'),
    user: db.prepare<[string], UserRow>('SELECT * FROM users WHERE token = ?'),
    userByEmail: db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?'),
    subUsers: db.prepare<[string], UserRow>('SELECT * FROM users WHERE parent = ? ORDER BY rowid'),
    addUser: db.prepare(
      'INSERT INTO users (token, email, parent, active) VALUES (@token, @email, @parent, @active)',
    ),
    deactivateUser: db.prepare('UPDATE users SET active = 0 WHERE token = ?'),
    recordCall: db.prepare(
      `INSERT INTO calls (token, service, success, credits, duration_ms, at)
       VALUES (@token, @service, @success, @credits, @durationMs, @at)`,
    ),
    calls: db.prepare<[string, number, number], CallRow>(
      `SELECT * FROM calls WHERE token IN (SELECT value FROM json_each(?)) AND at BETWEEN ? AND ?
       ORDER BY at, seq`,
    ),
    debit: db.prepare(
      'UPDATE accounts SET balance = balance - ? WHERE token = ? AND balance IS NOT NULL AND balance >= ?',
    ),
  };

  // The latest answer of each recent conversation, kept decoded: a cache hit then reads no row.
  // This process is the file's only writer, so what it wrote is what the file holds. Bounded by
  // bytes (two per character at worst): about 60 answers of 200 KB, and no more memory than that.
  const latest = new LRUCache<string, StoredAnswer>({
    maxSize: 24 * 1024 * 1024,
    sizeCalculation: (answer) => 2 * (answer.completionJson.length + answer.raw.length + answer.sse.length),
  });

  const uncommitted = new Set<string>();

  return {
    transaction<T>(work: () => T): T {
      try {
        const result = db.transaction(work).immediate();
        uncommitted.clear();
        return result;
      } catch (error) {
        // Rolled back: forget what the transaction remembered.
        for (const key of uncommitted) latest.delete(key);
        uncommitted.clear();
        throw error;
      }
    },

    latestAnswer(key) {
      const cached = latest.get(key);
      if (cached) return cached;
      const row = sql.latestAnswer.get(key);
      const answer = row && toAnswer(row);
      if (answer) latest.set(key, answer);
      return answer;
    },
    answer(id) {
      const row = sql.answer.get(id);
      return row && toAnswer(row);
    },
    addAnswer(answer) {
      const { lastInsertRowid } = sql.addAnswer.run(
        answer.key,
        answer.version,
        answer.createdAt,
        answer.completionJson,
        answer.raw,
        answer.sse,
      );
      const stored = { ...answer, id: Number(lastInsertRowid) };
      latest.set(answer.key, stored);
      if (db.inTransaction) uncommitted.add(answer.key);
      return stored;
    },

    insertJob(job) {
      sql.insertJob.run({
        ...job,
        conversation: JSON.stringify(job.conversation),
        batchId: job.batchId ?? null,
        batchIndex: job.batchIndex ?? null,
      });
    },
    job(id) {
      const row = sql.job.get(id);
      return row && toJob(row);
    },
    jobs: (limit) => sql.jobs.all(limit).map(toJob),
    countJobs: () => sql.countJobs.get()?.n ?? 0,
    settleJob(id, outcome, readyAt, answerId, cost) {
      sql.settleJob.run(outcome, readyAt, answerId, cost, id);
    },

    batchJobs: (batchId) => sql.batchJobs.all(batchId).map(toJob),
    insertBatch(batch) {
      sql.insertBatch.run(batch);
    },
    batch(id) {
      const row = sql.batch.get(id);
      return row && toBatch(row);
    },
    batches: (limit) => sql.batches.all(limit).map(toBatch),
    countBatches: () => sql.countBatches.get()?.n ?? 0,

    insertDelivery(delivery) {
      const { subject, drop, rules, ...rest } = delivery;
      sql.insertDelivery.run({
        ...rest,
        subjectKind: subject.kind,
        subjectId: subject.id,
        drop: drop ? 1 : 0,
        rules: JSON.stringify(rules),
      });
    },
    delivery(id) {
      const row = sql.delivery.get(id);
      return row && toDelivery(row);
    },
    deliveries: (limit) => sql.deliveries.all(limit).map(toDelivery),
    pendingDeliveries: () => sql.pendingDeliveries.all().map(toDelivery),
    deliveriesOf: (subjectId) => sql.deliveriesOf.all(subjectId).map(toDelivery),
    updateDelivery(id, { status, attempts, dueAt }) {
      sql.updateDelivery.run(status, attempts, dueAt, id);
    },
    addDeliveryAttempt(attempt) {
      sql.addDeliveryAttempt.run(attempt);
    },
    deliveryAttempts: (deliveryId) => sql.deliveryAttempts.all(deliveryId).map(toAttempt),

    account: (token) => sql.account.get(token),
    accounts: () => sql.accounts.all(),
    setBalance(token, balance) {
      sql.setBalance.run(token, balance);
    },
    openAccount(token, balance) {
      sql.openAccount.run(token, balance);
    },
    debit(token, amount) {
      const account = sql.account.get(token);
      if (!account || account.balance === null) return true;
      return sql.debit.run(amount, token, amount).changes === 1;
    },

    refund(token, amount) {
      sql.refund.run(amount, token);
    },

    user(token) {
      const row = sql.user.get(token);
      return row && toUser(row);
    },
    userByEmail(email) {
      const row = sql.userByEmail.get(email);
      return row && toUser(row);
    },
    subUsers: (parent) => sql.subUsers.all(parent).map(toUser),
    addUser(user) {
      sql.addUser.run({ ...user, active: user.active ? 1 : 0 });
    },
    deactivateUser(token) {
      sql.deactivateUser.run(token);
    },

    recordCall(call) {
      sql.recordCall.run({ ...call, success: call.success ? 1 : 0 });
    },
    calls: (tokens, from, to) => sql.calls.all(JSON.stringify(tokens), from, to).map(toCall),

    clear() {
      db.exec(
        `DELETE FROM jobs; DELETE FROM answers; DELETE FROM accounts; DELETE FROM users; DELETE FROM calls;
         DELETE FROM batches; DELETE FROM deliveries; DELETE FROM delivery_attempts;`,
      );
      latest.clear();
    },
    close() {
      if (db.open) db.close();
    },
  };
}
