import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { Config } from './config/config.ts';
import { createAuthenticator } from './core/auth.ts';
import { VirtualClock } from './core/clock.ts';
import { type Control, createControl } from './core/control.ts';
import { createFaults } from './core/faults.ts';
import { createFixtureIndex } from './core/fixtures.ts';
import { createJournal } from './core/journal.ts';
import { createService, type MassiveService } from './core/service.ts';
import type { Store } from './core/store.ts';
import { buildApp } from './http/app.ts';
import { documentedErrors } from './http/documented-errors.ts';
import { loadApiDocument, readDocument } from './http/openapi-document.ts';
import { BUNDLED_FIXTURES_DIR, readFixtureDir } from './store/fixture-files.ts';
import { openSqliteStore } from './store/sqlite-store.ts';

export const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** One emulator: its store, clock, service, control plane and HTTP app, wired from one config. */
export interface Instance {
  config: Config;
  app: FastifyInstance;
  store: Store;
  service: MassiveService;
  control: Control;
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
  const document = loadApiDocument();
  const statuses = Object.fromEntries(
    Object.entries(documentedErrors(document)).map(([operation, bodies]) => [operation, [...bodies.keys()]]),
  );
  const clock = new VirtualClock();
  const faults = createFaults({ clock, seed: config.seed, statuses });
  const journal = createJournal(config.journalSize);
  const store = openSqliteStore(config.database, {
    clock,
    retention: { maxBytes: config.storeMaxMb * 2 ** 20, jobRetentionMs: config.jobRetentionMs },
  });
  try {
    const service = createService({
      store,
      clock,
      seed: config.seed,
      fixtures,
      creditCost: config.creditCost,
      jobs: { minMs: config.jobMinMs, maxMs: config.jobMaxMs, failureRate: config.jobFailureRate },
    });
    const control = createControl({
      store,
      clock,
      faults,
      journal,
      service,
      balances: config.credits,
      rules: config.faults,
    });
    const app = await buildApp({
      logger,
      api: {
        document,
        service,
        authenticate: createAuthenticator(config.tokens),
        clock,
        faults,
        journal,
        seed: config.seed,
        latency: { profile: config.latency, timeScale: config.timeScale },
      },
      admin: {
        document: readDocument('admin.yaml'),
        control,
        store,
        adminToken: config.adminToken,
        version: VERSION,
      },
    });
    app.addHook('onClose', () => store.close());
    return { config, app, store, service, control, close: () => app.close() };
  } catch (error) {
    store.close();
    throw error;
  }
}
