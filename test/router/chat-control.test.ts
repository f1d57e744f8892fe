import { once } from 'node:events';
import { type IncomingMessage, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.ts';

const body = (content: string) => JSON.stringify({ messages: [{ role: 'user', content }], stream: true });

/** What /api/v1/completions has, on chat: disconnects, the rate limit, the realistic pace. */
describe('chat streams under the control plane', async () => {
  const mock = await startHarness({ routerRateLimit: 0 });
  const base = await mock.instance.app.listen({ host: '127.0.0.1', port: 0 });
  const { control } = mock.instance;

  it('a client that disconnects frees its chat stream at once: journalled as disconnected, no timer left', async () => {
    control.faults.add({
      match: { operation: 'createChatCompletion' },
      effect: { stream: { firstTokenDelayMs: 60_000 } },
    });
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    const count = 20;
    const opened = await Promise.all(
      Array.from({ length: count }, async (_, index) => {
        const req = request(`${base}/api/v1/chat/completions`, {
          method: 'POST',
          headers: { authorization: 'Bearer held', 'content-type': 'application/json' },
        });
        req.on('error', () => {});
        req.end(body(`held ${index}`));
        await once(req, 'response');
        return req;
      }),
    );
    expect(timers() - before).toBeGreaterThanOrEqual(count - 3);
    const cut = performance.now();
    for (const req of opened) req.destroy();
    const ended = () => control.journal.list({ path: '/api/v1/chat/completions' });
    for (let i = 0; i < 250 && ended().length < count; i++) await sleep(10);
    expect(ended().map((entry) => entry.decisions.stream)).toEqual(
      Array(count).fill({ chunks: 0, ending: 'disconnected' }),
    );
    expect(performance.now() - cut).toBeLessThan(2000);
    expect(timers() - before).toBeLessThanOrEqual(3);
    control.reset();
  });

  it('streams to the end under backpressure: a client that reads slowly gets every chunk', async () => {
    const req = request(`${base}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer slow', 'content-type': 'application/json' },
    });
    req.end(JSON.stringify({ messages: [{ role: 'user', content: 'x' }], stream: true, n: 64, seed: 1 }));
    const [res] = (await once(req, 'response')) as [IncomingMessage];
    res.pause();
    await sleep(200);
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (data: string) => (text += data));
    res.resume();
    await once(res, 'end');
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
    const finishes = text.match(/"finish_reason":"(stop|length)"/g) ?? [];
    expect(finishes).toHaveLength(64);
  });
});

describe('the rate limit on chat', async () => {
  it('answers 429 with Retry-After past the per-key limit', async () => {
    const mock = await startHarness({ routerRateLimit: 1 });
    const chat = (token: string) =>
      mock.send('POST', '/api/v1/chat/completions', {
        token,
        body: { messages: [{ role: 'user', content: 'x' }] },
      });
    expect((await chat('a')).status).toBe(200);
    const limited = await chat('a');
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 'rate_limit_exceeded', param: null });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(59);
    expect((await chat('b')).status).toBe(200);
  });
});
