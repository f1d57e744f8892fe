import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { Config } from './config/config.ts';
import { type Authenticator, createAuthenticator } from './core/massive/accounts/auth.ts';
import { createBatches } from './core/massive/async/batches.ts';
import { createHostPolicy } from './core/massive/async/callback-hosts.ts';
import { type CallbackScheduler, createCallbackScheduler } from './core/massive/async/callback-scheduler.ts';
import { VirtualClock } from './core/kernel/clock.ts';
import { once } from './core/kernel/once.ts';
import { type Control, createControl } from './core/massive/control-plane.ts';
import { createFaults } from './core/control/faults.ts';
import { applyBundle, type Bundle } from './core/massive/bundle.ts';
import { createFixtureRegistry, type FixtureRegistry } from './core/massive/fixture-registry.ts';
import { createJournal } from './core/control/journal.ts';
import { createService, type MassiveService } from './core/massive/service.ts';
import type { Store } from './core/massive/store.ts';
import { createWebService } from './core/massive/web/service.ts';
import { fixtureFeatures, withBundle } from './harness.ts';
import { trackApiCoverage } from './http/massive/api-coverage.ts';
import { buildApp } from './http/app.ts';
import { answerWorkers } from './http/massive/answer-workers.ts';
import { createCallbackSender } from './http/massive/callback-sender.ts';
import { findRevision, REVISIONS, type Revision } from './core/massive/revisions/index.ts';
import { createUsers } from './core/massive/accounts/users.ts';
import { documentedStatuses } from './http/documented-errors.ts';
import { loadApiDocument, readDocument } from './http/openapi-document.ts';
import { loadRouterDocument } from './http/router/document.ts';
import { createCatalogue } from './core/router/catalogue.ts';
import type { Completer, createCompleter } from './core/router/completer.ts';
import { createCompletionFixtures } from './core/router/fixtures.ts';
import { createRateLimiter } from './core/router/rate-limit.ts';
import { BUNDLED_FIXTURES_DIR, readFixtureDir, readRouterFixtureDir } from './store/fixture-files.ts';
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
  fixtures: FixtureRegistry;
  /** The state in one file (GET /__admin/bundle), for `--bundle` to start from. */
  bundle(): Bundle;
  /** The emulator of a session (`X-Mock-Session`), opened if need be. */
  session(name: string): Promise<Instance>;
  /** Closes a session now; false if none is open by that name. */
  closeSession(name: string): Promise<boolean>;
  /** Stops the app (answering requests in flight) and closes the database. */
  close(): Promise<void>;
}

/** What a config makes before any store is open: canned answers, documents, clock and control plane. */
function groundOf(config: Config) {
  // The user's fixtures come first, then the bundled examples.
  const skipped: string[] = [];
  const fixtures = createFixtureRegistry(
    config.fixtures ? readFixtureDir(config.fixtures, (warning) => skipped.push(warning)) : [],
    readFixtureDir(BUNDLED_FIXTURES_DIR),
  );
  const revision = findRevision(config.revision) as Revision;
  // The router's and the admin API's documents are read on their first use: the first answer of
  // a start needs neither.
  const routerDocument = once(loadRouterDocument);
  // Every revision's document, parsed only for the statuses a fault rule may give: on the first rule.
  let statuses: Record<string, number[]> | undefined;
  const adminDocument = once(() => readDocument('admin.yaml'));
  const clock = new VirtualClock();
  const faults = createFaults({
    clock,
    seed: config.seed,
    statuses: () => (statuses ??= documentedStatuses([...REVISIONS.map(loadApiDocument), routerDocument()])),
    schemas: () => adminDocument().components.schemas ?? {},
  });
  const journal = createJournal(config.journalSize);
  const coverage = trackApiCoverage({ journal, faults, revision: revision.id });
  const rateLimiter = createRateLimiter({ clock, perMinute: config.routerRateLimit });
  return {
    skipped,
    fixtures,
    revision,
    routerDocument,
    adminDocument,
    clock,
    faults,
    journal,
    coverage,
    rateLimiter,
  };
}

type Ground = ReturnType<typeof groundOf>;

/** The Massive services over one store: AI, Search and Browser, batches and their callbacks. */
function servicesOf(config: Config, { clock, fixtures, journal }: Ground, store: Store) {
  const jobs = { minMs: config.jobMinMs, maxMs: config.jobMaxMs, failureRate: config.jobFailureRate };
  const service = createService({
    store,
    clock,
    seed: config.seed,
    fixtures,
    sourceDomains: config.sourceDomains,
    jobs,
    latency: { profile: config.latency, timeScale: config.timeScale },
  });
  const web = createWebService({ store, clock, seed: config.seed, service, jobs });
  // Batches owe callbacks, and callbacks read batches: each reaches the other once both exist.
  const batches = createBatches({
    store,
    clock,
    seed: config.seed,
    service,
    callbacks: (): CallbackScheduler => callbacks,
  });
  const callbacks = createCallbackScheduler({
    store,
    clock,
    seed: config.seed,
    journal,
    subject: batches.subject,
    sender: createCallbackSender({
      policy: createHostPolicy(config.callbackHosts ?? undefined),
      userAgent: `massive-mock/${VERSION}`,
    }),
  });
  return { service, web, batches, callbacks };
}

