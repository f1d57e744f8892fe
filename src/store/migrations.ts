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
  // 2: bounded storage (core/retention.ts). Each answer's size in characters;
  // a size of 0 marks an answer whose bodies were given up (its key and version stay, so the
  // conversation's next answer is a new version). Jobs issued are counted apart, so job ids never
  // repeat once expired jobs are deleted.
  `ALTER TABLE answers ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
   UPDATE answers SET size = length(completion_json) + length(raw);
   CREATE INDEX answers_kept ON answers (created_at) WHERE size > 0;
   CREATE INDEX jobs_by_answer ON jobs (answer_id);
   CREATE INDEX jobs_by_ready ON jobs (ready_at);
   CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
   INSERT INTO counters (name, value) VALUES ('jobs', (SELECT COUNT(*) FROM jobs));`,
];
