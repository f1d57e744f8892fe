/**
 * Every setting of massive-mock, once: its config-file key, its flag, its environment variable,
 * its type, default and help. The CLI's --help, the loader and the README table all read this.
 */
export type SettingType = 'string' | 'integer' | 'number' | 'list' | 'balances' | 'choice' | 'json';

export interface Setting {
  key: string;
  flag: string;
  env: string;
  type: SettingType;
  default: unknown;
  help: string;
  choices?: readonly string[];
  min?: number;
  max?: number;
}

export const SETTINGS = [
  {
    key: 'host',
    flag: 'host',
    env: 'HOST',
    type: 'string',
    default: '127.0.0.1',
    help: 'Address to listen on.',
  },
  {
    key: 'port',
    flag: 'port',
    env: 'PORT',
    type: 'integer',
    default: 8080,
    min: 0,
    max: 65535,
    help: 'Port to listen on (0 picks a free one).',
  },
  {
    key: 'database',
    flag: 'database',
    env: 'MASSIVE_MOCK_DATABASE',
    type: 'string',
    default: 'massive-mock.db',
    help: 'SQLite file for jobs, cached answers and balances; ":memory:" keeps nothing.',
  },
  {
    key: 'storeMaxMb',
    flag: 'store-max-mb',
    env: 'MASSIVE_MOCK_STORE_MAX_MB',
    type: 'integer',
    default: 256,
    min: 1,
    help: 'Most MB the database keeps; past it the oldest cached answers go first (never one a job still owes).',
  },
  {
    key: 'jobRetentionMs',
    flag: 'job-retention-ms',
    env: 'MASSIVE_MOCK_JOB_RETENTION_MS',
    type: 'integer',
    default: 86400000,
    min: 1000,
    help: 'How long a finished job can still be fetched, in ms of the emulator clock (a day); then it is 404.',
  },
  {
    key: 'urlFile',
    flag: 'url-file',
    env: 'MASSIVE_MOCK_URL_FILE',
    type: 'string',
    default: null,
    help: 'File to write the URL it listens at, once listening (the Docker health check reads it).',
  },
  {
    key: 'seed',
    flag: 'seed',
    env: 'MASSIVE_MOCK_SEED',
    type: 'integer',
    default: 1,
    min: 0,
    max: 4294967295,
    help: 'Seed of all generated content, job ids and drawn outcomes.',
  },
  {
    key: 'tokens',
    flag: 'tokens',
    env: 'MASSIVE_MOCK_TOKENS',
    type: 'list',
    default: null,
    help: 'API tokens accepted (comma-separated); by default any non-empty bearer token.',
  },
  {
    key: 'credits',
    flag: 'credits',
    env: 'MASSIVE_MOCK_CREDITS',
    type: 'balances',
    default: {},
    help: 'Starting balances, token=credits (comma-separated); tokens not named are unlimited.',
  },
  {
    key: 'creditCost',
    flag: 'credit-cost',
    env: 'MASSIVE_MOCK_CREDIT_COST',
    type: 'integer',
    default: 1,
    min: 0,
    help: 'Credits a successful /ai call costs.',
  },
  {
    key: 'fixtures',
    flag: 'fixtures',
    env: 'MASSIVE_MOCK_FIXTURES',
    type: 'string',
    default: null,
    help: 'Folder of canned answers (JSON), matched before the bundled ones.',
  },
  {
    key: 'jobMinMs',
    flag: 'job-min-ms',
    env: 'MASSIVE_MOCK_JOB_MIN_MS',
    type: 'integer',
    default: 1000,
    min: 0,
    help: 'Shortest time a queued job takes, in ms.',
  },
  {
    key: 'jobMaxMs',
    flag: 'job-max-ms',
    env: 'MASSIVE_MOCK_JOB_MAX_MS',
    type: 'integer',
    default: 2000,
    min: 0,
    help: 'Longest time a queued job takes, in ms.',
  },
  {
    key: 'jobFailureRate',
    flag: 'job-failure-rate',
    env: 'MASSIVE_MOCK_JOB_FAILURE_RATE',
    type: 'number',
    default: 0,
    min: 0,
    max: 1,
    help: 'Share of queued jobs that end "failed", from 0 to 1.',
  },
  {
    key: 'adminToken',
    flag: 'admin-token',
    env: 'MASSIVE_MOCK_ADMIN_TOKEN',
    type: 'string',
    default: null,
    help: 'Bearer token the admin API (/__admin) requires; by default it is open.',
  },
  {
    key: 'latency',
    flag: 'latency',
    env: 'MASSIVE_MOCK_LATENCY',
    type: 'choice',
    choices: ['instant', 'realistic'],
    default: 'instant',
    help: 'Latency of fresh answers: instant, or realistic per model (ChatGPT ~17 s ... Copilot ~43 s, 504 past 3 min).',
  },
  {
    key: 'timeScale',
    flag: 'time-scale',
    env: 'MASSIVE_MOCK_TIME_SCALE',
    type: 'number',
    default: 1,
    min: 0,
    help: 'Factor applied to realistic latencies (0.01 turns 17 s into 170 ms).',
  },
  {
    key: 'journalSize',
    flag: 'journal-size',
    env: 'MASSIVE_MOCK_JOURNAL_SIZE',
    type: 'integer',
    default: 1000,
    min: 0,
    help: 'Requests the journal keeps (the oldest go first); 0 keeps none.',
  },
  {
    key: 'faults',
    flag: 'faults',
    env: 'MASSIVE_MOCK_FAULTS',
    type: 'json',
    default: [],
    help: 'Fault rules, a JSON array (see README, "Control"); in a config file, the array itself.',
  },
  {
    key: 'logLevel',
    flag: 'log-level',
    env: 'MASSIVE_MOCK_LOG_LEVEL',
    type: 'choice',
    choices: ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'],
    default: 'info',
    help: 'Least severe log level written; "warn" keeps a terminal quiet.',
  },
  {
    key: 'logFormat',
    flag: 'log-format',
    env: 'MASSIVE_MOCK_LOG_FORMAT',
    type: 'choice',
    choices: ['json', 'pretty'],
    default: 'json',
    help: 'Logs as JSON lines (for machines), or pretty (coloured, for a terminal).',
  },
] as const satisfies readonly Setting[];