/**
 * The router's completer, its modules (completion, chat, prose, JSON from a schema) loaded on the
 * first completion asked for: a run that never calls the router does not load them at start.
 */
function lazyCompleter(options: Parameters<typeof createCompleter>[0]): Completer {
  let made: Promise<Completer> | undefined;
  const completer = () =>
    (made ??= import('./core/router/completer.ts').then((module) => module.createCompleter(options)));
  return {
    complete: async (...call) => (await completer()).complete(...call),
    chat: async (...call) => (await completer()).chat(...call),
  };
}

/** The router API's options: its document, models, canned completions and rate limit. */
function routerOptionsOf(config: Config, ground: Ground, authenticate: Authenticator) {
  const { clock, faults, journal, rateLimiter, skipped } = ground;
  const catalogue = createCatalogue(config.routerModels ?? undefined);
  return {
    document: ground.routerDocument,
    authenticate,
    clock,
    faults,
    journal,
    seed: config.seed,
    latency: { profile: config.latency, timeScale: config.timeScale },
    catalogue,
    completer: lazyCompleter({
      seed: config.seed,
      catalogue,
      fixtures: createCompletionFixtures([
        ...(config.fixtures ? readRouterFixtureDir(config.fixtures, (warning) => skipped.push(warning)) : []),
        ...readRouterFixtureDir(BUNDLED_FIXTURES_DIR),
      ]),
    }),
    rateLimiter,
    journalEntryBytes: config.journalEntryBytes,
  };
}

/** The Massive API's options that come from the config, the ground and the services. */
function apiOptionsOf(config: Config, ground: Ground, services: ReturnType<typeof servicesOf>) {
  const { clock, faults, journal, revision, fixtures } = ground;
  return {
    ...services,
    clock,
    faults,
    journal,
    seed: config.seed,
    revision,
    creditCost: config.creditCost,
    journalEntryBytes: config.journalEntryBytes,
    latency: { profile: config.latency, timeScale: config.timeScale },
    fixtures,
    answerWorkers: answerWorkers(config.answerThreads),
  };
}

/** The control plane over the services: what the admin and library APIs drive, and what a reset puts back. */
function controlOf(
  config: Config,
  ground: Ground,
  services: ReturnType<typeof servicesOf> & { store: Store },
  resets: readonly (() => void)[],
) {
  const { fixtures, coverage, clock, faults, journal, revision } = ground;
  return createControl({
    fixtures,
    coverage,
    clock,
    faults,
    journal,
    ...services,
    completionCost: config.creditCost ?? revision.aiCredits,
    balances: config.credits,
    rules: config.faults,
    resets: [...resets, () => ground.rateLimiter.reset()],
  });
}

export async function createInstance(
  given: Config,
  logger: FastifyServerOptions['logger'],
): Promise<Instance> {
  const { config, bundle, warnings } = withBundle(given);
  const ground = groundOf(config);
  const { fixtures, clock, faults, journal, coverage } = ground;
  const store = openSqliteStore(config.database, {
    clock,
    retention: { maxBytes: config.storeMaxMb * 2 ** 20, jobRetentionMs: config.jobRetentionMs },
    groupCommit: true,
  });
  try {
    const services = servicesOf(config, ground, store);
    const { service, callbacks } = services;
    const features = fixtureFeatures({
      config,
      version: VERSION,
      logger,
      store,
      clock,
      faults,
      journal,
      fixtures,
      coverage,
      createSession: createInstance,
    });
    const control = controlOf(config, ground, { ...services, store }, [features.onReset]);
    if (bundle) applyBundle(bundle, control);
    const users = createUsers({ store, emails: config.emails, fingerprinted: Boolean(bundle) });
    const authenticate = createAuthenticator(config.tokens, users);
    const upstream = features.upstream && { upstream: features.upstream };
    const app = await buildApp({
      logger,
      ...(features.dispatch && { dispatch: features.dispatch }),
      api: { ...apiOptionsOf(config, ground, services), users, store, authenticate, ...upstream },
      router: routerOptionsOf(config, ground, authenticate),
      admin: {
        document: ground.adminDocument,
        control,
        store,
        adminToken: config.adminToken,
        version: VERSION,
        ...features.admin,
      },
    });
    features.attach(app);
    app.addHook('onClose', async () => {
      await callbacks.close();
      clock.clearTimers();
      store.close();
    });
    for (const warning of [...warnings, ...ground.skipped]) app.log.warn(warning);
    // Deliveries still owed when the last run stopped are due again (at once when overdue).
    callbacks.start();
    return {
      config,
      app,
      store,
      service,
      control,
      fixtures,
      bundle: features.bundle,
      session: features.session,
      closeSession: features.closeSession,
      close: () => app.close(),
    };
  } catch (error) {
    store.close();
    throw error;
  }
}
