import type Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import type { Account, CallRecord, Store, UserRecord } from '../../core/massive/store.ts';
import type { Writer } from './writer.ts';

interface UserRow {
  token: string;
  email: string;
  parent: string | null;
  active: number;
}

interface CallRow {
  token: string;
  service: string;
  success: number;
  credits: number;
  duration_ms: number;
  at: number;
}

const toUser = (row: UserRow): UserRecord => ({ ...row, active: row.active === 1 });

const toCall = (row: CallRow): CallRecord => ({
  token: row.token,
  service: row.service,
  success: row.success === 1,
  credits: row.credits,
  durationMs: row.duration_ms,
  at: row.at,
});

/** A bounded memory of what a lookup by token gave, absence included; `delete` and `clear` forget. */
function readThrough<T>(load: (token: string) => T | undefined) {
  const cache = new LRUCache<string, { value: T | undefined }>({ max: 10_000 });
  return {
    get(token: string): T | undefined {
      let entry = cache.get(token);
      if (!entry) cache.set(token, (entry = { value: load(token) }));
      return entry.value;
    },
    set: (token: string, value: T) => cache.set(token, { value }),
    delete: (token: string) => cache.delete(token),
    clear: () => cache.clear(),
  };
}

type AccountMethods = Pick<
  Store,
  | 'account'
  | 'setBalance'
  | 'openAccount'
  | 'debit'
  | 'refund'
  | 'accounts'
  | 'user'
  | 'userByEmail'
  | 'subUsers'
  | 'addUser'
  | 'deactivateUser'
  | 'recordCall'
  | 'calls'
>;

function accountStatements(db: Database.Database) {
  return {
    account: db.prepare<[string], Account>('SELECT token, balance FROM accounts WHERE token = ?'),
    accounts: db.prepare<[], Account>('SELECT token, balance FROM accounts ORDER BY token'),
    setBalance: db.prepare(
      'INSERT INTO accounts (token, balance) VALUES (?, ?) ON CONFLICT (token) DO UPDATE SET balance = excluded.balance',
    ),
    openAccount: db.prepare('INSERT OR IGNORE INTO accounts (token, balance) VALUES (?, ?)'),
    refund: db.prepare('UPDATE accounts SET balance = balance + ? WHERE token = ? AND balance IS NOT NULL'),
    debit: db.prepare(
      'UPDATE accounts SET balance = balance - ? WHERE token = ? AND balance IS NOT NULL AND balance >= ?',
    ),
    user: db.prepare<[string], UserRow>('SELECT * FROM users WHERE token = ?'),
    userByEmail: db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?'),
    subUsers: db.prepare<[string], UserRow>('SELECT * FROM users WHERE parent = ? ORDER BY rowid'),
    addUser: db.prepare(
      'INSERT INTO users (token, email, parent, active) VALUES (@token, @email, @parent, @active)',
    ),
    deactivateUser: db.prepare('UPDATE users SET active = 0 WHERE token = ?'),
    // Positional: bound by name, each call cost a lookup per parameter (every billed call writes one).
    recordCall: db.prepare<[string, string, number, number, number, number]>(
      'INSERT INTO calls (token, service, success, credits, duration_ms, at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    calls: db.prepare<[{ tokens: string | null; from: number; to: number }], CallRow>(
      `SELECT * FROM calls WHERE (@tokens IS NULL OR token IN (SELECT value FROM json_each(@tokens)))
       AND at BETWEEN @from AND @to ORDER BY at, seq`,
    ),
  };
}

/**
 * Balances, the users behind tokens and the calls /usage reports. Accounts and users are kept as
 * the file holds them (none: a token without one), by token: the service reads the caller's
 * balance and the authenticator its user on every request. Bounded, since any token is accepted.
 */
export function accountStore(
  db: Database.Database,
  writer: Writer,
): { methods: AccountMethods; clear(): void } {
  const sql = accountStatements(db);
  const accountCache = readThrough((token) => sql.account.get(token));
  const userCache = readThrough((token) => {
    const row = sql.user.get(token);
    return row && toUser(row);
  });
  const remember = (account: Account) => accountCache.set(account.token, account);
  const clear = () => {
    accountCache.clear();
    userCache.clear();
  };
  writer.onRollback(clear);
  const methods: AccountMethods = {
    account: accountCache.get,
    accounts: () => sql.accounts.all(),
    setBalance(token, balance) {
      writer.write(() => sql.setBalance.run(token, balance));
      remember({ token, balance });
    },
    openAccount(token, balance) {
      if (writer.write(() => sql.openAccount.run(token, balance)).changes === 1) remember({ token, balance });
    },
    debit(token, amount) {
      const account = accountCache.get(token);
      if (!account || account.balance === null) return true;
      const { balance } = account;
      if (writer.write(() => sql.debit.run(amount, token, amount)).changes !== 1) return false;
      remember({ token, balance: balance - amount });
      return true;
    },
    refund(token, amount) {
      writer.write(() => sql.refund.run(amount, token));
      accountCache.delete(token);
    },

    user: userCache.get,
    userByEmail(email) {
      const row = sql.userByEmail.get(email);
      return row && toUser(row);
    },
    subUsers: (parent) => sql.subUsers.all(parent).map(toUser),
    addUser(user) {
      writer.write(() => sql.addUser.run({ ...user, active: user.active ? 1 : 0 }));
      userCache.delete(user.token);
    },
    deactivateUser(token) {
      writer.write(() => sql.deactivateUser.run(token));
      userCache.delete(token);
    },

    recordCall(call) {
      writer.write(() =>
        sql.recordCall.run(
          call.token,
          call.service,
          call.success ? 1 : 0,
          call.credits,
          call.durationMs,
          call.at,
        ),
      );
    },
    calls: (tokens, from, to) =>
      sql.calls.all({ tokens: tokens && JSON.stringify(tokens), from, to }).map(toCall),
  };
  return { methods, clear };
}
