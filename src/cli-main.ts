import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { EventEmitter } from 'node:events';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from './config/config.ts';
import { MockError, mockErrorClass } from './core/kernel/errors.ts';
import { SETTINGS } from './config/settings.ts';
import { startupLine } from './http/home.ts';
import { batchedLines } from './http/request-log.ts';
import { createInstance, VERSION } from './instance.ts';

function helpText(): string {
  const rows = SETTINGS.map((setting) => {
    const fallback = setting.default === null ? 'none' : JSON.stringify(setting.default);
    return `  --${setting.flag}${setting.type === 'boolean' ? '' : ' <value>'}\n      ${setting.help}\n      env ${setting.env}, config key "${setting.key}", default ${fallback}`;
  });
  return [
    `massive-mock ${VERSION}: a local emulator of the Massive AI API`,
    '',
    'Usage: massive-mock [options]',
    '',
    'Every setting is a flag, an environment variable and a config-file key (JSON or YAML);',
    'flags win over the environment, which wins over the config file.',
    '',
    'README.md tells more: "Quick start", "Examples", "Control"; docs/ has a page per topic',
    '(docs/configuration.md, docs/control.md, docs/ci-docker.md, docs/test-library.md).',
    '',
    '  -c, --config <file>\n      Config file (.json, .yaml or .yml); env MASSIVE_MOCK_CONFIG',
    ...rows,
    '  -h, --help       Show this help.',
    '  -v, --version    Show the version.',
    '',
  ].join('\n');
}

/** The listening failures a user causes (the port is taken, or needs privileges): one line each. */
const ListenError = mockErrorClass('ListenError', 'MOCK_ERR_LISTEN', 500);

function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return new ListenError(
      `port ${port} on ${host} is in use; stop what holds it, or pick another with --port (0 picks a free one)`,
    );
  if (code === 'EACCES')
    return new ListenError(
      `port ${port} on ${host} needs privileges this user lacks; pick one above 1023 with --port`,
    );
  if (code === 'EADDRNOTAVAIL')
    return new ListenError(`${host} is not an address of this machine; use --host 127.0.0.1 or 0.0.0.0`);
  return error;
}

/** A URL a client on this machine can call: an any-address host (0.0.0.0, ::) is reached on loopback. */
function reachableUrl(host: string, port: number): string {
  const name = host === '0.0.0.0' || host === '' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${name.includes(':') ? `[${name}]` : name}:${port}`;
}

/**
 * Pino runs a transport (pino-pretty) in a worker, started from a file of its own or of
 * thread-stream's, which it finds beside its code: in the bundle (scripts/bundle.ts) that is
 * dist/, so it is told where the installed packages keep them, by the global pino reads for this.
 */
function workersFromPackages(): void {
  const pino = createRequire(import.meta.url).resolve('pino');
  const fromPino = createRequire(pino);
  Object.assign(globalThis, {
    __bundlerPathsOverrides: {
      'pino-worker': fromPino.resolve('./lib/worker.js'),
      'thread-stream-worker': fromPino.resolve('thread-stream/lib/worker.js'),
    },
  });
}

/**
 * Says (as the process event `massive-mock:answered`) when the first GET /ai (of any revision:
 * `/revisions/<id>/ai` too) has been answered: the bin then takes the bundle's code cache
 * (bin/massive-mock.js), which by then holds every function a start and its first answer
 * compile. The listener goes with that answer.
 */
function announceFirstAnswer(server: Server): void {
  let answered = false;
  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    const url = request.url ?? '';
    const mark = url.indexOf('?');
    if (request.method !== 'GET' || !(mark === -1 ? url : url.slice(0, mark)).endsWith('/ai')) return;
    response.once('finish', () => {
      if (answered || response.statusCode !== 200) return;
      answered = true;
      server.off('request', onRequest);
      // The answer's bytes have gone. Said now, not at the next turn: a stop asked for at once
      // (SIGTERM as the answer arrives) could end the process first, and with it the cache.
      (process as EventEmitter).emit('massive-mock:answered');
    });
  };
  server.on('request', onRequest);
}

async function main(): Promise<void> {
  const { config, help, version } = loadConfig({ argv: process.argv.slice(2), env: process.env });
  if (help) return void process.stdout.write(helpText());
  if (version) return void process.stdout.write(`${VERSION}\n`);
  const pretty = config.logFormat === 'pretty' || (config.logFormat === 'auto' && process.stdout.isTTY);
  if (pretty) workersFromPackages();
  const instance = await createInstance(config, {
    level: config.logLevel,
    ...(pretty && {
      transport: {
        target: 'pino-pretty',
        // The message is the whole line (`GET /ai 200 12ms cache=miss`): its fields need not follow.
        options: {
          translateTime: 'HH:MM:ss',
          ignore:
            'pid,hostname,reqId,method,path,status,ms,cache,fault,fixture,replayed,callback,delivery,attempt,outcome',
          singleLine: true,
        },
      },
    }),
    ...(!pretty && { stream: batchedLines() }),
  });
  // Registered before it listens: a signal sent as soon as it says where it listens finds them.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    instance.app.log.info({ signal }, 'stopping: answering requests in flight, then closing the database');
    // A client that stops reading would hold the close forever: past the grace period, cut it off.
    setTimeout(() => {
      instance.app.log.warn('requests still in flight after 10 s: closing their connections');
      instance.app.server.closeAllConnections();
    }, 10_000).unref();
    if (config.urlFile) rmSync(config.urlFile, { force: true });
    instance.close().then(
      () => process.exit(0),
      (error: unknown) => {
        instance.app.log.error({ err: error }, 'could not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // Fastify's own "Server listening" line would be a second start-up line: the one below says more.
  const level = instance.app.log.level;
  instance.app.log.level = 'warn';
  try {
    await instance.app.listen({ host: config.host, port: config.port });
    instance.app.log.level = level;
  } catch (error) {
    if (stopping) return;
    await instance.close();
    throw listenError(error, config.host, config.port);
  }
  if (stopping) return;
  announceFirstAnswer(instance.app.server);
  const url = reachableUrl(config.host, (instance.app.server.address() as AddressInfo).port);
  // The file first: whoever reads the line may look for it at once.
  if (config.urlFile) writeFileSync(config.urlFile, `${url}\n`);
  process.stdout.write(
    `${startupLine(url, { version: VERSION, seed: config.seed, revision: config.revision, database: config.database })}\n`,
  );
}

main().catch((error: unknown) => {
  const expected = error instanceof MockError;
  process.stderr.write(`massive-mock: ${expected ? (error as Error).message : (error as Error).stack}\n`);
  process.exit(expected ? 2 : 1);
});
