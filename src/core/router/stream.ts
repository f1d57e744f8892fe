import type { StreamFault } from '../control/faults.ts';
import { type Completion, envelope } from './completion.ts';
import { RouterError } from './errors.ts';
import { logprobsOf } from './logprobs.ts';
import type { Timing } from './timing.ts';

/** One server-sent event, already framed, and when to send it (ms after the stream starts). */
export interface StreamEvent {
  atMs: number;
  frame: string;
}

/**
 * What a stream sends, and how it ends: `done` with `[DONE]`, `error` with an error event, or `cut`:
 * the connection closes after the last event.
 */
export interface StreamPlan {
  events: StreamEvent[];
  ending: 'done' | 'error' | 'cut';
  /** Chunks of the completion it sends (error events and [DONE] not counted). */
  chunks: number;
}

const frame = (data: unknown) => `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

/**
 * A chunk's event, framed when sent, not all up front: a long stream's JSON is written a batch at
 * a time. A class, not a literal with a getter: tens of thousands are made per long stream.
 */
class ChunkEvent implements StreamEvent {
  readonly atMs: number;
  readonly #chunk: unknown;

  constructor(atMs: number, chunk: unknown) {
    this.atMs = atMs;
    this.#chunk = chunk;
  }

  get frame(): string {
    const chunk = this.#chunk;
    return frame(typeof chunk === 'function' ? chunk() : chunk);
  }
}

/** The error event a fault puts inside a stream: what a provider failing mid-answer sends. */
export const STREAM_ERROR = new RouterError(
  'server',
  'The upstream provider failed while streaming; please retry',
);

/**
 * A completion as server-sent events: the choices' pieces interleaved (each choice's last piece
 * carries its finish_reason), the usage chunk when asked, then `[DONE]`, timed by `timing`.
 */
export function planStream(
  completion: Completion,
  options: { includeUsage: boolean; timing: Timing; fault?: StreamFault },
): StreamPlan {
  const head = envelope(completion);
  const usage = options.includeUsage ? { usage: null } : {};
  const chunks: unknown[] = [];
  const longest = Math.max(1, ...completion.choices.map((choice) => choice.pieces.length));
  for (let position = 0; position < longest; position++) {
    for (const choice of completion.choices) {
      const last = Math.max(0, choice.pieces.length - 1);
      if (position > last) continue;
      const piece = choice.pieces[position];
      const offset =
        choice.offset +
        choice.pieces.slice(0, position).reduce((sum, earlier) => sum + earlier.text.length, 0);
      chunks.push({
        ...head,
        choices: [
          {
            text: piece?.text ?? '',
            index: choice.index,
            logprobs: completion.logprobs && piece ? logprobsOf([piece], offset) : null,
            finish_reason: position === last ? choice.finishReason : null,
          },
        ],
        ...usage,
      });
    }
  }
  if (options.includeUsage) chunks.push({ ...head, choices: [], usage: completion.usage });
  return planChunks(chunks, options);
}

/**
 * Chunks (of a completion or a chat completion; a function makes its chunk when it is sent) as
 * timed, framed events ending in `[DONE]`. A
 * stream fault cuts the connection or sends an error event after N chunks, or delays the first.
 */
export function planChunks(
  chunks: readonly unknown[],
  options: { timing: Timing; fault?: StreamFault },
): StreamPlan {
  const { timing, fault = {} } = options;
  const delay = fault.firstTokenDelayMs ?? 0;
  const at = (index: number) => Math.round(delay + timing.firstMs + index * timing.perPieceMs);
  const limit = Math.min(chunks.length, fault.cutAfterChunks ?? Infinity, fault.errorAfterChunks ?? Infinity);
  const events: StreamEvent[] = chunks
    .slice(0, limit)
    .map((chunk, index) => new ChunkEvent(at(index), chunk));
  const end = at(Math.max(0, limit - 1));
  if (limit < chunks.length && limit === fault.errorAfterChunks) {
    return {
      events: [...events, { atMs: end, frame: frame(STREAM_ERROR.body) }],
      ending: 'error',
      chunks: limit,
    };
  }
  if (limit < chunks.length) return { events, ending: 'cut', chunks: limit };
  return { events: [...events, { atMs: end, frame: frame('[DONE]') }], ending: 'done', chunks: limit };
}
