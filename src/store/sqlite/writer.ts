import type Database from 'better-sqlite3';

/**
 * One transaction at a time over the file, begun at its first write: one that only reads (a cache
 * hit) costs no BEGIN and COMMIT. Nothing else writes to the file, so what it read before
 * beginning still holds. Each part of the store says what to forget when a transaction rolls
 * back, and what to do once one that changed its rows is over.
 */
export interface Writer {
  transaction<T>(work: () => T): T;
  /** Runs a write statement, beginning the transaction first when one is open. */
  write<T>(statement: () => T): T;
  readonly inTransaction: boolean;
  onRollback(forget: () => void): void;
  /** Runs `settle` once the open transaction is over (now, when none is open), whatever its end. */
  afterwards(settle: () => void): void;
}

export function createWriter(db: Database.Database): Writer {
  const sql = {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
  };
  const forgetters: Array<() => void> = [];
  const settlers = new Set<() => void>();
  let inTransaction = false;
  let begun = false;
  const settle = () => {
    const due = [...settlers];
    settlers.clear();
    for (const run of due) run();
  };
  return {
    get inTransaction() {
      return inTransaction;
    },
    transaction<T>(work: () => T): T {
      if (inTransaction) return work();
      inTransaction = true;
      try {
        const result = work();
        if (begun) sql.commit.run();
        return result;
      } catch (error) {
        if (begun && db.inTransaction) sql.rollback.run();
        for (const forget of forgetters) forget();
        settlers.clear();
        throw error;
      } finally {
        inTransaction = false;
        begun = false;
        settle();
      }
    },
    write<T>(statement: () => T): T {
      if (inTransaction && !begun) {
        sql.begin.run();
        begun = true;
      }
      return statement();
    },
    onRollback: (forget) => forgetters.push(forget),
    afterwards(run) {
      settlers.add(run);
      if (!inTransaction) settle();
    },
  };
}
