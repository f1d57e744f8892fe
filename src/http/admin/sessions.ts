import type { IncomingMessage, ServerResponse } from 'node:http';
import { runInNewContext } from 'node:vm';
import type { FastifyInstance } from 'fastify';

let gc: (() => void) | undefined;

/**
 * A full collection, run when a session closes: a session's emulator can hold hundreds of MB,
 * and without it V8 keeps its grown heap (and malloc its freed pages) long after. Sessions close
 * rarely, so a collection each time costs nothing that matters. The function is got on the first
 * close, not at start: a new vm context costs ~2 ms (more on a busy machine) that a run without
 * sessions need not pay, and loading node:v8 (with its heap utilities) 4-5 ms.
 */
function collectGarbage(): void {
  if (!gc) {
    process.getBuiltinModule('node:v8').setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/** The header that picks a session; no header (or `default`) is the instance's own state. */
export const SESSION_HEADER = 'x-mock-session';
const NAME = /^[A-Za-z0-9._:-]{1,64}$/;

/** What a session is: a whole emulator of its own (store, clock, faults, journal...), not listening. */
export interface SessionInstance {
  app: FastifyInstance;
  close(): Promise<void>;
}

export interface SessionOptions<T extends SessionInstance> {
  /** Builds the emulator of a new session. */
  create: (name: string) => Promise<T>;
  /** Sessions without a request for this long are closed (real time). */
  idleMs: number;
  max: number;
  /**
   * Why a request may not open a new session (its status and text), or undefined when it may: a
   * session opens only for a request its emulator would accept, so anonymous ones cannot use them up.
   */
  refusal: (request: IncomingMessage) => { status: number; text: string } | undefined;
  log: (message: string, details: Record<string, unknown>) => void;
}

/**
 * Sessions (`X-Mock-Session: shard-3`): each name gets an emulator of its own, built on its first
 * request and closed once idle, and every request naming it, to the API or the admin API, is
 * routed into it whole. Parallel test shards then share one server without seeing each other's
 * fault rules, clock, balances, cache, jobs, runtime fixtures, journal or coverage.
 */
export function createSessions<T extends SessionInstance>(options: SessionOptions<T>) {
  const sessions = new Map<string, { instance: Promise<T>; lastSeen: number }>();

  function open(name: string): Promise<T> {
    const known = sessions.get(name);
    if (known) {
      known.lastSeen = performance.now();
      return known.instance;
    }
    const instance = options.create(name).then(async (created) => {
      await created.app.ready();
      return created;
    });
    sessions.set(name, { instance, lastSeen: performance.now() });
    instance.catch(() => sessions.delete(name));
    options.log('session opened', { session: name });
    return instance;
  }

  async function close(name: string): Promise<boolean> {
    const known = sessions.get(name);
    if (!known) return false;
    sessions.delete(name);
    await (await known.instance).close();
    collectGarbage();
    options.log('session closed', { session: name });
    return true;
  }

  const sweep = setInterval(
    () => {
      const now = performance.now();
      for (const [name, session] of sessions)
        if (now - session.lastSeen >= options.idleMs) void close(name).catch(() => undefined);
    },
    Math.max(10, Math.min(options.idleMs, 60_000)),
  );
  sweep.unref();

  return {
    /** The names of the open sessions. */
    names: () => [...sessions.keys()],
    open,
    close,
    /** Hands a request naming a session to that session's app; `next` lets this app answer it. */
    dispatch(request: IncomingMessage, response: ServerResponse, next: () => void): void {
      const header = request.headers[SESSION_HEADER];
      if (header === undefined || header === 'default') return next();
      const refuse = (status: number, message: string): void =>
        void response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(message);
      const name = Array.isArray(header) ? '' : header;
      if (!NAME.test(name))
        return refuse(
          400,
          `${SESSION_HEADER} must be 1 to 64 letters, digits or . _ : -; got "${String(header)}"`,
        );
      const refused = sessions.has(name) ? undefined : options.refusal(request);
      if (refused) return refuse(refused.status, refused.text);
      if (!sessions.has(name) && sessions.size >= options.max)
        return refuse(
          429,
          `${options.max} sessions are open already: wait for one to go idle, or reuse a name`,
        );
      open(name).then(
        (session) => {
          response.setHeader(SESSION_HEADER, name);
          session.app.routing(request, response);
        },
        (error: unknown) => refuse(500, `session ${name} could not start: ${(error as Error).message}`),
      );
    },
    async closeAll(): Promise<void> {
      clearInterval(sweep);
      await Promise.all([...sessions.keys()].map((name) => close(name)));
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
