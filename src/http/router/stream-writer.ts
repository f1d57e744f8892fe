import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StreamPlan } from '../../core/router/stream.ts';
import { type Decided, record, type RouterState } from './state.ts';

/** Events framed and written in one go at most: past them the loop turns before the next batch. */
const BATCH = 256;

/** Sends a planned stream: each event at its time, pausing on backpressure, stopping on disconnect. */
export function sendStream(
  state: RouterState,
  request: FastifyRequest,
  reply: FastifyReply,
  plan: StreamPlan,
): FastifyReply {
  const decisions = (request as Decided).routerDecisions;
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    ...(reply.getHeaders() as OutgoingHttpHeaders),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    'x-accel-buffering': 'no',
  });
  // The client learns at once that the stream started, even when its first token is slow.
  res.flushHeaders();
  state.streams.add(res);
  const started = performance.now();
  let next = 0;
  let timer: NodeJS.Timeout | undefined;
  let ended = false;
  const finish = (ending: 'done' | 'cut' | 'error' | 'disconnected') => {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    res.off('drain', pump);
    state.streams.delete(res);
    decisions.stream = { chunks: Math.min(next, plan.chunks), ending };
    record(state, request, 200, reply.elapsedTime);
  };
  // A client that goes frees its stream at once: no timer, no listener, no buffered events kept.
  res.once('close', () => finish('disconnected'));
  function pump(): void {
    timer = undefined;
    if (ended) return;
    while (next < plan.events.length) {
      // Every event that is due goes in one write: an instant stream costs one syscall, not one per token.
      let due = '';
      const elapsed = performance.now() - started;
      const batchEnd = next + BATCH;
      while (next < plan.events.length && next < batchEnd && (plan.events[next]?.atMs ?? 0) - elapsed < 1) {
        due += plan.events[next]?.frame;
        next++;
      }
      if (due && !res.write(due)) {
        res.once('drain', pump);
        return;
      }
      if (next === batchEnd && next < plan.events.length) {
        timer = setTimeout(pump, 0);
        return;
      }
      if (next < plan.events.length) {
        timer = setTimeout(pump, (plan.events[next]?.atMs ?? 0) - (performance.now() - started));
        return;
      }
    }
    if (plan.ending === 'cut') {
      finish('cut');
      // end() on the socket sends what was written, then closes it: the chunked body never ends.
      res.socket?.end();
      return;
    }
    finish(plan.ending);
    res.end();
  }
  pump();
  return reply;
}
