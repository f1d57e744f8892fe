import { accessSync, constants, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import { type Clock, systemClock } from '../core/kernel/clock.ts';
import type { Conversation } from '../core/massive/conversation.ts';
import type { Format } from '../core/massive/params/request.ts';
import type { WebService } from '../core/massive/web/request.ts';
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
  WebJob,
} from '../core/massive/store.ts';
import { DEFAULT_RETENTION, jobCutoff, type Retention } from '../core/massive/retention.ts';
import { MIGRATIONS } from './migrations.ts';
import { createPruner } from './prune.ts';
import { webAnswerStore } from './web-store.ts';

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
  /** Characters of its bodies; 0 once they were given up to the bound (prune.ts). */
  size: number;
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
  // An answer given up to the bound is older than any cache expiry: a call for it is a miss.
  createdAt: row.size === 0 ? Number.NEGATIVE_INFINITY : row.created_at,
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

/**
 * What to do when the file or its folder is not writable by this user: in Docker, a host folder
 * mounted on /data keeps its owner, and the image runs as uid 1000.
 */
function writableHint(path: string): string {
  if (path === ':memory:' || path === '') return '';
  const folder = dirname(resolve(path));
  const target = existsSync(path) ? resolve(path) : folder;
  try {
    accessSync(target, constants.W_OK);
    return '';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') return '';
    const uid = process.getuid?.();
    return (
      `; ${target} is not writable by ${uid === undefined ? 'this user' : `uid ${uid}`}: ` +
      `give it to that user (on the host: sudo chown -R ${uid ?? 1000} <the folder>), ` +
      'or in Docker mount a named volume (-v massive-mock-data:/data) instead of a host folder'
    );
  }
}

const storeError = (path: string, what: string, error: unknown) =>
  new StoreError(`cannot ${what} the database ${path}: ${(error as Error).message}${writableHint(path)}`);

