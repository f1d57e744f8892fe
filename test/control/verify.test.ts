import { describe, expect, it } from 'vitest';
import { captureRequest } from '../../src/core/control/capture.ts';
import { VerificationError } from '../../src/core/control/verify.ts';
import { tokenFingerprint } from '../../src/core/kernel/redact.ts';
import { startHarness } from '../support/harness.ts';

describe('the journal keeps headers and bodies, redacted and bounded', async () => {
  const mock = await startHarness({ journalEntryBytes: 600 });

  it('keeps request headers with credentials and emails redacted', async () => {
    await mock.get('/ai?prompt=headers+kept', 'secret-token-123', {
      'x-client': 'suite for ops@example.com',
      'x-api-key': 'k-999',
      cookie: 'sid=abc',
    });
    const [entry] = mock.instance.control.journal.list({ path: '/ai' }).slice(-1);
    expect(entry?.headers?.['x-client']).toBe('suite for [email]');
    expect(entry?.headers?.authorization).toBe('[redacted]');
    expect(entry?.headers?.['x-api-key']).toBe('[redacted]');
    expect(entry?.headers?.cookie).toBe('[redacted]');
    const text = JSON.stringify(entry?.headers);
    for (const secret of ['secret-token-123', 'k-999', 'abc', 'ops@example.com'])
      expect(text).not.toContain(secret);
    await mock.get('/ai?prompt=mail+bob@example.org&api_key=k-1', 'someone');
    const [withQuery] = mock.instance.control.journal.list({ path: '/ai' }).slice(-1);
    expect(withQuery?.query).toEqual({ prompt: 'mail [email]', api_key: '[redacted]' });
  });

  it('cuts what passes the byte budget, and says so', async () => {
    await mock.get('/ai/devices', 'long', { 'x-long': 'y'.repeat(5000) });
    const [entry] = mock.instance.control.journal.list({ path: '/ai/devices' }).slice(-1);
    expect(entry?.truncated).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(entry?.headers))).toBeLessThan(800);
  });

  it('redacts bodies: JSON secrets, bearer tokens and emails, before cutting them', () => {
    const captured = captureRequest(
      { 'content-type': 'application/json' },
      { apiKey: 'sk-live-1', note: 'mail me at a.b@example.org', auth: 'Bearer abc.def' },
      4096,
    );
    expect(captured.body).toBe(
      // `auth` names a credential itself (issue 24, item 9): its whole value goes.
      '{"apiKey":"[redacted]","note":"mail me at [email]","auth":"[redacted]"}',
    );
    const cut = captureRequest({}, `${'x'.repeat(95)} someone@example.com`, 100);
    expect(cut.body).not.toContain('someone');
    expect(cut.truncated).toBe(true);
  });
});

describe('verification', async () => {
  const mock = await startHarness();
  const { control } = mock.instance;
  const admin = (url: string, body: unknown) => mock.send('POST', `/__admin${url}`, { body });

  it('counts matching requests, and shows the near misses when the count is wrong', async () => {
    control.journal.clear();
    await mock.get('/ai?prompt=verify+me&model=chatgpt');
    await mock.get('/ai?prompt=verify+me&model=chatgpt');
    await mock.get('/ai?prompt=verify+me&model=perplexity&country=fr');
    await mock.get('/ai/devices');
    expect(control.verify({ path: '/ai', query: { prompt: 'verify me', model: 'chatgpt' } }, 2)).toHaveLength(
      2,
    );
    expect(control.verify({ path: '/ai', query: { prompt: /verify/ } }, { atLeast: 3 })).toHaveLength(3);
    let error: unknown;
    try {
      control.verify({ path: '/ai', query: { prompt: 'verify me', model: 'gemini' } });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(VerificationError);
    const message = (error as Error).message;
    expect(message).toContain('found 0');
    expect(message).toContain('Closest requests that did not match');
    expect(message).toContain('query.model: expected "gemini", got "chatgpt"');
    // Ranked by how many fields differ: the perplexity call differs in model only too, the
    // devices call in path, prompt and model, so it comes last if at all.
    const { nearMisses } = (error as VerificationError).verification;
    expect(nearMisses.map((miss) => miss.differences.length)).toEqual([1, 1, 1]);
    expect(() => control.verify({ path: '/ai/devices' }, 0)).toThrow(/exactly 0.*found 1/s);
  });

  it('verifies through the admin API, with ok false and the near misses', async () => {
    control.journal.clear();
    await mock.get('/ai?prompt=admin+verify', 'alice');
    const good = await admin('/journal/verify', { match: { token: 'alice', path: '/ai' }, count: 1 });
    expect(good.body).toMatchObject({ ok: true, count: 1, message: '' });
    const bad = await admin('/journal/verify', { match: { token: 'bob', path: '/ai' } });
    expect(bad.body.ok).toBe(false);
    // The journal keeps fingerprints (issue 24, item 8): a token given in clear is compared as one.
    expect(bad.body.nearMisses[0].differences).toEqual([
      `token: expected "${tokenFingerprint('bob')}", got "${tokenFingerprint('alice')}"`,
    ]);
    expect((await admin('/journal/verify', { match: { tokn: 'x' } })).status).toBe(400);
  });

  it('waits for a request made later, woken by the journal', async () => {
    control.journal.clear();
    const waiting = control.waitFor({ path: '/ai', query: { prompt: 'later' } }, { timeoutMs: 3000 });
    const started = Date.now();
    setTimeout(() => void mock.get('/ai?prompt=later'), 50);
    const entry = await waiting;
    expect(entry.query.prompt).toBe('later');
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(control.waitFor({ query: { prompt: 'never' } }, { timeoutMs: 50 })).rejects.toThrow(
      /No request matching .* within 50 ms[\s\S]*query.prompt: expected "never", got "later"/,
    );
  });

  it('waits through the admin API, and answers 408 when nothing comes', async () => {
    control.journal.clear();
    const waiting = admin('/journal/wait', { match: { query: { prompt: 'awaited' } }, timeoutMs: 3000 });
    setTimeout(() => void mock.get('/ai?prompt=awaited'), 50);
    expect((await waiting).body.query.prompt).toBe('awaited');
    const late = await admin('/journal/wait', { match: { query: { prompt: 'not coming' } }, timeoutMs: 20 });
    expect(late.status).toBe(408);
    expect(late.text).toContain('Closest requests that did not match');
  });
});
