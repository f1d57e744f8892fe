import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken } from '../core/kernel/bearer.ts';
import { type CapturedRequest, captureRequest } from '../core/control/capture.ts';
import type { JournalEntry } from '../core/control/journal.ts';
import { redactValue, tokenFingerprint } from '../core/kernel/redact.ts';
import { PartsStream } from './parts-reply.ts';

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
  // A body kept as parts: its leading bytes, as a Buffer body's would be read.
  const parts = payload instanceof PartsStream ? payload.body : undefined;
  const sent = parts ? leadingBytes(parts.parts, maxBytes + 4) : payload;
  const body =
    typeof sent === 'string'
      ? // Copied, not sliced: a slice would keep the whole page alive for as long as the journal keeps it.
        Buffer.from(sent.slice(0, maxBytes + 1)).toString()
      : Buffer.isBuffer(sent)
        ? sent.subarray(0, maxBytes + 4).toString('utf8')
        : undefined;
  const captured = captureRequest(textHeaders, body, maxBytes);
  const size = parts?.length ?? (typeof sent === 'string' || Buffer.isBuffer(sent) ? sent.length : 0);
  const whole = size <= maxBytes;
  if (body !== undefined && !whole) captured.truncated = true;
  return captured;
}

/** The first `count` bytes of a body kept as parts, copied: nothing of the parts is pinned. */
function leadingBytes(parts: readonly Buffer[], count: number): Buffer {
  const out: Buffer[] = [];
  let left = count;
  for (const part of parts) {
    if (left <= 0) break;
    out.push(part.subarray(0, left));
    left -= part.length;
  }
  return Buffer.concat(out);
}
