import { describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.ts';

/** The hosts of every link of a completion's fragments. */
function hosts(body: { completion: string; sources: string; ads: string }): string[] {
  const html = body.completion + body.sources + body.ads;
  return [...html.matchAll(/href="https:\/\/([^/"]+)/g)].map((match) => match[1] ?? '');
}

describe('--source-domains through HTTP', () => {
  it('serves reserved .example links by default', async () => {
    const harness = await startHarness();
    const res = await harness.get('/ai?prompt=best+running+shoes+under+%24150&country=us');
    expect(res.status).toBe(200);
    const found = hosts(res.body);
    expect(found.length).toBeGreaterThan(0);
    for (const host of found) expect(host).toMatch(/\.example$/);
  });

  it('serves public-looking domains when configured so', async () => {
    const harness = await startHarness({ sourceDomains: 'public' });
    const res = await harness.get('/ai?prompt=best+running+shoes+under+%24150&country=us');
    const found = hosts(res.body);
    expect(found.length).toBeGreaterThan(0);
    for (const host of found) expect(host).toMatch(/\.(?:com|net|org|co)$/);
  });
});
