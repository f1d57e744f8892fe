import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Harness } from '../support/harness.ts';
import { startHarness } from '../support/harness.ts';
import { type Receiver, startReceiver } from '../support/receiver.ts';

// Later than the real clock of a freshly started instance, so that the restart continues from here.
const T0 = Date.parse('2030-07-10T00:00:00Z');
const JOBS = { jobMinMs: 1000, jobMaxMs: 2000, revision: '2026-07-06' };

/** Moves the frozen clock, then waits for the deliveries it made due to be answered and recorded. */
async function advance(mock: Harness, ms: number): Promise<void> {
  mock.instance.control.clock.advance(ms);
  await mock.instance.control.callbacks.idle();
}

const queueJob = (mock: Harness, prompt: string, callback: string) =>
  mock.get(`/ai?prompt=${encodeURIComponent(prompt)}&mode=async&callback=${encodeURIComponent(callback)}`);

describe('July callbacks: a 50-prompt batch and restarts', () => {
  const folder = mkdtempSync(join(tmpdir(), 'massive-mock-callbacks-'));
  const database = join(folder, 'store.db');
  let receiver: Receiver;
  afterAll(async () => {
    await receiver.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('notifies every job and the batch exactly once across a restart halfway', async () => {
    receiver = await startReceiver();
    const first = await startHarness({ ...JOBS, database });
    first.instance.control.clock.set(T0);
    first.instance.control.clock.freeze();
    const batch = await first.send('POST', '/ai/batches', {
      body: {
        prompts: Array.from({ length: 50 }, (_, index) => `vintage guitar shop number ${index + 1}`),
        country: 'US',
        callback: receiver.url,
      },
    });
    expect(batch.status).toBe(202);
    const jobs: string[] = [];
    for (let index = 0; index < 10; index++) {
      const queued = await queueJob(first, `why is the sea salty ${index}`, receiver.url);
      expect(queued.status).toBe(202);
      jobs.push(queued.body.id);
    }
    // Nothing is due before the jobs finish.
    await advance(first, 999);
    expect(receiver.received).toHaveLength(0);
    // The first notification is answered 500: its retry falls due after the restart.
    receiver.answers.push(500);
    await advance(first, 501);
    const before = receiver.received.length;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(10);
    await first.instance.close();

    const second = await startHarness({ ...JOBS, database });
    second.instance.control.clock.set(T0 + 1500);
    second.instance.control.clock.freeze();
    await second.instance.control.callbacks.idle();
    expect(receiver.received).toHaveLength(before);
    await advance(second, 1100);

    // 11 notifications, each accepted once: the one answered 500 was sent again, as attempt 2.
    expect(receiver.received).toHaveLength(12);
    const [refused] = receiver.received;
    const accepted = receiver.received.slice(1);
    const ids = accepted.map((request) => request.body.id);
    expect(ids.toSorted()).toEqual([...jobs, batch.body.id].toSorted());
    const deliveries = accepted.map((request) => request.headers['x-mock-delivery']);
    expect(new Set(deliveries).size).toBe(11);
    const retried = accepted.find((request) => request.body.id === refused?.body.id);
    expect(retried?.headers['x-mock-attempt']).toBe('2');
    for (const request of accepted.filter((candidate) => candidate !== retried)) {
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['x-mock-attempt']).toBe('1');
    }
    // The links name the address each was queued on (supertest listens on a new port per call).
    const origin = 'http://127\\.0\\.0\\.1:\\d+';
    const jobNote = receiver.received.find((request) => request.body.id === jobs[0])?.body;
    expect(jobNote).toEqual({
      id: jobs[0],
      status: 'successful',
      url: expect.stringMatching(new RegExp(`^${origin}/ai\\?id=${jobs[0]}$`)),
    });
    const batchNote = receiver.received.find((request) => request.body.id === batch.body.id)?.body;
    expect(batchNote).toEqual({
      id: batch.body.id,
      status: 'successful',
      count: 50,
      successful: 50,
      failed: 0,
      url: expect.stringMatching(new RegExp(`^${origin}/ai/batches/archive\\?id=${batch.body.id}$`)),
    });

    // Every result can be fetched from the restarted emulator.
    const archive = await second.get(`/ai/batches/archive?id=${batch.body.id}`);
    expect(archive.body.requests).toHaveLength(50);
    for (const { id } of archive.body.requests.slice(0, 5))
      expect((await second.get(`/ai?id=${id}`)).status).toBe(200);

    const listed = second.instance.control.callbacks.list();
    expect(listed).toHaveLength(11);
    expect(listed.every((delivery) => delivery.status === 'delivered')).toBe(true);
    expect(listed.map((delivery) => delivery.attemptsMade.length).toSorted()).toEqual([
      ...Array(10).fill(1),
      2,
    ]);
    // A third start owes nothing more.
    await second.instance.close();
    const third = await startHarness({ ...JOBS, database });
    third.instance.control.clock.freeze();
    third.instance.control.clock.advance(86_400_000);
    await third.instance.control.callbacks.idle();
    expect(receiver.received).toHaveLength(12);
    await third.instance.close();
  });
});

describe('July callbacks: retries, fault rules, SQS and hosts', async () => {
  const mock = await startHarness(JOBS);
  const { control } = mock.instance;
  const receiver = await startReceiver();
  afterAll(() => receiver.close());
  control.clock.freeze();
  const job = async (prompt: string, callback = receiver.url) => {
    const queued = await queueJob(mock, prompt, callback);
    expect(queued.status).toBe(202);
    return control.callbacks.list().find((delivery) => delivery.subject.id === queued.body.id);
  };
  const delivery = (id = '') => control.callbacks.list().find((candidate) => candidate.id === id);

  it('retries with backoff after a receiver answers 500 twice, each attempt in the journal', async () => {
    receiver.received.length = 0;
    receiver.answers.push(500, 500);
    const owed = await job('retry me');
    await advance(mock, 2000);
    expect(receiver.received).toHaveLength(1);
    await advance(mock, 999);
    expect(receiver.received).toHaveLength(1);
    await advance(mock, 1);
    expect(receiver.received).toHaveLength(2);
    await advance(mock, 2000);
    expect(receiver.received).toHaveLength(3);
    expect(receiver.received.map((request) => request.headers['x-mock-attempt'])).toEqual(['1', '2', '3']);
    const admin = await mock.send('GET', '/__admin/callbacks');
    const listed = admin.body.find((candidate: { id: string }) => candidate.id === owed?.id);
    expect(listed.status).toBe('delivered');
    expect(listed.attemptsMade.map((attempt: { outcome: string }) => attempt.outcome)).toEqual([
      'failed',
      'failed',
      'delivered',
    ]);
    const journal = await mock.send('GET', `/__admin/journal?path=${encodeURIComponent(receiver.url)}`);
    const mine = journal.body.filter(
      (entry: { callback: { deliveryId: string } }) => entry.callback.deliveryId === owed?.id,
    );
    expect(mine.map((entry: { status: number }) => entry.status)).toEqual([500, 500, 200]);
    expect(mine[0].path).toBe(receiver.url);
  });

  it('counts the first N deliveries failed, delays one, drops one, by fault rules', async () => {
    receiver.received.length = 0;
    control.faults.add({ id: 'flaky', match: { prompt: 'flaky' }, effect: { callbackFailures: 2 } });
    control.faults.add({ id: 'late', match: { prompt: 'late' }, effect: { callbackDelayMs: 5000 } });
    control.faults.add({ id: 'lost', match: { prompt: 'lost' }, effect: { dropCallback: true } });
    const flaky = await job('flaky receiver');
    const late = await job('late callback');
    const lost = await job('lost callback');
    expect(late?.rules).toEqual(['late']);
    await advance(mock, 2000);
    await advance(mock, 1000);
    await advance(mock, 2000);
    expect(delivery(flaky?.id)?.attemptsMade.map((attempt) => attempt.outcome)).toEqual([
      'failed',
      'failed',
      'delivered',
    ]);
    expect(delivery(late?.id)?.status).toBe('pending');
    await advance(mock, 2000);
    expect(delivery(late?.id)?.status).toBe('delivered');
    expect(delivery(lost?.id)?.status).toBe('dropped');
    const sent = receiver.received.map((request) => request.headers['x-mock-delivery']);
    expect(sent.filter((id) => id === flaky?.id)).toHaveLength(3);
    expect(sent.filter((id) => id === late?.id)).toHaveLength(1);
    expect(sent).not.toContain(lost?.id);
    control.faults.clear();
  });

  it('records SQS queues as "would be sent", never sending, and checks callbacks', async () => {
    receiver.received.length = 0;
    const queueUrl = await job('sqs url', 'https://sqs.us-east-1.amazonaws.com/123456789012/results');
    const arn = await job('sqs arn', 'arn:aws:sqs:eu-west-1:123456789012:results.fifo');
    await advance(mock, 2000);
    for (const owed of [queueUrl, arn]) {
      const listed = delivery(owed?.id);
      expect(listed?.status).toBe('recorded');
      expect(listed?.attemptsMade[0]?.detail).toMatch(
        /^would be sent to the SQS queue results(\.fifo)? of account 123456789012/,
      );
    }
    expect(receiver.received).toHaveLength(0);
    const encoded = await mock.get(
      `/ai?prompt=encoded&mode=async&callback=${encodeURIComponent(encodeURIComponent(receiver.url))}`,
    );
    expect(encoded.status).toBe(202);
    const bad = await mock.get('/ai?prompt=x&mode=async&callback=arn:aws:sqs:us-east-1:123:q');
    expect([bad.status, bad.text]).toEqual([
      422,
      'callback must be an HTTP or HTTPS URL, an Amazon SQS queue URL or an SQS queue ARN; "arn:aws:sqs:us-east-1:123:q" is not one',
    ]);
    const sync = await mock.get(`/ai?prompt=x&callback=${encodeURIComponent(receiver.url)}`);
    expect([sync.status, sync.text]).toEqual([422, 'callback requires mode=async']);
  });

  it('never blocks the API: a request is answered while a delivery waits on a slow receiver', async () => {
    const slow = await startReceiver();
    slow.holdMs = 1500;
    const owed = await job('slow receiver', slow.url);
    control.clock.advance(2000);
    const answered = await mock.get('/ai/devices');
    expect(answered.status).toBe(200);
    expect(delivery(owed?.id)?.attempts).toBe(0);
    await control.callbacks.idle();
    expect(delivery(owed?.id)?.status).toBe('delivered');
    expect(slow.received).toHaveLength(1);
    await slow.close();
  });
});

describe('July callbacks: --callback-hosts', async () => {
  const mock = await startHarness({ ...JOBS, callbackHosts: ['example.com'] });
  const receiver = await startReceiver();
  afterAll(() => receiver.close());
  mock.instance.control.clock.freeze();

  it('refuses a host the setting does not allow, without calling it', async () => {
    // An address is judged at submission (issue 24): a 422 naming the setting, nothing owed.
    const queued = await queueJob(mock, 'refused', receiver.url);
    expect(queued.status).toBe(422);
    expect(queued.text).toContain('is not allowed by --callback-hosts (example.com)');
    expect(mock.instance.control.callbacks.list()).toEqual([]);
    // A name is judged when its attempt is due, once resolved: refused, journaled, never sent.
    // The machine's own name resolves (to loopback or a private address) without DNS.
    const named = await queueJob(mock, 'refused by name', receiver.url.replace('127.0.0.1', hostname()));
    expect(named.status).toBe(202);
    await advance(mock, 2000);
    const [listed] = mock.instance.control.callbacks.list();
    expect(listed?.subject.id).toBe(named.body.id);
    expect(listed?.status).toBe('refused');
    expect(listed?.attemptsMade[0]?.detail).toContain('is not allowed by --callback-hosts (example.com)');
    expect(receiver.received).toHaveLength(0);
  });
});

describe('July callbacks under hostile input (issue 24)', async () => {
  const mock = await startHarness(JOBS);
  const { control } = mock.instance;
  // Listening, so that a callback can name the emulator's own address and port.
  await mock.instance.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = mock.instance.app.server.address() as AddressInfo;
  const receiver = await startReceiver();
  afterAll(() => receiver.close());

  it('keeps delivery ids unique across a reset, and a stale attempt marks nothing (item 2)', async () => {
    control.clock.freeze();
    receiver.holdMs = 300;
    const first = await queueJob(mock, 'before the reset', receiver.url);
    control.clock.advance(2000);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the attempt is in flight
    expect(receiver.received).toHaveLength(1);
    expect((await mock.send('POST', '/__admin/reset')).status).toBe(204);
    control.clock.freeze();
    receiver.holdMs = 0;
    const second = await queueJob(mock, 'after the reset', receiver.url);
    expect(second.body.id).toBe(first.body.id); // job ids restart after a reset...
    const [owed] = control.callbacks.list();
    expect(owed?.id).not.toBe(receiver.received[0]?.headers['x-mock-delivery']); // ...delivery ids do not
    await new Promise((resolve) => setTimeout(resolve, 400)); // the stale attempt ends
    expect(control.callbacks.list()[0]?.status).toBe('pending');
    await advance(mock, 2000);
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]?.body.id).toBe(second.body.id);
    expect(control.callbacks.list()[0]?.status).toBe('delivered');
  });

  it('refuses at submission a callback to the emulator itself, link-local or metadata addresses (item 4)', async () => {
    for (const target of [
      `http://127.0.0.1:${port}/__admin/reset`,
      `http://localhost:${port}/__admin/reset`,
      'http://169.254.169.254/latest/meta-data/',
      'http://[fe80::1]/hook',
      'http://[fd00:ec2::254]/latest/meta-data/',
    ]) {
      const res = await queueJob(mock, 'probe', target);
      expect(res.status, target).toBe(422);
      expect(res.text).toMatch(/^callback /);
      const batch = await mock.send('POST', '/ai/batches', {
        body: { prompts: ['probe'], callback: target },
      });
      expect(batch.status, target).toBe(422);
    }
    expect((await mock.get('/__admin/health')).status).toBe(200);
  });

  it('refuses a callback URL carrying credentials, never echoing them (item 8)', async () => {
    const res = await queueJob(mock, 'secret', 'http://user:s3cret-pass@127.0.0.1:9/hook');
    expect(res.status).toBe(422);
    expect(res.text).toContain('credentials');
    expect(res.text).not.toContain('s3cret-pass');
    const journal = JSON.stringify((await mock.send('GET', '/__admin/journal')).body);
    expect(journal).not.toContain('s3cret-pass');
  });
});
