import { accessSync, constants, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import type { Conversation } from '../core/generate/types.ts';
import type { Format } from '../core/params/request.ts';
import type { Account, JobOutcome, JobRecord, Store, StoredAnswer } from '../core/store.ts';
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
}

const toAnswer = (row: AnswerRow): StoredAnswer => ({
  id: row.id,
  key: row.key,
  version: row.version,
  createdAt: row.created_at,
  completionJson: row.completion_json,
  raw: row.raw,
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
    throw storeError(path, 'use', error);
  }

  const sql = {
    latestAnswer: db.prepare<[string], AnswerRow>(
      'SELECT * FROM answers WHERE key = ? ORDER BY version DESC LIMIT 1',
    ),
    answer: db.prepare<[number], AnswerRow>('SELECT * FROM answers WHERE id = ?'),
    addAnswer: db.prepare(
      'INSERT INTO answers (key, version, created_at, completion_json, raw) VALUES (?, ?, ?, ?, ?)',
    ),
    insertJob: db.prepare(
      `INSERT INTO jobs (id, token, conversation, format, created_at, ready_at, outcome, answer_id, cost)
       VALUES (@id, @token, @conversation, @format, @createdAt, @readyAt, @outcome, @answerId, @cost)`,
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
    debit: db.prepare(
      'UPDATE accounts SET balance = balance - ? WHERE token = ? AND balance IS NOT NULL AND balance >= ?',
    ),
  };

  // The latest answer of each recent conversation, kept decoded: a cache hit then reads no row.
  // This process is the file's only writer, so what it wrote is what the file holds. Bounded by
  // bytes (two per character at worst): about 60 answers of 200 KB, and no more memory than that.
  const latest = new LRUCache<string, StoredAnswer>({
    maxSize: 24 * 1024 * 1024,
    sizeCalculation: (answer) => 2 * (answer.completionJson.length + answer.raw.length),
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
      );
      const stored = { ...answer, id: Number(lastInsertRowid) };
      latest.set(answer.key, stored);
      if (db.inTransaction) uncommitted.add(answer.key);
      return stored;
    },

    insertJob(job) {
      sql.insertJob.run({ ...job, conversation: JSON.stringify(job.conversation) });
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

    clear() {
      db.exec('DELETE FROM jobs; DELETE FROM answers; DELETE FROM accounts;');
      latest.clear();
    },
    close() {
      if (db.open) db.close();
    },
  };
}
