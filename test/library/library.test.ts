import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as library from '../../src/index.ts';
import { type MassiveMock, startMassiveMock } from '../../src/index.ts';

/** A client like the official one: retries a 503 once, after Retry-After seconds. */
async function ask(base: string, prompt: string, token = 'suite', waits: number[] = []) {
  const url = `${base}/ai?prompt=${encodeURIComponent(prompt)}`;
  const headers = { authorization: `Bearer ${token}` };
  let res = await fetch(url, { headers });
  if (res.status === 503) {
    const seconds = Number(res.headers.get('retry-after') ?? 5);
    waits.push(seconds);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    res = await fetch(url, { headers });
  }
  return res;
}

describe('the library API, as a test suite uses it', () => {
  let mock: MassiveMock;
  beforeAll(async () => {
    mock = await startMassiveMock({ credits: { limited: 2 }, jobMinMs: 60_000, jobMaxMs: 60_000 });
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  it('starts on a loopback URL', () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('makes the third call fail with 503, and the client retries after Retry-After', async () => {
    mock.faults.add({ effect: { status: 503, retryAfter: 1 }, policy: { skip: 2, times: 1 } });
    const waits: number[] = [];
    const statuses = [];
    for (const prompt of ['one', 'two', 'three'])
      statuses.push((await ask(mock.url, prompt, 'suite', waits)).status);
    expect(statuses).toEqual([200, 200, 200]);
    expect(waits).toEqual([1]);
    const sent = mock.journal.list({ path: '/ai' });
    expect(sent.map((entry) => [entry.query.prompt, entry.status])).toEqual([
      ['one', 200],
      ['two', 200],
      ['three', 503],
      ['three', 200],
    ]);
    expect(sent[3]?.time).toBeGreaterThanOrEqual((sent[2]?.time ?? 0) + 1000);
  });

  it('runs out of credits', async () => {
    expect((await ask(mock.url, 'a', 'limited')).status).toBe(200);
    expect((await ask(mock.url, 'b', 'limited')).status).toBe(200);
    const res = await ask(mock.url, 'c', 'limited');
    expect(res.status).toBe(402);
    expect(await res.text()).toBe('Credit balance is 0; top up at https://dashboard.joinmassive.com/plans');
    mock.accounts.set('limited', 1);
    expect((await ask(mock.url, 'c', 'limited')).status).toBe(200);
  });

  it('expires the cache by advancing the clock a day', async () => {
    mock.clock.freeze();
    await ask(mock.url, 'cached');
    expect((await ask(mock.url, 'cached')).headers.get('x-mock-cache')).toBe('hit');
    mock.clock.advance(24 * 60 * 60 * 1000);
    expect((await ask(mock.url, 'cached')).headers.get('x-mock-cache')).toBe('miss');
  });

  it('completes or fails an async job on demand', async () => {
    const headers = { authorization: 'Bearer suite' };
    const queue = async () =>
      ((await (await fetch(`${mock.url}/ai?prompt=later&mode=async`, { headers })).json()) as { id: string })
        .id;
    const poll = async (id: string) => fetch(`${mock.url}/ai/completions?id=${id}`, { headers });
    const [done, doomed] = [await queue(), await queue()];
    expect((await poll(done)).status).toBe(202);
    expect(mock.jobs.complete(done).state).toBe('ready');
    expect(mock.jobs.fail(doomed).state).toBe('failed');
    expect((await poll(done)).status).toBe(200);
    expect(await (await poll(doomed)).json()).toEqual({ status: 'failed' });
    expect(mock.jobs.list().map((job) => job.state)).toEqual(['failed', 'ready']);
  });

  it('stubs an answer from code, and verifies what the client sent', async () => {
    const stub = mock.fixtures.add({
      match: { prompt: 'stubbed from code', model: 'gemini' },
      answer: { markdown: 'A canned reply for the suite.' },
    });
    expect(mock.fixtures.list().map((fixture) => fixture.id)).toEqual([stub.id]);
    expect(() => mock.fixtures.add({ match: { prompt: '' }, answer: { markdown: 'x' } })).toThrow(
      library.FixtureError,
    );
    const res = await fetch(`${mock.url}/ai?prompt=stubbed+from+code&model=gemini`, {
      headers: { authorization: 'Bearer suite', 'x-trace': 'run-7' },
    });
    expect(((await res.json()) as { completion: string }).completion).toContain('A canned reply');
    const [entry] = mock.verify(
      { path: '/ai', query: { model: 'gemini' }, headers: { 'X-Trace': 'run-7' } },
      1,
    );
    expect(entry?.status).toBe(200);
    expect(() => mock.verify({ path: '/ai', query: { model: 'copilot' } })).toThrow(
      library.VerificationError,
    );
    expect(mock.fixtures.remove(stub.id)).toBe(true);
  });

  it('waits for a call an async flow makes later', async () => {
    const seen = mock.waitFor({ path: '/ai', query: { prompt: 'eventually' } }, { timeoutMs: 2000 });
    setTimeout(() => void ask(mock.url, 'eventually'), 20);
    expect((await seen).status).toBe(200);
  });

  it('starts isolated instances: their own store, clock and journal', async () => {
    const other = await startMassiveMock();
    try {
      other.clock.freeze();
      other.clock.advance(1000);
      expect(mock.clock.frozen).toBe(false);
      await ask(other.url, 'only here');
      expect(mock.journal.list()).toEqual([]);
      expect(other.journal.list()).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});

describe('a revision for the whole instance', () => {
  it('is a start option, and a header still picks another per call', async () => {
    const june = await startMassiveMock({ revision: '2026-06-29', credits: { t: 10 } });
    try {
      const headers = { authorization: 'Bearer t' };
      const res = await fetch(`${june.url}/ai?prompt=tides`, { headers });
      expect(res.headers.get('x-mock-revision')).toBe('2026-06-29');
      expect(Object.keys((await res.json()) as object)).toContain('sse');
      const may = await fetch(`${june.url}/ai?prompt=tides`, {
        headers: { ...headers, 'x-mock-revision': '2026-05-11' },
      });
      expect(Object.keys((await may.json()) as object)).not.toContain('sse');
      expect(june.accounts.get('t')?.balance).toBe(4);
    } finally {
      await june.close();
    }
  });
});

describe('the package exports', () => {
  it('are exactly these (a change here is a change of the public API)', () => {
    expect(Object.keys(library).sort()).toEqual([
      'ApiError',
      'FaultRuleError',
      'FixtureError',
      'VerificationError',
      'startMassiveMock',
    ]);
  });
});
