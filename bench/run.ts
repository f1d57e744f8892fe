/**
 * `npm run bench`: load tests on loopback with autocannon, next to a bare Fastify server answering
 * the same bytes (bench/baseline-server.ts), plus cold start and memory. The emulator runs twice:
 * as the README starts it (`npm start`: src/ with type stripping, default logging) and as the
 * Docker image runs it (built dist/, its NODE_OPTIONS and NODE_ENV, default logging). Prints a
 * table and writes bench/RESULTS.md. Not part of `npm test`.
 *
 * The load generator runs in worker threads (autocannon `workers`), away from this process's own
 * work, and proves it is not the limit: the baseline is measured with 1 and with 2 client threads
 * (and with the client on this thread, as earlier benches did), and the figures must agree.
 *
 * Environment: BENCH_SECONDS (6) per scenario and server, in BENCH_ROUNDS (3) turns with the
 * baseline, BENCH_WARMUP_SECONDS (2) before each, BENCH_CONNECTIONS (50), BENCH_WORKERS (2)
 * client threads, BENCH_SOAK_SECONDS (30, 0 skips it),
 * BENCH_COLD_RUNS (11), BENCH_MODES (`image,npm-start`), BENCH_SKIP_BUILD=1 to use dist/ as it
 * is, BENCH_NODE_OPTIONS (the image's) for the image mode, BENCH_CPU_PROF=1 to run the emulator
 * under `node --cpu-prof` (profile written on exit to BENCH_PROFILE_DIR, default
 * $TMPDIR/massive-mock-profiles; summarise it with `node bench/profile-summary.ts <file>`).
 */
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
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

const SECONDS = envNumber('BENCH_SECONDS', 6);
const WARMUP_SECONDS = envNumber('BENCH_WARMUP_SECONDS', 2);
const CONNECTIONS = envNumber('BENCH_CONNECTIONS', 50);
const SOAK_SECONDS = envNumber('BENCH_SOAK_SECONDS', 30);
const COLD_RUNS = Math.max(1, envNumber('BENCH_COLD_RUNS', 11));
const WORKERS = Math.max(1, envNumber('BENCH_WORKERS', 2));
const ROUNDS = Math.max(1, envNumber('BENCH_ROUNDS', 3));
const MODES = (process.env.BENCH_MODES ?? 'image,npm-start')
  .split(',')
  .map((mode) => mode.trim())
  .filter((mode): mode is Mode => mode === 'image' || mode === 'npm-start');
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

