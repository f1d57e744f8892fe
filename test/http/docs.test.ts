import { describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.ts';

describe('published documents', async () => {
  const mock = await startHarness();

  it('serves the merged OpenAPI document at /openapi.json, pointing at the emulator', async () => {
    const res = await mock.send('GET', '/openapi.json', { token: null });
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/ai', '/ai/completions', '/ai/devices']),
    );
    expect(res.body.servers).toEqual([{ url: '/', description: 'this massive-mock' }]);
  });

  it('serves a docs UI at /docs without the network', async () => {
    const res = await mock.send('GET', '/docs/', { token: null });
    expect(res.status).toBe(200);
    expect(res.text).toContain('swagger-ui');
    const asset = await mock.send('GET', '/docs/static/swagger-ui-bundle.js', { token: null });
    expect(asset.status).toBe(200);
  });
});
