import { describe, expect, it } from 'vitest';
import { createHostPolicy, hostEntryProblem } from '../../src/core/massive/async/callback-hosts.ts';
import {
  type CallbackRequest,
  createCallbackScheduler,
  type SendResult,
} from '../../src/core/massive/async/callback-scheduler.ts';
import { MAX_ATTEMPTS, parseCallback, retryDelayMs } from '../../src/core/massive/async/callbacks.ts';
import { VirtualClock } from '../../src/core/kernel/clock.ts';
import { ApiError } from '../../src/core/massive/errors.ts';
import { createJournal } from '../../src/core/control/journal.ts';
import type { Store } from '../../src/core/massive/store.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';

describe('retry backoff', () => {
  it('waits 1 s after the first failure, doubling, at most a minute', () => {
    expect(Array.from({ length: MAX_ATTEMPTS }, (_, index) => retryDelayMs(index + 1))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000,
    ]);
  });
});

describe('callback targets', () => {
  it('takes http(s) URLs, once-more-encoded ones, SQS queue URLs and ARNs', () => {
    expect(parseCallback('http://127.0.0.1:9000/hook')).toEqual({
      kind: 'http',
      url: 'http://127.0.0.1:9000/hook',
    });
    expect(parseCallback('https%3A%2F%2Fwebhook.site%2Fabc')).toEqual({
      kind: 'http',
      url: 'https://webhook.site/abc',
    });
    expect(parseCallback('https://sqs.us-east-1.amazonaws.com/123456789012/jobs')).toEqual({
      kind: 'sqs',
      region: 'us-east-1',
      account: '123456789012',
      queue: 'jobs',
    });
    expect(parseCallback('arn:aws:sqs:eu-central-1:123456789012:jobs.fifo')).toMatchObject({
      kind: 'sqs',
      queue: 'jobs.fifo',
    });
  });

  it.each([
    'ftp://example.com/x',
    'mailto:me@example.com',
    'not a url',
    'arn:aws:sqs:us-east-1:12345:jobs',
    'arn:aws:sns:us-east-1:123456789012:topic',
    'https%3A%2F%2F%E0%A4%A',
  ])('answers 422 naming the rule for %s', (text) => {
    expect(() => parseCallback(text)).toThrow(ApiError);
    expect(() => parseCallback(text)).toThrow(/^callback must be an HTTP or HTTPS URL/);
  });
});

describe('callback hosts', () => {
  it('allows loopback and private ranges by default, and nothing else', () => {
    const policy = createHostPolicy();
    for (const address of ['127.0.0.1', '::1', '10.2.3.4', '172.20.0.5', '192.168.1.9', '::ffff:127.0.0.1'])
      expect(policy.allows(address, [address]), address).toBe(true);
    expect(policy.allows('localhost', ['127.0.0.1', '::1'])).toBe(true);
    expect(policy.allows('receiver', ['172.18.0.3'])).toBe(true);
    expect(policy.allows('8.8.8.8', ['8.8.8.8'])).toBe(false);
    expect(policy.allows('example.com', ['93.184.216.34'])).toBe(false);
    expect(policy.allows('mixed.test', ['127.0.0.1', '93.184.216.34'])).toBe(false);
    expect(policy.allows('nowhere.test', [])).toBe(false);
  });

  it('allows what is listed: any, names, suffixes, addresses and ranges', () => {
    expect(createHostPolicy(['*']).allows('example.com', ['93.184.216.34'])).toBe(true);
    const listed = createHostPolicy(['hooks.example.com', '*.ngrok.app', '203.0.113.0/24']);
    expect(listed.allows('HOOKS.example.com', ['93.184.216.34'])).toBe(true);
    expect(listed.allows('abc.ngrok.app', ['3.1.2.3'])).toBe(true);
    expect(listed.allows('other.example.com', ['93.184.216.34'])).toBe(false);
    expect(listed.allows('203.0.113.7', ['203.0.113.7'])).toBe(true);
    expect(listed.allows('127.0.0.1', ['127.0.0.1'])).toBe(false);
  });

  it('refuses link-local and metadata addresses unless listed, even with * (issue 24, item 4)', () => {
    for (const entries of [undefined, ['*'], ['private']]) {
      const policy = createHostPolicy(entries);
      for (const address of ['169.254.169.254', 'fe80::1', 'fd00:ec2::254', '::ffff:169.254.169.254'])
        expect(policy.allows(address, [address]), `${String(entries)} ${address}`).toBe(false);
      expect(policy.allows('metadata.internal', ['169.254.169.254'])).toBe(false);
    }
    expect(createHostPolicy(['link-local']).allows('169.254.169.254', ['169.254.169.254'])).toBe(true);
    expect(createHostPolicy(['169.254.169.254']).allows('169.254.169.254', ['169.254.169.254'])).toBe(true);
  });

  it('names what is wrong with a range', () => {
    expect(hostEntryProblem('10.0.0.0/8')).toBeUndefined();
    expect(hostEntryProblem('example.com')).toBeUndefined();
    expect(hostEntryProblem('10.0.0.0/33')).toMatch(/prefix length outside 0-32/);
    expect(hostEntryProblem('example.com/8')).toMatch(/is not an address range/);
  });
});

