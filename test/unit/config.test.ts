import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, loadConfig, resolveConfig } from '../../src/config/config.ts';
import { SETTINGS } from '../../src/config/settings.ts';

const dir = mkdtempSync(join(tmpdir(), 'massive-mock-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('configuration', () => {
  it('merges flags over environment over config file over defaults', () => {
    const file = join(dir, 'config.yaml');
    writeFileSync(
      file,
      'port: 9000\nseed: 5\ncredits:\n  alice: 3\ntokens: [alice, bob]\nfaults:\n  - effect: { status: 500 }\n',
    );
    const { config } = loadConfig({
      argv: ['--config', file, '--port', '9100'],
      env: { PORT: '9050', MASSIVE_MOCK_SEED: '7', MASSIVE_MOCK_CREDIT_COST: '5' },
    });
    expect(config).toMatchObject({
      port: 9100,
      seed: 7,
      creditCost: 5,
      credits: { alice: 3 },
      tokens: ['alice', 'bob'],
    });
    expect(config.faults).toEqual([{ effect: { status: 500 } }]);
    expect(config.host).toBe(DEFAULT_CONFIG.host);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads JSON config files and text forms of lists and balances', () => {
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ latency: 'realistic', timeScale: 0.01 }));
    const { config } = loadConfig({
      argv: ['-c', file, '--credits', 'a=1, b=unlimited', '--tokens', 'x,y'],
      env: {},
    });
    expect(config).toMatchObject({
      latency: 'realistic',
      timeScale: 0.01,
      credits: { a: 1, b: null },
      tokens: ['x', 'y'],
    });
  });

  it.each([
    [['--port', '70000'], /port \(--port\) must be at most 65535/],
    [['--seed', '1.5'], /seed \(--seed\) must be a whole number/],
    [['--latency', 'slow'], /latency .* must be one of instant, realistic/],
    [['--credits', 'alice'], /credits .* must be token=credits pairs/],
    [['--credits', 'alice=-1'], /credits\.alice .* must be at least 0/],
    [['--job-failure-rate', '2'], /jobFailureRate .* must be at most 1/],
    [['--faults', '{'], /faults .* must be JSON/],
    [['--job-min-ms', '5000'], /jobMinMs \(5000\) must not be more than jobMaxMs/],
    [['--journal-size', '10001'], /journalSize \(--journal-size\) must be at most 10000/],
    [['--time-scale', '1e6'], /timeScale \(--time-scale\) must be at most 100/],
    [['--credits', 'alice=1e300'], /credits\.alice .* must be at most 9007199254740991/],
    [['--nope', '1'], /Unknown option '--nope'/],
  ])('refuses %j with a message naming the setting', (argv, message) => {
    expect(() => loadConfig({ argv, env: {} })).toThrow(ConfigError);
    expect(() => loadConfig({ argv, env: {} })).toThrow(message);
  });

  it('names the variable a bad environment value came from, and unknown file keys', () => {
    expect(() => loadConfig({ argv: [], env: { PORT: 'eighty' } })).toThrow(/\$PORT/);
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{"prot": 1}');
    expect(() => loadConfig({ argv: ['-c', file], env: {} })).toThrow(/unknown settings: prot/);
    expect(() => loadConfig({ argv: ['-c', join(dir, 'missing.json')], env: {} })).toThrow(/cannot read/);
  });

  it('checks options given in code with the same rules', () => {
    expect(() => resolveConfig({ timeScale: -1 })).toThrow(/timeScale .* at least 0/);
  });
});

describe('the CLI', () => {
  it('--help explains every setting with its flag, variable and config key', () => {
    const help = execFileSync(process.execPath, ['src/cli.ts', '--help'], { encoding: 'utf8' });
    for (const setting of SETTINGS) {
      expect(help).toContain(`--${setting.flag}`);
      expect(help).toContain(setting.env);
      expect(help).toContain(`"${setting.key}"`);
    }
  });

  it('exits 2 with one clear line for a bad setting', () => {
    const run = spawnSync(process.execPath, ['src/cli.ts', '--port', 'abc'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('massive-mock: port (--port) must be a number; got "abc"\n');
  });

  it('exits 2 naming the field of a config-file fault rule the admin schema refuses', () => {
    const file = join(dir, 'bad-rule.json');
    writeFileSync(file, JSON.stringify({ faults: [{ match: { prompt: 5 }, effect: { status: 500 } }] }));
    const run = spawnSync(
      process.execPath,
      ['src/cli.ts', '-c', file, '--port', '0', '--database', ':memory:'],
      {
        encoding: 'utf8',
        timeout: 10_000,
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('massive-mock: faults[0] of the configuration: match.prompt must be a string\n');
  });
});
