import type { CallRecord } from '../../core/massive/store.ts';

export interface UsageChart {
  from: number;
  to: number;
  bucketMs: number;
  buckets: { start: number; calls: number; failed: number; credits: number }[];
  tokens: { token: string; calls: number; credits: number; balance: number | null }[];
}

/** The most buckets one chart holds: a week by the minute is past it, a day by the minute is not. */
export const MAX_BUCKETS = 10_000;

/**
 * Billed calls counted per bucket of the clock and per token: what the dashboard's chart draws.
 * Throws a RangeError naming the parameter when the window is empty or too finely cut.
 */
export function usageChart(
  calls: readonly CallRecord[],
  window: { from: number; to: number; bucketMs: number },
  balances: ReadonlyMap<string, number | null>,
  tokens: readonly string[],
): UsageChart {
  const { from, to, bucketMs } = window;
  if (to < from) throw new RangeError('from must not be after to');
  const count = Math.floor((to - from) / bucketMs) + 1;
  if (count > MAX_BUCKETS)
    throw new RangeError(`bucketMs must cut from..to into at most ${MAX_BUCKETS} buckets, not ${count}`);
  const buckets = Array.from({ length: count }, (_, i) => ({
    start: from + i * bucketMs,
    calls: 0,
    failed: 0,
    credits: 0,
  }));
  const perToken = new Map(tokens.map((token) => [token, { token, calls: 0, credits: 0 }]));
  for (const call of calls) {
    const bucket = buckets[Math.floor((call.at - from) / bucketMs)];
    const total = perToken.get(call.token);
    if (!bucket || !total) continue;
    bucket.calls++;
    if (!call.success) bucket.failed++;
    bucket.credits += call.credits;
    total.calls++;
    total.credits += call.credits;
  }
  return {
    from,
    to,
    bucketMs,
    buckets,
    tokens: [...perToken.values()].map((total) => ({ ...total, balance: balances.get(total.token) ?? null })),
  };
}
