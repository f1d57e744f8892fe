import { type Config, resolveConfig } from './config/config.ts';
import { createInstance, type Instance } from './instance.ts';

export type { Config } from './config/config.ts';
export type { Clock } from './core/clock.ts';
export { ApiError } from './core/errors.ts';
export type { Ad, Answer, Completion, Conversation, Model, Source } from './core/generate/types.ts';
export type { Format, Mode } from './core/params/request.ts';
export type { Account, JobRecord } from './core/store.ts';

export interface StartOptions extends Partial<Config> {
  /** Fastify logger options; silent by default in a test suite. */
  logger?: boolean | { level: string };
}

/** A running emulator, for test suites. */
export interface MassiveMock {
  /** Base URL, e.g. http://127.0.0.1:49152 (no trailing slash). */
  url: string;
  /** The instance's own clock: freeze it, advance it a day, set it. */
  clock: Instance['clock'];
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
  return { url: address.replace(/\/$/, ''), clock: instance.clock, close: () => instance.close() };
}
