/**
 * A soak under hostile traffic (issue 24): one massive-mock process on loopback, driven for a
 * bounded time by a mix of sessions (named and anonymous), callbacks (to a local receiver, to the
 * metadata address, to the emulator's own admin API, with credentials), batches (up to the
 * documented maximum), router requests with JSON schemas, account calls with bad amounts and
 * dates, `__proto__` bodies and resets. It reports the process's RSS over time and every 5xx (none
 * is forced: each one is a defect).
 *
 *   node bench/soak-hostile.ts [minutes=30] [workers=6]
 *
 * Loopback only; the child is stopped at the end. Prints one JSON line per sample, then a summary.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LISTENING, printed } from './lib/processes.ts';

const minutes = Number(process.argv[2] ?? 30);
const workers = Number(process.argv[3] ?? 6);
const until = Date.now() + minutes * 60_000;
const TOKEN = 'soak-token';

const child = spawn(
  process.execPath,
  [
    'src/cli.ts',
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    '--database',
    ':memory:',
    '--tokens',
    TOKEN,
    '--job-min-ms',
    '200',
    '--job-max-ms',
    '800',
    '--session-idle-ms',
    '20000',
    '--log-level',
    'warn',
  ],
  { stdio: ['ignore', 'pipe', 'pipe'] },
);
let stderr = '';
child.stderr.on('data', (chunk: Buffer) => {
  stderr = (stderr + chunk.toString()).slice(-4000);
});
const base = await printed(child, LISTENING, 'the emulator', 30_000, () => stderr);

let received = 0;
const receiver = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    received += 1;
    response.statusCode = Math.random() < 0.1 ? 500 : 200;
    response.end('ok');
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

const statuses = new Map<string, number>();
const serverErrors: string[] = [];
let requests = 0;
let failures = 0;

async function call(
  name: string,
  path: string,
  init: RequestInit & { headers?: Record<string, string> } = {},
) {
  requests += 1;
  try {
    const response = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(30_000) });
    await response.arrayBuffer();
    const key = `${name} ${response.status}`;
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
    if (response.status >= 500 && serverErrors.length < 50) serverErrors.push(`${key} ${path.slice(0, 120)}`);
  } catch (error) {
    failures += 1;
    if (serverErrors.length < 50) serverErrors.push(`${name} ${(error as Error).message}`);
  }
}

const auth = { authorization: `Bearer ${TOKEN}` };
const july = { ...auth, 'x-mock-revision': '2026-07-06' };
const json = (headers: Record<string, string>, body: unknown) => ({
  method: 'POST',
  headers: { ...headers, 'content-type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const prompt = () => `soak ${Math.floor(Math.random() * 5000)} ${pick(['boots', 'tents', 'maps', 'stoves'])}`;
const session = () => ({ 'x-mock-session': `soak-${Math.floor(Math.random() * 30)}` });

const SCHEMA = {
  type: 'object',
  properties: {
    name: { type: 'string', maxLength: 40 },
    tags: { type: 'array', items: { type: 'string' }, maxItems: 5 },
  },
  required: ['name', 'tags'],
};

/** One hostile or ordinary step, picked by weight. */
const STEPS: [number, () => Promise<void>][] = [
  [20, () => call('ai', `/ai?prompt=${encodeURIComponent(prompt())}`, { headers: auth })],
  [
    15,
    () =>
      call('session-ai', `/ai?prompt=${encodeURIComponent(prompt())}`, {
        headers: { ...auth, ...session() },
      }),
  ],
  [
    5,
    () =>
      call('session-anonymous', '/ai?prompt=x', { headers: { 'x-mock-session': `anon-${Math.random()}` } }),
  ],
  [
    8,
    () =>
      call(
        'callback-job',
        `/ai?prompt=${encodeURIComponent(prompt())}&mode=async&callback=${encodeURIComponent(hook)}`,
        {
          headers: july,
        },
      ),
  ],
  [
    3,
    () =>
      call(
        'callback-hostile',
        `/ai?prompt=x&mode=async&callback=${encodeURIComponent(
          pick([
            'http://169.254.169.254/latest/meta-data/',
            `${base}/__admin/reset`,
            'http://u:p@127.0.0.1:9/hook',
          ]),
        )}`,
        { headers: july },
      ),
  ],
  [
    5,
    () =>
      call(
        'batch',
        '/ai/batches',
        json(july, { prompts: Array.from({ length: 50 }, prompt), callback: hook }),
      ),
  ],
  [
    0.3,
    () =>
      call(
        'batch-max',
        '/ai/batches',
        json(july, { prompts: Array.from({ length: 1000 }, (_, i) => `${i} `.padEnd(2047, 'é')) }),
      ),
  ],
  [
    8,
    () =>
      call(
        'router-schema',
        '/api/v1/completions',
        json(auth, {
          model: 'openai/gpt-3.5-turbo-instruct',
          prompt: prompt(),
          max_tokens: 64,
          response_format: {
            type: 'json_schema',
            json_schema: { name: 'soak', schema: SCHEMA, strict: true },
          },
        }),
      ),
  ],
  [
    4,
    () => call('users-create', '/users', json(july, { email: `s${Math.random()}@example.com`, credits: 5 })),
  ],
  [
    3,
    () =>
      call('users-grant', '/users', {
        ...json(july, { email: 'nobody@example.com', amount: pick([1e308, -1, 2 ** 31, 3]) }),
        method: 'PATCH',
      }),
  ],
  [
    3,
    () =>
      call(
        'usage',
        `/usage?from=${pick(['2026-01-01', '2025-12-25T9:00:00-06:00', 'yesterday'])}&to=2027-01-01`,
        { headers: july },
      ),
  ],
  [2, () => call('proto', '/ai/batches', json(july, '{"prompts":["a"],"__proto__":{"polluted":1}}'))],
  [1, () => call('reset', '/__admin/reset', { method: 'POST' })],
  [1, () => call('session-reset', '/__admin/reset', { method: 'POST', headers: session() })],
];
const total = STEPS.reduce((sum, [weight]) => sum + weight, 0);
function step(): Promise<void> {
  let roll = Math.random() * total;
  for (const [weight, run] of STEPS) if ((roll -= weight) < 0) return run();
  return (STEPS[0] as [number, () => Promise<void>])[1]();
}

