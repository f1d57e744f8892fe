import { type Config, resolveConfig } from './config/config.ts';
import type { Control } from './core/control.ts';
import { createInstance } from './instance.ts';

export type { Config } from './config/config.ts';
export type { VirtualClock } from './core/clock.ts';
export type { Control, JobView } from './core/control.ts';
export { ApiError } from './core/errors.ts';
export type {
  FaultEffect,
  FaultMatch,
  FaultPolicy,
  FaultRule,
  FaultRuleInput,
  StreamFault,
} from './core/faults.ts';
export { FaultRuleError } from './core/faults.ts';
export type { Ad, Answer, Completion, Conversation, Model, Source } from './core/generate/types.ts';
export type { Decisions, JournalEntry, JournalFilter } from './core/journal.ts';
export type { Format, Mode } from './core/params/request.ts';
export type { Account, JobRecord } from './core/store.ts';

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
  /** Stops the server and closes its store. */
  close(): Promise<void>;
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
  return { ...instance.control, url: address.replace(/\/$/, ''), close: () => instance.close() };
}
