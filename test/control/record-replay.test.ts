import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config.ts';
import type { Config } from '../../src/config/config.ts';
import { createInstance, type Instance } from '../../src/instance.ts';
import { startHarness } from '../support/harness.ts';

const UPSTREAM_TOKEN = 'real-secret-token';
const EMAIL = 'alice.real@example.com';

/** A second massive-mock, listening on loopback: the "real service" of these tests. */
async function startUpstream(): Promise<{ instance: Instance; url: string }> {
  const instance = await createInstance(
    resolveConfig({
      database: ':memory:',
      seed: 99,
      tokens: [UPSTREAM_TOKEN],
      emails: { [UPSTREAM_TOKEN]: EMAIL },
      jobMinMs: 150,
      jobMaxMs: 150,
    }),
    false,
  );
  const url = await instance.app.listen({ host: '127.0.0.1', port: 0 });
  return { instance, url };
}

/** A local server that fails the way upstreams do: 502, 503 with Retry-After, or never answers. */
async function startFailing(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (req.url?.includes('prompt=bad+gateway')) res.writeHead(502).end('<html>bad gateway</html>');
    else if (req.url?.includes('prompt=busy')) res.writeHead(503, { 'retry-after': '7' }).end('busy');
    // Anything else hangs until the client gives up.
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const CALLS = [
  '/ai?prompt=best+hiking+boots&model=gemini',
  '/ai?model=gemini&prompt=best+hiking+boots', // the same call, parameters in another order
  '/ai?prompt=best+hiking+boots&format=rendered',
  '/ai?prompt=best+hiking+boots&format=raw&model=perplexity',
  '/ai/devices',
  '/ai?prompt=x&model=nope', // a 422 is an answer: recorded
  '/user',
];

describe('record and replay', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'massive-mock-recordings-'));
  const upstream = await startUpstream();
  const failing = await startFailing();
  afterAll(async () => {
    await upstream.instance.close();
    failing.server.closeAllConnections();
    await new Promise((resolve) => failing.server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });
  const recordingFiles = () => readdirSync(dir).filter((name) => name.endsWith('.json'));
  const direct = (url: string) =>
    request(upstream.instance.app.server).get(url).set('authorization', `Bearer ${UPSTREAM_TOKEN}`);
  const harness = (overrides: Partial<Config>) => startHarness({ seed: 1, ...overrides });

  const recorder = await harness({ upstream: upstream.url, record: dir });
  const seen = new Map<string, { status: number; type: string; body: string }>();

  it('forwards calls with the caller credentials and records each answer', async () => {
    for (const url of CALLS) {
      const res = await recorder.get(url, UPSTREAM_TOKEN);
      seen.set(url, { status: res.status, type: String(res.headers['content-type']), body: res.text });
    }
    // A token the upstream does not accept gets the upstream's own 403 (recorded too).
    expect((await recorder.get('/ai?prompt=refused', 'not-accepted-upstream')).status).toBe(403);
    expect(seen.get(CALLS[0] as string)?.status).toBe(200);
    expect(seen.get('/ai?prompt=x&model=nope')?.status).toBe(422);
    // The same bytes as asking the upstream directly (its cache answers the second time).
    expect((await direct(CALLS[2] as string)).text).toBe(seen.get(CALLS[2] as string)?.body);
    expect(recorder.instance.control.journal.list().at(-1)?.decisions.replayed).toBe('upstream');
    // Two orders of the same parameters are one request, asked twice: the same answer twice is one
    // file, not one per repeat (issue 24, item 9); answers that differ are kept in order (below).
    expect(seen.get(CALLS[1] as string)?.body).toBe(seen.get(CALLS[0] as string)?.body);
    expect(
      recordingFiles().filter((name) => name.startsWith('get-ai-') && name.endsWith('-2.json')),
    ).toHaveLength(0);
    expect(recordingFiles().length).toBe(CALLS.length);
  });

  it('records the answers of an async job in the order they came', async () => {
    // The upstream's clock stands still until the job is told to be done: no race with a slow machine.
    upstream.instance.control.clock.freeze();
    const id = (await recorder.get('/ai?prompt=queued+boots&mode=async', UPSTREAM_TOKEN)).body.id;
    const first = await recorder.get(`/ai/completions?id=${id}`, UPSTREAM_TOKEN);
    expect(first.status).toBe(202);
    upstream.instance.control.clock.advance(1000);
    const ready = await recorder.get(`/ai/completions?id=${id}`, UPSTREAM_TOKEN);
    expect(ready.status).toBe(200);
    seen.set('job', { status: 200, type: '', body: JSON.stringify([id, first.text, ready.text]) });
  });

  it('keeps credentials and emails off the disk', () => {
    const text = recordingFiles()
      .map((name) => readFileSync(join(dir, name), 'utf8'))
      .join('\n');
    expect(text).toContain('"kind": "recording"');
    expect(text).not.toContain(UPSTREAM_TOKEN);
    expect(text).not.toContain(EMAIL);
    expect(text).toContain('[email]');
  });

  it('replays every call byte for byte with the upstream gone, and names what is missing', async () => {
    await upstream.instance.close();
    const replayer = await harness({ record: dir, replayOnly: true, seed: 7 });
    for (const url of CALLS.filter((call) => call !== '/user')) {
      const res = await replayer.get(url, 'any-token-at-all');
      const before = seen.get(url);
      expect([res.status, res.headers['content-type'], res.text]).toEqual([
        before?.status,
        before?.type,
        before?.body,
      ]);
    }
    const [id, first, ready] = JSON.parse(seen.get('job')?.body ?? '[]') as string[];
    await replayer.get('/ai?prompt=queued+boots&mode=async');
    expect((await replayer.get(`/ai/completions?id=${id}`)).text).toBe(first);
    expect((await replayer.get(`/ai/completions?id=${id}`)).text).toBe(ready);
    expect((await replayer.get(`/ai/completions?id=${id}`)).text).toBe(ready); // the last one repeats
    const missing = await request(replayer.instance.app.server)
      .get('/ai?prompt=never+recorded')
      .set('authorization', 'Bearer t');
    expect(missing.status).toBe(501);
    expect(missing.text).toBe(
      `replay-only: no recording of GET /ai?prompt=never+recorded; record it with --upstream <url> --record ${dir}`,
    );
  });

  it('applies fault rules and Prefer to replayed calls', async () => {
    const replayer = await harness({ record: dir, replayOnly: true });
    replayer.instance.control.faults.add({
      match: { model: 'gemini' },
      effect: { status: 503, retryAfter: 2 },
    });
    const faulted = await replayer.get(CALLS[0] as string);
    expect([faulted.status, faulted.text]).toEqual([
      503,
      'Service is autoscaling; please retry in 2 seconds',
    ]);
    const preferred = await replayer.get('/ai/devices', 't', { prefer: 'code=403' });
    expect(preferred.status).toBe(403);
    expect((await replayer.get('/ai/devices')).text).toBe(seen.get('/ai/devices')?.body);
    expect(replayer.instance.control.journal.list()[0]?.decisions.faults).toEqual(['rule-1']);
  });

  it('without --upstream, replays what is recorded and generates the rest, deciding faults once', async () => {
    const mixed = await harness({ record: dir });
    const rule = mixed.instance.control.faults.add({ effect: { delayMs: 1 } });
    expect((await mixed.get('/ai/devices')).text).toBe(seen.get('/ai/devices')?.body);
    const generated = await mixed.get('/ai?prompt=never+recorded+here');
    expect(generated.headers['x-mock-cache']).toBe('miss');
    expect(mixed.instance.control.journal.list().map((entry) => entry.decisions.replayed)).toEqual([
      'recording',
      undefined,
    ]);
    expect(rule).toMatchObject({ matched: 2, fired: 2 });
  });

  it('answers a stub of the user before any recording or upstream', async () => {
    const replayer = await harness({ record: dir, replayOnly: true });
    replayer.instance.control.fixtures.add({
      match: { prompt: 'best hiking boots' },
      answer: { markdown: 'Stubbed boots.' },
    });
    expect((await replayer.get('/ai?prompt=best+hiking+boots')).body.completion).toContain('Stubbed boots.');
  });

  it('passes upstream failures through as documented errors, unrecorded unless asked', async () => {
    const failDir = mkdtempSync(join(tmpdir(), 'massive-mock-failures-'));
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const refusedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    try {
      const proxy = await harness({ upstream: failing.url, record: failDir, upstreamTimeoutMs: 100 });
      const badGateway = await proxy.get('/ai?prompt=bad+gateway');
      expect([badGateway.status, badGateway.text]).toEqual([500, 'Unknown error occurred']);
      expect(badGateway.headers['x-mock-notice']).toBe('upstream answered 502');
      const busy = await proxy.get('/ai?prompt=busy');
      expect([busy.status, busy.headers['retry-after'], busy.text]).toEqual([
        503,
        '7',
        'Service is autoscaling; please retry in 7 seconds',
      ]);
      const slow = await proxy.get('/ai?prompt=slow');
      expect([slow.status, slow.text]).toEqual([504, 'Request(s) timed out']);
      const refused = await (await harness({ upstream: refusedUrl })).get('/ai?prompt=anyone');
      expect(refused.status).toBe(503);
      expect(refused.headers['x-mock-notice']).toMatch(/^upstream could not be reached/);
      expect(readdirSync(failDir)).toEqual([]);
      const asked = await harness({ upstream: failing.url, record: failDir, recordFailures: true });
      await asked.get('/ai?prompt=bad+gateway');
      expect(readdirSync(failDir)).toHaveLength(1);
    } finally {
      rmSync(failDir, { recursive: true, force: true });
    }
  });

  it('refuses --replay-only without a folder, and an upstream that is not a URL', () => {
    expect(() => resolveConfig({ replayOnly: true })).toThrow(/replayOnly needs record/);
    expect(() => resolveConfig({ upstream: 'localhost:8080' })).toThrow(/upstream must be an http/);
  });
});

