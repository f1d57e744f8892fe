import type { FastifyRequest } from 'fastify';
import { ApiError } from '../../core/massive/errors.ts';

/**
 * The largest body a batch at the documented maximum needs: 1,000 prompts of 2,047 characters,
 * each character at most 6 bytes as JSON.stringify writes it (a control character or a lone
 * surrogate is `\uXXXX`; any other takes at most 4 bytes of UTF-8), each prompt quoted and
 * comma-separated, plus 64 KiB for the other fields (a callback URL, options). About 12.3 MB; every
 * other route keeps Fastify's 1 MiB.
 */
export const BATCH_BODY_BYTES = 1000 * (2047 * 6 + 3) + 64 * 1024;

/** A key that would reach an object's prototype if the body were merged anywhere. */
const POISON = /"(?:__proto__|prototype)"/;

const poisoned = (key: string) =>
  ApiError.invalid(
    `body must not hold a "${key}" key: it names an object's prototype, which no Massive field does`,
  );

/**
 * Parses a JSON body as Fastify would, but says why a prototype key is refused (a 422 naming it)
 * instead of calling the body malformed. The reviver runs only when such a key may be there.
 */
export function parseJsonBody(
  _request: FastifyRequest,
  text: string,
  done: (error: Error | null, body?: unknown) => void,
): void {
  let body: unknown;
  try {
    body = POISON.test(text)
      ? JSON.parse(text, function (key: string, value: unknown) {
          if (key === '__proto__') throw poisoned(key);
          if (key === 'constructor' && value !== null && typeof value === 'object' && 'prototype' in value)
            throw poisoned('constructor.prototype');
          return value;
        })
      : JSON.parse(text);
  } catch (error) {
    if (error instanceof ApiError) return done(error);
    return done(Object.assign(error as Error, { statusCode: 400 }));
  }
  done(null, body);
}
