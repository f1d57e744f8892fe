import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { conversationKey } from '../../src/core/massive/conversation.ts';
import { generateAnswer, renderConversation } from '../../src/core/massive/generate/index.ts';
import { chatgptEventStream } from '../../src/core/massive/generate/sse.ts';
import { parseAiRequest } from '../../src/core/massive/params/request.ts';
import { findRevision, type Revision } from '../../src/core/massive/revisions/index.ts';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { startHarness } from '../support/harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'massive-mock-previous-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The schema of the release before answers were kept as recipes: the first four migrations. */
const PREVIOUS_RELEASE_MIGRATIONS = 4;

/** A database as the previous release left it: one answer stored with its page, as it stored them. */
function previousReleaseDatabase(file: string, prompt: string) {
  const db = new Database(file);
  db.pragma('page_size = 16384');
  db.pragma('auto_vacuum = INCREMENTAL');
  db.pragma('journal_mode = WAL');
  for (let step = 0; step < PREVIOUS_RELEASE_MIGRATIONS; step++) {
    db.exec(MIGRATIONS[step] ?? '');
    db.pragma(`user_version = ${step + 1}`);
  }
  const { conversation } = parseAiRequest({ prompt });
  // Another seed than the new process's: the page stored is served, not one made again.
  const seed = 424242;
  const rendered = renderConversation(conversation, generateAnswer(conversation, seed), seed);
  const sse = chatgptEventStream(conversation, generateAnswer(conversation, seed), seed);
  const completionJson = JSON.stringify(rendered.completion);
  db.prepare(
    'INSERT INTO answers (key, version, created_at, completion_json, raw, sse, size) VALUES (?, 1, ?, ?, ?, ?, ?)',
  ).run(
    conversationKey(conversation),
    Date.now(),
    completionJson,
    rendered.raw,
    sse,
    completionJson.length + rendered.raw.length + sse.length,
  );
  db.close();
  return { completion: rendered.completion, raw: rendered.raw, sse };
}

describe('a database from the previous release', async () => {
  const file = join(dir, 'previous.db');
  const stored = previousReleaseDatabase(file, 'kept from before');
  const mock = await startHarness({ database: file });

  it('is migrated, and its stored pages are served as they were stored', async () => {
    const june = findRevision('2026-06-29') as Revision;
    const json = await mock.get('/ai?prompt=kept+from+before', undefined, { 'x-mock-revision': june.id });
    expect(json.headers['x-mock-cache']).toBe('hit');
    expect(json.text).toBe(JSON.stringify(june.present({ page: stored.completion, sse: stored.sse })));
    const rendered = await mock.get('/ai?prompt=kept+from+before&format=rendered');
    expect(rendered.text).toBe(stored.completion.html);
    const raw = await mock.get('/ai?prompt=kept+from+before&format=raw');
    expect(raw.text).toBe(stored.raw);
  });

  it('keeps new answers as what makes them, beside the old rows', async () => {
    const fresh = await mock.get('/ai?prompt=kept+from+before&expiration=0');
    expect(fresh.headers['x-mock-cache']).toBe('miss');
    const db = new Database(file, { readonly: true });
    const rows = db
      .prepare('SELECT version, recipe, length(completion_json) AS page FROM answers ORDER BY version')
      .all();
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
    expect(rows).toMatchObject([
      { version: 1, recipe: null },
      { version: 2, page: 0 },
    ]);
    expect(JSON.parse((rows[1] as { recipe: string }).recipe)).toMatchObject({
      domains: 'reserved',
      canned: null,
    });
  });
});