/** A scheduler over a real :memory: store and a frozen clock, with a scripted receiver. */
function setUp(store: Store = openSqliteStore(':memory:'), clock = new VirtualClock()) {
  clock.freeze();
  const sent: (CallbackRequest & { at: number })[] = [];
  const results: SendResult['kind'][] = [];
  const statuses: number[] = [];
  const journal = createJournal(100);
  const finished = new Map<string, number>();
  const scheduler = createCallbackScheduler({
    store,
    clock,
    seed: 1,
    journal,
    sender: {
      async send(request) {
        sent.push({ ...request, at: clock.now() });
        const kind = results.shift() ?? 'answered';
        if (kind === 'error') return { kind, detail: 'connection refused', durationMs: 1 };
        if (kind === 'refused') return { kind, detail: 'not allowed', durationMs: 0 };
        return { kind, status: statuses.shift() ?? 204, durationMs: 1 };
      },
    },
    subject: ({ subject }) => {
      const finishedAt = finished.get(subject.id);
      return finishedAt === undefined
        ? undefined
        : { token: 't', finishedAt, payload: { id: subject.id, status: 'successful' } };
    },
  });
  const owe = (
    id: string,
    finishedAt: number,
    fault?: { delayMs: number; failures: number; drop: boolean },
  ) => {
    finished.set(id, finishedAt);
    return scheduler.owe({
      subject: { kind: 'job', id },
      target: 'http://127.0.0.1:1/hook',
      baseUrl: 'http://127.0.0.1:8080',
      finishedAt,
      ...(fault && { fault }),
      rules: fault ? ['rule-1'] : [],
    });
  };
  const advance = async (ms: number) => {
    clock.advance(ms);
    await scheduler.idle();
  };
  return { store, clock, scheduler, sent, results, statuses, journal, finished, owe, advance };
}

