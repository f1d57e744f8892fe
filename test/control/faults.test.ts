import { describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.ts';

describe('fault rules through the admin API', async () => {
  const mock = await startHarness();
  const { control } = mock.instance;
  const addRule = (body: unknown) => mock.send('POST', '/__admin/faults', { body });

  it('fire on the matching calls only, and land in the journal', async () => {
    control.reset();
    const added = await addRule({ match: { model: 'gemini', prompt: 'weather' }, effect: { status: 500 } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: 'rule-1', fired: 0 });
    expect((await mock.get('/ai?prompt=Weather+today&model=gemini')).status).toBe(500);
    expect((await mock.get('/ai?prompt=weather+today')).status).toBe(200);
    expect((await mock.get('/ai?prompt=news&model=gemini')).status).toBe(200);
    const [failed] = control.journal.list({ status: 500 });
    expect(failed?.decisions.faults).toEqual(['rule-1']);
    expect((await mock.send('GET', '/__admin/faults')).body[0]).toMatchObject({ matched: 1, fired: 1 });
  });

  it('skip: lets the first calls through, then fires (the third call fails)', async () => {
    control.reset();
    await addRule({ effect: { status: 503, retryAfter: 2 }, policy: { skip: 2, times: 1 } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await mock.get(`/ai?prompt=call+${i}`)).status);
    expect(statuses).toEqual([200, 200, 503, 200]);
    const [third] = control.journal.list({ status: 503 });
    expect(third?.query.prompt).toBe('call 2');
  });

  it('is not used up by an operation that cannot answer its status, and the journal says why', async () => {
    control.reset();
    await addRule({ effect: { status: 503 }, policy: { skip: 2, times: 1 } });
    const devices = await mock.get('/ai/devices');
    expect(devices.status).toBe(200);
    expect(devices.headers['x-mock-notice']).toBe(
      'fault rule rule-1 did not fire: listDevices does not document 503',
    );
    const [entry] = control.journal.list({ path: '/ai/devices' });
    expect(entry?.decisions.notices).toEqual([
      'fault rule rule-1 did not fire: listDevices does not document 503',
    ]);
    expect(control.faults.list()[0]).toMatchObject({ matched: 0, fired: 0 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await mock.get(`/ai?prompt=call+${i}`)).status);
    expect(statuses).toEqual([200, 200, 503, 200]);
  });

  it('503 carries Retry-After matching its body', async () => {
    control.reset();
    await addRule({ effect: { status: 503, retryAfter: 7 } });
    const res = await mock.get('/ai?prompt=x');
    expect(res.text).toBe('Service is autoscaling; please retry in 7 seconds');
    expect(res.headers['retry-after']).toBe('7');
  });

  it('firstAttempts: fails each distinct request N times, then lets it succeed', async () => {
    control.reset();
    await addRule({ effect: { status: 500 }, policy: { firstAttempts: 2 } });
    const a = [];
    for (let i = 0; i < 3; i++) a.push((await mock.get('/ai?prompt=retry+me')).status);
    const b = [];
    for (let i = 0; i < 3; i++) b.push((await mock.get('/ai?prompt=retry+me+too')).status);
    expect(a).toEqual([500, 500, 200]);
    expect(b).toEqual([500, 500, 200]);
  });

  it('probability: draws from the seed, so two instances fire on the same calls', async () => {
    const run = async () => {
      const fresh = await startHarness();
      fresh.instance.control.faults.add({ effect: { status: 500 }, policy: { probability: 0.5 } });
      const statuses = [];
      for (let i = 0; i < 20; i++) statuses.push((await fresh.get(`/ai?prompt=p${i}`)).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first.filter((status) => status === 500).length).toBeGreaterThan(3);
    expect(first.filter((status) => status === 200).length).toBeGreaterThan(3);
  });

  it('forMs: autoscaling for the next 90 s of the clock', async () => {
    control.reset();
    control.clock.freeze();
    await addRule({ effect: { status: 503 }, policy: { forMs: 90_000 } });
    expect((await mock.get('/ai?prompt=a')).status).toBe(503);
    control.clock.advance(89_999);
    expect((await mock.get('/ai?prompt=a')).status).toBe(503);
    control.clock.advance(1);
    expect((await mock.get('/ai?prompt=a')).status).toBe(200);
  });

  it('failJob: the queued job ends failed', async () => {
    control.reset();
    control.clock.freeze();
    await addRule({ match: { operation: 'getCompletion' }, effect: { failJob: true } });
    const queued = await mock.get('/ai?prompt=doomed&mode=async');
    expect(queued.status).toBe(202);
    control.clock.advance(5000);
    expect((await mock.get(`/ai/completions?id=${queued.body.id}`)).body).toEqual({ status: 'failed' });
  });

  it('delayMs: adds latency', async () => {
    control.reset();
    await addRule({ match: { token: 'slow' }, effect: { delayMs: 120 } });
    const started = performance.now();
    expect((await mock.get('/ai/devices', 'slow')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });

  it('refuses rules it cannot honour, naming the field', async () => {
    control.reset();
    const undocumented = await addRule({ match: { operation: 'listDevices' }, effect: { status: 504 } });
    expect(undocumented.status).toBe(400);
    expect(undocumented.text).toContain('effect.status');
    expect((await addRule({ effect: {} })).text).toContain('effect must set');
    expect((await addRule({ effect: { status: 500 }, policy: { probability: 2 } })).status).toBe(400);
    expect((await addRule({ match: { promptRegex: '(' }, effect: { status: 500 } })).text).toContain(
      'promptRegex',
    );
    expect((await addRule({ effect: { status: 500 }, extra: 1 })).status).toBe(400);
  });

  it('are listed, removed one by one, and cleared', async () => {
    control.reset();
    await addRule({ id: 'mine', effect: { delayMs: 1 } });
    expect((await mock.send('GET', '/__admin/faults')).body.map((rule: { id: string }) => rule.id)).toEqual([
      'mine',
    ]);
    expect((await mock.send('DELETE', '/__admin/faults/mine')).status).toBe(204);
    expect((await mock.send('DELETE', '/__admin/faults/mine')).status).toBe(404);
    await addRule({ effect: { delayMs: 1 } });
    expect((await mock.send('DELETE', '/__admin/faults')).status).toBe(204);
    expect((await mock.send('GET', '/__admin/faults')).body).toEqual([]);
  });
});

describe('fault rules from the configuration', async () => {
  const mock = await startHarness({ faults: [{ match: { prompt: 'boom' }, effect: { status: 500 } }] });

  it('are in force from the start, and come back after a reset', async () => {
    expect((await mock.get('/ai?prompt=boom')).status).toBe(500);
    mock.instance.control.reset();
    expect((await mock.get('/ai?prompt=boom')).status).toBe(500);
  });
});

describe('stream fault rules', async () => {
  const mock = await startHarness();
  it('are accepted with whole counts, refused otherwise, and can match createCompletion', async () => {
    const add = (body: unknown) => mock.send('POST', '/__admin/faults', { body });
    const added = await add({
      match: { operation: 'createCompletion' },
      effect: { stream: { cutAfterChunks: 2 } },
    });
    expect(added.status).toBe(201);
    expect(added.body.effect).toEqual({ stream: { cutAfterChunks: 2 } });
    expect((await add({ effect: { stream: { cutAfterChunks: -1 } } })).status).toBe(400);
    expect((await add({ effect: { stream: {} } })).status).toBe(400);
    expect((await add({ match: { operation: 'createCompletion' }, effect: { status: 429 } })).status).toBe(
      201,
    );
    const refused = await add({ match: { operation: 'createCompletion' }, effect: { status: 503 } });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('400, 401, 429, 500');
    expect(() => mock.instance.control.faults.add({ effect: { stream: { errorAfterChunks: 1.5 } } })).toThrow(
      'effect.stream.errorAfterChunks must be an integer',
    );
  });
});
