/**
 * `npm run bench`: load tests of the built emulator on loopback with autocannon, next to a bare
 * Fastify server answering the same bytes (bench/baseline-server.ts), plus cold start and memory.
 * Prints a table and writes bench/RESULTS.md. Not part of `npm test`.
 *
 * Environment: BENCH_SECONDS (10) per scenario, BENCH_WARMUP_SECONDS (2) before each,
 * BENCH_CONNECTIONS (50), BENCH_SOAK_SECONDS (60), BENCH_COLD_RUNS (11), BENCH_SKIP_BUILD=1 to use
 * dist/ as it is, BENCH_CPU_PROF=1 to run the emulator under `node --cpu-prof` (profile written on
 * exit to BENCH_PROFILE_DIR, default $TMPDIR/massive-mock-profiles; summarise it with
 * `node bench/profile-summary.ts <file.cpuprofile>`).
 */
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import { distIsFresh } from '../scripts/dist-freshness.ts';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'massive-mock.js');
const RESULTS = join(ROOT, 'bench', 'RESULTS.md');

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}

const SECONDS = envNumber('BENCH_SECONDS', 10);
const WARMUP_SECONDS = envNumber('BENCH_WARMUP_SECONDS', 2);
const CONNECTIONS = envNumber('BENCH_CONNECTIONS', 50);
const SOAK_SECONDS = envNumber('BENCH_SOAK_SECONDS', 60);
const COLD_RUNS = Math.max(1, envNumber('BENCH_COLD_RUNS', 11));
const SOAK_SAMPLE_MS = 5_000;
const LOAD_AT_START = loadavg();
const CPU_PROF = process.env.BENCH_CPU_PROF === '1';
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR ?? join(tmpdir(), 'massive-mock-profiles');

const TOKEN = 'bench';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const CACHED_PROMPT = 'best+running+shoes+for+beginners';
const PATHS = {
  json: `/ai?prompt=${CACHED_PROMPT}`,
  rendered: `/ai?prompt=${CACHED_PROMPT}&format=rendered`,
  devices: '/ai/devices',
};

const TARGETS = {
  cachedRatio: 0.6,
  cachedP99Ms: 15,
  coldStartMs: 400,
  rssMb: 150,
  soakDrift: 0.1,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message: string) => process.stderr.write(`${message}\n`);

// ---------------------------------------------------------------------------------------------
// Processes

const children = new Set<ChildProcess>();

interface Server {
  url: string;
  child: ChildProcess;
  output(): string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Registers a child for clean-up and keeps the tail of what it writes. */
function track(child: ChildProcess, withStdout = false): () => string {
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stderr?.on('data', keep);
  if (withStdout) child.stdout?.on('data', keep);
  return () => output;
}

async function stopChild(child: ChildProcess, timeoutMs = 15_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code] = (await exited) as [number | null];
  clearTimeout(timer);
  return code;
}

/**
 * The emulator runs with the Node options the Docker image sets (Dockerfile, NODE_OPTIONS): a
 * young generation of 2 MB semi-spaces keeps resident memory under load about 50 MB lower, for
 * no loss of throughput. BENCH_NODE_OPTIONS overrides it ('' for Node's defaults).
 */
const SERVER_NODE_OPTIONS = process.env.BENCH_NODE_OPTIONS ?? '--max-semi-space-size=2';
const serverEnv = () => ({ ...process.env, NODE_OPTIONS: SERVER_NODE_OPTIONS });

function emulatorArgs(port: number, database: string, extra: readonly string[] = []): string[] {
  return [
    BIN,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--database',
    database,
    '--log-level',
    'warn',
    ...extra,
  ];
}

/**
 * Ready once /__admin/health answers 200. Before that endpoint exists, any answer at all (its 404)
 * shows the server listening: no other route is asked, so nothing is loaded lazily before the idle
 * RSS is read.
 */