describe('the callback scheduler', () => {
  it('attempts when the subject finishes, not before, and retries on the backoff', async () => {
    const { clock, owe, advance, sent, results, statuses, scheduler, journal } = setUp();
    const start = clock.now();
    const delivery = owe('job-1', start + 1000);
    results.push('error', 'answered', 'error', 'answered');
    statuses.push(503, 204);
    await advance(999);
    expect(sent).toHaveLength(0);
    await advance(1);
    await advance(1000);
    await advance(2000);
    expect(sent.map((request) => request.at - start)).toEqual([1000, 2000, 4000]);
    expect(sent.map((request) => request.headers['x-mock-attempt'])).toEqual(['1', '2', '3']);
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({ id: 'job-1', status: 'successful' });
    const [listed] = scheduler.list();
    expect(listed?.id).toBe(delivery.id);
    expect(listed?.status).toBe('pending');
    await advance(4000);
    expect(scheduler.list()[0]?.status).toBe('delivered');
    expect(scheduler.list()[0]?.attemptsMade.map((attempt) => attempt.outcome)).toEqual([
      'error',
      'failed',
      'error',
      'delivered',
    ]);
    expect(journal.list({ kind: 'callback' }).map((entry) => entry.status)).toEqual([0, 503, 0, 204]);
  });

  it(`gives up as failed after ${MAX_ATTEMPTS} attempts`, async () => {
    const { clock, owe, advance, sent, results, scheduler } = setUp();
    owe('job-2', clock.now());
    results.push(...Array<'error'>(MAX_ATTEMPTS + 2).fill('error'));
    for (let step = 0; step < MAX_ATTEMPTS + 2; step++) await advance(60_000);
    expect(sent).toHaveLength(MAX_ATTEMPTS);
    const [listed] = scheduler.list();
    expect(listed?.status).toBe('failed');
    expect(listed?.attemptsMade.at(-1)?.detail).toContain(`gave up after ${MAX_ATTEMPTS} attempts`);
  });

  it('applies the fault effects: a delay, deliveries counted failed, a drop; a refused host is final', async () => {
    const { clock, owe, advance, sent, results, scheduler } = setUp();
    const now = clock.now();
    const late = owe('late', now, { delayMs: 5000, failures: 0, drop: false });
    const flaky = owe('flaky', now, { delayMs: 0, failures: 1, drop: false });
    const dropped = owe('dropped', now, { delayMs: 0, failures: 0, drop: true });
    await advance(0);
    const byId = () => new Map(scheduler.list().map((delivery) => [delivery.id, delivery]));
    expect(byId().get(late.id)?.status).toBe('pending');
    expect(byId().get(flaky.id)?.attemptsMade[0]?.detail).toContain(
      'counted as failed by a fault rule (1 of 1)',
    );
    expect(byId().get(dropped.id)?.status).toBe('dropped');
    await advance(1000);
    expect(byId().get(flaky.id)?.status).toBe('delivered');
    await advance(4000);
    expect(byId().get(late.id)?.status).toBe('delivered');
    expect(sent.filter((request) => request.headers['x-mock-delivery'] === dropped.id)).toHaveLength(0);
    results.push('refused');
    const refused = owe('refused', clock.now());
    await advance(0);
    await advance(60_000);
    expect(byId().get(refused.id)?.status).toBe('refused');
    expect(byId().get(refused.id)?.attemptsMade).toHaveLength(1);
  });

  it('moves a first attempt when the subject finishes sooner, and re-arms it when it finishes later', async () => {
    const { clock, owe, advance, sent, finished, scheduler } = setUp();
    const now = clock.now();
    owe('sooner', now + 10_000);
    finished.set('sooner', now + 100);
    scheduler.refresh('sooner');
    await advance(100);
    expect(sent).toHaveLength(1);
    owe('later', clock.now() + 100);
    finished.set('later', clock.now() + 5000);
    await advance(100);
    expect(sent).toHaveLength(1);
    await advance(4900);
    expect(sent).toHaveLength(2);
  });

  it('schedules the pending deliveries of its store when it starts, and none it has made', async () => {
    const first = setUp();
    const now = first.clock.now();
    first.owe('before', now);
    first.owe('after', now + 1000);
    await first.advance(0);
    await first.scheduler.close();
    first.clock.advance(1000);
    expect(first.sent).toHaveLength(1);
    const second = setUp(first.store, first.clock);
    for (const id of ['before', 'after']) second.finished.set(id, id === 'before' ? now : now + 1000);
    second.scheduler.start();
    await second.scheduler.idle();
    expect(second.sent.map((request) => JSON.parse(request.body).id)).toEqual(['after']);
  });
});