const rssMb = () => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
  return Math.round(Number(match?.[1] ?? 0) / 1024);
};
const started = Date.now();
let peak = 0;
const sample = () => {
  const rss = rssMb();
  peak = Math.max(peak, rss);
  const fiveHundreds = [...statuses]
    .filter(([key]) => / 5\d\d$/.test(key))
    .reduce((sum, [, n]) => sum + n, 0);
  process.stdout.write(
    `${JSON.stringify({ minute: Math.round((Date.now() - started) / 600) / 100, rssMb: rss, requests, fiveHundreds, failures, callbacksReceived: received })}\n`,
  );
};
const sampler = setInterval(sample, 30_000);

await Promise.all(
  Array.from({ length: workers }, async () => {
    while (Date.now() < until && child.exitCode === null) await step();
  }),
);
clearInterval(sampler);
sample();
// Sessions idle out after 20 s: what RSS comes back to once they have.
await new Promise((resolve) => setTimeout(resolve, 30_000));
const settled = rssMb();
const alive = child.exitCode === null;
child.kill('SIGTERM');
receiver.close();
const fiveHundreds = [...statuses].filter(([key]) => / 5\d\d$/.test(key));
process.stdout.write(
  `${JSON.stringify(
    {
      minutes,
      workers,
      requests,
      transportFailures: failures,
      peakRssMb: peak,
      rssMbAfterSessionsIdle: settled,
      serverAliveAtEnd: alive,
      callbacksReceived: received,
      fiveHundreds: Object.fromEntries(fiveHundreds),
      firstErrors: serverErrors.slice(0, 10),
      statuses: Object.fromEntries([...statuses].sort()),
    },
    null,
    2,
  )}\n`,
);
