import { crypto } from '../../kernel/crypto.ts';
import { tokenFingerprint } from '../../kernel/redact.ts';
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
  return `user-${crypto().createHash('sha256').update(token).digest('hex').slice(0, 10)}@example.com`;
}

/** Emails `defaultEmail` makes: reserved, so a sub-user cannot take one before its token is first seen. */
const DEFAULT_EMAIL = /^user-[0-9a-f]{10}@example\.com$/i;

const notFound = (email: string) => new ApiError(404, `Email ${email} is nonexistant`);

interface UsersContext {
  store: Store;
  emails: Readonly<Record<string, string>>;
  /** The configured emails, lower-cased: taken before their tokens are first seen. */
  configured: ReadonlySet<string>;
  /** Whether balances may be kept by token fingerprint (a bundle was applied). */
  fingerprinted: boolean;
}

/** A token first seen takes the balance a bundle kept under its fingerprint. */
function adopt(context: UsersContext, token: string): void {
  if (!context.fingerprinted || context.store.account(token)) return;
  const kept = context.store.account(tokenFingerprint(token));
  if (kept) context.store.setBalance(token, kept.balance);
}

/** The token's user, made on first sight with its configured or default email. */
function userOf(context: UsersContext, token: string): UserRecord {
  const existing = context.store.user(token);
  if (existing) return existing;
  const user = { token, email: context.emails[token] ?? defaultEmail(token), parent: null, active: true };
  context.store.addUser(user);
  return user;
}

function view(context: UsersContext, user: UserRecord): UserView {
  const balance = context.store.account(user.token)?.balance;
  return {
    email: user.email,
    credits: balance === undefined || balance === null ? UNLIMITED_CREDITS : balance,
  };
}

/** The caller or one of its sub-users, by email (case-insensitive). */
function managed(context: UsersContext, token: string, email: string): UserRecord {
  const user = context.store.userByEmail(email);
  if (!user || (user.token !== token && user.parent !== token)) throw notFound(email);
  return user;
}

/**
 * The caller first, then the sub-users it created (the deactivated ones too when asked: their
 * calls still count in /usage), only those with one of the emails when any is given.
 */
function family(context: UsersContext, token: string, emails: readonly string[], inactive: boolean) {
  const subs = context.store.subUsers(token).filter((user) => inactive || user.active);
  const users = [userOf(context, token), ...subs];
  const wanted = new Set(emails.map((email) => email.toLowerCase()));
  return users.filter((user) => !wanted.size || wanted.has(user.email.toLowerCase()));
}

const withCommas = (value: number) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Credits are 32-bit integers on the wire: a count past the largest one could not be shown. */
function credits(name: string, value: number | undefined, most = UNLIMITED_CREDITS): void {
  if (value === undefined) return;
  if (!(Number.isInteger(value) && value >= 0))
    throw ApiError.invalid(`${name} must be a whole number of credits, 0 or more`);
  if (value > most)
    throw ApiError.invalid(
      `${name} must be no more than ${withCommas(most)}: credits are 32-bit integers, at most ${withCommas(UNLIMITED_CREDITS)}`,
    );
}

/** Whether an email is someone's already, or will be: configured, default-shaped, or a user's. */
function taken(context: UsersContext, email: string): boolean {
  const lower = email.toLowerCase();
  return (
    context.configured.has(lower) || DEFAULT_EMAIL.test(lower) || Boolean(context.store.userByEmail(email))
  );
}

/** `POST /users`: a sub-user with its own token and preloaded credits; 409 when the email is taken. */
function create(context: UsersContext, token: string, email: string, amount: number | undefined) {
  credits('credits', amount);
  userOf(context, token);
  if (taken(context, email)) throw new ApiError(409, 'Email already exists');
  // Random, not derived: a token anyone could compute from an email would spend its credits.
  const sub = {
    token: `mm-${crypto().randomBytes(24).toString('base64url')}`,
    email,
    parent: token,
    active: true,
  };
  return context.store.transaction(() => {
    context.store.addUser(sub);
    context.store.setBalance(sub.token, amount ?? 0);
    return { email, token: sub.token, credits: amount ?? 0 };
  });
}

/** `PATCH /users`: adds credits to the caller's own account or a sub-user's, never past 32 bits. */
function grant(context: UsersContext, token: string, email: string, amount: number): UserView {
  credits('amount', amount);
  userOf(context, token);
  const user = managed(context, token, email);
  return context.store.transaction(() => {
    const balance = context.store.account(user.token)?.balance;
    if (balance !== null && balance !== undefined) {
      credits('amount', amount, UNLIMITED_CREDITS - balance);
      context.store.setBalance(user.token, balance + amount);
    }
    return view(context, user);
  });
}

/** `DELETE /users`: a sub-user's credits zeroed and its token refused from then on. */
function deactivate(context: UsersContext, token: string, email: string): UserView {
  userOf(context, token);
  const user = managed(context, token, email);
  if (user.token === token)
    throw ApiError.invalid('email must name a sub-user; an account cannot deactivate itself');
  return context.store.transaction(() => {
    context.store.setBalance(user.token, 0);
    context.store.deactivateUser(user.token);
    return { email: user.email, credits: 0 };
  });
}

/**
 * The account endpoints: every token belongs to a user (its configured email, or a default one);
 * a user can create sub-users (a whitelabeler's accounts), grant them credits and deactivate them.
 */
export function createUsers(options: {
  store: Store;
  emails: Readonly<Record<string, string>>;
  /** Balances may be kept by token fingerprint (a bundle's): each becomes its token's when seen. */
  fingerprinted?: boolean;
}) {
  const { store, emails } = options;
  const context: UsersContext = {
    store,
    emails,
    fingerprinted: options.fingerprinted ?? false,
    configured: new Set(Object.values(emails).map((email) => email.toLowerCase())),
  };
  return {
    userOf: (token: string) => userOf(context, token),
    /** Whether `POST /users` issued the token. */
    isIssued: (token: string) => Boolean(store.user(token)?.parent),
    /** Whether the token was deactivated with `DELETE /users`. */
    isDeactivated: (token: string) => store.user(token)?.active === false,
    adopt: (token: string) => adopt(context, token),
    /** `GET /user`: the caller. */
    me: (token: string): UserView[] => [view(context, userOf(context, token))],
    /** `GET /users`: the caller first, then its sub-users, optionally only those emails. */
    list: (token: string, only: readonly string[]): UserView[] =>
      family(context, token, only, false).map((user) => view(context, user)),
    /** The tokens `/usage` reports on for the caller: itself and its sub-users, as `list` filters them. */
    reportedTokens: (token: string, only: readonly string[]): string[] =>
      family(context, token, only, true).map((user) => user.token),
    create: (token: string, email: string, amount: number | undefined) =>
      create(context, token, email, amount),
    grant: (token: string, email: string, amount: number) => grant(context, token, email, amount),
    deactivate: (token: string, email: string) => deactivate(context, token, email),
  };
}

export type Users = ReturnType<typeof createUsers>;
