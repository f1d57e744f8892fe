import { bearerToken } from '../../kernel/bearer.ts';
import { ApiError } from '../errors.ts';

/** The users the API created (`POST /users`): their tokens are accepted until deactivated. */
export interface TokenRegistry {
  isIssued(token: string): boolean;
  isDeactivated(token: string): boolean;
  /** Called with each token accepted: a balance a bundle kept by fingerprint becomes its own. */
  adopt?(token: string): void;
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
    registry?.adopt?.(token);
    return token;
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
