import { mockErrorClass } from '../core/kernel/errors.ts';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { load as parseYaml } from 'js-yaml';
import { hostEntryProblem } from '../core/massive/async/callback-hosts.ts';
import type { FaultRuleInput } from '../core/control/faults.ts';
import type { DomainStyle } from '../core/massive/generate/index.ts';
import type { LatencyProfile } from '../core/massive/latency.ts';
import { SETTINGS, type Setting } from './settings.ts';

/** The one typed configuration of a massive-mock instance, merged and checked once. */
export interface Config {
  host: string;
  port: number;
  database: string;
  storeMaxMb: number;
  jobRetentionMs: number;
  urlFile: string | null;
  seed: number;
  tokens: string[] | null;
  credits: Record<string, number | null>;
  emails: Record<string, string>;
  creditCost: number | null;
  revision: string;
  fixtures: string | null;
  jobMinMs: number;
  jobMaxMs: number;
  jobFailureRate: number;
  /** Hosts callbacks may call; null: loopback and private ranges. */
  callbackHosts: string[] | null;
  adminToken: string | null;
  latency: LatencyProfile;
  sourceDomains: DomainStyle;
  timeScale: number;
  journalSize: number;
  journalEntryBytes: number;
  answerThreads: number;
  coverageReport: string | null;
  bundle: string | null;
  upstream: string | null;
  record: string | null;
  replayOnly: boolean;
  recordFailures: boolean;
  upstreamTimeoutMs: number;
  sessionIdleMs: number;
  faults: FaultRuleInput[];
  routerModels: string[] | null;
  routerRateLimit: number;
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
  logFormat: 'auto' | 'json' | 'pretty';
}

/** A setting with a bad value: the message names the setting, where it came from and the rule. */
export const ConfigError = mockErrorClass('ConfigError', 'MOCK_ERR_CONFIG', 400);
export type ConfigError = InstanceType<typeof ConfigError>;

export const DEFAULT_CONFIG = Object.freeze(
  Object.fromEntries(SETTINGS.map((setting) => [setting.key, setting.default])) as unknown as Config,
);

function fail(setting: Setting, source: string, rule: string, value: unknown): never {
  throw new ConfigError(`${setting.key} (${source}) ${rule}; got ${JSON.stringify(value)}`);
}

function toNumber(setting: Setting, source: string, value: unknown): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number))
    fail(setting, source, 'must be a number', value);
  if (setting.type === 'integer' && !Number.isInteger(number))
    fail(setting, source, 'must be a whole number', value);
  if (setting.min !== undefined && number < setting.min)
    fail(setting, source, `must be at least ${setting.min}`, value);
  if (setting.max !== undefined && number > setting.max)
    fail(setting, source, `must be at most ${setting.max}`, value);
  return number;
}

/** `token=value` pairs from text, or an object from a config file. */
function pairsOf(setting: Setting, source: string, value: unknown, what: string): [string, unknown][] {
  if (typeof value === 'string')
    return value
      .split(',')
      .filter((pair) => pair.trim() !== '')
      .map((pair) => {
        const at = pair.lastIndexOf('=');
        if (at <= 0) fail(setting, source, `must be token=${what} pairs`, value);
        return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
      });
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return Object.entries(value);
  return fail(setting, source, `must map tokens to ${what}`, value);
}

function toBalances(setting: Setting, source: string, value: unknown): Record<string, number | null> {
  return Object.fromEntries(
    pairsOf(setting, source, value, 'credits').map(([token, credits]) => [
      token,
      credits === null || credits === 'unlimited'
        ? null
        : toNumber(
            {
              ...setting,
              key: `${setting.key}.${token}`,
              type: 'integer',
              min: 0,
              max: Number.MAX_SAFE_INTEGER,
            },
            source,
            credits,
          ),
    ]),
  );
}

function toEmails(setting: Setting, source: string, value: unknown): Record<string, string> {
  return Object.fromEntries(
    pairsOf(setting, source, value, 'email').map(([token, email]) => {
      if (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(email))
        fail(setting, source, `must give ${token} an email address`, value);
      return [token, email];
    }),
  );
}

