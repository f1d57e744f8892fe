import { describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.ts';

describe('July: GET /ai?id= and four job statuses', async () => {
  const mock = await startHarness({ jobMinMs: 1000, jobMaxMs: 1000, revision: '2026-07-06' });
  const { clock } = mock.instance.control;
  clock.freeze();

  it('moves a job through retrieving and archiving to its answer, in the format first asked for', async () => {
    const queued = await mock.get('/ai?prompt=how+do+tides+work&mode=async&format=rendered');
    expect(queued.status).toBe(202);
    // Every other parameter is ignored when an id is given, as documented.
    const poll = () => mock.get(`/ai?id=${queued.body.id}&prompt=ignored&format=json&model=gemini`);
    expect((await poll()).body).toEqual({ status: 'retrieving' });
    clock.advance(800);
    const archiving = await poll();
    expect(archiving.status).toBe(202);
    expect(archiving.body).toEqual({ status: 'archiving' });
    clock.advance(200);
    const ready = await poll();
    expect(ready.status).toBe(200);
    expect(ready.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(ready.text).toContain('tides');
  });

  it('answers statuses with 200 on the deprecated /ai/completions, as July documents', async () => {
    const queued = await mock.get('/ai?prompt=why+is+the+sky+blue&mode=async');
    const pending = await mock.get(`/ai/completions?id=${queued.body.id}`);
    expect(pending.status).toBe(200);
    expect(pending.body).toEqual({ status: 'retrieving' });
    mock.instance.control.jobs.fail(queued.body.id);
    expect((await mock.get(`/ai?id=${queued.body.id}`)).body).toEqual({ status: 'failed' });
  });

  it('keeps May statuses under May: archiving reads as retrieving', async () => {
    const queued = await mock.get('/ai?prompt=tides+again&mode=async', undefined, {
      'x-mock-revision': '2026-05-11',
    });
    clock.advance(900);
    const poll = await mock.get(`/ai/completions?id=${queued.body.id}`, undefined, {
      'x-mock-revision': '2026-05-11',
    });
    expect(poll.status).toBe(202);
    expect(poll.body).toEqual({ status: 'retrieving' });
  });

  it('needs a prompt or an id, and knows only ids it issued', async () => {
    const neither = await mock.get('/ai?model=chatgpt');
    expect(neither.status).toBe(422);
    expect(neither.text).toContain('prompt must be provided');
    const unknown = await mock.get('/ai?id=1851dab8-4619-409f-893f-47dd3a180bc3');
    expect(unknown.status).toBe(404);
    expect(unknown.text).toBe('Job was not found');
    const may = await mock.get('/ai?model=chatgpt', undefined, { 'x-mock-revision': '2026-05-11' });
    expect(may.status).toBe(422);
    expect(may.text).toBe('prompt must be provided');
  });
});