/** Issue 14's targets, at 50 connections on 2 cores. */
const TARGETS = {
  ratio: 0.6,
  freshReqPerSec: 1000,
  freshP99Ms: 100,
  coldStartMs: 300,
  rssMb: 150,
  soakDrift: 0.1,
  /** Client headroom: the baseline may move this much when the client gets another thread. */
  headroom: 0.1,
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

type Mode = 'image' | 'npm-start';

/**
 * The image sets NODE_OPTIONS (a young generation of 2 MB semi-spaces keeps resident memory under
 * load about 50 MB lower, for no loss of throughput) and NODE_ENV (Dockerfile); BENCH_NODE_OPTIONS
 * overrides the first ('' for Node's defaults). `npm start` runs with neither.
 */
const IMAGE_NODE_OPTIONS = process.env.BENCH_NODE_OPTIONS ?? '--max-semi-space-size=2';
const modeEnv = (mode: Mode): NodeJS.ProcessEnv => {
  const { NODE_OPTIONS: _options, NODE_ENV: _env, ...env } = process.env;
  return mode === 'image' ? { ...env, NODE_OPTIONS: IMAGE_NODE_OPTIONS, NODE_ENV: 'production' } : env;
};
/** `npm start` is `node src/cli.ts`; the image runs `node bin/massive-mock.js` over dist/. */
const ENTRY: Record<Mode, string> = { image: BIN, 'npm-start': join(ROOT, 'src', 'cli.ts') };
const MODE_TITLE: Record<Mode, string> = {
  image: 'as the image runs it',
  'npm-start': 'as `npm start` runs it',
};

function emulatorArgs(mode: Mode, port: number, database: string, extra: readonly string[] = []): string[] {
  return [ENTRY[mode], '--host', '127.0.0.1', '--port', String(port), '--database', database, ...extra];
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

/**
 * Starts the emulator at its default log level; its stdout (the log) goes to a file, as a terminal
 * or `docker logs` would take it, so reading it costs this process nothing.
 */
async function startEmulator(mode: Mode, dir: string, extra: readonly string[]): Promise<Server> {
  const port = await freePort();
  if (CPU_PROF) mkdirSync(PROFILE_DIR, { recursive: true });
  const nodeFlags = CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const logFile = openSync(join(dir, `${mode}.log`), 'w');
  const child = spawn(
    process.execPath,
    [...nodeFlags, ...emulatorArgs(mode, port, join(dir, `${mode}.db`), extra)],
    { cwd: dir, env: modeEnv(mode), stdio: ['ignore', logFile, 'pipe'] },
  );
  const output = track(child);
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

/** CPU time a process has used (user + system), in ms: /proc/<pid>/stat counts clock ticks of 10 ms. */
function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
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
  /**
   * The server's CPU time per answered request, in µs: what an answer costs whatever else runs on
   * the machine (req/s moves with the load other work puts on the shared cores; this much less).
   */
  cpuUsPerRequest: number;
}

/** Where the client runs: in `workers` threads of autocannon, or on this process's own thread. */
type Client = { workers: number } | 'main thread';

function figuresOf(result: autocannon.Result, serverCpuMs = Number.NaN): Figures {
  return {
    cpuUsPerRequest: (serverCpuMs * 1000) / result.requests.total,
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mbPerSec: result.throughput.average / 1e6,
    requests: result.requests.total,
    bad: result.non2xx + result.errors + result.timeouts,
  };
}

interface Target {
  url: string;
  /** The server's process, to read the CPU time it spends. */
  pid?: number | undefined;
  options?: Partial<autocannon.Options>;
  client?: Client;
  /** Called every 250 ms while measuring (not warming up). */
  onTick?: () => void;
}

async function load(target: Target, seconds = SECONDS, warmUp = true): Promise<Figures> {
  const client = target.client ?? { workers: WORKERS };
  const threads = client === 'main thread' ? {} : { workers: client.workers };
  const run = async (duration: number) =>
    autocannon({
      url: target.url,
      connections: CONNECTIONS,
      duration,
      headers: AUTH,
      ...threads,
      ...target.options,
    });
  if (warmUp && WARMUP_SECONDS > 0) await run(WARMUP_SECONDS);
  const ticker = target.onTick ? setInterval(target.onTick, 250) : undefined;
  try {
    const cpuBefore = cpuMs(target.pid);
    const result = await run(seconds);
    return figuresOf(result, cpuMs(target.pid) - cpuBefore);
  } finally {
    if (ticker) clearInterval(ticker);
  }
}

interface Pair {
  a: Figures;
  b: Figures;
  /** b's req/s over a's: the median of the rounds' ratios. */
  ratio: number;
}

/**
 * Loads two targets in alternation, BENCH_ROUNDS rounds of each, so both see the same machine (its
 * cores are shared, and other work comes and goes); each one's figures are its median round by
 * req/s.
 */
async function paired(a: Target, b: Target): Promise<Pair> {
  const seconds = Math.max(1, SECONDS / ROUNDS);
  if (WARMUP_SECONDS > 0) {
    await load(a, WARMUP_SECONDS, false);
    await load(b, WARMUP_SECONDS, false);
  }
  const rounds: { a: Figures; b: Figures }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    rounds.push({ a: await load(a, seconds, false), b: await load(b, seconds, false) });
  }
  const middle = (side: 'a' | 'b') => {
    const sorted = rounds.map((r) => r[side]).sort((x, y) => x.reqPerSec - y.reqPerSec);
    return sorted[Math.floor(sorted.length / 2)] as Figures;
  };
  return { a: middle('a'), b: middle('b'), ratio: median(rounds.map((r) => r.b.reqPerSec / r.a.reqPerSec)) };
}

/** A new prompt each request (autocannon writes a fresh id for `[<id>]`), so every answer is generated. */
const FRESH_PATH = '/ai?prompt=bench+fresh+[<id>]&expiration=0';
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

/** Spawn to the first 200 from /ai: wall time, and the CPU time the process used to get there. */
async function coldStart(mode: Mode, dir: string): Promise<{ wallMs: number; cpuMs: number }> {
  const port = await freePort();
  const database = join(dir, `cold-${port}.db`);
  const started = performance.now();
  const child = spawn(process.execPath, emulatorArgs(mode, port, database), {
    env: modeEnv(mode),
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
        if (res.status === 200) return { wallMs: performance.now() - started, cpuMs: cpuMs(child.pid) };
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
  /** req/s over the baseline's, when measured in turns (else from the two figures). */
  ratio?: number;
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
    'server CPU µs/req',
    'baseline req/s',
    'baseline p99 ms',
    'baseline CPU µs/req',
    'req/s ratio',
    'CPU ratio',
  ];
  const lines = rows.map(({ scenario, figures, baseline, ratio, unit }) => [
    scenario,
    `${fixed(figures.reqPerSec, 0)}${unit ?? ''}`,
    fixed(figures.p50, 0),
    fixed(figures.p99, 0),
    fixed(figures.mbPerSec),
    String(figures.bad),
    fixed(figures.cpuUsPerRequest, 0),
    baseline ? fixed(baseline.reqPerSec, 0) : '—',
    baseline ? fixed(baseline.p99, 0) : '—',
    baseline ? fixed(baseline.cpuUsPerRequest, 0) : '—',
    baseline ? `${fixed(ratio ?? figures.reqPerSec / baseline.reqPerSec, 2)}×` : '—',
    baseline ? `${fixed(cpuRatio(baseline, figures), 2)}×` : '—',
  ]);
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...lines.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}

/**
 * The throughput ratio a core of its own would give: the baseline's CPU per request over the
 * emulator's (each server is one thread, so its throughput is one core over its cost).
 */
const cpuRatio = (baseline: Figures, figures: Figures) => baseline.cpuUsPerRequest / figures.cpuUsPerRequest;

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
    ).join(', ')} (other work on the machine shares its cores)`,
    `- Code: massive-mock ${commit()}`,
    `- Emulator as the image runs it: \`node bin/massive-mock.js\` over built dist/, NODE_OPTIONS=${IMAGE_NODE_OPTIONS || '(none)'}, NODE_ENV=production, default log level (info), its log to a file`,
    '- Emulator as `npm start` runs it: `node src/cli.ts`, default log level (info), its log to a file',
    `- Load: autocannon ${CONNECTIONS} connections in ${WORKERS} worker thread(s), ${SECONDS} s per scenario and server in ${ROUNDS} turns with the baseline (figures: the median turn) after a ${WARMUP_SECONDS} s warm-up, on loopback, on the same machine`,
  ];
}

