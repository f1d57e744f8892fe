import { afterAll, describe, expect, it } from 'vitest';
import { createHostPolicy } from '../../src/core/massive/async/callback-hosts.ts';
import { createCallbackSender } from '../../src/http/massive/callback-sender.ts';
import { startReceiver } from '../support/receiver.ts';

describe('the callback sender', async () => {
  const receiver = await startReceiver();
  afterAll(() => receiver.close());
  const policy = createHostPolicy();
  const sender = createCallbackSender({ policy, userAgent: 'massive-mock/test' });
  const notify = (url = receiver.url, via = sender) =>
    via.send({
      url,
      body: '{"id":"x"}',
      headers: { 'content-type': 'application/json', 'x-mock-attempt': '1' },
    });

  it('POSTs the notification and reports the status it got', async () => {
    receiver.answers.push(503);
    const result = await notify();
    expect(result).toMatchObject({ kind: 'answered', status: 503 });
    expect(receiver.received.at(-1)?.body).toEqual({ id: 'x' });
    expect(receiver.received.at(-1)?.headers['user-agent']).toBe('massive-mock/test');
  });

  it('gives up on a receiver that does not answer in time', async () => {
    receiver.holdMs = 2000;
    const result = await notify(
      receiver.url,
      createCallbackSender({ policy, userAgent: 'x', timeoutMs: 100 }),
    );
    receiver.holdMs = 0;
    expect(result).toMatchObject({ kind: 'error', detail: 'no answer within 100 ms' });
    expect(result.durationMs).toBeLessThan(2000);
  });

  it('reports a receiver that is not there', async () => {
    const closed = await startReceiver();
    await closed.close();
    expect(await notify(closed.url)).toMatchObject({
      kind: 'error',
      detail: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('refuses a host the policy does not allow, without calling it', async () => {
    const before = receiver.received.length;
    const strict = createCallbackSender({ policy: createHostPolicy(['10.0.0.0/8']), userAgent: 'x' });
    const result = await strict.send({ url: receiver.url, body: '{}', headers: {} });
    expect(result).toMatchObject({ kind: 'refused' });
    expect(result.kind === 'refused' && result.detail).toBe(
      '127.0.0.1 (127.0.0.1) is not allowed by --callback-hosts (10.0.0.0/8); never sent',
    );
    expect(receiver.received).toHaveLength(before);
  });
});
