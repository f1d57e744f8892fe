import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MassiveMock, startMassiveMock } from '../../src/index.ts';
import { type Receiver, startReceiver } from '../support/receiver.ts';

describe('the library API: July batches and callbacks', () => {
  let mock: MassiveMock;
  let receiver: Receiver;
  beforeAll(async () => {
    mock = await startMassiveMock({ revision: '2026-07-06', jobMinMs: 60_000, jobMaxMs: 60_000 });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await mock.close();
    await receiver.close();
  });

  it('lists a batch, completes it on demand, and its callback is delivered at once', async () => {
    mock.clock.freeze();
    const res = await fetch(`${mock.url}/ai/batches`, {
      method: 'POST',
      headers: { authorization: 'Bearer suite', 'content-type': 'application/json' },
      body: JSON.stringify({ prompts: ['one guitar', 'two guitars'], callback: receiver.url }),
    });
    const { id } = (await res.json()) as { id: string };
    expect(mock.batches.list().map((batch) => [batch.id, batch.status])).toEqual([[id, 'retrieving']]);
    const completed = mock.batches.complete(id);
    expect([completed.status, completed.successful]).toEqual(['successful', 2]);
    // The job finished an hour early, so the notification is due now, not when drawn.
    await mock.callbacks.idle();
    expect(receiver.received.map((request) => request.body)).toEqual([
      {
        id,
        status: 'successful',
        count: 2,
        successful: 2,
        failed: 0,
        url: `${mock.url}/ai/batches/archive?id=${id}`,
      },
    ]);
    expect(mock.callbacks.list()[0]?.status).toBe('delivered');
    expect(mock.journal.list({ kind: 'callback' })).toHaveLength(1);
  });

  it('fails a job on demand, and notifies its callback that it failed', async () => {
    const query = `prompt=lonely&mode=async&callback=${encodeURIComponent(receiver.url)}`;
    const res = await fetch(`${mock.url}/ai?${query}`, { headers: { authorization: 'Bearer suite' } });
    const { id } = (await res.json()) as { id: string };
    mock.jobs.fail(id);
    await mock.callbacks.idle();
    expect(receiver.received.at(-1)?.body).toEqual({ id, status: 'failed', url: `${mock.url}/ai?id=${id}` });
  });
});
