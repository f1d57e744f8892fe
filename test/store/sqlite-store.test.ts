import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { openDatabase } from '../../src/store/sqlite/open.ts';
import { openSqliteStore, StoreError } from '../../src/store/sqlite-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'massive-mock-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const conversation = {
  prompt: 'p',
  model: 'chatgpt' as const,
  device: null,
  country: 'US',
  subdivision: null,
  city: null,
  language: null,
  display: null,
};

describe('the SQLite store', () => {
  it('keeps answers, jobs and balances across a reopen of the same file', () => {
    const file = join(dir, 'keep.db');
    // The emulator's clock right after the job below was ready: well within its retention.
    const clock = { now: () => 10 };
    const store = openSqliteStore(file, { clock });
    const answer = store.addAnswer({
      key: 'k',
      version: 1,
      createdAt: 5,
      seed: 3,
      domains: 'public',
      canned: null,
    });
    store.insertJob({
      id: 'job-1',
      token: 't',
      conversation,
      format: 'raw',
      createdAt: 1,
      readyAt: 2,
      outcome: 'completed',
      answerId: answer.id,
      cost: 1,
    });
    store.setBalance('t', 7);
    store.close();

    const reopened = openSqliteStore(file, { clock });
    expect(reopened.latestAnswer('k')).toEqual(answer);
    expect(reopened.job('job-1')).toMatchObject({ conversation, format: 'raw', answerId: answer.id });
    expect(reopened.account('t')).toEqual({ token: 't', balance: 7 });
    expect(new Database(file).pragma('journal_mode', { simple: true })).toBe('wal');
    reopened.close();
  });

  it('sets a new file up (its set-up runs without syncs) to keep every later commit: WAL, NORMAL syncs', () => {
    const file = join(dir, 'new.db');
    const db = openDatabase(file);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
    const again = openDatabase(file);
    expect(again.pragma('synchronous', { simple: true })).toBe(1);
    again.close();
  });

  it('debits only what the balance covers, and never an unlimited account', () => {
    const store = openSqliteStore(':memory:');
    store.openAccount('t', 2);
    store.openAccount('t', 50);
    expect(store.debit('t', 2)).toBe(true);
    expect(store.debit('t', 1)).toBe(false);
    expect(store.account('t')?.balance).toBe(0);
    store.setBalance('u', null);
    expect(store.debit('u', 1000)).toBe(true);
    expect(store.debit('nobody', 1)).toBe(true);
    store.close();
  });

  it('refuses a file written by a newer version, with a clear message', () => {
    const file = join(dir, 'newer.db');
    const db = new Database(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openSqliteStore(file)).toThrow(StoreError);
    expect(() => openSqliteStore(file)).toThrow(/newer massive-mock/);
  });

  it('refuses a path it cannot open, naming it', () => {
    const file = join(dir, 'missing-folder', 'x.db');
    expect(() => openSqliteStore(file)).toThrow(StoreError);
    expect(() => openSqliteStore(file)).toThrow(file);
  });

  it('refuses a folder it cannot write to with the fix: chown it, or a named volume', () => {
    const folder = join(dir, 'read-only');
    mkdirSync(folder);
    // root writes anywhere chmod allows nothing: an immutable folder stops it too.
    const lock = (on: boolean) =>
      process.getuid?.() === 0
        ? execFileSync('chattr', [on ? '+i' : '-i', folder], { stdio: 'ignore' })
        : chmodSync(folder, on ? 0o555 : 0o755);
    let locked = false;
    try {
      lock(true);
      locked = true;
      const file = join(folder, 'x.db');
      expect(() => writeFileSync(file, '')).toThrow();
      expect(() => openSqliteStore(file)).toThrow(StoreError);
      expect(() => openSqliteStore(file)).toThrow(
        new RegExp(
          `^cannot open the database ${file}: .+; ${folder} is not writable by .+chown -R .+named volume \\(-v massive-mock-data:/data\\)`,
        ),
      );
    } catch (error) {
      if (!locked) return; // no chattr here (or not allowed): nothing can make the folder read-only
      throw error;
    } finally {
      if (locked) lock(false);
    }
  });

  it('refuses a file that is not a database', async () => {
    const file = join(dir, 'text.db');
    (await import('node:fs')).writeFileSync(
      file,
      'this is not sqlite, just some text that is long enough'.repeat(20),
    );
    expect(() => openSqliteStore(file)).toThrow(StoreError);
  });
});

describe('the SQLite store in a transaction that fails', () => {
  it('forgets the answers it added, in the file and in memory', () => {
    const store = openSqliteStore(':memory:');
    expect(() =>
      store.transaction(() => {
        store.addAnswer({ key: 'k', version: 1, createdAt: 1, seed: 1, domains: 'reserved', canned: null });
        throw new Error('402');
      }),
    ).toThrow('402');
    expect(store.latestAnswer('k')).toBeUndefined();
    store.close();
  });
});
