import { join } from 'node:path';
import { loadavg, tmpdir } from 'node:os';

/** How the bench starts the emulator: as the image, as `npm start`, or as the package bin. */
export type Mode = 'image' | 'npm-start' | 'bin';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'massive-mock.js');
export const RESULTS = join(ROOT, 'bench', 'RESULTS.md');

export function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}

export const SECONDS = envNumber('BENCH_SECONDS', 6);
export const WARMUP_SECONDS = envNumber('BENCH_WARMUP_SECONDS', 2);
export const CONNECTIONS = envNumber('BENCH_CONNECTIONS', 50);
export const SOAK_SECONDS = envNumber('BENCH_SOAK_SECONDS', 30);
export const COLD_RUNS = Math.max(1, envNumber('BENCH_COLD_RUNS', 11));
export const WORKERS = Math.max(1, envNumber('BENCH_WORKERS', 2));
export const ROUNDS = Math.max(1, envNumber('BENCH_ROUNDS', 3));
export const MODES = (process.env.BENCH_MODES ?? 'image,npm-start')
  .split(',')
  .map((mode) => mode.trim())
  .filter((mode): mode is Mode => mode === 'image' || mode === 'npm-start');
export const SOAK_SAMPLE_MS = 5_000;
export const LOAD_AT_START = loadavg();
export const CPU_PROF = process.env.BENCH_CPU_PROF === '1';
export const PROFILE_DIR = process.env.BENCH_PROFILE_DIR ?? join(tmpdir(), 'massive-mock-profiles');

export const TOKEN = 'bench';
export const AUTH = { authorization: `Bearer ${TOKEN}` };
export const CACHED_PROMPT = 'best+running+shoes+for+beginners';
export const PATHS = {
  json: `/ai?prompt=${CACHED_PROMPT}`,
  rendered: `/ai?prompt=${CACHED_PROMPT}&format=rendered`,
  devices: '/ai/devices',
};

/** Issues 14 and 18's targets, at 50 connections on 2 cores. */
export const TARGETS = {
  ratio: 0.6,
  freshReqPerSec: 1000,
  freshP99Ms: 100,
  coldStartMs: 300,
  rssMb: 150,
  storageMb: 50,
  soakDrift: 0.1,
  /** Client headroom: the baseline may move this much when the client gets another thread. */
  headroom: 0.1,
};

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const log = (message: string) => process.stderr.write(`${message}\n`);
