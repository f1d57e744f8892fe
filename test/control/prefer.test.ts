import { describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.ts';

describe('Prefer: code= and delay=', async () => {
  const mock = await startHarness();
  const prefer = (value: string, url = '/ai?prompt=hello') => mock.get(url, undefined, { prefer: value });

  it.each([
    [401, 'Authorization header must be provided'],
    [402, 'Credit balance is 0; top up at https://dashboard.joinmassive.com/plans'],
    [403, 'Captcha was detected'],
    [422, 'Character counts must be no more than 255'],
    [500, 'Unknown error occurred'],
    [503, 'Service is autoscaling; please retry in 180 seconds'],
    [504, 'Request(s) timed out'],
  ])('forces %i on /ai with the documented body', async (status, body) => {
    const res = await prefer(`code=${status}`);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toBe(body);
  });

  it('sends Retry-After with the seconds of the 503 body, and records the forced status', async () => {
    expect((await prefer('code=503')).headers['retry-after']).toBe('180');
    const [last] = mock.instance.control.journal.list({ limit: 1 });
    expect(last?.decisions.faults).toEqual(['Prefer: code=503']);
  });

  it('forces only what the operation documents, and says what it ignored', async () => {
    const devices = await prefer('code=504', '/ai/devices');
    expect(devices.status).toBe(200);
    expect(devices.headers['x-mock-notice']).toContain('code=504');
    const job = await prefer('code=403', '/ai/completions?id=1851dab8-4619-409f-893f-47dd3a180bc3');
    expect(job.status).toBe(403);
    expect(job.text).toBe('Valid API token must be provided');
  });

  it('does not charge forced errors', async () => {
    const paying = await startHarness({ credits: { p: 1 } });
    await paying.get('/ai?prompt=x', 'p', { prefer: 'code=500' });
    expect(paying.instance.store.account('p')?.balance).toBe(1);
  });

  it('delays the answer by delay= ms', async () => {
    const started = performance.now();
    const res = await prefer('delay=150');
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    const combined = await prefer('code=504, delay=50');
    expect(combined.status).toBe(504);
  });
});
