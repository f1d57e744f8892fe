import { existsSync, readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { type Config, resolveConfig } from './config/config.ts';
import { applyBundle, type Bundle, bundleSettings, makeBundle } from './core/bundle.ts';
import { createAuthenticator } from './core/auth.ts';
import { VirtualClock } from './core/clock.ts';
import { type Control, createControl } from './core/control.ts';
import { createFaults } from './core/faults.ts';
import { createFixtureRegistry, type FixtureRegistry } from './core/fixture-registry.ts';
import { createJournal } from './core/journal.ts';
import { createService, type MassiveService } from './core/service.ts';
import type { Store } from './core/store.ts';
import { trackApiCoverage, writeCoverageReport } from './http/api-coverage.ts';
import { buildApp } from './http/app.ts';
import { createSessions } from './http/sessions.ts';
import { createUpstream } from './http/upstream.ts';
import { createRecordingIndex } from './core/recording.ts';
import { readRecordingDir, writeRecording } from './store/recording-files.ts';
import { findRevision, REVISIONS, type Revision } from './core/revisions/index.ts';
import { createUsers } from './core/users.ts';
import { documentedStatuses } from './http/documented-errors.ts';
import { loadApiDocument, readDocument } from './http/openapi-document.ts';
import { readBundleFile } from './store/bundle-file.ts';
import { BUNDLED_FIXTURES_DIR, readFixtureDir } from './store/fixture-files.ts';
import { watchFixtureDir } from './store/fixture-watch.ts';
import { openSqliteStore } from './store/sqlite-store.ts';

/** Sessions open at once: each is a whole emulator in memory. */
const MAX_SESSIONS = 100;

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

/** The configuration with a `--bundle`'s settings over it; its fixture folder only if it is here too. */
function withBundle(given: Config): { config: Config; bundle?: Bundle; warnings: string[] } {
  if (given.bundle === null) return { config: given, warnings: [] };
  const bundle = readBundleFile(given.bundle);
  const settings = bundleSettings(bundle);
  const warnings: string[] = [];
  if (typeof settings.fixtures === 'string' && !existsSync(settings.fixtures)) {
    warnings.push(`the bundle's fixture folder ${settings.fixtures} is not here: started without it`);
    settings.fixtures = null;
  }
  if (bundle.redacted.length)
    warnings.push(`the bundle redacted ${bundle.redacted.join(', ')}: started without them`);
  return { config: resolveConfig(settings as Partial<Config>, given), bundle, warnings };
}

export async function createInstance(
  given: Config,
  logger: FastifyServerOptions['logger'],
): Promise<Instance> {
  const { config, bundle, warnings } = withBundle(given);
  // The user's fixtures come first, before the bundled examples.
  const bundled = readFixtureDir(BUNDLED_FIXTURES_DIR);
  const fixtures = createFixtureRegistry(config.fixtures ? readFixtureDir(config.fixtures) : [], bundled);
  const revision = findRevision(config.revision) as Revision;
  const statuses = documentedStatuses(REVISIONS.map(loadApiDocument));
  const clock = new VirtualClock();
  const faults = createFaults({ clock, seed: config.seed, statuses });
  const journal = createJournal(config.journalSize);
  const coverage = trackApiCoverage({ journal, faults, revision: revision.id });
  const store = openSqliteStore(config.database);
  try {
    const service = createService({
      store,
      clock,
      seed: config.seed,
      fixtures,
      jobs: { minMs: config.jobMinMs, maxMs: config.jobMaxMs, failureRate: config.jobFailureRate },
    });
    const record = config.record;
    const recordings = createRecordingIndex(record === null ? [] : readRecordingDir(record));
    const control = createControl({
      onReset: recordings.rewind,
      store,
      clock,
      faults,
      journal,
      service,
      fixtures,
      coverage,
      completionCost: config.creditCost ?? revision.aiCredits,
      balances: config.credits,
      rules: config.faults,
    });
    if (bundle) applyBundle(bundle, control);
    const snapshot = () =>
      makeBundle({
        version: VERSION,
        config: config as unknown as Record<string, unknown>,
        faults: faults.list(),
        clock,
        accounts: store.accounts(),
        fixtures: fixtures.list(),
        journal: journal.list(),
      });
    const upstream =
      config.upstream === null && record === null
        ? undefined
        : createUpstream({
            url: config.upstream,
            recordDir: record,
            replayOnly: config.replayOnly,
            recordFailures: config.recordFailures,
            timeoutMs: config.upstreamTimeoutMs,
            faults,
            recordings,
            save: (recording) => (record === null ? '' : writeRecording(record, recording)),
            ownFixture: (conversation) => fixtures.findOwn(conversation),
            warn: (message, details) => app.log.warn(details ?? {}, message),
          });
    // A session is a whole emulator of its own, in memory, that has no sessions itself.
    const sessions =
      config.sessionIdleMs === 0
        ? undefined
        : createSessions({
            create: () =>
              createInstance(
                { ...config, database: ':memory:', bundle: null, coverageReport: null, sessionIdleMs: 0 },
                // One pretty-printing worker is enough: sessions log plain JSON at the same level.
                typeof logger === 'object' && logger !== null ? { level: logger.level ?? 'info' } : logger,
              ),
            idleMs: config.sessionIdleMs,
            max: MAX_SESSIONS,
            log: (message, details) => app.log.info(details, message),
          });
    const users = createUsers({ store, seed: config.seed, emails: config.emails });
    const app = await buildApp({
      logger,
      ...(sessions && { dispatch: sessions.dispatch }),
      api: {
        service,
        users,
        store,
        authenticate: createAuthenticator(config.tokens, users),
        clock,
        faults,
        journal,
        journalEntryBytes: config.journalEntryBytes,
        seed: config.seed,
        revision,
        creditCost: config.creditCost,
        latency: { profile: config.latency, timeScale: config.timeScale },
        ...(upstream && { upstream }),
      },
      admin: {
        bundle: () => snapshot(),
        sessions: {
          names: () => sessions?.names() ?? [],
          close: (name) => sessions?.close(name) ?? Promise.resolve(false),
        },
        document: readDocument('admin.yaml'),
        control,
        store,
        adminToken: config.adminToken,
        version: VERSION,
      },
    });
    const watcher =
      config.fixtures === null
        ? undefined
        : watchFixtureDir({
            dir: config.fixtures,
            reload: (files) => {
              fixtures.replaceFiles(files);
              app.log.info({ fixtures: files.length, dir: config.fixtures }, 'fixtures reloaded');
            },
            warn: (message) => app.log.warn(message),
          });
    app.addHook('onClose', async () => {
      await sessions?.closeAll();
      watcher?.close();
      if (config.coverageReport !== null) {
        try {
          writeCoverageReport(coverage, config.coverageReport);
        } catch (error) {
          app.log.error({ err: error }, `could not write the coverage report ${config.coverageReport}`);
        }
      }
      clock.clearTimers();
      store.close();
    });
    for (const warning of warnings) app.log.warn(warning);
    return {
      config,
      app,
      store,
      service,
      control,
      fixtures,
      bundle: snapshot,
      session: (name) => {
        if (!sessions) return Promise.reject(new Error('sessions are off (sessionIdleMs is 0)'));
        return sessions.open(name);
      },
      closeSession: (name) => sessions?.close(name) ?? Promise.resolve(false),
      close: () => app.close(),
    };
  } catch (error) {
    store.close();
    throw error;
  }
}
