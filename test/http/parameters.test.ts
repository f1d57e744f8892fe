import { describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.ts';

const q = (params: Record<string, string>) =>
  `/ai?${new URLSearchParams({ prompt: 'hello there', ...params })}`;

describe('GET /ai parameter rules', async () => {
  const mock = await startHarness();

  async function rejects(url: string, ...words: string[]) {
    const res = await mock.get(url);
    expect(res.status, url).toBe(422);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    for (const word of words) expect(res.text, url).toContain(word);
    return res.text;
  }
  async function json(url: string) {
    const res = await mock.get(url);
    expect(res.status, `${url}: ${res.text}`).toBe(200);
    return res.body as Record<string, unknown>;
  }

  describe('prompt', () => {
    it('is required and not empty', async () => {
      await rejects('/ai', 'prompt', 'provided');
      await rejects('/ai?prompt=', 'prompt', 'at least 1 character');
    });
    it('takes up to 2,047 characters, counted as characters not bytes', async () => {
      expect((await json(`/ai?prompt=${'a'.repeat(2047)}`)).query).toHaveLength(2047);
      const emoji = '😀'.repeat(2047);
      expect([...((await json(`/ai?prompt=${encodeURIComponent(emoji)}`)).query as string)]).toHaveLength(
        2047,
      );
      await rejects(`/ai?prompt=${'a'.repeat(2048)}`, 'prompt', 'no more than 2,047 characters');
    });
    it('reads + and %20 as spaces', async () => {
      expect((await json('/ai?prompt=best+basketball%20shoes')).query).toBe('best basketball shoes');
    });
    it('must be given once', async () => {
      await rejects('/ai?prompt=a&prompt=b', 'prompt', 'once');
    });
  });

  it('model: chatgpt by default, one of the four, case-sensitive', async () => {
    expect((await json(q({}))).model).toBe('chatgpt');
    for (const model of ['gemini', 'perplexity', 'copilot'])
      expect((await json(q({ model }))).model).toBe(model);
    await rejects(q({ model: 'claude' }), 'model', 'chatgpt, gemini, perplexity, copilot');
  });

  it('device: a name from /ai/devices in any case, echoed in its catalogue spelling', async () => {
    expect((await json(q({ device: 'blackberry playbook' }))).device).toBe('Blackberry PlayBook');
    expect((await json(q({ device: 'IPHONE 15 PRO' }))).device).toBe('iPhone 15 Pro');
    expect((await json(q({}))).device).toBeNull();
    await rejects(q({ device: 'Nokia 3310' }), 'device', '/ai/devices', 'Nokia 3310');
    await rejects(q({ device: 'Desktop Chrome' }), 'device');
  });

  it('country: ISO 3166-1 alpha-2 in any case, echoed upper-case', async () => {
    expect((await json(q({ country: 'us' }))).country).toBe('US');
    expect((await json(q({ country: 'De' }))).country).toBe('DE');
    await rejects(q({ country: 'usa' }), 'country', 'ISO 3166-1');
    await rejects(q({ country: 'zz' }), 'country', '"zz"');
  });

  it('subdivision: needs a country; the part after the hyphen of one of its ISO 3166-2 codes', async () => {
    const body = await json(q({ country: 'us', subdivision: 'tn' }));
    expect(body.subdivision).toBe('TN');
    expect((await json(q({ country: 'de', subdivision: 'by' }))).subdivision).toBe('BY');
    await rejects(q({ subdivision: 'tn' }), 'subdivision', 'requires country');
    await rejects(q({ country: 'us', subdivision: 'by' }), 'subdivision', 'ISO 3166-2', 'US');
  });

  it('city: needs a country; a GeoNames name, case-sensitive; an unknown one falls back to the country', async () => {
    const body = await json(q({ country: 'us', city: 'Portland' }));
    expect(body).toMatchObject({ country: 'US', city: 'Portland' });
    expect((await json(q({ country: 'ch', city: 'Zürich' }))).city).toBe('Zürich');
    await rejects(q({ city: 'Portland' }), 'city', 'requires country');
    const fallback = await mock.get(q({ country: 'us', city: 'portland' }));
    expect(fallback.status).toBe(200);
    expect(fallback.body).toMatchObject({ country: 'US', city: null });
    expect(fallback.headers['x-mock-notice']).toContain('portland');
  });

  it('language and display: a name, an ISO 639-1 code or a Google code; three-letter codes are 422', async () => {
    expect(await json(q({ language: 'es' }))).toMatchObject({ language: 'es', display: 'es' });
    expect(await json(q({ language: 'SPANISH', display: 'fr' }))).toMatchObject({
      language: 'Spanish',
      display: 'fr',
    });
    expect((await json(q({ language: 'zh-cn' }))).language).toBe('zh-CN');
    expect((await json(q({ language: 'iw' }))).language).toBe('iw');
    expect((await json(q({ display: 'Deutsch' }))).display).toBe('German');
    await rejects(q({ language: 'spa' }), 'language', 'ISO 639-2', 'use "es"');
    await rejects(q({ display: 'klingon' }), 'display', '"klingon"');
  });

  it('format: json, rendered or raw', async () => {
    await rejects(q({ format: 'xml' }), 'format', 'json, rendered, raw');
  });

  it('expiration: the integer 0 or 1', async () => {
    expect((await mock.get(q({ expiration: '0' }))).status).toBe(200);
    await rejects(q({ expiration: '2' }), 'expiration', 'no more than 1');
    await rejects(q({ expiration: 'one' }), 'expiration', 'integer');
    await rejects(q({ expiration: '-1' }), 'expiration', 'at least 0');
  });

  it('mode: sync or async', async () => {
    await rejects(q({ mode: 'later' }), 'mode', 'sync, async');
  });

  it('echoes null for every key not given', async () => {
    const body = await json(q({}));
    for (const key of ['device', 'country', 'subdivision', 'city', 'language', 'display'])
      expect(body[key]).toBeNull();
  });
});
