import { ConfigError, loadConfig } from './config/config.ts';
import { BundleError } from './core/bundle.ts';
import { SETTINGS } from './config/settings.ts';
import { FaultRuleError } from './core/faults.ts';
import { FixtureError } from './core/fixtures.ts';
import { RecordingError } from './core/recording.ts';
import { createInstance, VERSION } from './instance.ts';
import { StoreError } from './store/sqlite-store.ts';

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
    '  -c, --config <file>\n      Config file (.json, .yaml or .yml); env MASSIVE_MOCK_CONFIG',
    ...rows,
    '  -h, --help       Show this help.',
    '  -v, --version    Show the version.',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const { config, help, version } = loadConfig({ argv: process.argv.slice(2), env: process.env });
  if (help) return void process.stdout.write(helpText());
  if (version) return void process.stdout.write(`${VERSION}\n`);
  const instance = await createInstance(config, {
    level: config.logLevel,
    ...(config.logFormat === 'pretty' && {
      transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' } },
    }),
  });
  await instance.app.listen({ host: config.host, port: config.port });
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
}

main().catch((error: unknown) => {
  const expected = [BundleError, ConfigError, FaultRuleError, FixtureError, RecordingError, StoreError].some(
    (kind) => error instanceof kind,
  );
  process.stderr.write(`massive-mock: ${expected ? (error as Error).message : (error as Error).stack}\n`);
  process.exit(expected ? 2 : 1);
});
