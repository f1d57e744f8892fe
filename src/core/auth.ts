import { timingSafeEqual } from 'node:crypto';
import { ApiError } from './errors.ts';

/** The users the API created (`POST /users`): their tokens are accepted until deactivated. */
export interface TokenRegistry {
  isIssued(token: string): boolean;
  isDeactivated(token: string): boolean;
}

/**
 * The token of an `Authorization: Bearer <token>` header, the scheme in any case (RFC 9110 makes
 * it case-insensitive); undefined for anything else.
 */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer +(\S+) *$/i.exec(header ?? '')?.[1];
}

/**
 * Checks an `Authorization` header as the real service does and returns the bearer token: no
 * header is a 401, anything but `Bearer <token>` or a token not accepted is a 403. With no list of
 * tokens, any non-empty token is accepted; tokens the API issued are too, until deactivated.
 */
export function createAuthenticator(tokens: readonly string[] | null, registry?: TokenRegistry) {
  const accepted = tokens ? new Set(tokens) : null;
  return (header: string | undefined): string => {
    if (header === undefined || header.trim() === '') throw ApiError.of('missingAuth');
    const token = bearerToken(header);
    if (!token || registry?.isDeactivated(token)) throw ApiError.of('invalidToken');
    if (accepted && !accepted.has(token) && !registry?.isIssued(token)) throw ApiError.of('invalidToken');
    return token;
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;

/**
 * Whether a header carries the one admin token, read like the API's (any case of `Bearer`) and
 * compared in constant time, so the answer's timing says nothing about how much of it was right.
 */
export function isAdminToken(expected: string, header: string | undefined): boolean {
  const given = Buffer.from(bearerToken(header) ?? '');
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