/** Primes the cache of a running emulator and returns the exact bytes of each cached path. */
async function prime(url: string): Promise<Record<keyof typeof PATHS, { body: Buffer; type: string }>> {
  const bodies: Partial<Record<keyof typeof PATHS, { body: Buffer; type: string }>> = {};
  for (const [name, path] of Object.entries(PATHS) as [keyof typeof PATHS, string][]) {
    const res = await fetch(`${url}${path}`, { headers: AUTH });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    bodies[name] = {
      body: Buffer.from(await res.arrayBuffer()),
      type: res.headers.get('content-type') ?? 'application/octet-stream',
    };
  }
  return bodies as Record<keyof typeof PATHS, { body: Buffer; type: string }>;
}

interface ModeRun {
  mode: Mode;
  cached: Pair;
  fresh: Figures;
  rendered: Pair;
  devices: Pair;
  loadRss: number;
  idleRss: number;
  colds: { wallMs: number; cpuMs: number }[];
}

async function measureMode(mode: Mode, dir: string, baseline: Server, rows: Row[]): Promise<ModeRun> {
  log(`${mode}: cold start, ${COLD_RUNS} fresh processes, spawn → first 200 from /ai?prompt=x`);
  const colds: { wallMs: number; cpuMs: number }[] = [];
  for (let i = 0; i < COLD_RUNS; i++) colds.push(await coldStart(mode, dir));

  const emulator = await startEmulator(mode, dir, ['--job-min-ms', '0', '--job-max-ms', '0']);
  try {
    await sleep(1000);
    const idleRss = rssMb(emulator.child.pid);
    await prime(emulator.url);
    let loadRss = 0;
    const sampleLoadRss = () => {
      loadRss = Math.max(loadRss, rssMb(emulator.child.pid));
    };
    const label = (scenario: string) => `${scenario}, ${MODE_TITLE[mode]}`;
    const against = async (scenario: string, name: keyof typeof PATHS, onTick?: () => void) => {
      log(`${mode}: ${scenario}, in turns with the baseline`);
      const pair = await paired(
        { url: `${baseline.url}/${name}`, pid: baseline.child.pid },
        { url: `${emulator.url}${PATHS[name]}`, pid: emulator.child.pid, ...(onTick && { onTick }) },
      );
      rows.push({ scenario: label(scenario), figures: pair.b, baseline: pair.a, ratio: pair.ratio });
      return pair;
    };
    const cached = await against('/ai JSON, cached', 'json', sampleLoadRss);
    const rendered = await against('/ai format=rendered, cached', 'rendered');
    const devices = await against('/ai/devices', 'devices');
    log(`${mode}: fresh /ai JSON (expiration=0, a new prompt each request)`);
    const fresh = await load({
      url: `${emulator.url}${FRESH_PATH}`,
      pid: emulator.child.pid,
      options: { idReplacement: true },
    });
    rows.push({ scenario: label('/ai JSON, generated (expiration=0)'), figures: fresh });
    return { mode, cached, fresh, rendered, devices, loadRss, idleRss, colds };
  } finally {
    await stopChild(emulator.child);
  }
}

