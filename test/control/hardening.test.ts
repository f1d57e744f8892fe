import { describe, expect, it } from 'vitest';
import { startHarness, TOKEN } from '../support/harness.ts';

// Regressions of issue 8's reproductions that run in-process. Those that hang today's code for
// good (a catastrophic regex, a FIFO fixture) run in a child process: test/control/hostile.test.ts.

describe('a city the emulator cannot put in a header as is (defect 1)', async () => {
  const mock = await startHarness({ credits: { [TOKEN]: 100 } });
  const balance = () => mock.instance.store.account(TOKEN)?.balance;

  it.each(['東京', 'Gdańskx', 'a\rb', 'a\nb', 'a\u007fb', 'a\u0000b'])(
    'answers %j from the country, with the notice percent-encoded, charged once',
    async (city) => {
      const before = balance() ?? 0;
      const res = await mock.get(`/ai?prompt=hi&country=jp&city=${encodeURIComponent(city)}`);
      expect(res.status, res.text).toBe(200);
      expect(res.body.city).toBeNull();
      const notice = String(res.headers['x-mock-notice']);
      expect(notice).toMatch(/^[\x20-\x7e]*$/);
      expect(decodeURIComponent(notice)).toBe(
        `city "${city}" is not a GeoNames city of JP; chatting from the country instead`,
      );
      expect(balance()).toBe(before - 1);
    },
  );

  it('queues the async job of such a city, and its notice lands in the journal as written', async () => {
    const res = await mock.get(`/ai?prompt=hi&country=jp&city=${encodeURIComponent('東京')}&mode=async`);
    expect(res.status).toBe(202);
    const [entry] = mock.instance.control.journal.list({ limit: 1 });
    expect(entry?.decisions.notices).toEqual([
      'city "東京" is not a GeoNames city of JP; chatting from the country instead',
    ]);
  });

  it('still knows Tokyo by its GeoNames name', async () => {
    const res = await mock.get('/ai?prompt=hi&country=jp&city=Tokyo');
    expect(res.body.city).toBe('Tokyo');
    expect(res.headers['x-mock-notice']).toBeUndefined();
  });
});

describe('the clock stays a date (defect 4)', async () => {
  const mock = await startHarness();
  const move = (body: unknown) => mock.send('POST', '/__admin/clock', { body });

  it.each([{ set: 9_000_000_000_000_000 }, { set: 253_402_300_800_000 }, { advanceMs: 6.8e20 }])(
    'refuses %j with a 400 naming the bound, and keeps answering',
    async (body) => {
      const res = await move(body);
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/253402300799999|9999-12-31T23:59:59\.999Z/);
      expect((await mock.send('GET', '/__admin/clock')).status).toBe(200);
    },
  );

  it('refuses an advance past the bound from a valid time, from the library too', async () => {
    await move({ freeze: true, set: '9999-12-31T00:00:00Z' });
    const res = await move({ advanceMs: 86_400_000 });
    expect(res.status).toBe(400);
    expect(res.text).toContain('9999-12-31T23:59:59.999Z');
    expect(() => mock.instance.control.clock.advance(86_400_000)).toThrow(/9999-12-31T23:59:59\.999Z/);
    expect(() => mock.instance.control.clock.set(-1)).toThrow(/1970-01-01T00:00:00\.000Z/);
    expect((await move({ set: '9999-12-31T23:59:59.999Z' })).body.iso).toBe('9999-12-31T23:59:59.999Z');
    expect((await move({ reset: true })).status).toBe(200);
  });
});

