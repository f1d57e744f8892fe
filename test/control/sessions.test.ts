import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { startMassiveMock } from '../../src/index.ts';
import { startHarness } from '../support/harness.ts';

describe('sessions (X-Mock-Session)', async () => {
  const mock = await startHarness({ credits: { shared: 2 } });
  const as = (session: string | null): Record<string, string> =>
    session === null ? {} : { 'x-mock-session': session };
  const ask = (url: string, session: string | null) => mock.get(url, 'shared', as(session));
  const admin = (method: string, url: string, session: string | null, body?: unknown) =>
    mock.send(method, `/__admin${url}`, { headers: as(session), body });

  it('gives two shards their own fault rules on one server', async () => {
    await admin('POST', '/faults', 'shard-1', { effect: { status: 503, retryAfter: 1 } });
    await admin('POST', '/faults', 'shard-2', { effect: { status: 500 } });
    expect((await ask('/ai?prompt=shards', 'shard-1')).status).toBe(503);
    expect((await ask('/ai?prompt=shards', 'shard-2')).status).toBe(500);
    const plain = await ask('/ai?prompt=shards', null);
    expect(plain.status).toBe(200);
    expect((await ask('/ai?prompt=shards', 'shard-1')).headers['x-mock-session']).toBe('shard-1');
    expect((await admin('GET', '/faults', null)).body).toEqual([]);
    expect(
      (await admin('GET', '/faults', 'shard-2')).body.map((rule: { effect: unknown }) => rule.effect),
    ).toEqual([{ status: 500 }]);
    expect((await admin('GET', '/sessions', null)).body).toEqual([{ name: 'shard-1' }, { name: 'shard-2' }]);
  });

  it('scopes the clock, balances, cache and journal', async () => {
    await admin('POST', '/clock', 'clocked', { freeze: true, set: '2035-01-01T00:00:00.000Z' });
    expect((await admin('GET', '/clock', 'clocked')).body.iso).toBe('2035-01-01T00:00:00.000Z');
    expect((await admin('GET', '/clock', null)).body.frozen).toBe(false);
    // The configured balance of 2 is the session's own: spending it here leaves the default's alone.
    for (let i = 0; i < 2; i++) await ask(`/ai?prompt=spend+${i}`, 'spender');
    expect((await ask('/ai?prompt=spend+2', 'spender')).status).toBe(402);
    expect((await ask('/ai?prompt=spend+2', null)).status).toBe(200);
    expect((await ask('/ai?prompt=shards', 'cache-a')).headers['x-mock-cache']).toBe('miss');
    expect((await ask('/ai?prompt=shards', 'cache-a')).headers['x-mock-cache']).toBe('hit');
    const journal = (await admin('GET', '/journal', 'cache-a')).body;
    expect(journal.map((entry: { query: { prompt: string } }) => entry.query.prompt)).toEqual([
      'shards',
      'shards',
    ]);
  });

  it('refuses a malformed session name with a 400', async () => {
    // Refused before any route runs, as a request head Node refuses is: no document describes it.
    const res = await request(mock.instance.app.server)
      .get('/ai?prompt=x')
      .set('authorization', 'Bearer t')
      .set('x-mock-session', 'no spaces please');
    expect(res.status).toBe(400);
    expect(res.text).toContain('x-mock-session must be 1 to 64 letters');
  });

  it('closes a session on demand and when idle', async () => {
    expect((await admin('DELETE', '/sessions/shard-1', null)).status).toBe(204);
    expect((await admin('DELETE', '/sessions/shard-1', null)).status).toBe(404);
    // A new shard-1 starts clean.
    expect((await ask('/ai?prompt=shards', 'shard-1')).status).toBe(200);
    const quick = await startHarness({ sessionIdleMs: 50 });
    const brief = { 'x-mock-session': 'brief' };
    await quick.send('POST', '/__admin/faults', { headers: brief, body: { effect: { status: 500 } } });
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline && (await quick.send('GET', '/__admin/sessions')).body.length > 0)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect((await quick.send('GET', '/__admin/sessions')).body).toEqual([]);
    // Expired with its rules: the next request opens it afresh.
    expect((await quick.get('/ai/devices', 't', brief)).status).toBe(200);
  });
});

describe('sessions from the library', () => {
  it('drives a session by name, as a shard of a suite would', async () => {
    const mock = await startMassiveMock();
    try {
      const shard = await mock.session('shard-3');
      shard.faults.add({ effect: { status: 503 } });
      const headers = { authorization: 'Bearer t', 'x-mock-session': 'shard-3' };
      expect((await fetch(`${mock.url}/ai?prompt=lib`, { headers })).status).toBe(503);
      expect(
        (await fetch(`${mock.url}/ai?prompt=lib`, { headers: { authorization: 'Bearer t' } })).status,
      ).toBe(200);
      expect(shard.journal.list()).toHaveLength(1);
      expect(mock.journal.list()).toHaveLength(1);
      await shard.close();
      expect((await fetch(`${mock.url}/ai?prompt=lib`, { headers })).status).toBe(200);
    } finally {
      await mock.close();
    }
  });
});
