/**
 * What makes an instance a test fixture beyond the emulator: the fixture folder reloaded, record
 * and replay, sessions, repro bundles and the coverage report, wired from its configuration here
 * so that instance.ts only plugs them in.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyServerOptions } from 'fastify';
import { type Config, resolveConfig } from './config/config.ts';
import { type Bundle, bundleSettings, makeBundle } from './core/massive/bundle.ts';
import type { VirtualClock } from './core/kernel/clock.ts';
import type { Coverage } from './core/control/coverage.ts';
import { isAdminToken } from './core/kernel/bearer.ts';
import { createAuthenticator } from './core/massive/accounts/auth.ts';
import type { ApiError } from './core/massive/errors.ts';
import type { Faults } from './core/control/faults.ts';
import type { FixtureRegistry } from './core/massive/fixture-registry.ts';
import type { Journal } from './core/control/journal.ts';
import { createRecordingIndex } from './core/control/recording.ts';
import type { Store } from './core/massive/store.ts';
import { writeCoverageReport } from './http/massive/api-coverage.ts';
import { createSessions, type SessionInstance } from './http/admin/sessions.ts';
import { createUpstream } from './http/massive/upstream.ts';
import { readBundleFile } from './store/bundle-file.ts';
import { watchFixtureDir } from './store/fixture-watch.ts';
import { readRecordingDir, writeRecording } from './store/recording-files.ts';

/** Sessions open at once: each is a whole emulator in memory. */
const MAX_SESSIONS = 100;

/** The configuration with a `--bundle`'s settings over it; its fixture folder only if it is here too. */
export function withBundle(given: Config): { config: Config; bundle?: Bundle; warnings: string[] } {
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

/**
 * Why a request may not open a session: the admin API wants the admin token when one is set, the
 * API a token it accepts (the configured ones, or any); the answer is the one the service gives.
 */
function sessionRefusal(config: Config) {
  const authenticate = createAuthenticator(config.tokens);
  return (request: IncomingMessage) => {
    const header = request.headers.authorization;
    if ((request.url ?? '').startsWith('/__admin')) {
      if (config.adminToken === null || isAdminToken(config.adminToken, header)) return undefined;
      return { status: 401, text: 'The admin API requires the admin token as a bearer token' };
    }
    try {
      authenticate(header);
      return undefined;
    } catch (error) {
      const { status, message } = error as ApiError;
      return { status, text: message };
    }
  };
}

export interface FixtureFeatureOptions<T extends SessionInstance> {
  config: Config;
  version: string;
  logger: FastifyServerOptions['logger'];
  store: Store;
  clock: VirtualClock;
  faults: Faults;
  journal: Journal;
  fixtures: FixtureRegistry;
  coverage: Coverage;
  /** Builds the emulator of a session from its configuration. */
  createSession: (config: Config, logger: FastifyServerOptions['logger']) => Promise<T>;
}

/** Where the features log: the app's logger, once `attach` gave it (they log only once requests come). */
interface LogBox {
  log?: FastifyBaseLogger;
}

/** Record and replay in front of the API, when an upstream or a recording folder is set. */
function upstreamOf(config: Config, options: FixtureFeatureOptions<SessionInstance>, box: LogBox) {
  const record = config.record;
  const recordings = createRecordingIndex(record === null ? [] : readRecordingDir(record));
  const upstream =
    config.upstream === null && record === null
      ? undefined
      : createUpstream({
          url: config.upstream,
          recordDir: record,
          replayOnly: config.replayOnly,
          recordFailures: config.recordFailures,
          timeoutMs: config.upstreamTimeoutMs,
          faults: options.faults,
          recordings,
          save: (recording) => (record === null ? '' : writeRecording(record, recording)),
          ownFixture: (conversation) => options.fixtures.findOwn(conversation),
          warn: (message, details) => box.log?.warn(details ?? {}, message),
        });
  return { recordings, upstream };
}

/** Sessions: each a whole emulator of its own, in memory, that has no sessions itself. */
function sessionsOf<T extends SessionInstance>(options: FixtureFeatureOptions<T>, box: LogBox) {
  const { config, logger } = options;
  if (config.sessionIdleMs === 0) return undefined;
  return createSessions({
    create: (name) =>
      options.createSession(
        {
          ...config,
          database: ':memory:',
          bundle: null,
          coverageReport: null,
          sessionIdleMs: 0,
          // A session records and replays in a folder of its own: never over another's files.
          record: config.record === null ? null : join(config.record, 'sessions', name),
        },
        // One pretty-printing worker is enough: sessions log plain JSON at the same level.
        typeof logger === 'object' && logger !== null ? { level: logger.level ?? 'info' } : logger,
      ),
    idleMs: config.sessionIdleMs,
    max: MAX_SESSIONS,
    refusal: sessionRefusal(config),
    log: (message, details) => box.log?.info(details, message),
  });
}

/** Watches the fixture folder; on close, ends the sessions and writes the coverage report. */
function attachTo(
  app: FastifyInstance,
  options: FixtureFeatureOptions<SessionInstance>,
  sessions: { closeAll(): Promise<void> } | undefined,
): void {
  const { config, fixtures } = options;
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
    if (config.coverageReport === null) return;
    try {
      writeCoverageReport(options.coverage, config.coverageReport);
    } catch (error) {
      app.log.error({ err: error }, `could not write the coverage report ${config.coverageReport}`);
    }
  });
}

export function fixtureFeatures<T extends SessionInstance>(options: FixtureFeatureOptions<T>) {
  const { config } = options;
  const box: LogBox = {};
  const { recordings, upstream } = upstreamOf(config, options, box);
  const sessions = sessionsOf(options, box);
  const bundle = (): Bundle =>
    makeBundle({
      version: options.version,
      config: config as unknown as Record<string, unknown>,
      faults: options.faults.list(),
      clock: options.clock,
      accounts: options.store.accounts(),
      fixtures: options.fixtures.list(),
      journal: options.journal.list(),
    });

  return {
    /** For the control plane: a reset replays recordings from their first answers again. */
    onReset: recordings.rewind,
    /** For the API routes. */
    ...(upstream && { upstream }),
    /** For the app: requests naming a session go to its app. */
    ...(sessions && { dispatch: sessions.dispatch }),
    /** For the admin API. */
    admin: {
      bundle,
      sessions: {
        names: () => sessions?.names() ?? [],
        close: (name: string) => sessions?.close(name) ?? Promise.resolve(false),
      },
    },
    bundle,
    session(name: string): Promise<T> {
      if (!sessions) return Promise.reject(new Error('sessions are off (sessionIdleMs is 0)'));
      return sessions.open(name);
    },
    closeSession: (name: string) => sessions?.close(name) ?? Promise.resolve(false),
    /** Starts watching the fixture folder; on close, ends the sessions and writes the coverage report. */
    attach(app: FastifyInstance): void {
      box.log = app.log;
      attachTo(app, options, sessions);
    },
  };
}
