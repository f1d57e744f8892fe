import fc from 'fast-check';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { UNLIMITED_CREDITS } from '../../src/core/massive/accounts/users.ts';
import { isGuardedAddress } from '../../src/core/massive/async/callback-hosts.ts';
import { parseCallback } from '../../src/core/massive/async/callbacks.ts';
import { findRevision } from '../../src/core/massive/revisions/index.ts';
import { loadApiDocument } from '../../src/http/openapi-document.ts';
import { startHarness } from '../support/harness.ts';
import { startReceiver } from '../support/receiver.ts';
import { hostileText, invalidValue, resolveSchema, type Schema, validValue } from './schema-arbitrary.ts';

// Issue 24's classes kept closed by property: the account endpoints (bodies and /usage dates),
// callback URLs (every spelling of a forbidden address) and the session header. Every answer is
// checked against the documents by the harness; none may be a 5xx. FUZZ_RUNS runs them longer.

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SEED = process.env.FUZZ_SEED === undefined ? 24 : Number(process.env.FUZZ_SEED);
const TIMEOUT_MS = Math.max(20_000, RUNS * 1500);
const settings = { numRuns: RUNS, seed: SEED, endOnFailure: true };

const OWNER = 'fuzz-owner';
const OTHER = 'fuzz-other';
const OTHER_EMAIL = 'Configured@Example.com';
const july = findRevision('2026-07-06');
const document = loadApiDocument(july);
const bodyOf = (path: string, method: string): Schema =>
  resolveSchema(
    document,
    (document.paths[path]?.[method] as { requestBody: { content: Record<string, { schema: Schema }> } })
      .requestBody.content['application/json']?.schema as Schema,
  );

/** Emails that must stay someone's: a configured user's in any case, a default-shaped one. */
const takenEmail = fc.constantFrom(
  OTHER_EMAIL,
  OTHER_EMAIL.toUpperCase(),
  'user-0123456789@example.com',
  'USER-abcdefabcd@EXAMPLE.com',
);
const hostileNumber = fc.oneof(
  fc.constantFrom(1e308, -1, 0.5, 2 ** 31, 2 ** 31 - 1, 2 ** 53, Number.MAX_SAFE_INTEGER),
  fc.integer(),
);
const accountBody = (path: string, method: string) => {
  const schema = bodyOf(path, method);
  return fc.oneof(
    { weight: 3, arbitrary: validValue(document, schema) },
    invalidValue(document, schema),
    fc.record({ email: fc.oneof(takenEmail, fc.emailAddress()), credits: hostileNumber }),
    fc.record({ email: fc.oneof(takenEmail, fc.emailAddress()), amount: hostileNumber }),
    fc.constant('{"email":"a@example.com","__proto__":{"admin":true}}'),
  );
};

/** `/usage` dates: the W3C forms, and text that only looks like them. */
const usageDate = fc.oneof(
  fc
    .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .map((date) => date.toISOString()),
  fc.constantFrom(
    '2025-12-25T9:00:00-06:00',
    '2026-01-01',
    '2026-01',
    '2026',
    '2026-02-30',
    '2026-01-01T24:00Z',
  ),
  hostileText(30),
);

const accountCall = fc.oneof(
  fc.record({ method: fc.constant('POST'), body: accountBody('/users', 'post') }),
  fc.record({ method: fc.constant('PATCH'), body: accountBody('/users', 'patch') }),
  fc.record({ method: fc.constant('DELETE'), body: accountBody('/users', 'delete') }),
  fc.record({ method: fc.constant('GET'), body: fc.tuple(usageDate, usageDate) }),
);

describe('fuzzing the account endpoints (issue 24)', async () => {
  const mock = await startHarness({
    revision: '2026-07-06',
    tokens: [OWNER, OTHER],
    credits: { [OWNER]: 100 },
    emails: { [OTHER]: OTHER_EMAIL },
  });

  it(
    'never answers 5xx, never locks a configured user out, keeps credits 32-bit integers',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(accountCall, { minLength: 1, maxLength: 8 }), async (calls) => {
          mock.instance.control.reset();
          for (const { method, body } of calls) {
            const res =
              method === 'GET'
                ? await mock.get(
                    `/usage?from=${encodeURIComponent(String((body as string[])[0]))}&to=${encodeURIComponent(String((body as string[])[1]))}`,
                    OWNER,
                  )
                : await mock.send(method, '/users', {
                    token: OWNER,
                    body: typeof body === 'string' ? body : JSON.stringify(body),
                    headers: { 'content-type': 'application/json' },
                  });
            expect(res.status, `${method} ${JSON.stringify(body)} → ${res.text}`).toBeLessThan(500);
          }
          for (const path of ['/user', '/users', '/usage?from=2026-01-01&to=2027-01-01'])
            expect((await mock.get(path, OTHER)).status, path).toBe(200);
          for (const { credits } of (await mock.get('/users', OWNER)).body as { credits: number }[]) {
            expect(Number.isInteger(credits)).toBe(true);
            expect(credits).toBeGreaterThanOrEqual(0);
            expect(credits).toBeLessThanOrEqual(UNLIMITED_CREDITS);
          }
        }),
        settings,
      );
    },
    TIMEOUT_MS,
  );
});