describe('regular expressions of fault rules (defect 2)', async () => {
  const mock = await startHarness();
  const addRule = (promptRegex: string) =>
    mock.send('POST', '/__admin/faults', { body: { match: { promptRegex }, effect: { status: 500 } } });

  it('refuses what RE2 cannot run in linear time, with its reason', async () => {
    const backreference = await addRule('(a)\\1');
    expect(backreference.status).toBe(400);
    expect(backreference.text).toBe(
      'match.promptRegex must be an RE2 regular expression (no backreferences or lookahead): error parsing regexp: invalid escape sequence: `\\1`',
    );
    expect((await addRule('(?=a)')).text).toContain('invalid or unsupported Perl syntax');
  });

  it('refuses a pattern whose program is too large to match quickly, naming the limit', async () => {
    const res = await addRule('.{500}.{500}.{500}');
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/^match\.promptRegex compiles to \d+ RE2 instructions, past the 1000 allowed/);
    expect((await addRule('x'.repeat(257))).text).toBe(
      'match.promptRegex must be no more than 256 characters',
    );
    expect((await mock.send('GET', '/__admin/faults')).body).toEqual([]);
  });
});

describe('numbers past what timers and headers hold (defect 5)', async () => {
  const mock = await startHarness();
  const addRule = (body: unknown) => mock.send('POST', '/__admin/faults', { body });

  it('refuses a delay past a day and a Retry-After past a day, naming the bound', async () => {
    const delay = await addRule({ effect: { delayMs: 2_147_483_648 } });
    expect(delay.status).toBe(400);
    expect(delay.text).toBe('effect.delayMs must be no more than 86400000');
    const retry = await addRule({ effect: { status: 503, retryAfter: 1e21 } });
    expect(retry.status).toBe(400);
    expect(retry.text).toBe('effect.retryAfter must be no more than 86400');
    expect(() => mock.instance.control.faults.add({ effect: { delayMs: 2_147_483_648 } })).toThrow(
      'effect.delayMs must be no more than 86400000',
    );
    expect((await mock.send('GET', '/__admin/faults')).body).toEqual([]);
  });

  it('takes the largest documented Retry-After, and says it as digits', async () => {
    expect((await addRule({ effect: { status: 503, retryAfter: 86_400 } })).status).toBe(201);
    const res = await mock.get('/ai?prompt=x');
    expect(res.headers['retry-after']).toBe('86400');
    expect(res.text).toBe('Service is autoscaling; please retry in 86400 seconds');
    mock.instance.control.faults.clear();
  });
});

describe('protocol corners (defect 6)', async () => {
  const mock = await startHarness();

  it.each(['TRACE', 'PROPFIND', 'MKCOL', 'LOCK'])(
    'answers %s /ai 405 in plain text with Allow',
    async (method) => {
      const res = await mock.send(method, '/ai?prompt=hi');
      expect(res.status).toBe(405);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.headers.allow).toBe('GET');
      expect(res.text).toBe(`Method ${method} is not allowed; use GET`);
    },
  );

  it('answers an unknown method on an unknown path 404 in plain text', async () => {
    const res = await mock.send('PROPFIND', '/nowhere');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toBe('Route PROPFIND /nowhere was not found');
  });

  it('answers PUT /__admin/faults/ (trailing slash) 405 with the methods of /__admin/faults', async () => {
    const res = await mock.send('PUT', '/__admin/faults/');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, POST, DELETE');
    expect(res.text).toBe('Method PUT is not allowed; use GET, POST, DELETE');
  });
});

describe('fault rules from every source pass the admin schema (defect 7)', async () => {
  it('refuses a configured rule with a prompt that is not text, naming it', async () => {
    await expect(
      startHarness({ faults: [{ match: { prompt: 5 as never }, effect: { status: 500 } }] }),
    ).rejects.toThrow('faults[0] of the configuration: match.prompt must be a string');
  });

  it('refuses the same rule from the library', async () => {
    const mock = await startHarness();
    expect(() =>
      mock.instance.control.faults.add({ match: { prompt: 5 as never }, effect: { status: 500 } }),
    ).toThrow('match.prompt must be a string');
    expect(() => mock.instance.control.faults.add({ effect: { status: 500 }, extra: 1 } as never)).toThrow(
      'the rule has an unknown field "extra"',
    );
  });
});

