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
];
