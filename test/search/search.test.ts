import { describe, expect, it } from 'vitest';
import { REVISIONS } from '../../src/core/massive/revisions/index.ts';
import { startHarness } from '../support/harness.ts';
import { lighter, readSerp } from './serp-reader.ts';

describe.each(REVISIONS.map((revision) => [revision.id]))('GET /search in %s', async (revision) => {
  const mock = await startHarness({
    revision,
    credits: { five: 5, poor: 0 },
    jobMinMs: 1000,
    jobMaxMs: 1000,
  });
  const { control } = mock.instance;
  control.clock.freeze();
  const july = revision === '2026-07-06';

  it('answers a results page the parse rules read, with the overview and answers awaited', async () => {
    const res = await mock.get('/search?terms=best+trail+shoes&awaiting=ai&awaiting=answers');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['x-mock-cache']).toBe('miss');
    const read = readSerp(lighter(res.text), 'best trail shoes');
    expect(read.organic).toHaveLength(10);
    expect(read.overview?.sources.length).toBeGreaterThan(0);
    expect(read.questions[0]?.answer.length).toBeGreaterThanOrEqual(30);
    const again = await mock.get('/search?terms=best+trail+shoes&awaiting=answers&awaiting=ai');
    expect(again.headers['x-mock-cache']).toBe('hit');
    expect(again.headers.age).toBe('0');
    expect(again.text).toBe(res.text);
  });

  it('checks terms, serps, size and the shared parameters, naming the parameter', async () => {
    const cases: [string, RegExp][] = [
      ['/search?terms=' + 'x'.repeat(256), /^terms must be no more than 255 characters/],
      ['/search?terms=a&serps=11', /^serps must be/],
      ['/search?terms=a&size=101', /^size must be/],
      ['/search?terms=a&awaiting=everything', /^awaiting/],
      ['/search?terms=a&country=XX', /^country must be a two-letter ISO 3166-1 code/],
      ['/search?terms=a&city=Paris', /^city requires country/],
    ];
    for (const [url, message] of cases) {
      const res = await mock.get(url);
      expect(res.status, url).toBe(422);
      expect(res.text, url).toMatch(message);
    }
    const missing = await mock.get('/search');
    expect(missing.status).toBe(422);
    expect(missing.text).toMatch(/terms/);
  });

  it('charges 1 credit per search, nothing for errors, and 402 once the balance is spent', async () => {
    expect((await mock.get('/search?terms=paid', 'five')).status).toBe(200);
    expect((await mock.get('/search?terms=a&country=XX', 'five')).status).toBe(422);
    expect(mock.instance.store.account('five')?.balance).toBe(4);
    const broke = await mock.get('/search?terms=paid+again', 'poor');
    expect(broke.status).toBe(402);
    expect(broke.text).toMatch(/^Credit balance is 0; top up at https:\/\//);
  });

  it('answers 401 without a token, and the documented error a Prefer code forces', async () => {
    expect((await mock.get('/search?terms=a', null)).status).toBe(401);
    const forced = await mock.get('/search?terms=a', undefined, { prefer: 'code=503' });
    expect(forced.status).toBe(503);
    expect(forced.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('queues with mode=async and serves the page once the job is done', async () => {
    const queued = await mock.get('/search?terms=queued+search&mode=async');
    expect(queued.status).toBe(202);
    const poll = () => mock.get(`/search/results?id=${queued.body.id}`);
    const pending = await poll();
    expect(pending.status).toBe(july ? 200 : 202);
    expect(pending.body).toEqual({ status: 'retrieving' });
    control.clock.advance(1000);
    const done = await poll();
    expect(done.status).toBe(200);
    expect(readSerp(lighter(done.text), 'queued search').organic).toHaveLength(10);
    if (july) expect((await mock.get(`/search?id=${queued.body.id}`)).text).toBe(done.text);
    // A search job is no conversation, and no page.
    expect((await mock.get(`/ai/completions?id=${queued.body.id}`)).status).toBe(404);
    expect((await mock.get(`/browser/content?id=${queued.body.id}`)).status).toBe(404);
  });

  it('reports searches as their own service in /usage', async () => {
    const now = new Date(control.clock.now());
    const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const usage = await mock.get(`/usage?from=${day(-1)}T00:00:00Z&to=${day(1)}T00:00:00Z`);
    const rows = usage.body as { service: string; result: string; credits: number }[];
    expect(rows.some((row) => row.service === 'search' && row.result === 'success' && row.credits > 0)).toBe(
      true,
    );
  });

  it(july ? 'lists devices at /search/devices' : 'has no /search/devices yet', async () => {
    const res = await mock.get('/search/devices');
    if (july) expect(res.body).toContain('iPhone 13');
    else expect(res.status).toBe(404);
  });
});

describe('GET /search: url and device (July)', async () => {
  const mock = await startHarness({ revision: '2026-07-06' });
  it('reads terms, language and country from a results-page url', async () => {
    const url = encodeURIComponent('https://www.google.com/search?q=cafe+au+lait&hl=fr&gl=fr');
    const res = await mock.get(`/search?url=${url}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<title>cafe au lait - Recherche Google</title>');
  });

  it('lays out a device as one document, whatever serps asks', async () => {
    const res = await mock.get('/search?terms=phones&device=iphone+13&serps=2');
    expect(res.status).toBe(200);
    expect(res.text.includes('\n\n<!DOCTYPE')).toBe(false);
    expect(readSerp(lighter(res.text), 'phones').organic).toHaveLength(20);
    expect((await mock.get('/search?terms=phones&device=iphone-15')).status).toBe(422);
    expect((await mock.get('/search?terms=a&engine=bing')).status).toBe(422);
  });
});