/** Async pairs and the soak, on the image's emulator, with the client on this thread (it reads answers). */
async function asyncAndSoak(dir: string, rows: Row[]) {
  const emulator = await startEmulator('image', dir, ['--job-min-ms', '0', '--job-max-ms', '0']);
  try {
    await prime(emulator.url);
    log('image: async submit + poll (client on this thread: it reads each job id)');
    const polled: Record<string, number> = {};
    const asyncRun = await load({
      url: emulator.url,
      options: { requests: asyncPairRequests(() => CACHED_PROMPT, polled) },
      client: 'main thread',
    });
    rows.push({
      scenario: 'mode=async submit + /ai/completions poll, as the image runs it',
      figures: { ...asyncRun, reqPerSec: asyncRun.reqPerSec / 2 },
      unit: ' pairs',
    });
    if (SOAK_SECONDS <= 0)
      return { polled, soakRss: [] as { t: number; mb: number }[], exit: await stopChild(emulator.child) };
    log(`image: soak, mixed traffic for ${SOAK_SECONDS} s, RSS every ${SOAK_SAMPLE_MS / 1000} s`);
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
    rows.push({
      scenario: 'soak: mixed (cached, rendered, devices, generated, async), as the image runs it',
      figures: figuresOf(soak),
    });
    const databaseMb = statSync(join(dir, 'image.db')).size / 2 ** 20;
    return { polled, soakRss, databaseMb, exit: await stopChild(emulator.child) };
  } finally {
    await stopChild(emulator.child);
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  await ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'massive-mock-bench-'));
  try {
    // The baseline serves the very bytes the emulator answers (same seed, same paths).
    const primer = await startEmulator('image', dir, []);
    const bodies = await prime(primer.url);
    await stopChild(primer.child);
    const manifest = Object.entries(bodies).map(([name, { body, type }]) => {
      const file = join(dir, `${name}.body`);
      writeFileSync(file, body);
      return { path: `/${name}`, file, type };
    });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const baseline = await startBaseline(join(dir, 'manifest.json'));

    log(`client headroom: the baseline JSON with ${WORKERS} and ${WORKERS + 1} client threads, in turns`);
    let baselineRss = 0;
    const headroom = await paired(
      {
        url: `${baseline.url}/json`,
        pid: baseline.child.pid,
        onTick: () => (baselineRss = Math.max(baselineRss, rssMb(baseline.child.pid))),
      },
      { url: `${baseline.url}/json`, pid: baseline.child.pid, client: { workers: WORKERS + 1 } },
    );
    log('client headroom: and with the client on the bench thread, as earlier benches ran it');
    const mainThread = await load({
      url: `${baseline.url}/json`,
      pid: baseline.child.pid,
      client: 'main thread',
    });
    const rows: Row[] = [
      {
        scenario: `baseline: /ai JSON bytes (${bodies.json.body.length / 1000} kB), ${WORKERS} client thread(s)`,
        figures: headroom.a,
      },
      {
        scenario: `baseline: the same, ${WORKERS + 1} client threads`,
        figures: headroom.b,
        baseline: headroom.a,
        ratio: headroom.ratio,
      },
      {
        scenario: 'baseline: the same, client on the bench thread (as before)',
        figures: mainThread,
        baseline: headroom.a,
      },
    ];
    const runs: ModeRun[] = [];
    for (const mode of MODES) runs.push(await measureMode(mode, dir, baseline, rows));
    await stopChild(baseline.child);
    const tail = await asyncAndSoak(dir, rows);

    const moved = headroom.ratio - 1;
    const targets = [
      `- ${pass(Math.abs(moved) <= TARGETS.headroom)} client headroom: the baseline did ${fixed(headroom.a.reqPerSec, 0)} req/s with ${WORKERS} client thread(s) and ${fixed(headroom.b.reqPerSec, 0)} with ${WORKERS + 1}, in turns (${moved >= 0 ? '+' : ''}${fixed(moved * 100)}%; within ±${TARGETS.headroom * 100}%, the client is not the limit); with the client on the bench's own thread, as before, ${fixed(mainThread.reqPerSec, 0)}`,
    ];
    for (const run of runs) {
      const coldMedian = median(run.colds.map((cold) => cold.wallMs));
      const where = MODE_TITLE[run.mode];
      const ratioLine = (name: string, pair: Pair) =>
        `- ${pass(pair.ratio >= TARGETS.ratio)} ${name} ≥ ${TARGETS.ratio}× baseline, ${where}: ${fixed(pair.ratio, 2)}× (${fixed(pair.b.reqPerSec, 0)} vs ${fixed(pair.a.reqPerSec, 0)} req/s; p99 ${pair.b.p99} vs ${pair.a.p99} ms); by CPU per request ${fixed(cpuRatio(pair.a, pair.b), 2)}× (${fixed(pair.b.cpuUsPerRequest, 0)} vs ${fixed(pair.a.cpuUsPerRequest, 0)} µs)`;
      targets.push(
        ratioLine('cached /ai JSON', run.cached),
        `- ${pass(run.fresh.reqPerSec >= TARGETS.freshReqPerSec && run.fresh.p99 <= TARGETS.freshP99Ms)} fresh /ai JSON ≥ ${TARGETS.freshReqPerSec} req/s with p99 ≤ ${TARGETS.freshP99Ms} ms, ${where}: ${fixed(run.fresh.reqPerSec, 0)} req/s, p50 ${run.fresh.p50} ms, p99 ${run.fresh.p99} ms; the server spent ${fixed(run.fresh.cpuUsPerRequest / 1000, 2)} ms of CPU per answer, so a core of its own would make ${fixed(1e6 / run.fresh.cpuUsPerRequest, 0)} a second (bench/fresh-split.ts shows where that time goes)`,
        ratioLine('rendered HTML', run.rendered),
        ratioLine('/ai/devices', run.devices),
        `- ${pass(coldMedian <= TARGETS.coldStartMs)} cold start ≤ ${TARGETS.coldStartMs} ms (spawn → first 200 from /ai), ${where}: median ${fixed(coldMedian, 0)} ms over ${COLD_RUNS} runs (${run.colds.map((cold) => fixed(cold.wallMs, 0)).join(', ')}); CPU time to the first answer, median ${fixed(median(run.colds.map((cold) => cold.cpuMs)), 0)} ms (all threads: it is what the start costs, whatever else runs)`,
        `- ${pass(run.loadRss < TARGETS.rssMb)} RSS < ${TARGETS.rssMb} MB under cached load, ${where}: max ${fixed(run.loadRss)} MB (idle after start ${fixed(run.idleRss)} MB; the baseline ${fixed(baselineRss)} MB)`,
      );
    }
    const { soakRss } = tail;
    if (soakRss.length) {
      const settled = soakRss.filter((sample) => sample.t >= 10);
      const half = Math.floor(settled.length / 2);
      const mean = (samples: typeof soakRss) =>
        samples.reduce((sum, sample) => sum + sample.mb, 0) / samples.length;
      // Flat means no trend: one sample swings with every major GC, so halves are compared.
      const early = mean(settled.slice(0, half));
      const late = mean(settled.slice(half));
      const drift = (late - early) / early;
      targets.push(
        `- ${pass(Math.abs(drift) <= TARGETS.soakDrift)} RSS flat across the ${SOAK_SECONDS} s soak (mean of the second half of the samples after 10 s within ${TARGETS.soakDrift * 100}% of the first half's): ${fixed(early)} MB, then ${fixed(late)} MB (${drift >= 0 ? '+' : ''}${fixed(drift * 100)}%); max ${fixed(Math.max(...soakRss.map((sample) => sample.mb)))} MB; database file after it ${fixed(tail.databaseMb ?? Number.NaN)} MB`,
      );
    }
    log('where a fresh answer goes: bench/fresh-split.ts');
    const split = execFileSync(process.execPath, [join(ROOT, 'bench', 'fresh-split.ts'), '200'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const notes = [
      `- Async: polls answered ${Object.entries(tail.polled)
        .map(([status, count]) => `${status} × ${count}`)
        .join(', ')}; a pair is one submit (202) and one poll of the same job.`,
      ...(soakRss.length
        ? [
            `- Soak RSS samples (s: MB): ${soakRss.map((sample) => `${sample.t}: ${fixed(sample.mb)}`).join(', ')}.`,
          ]
        : []),
      `- The emulator exited with ${tail.exit} on SIGTERM after the run.`,
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
      '## Where a fresh answer goes',
      '',
      'In-process, as the service makes one (`node bench/fresh-split.ts 200`):',
      '',
      '```',
      split.trimEnd(),
      '```',
      '',
      '## Notes',
      '',
      ...notes,
      '',
    ].join('\n');
    writeFileSync(RESULTS, report);
    process.stdout.write(`${report}\n`);
    log(`wrote ${relative(process.cwd(), RESULTS) || RESULTS}`);
    if (CPU_PROF) log(`CPU profiles of the emulator in ${PROFILE_DIR}`);
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
