import { describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.ts';

/**
 * A path without a template takes http/backend.ts's one-pass route; the same path with a trailing
 * slash goes through openapi-backend's handleRequest. Both must answer alike.
 */
describe('the one-pass route and openapi-backend agree', async () => {
  const mock = await startHarness({ tokens: ['good'], adminToken: 'admin' });

  it.each([
    ['no token', '/ai?prompt=hi', null],
    ['a token not accepted', '/ai?prompt=hi', 'bad'],
    ['a missing prompt', '/ai', 'good'],
    ['a prompt too long', `/ai?prompt=${'a'.repeat(2048)}`, 'good'],
    ['an unknown format', '/ai?prompt=hi&format=pdf', 'good'],
    ['a valid call', '/ai?prompt=same+either+way', 'good'],
    ['devices', '/ai/devices', 'good'],
    ['a job never issued', '/ai/completions?id=3f2504e0-4f89-41d3-9a0c-0305e82c3301', 'good'],
  ])('on %s', async (_name, url, token) => {
    const [path, query] = url.split('?');
    const slashed = `${path}/${query ? `?${query}` : ''}`;
    const direct = await mock.get(url, token);
    const through = await mock.get(slashed, token);
    expect(through.status).toBe(direct.status);
    expect(through.text).toBe(direct.text);
    expect(through.headers['content-type']).toBe(direct.headers['content-type']);
  });

  it('on the admin API, with and without its token', async () => {
    for (const token of [null, 'wrong', 'admin']) {
      const direct = await mock.send('GET', '/__admin/faults', { token });
      const through = await mock.send('GET', '/__admin/faults/', { token });
      expect([through.status, through.text]).toEqual([direct.status, direct.text]);
    }
    expect((await mock.send('GET', '/__admin/faults', { token: 'admin' })).status).toBe(200);
  });
});
