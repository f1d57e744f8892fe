import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import type { Decisions, JournalEntry } from '../core/control/journal.ts';

/** What a request's decisions add to its line: the cache, the faults that fired, the fixture. */
function decided(decisions: Decisions | null | undefined): Record<string, unknown> {
  if (!decisions) return {};
  return {
    ...(decisions.cache && { cache: decisions.cache }),
    ...(decisions.faults?.length && { fault: decisions.faults.join(',') }),
    ...(decisions.fixture && { fixture: decisions.fixture }),
    ...(decisions.replayed && { replayed: decisions.replayed }),
  };
}

/** `GET /ai 200 12ms cache=miss fixture=current-weather.json`: the line a terminal shows. */
function lineOf(
  fields: { method: string; path: string; status: number | string; ms: number },
  extra: object,
): string {
  let line = `${fields.method} ${fields.path} ${fields.status} ${Math.round(fields.ms)}ms`;
  for (const [key, value] of Object.entries(extra)) line += ` ${key}=${String(value)}`;
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
    request.log[level]({ ...fields, ...extra }, lineOf(fields, extra));
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

/**
 * Where the log's JSON lines go when they are not pretty-printed: stdout, the lines of one turn of
 * the event loop in one write. Pino's own destination measures its whole pending text again at
 * every line (a flattened copy each time): past a few thousand requests a second, logging cost
 * more than answering. Lines still pending when the process exits are written then.
 */
export function batchedLines(out: NodeJS.WritableStream = process.stdout): { write(line: string): void } {
  let pending = '';
  let open = true;
  // A reader that went away (`npm start | head`) ends the log, not the server, as with pino's own.
  out.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    open = false;
  });
  const flush = () => {
    if (pending === '') return;
    const text = pending;
    pending = '';
    if (open) out.write(text);
  };
  process.on('exit', flush);
  return {
    write(line) {
      if (pending === '') setImmediate(flush);
      pending += line;
    },
  };
}
