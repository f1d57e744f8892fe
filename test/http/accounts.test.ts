import { describe, expect, it } from 'vitest';
import { defaultEmail, UNLIMITED_CREDITS } from '../../src/core/massive/accounts/users.ts';
import { startHarness, TOKEN } from '../support/harness.ts';

describe('account endpoints', async () => {
  const mock = await startHarness({
    credits: { [TOKEN]: 100 },
    emails: { [TOKEN]: 'owner@example.com' },
    tokens: [TOKEN],
    revision: '2026-06-29',
  });
  const json = (method: string, url: string, body: unknown, token = TOKEN) =>
    mock.send(method, url, { token, body, headers: { 'content-type': 'application/json' } });

  it('tell the caller its email and credits, free of charge', async () => {
    const me = await mock.get('/user');
    expect(me.status).toBe(200);
    expect(me.body).toEqual([{ email: 'owner@example.com', credits: 100 }]);
    expect((await mock.get('/users')).body).toEqual([{ email: 'owner@example.com', credits: 100 }]);
    expect(mock.instance.store.account(TOKEN)?.balance).toBe(100);
  });

  it('create sub-users with their own token, once per email', async () => {
    const created = await json('POST', '/users', { email: 'Shard@Example.com', credits: 7 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'Shard@Example.com', credits: 7 });
    const duplicate = await json('POST', '/users', { email: 'shard@example.com' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.text).toBe('Email already exists');
    const sub = created.body.token as string;
    expect((await mock.get('/user', sub)).body).toEqual([{ email: 'Shard@Example.com', credits: 7 }]);
    expect((await mock.get('/ai?prompt=hello', sub)).status).toBe(200);
    expect((await mock.get('/users?email=shard@example.com')).body).toEqual([
      { email: 'Shard@Example.com', credits: 2 },
    ]);

    const granted = await json('PATCH', '/users', { email: 'shard@example.com', amount: 10 });
    expect(granted.body).toEqual({ email: 'Shard@Example.com', credits: 12 });
    const stranger = await json('PATCH', '/users', { email: 'nobody@example.com', amount: 1 });
    expect(stranger.status).toBe(404);

    const gone = await json('DELETE', '/users', { email: 'shard@example.com' });
    expect(gone.body).toEqual({ email: 'Shard@Example.com', credits: 0 });
    expect((await mock.get('/user', sub)).status).toBe(403);
  });

  it('validate bodies from the document: malformed JSON is 400, a bad field 422 naming it', async () => {
    const malformed = await mock.send('POST', '/users', {
      body: '{"email": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.text).toBe('JSON was malformed');
    const bad = await json('POST', '/users', { email: 'not-an-email' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('email');
    const negative = await json('POST', '/users', { email: 'n@example.com', credits: -1 });
    expect(negative.status).toBe(422);
    expect(negative.text).toContain('credits');
  });

  it('offer DELETE /users only from June', async () => {
    const may = await mock.send('DELETE', '/users', {
      body: { email: 'x@example.com' },
      headers: { 'content-type': 'application/json', 'x-mock-revision': '2026-05-11' },
    });
    expect(may.status).toBe(405);
  });

  it('read an unlimited balance as the largest 32-bit integer, with a default email', async () => {
    const open = await startHarness();
    const [me] = (await open.get('/user', 'anyone')).body;
    expect(me.credits).toBe(UNLIMITED_CREDITS);
    expect(me.email).toMatch(/^user-[0-9a-f]{10}@example\.com$/);
  });
});

describe('the official client (joinmassive/mcp-server) against the live shape', async () => {
  const mock = await startHarness({ credits: { [TOKEN]: 50 }, revision: 'live' });

  it('reads the balance from GET /users and the chat from GET /ai?format=json', async () => {
    const balance = await mock.get('/users');
    expect(balance.body[0].credits).toBe(50);
    const params = new URLSearchParams({
      prompt: 'what is the model context protocol',
      model: 'chatgpt',
      format: 'json',
      country: 'us',
      expiration: '1',
    });
    const chat = await mock.get(`/ai?${params}`);
    expect(chat.status).toBe(200);
    const { completion, sources, subqueries, model } = chat.body;
    expect(model).toBe('chatgpt');
    expect(completion).toContain('<a ');
    expect(sources).toBe('');
    expect(subqueries.length).toBeGreaterThan(0);
    expect((await mock.get('/users')).body[0].credits).toBe(49);
  });
});

describe('GET /usage', async () => {
  const mock = await startHarness({ credits: { [TOKEN]: 100 }, journalSize: 1 });
  const { clock } = mock.instance.control;
  clock.set(Date.parse('2026-07-01T10:15:00Z'));
  clock.freeze();
  await mock.get('/ai?prompt=one');
  await mock.get('/ai?prompt=two');
  clock.advance(3_600_000);
  await mock.get('/ai?prompt=three');
  await mock.get('/ai?prompt=four', undefined, { prefer: 'code=500' });

  it('reports the calls from the durable record, not the bounded journal', async () => {
    const total = await mock.get('/usage?from=2026-07-01T00:00:00Z&to=2026-07-02T00:00:00Z');
    expect(total.status).toBe(200);
    const rows = total.body as { result: string; calls: number; credits: number; service: string }[];
    expect(rows.find((row) => row.result === 'success')).toMatchObject({
      service: 'ai',
      calls: 3,
      credits: 3,
    });
    expect(rows.find((row) => row.result === 'failure')).toMatchObject({ calls: 1, credits: 0 });
    expect(mock.instance.control.journal.list({}).length).toBe(1);
  });

  it('buckets by hour', async () => {
    const hourly = await mock.get('/usage?from=2026-07-01T00:00:00Z&to=2026-07-02T00:00:00Z&by=hour');
    const successes = (hourly.body as { result: string; from: string; calls: number }[]).filter(
      (row) => row.result === 'success',
    );
    expect(successes.map((row) => [row.from, row.calls])).toEqual([
      ['2026-07-01T10:00:00+00:00', 2],
      ['2026-07-01T11:00:00+00:00', 1],
    ]);
  });

  it('answers 422 on bad dates', async () => {
    const reversed = await mock.get('/usage?from=2026-07-02T00:00:00Z&to=2026-07-01T00:00:00Z');
    expect(reversed.status).toBe(422);
    expect(reversed.text).toBe('from must not be after to');
    const garbage = await mock.get('/usage?from=yesterday&to=2026-07-01T00:00:00Z');
    expect(garbage.status).toBe(422);
    expect(garbage.text).toContain('from');
    expect((await mock.get('/usage?from=2026-07-01T00:00:00Z')).status).toBe(422);
  });
});

describe('accounts under hostile input (issue 24)', async () => {
  const mock = await startHarness({
    credits: { [TOKEN]: 100, owner2: 5 },
    emails: { [TOKEN]: 'owner@example.com', owner2: 'Second@Example.com' },
    tokens: [TOKEN, 'owner2'],
    revision: '2026-06-29',
  });
  const json = (method: string, url: string, body: unknown, token = TOKEN) =>
    mock.send(method, url, { token, body, headers: { 'content-type': 'application/json' } });

  it('issues random sub-user tokens, not ones derivable from the seed and the email (item 5)', async () => {
    const other = await startHarness({ credits: { [TOKEN]: 100 }, tokens: [TOKEN], revision: '2026-06-29' });
    const here = await json('POST', '/users', { email: 'same@example.com', credits: 1 });
    const there = await other.send('POST', '/users', {
      body: { email: 'same@example.com', credits: 1 },
      headers: { 'content-type': 'application/json' },
    });
    expect(here.status).toBe(201);
    expect(there.status).toBe(201);
    expect(here.body.token).not.toBe(there.body.token);
    expect(here.body.token).toMatch(/^mm-[A-Za-z0-9_-]{32,}$/);
    expect((await mock.get('/user', here.body.token)).status).toBe(200);
  });

  it("refuses a configured user's email in any case, and that user keeps working (item 6)", async () => {
    const taken = await json('POST', '/users', { email: 'SECOND@example.com' });
    expect(taken.status).toBe(409);
    expect(taken.text).toBe('Email already exists');
    const reserved = await json('POST', '/users', { email: defaultEmail('someone-else') });
    expect(reserved.status).toBe(409);
    for (const path of ['/user', '/users', '/usage?from=2026-01-01&to=2027-01-01']) {
      expect((await mock.get(path, 'owner2')).status).toBe(200);
    }
    expect((await mock.get('/user', 'someone-else')).status).toBe(403);
  });

  it('bounds PATCH amounts to 32-bit credits: never Infinity, never null (item 7)', async () => {
    const huge = await json('PATCH', '/users', { email: 'owner@example.com', amount: 1e308 });
    expect(huge.status).toBe(422);
    expect(huge.text).toContain('amount');
    const over = await json('PATCH', '/users', { email: 'owner@example.com', amount: UNLIMITED_CREDITS });
    expect(over.status).toBe(422);
    expect(over.text).toContain('2,147,483,647');
    const me = await mock.get('/user');
    expect(Number.isInteger(me.body[0].credits)).toBe(true);
    const live = await mock.send('PATCH', '/users', {
      body: { email: 'owner@example.com', credits: 3 },
      headers: { 'content-type': 'application/json', 'x-mock-revision': 'live' },
    });
    expect(live.status).toBe(200);
    expect(live.body.credits).toBe(me.body[0].credits + 3);
  });

  it("accepts the vendor's documented datetime forms on /usage (item 12)", async () => {
    const windows: [string, string][] = [
      ['2025-12-24T18:00:00-06:00', '2025-12-25T9:00:00-06:00'],
      ['2026-01-01', '2026-01-02'],
      ['2026-01', '2026'],
      ['2026-01-01T10:15Z', '2026-01-01T12:15:30.25+01:00'],
    ];
    for (const [from, to] of windows) {
      const res = await mock.get(`/usage?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
      expect(res.status, `${from} ${to}`).toBe(200);
    }
    const bad = await mock.get('/usage?from=2026-13-01&to=2026-12-01');
    expect(bad.status).toBe(422);
    expect(bad.text).toMatch(/^from must be a date-time/);
    expect(bad.text).not.toContain('DATE-TIME');
  });
});
