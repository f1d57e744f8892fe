import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { Colds } from './lib/cold-start.ts';
import {
  asyncPairRequests,
  type Figures,
  figuresOf,
  freshPath,
  freshCounter,
  load,
  paired,
  type Pair,
} from './lib/load.ts';
import { type Mode, MODE_TITLE, rssMb, type Server, startEmulator, stopChild } from './lib/processes.ts';
import type { Row } from './lib/report.ts';
import {
  AUTH,
  CACHED_PROMPT,
  CONNECTIONS,
  log,
  PATHS,
  SOAK_SAMPLE_MS,
  SOAK_SECONDS,
  sleep,
} from './lib/settings.ts';

/** Primes the cache of a running emulator and returns the exact bytes of each cached path. */
export async function prime(
  url: string,
): Promise<Record<keyof typeof PATHS, { body: Buffer; type: string }>> {
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

export interface ModeRun {
  mode: Mode;
  cached: Pair;
  fresh: Figures;
  rendered: Pair;
  devices: Pair;
  loadRss: number;
  idleRss: number;
  colds: Colds;
}

export async function measureMode(
  mode: Mode,
  dir: string,
  baseline: Server,
  rows: Row[],
  colds: Colds,
): Promise<ModeRun> {
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
      url: emulator.url,
      fresh: true,
      pid: emulator.child.pid,
    });
    rows.push({ scenario: label('/ai JSON, generated (expiration=0)'), figures: fresh });
    return { mode, cached, fresh, rendered, devices, loadRss, idleRss, colds };
  } finally {
    await stopChild(emulator.child);
  }
}

/** Async pairs and the soak, on the image's emulator, with the client on this thread (it reads answers). */
export async function asyncAndSoak(dir: string, rows: Row[]) {
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

/** The database's size on disk (file and write-ahead log) after this many fresh answers, with the defaults. */
export async function measureStorage(dir: string, answers: number): Promise<{ mb: number; answers: number }> {
  const storeDir = join(dir, 'storage');
  mkdirSync(storeDir, { recursive: true });
  const emulator = await startEmulator('image', storeDir, []);
  try {
    log(`storage: ${answers} fresh answers with the default settings`);
    let next = 0;
    const result = await autocannon({
      url: emulator.url,
      connections: CONNECTIONS,
      amount: answers,
      headers: AUTH,
      requests: [
        { method: 'GET', setupRequest: (r) => ({ ...r, path: `/ai?prompt=storage+${++next}&expiration=0` }) },
      ],
    });
    await stopChild(emulator.child);
    const database = join(storeDir, 'image.db');
    const size = (file: string) => (existsSync(file) ? statSync(file).size : 0);
    return { mb: (size(database) + size(`${database}-wal`)) / 2 ** 20, answers: result['2xx'] };
  } finally {
    await stopChild(emulator.child);
  }
}
