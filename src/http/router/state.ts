import type { ServerResponse } from 'node:http';
import type { FastifyRequest } from 'fastify';
import type { Authenticator } from '../../core/massive/accounts/auth.ts';
import type { Clock } from '../../core/kernel/clock.ts';
import type { LatencyProfile } from '../../core/kernel/pace.ts';
import type { Faults } from '../../core/control/faults.ts';
import type { Decisions, Journal } from '../../core/control/journal.ts';
import type { Catalogue } from '../../core/router/catalogue.ts';
import type { Completer } from '../../core/router/completer.ts';
import type { RateLimiter } from '../../core/router/rate-limit.ts';
import { drawTiming, type Timing } from '../../core/router/timing.ts';
import { callRecord } from '../journal-entry.ts';
import type { OpenApiDocument } from '../openapi-document.ts';

export interface RouterRouteOptions {
  /** Read with the first call under /api/v1 (or the docs' first visit), not at start. */
  document: () => OpenApiDocument;
  authenticate: Authenticator;
  clock: Clock;
  faults: Faults;
  journal: Journal;
  seed: number;
  latency: { profile: LatencyProfile; timeScale: number };
  catalogue: Catalogue;
  completer: Completer;
  rateLimiter: RateLimiter;
  /** Bytes of headers and body a journal entry keeps (see core/capture.ts). */
  journalEntryBytes: number;
}

export type Decided = FastifyRequest & { routerDecisions: Decisions };

/** What the router's handlers share: the options, the open streams, and each request's journal entry. */
export interface RouterState {
  options: RouterRouteOptions;
  /** Streams being written: closed before the server waits for requests in flight. */
  streams: Set<ServerResponse>;
  arrivals: WeakMap<FastifyRequest, number>;
  recorded: WeakSet<FastifyRequest>;
  /** Answers timed so far: what each one's pace is drawn from. */
  sequence: number;
}

export function createRouterState(options: RouterRouteOptions): RouterState {
  return { options, streams: new Set(), arrivals: new WeakMap(), recorded: new WeakSet(), sequence: 0 };
}

/** Writes a request's journal entry, once: when its answer is sent, or when its stream ends. */
export function record(
  state: RouterState,
  request: FastifyRequest,
  status: number,
  durationMs: number,
): void {
  if (state.recorded.has(request)) return;
  state.recorded.add(request);
  const { journal, clock, journalEntryBytes } = state.options;
  journal.record(
    callRecord(request, journalEntryBytes, {
      time: state.arrivals.get(request) ?? clock.now(),
      status,
      durationMs: Math.round(durationMs * 100) / 100,
      decisions: (request as Decided).routerDecisions,
    }),
  );
}

/** The pace of the next answer. */
export function nextTiming(state: RouterState): Timing {
  const { seed, latency } = state.options;
  return drawTiming(latency.profile, { seed, sequence: ++state.sequence, timeScale: latency.timeScale });
}
