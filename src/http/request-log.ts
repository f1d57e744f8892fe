import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import pino from 'pino';
import type { Decisions, JournalEntry } from '../core/control/journal.ts';
import { type LineFields, RequestLogger } from './request-logger.ts';

/**
 * What a request's decisions add to its line (the cache, the faults that fired, the fixture), or
 * nothing: most lines have nothing to add, and then make no object for it.
 */
function decided(decisions: Decisions | null | undefined): Record<string, string> | undefined {
  if (!decisions) return undefined;
  const { cache, faults, fixture, replayed } = decisions;
  if (!cache && !faults?.length && !fixture && !replayed) return undefined;
  const extra: Record<string, string> = {};
  if (cache) extra.cache = cache;
  if (faults?.length) extra.fault = faults.join(',');
  if (fixture) extra.fixture = fixture;
  if (replayed) extra.replayed = replayed;
  return extra;
}

/** `GET /ai 200 12ms cache=miss fixture=current-weather.json`: the line a terminal shows. */
function lineOf(
  fields: { method: string; path: string; status: number | string; ms: number },
  extra: Record<string, unknown> | undefined,
): string {
  let line = `${fields.method} ${fields.path} ${fields.status} ${Math.round(fields.ms)}ms`;
  if (extra) for (const key in extra) line += ` ${key}=${String(extra[key])}`;
  return line;
}

/** The admin API, the dashboard and the assets pages fetch: polled, so kept out of the default level. */
const QUIET = /^\/(__admin\/|__dashboard\/|favicon\.ico|docs)/;

/**
 * One log line per request instead of Fastify's two: the API's at info, naming what the control
 * plane decided (cache, fault, fixture); the admin API's and the dashboard's at debug, as they poll.
 * Errors stay at error. The journal (/__admin/journal) keeps the whole request.
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (error) {
      reply.log.error({ res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
      return;
    }
    const { url } = request;
    const mark = url.indexOf('?');
    const path = mark === -1 ? url : url.slice(0, mark);
    const level = QUIET.test(path) || path === '/' ? 'debug' : 'info';
    // Pino's own check: a quiet server builds no line (the logger Fastify is given may lack it).
    if ((request.log as { isLevelEnabled?: (level: string) => boolean }).isLevelEnabled?.(level) === false)
      return;
    const carried = request as { decisions?: Decisions | null; routerDecisions?: Decisions };
    const extra = decided(carried.decisions ?? carried.routerDecisions);
    const fields = {
      method: request.method,
      path,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    const msg = lineOf(fields, extra);
    const line: LineFields = extra ? Object.assign(fields, extra) : fields;
    const log = request.log as unknown;
    if (log instanceof RequestLogger) log.line(level, line, msg);
    else request.log[level](line, msg);
  }
}

/** A callback attempt, logged as its own line: the emulator made it, nothing else would show it. */
export function callbackLine(entry: JournalEntry): { fields: object; line: string } | undefined {
  const { callback } = entry;
  if (entry.kind !== 'callback' || !callback) return undefined;
  const extra = { delivery: callback.deliveryId, attempt: callback.attempt, outcome: callback.outcome };
  const fields = { method: 'POST', path: entry.path, status: entry.status || '-', ms: entry.durationMs };
  return { fields: { callback: true, ...fields, ...extra }, line: `callback ${lineOf(fields, extra)}` };
}

/** What the batched lines are handed to: pino's own destination, or a stand-in. */
interface LineSink {
  write(bytes: Buffer): unknown;
  flushSync?(): void;
}

/** Pino's asynchronous destination, taking bytes (its types know only its default, text). */
export const lineDestination = (dest: string | number): LineSink =>
  pino.destination({ dest, sync: false, contentMode: 'buffer' }) as unknown as LineSink;

/**
 * Where the log's JSON lines go when they are not pretty-printed: pino's own stdout destination
 * (it never blocks the event loop, and a reader that went away ends the log, not the server), fed
 * the lines in batches. Fed a line at a time, it measures its whole pending text again at every
 * line (a flattened copy each time): past a few thousand requests a second, logging cost more
 * than answering; and a write at every turn of the event loop, a few requests each under load,
 * still cost a cached reply about 9 µs (December 2026, profiles under wrk). So lines go out at the
 * next turn after a quiet spell, as they come, but at most one write every `delayMs` (or each
 * `maxBytes`) while they keep coming. Lines pending at exit are written then.
 *
 * Pending lines wait encoded, outside the JavaScript heap: kept as a string, they outlived young
 * collections and were copied at each, and those collections took 0.4-0.8 ms instead of 0.2
 * (`node --trace-gc`, wrk on /ai/devices, the image's 2 MB semi-spaces).
 */
export function batchedLines(
  sink: () => LineSink = () => lineDestination(process.stdout.fd || 1),
  { delayMs = 20, maxBytes = 64 * 1024 }: { delayMs?: number; maxBytes?: number } = {},
): { write(line: string): void } {
  // Lines are encoded into `chunk` from `start` on; what is handed to the sink stays its own.
  let chunk = Buffer.allocUnsafeSlow(2 * maxBytes);
  let start = 0;
  let end = 0;
  let scheduled = false;
  let wrote = -Infinity;
  // A flush that finds nothing pending (written at the size bound meanwhile) does nothing.
  const flush = () => {
    scheduled = false;
    if (end === start) return;
    wrote = performance.now();
    const bytes = chunk.subarray(start, end);
    start = end;
    out.write(bytes);
  };
  // Registered before the destination is made: its own exit handler, which ends it, runs after.
  process.on('exit', () => {
    flush();
    out.flushSync?.();
  });
  const out = sink();
  return {
    write(line) {
      // A UTF-16 unit is at most 3 bytes of UTF-8: only a line that might not fit is measured.
      if (end + 3 * line.length > chunk.length) {
        // The pending bytes move to a chunk with room for the line: the sink may still hold the old.
        const pending = end - start;
        const next = Buffer.allocUnsafeSlow(Math.max(2 * maxBytes, pending + Buffer.byteLength(line)));
        chunk.copy(next, 0, start, end);
        chunk = next;
        start = 0;
        end = pending;
      }
      end += chunk.write(line, end);
      if (end - start >= maxBytes) return flush();
      if (scheduled) return;
      const wait = wrote + delayMs - performance.now();
      scheduled = true;
      // Unref'd: lines waiting are no reason to stay up, and exit writes them.
      (wait <= 0 ? setImmediate(flush) : setTimeout(flush, wait)).unref();
    },
  };
}
