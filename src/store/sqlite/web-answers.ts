import type Database from 'better-sqlite3';
import type { Store, WebAnswer } from '../../core/massive/store.ts';
import type { Writer } from './writer.ts';

interface WebAnswerRow {
  id: number;
  key: string;
  version: number;
  created_at: number;
}

const toWebAnswer = (row: WebAnswerRow): WebAnswer => ({
  id: row.id,
  key: row.key,
  version: row.version,
  createdAt: row.created_at,
});

/**
 * The Search and Browser answers: a row of what makes each (a few hundred bytes), never the page,
 * so there is nothing to bound beside the jobs that name them.
 */
export function webAnswerStore(
  db: Database.Database,
  writer: Writer,
): Pick<Store, 'latestWebAnswer' | 'webAnswer' | 'addWebAnswer'> {
  const sql = {
    latest: db.prepare<[string], WebAnswerRow>(
      'SELECT * FROM web_answers WHERE key = ? ORDER BY version DESC LIMIT 1',
    ),
    byId: db.prepare<[number], WebAnswerRow>('SELECT * FROM web_answers WHERE id = ?'),
    add: db.prepare('INSERT INTO web_answers (key, version, created_at) VALUES (?, ?, ?)'),
  };
  return {
    latestWebAnswer(key) {
      const row = sql.latest.get(key);
      return row && toWebAnswer(row);
    },
    webAnswer(id) {
      const row = sql.byId.get(id);
      return row && toWebAnswer(row);
    },
    addWebAnswer(answer) {
      const { lastInsertRowid } = writer.write(() =>
        sql.add.run(answer.key, answer.version, answer.createdAt),
      );
      return { ...answer, id: Number(lastInsertRowid) };
    },
  };
}
