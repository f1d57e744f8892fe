import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/core/kernel/clock.ts';
import type { Store } from '../../src/core/massive/store.ts';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import { conversation } from '../support/conversation.ts';

const dir = mkdtempSync(join(tmpdir(), 'massive-mock-retention-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MB = 2 ** 20;
const DAY = 86_400_000;
const body = (n: number) => `{"n":${n},"text":"${'answer text '.repeat(150)}"}`;

function fresh(store: Store, clock: VirtualClock, key: string) {
  return store.transaction(() => {
    const version = (store.latestAnswer(key)?.version ?? 0) + 1;
    return store.addAnswer({
      key,
      version,
      createdAt: clock.now(),
      seed: version,
      domains: 'reserved',
      // A canned answer is kept whole: these fill the store as pages once did.
      canned: { markdown: body(version), sources: [], fanouts: [], ads: [] },
    });
  });
}

const fileMb = (file: string) => statSync(file).size / MB;

describe('a store with a size bound', () => {
  it('stays under it across thousands of fresh answers, keeping what jobs owe and every balance', () => {
    const file = join(dir, 'bounded.db');
    const clock = new VirtualClock();
    clock.freeze();
    const store = openSqliteStore(file, { clock, retention: { maxBytes: 1 * MB, jobRetentionMs: DAY } });
    store.setBalance('alice', 7);
    const owed = fresh(store, clock, 'owed');
    store.insertJob({
      id: 'job-1',
      token: 'alice',
      conversation: conversation('p'),
      format: 'json',
      createdAt: clock.now(),
      readyAt: clock.now() + 1000,
      outcome: 'completed',
      answerId: owed.id,
      cost: 1,
    });
    let largest = 0;
    for (let i = 0; i < 4000; i++) {
      fresh(store, clock, `conversation ${i % 1000}`); // 4 versions each of 1,000 conversations
      clock.advance(1000);
      if (i % 100 === 0) largest = Math.max(largest, fileMb(file));
    }
    largest = Math.max(largest, fileMb(file));
    // 4,000 answers of 1.8 kB are 7 MB: the file stays at its bound (and a few pages).
    expect(largest).toBeLessThan(1.05);
    expect(store.answer(owed.id)?.canned?.markdown).toBe(body(1));
    expect(store.job('job-1')?.answerId).toBe(owed.id);
    expect(store.account('alice')?.balance).toBe(7);
    // The newest answers stay served; an older conversation given up is a miss for its next version.
    expect(store.latestAnswer('conversation 999')).toMatchObject({
      version: 4,
      canned: { markdown: body(4) },
    });
    const given = store.latestAnswer('conversation 0');
    expect(given?.version).toBe(4);
    expect(given?.createdAt).toBe(Number.NEGATIVE_INFINITY);
    store.close();
  });

  it('expires finished jobs after their retention: 404, ids never repeat, their answers can go', () => {
    const clock = new VirtualClock();
    clock.freeze();
    const store = openSqliteStore(':memory:', {
      clock,
      retention: { maxBytes: 256 * 1024, jobRetentionMs: 60_000 },
    });
    const answer = fresh(store, clock, 'job answer');
    const job = {
      id: 'job-a',
      token: 't',
      conversation: conversation('p'),
      format: 'json' as const,
      createdAt: clock.now(),
      readyAt: clock.now() + 1000,
      outcome: 'completed' as const,
      answerId: answer.id,
      cost: 0,
    };
    store.transaction(() => store.insertJob(job));
    clock.advance(61_000);
    expect(store.job('job-a')).toBeDefined();
    clock.advance(1000);
    expect(store.job('job-a')).toBeUndefined();
    expect(store.jobs(10)).toEqual([]);
    expect(store.countJobs()).toBe(1);
    for (let i = 0; i < 500; i++) fresh(store, clock, `filler ${i}`);
    expect(store.answer(answer.id)?.canned?.markdown ?? '').toBe('');
    expect(store.countJobs()).toBe(1);
    store.close();
  });

  it('gives the space back to the file system on a reset', () => {
    const file = join(dir, 'reset.db');
    const clock = new VirtualClock();
    const store = openSqliteStore(file, { clock, retention: { maxBytes: 4 * MB, jobRetentionMs: DAY } });
    for (let i = 0; i < 1500; i++) fresh(store, clock, `reset ${i}`);
    expect(fileMb(file)).toBeGreaterThan(2);
    const before = fileMb(file);
    store.clear();
    // What stays is the empty schema: a few dozen pages.
    expect(fileMb(file)).toBeLessThan(Math.min(0.5, before / 5));
    store.close();
  });

  it('brings a database from before the bound under it, and able to give space back', () => {
    const file = join(dir, 'old.db');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec(MIGRATIONS[0] ?? '');
    old.pragma('user_version = 1');
    const insert = old.prepare(
      'INSERT INTO answers (key, version, created_at, completion_json, raw) VALUES (?, 1, ?, ?, ?)',
    );
    old.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`old ${i}`, i, body(i), '<html>');
    })();
    old.close();
    expect(fileMb(file)).toBeGreaterThan(5);

    const store = openSqliteStore(file, { retention: { maxBytes: 1 * MB, jobRetentionMs: DAY } });
    expect(fileMb(file)).toBeLessThan(1.05);
    expect(store.latestAnswer('old 2999')?.page?.completionJson).toBe(body(2999));
    store.close();
    const reopened = new Database(file);
    expect(reopened.pragma('auto_vacuum', { simple: true })).toBe(2);
    expect(reopened.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    reopened.close();
  });
});
