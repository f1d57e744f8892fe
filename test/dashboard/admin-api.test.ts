import { Writable } from 'node:stream';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config.ts';
import { createInstance } from '../../src/instance.ts';
import { startHarness } from '../support/harness.ts';

describe('what the dashboard reads from the admin API', async () => {
  const mock = await startHarness();
  const { control } = mock.instance;

  it('GET /__admin/usage counts billed calls per bucket of the clock and per token', async () => {
    control.reset();
    control.clock.freeze();
    control.clock.set(Date.parse('2030-01-01T00:00:00Z'));
    await mock.get('/ai?prompt=usage+one', 'alice');
    await mock.get('/ai?prompt=usage+two', 'alice');
    control.clock.advance(60_000);
    await mock.get('/ai?prompt=usage+three', 'bob');
    await mock.get('/ai?prompt=', 'bob');
    const chart = (await mock.send('GET', '/__admin/usage?bucketMs=60000')).body;
    expect(chart.to).toBe(Date.parse('2030-01-01T00:01:00Z'));
    expect(chart.buckets.slice(-2)).toEqual([
      { start: Date.parse('2030-01-01T00:00:00Z'), calls: 2, failed: 0, credits: 2 },
      { start: Date.parse('2030-01-01T00:01:00Z'), calls: 1, failed: 0, credits: 1 },
    ]);
    expect(chart.tokens).toEqual([
      { token: 'alice', calls: 2, credits: 2, balance: null },
      { token: 'bob', calls: 1, credits: 1, balance: null },
    ]);
    const bob = (await mock.send('GET', '/__admin/usage?token=bob')).body;
    expect(bob.tokens.map((row: { token: string }) => row.token)).toEqual(['bob']);
  });

  it('refuses a window cut too finely, naming the parameter', async () => {
    const res = await mock.send('GET', '/__admin/usage?from=0&to=86400000000&bucketMs=1000');
    expect(res.status).toBe(400);
    expect(res.text).toContain('bucketMs must cut from..to into at most 10000 buckets');
    expect((await mock.send('GET', '/__admin/usage?bucketMs=5')).status).toBe(400);
  });

  it('keeps the answer in each journal entry, and filters callback attempts from requests', async () => {
    control.reset();
    await mock.get('/ai/devices');
    const [entry] = (await mock.send('GET', '/__admin/journal?kind=request')).body;
    expect(entry.response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(entry.response.body)).toContain('iPhone 15');
    expect((await mock.send('GET', '/__admin/journal?kind=callback')).body).toEqual([]);
  });
});

describe('the HTTP edge', () => {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).trim().split('\n')) lines.push(JSON.parse(line));
      done();
    },
  });
  const started = (async () => {
    const instance = await createInstance(resolveConfig({ database: ':memory:' }), { level: 'info', stream });
    await instance.app.listen({ host: '127.0.0.1', port: 0 });
    return { instance, port: (instance.app.server.address() as AddressInfo).port };
  })();
  afterAll(async () => (await started).instance.close());

  /** Sends raw bytes, as a client that does not encode its URL would, and reads the whole answer. */
  async function raw(bytes: Buffer): Promise<string> {
    const { port } = await started;
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk));
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
    });
  }

  it('reads a raw UTF-8 query as the client meant it', async () => {
    const answer = await raw(
      Buffer.from(
        'GET /ai?prompt=caf\u00e9+au+lait HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nConnection: close\r\n\r\n',
        'utf8',
      ),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    const { instance } = await started;
    expect(instance.control.journal.list({ path: '/ai' }).at(-1)?.query.prompt).toBe('café au lait');
  });

  it('answers what the HTTP parser refuses in plain text', async () => {
    const answer = await raw(Buffer.from('NOT HTTP AT ALL\r\n\r\n'));
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toContain('Content-Type: text/plain; charset=utf-8');
    expect(answer).toContain('the request is not valid HTTP');
  });

  it('logs one line per API call at info, with the cache and the fixture, and none for the dashboard', async () => {
    const { port } = await started;
    lines.length = 0;
    await fetch(`http://127.0.0.1:${port}/ai?prompt=best+basketball+shoes+for+2026`, {
      headers: { authorization: 'Bearer t' },
    });
    await fetch(`http://127.0.0.1:${port}/__admin/journal`);
    await fetch(`http://127.0.0.1:${port}/`);
    await fetch(`http://127.0.0.1:${port}/favicon.ico`);
    expect(lines.map((line) => line.msg)).toEqual([
      expect.stringMatching(/^GET \/ai 200 \d+ms cache=miss fixture=best-basketball-shoes-for-2026\.json$/),
    ]);
    expect(lines[0]).toMatchObject({ level: 30, method: 'GET', path: '/ai', status: 200, cache: 'miss' });
  });
});
