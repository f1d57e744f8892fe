import { afterAll, describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.ts';
import { type Receiver, startReceiver } from '../support/receiver.ts';
import { lighter, readSerp } from './serp-reader.ts';

const terms = (count: number) =>
  Array.from({ length: count }, (_, index) => `vintage guitar shop ${index + 1}`);

describe('July: POST /search/batches and /browser/batches', async () => {
  const receiver: Receiver = await startReceiver();
  afterAll(() => receiver.close());
  const mock = await startHarness({
    revision: '2026-07-06',
    jobMinMs: 1000,
    jobMaxMs: 2000,
    jobFailureRate: 0.05,
    credits: { payer: 120, poor: 99 },
  });
  const { control } = mock.instance;
  control.clock.freeze();

  it('runs 100 searches with a callback, charging each success once, every page read by the parse rules', async () => {
    const queued = await mock.send('POST', '/search/batches', {
      token: 'payer',
      body: { terms: terms(100), awaiting: ['ai', 'answers'], country: 'US', callback: receiver.url },
    });
    expect(queued.status).toBe(202);
    expect(queued.body).toEqual({ id: expect.any(String), count: 100 });
    expect(receiver.received).toHaveLength(0);

    control.clock.advance(2000);
    await control.callbacks.idle();
    expect(receiver.received).toHaveLength(1);
    const notice = receiver.received[0]?.body as { successful: number; failed: number; url: string };
    expect(notice).toMatchObject({ id: queued.body.id, status: 'successful', count: 100 });
    expect(notice.successful + notice.failed).toBe(100);
    expect(notice.failed).toBeGreaterThan(0);
    // Only the successes were charged, one credit each.
    expect(mock.instance.store.account('payer')?.balance).toBe(120 - notice.successful);

    const archiveUrl = new URL(notice.url);
    expect(archiveUrl.pathname).toBe('/search/batches/archive');
    const archive = await mock.get(`${archiveUrl.pathname}${archiveUrl.search}`, 'payer');
    const requests = archive.body.requests as { terms: string; id: string; status: string }[];
    expect(requests.map((request) => request.terms)).toEqual(terms(100));
    for (const request of requests) {
      const page = await mock.get(`/search?id=${request.id}`, 'payer');
      if (request.status === 'failed') {
        expect(page.body).toEqual({ status: 'failed' });
        continue;
      }
      const read = readSerp(lighter(page.text), request.terms);
      expect(read.organic, request.terms).toHaveLength(10);
      expect(read.overview?.text.length).toBeGreaterThanOrEqual(60);
      expect(read.questions.every((question) => question.answer.length >= 30)).toBe(true);
    }
    // Reading is free.
    expect(mock.instance.store.account('payer')?.balance).toBe(120 - notice.successful);
    // A search batch is not an AI or browser batch.
    expect((await mock.get(`/ai/batches?id=${queued.body.id}`, 'payer')).status).toBe(404);
    expect((await mock.get(`/browser/batches?id=${queued.body.id}`, 'payer')).status).toBe(404);
  }, 90_000);

  it('refuses a batch the balance cannot pay in full, queuing none', async () => {
    const refused = await mock.send('POST', '/search/batches', {
      token: 'poor',
      body: { terms: terms(100) },
    });
    expect(refused.status).toBe(402);
    expect(mock.instance.store.account('poor')?.balance).toBe(99);
  });

  it('checks the body from the document', async () => {
    for (const [body, message] of [
      [{ terms: [] }, /^terms must hold at least 1 item/],
      [{ terms: ['x'.repeat(256)] }, /^terms\.0 must be no more than 255 characters/],
      [{ urls: ['https://a.example/'], difficulty: 'extreme' }, /^difficulty must be one of/],
    ] as const) {
      const path = 'difficulty' in body ? '/browser/batches' : '/search/batches';
      const res = await mock.send('POST', path, { body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.text).toMatch(message);
    }
  });

  it('browses a batch of URLs, each page in the batch format, charged by its multipliers', async () => {
    const urls = ['https://example.com/', 'https://shop.example/product/blue-kettle'];
    const queued = await mock.send('POST', '/browser/batches', {
      body: { urls, format: 'markdown', difficulty: 'medium' },
    });
    expect(queued.status).toBe(202);
    control.clock.advance(2000);
    const status = await mock.get(`/browser/batches?id=${queued.body.id}`);
    expect(status.body).toMatchObject({ status: 'successful', count: 2, successful: 2 });
    const archive = await mock.get(new URL(status.body.url).pathname + new URL(status.body.url).search);
    expect(archive.body.requests.map((request: { url: string }) => request.url)).toEqual(urls);
    const first = await mock.get(`/browser?id=${archive.body.requests[0].id}`);
    expect(first.text).toMatch(/^# Example Domain/);
    expect(
      control.journal.list({}).find((entry) => entry.decisions.batchId === queued.body.id)?.decisions.credits,
    ).toBe(4);
  });
});
