import type { FastifyRequest } from 'fastify';
import { bearerToken } from '../core/kernel/bearer.ts';
import { captureRequest } from '../core/control/capture.ts';
import type { JournalEntry } from '../core/control/journal.ts';
import { redactValue } from '../core/kernel/redact.ts';

/**
 * What the journal keeps of a request, whichever API it reached: its method, path, redacted query
 * and token, and its headers and body redacted and cut to `maxBytes`.
 */
export function requestRecord(
  request: FastifyRequest,
  maxBytes: number,
): Pick<JournalEntry, 'method' | 'path' | 'query' | 'token' | 'headers' | 'body' | 'truncated'> {
  return {
    method: request.method,
    path: request.url.split('?', 1)[0] ?? '/',
    query: redactValue({ ...(request.query as object) }) as Record<string, string | string[]>,
    token: bearerToken(request.headers.authorization) ?? null,
    ...captureRequest(request.headers, request.body, maxBytes),
  };
}
