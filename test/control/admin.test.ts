import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/core/massive/service.ts';
import { startHarness } from '../support/harness.ts';

describe('admin API', async () => {
  const mock = await startHarness({ credits: { funded: 5 }, jobMinMs: 60_000, jobMaxMs: 60_000 });
  const admin = (method: string, url: string, body?: unknown) =>
    mock.send(method, `/__admin${url}`, { body });

  it('answers health and readiness', async () => {
    const health = await admin('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok' });
    expect((await admin('GET', '/ready')).body).toEqual({ ready: true });
  });

  it('freezes, advances, sets and resets the clock; cache expiry follows it', async () => {
    const frozen = await admin('POST', '/clock', { freeze: true });
    expect(frozen.body.frozen).toBe(true);
    await mock.get('/ai?prompt=clockwork');
    expect((await mock.get('/ai?prompt=clockwork')).headers['x-mock-cache']).toBe('hit');
    const moved = await admin('POST', '/clock', { advanceMs: DAY_MS });
    expect(moved.body.now).toBe(frozen.body.now + DAY_MS);
    expect((await mock.get('/ai?prompt=clockwork')).headers['x-mock-cache']).toBe('miss');
    const set = await admin('POST', '/clock', { set: '2030-01-01T00:00:00.000Z' });
    expect(set.body).toMatchObject({ iso: '2030-01-01T00:00:00.000Z', frozen: true });
    expect((await admin('POST', '/clock', { advanceMs: -1 })).status).toBe(400);
    expect((await admin('POST', '/clock', { reset: true })).body.frozen).toBe(false);
  });

  it('stops at exactly the time set when one move freezes and sets', async () => {
    for (let i = 0; i < 20; i++) {
      const iso = `2035-01-01T00:00:00.0${String(i).padStart(2, '0')}Z`;
      expect((await admin('POST', '/clock', { freeze: true, set: iso })).body.iso).toBe(iso);
      await admin('POST', '/clock', { reset: true });
    }
  });

  it('lists jobs, and completes or fails one now', async () => {
    const a = (await mock.get('/ai?prompt=job+a&mode=async')).body.id;
    const b = (await mock.get('/ai?prompt=job+b&mode=async')).body.id;
    const jobs = await admin('GET', '/jobs');
    expect(jobs.body.map((job: { id: string }) => job.id).slice(0, 2)).toEqual([b, a]);
    expect(jobs.body[0].state).toBe('retrieving');
    const completed = await admin('POST', `/jobs/${a}/complete`);
    expect(completed.body).toMatchObject({ id: a, state: 'ready' });
    expect((await mock.get(`/ai/completions?id=${a}`)).status).toBe(200);
    expect((await admin('POST', `/jobs/${b}/fail`)).body).toMatchObject({ state: 'failed', cost: 0 });
    expect((await mock.get(`/ai/completions?id=${b}`)).body).toEqual({ status: 'failed' });
    expect((await admin('POST', '/jobs/nope/complete')).status).toBe(404);
  });

  it('refunds a failed job and charges one completed from failure', async () => {
    const id = (await mock.get('/ai?prompt=refund&mode=async', 'funded')).body.id;
    expect(mock.instance.store.account('funded')?.balance).toBe(4);
    await admin('POST', `/jobs/${id}/fail`);
    expect(mock.instance.store.account('funded')?.balance).toBe(5);
    await admin('POST', `/jobs/${id}/complete`);
    expect(mock.instance.store.account('funded')?.balance).toBe(4);
  });

  it('lists and sets accounts; an empty balance is 402 until topped up', async () => {
    expect((await admin('PUT', '/accounts/broke', { balance: 0 })).body).toEqual({
      token: 'broke',
      balance: 0,
    });
    expect((await mock.get('/ai?prompt=x', 'broke')).status).toBe(402);
    await admin('PUT', '/accounts/broke', { balance: null });
    expect((await mock.get('/ai?prompt=x', 'broke')).status).toBe(200);
    expect((await admin('GET', '/accounts')).body).toContainEqual({ token: 'broke', balance: null });
    expect((await admin('PUT', '/accounts/broke', { balance: -1 })).status).toBe(400);
  });

  it('queries the journal by path, token and time, and clears it', async () => {
    await admin('DELETE', '/journal');
    const from = mock.instance.control.clock.now();
    await mock.get('/ai?prompt=journal+one', 'j1');
    await mock.get('/ai/devices', 'j2');
    await mock.get('/ai', 'j1');
    const all = await admin('GET', '/journal');
    expect(all.body.map((entry: { path: string }) => entry.path)).toEqual(['/ai', '/ai/devices', '/ai']);
    const j1 = (await admin('GET', '/journal?token=j1&path=/ai')).body;
    expect(j1.map((entry: { status: number }) => entry.status)).toEqual([200, 422]);
    expect(j1[0].decisions).toMatchObject({ operation: 'getCompletion', cache: 'miss', credits: 1 });
    expect((await admin('GET', `/journal?since=${from}&limit=1`)).body).toHaveLength(1);
    expect((await admin('GET', `/journal?until=${from - 1}`)).body).toHaveLength(0);
    await admin('DELETE', '/journal');
    expect((await admin('GET', '/journal')).body).toEqual([]);
  });

  it('resets store, clock, journal and rules in one call', async () => {
    await admin('POST', '/faults', { effect: { status: 500 } });
    await admin('POST', '/clock', { freeze: true, advanceMs: 5000 });
    expect((await admin('POST', '/reset')).status).toBe(204);
    expect((await admin('GET', '/faults')).body).toEqual([]);
    expect((await admin('GET', '/jobs')).body).toEqual([]);
    expect((await admin('GET', '/journal')).body).toEqual([]);
    expect((await admin('GET', '/clock')).body.frozen).toBe(false);
    expect((await admin('GET', '/accounts')).body).toEqual([{ token: 'funded', balance: 5 }]);
  });

  it('keeps the journal bounded', async () => {
    const small = await startHarness({ journalSize: 3 });
    for (let i = 0; i < 5; i++) await small.get(`/ai?prompt=n${i}`);
    const prompts = small.instance.control.journal.list().map((entry) => entry.query.prompt);
    expect(prompts).toEqual(['n2', 'n3', 'n4']);
  });
});

describe('admin API with an admin token', async () => {
  const mock = await startHarness({ adminToken: 'root' });

  it('requires it, except for health and readiness', async () => {
    expect((await mock.send('GET', '/__admin/health', { token: null })).status).toBe(200);
    expect((await mock.send('GET', '/__admin/jobs', { token: null })).status).toBe(401);
    expect((await mock.send('GET', '/__admin/jobs', { token: 'wrong' })).status).toBe(401);
    expect((await mock.send('GET', '/__admin/jobs', { token: 'root' })).status).toBe(200);
  });

  it('is published at /openapi-admin.json', async () => {
    const res = await mock.send('GET', '/openapi-admin.json', { token: null });
    expect(res.body.paths['/__admin/reset']).toBeDefined();
  });
});
