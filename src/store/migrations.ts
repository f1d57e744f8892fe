/**
 * The schema, one step per version; `PRAGMA user_version` records how many have run. Append new
 * steps, never edit old ones: databases in the field have run them already.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE answers (
     id INTEGER PRIMARY KEY,
     key TEXT NOT NULL,
     version INTEGER NOT NULL,
     created_at INTEGER NOT NULL,
     completion_json TEXT NOT NULL,
     raw TEXT NOT NULL,
     UNIQUE (key, version)
   );
   CREATE TABLE jobs (
     seq INTEGER PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     token TEXT NOT NULL,
     conversation TEXT NOT NULL,
     format TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     ready_at INTEGER NOT NULL,
     outcome TEXT NOT NULL CHECK (outcome IN ('completed', 'failed')),
     answer_id INTEGER REFERENCES answers (id),
     cost INTEGER NOT NULL
   );
   CREATE TABLE accounts (
     token TEXT PRIMARY KEY,
     balance INTEGER CHECK (balance IS NULL OR balance >= 0)
   );`,
  // Revisions: ChatGPT's event stream beside each answer, the users behind the tokens, and the
  // durable record of calls that /usage reports from.
  `ALTER TABLE answers ADD COLUMN sse TEXT NOT NULL DEFAULT '';
   CREATE TABLE users (
     token TEXT PRIMARY KEY,
     email TEXT NOT NULL UNIQUE COLLATE NOCASE,
     parent TEXT,
     active INTEGER NOT NULL DEFAULT 1
   );
   CREATE TABLE calls (
     seq INTEGER PRIMARY KEY,
     token TEXT NOT NULL,
     service TEXT NOT NULL,
     success INTEGER NOT NULL,
     credits INTEGER NOT NULL,
     duration_ms REAL NOT NULL,
     at INTEGER NOT NULL
   );
   CREATE INDEX calls_by_time ON calls (at);`,
  // July's batches (each prompt a job of its batch) and the callback deliveries owed for finished
  // jobs and batches, with every attempt: pending ones are scheduled again after a restart.
  `ALTER TABLE jobs ADD COLUMN batch_id TEXT;
   ALTER TABLE jobs ADD COLUMN batch_index INTEGER;
   CREATE INDEX jobs_by_batch ON jobs (batch_id, batch_index);
   CREATE TABLE batches (
     seq INTEGER PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     token TEXT NOT NULL,
     count INTEGER NOT NULL,
     created_at INTEGER NOT NULL,
     base_url TEXT NOT NULL,
     callback TEXT,
     expiration INTEGER NOT NULL DEFAULT 1
   );
   CREATE TABLE deliveries (
     seq INTEGER PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     subject_kind TEXT NOT NULL CHECK (subject_kind IN ('job', 'batch')),
     subject_id TEXT NOT NULL,
     target TEXT NOT NULL,
     base_url TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     due_at INTEGER NOT NULL,
     status TEXT NOT NULL
       CHECK (status IN ('pending', 'delivered', 'failed', 'dropped', 'refused', 'recorded')),
     attempts INTEGER NOT NULL DEFAULT 0,
     delay_ms INTEGER NOT NULL DEFAULT 0,
     fail_first INTEGER NOT NULL DEFAULT 0,
     drop_it INTEGER NOT NULL DEFAULT 0,
     rules TEXT NOT NULL DEFAULT '[]'
   );
   CREATE INDEX deliveries_pending ON deliveries (status, due_at);
   CREATE INDEX deliveries_by_subject ON deliveries (subject_id);
   CREATE TABLE delivery_attempts (
     seq INTEGER PRIMARY KEY,
     delivery_id TEXT NOT NULL,
     attempt INTEGER NOT NULL,
     at INTEGER NOT NULL,
     outcome TEXT NOT NULL,
     status_code INTEGER,
     detail TEXT NOT NULL,
     duration_ms REAL NOT NULL
   );
   CREATE INDEX delivery_attempts_by_delivery ON delivery_attempts (delivery_id, attempt);`,
  // Bounded storage (core/retention.ts). Each answer's size in characters;
  // a size of 0 marks an answer whose bodies were given up (its key and version stay, so the
  // conversation's next answer is a new version). Jobs issued are counted apart, so job ids never
  // repeat once expired jobs are deleted.
  `ALTER TABLE answers ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
   UPDATE answers SET size = length(completion_json) + length(raw) + length(sse);
   CREATE INDEX answers_kept ON answers (created_at) WHERE size > 0;
   CREATE INDEX jobs_by_answer ON jobs (answer_id);
   CREATE INDEX jobs_by_ready ON jobs (ready_at);
   CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
   INSERT INTO counters (name, value) VALUES ('jobs', (SELECT COUNT(*) FROM jobs));`,
  // An answer is kept as what makes it (core/massive/store.ts AnswerRecipe: seed, domains, the
  // canned answer), never its page: pages are remade on reading. Rows written before keep their
  // page and no recipe, and are served as they were stored.
  `ALTER TABLE answers ADD COLUMN recipe TEXT;`,
  // Search and Browser: each answer is what makes it (its inputs in `key`, a version, a time), the
  // page being made again from them; their jobs carry their call and answer beside /ai's columns,
  // and their batches name their service.
  `CREATE TABLE web_answers (
     id INTEGER PRIMARY KEY,
     key TEXT NOT NULL,
     version INTEGER NOT NULL,
     created_at INTEGER NOT NULL,
     UNIQUE (key, version)
   );
   ALTER TABLE jobs ADD COLUMN web TEXT;
   ALTER TABLE jobs ADD COLUMN web_answer_id INTEGER REFERENCES web_answers (id);
   ALTER TABLE batches ADD COLUMN service TEXT;`,
];