describe('fuzzing callback URLs (issue 24)', async () => {
  // Only loopback may be called: every other address is refused at submission, never contacted.
  const mock = await startHarness({
    revision: '2026-07-06',
    jobMinMs: 0,
    jobMaxMs: 0,
    callbackHosts: ['loopback'],
  });
  await mock.instance.app.listen({ host: '127.0.0.1', port: 0 });
  const self = (mock.instance.app.server.address() as AddressInfo).port;
  const receiver = await startReceiver();
  afterAll(() => receiver.close());
  const hook = Number(new URL(receiver.url).port);

  /** Hosts in every spelling the URL parser accepts: dotted, decimal, hex, short, mapped, bracketed. */
  const host = fc.constantFrom(
    '127.0.0.1',
    '127.1',
    '2130706433',
    '0x7f000001',
    'localhost',
    'LOCALHOST',
    '[::1]',
    '[::ffff:127.0.0.1]',
    '[::ffff:7f00:1]',
    '169.254.169.254',
    '2852039166',
    '0xa9fea9fe',
    '[::ffff:169.254.169.254]',
    '[fe80::1]',
    '[fd00:ec2::254]',
    '100.100.100.200',
    '10.0.0.1',
    '192.168.1.1',
    '8.8.8.8',
    '0.0.0.0',
  );
  const url = fc
    .record({
      scheme: fc.constantFrom('http', 'https', 'HTTP', 'ftp', 'javascript'),
      userinfo: fc.constantFrom('', '', '', 'user:secret-pw@', 'user@', ':pw@'),
      host,
      port: fc.constantFrom(self, self, hook, 9, 80),
      path: fc.constantFrom('/hook', '/__admin/reset', '/__admin/faults', ''),
    })
    .map(({ scheme, userinfo, host: name, port, path }) => `${scheme}://${userinfo}${name}:${port}${path}`);
  const callback = fc.oneof(
    { weight: 6, arbitrary: url },
    url.map((text) => encodeURIComponent(text)),
    hostileText(40),
  );

  it(
    'refuses forbidden targets (422 at submission or refused, never sent), and the emulator never calls itself',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(callback, { minLength: 1, maxLength: 6 }), async (targets) => {
          mock.instance.control.reset();
          mock.instance.control.clock.freeze();
          for (const target of targets) {
            const res = await mock.get(`/ai?prompt=fuzz&mode=async&callback=${encodeURIComponent(target)}`);
            expect(res.status, `${target} → ${res.text}`).toBeOneOf([202, 422]);
            if (res.status === 422) expect(res.text, target).not.toContain('secret-pw');
          }
          mock.instance.control.clock.advance(100);
          await mock.instance.control.callbacks.idle();
          for (const delivery of mock.instance.control.callbacks.list()) {
            const target = parseCallback(delivery.target);
            if (target.kind !== 'http') continue;
            const { hostname, port } = new URL(target.url);
            const address = hostname.replace(/^\[|\]$/g, '');
            if (isGuardedAddress(address) || Number(port) === self)
              expect(delivery.status, delivery.target).not.toBe('delivered');
          }
          const selfCalls = mock.instance.control.journal
            .list({})
            .filter((entry) => entry.kind !== 'callback' && entry.headers?.['x-mock-delivery'] !== undefined);
          expect(selfCalls).toEqual([]);
          expect((await mock.get('/__admin/health')).status).toBe(200);
        }),
        settings,
      );
    },
    TIMEOUT_MS,
  );
});

describe('fuzzing the session header (issue 24)', async () => {
  const mock = await startHarness({ tokens: [OWNER] });
  const name = fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9._:-]{1,64}$/),
    hostileText(80).map((text) => text.replace(/[^\t\x20-\x7e\xa0-\xff]/g, '')),
    fc.constantFrom('default', '', ' ', 'a'.repeat(65), '__proto__', 'constructor'),
  );
  const token = fc.constantFrom<string | null>(OWNER, OWNER, null, 'stranger', '');

  it(
    'never answers 5xx, and opens a session only for a request with an accepted token',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(name, token), { minLength: 1, maxLength: 5 }), async (calls) => {
          for (const [session, bearer] of calls) {
            const before = (await mock.send('GET', '/__admin/sessions')).body as { name: string }[];
            // No contract check: a malformed session header is refused before any operation (400).
            let call = request(mock.instance.app.server).get('/ai?prompt=hi').set('x-mock-session', session);
            if (bearer !== '' && bearer !== null) call = call.set('authorization', `Bearer ${bearer}`);
            const res = await call;
            expect(res.status, `${JSON.stringify(session)} ${bearer} → ${res.text}`).toBeOneOf([
              200, 400, 401, 403, 429,
            ]);
            const after = (await mock.send('GET', '/__admin/sessions')).body as { name: string }[];
            if (bearer !== OWNER) expect(after.length, JSON.stringify(session)).toBe(before.length);
          }
          for (const { name: open } of (await mock.send('GET', '/__admin/sessions')).body as {
            name: string;
          }[])
            await mock.instance.closeSession?.(open);
        }),
        settings,
      );
    },
    TIMEOUT_MS,
  );
});
