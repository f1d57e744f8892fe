import type Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import type { AnswerRecipe, Store, StoredAnswer } from '../../core/massive/store.ts';
import type { Writer } from './writer.ts';

interface AnswerRow {
  id: number;
  key: string;
  version: number;
  created_at: number;
  /** What makes the answer (AnswerRecipe as JSON); null in rows an older release wrote with their page. */
  recipe: string | null;
  completion_json: string;
  raw: string;
  sse: string;
  /** Characters the row holds; 0 once it was given up to the bound (prune.ts). */
  size: number;
}

const COLUMNS = 'id, key, version, created_at, recipe, completion_json, raw, sse, size';

/** What an answer of an older release, read as it was stored, is made of: nothing but its page. */
const NO_RECIPE: AnswerRecipe = { seed: 0, domains: 'reserved', canned: null };

function toAnswer(row: AnswerRow): StoredAnswer {
  const answer = {
    id: row.id,
    key: row.key,
    version: row.version,
    // An answer given up to the bound is older than any cache expiry: a call for it is a miss.
    createdAt: row.size === 0 ? Number.NEGATIVE_INFINITY : row.created_at,
  };
  if (row.recipe !== null) return { ...answer, ...(JSON.parse(row.recipe) as AnswerRecipe) };
  return {
    ...answer,
    ...NO_RECIPE,
    page: { completionJson: row.completion_json, raw: row.raw, sse: row.sse },
  };
}

/** Characters an answer holds in memory (two bytes each at worst), its page when an older release stored one. */
const charactersOf = (answer: StoredAnswer) =>
  answer.key.length +
  (answer.canned ? JSON.stringify(answer.canned).length : 0) +
  (answer.page ? answer.page.completionJson.length + answer.page.raw.length + answer.page.sse.length : 0);

interface AnswerStore {
  methods: Pick<Store, 'latestAnswer' | 'answer' | 'addAnswer'>;
  /** Forgets the conversation's latest answer (the bound gave it up). */
  forget(key: string): void;
  clear(): void;
}

/**
 * The answers, each a row of what makes it (never its page). The latest answer of each recent
 * conversation is kept decoded, so a cache hit reads no row; a poll of a job answered from one of
 * them reads none either (`byId` follows the cache). `added` runs once a commit that added
 * answers is over.
 */
export function answerStore(
  db: Database.Database,
  writer: Writer,
  added: (bytes: number) => void,
): AnswerStore {
  const sql = {
    latestAnswer: db.prepare<[string], AnswerRow>(
      `SELECT ${COLUMNS} FROM answers WHERE key = ? ORDER BY version DESC LIMIT 1`,
    ),
    answer: db.prepare<[number], AnswerRow>(`SELECT ${COLUMNS} FROM answers WHERE id = ?`),
    addAnswer: db.prepare(
      "INSERT INTO answers (key, version, created_at, recipe, completion_json, raw, sse, size) VALUES (?, ?, ?, ?, '', '', '', ?)",
    ),
  };
  const byId = new Map<number, StoredAnswer>();
  const latest = new LRUCache<string, StoredAnswer>({
    maxSize: 8 * 1024 * 1024,
    sizeCalculation: (answer) => 2 * charactersOf(answer) + 128,
    dispose: (answer) => byId.delete(answer.id),
    onInsert: (answer) => byId.set(answer.id, answer),
  });
  const uncommitted = new Set<string>();
  // What the open transaction added, told once it is over (the same function, so told once).
  let addedBytes = 0;
  const settle = () => {
    uncommitted.clear();
    const bytes = addedBytes;
    addedBytes = 0;
    added(bytes);
  };
  writer.onRollback(() => {
    // Rolled back: forget what the open transaction remembered (read again, it is what was kept).
    for (const key of uncommitted) latest.delete(key);
  });
  const methods: AnswerStore['methods'] = {
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
      const { seed, domains, canned } = answer;
      const recipe = JSON.stringify({ seed, domains, canned });
      const size = answer.key.length + recipe.length;
      const { lastInsertRowid } = writer.write(() =>
        sql.addAnswer.run(answer.key, answer.version, answer.createdAt, recipe, size),
      );
      addedBytes += size;
      const stored = { ...answer, id: Number(lastInsertRowid) };
      latest.set(answer.key, stored);
      uncommitted.add(answer.key);
      writer.afterwards(settle);
      return stored;
    },
  };
  return { methods, forget: (key) => latest.delete(key), clear: () => latest.clear() };
}
