import { describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.ts';

describe('authentication, as the real service answers it', async () => {
  const open = await startHarness();
  const restricted = await startHarness({ tokens: ['alpha', 'beta'] });

  it('answers 401 with the documented text when there is no Authorization header', async () => {
    for (const path of [
      '/ai?prompt=hi',
      '/ai/devices',
      '/ai/completions?id=1851dab8-4619-409f-893f-47dd3a180bc3',
    ]) {
      const res = await open.get(path, null);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toBe('Authorization header must be provided');
    }
  });

  it('answers 403 for a header that is not "Bearer <token>"', async () => {
    for (const header of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ', 'token abc', 'Bearer a b']) {
      const res = await open.get('/ai?prompt=hi', null, { authorization: header });
      expect(res.status, header).toBe(403);
      expect(res.text).toBe('Valid API token must be provided');
    }
  });

  it('accepts any non-empty bearer token by default, with any case of "Bearer"', async () => {
    expect((await open.get('/ai?prompt=hi', 'anything-at-all')).status).toBe(200);
    expect((await open.get('/ai/devices', null, { authorization: 'bearer xyz' })).status).toBe(200);
  });

  it('accepts only the configured tokens when a list is given', async () => {
    expect((await restricted.get('/ai/devices', 'alpha')).status).toBe(200);
    const res = await restricted.get('/ai/devices', 'gamma');
    expect(res.status).toBe(403);
    expect(res.text).toBe('Valid API token must be provided');
  });

  it('checks auth before parameters: no token and a bad prompt is still 401', async () => {
    expect((await open.get('/ai', null)).status).toBe(401);
  });
});