describe('memory that only grows (defect 9)', async () => {
  const mock = await startHarness({ adminToken: 'root' });

  it('accepts the admin token with the scheme in any case, as the API does', async () => {
    for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
      const res = await mock.send('GET', '/__admin/jobs', {
        token: null,
        headers: { authorization: `${scheme} root` },
      });
      expect(res.status, scheme).toBe(200);
    }
    const wrong = await mock.send('GET', '/__admin/jobs', {
      token: null,
      headers: { authorization: 'bearer rooted' },
    });
    expect(wrong.status).toBe(401);
  });
});

describe('firstAttempts remembers a bounded number of requests (defect 9)', () => {
  it('forgets the least recently seen request past its cap, which then fails again', async () => {
    const { VirtualClock } = await import('../../src/core/kernel/clock.ts');
    const { createFaults, FIRST_ATTEMPTS_MEMORY } = await import('../../src/core/control/faults.ts');
    const { readDocument } = await import('../../src/http/openapi-document.ts');
    const faults = createFaults({
      clock: new VirtualClock(),
      seed: 1,
      statuses: () => ({ getCompletion: [500] }),
      schemas: () => readDocument('admin.yaml').components.schemas ?? {},
    });
    faults.add({ effect: { status: 500 }, policy: { firstAttempts: 1 } });
    const call = (requestKey: string) =>
      faults.decide({ operation: 'getCompletion', token: 't', requestKey }).error?.status;
    expect(call('first')).toBe(500);
    expect(call('first')).toBeUndefined();
    for (let i = 0; i < FIRST_ATTEMPTS_MEMORY; i++) call(`other ${i}`);
    expect(call('first')).toBe(500);
  });
});

describe('found by the fuzzer (test/fuzz)', async () => {
  const mock = await startHarness();

  // The derived documents list the 422 (scripts/derive-revisions.ts, devicesResponses).
  it('GET /ai/devices?unknown=1 answers a status its document lists', async () => {
    const res = await mock.get('/ai/devices?unknown=1');
    expect(res.status).toBe(422);
  });

  it('names the unknown parameter it refuses', async () => {
    const res = await mock.get('/ai?prompt=hi&promt=hi');
    expect(res.status).toBe(422);
    expect(res.text).toBe('promt is not a parameter of this operation');
  });
});

describe('a running clock set to its last moment (found by the fuzzer)', async () => {
  const mock = await startHarness();

  it('stays there, so its time is still a four-digit-year ISO date', async () => {
    await mock.send('POST', '/__admin/clock', { body: { set: '9999-12-31T23:59:59.999Z' } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const res = await mock.send('GET', '/__admin/clock');
    expect(res.body).toMatchObject({ iso: '9999-12-31T23:59:59.999Z', frozen: false });
  });
});

describe('admin bodies in a media type the document does not list (found by the fuzzer)', async () => {
  const mock = await startHarness();

  it('are refused with a 415 instead of reaching the handler unchecked', async () => {
    const res = await mock.send('PUT', '/__admin/accounts/someone', {
      body: '{"balance":null}',
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(415);
    expect(res.text).toBe('the body must be sent as application/json, not "text/plain"');
    expect(mock.instance.store.account('someone')).toBeUndefined();
  });
});

describe('a 504 under realistic latency (defect 8)', async () => {
  const mock = await startHarness({
    latency: 'realistic',
    seed: 2,
    timeScale: 0.0001,
    credits: { [TOKEN]: 1000 },
  });

  // The latency is drawn inside the answer's transaction: a 504 rolls it back, debit included.
  it('charges only the calls answered 200', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 210; i++)
      statuses.push((await mock.get(`/ai?prompt=fresh+${i}&model=copilot`)).status);
    expect(statuses).toContain(504);
    const answered = statuses.filter((status) => status === 200).length;
    expect(1000 - (mock.instance.store.account(TOKEN)?.balance ?? 0)).toBe(answered);
  });
});
