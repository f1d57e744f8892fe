import { describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.ts';

describe('GET /ai/devices', async () => {
  const mock = await startHarness();

  it("lists Playwright's phones and tablets, no desktops, in case-insensitive order", async () => {
    const res = await mock.get('/ai/devices');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const names: string[] = res.body;
    expect(names.slice(0, 3)).toEqual([
      'Blackberry PlayBook',
      'Blackberry PlayBook landscape',
      'BlackBerry Z30',
    ]);
    expect(names).toContain('iPhone 15 Pro Max');
    expect(names).toContain('Pixel 7');
    expect(names.some((name) => name.startsWith('Desktop'))).toBe(false);
    const lower = names.map((name) => name.toLowerCase());
    expect(lower).toEqual([...lower].sort());
  });

  it('every listed name is accepted by /ai as device', async () => {
    const names: string[] = (await mock.get('/ai/devices')).body;
    for (const device of [names[0], names[names.length - 1], names[Math.floor(names.length / 2)]]) {
      const res = await mock.get(`/ai?prompt=hi&device=${encodeURIComponent(String(device))}`);
      expect(res.body.device).toBe(device);
    }
  });
});