function open(path: string): Database.Database {
  try {
    return new Database(path);
  } catch (error) {
    throw storeError(path, 'open', error);
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

export interface SqliteStoreOptions {
  retention?: Retention;
  /** The emulator clock: job retention reads it. */
  clock?: Clock;
}

/** A bounded memory of what a lookup by token gave, absence included; `delete` and `clear` forget. */
function readThrough<T>(load: (token: string) => T | undefined) {
  const cache = new LRUCache<string, { value: T | undefined }>({ max: 10_000 });
  return {
    get(token: string): T | undefined {
      let entry = cache.get(token);
      if (!entry) cache.set(token, (entry = { value: load(token) }));
      return entry.value;
    },
    set: (token: string, value: T) => cache.set(token, { value }),
    delete: (token: string) => cache.delete(token),
    clear: () => cache.clear(),
  };
}

/**
 * The store in SQLite: a file by default (WAL, so a killed process loses nothing committed), or
 * `:memory:` for tests and the library API. It is the file's only writer, so it keeps what it
 * wrote in memory too: a cache hit for an unlimited token reads and writes no row at all.
 */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Store {
  const retention = options.retention ?? DEFAULT_RETENTION;
  const clock = options.clock ?? systemClock;
  const db = open(path);
  try {
    if (db.pragma('user_version', { simple: true }) === 0) {
      // Set before the first table exists. An answer is 100-250 kB: in 16 kB pages a commit
      // writes a quarter of the pages it would in 4 kB ones, and takes about a third of the time.
      db.pragma('page_size = 16384');
      // Freed pages can go back to the file system (prune.ts).
      db.pragma('auto_vacuum = INCREMENTAL');
    }
    db.pragma('journal_mode = WAL');
    // With WAL, NORMAL keeps every commit across a killed process; only a power cut could lose the last ones.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // The write-ahead log is emptied into the file every 1,000 pages; past this it shrinks back.
    db.pragma(`journal_size_limit = ${16 * 2 ** 20}`);
    migrate(db, path);
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    throw storeError(path, 'use', error);
  }

  const sql = {
    latestAnswer: db.prepare<[string], AnswerRow>(
      'SELECT * FROM answers WHERE key = ? ORDER BY version DESC LIMIT 1',
    ),
    answer: db.prepare<[number], AnswerRow>('SELECT * FROM answers WHERE id = ?'),
    addAnswer: db.prepare(
      'INSERT INTO answers (key, version, created_at, completion_json, raw, sse, size) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    insertJob: db.prepare(
      `INSERT INTO jobs (id, token, conversation, format, created_at, ready_at, outcome, answer_id, cost,
                         batch_id, batch_index, web, web_answer_id)
       VALUES (@id, @token, @conversation, @format, @createdAt, @readyAt, @outcome, @answerId, @cost,
               @batchId, @batchIndex, @web, @webAnswerId)`,
    ),
    batchJobs: db.prepare<[string], JobRow>('SELECT * FROM jobs WHERE batch_id = ? ORDER BY batch_index'),
    insertBatch: db.prepare(
      `INSERT INTO batches (id, token, count, created_at, base_url, callback, expiration, service)
       VALUES (@id, @token, @count, @createdAt, @baseUrl, @callback, @expiration, @service)`,
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
    countJob: db.prepare("UPDATE counters SET value = value + 1 WHERE name = 'jobs'"),
    job: db.prepare<[string, number], JobRow>('SELECT * FROM jobs WHERE id = ? AND ready_at >= ?'),
    jobs: db.prepare<[number, number], JobRow>(
      'SELECT * FROM jobs WHERE ready_at >= ? ORDER BY seq DESC LIMIT ?',
    ),
    countJobs: db.prepare<[], { value: number }>("SELECT value FROM counters WHERE name = 'jobs'"),
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
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
  };

  // The latest answer of each recent conversation, kept decoded: a cache hit then reads no row.
  // Bounded by bytes (two per character at worst): about 60 answers of 200 KB, and no more memory than that.
  // A poll of a job answered from one of them reads no row either (byId follows the cache).
  const byId = new Map<number, StoredAnswer>();
  const latest = new LRUCache<string, StoredAnswer>({
    maxSize: 24 * 1024 * 1024,
    sizeCalculation: (answer) =>
      2 * (answer.completionJson.length + answer.raw.length + answer.sse.length) + 64,
    dispose: (answer) => byId.delete(answer.id),
    onInsert: (answer) => byId.set(answer.id, answer),
  });
  // Accounts and users as the file holds them (none: a token without one), by token: the service
  // reads the caller's balance and the authenticator its user on every request. Bounded, since any
  // token is accepted.
  const accountCache = readThrough((token) => sql.account.get(token));
  const userCache = readThrough((token) => {
    const row = sql.user.get(token);
    return row && toUser(row);
  });
  const accountOf = accountCache.get;
  const remember = (account: Account) => accountCache.set(account.token, account);
  const pruner = createPruner(db, retention, (key) => latest.delete(key));
  // A file from before the bound: pruned to it, then rewritten once so that freed pages can go back.
  pruner.enforce(clock.now());
  if (path !== ':memory:' && db.pragma('auto_vacuum', { simple: true }) !== 2) {
    db.pragma('auto_vacuum = INCREMENTAL');
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }

  // A transaction begins at its first write: one that only reads (a cache hit) costs no BEGIN and
  // COMMIT. Nothing else writes to the file, so what it read before beginning still holds.
  let inTransaction = false;
  let begun = false;
  let answersAdded = false;
  const uncommitted = new Set<string>();
  const write = <T>(statement: () => T): T => {
    if (inTransaction && !begun) {
      sql.begin.run();
      begun = true;
    }
    return statement();
  };
  const afterAnswers = () => {
    answersAdded = false;
    pruner.enforce(clock.now());
  };

  return {
    ...webAnswerStore(db, write),
    transaction<T>(work: () => T): T {
      if (inTransaction) return work();
      inTransaction = true;
      try {
        const result = work();
        if (begun) sql.commit.run();
        return result;
      } catch (error) {
        if (begun && db.inTransaction) sql.rollback.run();
        // Rolled back: forget what the transaction remembered.
        for (const key of uncommitted) latest.delete(key);
        accountCache.clear();
        userCache.clear();
        answersAdded = false;
        throw error;
      } finally {
        inTransaction = false;
        begun = false;
        uncommitted.clear();
        if (answersAdded) afterAnswers();
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
      const cached = byId.get(id);
      if (cached) return cached;
      const row = sql.answer.get(id);
      return row && toAnswer(row);
    },
    addAnswer(answer) {
      // In characters: counting UTF-8 bytes would scan 200 kB (the bound reads the file's pages).
      const size = answer.completionJson.length + answer.raw.length + answer.sse.length;
      const { lastInsertRowid } = write(() =>
        sql.addAnswer.run(
          answer.key,
          answer.version,
          answer.createdAt,
          answer.completionJson,
          answer.raw,
          answer.sse,
          size,
        ),
      );
      const stored = { ...answer, id: Number(lastInsertRowid) };
      latest.set(answer.key, stored);
      if (inTransaction) {
        uncommitted.add(answer.key);
        answersAdded = true;
      } else afterAnswers();
      return stored;
    },

    insertJob(job) {
      write(() => {
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
      write(() => sql.settleJob.run(outcome, readyAt, answerId, cost, id));
    },

    batchJobs: (batchId) => sql.batchJobs.all(batchId).map(toJob),
    insertBatch(batch) {
      write(() => sql.insertBatch.run({ ...batch, service: batch.service ?? null }));
    },
    batch(id) {
      const row = sql.batch.get(id);
      return row && toBatch(row);
    },
    batches: (limit) => sql.batches.all(limit).map(toBatch),
    countBatches: () => sql.countBatches.get()?.n ?? 0,

    insertDelivery(delivery) {
      const { subject, drop, rules, ...rest } = delivery;
      write(() =>
        sql.insertDelivery.run({
          ...rest,
          subjectKind: subject.kind,
          subjectId: subject.id,
          drop: drop ? 1 : 0,
          rules: JSON.stringify(rules),
        }),
      );
    },
    delivery(id) {
      const row = sql.delivery.get(id);
      return row && toDelivery(row);
    },
    deliveries: (limit) => sql.deliveries.all(limit).map(toDelivery),
    pendingDeliveries: () => sql.pendingDeliveries.all().map(toDelivery),
    deliveriesOf: (subjectId) => sql.deliveriesOf.all(subjectId).map(toDelivery),
    updateDelivery(id, { status, attempts, dueAt }) {
      write(() => sql.updateDelivery.run(status, attempts, dueAt, id));
    },
    addDeliveryAttempt(attempt) {
      write(() => sql.addDeliveryAttempt.run(attempt));
    },
    deliveryAttempts: (deliveryId) => sql.deliveryAttempts.all(deliveryId).map(toAttempt),

    account: accountOf,
    accounts: () => sql.accounts.all(),
    setBalance(token, balance) {
      write(() => sql.setBalance.run(token, balance));
      remember({ token, balance });
    },
    openAccount(token, balance) {
      if (write(() => sql.openAccount.run(token, balance)).changes === 1) remember({ token, balance });
    },
    debit(token, amount) {
      const account = accountOf(token);
      if (!account || account.balance === null) return true;
      const { balance } = account;
      if (write(() => sql.debit.run(amount, token, amount)).changes !== 1) return false;
      remember({ token, balance: balance - amount });
      return true;
    },

    refund(token, amount) {
      write(() => sql.refund.run(amount, token));
      accountCache.delete(token);
    },

    user: userCache.get,
    userByEmail(email) {
      const row = sql.userByEmail.get(email);
      return row && toUser(row);
    },
    subUsers: (parent) => sql.subUsers.all(parent).map(toUser),
    addUser(user) {
      write(() => sql.addUser.run({ ...user, active: user.active ? 1 : 0 }));
      userCache.delete(user.token);
    },
    deactivateUser(token) {
      write(() => sql.deactivateUser.run(token));
      userCache.delete(token);
    },

    recordCall(call) {
      write(() => sql.recordCall.run({ ...call, success: call.success ? 1 : 0 }));
    },
    calls: (tokens, from, to) => sql.calls.all(JSON.stringify(tokens), from, to).map(toCall),

    clear() {
      db.exec(
        `DELETE FROM jobs; DELETE FROM answers; DELETE FROM web_answers; DELETE FROM accounts; DELETE FROM users; DELETE FROM calls;
         DELETE FROM batches; DELETE FROM deliveries; DELETE FROM delivery_attempts;
         UPDATE counters SET value = 0;`,
      );
      latest.clear();
      accountCache.clear();
      userCache.clear();
      pruner.giveBack();
    },
    close() {
      if (db.open) db.close();
    },
  };
}