/** A hostile "real service": echoes what it is sent, answers secrets, huge bodies, and counts. */
async function startEcho(): Promise<{ server: Server; url: string; seen: Record<string, unknown>[] }> {
  const seen: Record<string, unknown>[] = [];
  let count = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ url: req.url, headers: req.headers, body });
      const json = (value: unknown) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      const url = req.url ?? '';
      if (url.includes('prompt=count')) return json({ n: ++count });
      if (url.includes('prompt=huge'))
        return res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(3 * 1024 * 1024));
      if (url.includes('prompt=endless')) return res.writeHead(200).end('x'.repeat(40 * 1024 * 1024));
      if (url.includes('prompt=secrets'))
        return json({
          accessKey: 'AK-plain-1',
          sessionId: 'sess-plain-2',
          credentials: 'cred-plain-3',
          jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl',
          note: 'keys sk_live_abcdefghijklmnop and AKIAABCDEFGHIJKLMNOP',
          link: 'https://bob:pw-plain-4@files.example.net/report?key=k-plain-5&auth=a-plain-6',
        });
      if (url.startsWith('/users')) return json({ echoed: body, token: req.headers.authorization });
      return json({ path: url.length });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('record and replay under hostile input (issue 24, item 9)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'massive-mock-hostile-recordings-'));
  const echo = await startEcho();
  afterAll(async () => {
    echo.server.closeAllConnections();
    await new Promise((resolve) => echo.server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });
  const files = (folder = dir) => readdirSync(folder).filter((name) => name.endsWith('.json'));
  const onDisk = (folder = dir) => files(folder).map((name) => readFileSync(join(folder, name), 'utf8'));
  const recorder = await startHarness({ seed: 1, upstream: echo.url, record: dir, revision: '2026-06-29' });
  // The echo's answers are not the service's: no contract check on what it says.
  type Mock = typeof recorder;
  const get = (mock: Mock, url: string, token: string | null, headers: Record<string, string> = {}) => {
    const call = request(mock.instance.app.server).get(url).set(headers);
    return token === null ? call : call.set('authorization', `Bearer ${token}`);
  };
  const post = (mock: Mock, email: string, token = 'tok-echoed-secret') =>
    request(mock.instance.app.server)
      .post('/users')
      .set({ authorization: `Bearer ${token}`, 'content-type': 'application/json' })
      .send({ email });

  it('forwards only safe headers: never cookies, never x-mock-*', async () => {
    await get(recorder, '/ai?prompt=count', 'caller', {
      cookie: 'sid=1',
      'x-mock-session': 'default',
      'x-mock-anything': '1',
    });
    const headers = echo.seen.at(-1)?.headers as Record<string, string>;
    expect(headers.authorization).toBe('Bearer caller');
    expect(Object.keys(headers).filter((name) => name === 'cookie' || name.startsWith('x-mock'))).toEqual([]);
  });

  it('redacts keys, session ids, credentials, JWTs, provider keys and echoed tokens; keeps URL hosts', async () => {
    await get(recorder, '/ai?prompt=secrets&key=q-plain-7&auth=q-plain-8', 'caller');
    expect((await post(recorder, 'first@example.com')).status).toBe(200);
    const text = onDisk().join('\n');
    for (const secret of [
      'AK-plain-1',
      'sess-plain-2',
      'cred-plain-3',
      'eyJhbGciOiJIUzI1NiJ9',
      'sk_live_',
      'AKIAABCD',
      'pw-plain-4',
      'k-plain-5',
      'a-plain-6',
      'q-plain-7',
      'q-plain-8',
      'tok-echoed-secret',
    ])
      expect(text, secret).not.toContain(secret);
    expect(text).toContain('files.example.net');
  });

  it('writes one file per distinct request, not per repeat; a long path gets a hashed name', async () => {
    const before = files().length;
    for (let i = 0; i < 3; i++) await get(recorder, '/ai?prompt=same', 'caller');
    expect(files().length).toBe(before + 1);
    const long = await get(recorder, `/ai/${'a'.repeat(3000)}`, 'caller');
    expect(long.status).toBe(200);
    expect(files().length).toBe(before + 2);
    expect(Math.max(...files().map((name) => name.length))).toBeLessThan(120);
  });

  it('caps upstream bodies, and refuses to write a recording over 1 MiB', async () => {
    const before = files().length;
    const huge = await get(recorder, '/ai?prompt=huge', 'caller');
    expect(huge.status).toBe(200);
    expect(huge.text.length).toBe(3 * 1024 * 1024);
    expect(files().length).toBe(before);
    const endless = await get(recorder, '/ai?prompt=endless', 'caller');
    expect(endless.status).toBeGreaterThanOrEqual(500);
    expect(endless.headers['x-mock-notice']).toContain('MiB');
  });

  it("keeps a session's recordings apart from the default instance's", async () => {
    const session = { 'x-mock-session': 'shard-a' };
    const mine = await get(recorder, '/ai?prompt=count&in=session', 'caller', session);
    const theirs = await get(recorder, '/ai?prompt=count&in=session', 'caller');
    expect(mine.body.n).not.toBe(theirs.body.n);
    expect(files(join(dir, 'sessions', 'shard-a'))).toHaveLength(1);
  });

  it('replays with authentication and the request body', async () => {
    const replayer = await startHarness({ seed: 1, record: dir, replayOnly: true, revision: '2026-06-29' });
    const none = await get(replayer, '/ai?prompt=same', null);
    expect(none.status).toBe(401);
    expect((await get(replayer, '/ai?prompt=never+recorded', null)).status).toBe(401);
    expect((await get(replayer, '/ai?prompt=same', 'anyone')).status).toBe(200);
    expect((await post(replayer, 'first@example.com')).status).toBe(200);
    const other = await post(replayer, 'second@example.com');
    expect(other.status).toBe(501);
    expect(other.text).toContain('POST /users');
    const session = { 'x-mock-session': 'shard-a' };
    const mine = await get(replayer, '/ai?prompt=count&in=session', 'caller', session);
    const theirs = await get(replayer, '/ai?prompt=count&in=session', 'caller');
    expect(mine.body.n).not.toBe(theirs.body.n);
  });
});
