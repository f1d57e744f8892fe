import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config.ts';
import { BundleError } from '../../src/core/massive/errors.ts';
import { tokenFingerprint } from '../../src/core/kernel/redact.ts';
import { createInstance, type Instance } from '../../src/instance.ts';
import { startHarness } from '../support/harness.ts';

describe('repro bundles', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'massive-mock-bundle-'));
  const opened: Instance[] = [];
  afterAll(async () => {
    for (const instance of opened) await instance.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const ci = await startHarness({
    seed: 42,
    revision: '2026-06-29',
    adminToken: 'ci-admin',
    tokens: ['ci-token', 'other'],
    emails: { 'ci-token': 'dev@example.com' },
    credits: { 'ci-token': 50 },
  });
  const admin = (method: string, url: string, body?: unknown) =>
    ci.send(method, `/__admin${url}`, { token: 'ci-admin', body });
  const ask = (target: Instance, url: string) =>
    request(target.app.server).get(url).set('authorization', 'Bearer ci-token');

  it('takes the state home: the next calls answer the same bytes', async () => {
    await admin('POST', '/clock', { freeze: true, set: '2031-02-03T04:05:06.000Z' });
    await admin('POST', '/faults', {
      match: { prompt: 'flaky' },
      effect: { status: 500 },
      policy: { skip: 1, times: 1 },
    });
    await admin('POST', '/fixtures', { match: { prompt: 'stubbed' }, answer: { markdown: 'Canned in CI.' } });
    await admin('PUT', '/accounts/other', { balance: 3 });
    expect((await ci.get('/ai?prompt=flaky', 'ci-token')).status).toBe(200);
    const res = await admin('GET', '/bundle');
    expect(res.status).toBe(200);
    const bundle = res.body;
    expect(bundle).toMatchObject({ kind: 'massive-mock-bundle', revision: '2026-06-29', seed: 42 });
    expect(bundle.redacted.sort()).toEqual(['adminToken', 'emails', 'tokens']);
    const text = JSON.stringify(bundle);
    // Tokens too (issue 24, item 8): as fingerprints, in the journal, the accounts and the balances.
    for (const secret of ['ci-admin', 'dev@example.com', '"ci-token"', '"other"'])
      expect(text).not.toContain(secret);
    expect(bundle.journal.at(-1).token).toBe(tokenFingerprint('ci-token'));
    expect(bundle.journal.at(-1).headers.authorization).toBe('[redacted]');
    expect(bundle.faults[0]).toMatchObject({ matched: 1, fired: 0 });

    const file = join(dir, 'bundle.json');
    writeFileSync(file, JSON.stringify(bundle));
    const local = await createInstance(resolveConfig({ database: ':memory:', bundle: file }), false);
    opened.push(local);
    await local.app.ready();
    expect(local.config).toMatchObject({ seed: 42, revision: '2026-06-29', adminToken: null, tokens: null });
    expect(local.control.clock.now()).toBe(ci.instance.control.clock.now());
    expect(local.control.clock.frozen).toBe(true);
    // A balance kept by fingerprint is the token's once the token is first seen.
    expect(local.control.accounts.get(tokenFingerprint('other'))?.balance).toBe(3);
    expect((await request(local.app.server).get('/user').set('authorization', 'Bearer other')).body).toEqual([
      expect.objectContaining({ credits: 3 }),
    ]);
    for (const url of [
      '/ai?prompt=flaky',
      '/ai?prompt=flaky',
      '/ai?prompt=stubbed',
      '/ai?prompt=fresh&mode=async',
    ]) {
      const [there, here] = [await ask(ci.instance, url), await ask(local, url)];
      expect([here.status, here.text]).toEqual([there.status, there.text]);
      if (url.includes('stubbed')) expect(here.body.completion).toContain('Canned in CI.');
    }
    expect(local.control.accounts.get('ci-token')?.balance).toBe(
      ci.instance.control.accounts.get('ci-token')?.balance,
    );
  });

  it('refuses a file that is not a bundle, naming it', async () => {
    const file = join(dir, 'not-a-bundle.json');
    writeFileSync(file, JSON.stringify({ kind: 'something else' }));
    await expect(
      createInstance(resolveConfig({ database: ':memory:', bundle: file }), false),
    ).rejects.toThrow(BundleError);
    writeFileSync(file, '{');
    await expect(
      createInstance(resolveConfig({ database: ':memory:', bundle: file }), false),
    ).rejects.toThrow(/not-a-bundle\.json is not valid JSON/);
  });
});
