import { describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('async mode and /ai/completions', async () => {
  const mock = await startHarness({ jobMinMs: 1000, jobMaxMs: 2000 });
  const { clock } = mock.instance.control;
  clock.freeze();

  it('queues with 202 {id}, answers retrieving, then the completion in the format asked for', async () => {
    const queued = await mock.get('/ai?prompt=how+do+tides+work&mode=async&format=rendered');
    expect(queued.status).toBe(202);
    expect(queued.headers['content-type']).toMatch(/^application\/json/);
    expect(queued.body.id).toMatch(UUID_V4);
    const poll = () => mock.get(`/ai/completions?id=${queued.body.id}`);
    const pending = await poll();
    expect(pending.status).toBe(202);
    expect(pending.body).toEqual({ status: 'retrieving' });
    clock.advance(2000);
    const ready = await poll();
    expect(ready.status).toBe(200);
    expect(ready.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(ready.text).toContain('tides');
    const sync = await mock.get('/ai?prompt=how+do+tides+work&format=rendered');
    expect(sync.text).toBe(ready.text);
  });

  it('gives the same answer to the sync and async paths, in JSON', async () => {
    const sync = await mock.get('/ai?prompt=why+is+the+sky+blue');
    const queued = await mock.get('/ai?prompt=why+is+the+sky+blue&mode=async');
    clock.advance(2000);
    const ready = await mock.get(`/ai/completions?id=${queued.body.id}`);
    expect(ready.headers['content-type']).toMatch(/^application\/json/);
    expect(ready.text).toBe(sync.text);
  });

  it('answers 422 for a malformed id and 404 for an id never issued or of another token', async () => {
    const bad = await mock.get('/ai/completions?id=12345');
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('id');
    expect((await mock.get('/ai/completions')).status).toBe(422);
    const unknown = await mock.get('/ai/completions?id=1851dab8-4619-409f-893f-47dd3a180bc3');
    expect(unknown.status).toBe(404);
    expect(unknown.text).toBe('Job was not found');
    const queued = await mock.get('/ai?prompt=hello&mode=async');
    expect((await mock.get(`/ai/completions?id=${queued.body.id}`, 'someone-else')).status).toBe(404);
  });

  it('draws job ids from the seed: the same calls on a fresh instance give the same ids', async () => {
    const one = await startHarness();
    const two = await startHarness();
    const other = await startHarness({ seed: 7 });
    const first = (await one.get('/ai?prompt=anything&mode=async')).body.id;
    expect((await two.get('/ai?prompt=anything&mode=async')).body.id).toBe(first);
    expect((await other.get('/ai?prompt=anything&mode=async')).body.id).not.toBe(first);
    expect((await one.get('/ai?prompt=anything&mode=async')).body.id).not.toBe(first);
  });
});

describe('failing jobs', async () => {
  const mock = await startHarness({ jobFailureRate: 1, jobMinMs: 10, jobMaxMs: 10, credits: { poor: 0 } });
  mock.instance.control.clock.freeze();

  it('answers 202 {"status":"failed"} once a failing job is due, and charges nothing', async () => {
    const queued = await mock.get('/ai?prompt=doomed&mode=async', 'poor');
    expect(queued.status).toBe(202);
    mock.instance.control.clock.advance(10);
    const failed = await mock.get(`/ai/completions?id=${queued.body.id}`, 'poor');
    expect(failed.status).toBe(202);
    expect(failed.body).toEqual({ status: 'failed' });
  });
});
