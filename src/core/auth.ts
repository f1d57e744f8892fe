import { ApiError } from './errors.ts';

/**
 * Checks an `Authorization` header as the real service does and returns the bearer token: no
 * header is a 401, anything but `Bearer <token>` or a token not accepted is a 403. With no list of
 * tokens, any non-empty token is accepted.
 */
export function createAuthenticator(tokens: readonly string[] | null) {
  const accepted = tokens ? new Set(tokens) : null;
  return (header: string | undefined): string => {
    if (header === undefined || header.trim() === '') throw ApiError.of('missingAuth');
    const token = /^Bearer +(\S+) *$/i.exec(header)?.[1];
    if (!token || (accepted && !accepted.has(token))) throw ApiError.of('invalidToken');
    return token;
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
