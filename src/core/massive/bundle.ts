import { BundleError } from './errors.ts';
import type { VirtualClock } from '../kernel/clock.ts';
import type { FaultRule, FaultRuleInput } from '../control/faults.ts';
import type { RuntimeFixture, RuntimeFixtureInput } from './fixture-registry.ts';
import type { JournalEntry } from '../control/journal.ts';
import { tokenFingerprint } from '../kernel/redact.ts';
import type { Account } from './store.ts';

/** The one-file picture of a running emulator, to take a failing CI run home. */
export interface Bundle {
  kind: 'massive-mock-bundle';
  bundleVersion: 1;
  /** massive-mock's version that wrote it. */
  version: string;
  revision: string;
  seed: number;
  /** The settings that decide answers; secrets redacted (named in `redacted`). */
  config: Record<string, unknown>;
  redacted: string[];
  /** The rules with their counters, so the next call fires as it would have. */
  faults: FaultRule[];
  clock: { now: number; frozen: boolean };
  accounts: Account[];
  fixtures: RuntimeFixture[];
  /** What was asked, oldest first: to read, and to send again. */
  journal: JournalEntry[];
}

/**
 * Settings a bundle carries: those that decide what an answer is. Where the instance listens,
 * its database and its logs are the local machine's business.
 */
export const BUNDLED_SETTINGS = [
  'seed',
  'revision',
  'tokens',
  'credits',
  'emails',
  'creditCost',
  'fixtures',
  'jobMinMs',
  'jobMaxMs',
  'jobFailureRate',
  'adminToken',
  'latency',
  'timeScale',
  'journalSize',
  'journalEntryBytes',
  'faults',
] as const;

/** Secrets among them: the admin token, the accepted tokens (any is accepted then), emails. */
const SECRET_SETTINGS: Readonly<Record<string, unknown>> = { adminToken: null, tokens: null, emails: {} };

export interface BundleSource {
  version: string;
  config: Readonly<Record<string, unknown>>;
  faults: readonly FaultRule[];
  clock: VirtualClock;
  accounts: readonly Account[];
  fixtures: readonly RuntimeFixture[];
  journal: readonly JournalEntry[];
}

/** A token-keyed map (`credits`) with its keys as fingerprints. */
const byFingerprint = (value: unknown) =>
  value !== null && typeof value === 'object'
    ? Object.fromEntries(Object.entries(value).map(([token, item]) => [tokenFingerprint(token), item]))
    : value;

/**
 * The settings a bundle carries, secrets out: the admin token, the accepted tokens and emails
 * dropped, token-keyed balances keyed by fingerprint.
 */
function bundledConfig(given: Readonly<Record<string, unknown>>): {
  config: Record<string, unknown>;
  redacted: string[];
} {
  const config: Record<string, unknown> = {};
  const redacted: string[] = [];
  for (const key of BUNDLED_SETTINGS) {
    const value = given[key];
    const secret = key in SECRET_SETTINGS && value !== null && JSON.stringify(value) !== '{}';
    if (secret) redacted.push(key);
    config[key] = secret ? SECRET_SETTINGS[key] : key === 'credits' ? byFingerprint(value) : value;
  }
  return { config, redacted };
}

/**
 * The bundle of a running emulator. Tokens (the journal's, the accounts', the rules', the
 * balances') are fingerprints: the file is meant to be uploaded as a CI artifact, and in
 * `--upstream` mode they are real service tokens. Rules still match by fingerprint.
 */
export function makeBundle(source: BundleSource): Bundle {
  const { config, redacted } = bundledConfig(source.config);
  return {
    kind: 'massive-mock-bundle',
    bundleVersion: 1,
    version: source.version,
    revision: String(source.config.revision),
    seed: Number(source.config.seed),
    config,
    redacted,
    faults: source.faults.map((rule) => {
      const copy = structuredClone(rule);
      if (copy.match?.token !== undefined) copy.match.token = tokenFingerprint(copy.match.token);
      return copy;
    }),
    clock: { now: source.clock.now(), frozen: source.clock.frozen },
    accounts: source.accounts.map((account) => ({ ...account, token: tokenFingerprint(account.token) })),
    fixtures: source.fixtures.map((fixture) => structuredClone(fixture)),
    journal: source.journal.map((entry) => ({
      ...entry,
      token: entry.token === null ? null : tokenFingerprint(entry.token),
    })),
  };
}

/** Checks a parsed bundle file's outline; the parts are checked again as they are applied. */
export function parseBundle(value: unknown, origin: string): Bundle {
  const bundle = value as Partial<Bundle> | null;
  const fail = (rule: string): never => {
    throw new BundleError(`${origin}: ${rule}`);
  };
  if (bundle?.kind !== 'massive-mock-bundle')
    fail('is not a massive-mock bundle (kind must be "massive-mock-bundle")');
  if (bundle?.bundleVersion !== 1)
    fail(`bundleVersion ${String(bundle?.bundleVersion)} is not one this version reads (1)`);
  const b = bundle as Bundle;
  if (b.config === null || typeof b.config !== 'object') fail('config must be an object');
  for (const key of ['faults', 'accounts', 'fixtures', 'journal'] as const)
    if (!Array.isArray(b[key])) fail(`${key} must be an array`);
  if (!Number.isFinite(b.clock?.now) || typeof b.clock?.frozen !== 'boolean')
    fail('clock must be { now: ms, frozen: boolean }');
  return b;
}

/** The settings of a bundle, as overrides of a local configuration. */
export function bundleSettings(bundle: Bundle): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(bundle.config).filter(([key]) => (BUNDLED_SETTINGS as readonly string[]).includes(key)),
  );
}

/** What applying a bundle's state needs: the control plane's doors. */
export interface BundleTarget {
  clock: VirtualClock;
  faults: { add(rule: FaultRuleInput): FaultRule; clear(): void };
  accounts: { set(token: string, balance: number | null): unknown };
  fixtures: { add(fixture: RuntimeFixtureInput): unknown };
}

/** Puts a bundle's rules (with their counters), clock, balances and runtime fixtures in place. */
export function applyBundle(bundle: Bundle, target: BundleTarget): void {
  target.faults.clear();
  for (const rule of bundle.faults) {
    const { createdAt, matched, fired, ...input } = rule;
    // The counters decide `skip` and `times`: carried over, the next call fires as in the run.
    Object.assign(target.faults.add(input), { createdAt, matched, fired });
  }
  for (const account of bundle.accounts) target.accounts.set(account.token, account.balance);
  for (const fixture of [...bundle.fixtures].reverse()) target.fixtures.add(fixture);
  // Frozen first, so the time set is the time kept, to the millisecond.
  if (bundle.clock.frozen) target.clock.freeze();
  target.clock.set(bundle.clock.now);
}
