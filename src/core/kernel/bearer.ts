import { crypto } from './crypto.ts';

/**
 * The token of an `Authorization: Bearer <token>` header, the scheme in any case (RFC 9110 makes
 * it case-insensitive); undefined for anything else.
 */
export function bearerToken(header: string | undefined): string | undefined {
  // A call reads its header two or three times (security, journal, log), and the next call mostly
  // sends the same: the last one read is kept.
  if (header !== last.header) last = { header, token: /^Bearer +(\S+) *$/i.exec(header ?? '')?.[1] };
  return last.token;
}

let last: { header: string | undefined; token: string | undefined } = { header: '', token: undefined };

/**
 * Whether a header carries the one admin token, read like the API's (any case of `Bearer`) and
 * compared in constant time, so the answer's timing says nothing about how much of it was right.
 */
export function isAdminToken(expected: string, header: string | undefined): boolean {
  const given = Buffer.from(bearerToken(header) ?? '');
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && crypto().timingSafeEqual(given, wanted);
}
