import { describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.ts';

describe('a store at its size bound, through the API', async () => {
  // An answer is stored as what makes it: a generated one is a few hundred bytes, a canned one
  // its whole content. Canned answers of 300 kB fill 1 MB in four.
  const mock = await startHarness({ storeMaxMb: 1, jobRetentionMs: 60_000, credits: { payer: 50 } });
  const { clock } = mock.instance.control;
  clock.freeze();

  it('still answers a job it promised, and keeps the balance, after many fresh answers', async () => {
    const queued = await mock.get('/ai?prompt=promised+answer&mode=async', 'payer');
    expect(queued.status).toBe(202);
    for (let i = 0; i < 12; i++)
      expect((await mock.get(`/ai?prompt=filler+${i}&expiration=0`)).status).toBe(200);
    clock.advance(2000);
    const ready = await mock.get(`/ai/completions?id=${queued.body.id}`, 'payer');
    expect(ready.status).toBe(200);
    expect(ready.body.query).toBe('promised answer');
    expect(mock.instance.store.account('payer')?.balance).toBe(49);
  });

  it('serves a conversation given up to the bound as a miss, with a new version', async () => {
    const first = await mock.get('/ai?prompt=given+up');
    const markdown = 'A long canned answer. '.repeat(14_000);
    for (let i = 0; i < 8; i++) {
      const prompt = `more filler ${i}`;
      mock.instance.control.fixtures.add({
        match: { prompt },
        answer: { markdown, sources: [], fanouts: [], ads: [] },
      });
      await mock.get(`/ai?prompt=${encodeURIComponent(prompt)}`);
    }
    const again = await mock.get('/ai?prompt=given+up');
    expect(again.headers['x-mock-cache']).toBe('miss');
    expect(again.text).not.toBe(first.text);
  });

  it('forgets a finished job after its retention: 404 as an id never issued', async () => {
    const queued = await mock.get('/ai?prompt=soon+forgotten&mode=async');
    clock.advance(2000);
    expect((await mock.get(`/ai/completions?id=${queued.body.id}`)).status).toBe(200);
    clock.advance(60_001);
    const gone = await mock.get(`/ai/completions?id=${queued.body.id}`);
    expect(gone.status).toBe(404);
    expect(gone.text).toBe('Job was not found');
  });
});
