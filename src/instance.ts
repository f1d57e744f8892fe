import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { Config } from './config/config.ts';
import { createAuthenticator } from './core/auth.ts';
import { VirtualClock } from './core/clock.ts';
import { createFixtureIndex } from './core/fixtures.ts';
import { createService, type MassiveService } from './core/service.ts';
import type { Store } from './core/store.ts';
import { buildApp } from './http/app.ts';
import { loadApiDocument } from './http/openapi-document.ts';
import { BUNDLED_FIXTURES_DIR, readFixtureDir } from './store/fixture-files.ts';
import { openSqliteStore } from './store/sqlite-store.ts';

/** One emulator: its store, clock, service and HTTP app, wired from one config. */
export interface Instance {
  config: Config;
  app: FastifyInstance;
  store: Store;
  clock: VirtualClock;
  service: MassiveService;
  /** Stops the app (answering requests in flight) and closes the database. */
  close(): Promise<void>;
}

export async function createInstance(
  config: Config,
  logger: FastifyServerOptions['logger'],
): Promise<Instance> {
  // The user's fixtures come first: on equal specificity the first loaded wins.
  const fixtures = createFixtureIndex([
    ...(config.fixtures ? readFixtureDir(config.fixtures) : []),
    ...readFixtureDir(BUNDLED_FIXTURES_DIR),
  ]);
  const store = openSqliteStore(config.database);
  for (const [token, balance] of Object.entries(config.credits)) store.openAccount(token, balance);
  const clock = new VirtualClock();
  const service = createService({
    store,
    clock,
    seed: config.seed,
    fixtures,
    creditCost: config.creditCost,
    jobs: { minMs: config.jobMinMs, maxMs: config.jobMaxMs, failureRate: config.jobFailureRate },
  });
  let app: FastifyInstance;
  try {
    app = await buildApp({
      document: loadApiDocument(),
      service,
      authenticate: createAuthenticator(config.tokens),
      logger,
    });
  } catch (error) {
    store.close();
    throw error;
  }
  app.addHook('onClose', () => store.close());
  return { config, app, store, clock, service, close: () => app.close() };
}