/** Converts a value from a flag or variable (text) or a config file (JSON/YAML value). */
export function settingValue(setting: Setting, source: string, value: unknown): unknown {
  if (value === null && setting.default === null) return null;
  switch (setting.type) {
    case 'string':
      if (typeof value !== 'string' || value === '')
        fail(setting, source, 'must be a non-empty string', value);
      return value;
    case 'integer':
    case 'number':
      return toNumber(setting, source, value);
    case 'list': {
      const items = typeof value === 'string' ? value.split(',') : value;
      if (!Array.isArray(items) || !items.every((item) => typeof item === 'string')) {
        fail(setting, source, 'must be a list of strings', value);
      }
      const list = items.map((item) => item.trim()).filter(Boolean);
      return list.length ? list : fail(setting, source, 'must name at least one', value);
    }
    case 'balances':
      return toBalances(setting, source, value);
    case 'emails':
      return toEmails(setting, source, value);
    case 'json': {
      let parsed = value;
      if (typeof value === 'string') {
        try {
          parsed = JSON.parse(value);
        } catch (error) {
          fail(setting, source, `must be JSON (${(error as Error).message})`, value);
        }
      }
      if (!Array.isArray(parsed)) fail(setting, source, 'must be an array', value);
      return parsed;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && /^(true|1|yes)$/i.test(value)) return true;
      if (typeof value === 'string' && /^(false|0|no)$/i.test(value)) return false;
      return fail(setting, source, 'must be true or false', value);
    case 'choice':
      if (typeof value !== 'string' || !setting.choices?.includes(value)) {
        fail(setting, source, `must be one of ${setting.choices?.join(', ')}`, value);
      }
      return value;
  }
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read the config file ${path}: ${(error as Error).message}`);
  }
  let content: unknown;
  try {
    content = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      `the config file ${path} is not valid ${/\.ya?ml$/i.test(path) ? 'YAML' : 'JSON'}: ${(error as Error).message}`,
    );
  }
  if (content === null || typeof content !== 'object' || Array.isArray(content)) {
    throw new ConfigError(`the config file ${path} must hold an object of settings`);
  }
  const known = new Set<string>(SETTINGS.map((setting) => setting.key));
  const unknown = Object.keys(content).filter((key) => !known.has(key));
  if (unknown.length)
    throw new ConfigError(`the config file ${path} has unknown settings: ${unknown.join(', ')}`);
  return content as Record<string, unknown>;
}

function check(config: Config): Config {
  if (config.upstream !== null && !/^https?:\/\/[^/]/.test(config.upstream))
    throw new ConfigError(
      `upstream must be an http:// or https:// URL; got ${JSON.stringify(config.upstream)}`,
    );
  if (config.replayOnly && config.record === null)
    throw new ConfigError('replayOnly needs record: the folder of recordings to replay');
  if (config.jobMinMs > config.jobMaxMs) {
    throw new ConfigError(
      `jobMinMs (${config.jobMinMs}) must not be more than jobMaxMs (${config.jobMaxMs})`,
    );
  }
  for (const entry of config.callbackHosts ?? []) {
    const problem = hostEntryProblem(entry);
    if (problem) throw new ConfigError(`callbackHosts: ${problem}`);
  }
  return config;
}

/** Completes and checks settings given in code (the library API), with the same rules as the CLI. */
export function resolveConfig(overrides: Partial<Config>, base: Config = DEFAULT_CONFIG): Config {
  const config: Record<string, unknown> = { ...base };
  for (const setting of SETTINGS) {
    const value = (overrides as Record<string, unknown>)[setting.key];
    if (value !== undefined) config[setting.key] = settingValue(setting, 'option', value);
  }
  return Object.freeze(check(config as unknown as Config));
}

export interface CliInput {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
}

/** Merges flags over environment over config file over defaults. */
export function loadConfig({ argv, env }: CliInput): { config: Config; help: boolean; version: boolean } {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        config: { type: 'string', short: 'c' },
        ...Object.fromEntries(
          SETTINGS.map((setting: Setting) => [
            setting.flag,
            { type: setting.type === 'boolean' ? ('boolean' as const) : ('string' as const) },
          ]),
        ),
      },
    });
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}; see --help`);
  }
  const flags = parsed.values as Record<string, string | boolean | undefined>;
  const configPath = (flags.config as string | undefined) ?? env.MASSIVE_MOCK_CONFIG;
  const file = configPath ? readConfigFile(configPath) : {};
  const config: Record<string, unknown> = { ...DEFAULT_CONFIG };
  for (const setting of SETTINGS) {
    const flag = flags[setting.flag];
    const variable = env[setting.env];
    if (flag !== undefined) config[setting.key] = settingValue(setting, `--${setting.flag}`, flag);
    else if (variable !== undefined && variable !== '')
      config[setting.key] = settingValue(setting, `$${setting.env}`, variable);
    else if (setting.key in file)
      config[setting.key] = settingValue(setting, `${configPath}`, file[setting.key]);
  }
  return {
    config: Object.freeze(check(config as unknown as Config)),
    help: flags.help === true,
    version: flags.version === true,
  };
}
