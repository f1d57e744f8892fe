import { describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.ts';

describe('robustness against malformed requests', async () => {
  const mock = await startHarness();

  it('answers unknown routes 404 and other methods 405 with Allow', async () => {
    expect((await mock.send('GET', '/nope')).status).toBe(404);
    expect((await mock.send('GET', '/ai/unknown')).status).toBe(404);
    const post = await mock.send('POST', '/ai?prompt=hi');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET');
    expect((await mock.send('DELETE', '/ai/devices')).status).toBe(405);
  });

  it('never answers a malformed query with a 5xx', async () => {
    const urls = [
      '/ai?prompt=%',
      '/ai?prompt=%zz%E0%A4%A',
      '/ai?prompt=%00',
      '/ai?prompt=ok&country=%ff',
      '/ai?prompt=ok&&&=&==',
      '/ai?prompt[]=x',
      '/ai?prompt=a&model=gemini&model=copilot',
      '/ai?=x',
      '/ai/completions?id=%',
      '/ai/completions?id=1851dab8-4619-409f-893f-47dd3a180bc3&id=1851dab8-4619-409f-893f-47dd3a180bc3',
    ];
    for (const url of urls) {
      const res = await mock.get(url);
      expect(res.status, `${url} → ${res.status} ${res.text}`).toBeLessThan(500);
    }
  });

  it('answers a 64 KiB URL 431 (the head is over 32 KiB) and keeps serving', async () => {
    const res = await mock.raw(`/ai?prompt=${'x'.repeat(64 * 1024)}`);
    expect(res.status).toBe(431);
    expect((await mock.get('/ai/devices')).status).toBe(200);
  });

  it("takes a URL of 20 KiB, past Node's default head limit, when the prompt is valid", async () => {
    const prompt = encodeURIComponent('日本語'.repeat(682));
    expect(prompt.length).toBeGreaterThan(18_000);
    expect((await mock.get(`/ai?prompt=${prompt}`)).status).toBe(200);
  });
});
