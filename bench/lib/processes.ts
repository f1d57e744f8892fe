import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { distIsFresh } from '../../scripts/dist-freshness.ts';
import { startEnv } from '../../scripts/start-env.ts';
import { BIN, CPU_PROF, log, type Mode, PROFILE_DIR, ROOT, sleep } from './settings.ts';

export type { Mode };

// ---------------------------------------------------------------------------------------------
// Processes

export const children = new Set<ChildProcess>();

export interface Server {
  url: string;
  child: ChildProcess;
  output(): string;
}

export function freePort(): Promise<number> {
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
export function track(child: ChildProcess, withStdout = false): () => string {
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

export async function stopChild(child: ChildProcess, timeoutMs = 15_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code] = (await exited) as [number | null];
  clearTimeout(timer);
  return code;
}

/**
 * The image sets NODE_OPTIONS (a young generation of 2 MB semi-spaces keeps resident memory under
 * load about 50 MB lower, for no loss of throughput) and NODE_ENV (Dockerfile); BENCH_NODE_OPTIONS
 * overrides the first ('' for Node's defaults). `npm start` runs with neither, and with malloc's
 * settings (package.json's start script), as the image does too.
 */
export const START_ENV = startEnv(ROOT);
export const IMAGE_NODE_OPTIONS = process.env.BENCH_NODE_OPTIONS ?? '--max-semi-space-size=2';
export const modeEnv = (mode: Mode): NodeJS.ProcessEnv => {
  const { NODE_OPTIONS: _options, NODE_ENV: _env, ...env } = process.env;
  if (mode === 'image')
    return { ...env, ...START_ENV, NODE_OPTIONS: IMAGE_NODE_OPTIONS, NODE_ENV: 'production' };
  return mode === 'npm-start' ? { ...env, ...START_ENV } : env;
};
/**
 * All three run the bin (`npm start` too, package.json), which runs the bundled command in dist/;
 * they differ by environment (modeEnv).
 */
export const ENTRY: Record<Mode, string> = { image: BIN, 'npm-start': BIN, bin: BIN };
export const MODE_TITLE: Record<Mode, string> = {
  image: 'as the image runs it',
  'npm-start': 'as `npm start` runs it',
  bin: 'as the package bin runs it',
};

export function emulatorArgs(
  mode: Mode,
  port: number,
  database: string,
  extra: readonly string[] = [],
): string[] {
  return [ENTRY[mode], '--host', '127.0.0.1', '--port', String(port), '--database', database, ...extra];
}

/**
 * Ready once /__admin/health answers 200. Before that endpoint exists, any answer at all (its 404)
 * shows the server listening: no other route is asked, so nothing is loaded lazily before the idle
 * RSS is read.
 */
export async function waitReady(url: string, child: ChildProcess, output: () => string, timeoutMs = 20_000) {
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
export async function startEmulator(mode: Mode, dir: string, extra: readonly string[]): Promise<Server> {
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

export async function startBaseline(manifest: string): Promise<Server> {
  const child = spawn(process.execPath, [join(ROOT, 'bench', 'baseline-server.ts'), manifest], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = track(child);
  const line = await printed(child, /^(\{.*\})$/, 'the baseline', 15_000, output);
  return { url: (JSON.parse(line) as { url: string }).url, child, output };
}

/**
 * The first group of the first line `child` prints to stdout that `pattern` matches; rejected if the
 * child exits or `timeoutMs` passes first. Its stdout keeps flowing after, so that a child that logs
 * never blocks on a full pipe.
 */
export function printed(
  child: ChildProcess,
  pattern: RegExp,
  what: string,
  timeoutMs: number,
  output: () => string = () => '',
): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const settle = (error: Error | undefined, found = '') => {
      clearTimeout(timer);
      child.off('exit', exited);
      lines.close();
      child.stdout?.resume();
      if (error) reject(error);
      else resolve(found);
    };
    const exited = (code: number | null) => settle(new Error(`${what} exited with ${code}:\n${output()}`));
    const timer = setTimeout(
      () => settle(new Error(`${what} printed no ${pattern} within ${timeoutMs} ms:\n${output()}`)),
      timeoutMs,
    );
    child.once('exit', exited);
    lines.on('line', (line) => {
      const found = pattern.exec(line)?.[1];
      if (found !== undefined) settle(undefined, found);
    });
  });
}

/** The URL the emulator prints once it listens (src/http/home.ts). */
export const LISTENING = /listening at (http:\/\/127\.0\.0\.1:\d+)/i;

/** CPU time a process has used (user + system), in ms: /proc/<pid>/stat counts clock ticks of 10 ms. */
export function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export function rssMb(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match?.[1] ? Number(match[1]) / 1024 : Number.NaN;
}

// ---------------------------------------------------------------------------------------------
// Build

export async function ensureBuilt(): Promise<void> {
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
