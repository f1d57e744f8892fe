import { type Config, resolveConfig } from './config/config.ts';
import type { Bundle } from './core/massive/bundle.ts';
import type { Control } from './core/massive/control-plane.ts';
import { createInstance } from './instance.ts';

// The public API, grouped. Store records (rows as SQLite keeps them) are not part of it: the
// control plane hands out views of them (JobView, BatchView, DeliveryView, Account).

/* Start */
export type { Config } from './config/config.ts';

/* The control plane: faults, clock, journal, verification, canned answers, bundles */
export type { Control, JobView } from './core/massive/control-plane.ts';
export type {
  FaultEffect,
  FaultMatch,
  FaultPolicy,
  FaultRule,
  FaultRuleInput,
  StreamFault,
} from './core/control/faults.ts';
export type { VirtualClock } from './core/kernel/clock.ts';
export type { CallbackAttemptEntry, Decisions, JournalEntry, JournalFilter } from './core/control/journal.ts';
export type { CountExpectation, NearMiss, RequestMatch, Verification } from './core/control/verify.ts';
export type { RuntimeFixture, RuntimeFixtureInput } from './core/massive/fixture-registry.ts';
export type { Bundle } from './core/massive/bundle.ts';
export type { BatchStatus, BatchView } from './core/massive/async/batches.ts';
export type { DeliveryView } from './core/massive/async/callback-scheduler.ts';
export type { Account } from './core/massive/store.ts';

/* Errors: an emulated API's answer (ApiError), or a misuse of the emulator's own features (a
   MockError, matched on its stable `code`: MOCK_ERR_FAULT_RULE, MOCK_ERR_FIXTURE, ...) */
export { ApiError } from './core/massive/errors.ts';
export { FaultRuleError } from './core/control/errors.ts';
export { FixtureError } from './core/kernel/errors.ts';
export { VerificationError } from './core/control/verify.ts';
export type { MockError } from './core/kernel/errors.ts';

/* Domain types of the Massive AI service */
export type { Completion, Conversation, Model } from './core/massive/conversation.ts';
export type { Ad, Answer, Source } from './core/massive/generate/types.ts';
export type { Format, Mode } from './core/massive/params/request.ts';

export interface StartOptions extends Partial<Config> {
  /** Fastify logger options; silent by default in a test suite. */
  logger?: boolean | { level: string };
}

/** A running emulator, for test suites. Every member but `url` and `close` drives its control plane. */
export interface MassiveMock extends Omit<Control, 'reset'> {
  /** Base URL, e.g. http://127.0.0.1:49152 (no trailing slash). */
  url: string;
  /** Empties the store, sets the clock back to real time, clears the journal and the added rules. */
  reset(): void;
  /** The state in one file, as GET /__admin/bundle gives it: `--bundle` starts an instance in it. */
  bundle(): Bundle;
  /**
   * A session's own control plane: requests with `X-Mock-Session: <name>` are answered by an
   * emulator of their own (faults, clock, balances, cache, jobs, fixtures, journal, coverage).
   */
  session(name: string): Promise<MassiveMockSession>;
  /** Stops the server and closes its store. */
  close(): Promise<void>;
}

/** One session of a running emulator: its control plane, and `close()` to end it now. */
export interface MassiveMockSession extends Omit<MassiveMock, 'url' | 'session'> {
  name: string;
}

/**
 * Starts an emulator in-process on a free loopback port, with its own `:memory:` store, clock and
 * seed unless told otherwise: instances never share state.
 */
export async function startMassiveMock(options: StartOptions = {}): Promise<MassiveMock> {
  const { logger = false, ...overrides } = options;
  const config = resolveConfig({ database: ':memory:', port: 0, ...overrides });
  const instance = await createInstance(config, logger);
  const address = await instance.app.listen({ host: config.host, port: config.port });
  return {
    ...instance.control,
    url: address.replace(/\/$/, ''),
    bundle: instance.bundle,
    session: async (name) => {
      const session = await instance.session(name);
      return {
        ...session.control,
        name,
        bundle: session.bundle,
        close: async () => void (await instance.closeSession(name)),
      };
    },
    close: () => instance.close(),
  };
}
