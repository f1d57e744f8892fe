import { mockErrorClass } from '../../core/kernel/errors.ts';
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../migrations.ts';

/** The database can't be used: the message says which file and why. */
export const StoreError = mockErrorClass('StoreError', 'MOCK_ERR_STORE', 500);
export type StoreError = InstanceType<typeof StoreError>;

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

/** The file opened, set up and migrated to this release's schema; a StoreError says why not. */
export function openDatabase(path: string): Database.Database {
  const db = open(path);
  try {
    const fresh = db.pragma('user_version', { simple: true }) === 0;
    // A new file holds nothing to lose yet: its set-up (auto_vacuum, WAL, the schema) runs without
    // the 8 fsyncs it would otherwise wait for, each up to ~100 ms on a busy disk, at every start
    // on a new file (a CI job, a container). A killed process still loses nothing (the OS has the
    // writes); a power cut in those few milliseconds could spoil the new, empty file.
    if (fresh) db.pragma('synchronous = OFF');
    // Set before the first table exists: freed pages can go back to the file system (prune.ts).
    if (fresh) db.pragma('auto_vacuum = INCREMENTAL');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // The write-ahead log is emptied into the file every 1,000 pages; past this it shrinks back.
    db.pragma(`journal_size_limit = ${16 * 2 ** 20}`);
    migrate(db, path);
    // With WAL, NORMAL keeps every commit across a killed process; only a power cut could lose the last ones.
    db.pragma('synchronous = NORMAL');
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    throw storeError(path, 'use', error);
  }
}
