import { ApiError } from '../errors.ts';
import type { CallRecord } from '../store.ts';

const HOUR_MS = 3_600_000;

/** One row of `/usage`: the calls of one user, service and result in one bucket of time. */
export interface UsageRow {
  email: string;
  from: string;
  to: string;
  service: string;
  result: 'success' | 'failure';
  calls: number;
  credits: number;
  meanSecs: number;
}

/** `2025-12-25T00:00:00+00:00`: the vendor's way of writing an hour. */
const isoHour = (ms: number) =>
  new Date(Math.floor(ms / HOUR_MS) * HOUR_MS).toISOString().replace(/\.\d{3}Z$/, '+00:00');

/** The `from` and `to` of a report, checked: dates the service can read, in order. */
export function usageWindow(from: string, to: string): { from: number; to: number } {
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (Number.isNaN(start)) throw ApiError.invalid(`from must be an ISO datetime; "${from}" is not one`);
  if (Number.isNaN(end)) throw ApiError.invalid(`to must be an ISO datetime; "${to}" is not one`);
  if (start > end) throw ApiError.invalid('from must not be after to');
  return { from: start, to: end };
}

/**
 * The usage report from the durable record of calls: grouped by user, service and result, per
 * hour or in total; `meanSecs` is the mean real duration, rounded to hundredths.
 */
export function usageReport(
  calls: readonly CallRecord[],
  emailOf: (token: string) => string,
  options: { by: 'hour' | 'total'; services: readonly string[] },
): UsageRow[] {
  const groups = new Map<string, { row: UsageRow; seconds: number }>();
  const wanted = new Set(options.services);
  for (const call of calls) {
    if (wanted.size && !wanted.has(call.service)) continue;
    const email = emailOf(call.token);
    const result = call.success ? 'success' : 'failure';
    const bucket = options.by === 'hour' ? isoHour(call.at) : 'total';
    const key = `${email}\u0000${call.service}\u0000${result}\u0000${bucket}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        row: {
          email,
          from: isoHour(call.at),
          to: isoHour(call.at),
          service: call.service,
          result,
          calls: 0,
          credits: 0,
          meanSecs: 0,
        },
        seconds: 0,
      };
      groups.set(key, group);
    }
    group.row.to = isoHour(call.at);
    group.row.calls++;
    group.row.credits += call.credits;
    group.seconds += call.durationMs / 1000;
  }
  return [...groups.values()].map(({ row, seconds }) => ({
    ...row,
    meanSecs: Math.round((seconds / row.calls) * 100) / 100,
  }));
}
