import { timingSafeEqual } from 'node:crypto';

/**
 * The token of an `Authorization: Bearer <token>` header, the scheme in any case (RFC 9110 makes
 * it case-insensitive); undefined for anything else.
 */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer +(\S+) *$/i.exec(header ?? '')?.[1];
}

/**
 * Whether a header carries the one admin token, read like the API's (any case of `Bearer`) and
 * compared in constant time, so the answer's timing says nothing about how much of it was right.
 */
export function isAdminToken(expected: string, header: string | undefined): boolean {
  const given = Buffer.from(bearerToken(header) ?? '');
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
