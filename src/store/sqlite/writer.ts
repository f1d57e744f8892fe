import type Database from 'better-sqlite3';

/**
 * Writes in one transaction at a time, begun at the first write: a unit of work that only reads (a
 * cache hit) costs no BEGIN and COMMIT. A unit of work (`transaction`) is a savepoint in it,
 * undone alone when it fails. Committed at the end of each unit, or, with group commit (the
 * server's), when the event loop next turns: the calls a turn answers share one commit, which
 * costs about as much as the rest of a call's writes together. Nothing is acknowledged before it
 * is committed: replies wait for `committed()`, so a killed process loses no write anyone was told of.
 *
 * Each part of the store says what to forget when writes are undone, and what to do once a
 * commit that held its writes is over. Nothing else writes to the file, so what was read before a
 * write still holds.
 */
export interface Writer {
  transaction<T>(work: () => T): T;
  /** Runs a write statement in the open transaction (begun first when none is). */
  write<T>(statement: () => T): T;
  onRollback(forget: () => void): void;
  /** Runs `settle` once the writes made so far are committed (now, when none is pending). */
  afterwards(settle: () => void): void;
  /** Resolves once the writes made so far are committed; undefined when none is pending. */
  committed(): Promise<void> | undefined;
  /** Commits what is pending now (before the file is closed, cleared or checkpointed). */
  flush(): void;
}

interface Batch {
  done: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const done = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  // A commit nobody waits for must not fail the process as an unhandled rejection.
  done.catch(() => undefined);
  return { done, resolve, reject };
}

/** With group commit, `later` runs the commit once the event loop turns. */
const statements = (db: Database.Database) => ({
  begin: db.prepare('BEGIN IMMEDIATE'),
  commit: db.prepare('COMMIT'),
  rollback: db.prepare('ROLLBACK'),
  savepoint: db.prepare('SAVEPOINT unit'),
  release: db.prepare('RELEASE unit'),
  undo: db.prepare('ROLLBACK TO unit'),
});

export function createWriter(db: Database.Database, later?: (run: () => void) => void): Writer {
  const sql = statements(db);
  const forgetters: Array<() => void> = [];
  const settlers = new Set<() => void>();
  let batch: Batch | undefined;
  let inUnit = false;
  let unitBegun = false;
  const forget = () => {
    for (const run of forgetters) run();
  };
  const settle = () => {
    const due = [...settlers];
    settlers.clear();
    for (const run of due) run();
  };
  const flush = () => {
    const open = batch;
    if (!open) return;
    batch = undefined;
    try {
      sql.commit.run();
    } catch (error) {
      if (db.inTransaction) sql.rollback.run();
      forget();
      settlers.clear();
      open.reject(error);
      return;
    }
    open.resolve();
    settle();
  };
  return {
    transaction<T>(work: () => T): T {
      if (inUnit) return work();
      inUnit = true;
      try {
        const result = work();
        if (unitBegun) sql.release.run();
        return result;
      } catch (error) {
        if (unitBegun && db.inTransaction) {
          sql.undo.run();
          sql.release.run();
        }
        forget();
        throw error;
      } finally {
        inUnit = false;
        unitBegun = false;
        if (!later) flush();
      }
    },
    write<T>(statement: () => T): T {
      if (!batch) {
        sql.begin.run();
        batch = newBatch();
        later?.(flush);
      }
      if (inUnit && !unitBegun) {
        sql.savepoint.run();
        unitBegun = true;
      }
      const result = statement();
      if (!later && !inUnit) flush();
      return result;
    },
    onRollback: (run) => forgetters.push(run),
    afterwards(run) {
      settlers.add(run);
      if (!batch) settle();
    },
    committed: () => batch?.done,
    flush,
  };
}
