import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { startHarness, TOKEN } from '../support/harness.ts';

// Issue 24's reproductions on batches, sessions and bodies, each against a real HTTP server.

describe('a batch at the documented maximum (item 10)', async () => {
  const mock = await startHarness({ revision: '2026-07-06' });
  const batch = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    mock.send('POST', '/ai/batches', { body, headers });

  it('accepts 1,000 prompts of 2,047 characters, multi-byte ones too', async () => {
    const ascii = await batch({ prompts: Array.from({ length: 1000 }, (_, i) => `${i} `.padEnd(2047, 'a')) });
    expect(ascii.status).toBe(202);
    const wide = await batch({ prompts: Array.from({ length: 1000 }, (_, i) => `${i} `.padEnd(2047, 'é')) });
    expect(wide.status).toBe(202);
  });

  it('keeps the 1 MiB limit everywhere else', async () => {
    // Fastify refuses it before any route runs: no operation answers, so no document describes it.
    const big = await request(mock.instance.app.server)
      .post('/users')
      .set({
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/json',
        'x-mock-revision': '2026-06-29',
      })
      .send(JSON.stringify({ email: 'big@example.com', pad: 'x'.repeat(2 * 1024 * 1024) }));
    expect(big.status).toBe(413);
  });

  it('names the media type when a batch comes without one (minor)', async () => {
    const bare = await request(mock.instance.app.server)
      .post('/ai/batches')
      .set('authorization', `Bearer ${TOKEN}`)
      .send(Buffer.from('{"prompts":["a"]}'));
    expect(bare.status).toBe(415);
    expect(bare.text).toContain('application/json');
  });

  it('says what is wrong with a __proto__ key instead of "JSON was malformed" (minor)', async () => {
    const proto = await mock.send('POST', '/ai/batches', {
      body: '{"prompts":["a"],"__proto__":{"x":1}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(proto.status).toBe(422);
    expect(proto.text).toContain('__proto__');
  });
});

describe('sessions and anonymous requests (item 11)', async () => {
  const mock = await startHarness({ tokens: [TOKEN] });
  const anonymous = (session: string, token: string | null) =>
    mock.send('GET', '/ai?prompt=hi', { token, headers: { 'x-mock-session': session } });

  it('opens no session for a request without an accepted token, and answers as the service would', async () => {
    for (let i = 0; i < 120; i++) {
      const res = await anonymous(`anon-${i}`, i % 2 ? null : 'not-a-token');
      expect(res.status).toBe(i % 2 ? 401 : 403);
    }
    expect((await mock.send('GET', '/__admin/sessions')).body).toEqual([]);
    const real = await anonymous('real-shard', TOKEN);
    expect(real.status).toBe(200);
    expect(real.headers['x-mock-session']).toBe('real-shard');
  });
});
