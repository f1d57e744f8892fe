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

/**
 * The W3C note's datetime forms the vendor documents (a year, a month, a date, or a date and a
 * time with an optional zone), with its own example's one-digit hour (`2025-12-25T9:00:00-06:00`).
 */
const W3C_DATETIME =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/i;

/** Milliseconds since the epoch of a W3C datetime, or NaN when it is not one (or names no real day). */
export function parseW3cDatetime(text: string): number {
  const match = W3C_DATETIME.exec(text);
  if (!match) return Number.NaN;
  const [, year, month = '01', day = '01', hour = '0', minute = '00', second = '00', fraction = '0', zone] =
    match;
  const parts = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [y, mo, d, h, mi, s] = parts;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, Math.round(Number(`0.${fraction}`) * 1000));
  const back = new Date(utc);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
    return Number.NaN;
  if (!zone || zone.toUpperCase() === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const [zh, zm] = zone.slice(1).split(':').map(Number) as [number, number];
  return utc - sign * (zh * 60 + zm) * 60_000;
}

const notDatetime = (name: string, text: string) =>
  ApiError.invalid(
    `${name} must be a date-time such as 2025-12-24T18:00:00-06:00 or a date such as 2025-12-24; "${text}" is not one`,
  );

/** The `from` and `to` of a report, checked: dates the service can read, in order. */
export function usageWindow(from: string, to: string): { from: number; to: number } {
  const start = parseW3cDatetime(from);
  const end = parseW3cDatetime(to);
  if (Number.isNaN(start)) throw notDatetime('from', from);
  if (Number.isNaN(end)) throw notDatetime('to', to);
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
