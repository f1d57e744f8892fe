import type Database from 'better-sqlite3';
import {
  cacheCutoff,
  giveBackAbove,
  jobCutoff,
  pruneTarget,
  type Retention,
} from '../core/massive/retention.ts';

interface Candidate {
  id: number;
  key: string;
  version: number;
  createdAt: number;
  superseded: number;
}

/**
 * Keeps a database within its bound, in the order core/retention.ts gives. `used` is what the
 * file's pages hold; freed pages stay in the file for the next answers, and go back to the file
 * system (incremental vacuum) once there are many.
 */
export function createPruner(db: Database.Database, retention: Retention, forget: (key: string) => void) {
  const sql = {
    pages: db.prepare<[], { total: number; free: number }>(
      `SELECT page_count * page_size AS total, freelist_count * page_size AS free
       FROM pragma_page_count(), pragma_freelist_count(), pragma_page_size()`,
    ),
    expireJobs: db.prepare<[number]>('DELETE FROM jobs WHERE ready_at < ?'),
    // Answers no job references, those no call can be served first (older versions), then past
    // the cache's expiry, then oldest first.
    candidates: db.prepare<[number], Candidate>(
      `SELECT a.id, a.key, a.version, a.created_at AS createdAt,
              a.version < (SELECT MAX(b.version) FROM answers b WHERE b.key = a.key) AS superseded
       FROM answers a
       WHERE a.size > 0 AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.answer_id = a.id)
       ORDER BY superseded DESC, a.created_at < ? DESC, a.created_at, a.id
       LIMIT 32`,
    ),
    drop: db.prepare<[number]>('DELETE FROM answers WHERE id = ?'),
    // The latest version's key and number stay, so the conversation's next answer is a new
    // version: as a new row, so that these small rows fill pages of their own, and the pages the
    // answers held come free whole.
    stub: db.prepare<[string, number, number]>(
      "INSERT INTO answers (key, version, created_at, completion_json, raw, size) VALUES (?, ?, ?, '', '', 0)",
    ),
  };
  const used = () => {
    const { total, free } = sql.pages.get() as { total: number; free: number };
    return total - free;
  };
  const giveBack = () => {
    if ((sql.pages.get()?.free ?? 0) <= giveBackAbove(retention)) return;
    db.pragma('incremental_vacuum');
    // With WAL the file shrinks once the log is written back into it.
    db.pragma('wal_checkpoint(TRUNCATE)');
  };

  const prune = db.transaction((now: number) => {
    sql.expireJobs.run(jobCutoff(now, retention));
    const target = pruneTarget(retention);
    while (used() > target) {
      const batch = sql.candidates.all(cacheCutoff(now));
      if (!batch.length) return; // what is left is owed to jobs: it outranks the bound
      for (const answer of batch) {
        sql.drop.run(answer.id);
        if (!answer.superseded) {
          sql.stub.run(answer.key, answer.version, answer.createdAt);
          forget(answer.key);
        }
      }
    }
  });

  // Reading the file's size costs more than adding a small answer: it is read once answers have
  // added this much since it last was, so the bound may be passed by this much at most.
  const checkEvery = Math.min(64 * 1024, Math.floor(retention.maxBytes / 100));
  let unchecked = 0;

  return {
    /** After answers were added: back under the bound if they took the store past it. */
    enforce(now: number, addedBytes = Number.POSITIVE_INFINITY): void {
      unchecked += addedBytes;
      if (unchecked < checkEvery) return;
      unchecked = 0;
      if (used() <= retention.maxBytes) return;
      prune(now);
      giveBack();
    },
    giveBack,
  };
}
