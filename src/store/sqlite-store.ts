import { type Clock, systemClock } from '../core/kernel/clock.ts';
import type { Store } from '../core/massive/store.ts';
import { DEFAULT_RETENTION, type Retention } from '../core/massive/retention.ts';
import { createPruner } from './prune.ts';
import { accountStore } from './sqlite/accounts.ts';
import { answerStore } from './sqlite/answers.ts';
import { deliveryStore } from './sqlite/deliveries.ts';
import { jobStore } from './sqlite/jobs.ts';
import { openDatabase } from './sqlite/open.ts';
import { webAnswerStore } from './sqlite/web-answers.ts';
import { createWriter } from './sqlite/writer.ts';

export { StoreError } from './sqlite/open.ts';

export interface SqliteStoreOptions {
  retention?: Retention;
  /** The emulator clock: job retention reads it. */
  clock?: Clock;
  /**
   * Commit the writes of each turn of the event loop together (the server's way; see
   * sqlite/writer.ts), instead of at the end of each unit of work.
   */
  groupCommit?: boolean;
}

/**
 * The store in SQLite: a file by default (WAL, so a killed process loses nothing committed), or
 * `:memory:` for tests and the library API. It is the file's only writer, so it keeps what it
 * wrote in memory too: a cache hit for an unlimited token reads and writes no row at all. An
 * answer is a row of what makes it, not its page: a few hundred bytes.
 */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Store {
  const retention = options.retention ?? DEFAULT_RETENTION;
  const clock = options.clock ?? systemClock;
  const db = openDatabase(path);
  const writer = createWriter(db, options.groupCommit ? setImmediate : undefined);
  const answers = answerStore(db, writer, (bytes) => pruner.enforce(clock.now(), bytes));
  const accounts = accountStore(db, writer);
  const pruner = createPruner(db, retention, answers.forget);
  // A file from before the bound: pruned to it, then rewritten once so that freed pages can go back.
  pruner.enforce(clock.now());
  if (path !== ':memory:' && db.pragma('auto_vacuum', { simple: true }) !== 2) {
    db.pragma('auto_vacuum = INCREMENTAL');
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  return {
    transaction: (work) => writer.transaction(work),
    committed: () => writer.committed(),
    ...answers.methods,
    ...jobStore(db, writer, clock, retention),
    ...deliveryStore(db, writer),
    ...accounts.methods,
    ...webAnswerStore(db, writer),
    clear() {
      writer.flush();
      db.exec(
        `DELETE FROM jobs; DELETE FROM answers; DELETE FROM web_answers; DELETE FROM accounts; DELETE FROM users; DELETE FROM calls;
         DELETE FROM batches; DELETE FROM deliveries; DELETE FROM delivery_attempts;
         UPDATE counters SET value = 0;`,
      );
      answers.clear();
      accounts.clear();
      pruner.giveBack();
    },
    close() {
      if (!db.open) return;
      writer.flush();
      db.close();
    },
  };
}
