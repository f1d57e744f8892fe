import { describe, expect, it } from 'vitest';
import { REVISION_IDS } from '../../src/core/massive/revisions/index.ts';
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

  it('publishes every revision’s document, each pointed at its /revisions/<id> base URL', async () => {
    const july = await mock.send('GET', '/openapi/2026-07-06.json', { token: null });
    expect(july.status).toBe(200);
    expect(july.body.info.version).toBe('2026-07-06');
    expect(july.body.servers).toEqual([{ url: '/revisions/2026-07-06', description: 'this massive-mock' }]);
    const picker = await mock.send('GET', '/docs/static/swagger-initializer.js', { token: null });
    for (const revision of REVISION_IDS) expect(picker.text).toContain(`/openapi/${revision}.json`);
  });

  it('serves a docs UI at /docs without the network', async () => {
    const res = await mock.send('GET', '/docs/', { token: null });
    expect(res.status).toBe(200);
    expect(res.text).toContain('swagger-ui');
    const asset = await mock.send('GET', '/docs/static/swagger-ui-bundle.js', { token: null });
    expect(asset.status).toBe(200);
  });
});
