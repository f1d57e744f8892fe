import { describe, expect, it } from 'vitest';
import { createJournal, type JournalEntry, type RecordedEntry } from '../../src/core/control/journal.ts';
import { startHarness } from '../support/harness.ts';

const base: Omit<RecordedEntry, 'response'> = {
  time: 0,
  method: 'GET',
  path: '/ai/devices',
  query: {},
  token: null,
  headers: { host: 'localhost' },
  status: 200,
  durationMs: 1,
  decisions: {},
};

describe('the journal works an answer out when it is first read', () => {
  it('calls the deferred answer once, on the first read, and keeps it in its place', () => {
    const journal = createJournal(10);
    const heard: JournalEntry[] = [];
    journal.subscribe((entry) => heard.push(entry));
    let made = 0;
    const answer = { headers: { 'content-type': 'application/json' }, body: '[]' };
    journal.record({
      ...base,
      response: {
        read: () => {
          made++;
          return answer;
        },
      },
    });
    expect(heard).toHaveLength(1);
    expect(made).toBe(0);
    const [entry] = journal.list();
    expect(made).toBe(1);
    expect(entry?.response).toEqual(answer);
    journal.list();
    expect(journal.complete(heard[0] as JournalEntry).response).toBe(entry?.response);
    expect(made).toBe(1);
    // Read back, it is the entry an answer given at once makes: same fields, same order.
    journal.record({ ...base, response: answer });
    const [deferred, eager] = journal.list();
    expect(JSON.stringify({ ...deferred, seq: 0 })).toBe(JSON.stringify({ ...eager, seq: 0 }));
  });

  it('gives a listener the answer when it asks for it, as waiting for a request does', () => {
    const journal = createJournal(0);
    let kept: JournalEntry | undefined;
    journal.subscribe((entry) => (kept = entry));
    journal.record({ ...base, response: { read: () => ({ headers: {}, body: 'made' }) } });
    expect(journal.list()).toEqual([]);
    expect(journal.complete(kept as JournalEntry).response?.body).toBe('made');
  });
});

describe('answers in the journal over HTTP', async () => {
  const mock = await startHarness({ journalEntryBytes: 2000 });

  it('redacts an answer when it is read: the address a prompt carried never shows', async () => {
    const answer = await mock.get('/ai?prompt=write+to+carol@example.org+today');
    expect(answer.text).toContain('carol@example.org');
    const [entry] = mock.instance.control.journal.list({ path: '/ai' }).slice(-1);
    expect(entry?.response?.body).toContain('[email]');
    expect(entry?.response?.body).not.toContain('carol@example.org');
  });

  it('keeps the head of a long answer, cut to the budget and said so', async () => {
    const page = await mock.get('/ai?prompt=long+page+kept&format=rendered');
    expect(page.text.length).toBeGreaterThan(10_000);
    const [entry] = mock.instance.control.journal.list({ path: '/ai' }).slice(-1);
    expect(entry?.response?.truncated).toBe(true);
    expect(Buffer.byteLength(entry?.response?.body ?? '')).toBeLessThanOrEqual(2000);
    expect(page.text.startsWith((entry?.response?.body ?? '').slice(0, 200))).toBe(true);
  });

  it('shows the same fingerprint for a token however often it calls', async () => {
    await mock.get('/ai/devices', 'repeated-token');
    await mock.get('/ai/devices', 'repeated-token');
    const entries = mock.instance.control.journal.list({ path: '/ai/devices' }).slice(-2);
    expect(entries.map((entry) => entry.token)).toEqual([entries[0]?.token, entries[0]?.token]);
    expect(entries[0]?.token).toMatch(/^tok_[0-9a-f]{8}$/);
    expect(JSON.stringify(entries)).not.toContain('repeated-token');
  });

  it('keeps each call its own headers when calls alternate between sets, request and answer', async () => {
    const agents = ['agent-one', 'agent-two', 'agent-one', 'agent-two'];
    for (const agent of agents) await mock.get('/ai/devices', 'header-sets', { 'user-agent': agent });
    // A set one header longer than the last call's, then one shorter: the same names as far as
    // they go are not the same set.
    await mock.get('/ai/devices', 'header-sets', { 'user-agent': 'agent-one', 'x-extra': 'yes' });
    await mock.get('/ai/devices', 'header-sets', { 'user-agent': 'agent-one' });
    const entries = mock.instance.control.journal.list({ path: '/ai/devices' }).slice(-6);
    expect(entries.map((entry) => entry.headers?.['user-agent'])).toEqual([
      ...agents,
      'agent-one',
      'agent-one',
    ]);
    expect(entries.map((entry) => entry.headers?.['x-extra'])).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      'yes',
      undefined,
    ]);
    for (const entry of entries) {
      expect(entry.headers?.authorization).toBe('[redacted]');
      expect(entry.response?.headers['content-type']).toBe('application/json; charset=utf-8');
    }
  });
});
