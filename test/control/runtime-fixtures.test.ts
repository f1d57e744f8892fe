import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.ts';

const stub = (prompt: string, markdown: string, extra: Record<string, unknown> = {}) => ({
  match: { prompt, ...extra },
  answer: { markdown, sources: [{ title: 'T', url: 'https://example.org/', siteName: 'Ex', snippet: 'S' }] },
});
const completionOf = (body: { completion?: string }) => body.completion ?? '';

describe('canned answers added at run time', async () => {
  const mock = await startHarness();
  const admin = (method: string, url: string, body?: unknown) =>
    mock.send(method, `/__admin${url}`, { body });

  it('adds, lists, gets and removes a stub through the admin API', async () => {
    const added = await admin('POST', '/fixtures', stub('stubbed prompt', 'Stubbed text.'));
    expect(added.status).toBe(201);
    expect(added.body.id).toMatch(/^fixture-\d+$/);
    const served = await mock.get('/ai?prompt=Stubbed++Prompt');
    expect(completionOf(served.body)).toContain('Stubbed text.');
    expect((await admin('GET', '/fixtures')).body.map((f: { id: string }) => f.id)).toEqual([added.body.id]);
    expect((await admin('GET', `/fixtures/${added.body.id}`)).body.match).toEqual({
      prompt: 'stubbed prompt',
    });
    expect((await admin('DELETE', `/fixtures/${added.body.id}`)).status).toBe(204);
    expect((await admin('DELETE', `/fixtures/${added.body.id}`)).status).toBe(404);
    expect((await admin('GET', `/fixtures/${added.body.id}`)).status).toBe(404);
    // Removed: the conversation is generated again, not served from the stub's cached answer.
    expect(completionOf((await mock.get('/ai?prompt=stubbed+prompt')).body)).not.toContain('Stubbed text.');
  });

  it('serves a stub added after the conversation was cached', async () => {
    const before = await mock.get('/ai?prompt=cached+then+stubbed');
    expect((await mock.get('/ai?prompt=cached+then+stubbed')).headers['x-mock-cache']).toBe('hit');
    await admin('POST', '/fixtures', stub('cached then stubbed', 'Now canned.'));
    const after = await mock.get('/ai?prompt=cached+then+stubbed');
    expect(after.headers['x-mock-cache']).toBe('miss');
    expect(completionOf(after.body)).toContain('Now canned.');
    expect(completionOf(after.body)).not.toBe(completionOf(before.body));
    // The stub's answer is cached in its turn.
    expect((await mock.get('/ai?prompt=cached+then+stubbed')).headers['x-mock-cache']).toBe('hit');
    // Other conversations keep their cached answers.
    await mock.get('/ai?prompt=untouched');
    await admin('POST', '/fixtures', stub('something else', 'x'));
    expect((await mock.get('/ai?prompt=untouched')).headers['x-mock-cache']).toBe('hit');
  });

  it('matches runtime stubs before file fixtures, and the newest first', async () => {
    await admin('POST', '/fixtures', {
      id: 'shoes',
      ...stub('best basketball shoes for 2026', 'Runtime shoes.'),
    });
    expect(completionOf((await mock.get('/ai?prompt=best+basketball+shoes+for+2026')).body)).toContain(
      'Runtime shoes.',
    );
    await admin('POST', '/fixtures', { id: 'shoes', ...stub('best basketball shoes for 2026', 'Replaced.') });
    expect(
      (await admin('GET', '/fixtures')).body.filter((f: { id: string }) => f.id === 'shoes'),
    ).toHaveLength(1);
    expect(completionOf((await mock.get('/ai?prompt=best+basketball+shoes+for+2026')).body)).toContain(
      'Replaced.',
    );
  });

  it('rejects a malformed stub with a 400 naming the field', async () => {
    const noPrompt = await admin('POST', '/fixtures', { match: {}, answer: { markdown: 'x' } });
    expect(noPrompt.status).toBe(400);
    expect(noPrompt.text).toContain('prompt');
    const badSource = await admin('POST', '/fixtures', {
      match: { prompt: 'p' },
      answer: { markdown: 'x', sources: [{ title: 'only a title' }] },
    });
    expect(badSource.status).toBe(400);
    expect(badSource.text).toMatch(/url|siteName|snippet/);
    const typo = await admin('POST', '/fixtures', {
      match: { prompt: 'p', modle: 'gemini' },
      answer: { markdown: 'x' },
    });
    expect(typo.status).toBe(400);
    expect(typo.text).toContain('modle');
  });

  it('drops runtime stubs on reset, and clears them on DELETE', async () => {
    await admin('POST', '/fixtures', stub('short lived', 'Gone soon.'));
    await admin('POST', '/reset');
    expect((await admin('GET', '/fixtures')).body).toEqual([]);
    await admin('POST', '/fixtures', stub('short lived', 'Gone soon.'));
    expect((await admin('DELETE', '/fixtures')).status).toBe(204);
    expect((await admin('GET', '/fixtures')).body).toEqual([]);
    expect(completionOf((await mock.get('/ai?prompt=short+lived')).body)).not.toContain('Gone soon.');
  });
});

describe('a fixture folder that changes while the server runs', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'massive-mock-fixtures-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'live.json');
  writeFileSync(file, JSON.stringify(stub('watched prompt', 'First version.')));
  const mock = await startHarness({ fixtures: dir });
  const completionNow = async () =>
    completionOf((await mock.get('/ai?prompt=watched+prompt&expiration=0')).body);
  /** Asks until the answer holds `text`: the reload follows a filesystem event, debounced. */
  const eventually = async (text: string) => {
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      if ((await completionNow()).includes(text)) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  };

  it('reloads an edited file, and keeps the previous set when a file is bad', async () => {
    expect(await completionNow()).toContain('First version.');
    writeFileSync(file, JSON.stringify(stub('watched prompt', 'Second version.')));
    expect(await eventually('Second version.')).toBe(true);
    writeFileSync(join(dir, 'broken.json'), '{ "match": ');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await completionNow()).toContain('Second version.');
    rmSync(join(dir, 'broken.json'));
    writeFileSync(join(dir, 'more.json'), JSON.stringify(stub('another watched', 'Added file.')));
    const deadline = Date.now() + 5000;
    let added = '';
    while (Date.now() < deadline && !added.includes('Added file.')) {
      added = completionOf((await mock.get('/ai?prompt=another+watched&expiration=0')).body);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(added).toContain('Added file.');
  });
});
