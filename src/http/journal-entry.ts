import type { FastifyRequest } from 'fastify';
import { bearerToken } from '../core/kernel/bearer.ts';
import { captureRequest } from '../core/control/capture.ts';
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
): Pick<JournalEntry, 'method' | 'path' | 'query' | 'token' | 'headers' | 'body' | 'truncated'> {
  return {
    method: request.method,
    path: request.url.split('?', 1)[0] ?? '/',
    query: redactValue({ ...(request.query as object) }) as Record<string, string | string[]>,
    token: tokenOf(request.headers.authorization),
    ...captureRequest(request.headers, request.body, maxBytes),
  };
}
