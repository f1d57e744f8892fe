import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { REVISIONS } from '../../src/core/massive/revisions/index.ts';
import { startHarness } from '../support/harness.ts';

describe.each(REVISIONS.map((revision) => [revision.id]))('GET /browser in %s', async (revision) => {
  const mock = await startHarness({ revision, credits: { ten: 10 }, jobMinMs: 1000, jobMaxMs: 1000 });
  const { control } = mock.instance;
  control.clock.freeze();
  const july = revision === '2026-07-06';

  it('reads example.com as the real page, in every format', async () => {
    const markdown = await mock.get('/browser?url=https://example.com/&format=markdown');
    expect(markdown.status).toBe(200);
    expect(markdown.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(markdown.text).toMatch(/^# Example Domain\n/);
    expect(markdown.text).toContain('[More information...](https://www.iana.org/domains/example)');
    const rendered = await mock.get('/browser?url=https://example.com/');
    expect(rendered.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(cheerio.load(rendered.text)('h1').text()).toBe('Example Domain');
    // As served, the content is still in its script.
    const raw = await mock.get('/browser?url=https://example.com/&format=raw');
    expect(cheerio.load(raw.text)('#app').text()).toBe('');
    expect(raw.text).toContain('Example Domain');
  });

  it('makes a page of the kind its host and path say, the same on every call', async () => {
    const product = await mock.get(
      '/browser?url=https://shop.example/product/red-running-shoes&format=markdown',
    );
    expect(product.text).toMatch(/^# Red Running Shoes\n/);
    expect(product.text).toMatch(/Price: \$\d+/);
    const docs = await mock.get('/browser?url=https://docs.example/api/fetch-page&format=markdown');
    expect(docs.text).toContain('## Usage');
    expect(
      (await mock.get('/browser?url=https://shop.example/product/red-running-shoes&format=markdown')).text,
    ).toBe(product.text);
  });

  it('leaves late content out until load, unless a delay waits for it', async () => {
    const url = '/browser?url=https://news.example/2026/rain-in-spain&format=markdown';
    expect((await mock.get(url)).text).toContain('## Related');
    expect((await mock.get(`${url}&readiness=domcontentloaded`)).text).not.toContain('## Related');
    expect((await mock.get(`${url}&readiness=domcontentloaded&delay=2`)).text).toContain('## Related');
  });

  it('answers the documented 404 for a domain that cannot exist, and 403 for a rejected captcha', async () => {
    const missing = await mock.get('/browser?url=https://nowhere.invalid/', 'ten');
    expect(missing.status).toBe(404);
    expect(missing.text).toBe('Domain is nonexistant');
    const rejected = await mock.get('/browser?url=https://captcha.example/page&captcha=rejected', 'ten');
    expect(rejected.status).toBe(403);
    expect(rejected.text).toBe('Captcha was detected');
    const ignored = await mock.get(
      '/browser?url=https://captcha.example/page&captcha=ignored&format=markdown',
    );
    expect(ignored.text).toContain('Verify you are human');
    const solved = await mock.get('/browser?url=https://captcha.example/page&format=markdown');
    expect(solved.text).not.toContain('Verify you are human');
    // Errors are free.
    expect(mock.instance.store.account('ten')?.balance).toBe(10);
  });

  it('charges the difficulty and speed multipliers: medium and ridiculous cost 4', async () => {
    const res = await mock.get('/browser?url=https://a.example/x&difficulty=medium&speed=ridiculous', 'ten');
    expect(res.status).toBe(200);
    expect(mock.instance.store.account('ten')?.balance).toBe(6);
    expect(
      (await mock.get('/browser?url=https://a.example/x&difficulty=medium', 'ten')).headers['x-mock-cache'],
    ).toBe('hit');
    expect(mock.instance.store.account('ten')?.balance).toBe(4);
  });

  it('refuses an unknown device, a bad URL and a bad delay with a 422 naming them', async () => {
    for (const [query, message] of [
      ['url=https://a.example/&device=iphone-15', /^device must be a name listed by \/browser\/devices/],
      ['url=not-a-url', /^url/],
      ['url=https://a.example/&delay=11', /^delay/],
      ['url=https://a.example/&session=' + 's'.repeat(256), /^session/],
    ] as const) {
      const res = await mock.get(`/browser?${query}`);
      expect(res.status, query).toBe(422);
      expect(res.text, query).toMatch(message);
    }
    expect((await mock.get('/browser?url=https://a.example/&session=abc&device=iPad+Mini')).status).toBe(200);
  });

  it('queues with mode=async and serves the page from /browser/content', async () => {
    const queued = await mock.get('/browser?url=https://example.com/&format=markdown&mode=async');
    expect(queued.status).toBe(202);
    const poll = () => mock.get(`/browser/content?id=${queued.body.id}`);
    expect((await poll()).body).toEqual({ status: 'retrieving' });
    control.clock.advance(1000);
    expect((await poll()).text).toMatch(/^# Example Domain/);
    if (july) expect((await mock.get(`/browser?id=${queued.body.id}`)).text).toMatch(/^# Example Domain/);
  });

  it('lists its devices in every revision, and a Prefer 429 carries Retry-After', async () => {
    expect((await mock.get('/browser/devices')).body).toContain('iPhone 13');
    const limited = await mock.get('/browser?url=https://a.example/', undefined, { prefer: 'code=429' });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('180');
  });
});
