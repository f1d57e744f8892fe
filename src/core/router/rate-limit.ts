import type { Clock } from '../kernel/clock.ts';

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** ms until the key may call again (0 when allowed), or until its window is full again. */
  resetMs: number;
}

const WINDOW_MS = 60_000;

/**
 * A per-key limit of requests per minute, as a sliding window on the emulator's clock: a call is
 * let through when the key made fewer than `perMinute` calls in the 60 s before it. Refused calls
 * don't count, so a client that waits `Retry-After` gets in. `perMinute` 0 turns it off.
 */
export function createRateLimiter(options: { clock: Clock; perMinute: number }) {
  const { clock, perMinute } = options;
  let calls = new Map<string, number[]>();
  return {
    enabled: perMinute > 0,
    check(key: string): RateDecision {
      if (perMinute <= 0) return { allowed: true, limit: 0, remaining: 0, resetMs: 0 };
      const now = clock.now();
      // A clock set back leaves no call in the future.
      const recent = (calls.get(key) ?? []).filter((time) => time > now - WINDOW_MS && time <= now);
      const allowed = recent.length < perMinute;
      if (allowed) recent.push(now);
      calls.set(key, recent);
      const oldest = recent[0] ?? now;
      return {
        allowed,
        limit: perMinute,
        remaining: perMinute - recent.length,
        resetMs: Math.max(0, oldest + WINDOW_MS - now),
      };
    },
    reset(): void {
      calls = new Map();
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
