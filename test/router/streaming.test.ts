import { type IncomingMessage, request as httpRequest } from 'node:http';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { eventData } from '../support/contract.ts';
import { startHarness, TOKEN } from '../support/harness.ts';

const MODEL = 'openai/gpt-3.5-turbo-instruct';
type Chunk = { choices: { text: string; index: number; finish_reason: string | null }[]; usage?: unknown };

/** Opens a stream on a listening server and resolves with the response as soon as its head arrives. */
function openStream(base: string, body: Record<string, unknown>) {
  const req = httpRequest(`${base}/api/v1/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
  });
  req.end(JSON.stringify({ model: MODEL, stream: true, ...body }));
  return { req, response: once(req, 'response').then(([res]) => res as IncomingMessage) };
}

/** Reads a response to its end, noting when its first bytes came. */
function readStream(res: IncomingMessage): Promise<{ text: string; firstDataAt: number }> {
  return new Promise((resolve, reject) => {
    let text = '';
    let firstDataAt = 0;
    res.setEncoding('utf8');
    res.on('data', (data: string) => {
      firstDataAt ||= performance.now();
      text += data;
    });
    res.on('end', () => resolve({ text, firstDataAt }));
    res.on('error', reject);
  });
}

describe('streamed completions', async () => {
  const mock = await startHarness();
  const { control } = mock.instance;
  const stream = (body: Record<string, unknown>) =>
    mock.send('POST', '/api/v1/completions', { body: { model: MODEL, stream: true, ...body } });
  // A backlog past Node's 511, for the 1,000 connections opened at once below.
  const base = await mock.instance.app.listen({ host: '127.0.0.1', port: 0, backlog: 2048 });
  const connections = () =>
    new Promise<number>((resolve, reject) =>
      mock.instance.app.server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
    );

  it('sends text/event-stream chunks that add up to the same text as JSON, then [DONE]', async () => {
    const res = await stream({ prompt: 'Tell me about owls', seed: 3 });
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    const events = eventData(res.text);
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1) as Chunk[];
    const plain = await mock.send('POST', '/api/v1/completions', {
      body: { model: MODEL, prompt: 'Tell me about owls', seed: 3 },
    });
    expect(chunks.map((chunk) => chunk.choices[0]?.text).join('')).toBe(plain.body.choices[0].text);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.slice(0, -1).every((chunk) => chunk.choices[0]?.finish_reason === null)).toBe(true);
    expect(chunks.every((chunk) => !('usage' in chunk))).toBe(true);
  });

  it('include_usage adds a last chunk with the usage and no choices; n choices interleave', async () => {
    const res = await stream({ prompt: 'x', n: 2, max_tokens: 3, stream_options: { include_usage: true } });
    const chunks = eventData(res.text).slice(0, -1) as Chunk[];
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { completion_tokens: 6 } });
    expect(chunks.slice(0, 4).map((chunk) => chunk.choices[0]?.index)).toEqual([0, 1, 0, 1]);
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
  });

  it('a fault rule sends an error event after N chunks, and no [DONE]', async () => {
    control.reset();
    control.faults.add({
      match: { operation: 'createCompletion' },
      effect: { stream: { errorAfterChunks: 2 } },
    });
    const events = eventData((await stream({ prompt: 'x', max_tokens: 10 })).text);
    expect(events).toHaveLength(3);
    expect(events[2]).toMatchObject({ error: { type: 'server_error' } });
    const [entry] = control.journal.list({ path: '/api/v1/completions' });
    expect(entry?.decisions).toMatchObject({ faults: ['rule-1'], stream: { chunks: 2, ending: 'error' } });
    // Non-streamed calls are untouched by a stream fault.
    expect(
      (await mock.send('POST', '/api/v1/completions', { body: { model: MODEL, prompt: 'x' } })).status,
    ).toBe(200);
  });

  it('a fault rule cuts the connection after N chunks', async () => {
    control.reset();
    control.faults.add({ effect: { stream: { cutAfterChunks: 3 } } });
    const { response } = openStream(base, { prompt: 'x', max_tokens: 10 });
    const res = await response;
    let text = '';
    res.setEncoding('utf8');
    const failure = await new Promise<string>((resolve) => {
      res.on('data', (data: string) => (text += data));
      res.on('aborted', () => resolve('aborted'));
      res.on('error', (error) => resolve(error.message));
      res.on('end', () => resolve('ended'));
    });
    expect(failure).not.toBe('ended');
    expect(eventData(text)).toHaveLength(3);
    const [entry] = control.journal.list({ path: '/api/v1/completions' });
    expect(entry?.decisions.stream).toEqual({ chunks: 3, ending: 'cut' });
  });

  it('a slow first token holds the first chunk back, but not the head', async () => {
    control.reset();
    control.faults.add({ effect: { stream: { firstTokenDelayMs: 300 } } });
    const { response } = openStream(base, { prompt: 'x', max_tokens: 2 });
    const read = readStream(await response);
    const headAt = performance.now();
    const { text, firstDataAt } = await read;
    // The head came when the stream started; its first chunk 300 ms after.
    expect(firstDataAt - headAt).toBeGreaterThanOrEqual(250);
    expect(eventData(text)).toHaveLength(3);
  });

  it('a client that disconnects stops its stream: no timer, no socket left', async () => {
    control.reset();
    control.faults.add({ effect: { stream: { firstTokenDelayMs: 60_000 } } });
    // Other parts of the process come and go with timers too: 20 streams make the count telling.
    const count = 20;
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    const opened = Array.from({ length: count }, () => openStream(base, { prompt: 'x', max_tokens: 2 }));
    await Promise.all(opened.map((stream) => stream.response));
    expect(timers() - before).toBeGreaterThanOrEqual(count - 3);
    for (const stream of opened) stream.req.destroy();
    const ended = () => control.journal.list({ path: '/api/v1/completions' });
    for (let i = 0; i < 250 && ended().length < count; i++) await sleep(20);
    expect(ended().map((entry) => entry.decisions.stream)).toEqual(
      Array(count).fill({ chunks: 0, ending: 'disconnected' }),
    );
    expect(timers() - before).toBeLessThanOrEqual(3);
    for (let i = 0; i < 100 && (await connections()) > 0; i++) await sleep(20);
    expect(await connections()).toBe(0);
  });

  it('holds 1,000 concurrent streams open, and lets them all go on disconnect', async () => {
    control.reset();
    // A first token that never comes within the test: every stream stays open until its client leaves.
    control.faults.add({ effect: { stream: { firstTokenDelayMs: 600_000 } } });
    const count = 1000;
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    const opened = Array.from({ length: count }, (_, index) =>
      openStream(base, { prompt: `held ${index}`, max_tokens: 3 }),
    );
    const heads = await Promise.all(opened.map((stream) => stream.response));
    expect(
      heads.every(
        (res) => res.statusCode === 200 && /^text\/event-stream/.test(String(res.headers['content-type'])),
      ),
    ).toBe(true);
    expect(await connections()).toBe(count);
    for (const stream of opened) stream.req.destroy();
    for (let i = 0; i < 200 && control.journal.list({ path: '/api/v1/completions' }).length < count; i++)
      await sleep(25);
    const ended = control.journal.list({ path: '/api/v1/completions' });
    expect(ended.filter((entry) => entry.decisions.stream?.ending === 'disconnected')).toHaveLength(count);
    // (another timer of the process may have ended meanwhile, hence not toBe)
    expect(timers()).toBeLessThanOrEqual(before);
  }, 60_000);

  it('streams 1,000 concurrent completions to the end', async () => {
    control.reset();
    const count = 1000;
    const texts = await Promise.all(
      Array.from({ length: count }, async (_, index) => {
        const { response } = openStream(base, { prompt: `stream ${index}`, max_tokens: 3 });
        return (await readStream(await response)).text;
      }),
    );
    expect(texts.every((text) => text.endsWith('data: [DONE]\n\n') && eventData(text).length === 4)).toBe(
      true,
    );
    const ended = control.journal.list({ path: '/api/v1/completions' });
    expect(ended.filter((entry) => entry.decisions.stream?.ending === 'done')).toHaveLength(count);
  }, 60_000);
});

describe('streaming with the realistic profile', async () => {
  it('paces the chunks: a first-token time, then a token rate, both scaled by timeScale', async () => {
    const mock = await startHarness({ latency: 'realistic', timeScale: 0.1 });
    const started = performance.now();
    const res = await mock.send('POST', '/api/v1/completions', {
      body: { model: MODEL, prompt: 'x', max_tokens: 20, stream: true },
    });
    const elapsed = performance.now() - started;
    expect(eventData(res.text)).toHaveLength(21);
    // about 45 ms to the first token and 19 × 1.7 ms after it, at a tenth of real time
    expect(elapsed).toBeGreaterThan(20);
    expect(elapsed).toBeLessThan(5000);
    const [entry] = mock.instance.control.journal.list({ path: '/api/v1/completions' });
    expect(entry?.durationMs).toBeGreaterThan(20);
  });
});

describe('closing the server', () => {
  it('ends the streams in flight instead of waiting for them', async () => {
    const mock = await startHarness();
    mock.instance.control.faults.add({ effect: { stream: { firstTokenDelayMs: 600_000 } } });
    const base = await mock.instance.app.listen({ host: '127.0.0.1', port: 0 });
    const { response } = openStream(base, { prompt: 'x' });
    const res = await response;
    const ended = new Promise((resolve) => res.on('close', resolve));
    const started = performance.now();
    await mock.instance.close();
    await ended;
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