async function waitReady(url: string, child: ChildProcess, output: () => string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the emulator exited with ${child.exitCode}:\n${output()}`);
    try {
      const health = await fetch(`${url}/__admin/health`);
      await health.arrayBuffer();
      if (health.ok || health.status === 404) return;
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
  throw new Error(`the emulator was not ready within ${timeoutMs} ms:\n${output()}`);
}

async function startEmulator(dir: string, extra: readonly string[]): Promise<Server> {
  const port = await freePort();
  if (CPU_PROF) mkdirSync(PROFILE_DIR, { recursive: true });
  const nodeFlags = CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...nodeFlags, ...emulatorArgs(port, join(dir, 'bench.db'), extra)], {
    cwd: dir,
    env: serverEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = track(child, true);
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, child, output);
  return { url, child, output };
}

async function startBaseline(manifest: string): Promise<Server> {
  const child = spawn(process.execPath, [join(ROOT, 'bench', 'baseline-server.ts'), manifest], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = track(child);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`baseline not listening:\n${output()}`)), 15_000);
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`baseline exited with ${code}:\n${output()}`)));
  });
  return { url, child, output };
}

function rssMb(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match?.[1] ? Number(match[1]) / 1024 : Number.NaN;
}

// ---------------------------------------------------------------------------------------------
// Build

async function ensureBuilt(): Promise<void> {
  const skip = process.env.BENCH_SKIP_BUILD === '1' && existsSync(join(ROOT, 'dist', 'cli.js'));
  if (skip || distIsFresh(ROOT)) return;
  log('dist/ is missing or older than src/: npm run build');
  const env = { ...process.env, PATH: [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter) };
  try {
    await promisify(execFile)('npm', ['run', 'build'], { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run build failed (BENCH_SKIP_BUILD=1 uses dist/ as it is):\n${stdout}\n${stderr}`, {
      cause: error,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Load

interface Figures {
  reqPerSec: number;
  p50: number;
  p99: number;
  mbPerSec: number;
  requests: number;
  bad: number;
}

async function load(
  url: string,
  options: Partial<autocannon.Options> = {},
  seconds = SECONDS,
  onTick?: () => void,
): Promise<Figures> {
  const run = async (duration: number) =>
    autocannon({ url, connections: CONNECTIONS, duration, headers: AUTH, ...options });
  if (WARMUP_SECONDS > 0) await run(WARMUP_SECONDS);
  const ticker = onTick ? setInterval(onTick, 250) : undefined;
  try {
    const result = await run(seconds);
    return {
      reqPerSec: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      mbPerSec: result.throughput.average / 1e6,
      requests: result.requests.total,
      bad: result.non2xx + result.errors + result.timeouts,
    };
  } finally {
    if (ticker) clearInterval(ticker);
  }
}

let freshCounter = 0;
const freshPath = () => `/ai?prompt=bench+fresh+prompt+${++freshCounter}&expiration=0`;

/** Every connection submits a job, then polls it once (jobs take 0 ms in this process). */
function asyncPairRequests(prompt: () => string, counts: Record<string, number>): autocannon.Request[] {
  return [
    {
      method: 'GET',
      setupRequest: (request) => ({ ...request, path: `/ai?prompt=${prompt()}&mode=async` }),
      onResponse: (status, body, context) => {
        (context as { id?: string }).id =
          status === 202 ? (JSON.parse(body) as { id: string }).id : undefined;
      },
    },
    {
      method: 'GET',
      setupRequest: (request, context) => ({
        ...request,
        path: `/ai/completions?id=${(context as { id?: string }).id ?? 'missing'}`,
      }),
      onResponse: (status) => {
        counts[status] = (counts[status] ?? 0) + 1;
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Cold start

async function coldStart(dir: string): Promise<number> {
  const port = await freePort();
  const database = join(dir, `cold-${port}.db`);
  const started = performance.now();
  const child = spawn(process.execPath, emulatorArgs(port, database), {
    env: serverEnv(),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const output = track(child);
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`cold start exited with ${child.exitCode}:\n${output()}`);
      if (performance.now() - started > 30_000) throw new Error(`no answer within 30 s:\n${output()}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/ai?prompt=x`, { headers: AUTH });
        await res.arrayBuffer();
        if (res.status === 200) return performance.now() - started;
        throw new Error(`cold start answered ${res.status}`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('cold start answered')) throw error;
        await sleep(2);
      }
    }
  } finally {
    await stopChild(child);
  }
}

// ---------------------------------------------------------------------------------------------
// Report

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const pass = (ok: boolean) => (ok ? 'PASS' : 'MISS');

interface Row {
  scenario: string;
  figures: Figures;
  baseline?: Figures;
  unit?: string;
}

function table(rows: Row[]): string {
  const header = [
    'scenario',
    'req/s',
    'p50 ms',
    'p99 ms',
    'MB/s',
    'non-2xx/errors',
    'baseline req/s',
    'baseline p99 ms',
    'req/s ratio',
    'p99 ratio',
  ];
  const lines = rows.map(({ scenario, figures, baseline, unit }) => [
    scenario,
    `${fixed(figures.reqPerSec, 0)}${unit ?? ''}`,
    fixed(figures.p50, 0),
    fixed(figures.p99, 0),
    fixed(figures.mbPerSec),
    String(figures.bad),
    baseline ? fixed(baseline.reqPerSec, 0) : '—',
    baseline ? fixed(baseline.p99, 0) : '—',
    baseline ? `${fixed(figures.reqPerSec / baseline.reqPerSec, 2)}×` : '—',
    baseline ? `${fixed(figures.p99 / Math.max(baseline.p99, 1), 1)}×` : '—',
  ]);
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...lines.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}

function commit(): string {
  try {
    const git = (args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = git(['status', '--porcelain', '--', 'src', 'package.json']) !== '';
    return `${git(['rev-parse', '--short', 'HEAD'])}${dirty ? ' with uncommitted changes in src/' : ''}`;
  } catch {
    return 'unknown';
  }
}

function machine(): string[] {
  const cpuModel =
    /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
  return [
    `- CPU: ${cpuModel ?? 'unknown'}, ${cpus().length} cores (nproc)`,
    `- Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node ${process.version}, ${process.platform}-${process.arch}`,
    `- Date: ${new Date().toISOString()}; load average at start ${LOAD_AT_START.map((value) =>
      value.toFixed(2),
    ).join(', ')}`,
    `- Code: massive-mock ${commit()}, built dist/`,
    `- Emulator: the built CLI (bin/massive-mock.js), NODE_OPTIONS=${SERVER_NODE_OPTIONS || '(none)'} as in the Docker image`,
    `- Load: autocannon ${CONNECTIONS} connections, ${SECONDS} s per scenario after a ${WARMUP_SECONDS} s warm-up, on loopback, the client on the same machine`,
  ];
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  await ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'massive-mock-bench-'));
  try {
    log(`cold start: ${COLD_RUNS} fresh processes, spawn → first 200 from /ai?prompt=x`);
    const colds: number[] = [];
    for (let i = 0; i < COLD_RUNS; i++) colds.push(await coldStart(dir));

    log('starting the emulator (dist/, --log-level warn, jobs take 0 ms)');
    const emulator = await startEmulator(dir, ['--job-min-ms', '0', '--job-max-ms', '0']);
    await sleep(1000);
    const idleRss = rssMb(emulator.child.pid);

    // Prime the cache and take the exact bytes the baseline will serve.
    const manifest: { path: string; file: string; type: string }[] = [];
    for (const [name, path] of Object.entries(PATHS)) {
      const res = await fetch(`${emulator.url}${path}`, { headers: AUTH });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      const file = join(dir, `${name}.body`);
      writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      manifest.push({
        path: `/${name}`,
        file,
        type: res.headers.get('content-type') ?? 'application/octet-stream',
      });
    }
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const sizes = Object.fromEntries(manifest.map((route) => [route.path, statSync(route.file).size]));
    const baseline = await startBaseline(join(dir, 'manifest.json'));

    const rows: Row[] = [];
    let loadRss = 0;
    const sampleLoadRss = () => {
      loadRss = Math.max(loadRss, rssMb(emulator.child.pid));
    };

    log('baseline: bare Fastify, same bytes');
    let baselineRss = 0;
    const base = {
      json: await load(`${baseline.url}/json`, {}, SECONDS, () => {
        baselineRss = Math.max(baselineRss, rssMb(baseline.child.pid));
      }),
      rendered: await load(`${baseline.url}/rendered`),
      devices: await load(`${baseline.url}/devices`),
    };

    log('emulator: cached /ai JSON');
    const cached = await load(`${emulator.url}${PATHS.json}`, {}, SECONDS, sampleLoadRss);
    rows.push({
      scenario: `/ai JSON, cached (${(sizes['/json'] ?? 0) / 1000} kB)`,
      figures: cached,
      baseline: base.json,
    });

    log('emulator: fresh /ai JSON (expiration=0, a new prompt each request)');
    const fresh = await load(emulator.url, {
      requests: [{ method: 'GET', setupRequest: (r) => ({ ...r, path: freshPath() }) }],
    });
    rows.push({ scenario: '/ai JSON, generated (expiration=0)', figures: fresh, baseline: base.json });

    log('emulator: rendered HTML, cached');
    const rendered = await load(`${emulator.url}${PATHS.rendered}`);
    rows.push({
      scenario: `/ai format=rendered, cached (${(sizes['/rendered'] ?? 0) / 1000} kB)`,
      figures: rendered,
      baseline: base.rendered,
    });

    log('emulator: /ai/devices');
    const devices = await load(`${emulator.url}${PATHS.devices}`);
    rows.push({ scenario: '/ai/devices', figures: devices, baseline: base.devices });

    log('emulator: async submit + poll');
    const polled: Record<string, number> = {};
    const asyncRun = await load(emulator.url, { requests: asyncPairRequests(() => CACHED_PROMPT, polled) });
    const pairs = { ...asyncRun, reqPerSec: asyncRun.reqPerSec / 2 };
    rows.push({ scenario: 'mode=async submit + /ai/completions poll', figures: pairs, unit: ' pairs' });

    log(`soak: mixed traffic for ${SOAK_SECONDS} s, RSS every ${SOAK_SAMPLE_MS / 1000} s`);
    const soakRss: { t: number; mb: number }[] = [{ t: 0, mb: rssMb(emulator.child.pid) }];
    const soakStarted = Date.now();
    const sampler = setInterval(() => {
      soakRss.push({ t: Math.round((Date.now() - soakStarted) / 1000), mb: rssMb(emulator.child.pid) });
    }, SOAK_SAMPLE_MS);
    const soakPolls: Record<string, number> = {};
    const soak = await autocannon({
      url: emulator.url,
      connections: CONNECTIONS,
      duration: SOAK_SECONDS,
      headers: AUTH,
      requests: [
        { method: 'GET', path: PATHS.json },
        { method: 'GET', path: PATHS.rendered },
        { method: 'GET', path: PATHS.devices },
        { method: 'GET', setupRequest: (r) => ({ ...r, path: freshPath() }) },
        ...asyncPairRequests(() => `bench+soak+${freshCounter % 100}`, soakPolls),
      ],
    });
    clearInterval(sampler);
    soakRss.push({ t: Math.round((Date.now() - soakStarted) / 1000), mb: rssMb(emulator.child.pid) });
    const soakRow: Row = {
      scenario: 'soak: mixed (cached, rendered, devices, generated, async)',
      figures: {
        reqPerSec: soak.requests.average,
        p50: soak.latency.p50,
        p99: soak.latency.p99,
        mbPerSec: soak.throughput.average / 1e6,
        requests: soak.requests.total,
        bad: soak.non2xx + soak.errors + soak.timeouts,
      },
    };
    rows.push(soakRow);

    const emulatorExit = await stopChild(emulator.child);
    await stopChild(baseline.child);

    // Targets
    // Flat means no trend: one sample swings with every major GC (generated answers are large
    // objects), so the mean of the first half of the samples after 10 s is compared with the
    // mean of the second half.
    const settled = soakRss.filter((sample) => sample.t >= 10);
    const half = Math.floor(settled.length / 2);
    const mean = (samples: typeof soakRss) =>
      samples.reduce((sum, sample) => sum + sample.mb, 0) / samples.length;
    const early = mean(settled.slice(0, half));
    const late = mean(settled.slice(half));
    const soakMax = Math.max(...soakRss.map((sample) => sample.mb));
    const drift = (late - early) / early;
    const ratio = cached.reqPerSec / base.json.reqPerSec;
    const coldMedian = median(colds);
    const coldMax = Math.max(...colds);
    const targets = [
      `- ${pass(ratio >= TARGETS.cachedRatio)} cached /ai JSON ≥ ${TARGETS.cachedRatio} × baseline req/s: ${fixed(ratio, 2)}× (${fixed(cached.reqPerSec, 0)} vs ${fixed(base.json.reqPerSec, 0)} req/s)`,
      `- ${pass(cached.p99 < TARGETS.cachedP99Ms)} cached /ai JSON p99 < ${TARGETS.cachedP99Ms} ms at ${CONNECTIONS} connections: ${cached.p99} ms`,
      `- ${pass(coldMedian < TARGETS.coldStartMs)} cold start < ${TARGETS.coldStartMs} ms (spawn → first 200 from /ai): median ${fixed(coldMedian, 0)} ms, max ${fixed(coldMax, 0)} ms over ${COLD_RUNS} runs (${colds.map((ms) => fixed(ms, 0)).join(', ')})`,
      `- ${pass(loadRss < TARGETS.rssMb)} RSS < ${TARGETS.rssMb} MB under load (cached run, sampled every 250 ms): max ${fixed(loadRss)} MB (idle after start: ${fixed(idleRss)} MB; the baseline under the same load: ${fixed(baselineRss)} MB)`,
      `- ${pass(Math.abs(drift) <= TARGETS.soakDrift)} RSS flat across the ${SOAK_SECONDS} s soak (mean of the second half of the samples after 10 s within ${TARGETS.soakDrift * 100}% of the first half's): ${fixed(early)} MB, then ${fixed(late)} MB (${drift >= 0 ? '+' : ''}${fixed(drift * 100)}%)`,
      `- ${pass(soakMax < TARGETS.rssMb)} RSS < ${TARGETS.rssMb} MB across the soak: max ${fixed(soakMax)} MB`,
    ];
    const notes = [
      `- Async: polls answered ${Object.entries(polled)
        .map(([status, count]) => `${status} × ${count}`)
        .join(', ')}; a pair is one submit (202) and one poll of the same job.`,
      `- Soak RSS samples (s: MB): ${soakRss.map((sample) => `${sample.t}: ${fixed(sample.mb)}`).join(', ')}.`,
      `- The emulator exited with ${emulatorExit} on SIGTERM after the run.`,
      '- Baseline: bench/baseline-server.ts, Fastify with no plugins, one route per body, answering the bytes fetched from the emulator (same Content-Type); no auth, validation, store or logging.',
    ];
    const report = [
      '# Benchmarks',
      '',
      'Written by `npm run bench` (bench/run.ts) at the end of its last run; figures from one run on the machine below.',
      '',
      '## Machine',
      '',
      ...machine(),
      '',
      '## Throughput and latency',
      '',
      table(rows),
      '',
      '## Targets',
      '',
      ...targets,
      '',
      '## Notes',
      '',
      ...notes,
      '',
    ].join('\n');
    writeFileSync(RESULTS, report);
    process.stdout.write(`${report}\n`);
    log(`wrote ${relative(process.cwd(), RESULTS) || RESULTS}`);
    if (CPU_PROF) log(`CPU profile of the emulator in ${PROFILE_DIR}`);
  } finally {
    await Promise.all([...children].map((child) => stopChild(child)));
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of children) child.kill('SIGTERM');
    process.exit(130);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = 1;
});
