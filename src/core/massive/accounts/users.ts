import { createHash } from 'node:crypto';
import { ApiError } from '../errors.ts';
import type { Store, UserRecord } from '../store.ts';

/**
 * How an unlimited balance reads on the wire, where credits are integers: the largest 32-bit one.
 * Set a balance (`--credits`, the admin API) to see real arithmetic.
 */
export const UNLIMITED_CREDITS = 2_147_483_647;

/** A user and the credits it has, as `/user` and `/users` show them. */
export interface UserView {
  email: string;
  credits: number;
}

/** The email of a token nobody configured: stable, and on a domain reserved for examples. */
export function defaultEmail(token: string): string {
  return `user-${createHash('sha256').update(token).digest('hex').slice(0, 10)}@example.com`;
}

const notFound = (email: string) => new ApiError(404, `Email ${email} is nonexistant`);

/**
 * The account endpoints: every token belongs to a user (its configured email, or a default one);
 * a user can create sub-users (a whitelabeler's accounts), grant them credits and deactivate them.
 */
export function createUsers(options: {
  store: Store;
  seed: number;
  emails: Readonly<Record<string, string>>;
}) {
  const { store, seed, emails } = options;

  /** The token's user, made on first sight with its configured or default email. */
  function userOf(token: string): UserRecord {
    const existing = store.user(token);
    if (existing) return existing;
    const user = { token, email: emails[token] ?? defaultEmail(token), parent: null, active: true };
    store.addUser(user);
    return user;
  }

  const view = (user: UserRecord): UserView => {
    const balance = store.account(user.token)?.balance;
    return {
      email: user.email,
      credits: balance === undefined || balance === null ? UNLIMITED_CREDITS : balance,
    };
  };

  /** The caller or one of its sub-users, by email (case-insensitive). */
  function managed(token: string, email: string): UserRecord {
    const user = store.userByEmail(email);
    if (!user || (user.token !== token && user.parent !== token)) throw notFound(email);
    return user;
  }

  /**
   * The caller first, then the sub-users it created (the deactivated ones too when asked: their
   * calls still count in /usage), only those with one of the emails when any is given.
   */
  function family(token: string, emails: readonly string[], inactive: boolean): UserRecord[] {
    const users = [userOf(token), ...store.subUsers(token).filter((user) => inactive || user.active)];
    const wanted = new Set(emails.map((email) => email.toLowerCase()));
    return users.filter((user) => !wanted.size || wanted.has(user.email.toLowerCase()));
  }

  const positive = (name: string, value: number | undefined) => {
    if (value !== undefined && !(Number.isInteger(value) && value >= 0))
      throw ApiError.invalid(`${name} must be a whole number of credits, 0 or more`);
  };

  return {
    userOf,
    /** Whether `POST /users` issued the token. */
    isIssued: (token: string) => Boolean(store.user(token)?.parent),
    /** Whether the token was deactivated with `DELETE /users`. */
    isDeactivated: (token: string) => store.user(token)?.active === false,

    /** `GET /user`: the caller. */
    me: (token: string): UserView[] => [view(userOf(token))],

    /** `GET /users`: the caller first, then its sub-users, optionally only those emails. */
    list: (token: string, only: readonly string[]): UserView[] => family(token, only, false).map(view),

    /** The tokens `/usage` reports on for the caller: itself and its sub-users, as `list` filters them. */
    reportedTokens: (token: string, only: readonly string[]): string[] =>
      family(token, only, true).map((user) => user.token),

    /** `POST /users`: a sub-user with its own token and preloaded credits; 409 when the email is taken. */
    create(token: string, email: string, credits: number | undefined): UserView & { token: string } {
      positive('credits', credits);
      userOf(token);
      if (store.userByEmail(email)) throw new ApiError(409, 'Email already exists');
      const sub = {
        // Derived from the seed, so a replayed test suite gets the same tokens.
        token: `mm-${createHash('sha256').update(`${seed} ${email.toLowerCase()}`).digest('base64url').slice(0, 32)}`,
        email,
        parent: token,
        active: true,
      };
      return store.transaction(() => {
        store.addUser(sub);
        store.setBalance(sub.token, credits ?? 0);
        return { email, token: sub.token, credits: credits ?? 0 };
      });
    },

    /** `PATCH /users`: adds credits to the caller's own account or a sub-user's. */
    grant(token: string, email: string, amount: number): UserView {
      positive('amount', amount);
      userOf(token);
      const user = managed(token, email);
      return store.transaction(() => {
        const balance = store.account(user.token)?.balance;
        if (balance !== null && balance !== undefined) store.setBalance(user.token, balance + amount);
        return view(user);
      });
    },

    /** `DELETE /users`: a sub-user's credits zeroed and its token refused from then on. */
    deactivate(token: string, email: string): UserView {
      userOf(token);
      const user = managed(token, email);
      if (user.token === token)
        throw ApiError.invalid('email must name a sub-user; an account cannot deactivate itself');
      return store.transaction(() => {
        store.setBalance(user.token, 0);
        store.deactivateUser(user.token);
        return { email: user.email, credits: 0 };
      });
    },
  };
}

export type Users = ReturnType<typeof createUsers>;
