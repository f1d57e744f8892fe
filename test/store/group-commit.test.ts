import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/massive/store.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'massive-mock-group-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const add = (store: Store, key: string) =>
  store.addAnswer({ key, version: 1, createdAt: 1, seed: 1, domains: 'reserved', canned: null });

/** What another connection (another process, or this one after a kill) reads of the file. */
function keysOnDisk(file: string): string[] {
  const reader = new Database(file, { readonly: true });
  try {
    return reader
      .prepare<[], { key: string }>('SELECT key FROM answers ORDER BY id')
      .all()
      .map((row) => row.key);
  } finally {
    reader.close();
  }
}

describe('group commit (the server store)', () => {
  it('commits the writes of one turn together, and says when they are durable', async () => {
    const file = join(dir, 'turn.db');
    const store = openSqliteStore(file, { groupCommit: true });
    expect(store.committed()).toBeUndefined();
    store.transaction(() => add(store, 'a'));
    store.transaction(() => add(store, 'b'));
    store.recordCall({ token: 't', service: 'ai', success: true, credits: 1, durationMs: 0, at: 1 });
    // Not committed yet: no other connection sees them, but this store reads its own writes.
    expect(keysOnDisk(file)).toEqual([]);
    expect(store.latestAnswer('b')?.key).toBe('b');
    const pending = store.committed();
    expect(pending).toBeInstanceOf(Promise);
    await pending;
    expect(keysOnDisk(file)).toEqual(['a', 'b']);
    expect(store.committed()).toBeUndefined();
    store.close();
  });

  it('undoes a failed unit of work alone, keeping the others of its turn', async () => {
    const file = join(dir, 'undo.db');
    const store = openSqliteStore(file, { groupCommit: true });
    store.transaction(() => add(store, 'kept'));
    expect(() =>
      store.transaction(() => {
        add(store, 'undone');
        throw new Error('timed out');
      }),
    ).toThrow('timed out');
    store.transaction(() => add(store, 'after'));
    expect(store.latestAnswer('undone')).toBeUndefined();
    await store.committed();
    expect(keysOnDisk(file)).toEqual(['kept', 'after']);
    store.close();
  });

  it('commits what is pending when closed', () => {
    const file = join(dir, 'close.db');
    const store = openSqliteStore(file, { groupCommit: true });
    store.transaction(() => add(store, 'last'));
    store.close();
    expect(keysOnDisk(file)).toEqual(['last']);
  });

  it('commits each unit at its end without group commit (the library store)', () => {
    const file = join(dir, 'unit.db');
    const store = openSqliteStore(file);
    store.transaction(() => add(store, 'now'));
    expect(store.committed()).toBeUndefined();
    expect(keysOnDisk(file)).toEqual(['now']);
    store.close();
  });
});
