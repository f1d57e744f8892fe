import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken } from '../core/kernel/bearer.ts';
import { type CapturedRequest, captureRequest } from '../core/control/capture.ts';
import type { JournalEntry } from '../core/control/journal.ts';
import { redactValue, tokenFingerprint } from '../core/kernel/redact.ts';

/** The fingerprint of a request's bearer token: the journal never keeps one in clear. */
function tokenOf(header: string | undefined): string | null {
  const token = bearerToken(header);
  return token === undefined ? null : tokenFingerprint(token);
}

/**
 * What the journal keeps of a request, whichever API it reached: its method, path, redacted query
 * and token's fingerprint, and its headers and body redacted and cut to `maxBytes`.
 */
export function requestRecord(
  request: FastifyRequest,
  maxBytes: number,
): Pick<JournalEntry, 'method' | 'path' | 'query' | 'token' | 'headers' | 'body' | 'truncated' | 'response'> {
  const answered = answers.get(request);
  return {
    method: request.method,
    path: request.url.split('?', 1)[0] ?? '/',
    query: redactValue({ ...(request.query as object) }) as Record<string, string | string[]>,
    token: tokenOf(request.headers.authorization),
    ...captureRequest(request.headers, request.body, maxBytes),
    ...(answered && { response: captureAnswer(answered, maxBytes) }),
  };
}

interface Answered {
  headers: Record<string, unknown>;
  payload: unknown;
}

/** What each request was answered, kept by reference until the journal records it (an onSend hook). */
const answers = new WeakMap<FastifyRequest, Answered>();

export function keepAnswer(request: FastifyRequest, reply: FastifyReply, payload: unknown): void {
  answers.set(request, { headers: reply.getHeaders(), payload });
}

/**
 * The answer's headers and body, cut to the same budget as the request's. A stream (an SSE answer)
 * is not read back: only its headers are kept. A long body is sliced before it is decoded.
 */
function captureAnswer({ headers, payload }: Answered, maxBytes: number): CapturedRequest {
  const textHeaders = Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, Array.isArray(value) ? value.map(String) : String(value)]],
    ),
  );
  const body =
    typeof payload === 'string'
      ? // Copied, not sliced: a slice would keep the whole page alive for as long as the journal keeps it.
        Buffer.from(payload.slice(0, maxBytes + 1)).toString()
      : Buffer.isBuffer(payload)
        ? payload.subarray(0, maxBytes + 4).toString('utf8')
        : undefined;
  const captured = captureRequest(textHeaders, body, maxBytes);
  const whole =
    (typeof payload === 'string' && payload.length <= maxBytes) ||
    (Buffer.isBuffer(payload) && payload.length <= maxBytes);
  if (body !== undefined && !whole) captured.truncated = true;
  return captured;
}
