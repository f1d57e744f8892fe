import { describe, expect, it } from 'vitest';
import { drawLatency } from '../../src/core/massive/latency.ts';
import { startHarness } from '../support/harness.ts';

describe('latency profiles', () => {
  it('realistic: per-model means like the live service, and 504 past the 3-minute budget', () => {
    const mean = (model: 'chatgpt' | 'copilot') => {
      let total = 0;
      for (let i = 0; i < 2000; i++)
        total += drawLatency('realistic', model, { seed: 1, sequence: i, timeScale: 1 }).delayMs;
      return total / 2000 / 1000;
    };
    expect(mean('chatgpt')).toBeGreaterThan(14);
    expect(mean('chatgpt')).toBeLessThan(20);
    expect(mean('copilot')).toBeGreaterThan(36);
    expect(mean('copilot')).toBeLessThan(50);
    const draws = Array.from({ length: 5000 }, (_, i) =>
      drawLatency('realistic', 'copilot', { seed: 3, sequence: i, timeScale: 1 }),
    );
    expect(draws.some((draw) => draw.timedOut)).toBe(true);
    expect(Math.max(...draws.map((draw) => draw.delayMs))).toBe(180_000);
    expect(drawLatency('instant', 'copilot', { seed: 1, sequence: 1, timeScale: 1 })).toEqual({
      delayMs: 0,
      timedOut: false,
    });
  });

  it('holds 1,000 concurrent delayed requests without blocking the event loop', async () => {
    const mock = await startHarness({ latency: 'realistic', timeScale: 0.01 });
    const started = performance.now();
    const calls = Array.from({ length: 1000 }, () =>
      mock.get('/ai/devices', undefined, { prefer: 'delay=300' }),
    );
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 50);
    const statuses = (await Promise.all(calls)).map((res) => res.status);
    clearInterval(timer);
    expect(statuses.every((status) => status === 200)).toBe(true);
    // One after another, 1,000 × 300 ms would take 5 minutes; held together they take seconds.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(ticks.length).toBeGreaterThan(3);
  });

  it('realistic with a time scale delays fresh answers, not cached ones', async () => {
    const mock = await startHarness({ latency: 'realistic', timeScale: 0.005 });
    const time = async (url: string) => {
      const started = performance.now();
      const res = await mock.get(url);
      return { res, ms: performance.now() - started };
    };
    const fresh = await time('/ai?prompt=slow+thinker&model=copilot');
    expect(fresh.res.headers['x-mock-cache']).toBe('miss');
    const [entry] = mock.instance.control.journal.list({ path: '/ai' });
    expect(entry?.decisions.delayMs).toBeGreaterThan(20);
    expect(fresh.ms).toBeGreaterThanOrEqual((entry?.decisions.delayMs ?? 0) - 5);
    const cached = await time('/ai?prompt=slow+thinker&model=copilot');
    expect(cached.res.headers['x-mock-cache']).toBe('hit');
    expect(mock.instance.control.journal.list({ path: '/ai' })[1]?.decisions.delayMs).toBeUndefined();
  });
});
