/**
 * `npm run bench`: load tests on loopback with wrk (autocannon where wrk is missing), next to a bare Fastify server answering
 * the same bytes (bench/baseline-server.ts), plus cold start and memory. The emulator runs twice:
 * as the README starts it (`npm start`: the bin over the bundled dist/, default logging) and as the
 * Docker image runs it (built dist/, its NODE_OPTIONS and NODE_ENV, default logging). Prints a
 * table and writes bench/RESULTS.md. Not part of `npm test`.
 *
 * The load generator is wrk (bench/lib/wrk.ts says why), in its own process, and proves it is not
 * the limit: the baseline is measured with one more client thread, and the figures must agree (and
 * with autocannon in worker threads, as earlier benches did, to show what that client capped).
 *
 * Environment: BENCH_SECONDS (6) per scenario and server, in BENCH_ROUNDS (3) turns with the
 * baseline, BENCH_WARMUP_SECONDS (2) before each, BENCH_CONNECTIONS (50), BENCH_WRK_THREADS (2)
 * wrk threads, BENCH_CLIENT=autocannon to load with autocannon in BENCH_WORKERS (2) worker
 * threads instead, BENCH_SOAK_SECONDS (30, 0 skips it),
 * BENCH_COLD_RUNS (11), BENCH_MODES (`image,npm-start`), BENCH_SKIP_BUILD=1 to use dist/ as it
 * is, BENCH_NODE_OPTIONS (the image's) for the image mode, BENCH_CPU_PROF=1 to run the emulator
 * under `node --cpu-prof` (profile written on exit to BENCH_PROFILE_DIR, default
 * $TMPDIR/massive-mock-profiles; summarise it with `node bench/profile-summary.ts <file>`).
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import {
  type Client,
  clientName,
  DEFAULT_CLIENT,
  type Figures,
  load,
  median,
  paired,
  type Pair,
} from './lib/load.ts';
import {
  children,
  ensureBuilt,
  rssMb,
  type Server,
  startBaseline,
  startEmulator,
  stopChild,
  MODE_TITLE,
} from './lib/processes.ts';
import { cpuRatio, fixed, machine, pass, type Row, table } from './lib/report.ts';
import {
  COLD_RUNS,
  CPU_PROF,
  log,
  MODES,
  PROFILE_DIR,
  RESULTS,
  ROOT,
  SOAK_SECONDS,
  TARGETS,
  WORKERS,
} from './lib/settings.ts';
import { type Colds, coldStarts } from './lib/cold-start.ts';
import { asyncAndSoak, measureMode, measureStorage, type ModeRun, prime } from './scenarios.ts';

/** Fresh answers the storage figure is taken after. */
const STORAGE_ANSWERS = 5000;

/** The baseline server, answering the very bytes the emulator answers (same seed, same paths). */
async function baselineOf(dir: string) {
  const primer = await startEmulator('image', dir, []);
  const bodies = await prime(primer.url);
  await stopChild(primer.child);
  const manifest = Object.entries(bodies).map(([name, { body, type }]) => {
    const file = join(dir, `${name}.body`);
    writeFileSync(file, body);
    return { path: `/${name}`, file, type };
  });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return { bodies, baseline: await startBaseline(join(dir, 'manifest.json')) };
}

/** One more client thread than the bench's client gets. */
const moreThreads = (client: Client): Client =>
  client === 'main thread'
    ? { workers: 1 }
    : 'wrk' in client
      ? { wrk: client.wrk + 1 }
      : { workers: client.workers + 1 };

/**
 * The baseline with one more client thread: the client is not the limit if it does not move. And
 * with autocannon in worker threads, the client earlier benches used, to show what it capped.
 */
async function measureHeadroom(baseline: Server, jsonKb: number) {
  const more = moreThreads(DEFAULT_CLIENT);
  log(
    `client headroom: the baseline JSON with ${clientName(DEFAULT_CLIENT)}, then ${clientName(more)}, in turns`,
  );
  let baselineRss = 0;
  const headroom = await paired(
    {
      url: `${baseline.url}/json`,
      pid: baseline.child.pid,
      onTick: () => (baselineRss = Math.max(baselineRss, rssMb(baseline.child.pid))),
    },
    { url: `${baseline.url}/json`, pid: baseline.child.pid, client: more },
  );
  const earlier: Client = { workers: WORKERS };
  log(`client headroom: and with ${clientName(earlier)}, as earlier benches ran it`);
  const asEarlier = await load({ url: `${baseline.url}/json`, pid: baseline.child.pid, client: earlier });
  const rows: Row[] = [
    {
      scenario: `baseline: /ai JSON bytes (${jsonKb} kB), ${clientName(DEFAULT_CLIENT)}`,
      figures: headroom.a,
    },
    {
      scenario: `baseline: the same, ${clientName(more)}`,
      figures: headroom.b,
      baseline: headroom.a,
      ratio: headroom.ratio,
    },
    {
      scenario: `baseline: the same, ${clientName(earlier)} (earlier benches)`,
      figures: asEarlier,
      baseline: headroom.a,
    },
  ];
  const moved = headroom.ratio - 1;
  const target = `- ${pass(Math.abs(moved) <= TARGETS.headroom)} client headroom: the baseline did ${fixed(headroom.a.reqPerSec, 0)} req/s with ${clientName(DEFAULT_CLIENT)} and ${fixed(headroom.b.reqPerSec, 0)} with ${clientName(more)}, in turns (${moved >= 0 ? '+' : ''}${fixed(moved * 100)}%; within ±${TARGETS.headroom * 100}%, the client is not the limit); with ${clientName(earlier)}, as earlier benches measured, ${fixed(asEarlier.reqPerSec, 0)}`;
  return { rows, target, baselineRss };
}

function coldTarget(colds: Colds, where: string): string {
  const coldMedian = median(colds.map((cold) => cold.wallMs));
  return `- ${pass(coldMedian <= TARGETS.coldStartMs)} cold start ≤ ${TARGETS.coldStartMs} ms (spawn → first 200 from /ai), ${where}: median ${fixed(coldMedian, 0)} ms over ${COLD_RUNS} runs (${colds.map((cold) => fixed(cold.wallMs, 0)).join(', ')}); CPU time to the first answer, median ${fixed(median(colds.map((cold) => cold.cpuMs)), 0)} ms (all threads: it is what the start costs, whatever else runs)`;
}

function modeTargets(run: ModeRun, baselineRss: number): string[] {
  const where = MODE_TITLE[run.mode];
  const ratioLine = (name: string, pair: Pair) =>
    `- ${pass(pair.ratio >= TARGETS.ratio)} ${name} ≥ ${TARGETS.ratio}× baseline, ${where}: ${fixed(pair.ratio, 2)}× (${fixed(pair.b.reqPerSec, 0)} vs ${fixed(pair.a.reqPerSec, 0)} req/s; p99 ${pair.b.p99} vs ${pair.a.p99} ms); by CPU per request ${fixed(cpuRatio(pair.a, pair.b), 2)}× (${fixed(pair.b.cpuUsPerRequest, 0)} vs ${fixed(pair.a.cpuUsPerRequest, 0)} µs)`;
  const fresh: Figures = run.fresh;
  return [
    ratioLine('cached /ai JSON', run.cached),
    `- ${pass(fresh.reqPerSec >= TARGETS.freshReqPerSec && fresh.p99 <= TARGETS.freshP99Ms)} fresh /ai JSON ≥ ${TARGETS.freshReqPerSec} req/s with p99 ≤ ${TARGETS.freshP99Ms} ms, ${where}: ${fixed(fresh.reqPerSec, 0)} req/s, p50 ${fresh.p50} ms, p99 ${fresh.p99} ms; the server spent ${fixed(fresh.cpuUsPerRequest / 1000, 2)} ms of CPU per answer, so a core of its own would make ${fixed(1e6 / fresh.cpuUsPerRequest, 0)} a second (bench/fresh-split.ts shows where that time goes)`,
    ratioLine('rendered HTML', run.rendered),
    ratioLine('/ai/devices', run.devices),
    coldTarget(run.colds, where),
    `- ${pass(run.loadRss < TARGETS.rssMb)} RSS < ${TARGETS.rssMb} MB under cached load, ${where}: max ${fixed(run.loadRss)} MB (idle after start ${fixed(run.idleRss)} MB; the baseline ${fixed(baselineRss)} MB)`,
  ];
}

function soakTarget(soakRss: { t: number; mb: number }[], databaseMb: number): string[] {
  if (!soakRss.length) return [];
  const settled = soakRss.filter((sample) => sample.t >= 10);
  const half = Math.floor(settled.length / 2);
  const mean = (samples: typeof soakRss) =>
    samples.reduce((sum, sample) => sum + sample.mb, 0) / samples.length;
  // Flat means no trend: one sample swings with every major GC, so halves are compared.
  const early = mean(settled.slice(0, half));
  const late = mean(settled.slice(half));
  const drift = (late - early) / early;
  return [
    `- ${pass(Math.abs(drift) <= TARGETS.soakDrift)} RSS flat across the ${SOAK_SECONDS} s soak (mean of the second half of the samples after 10 s within ${TARGETS.soakDrift * 100}% of the first half's): ${fixed(early)} MB, then ${fixed(late)} MB (${drift >= 0 ? '+' : ''}${fixed(drift * 100)}%); max ${fixed(Math.max(...soakRss.map((sample) => sample.mb)))} MB; database file after it ${fixed(databaseMb)} MB`,
  ];
}

function report(rows: Row[], targets: string[], split: string, notes: string[]): string {
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts) at the end of its last run; figures from one run on the machine below. docs/benchmarks.md says how to reproduce each.',
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
}

async function main(): Promise<void> {
  await ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'massive-mock-bench-'));
  try {
    const { bodies, baseline } = await baselineOf(dir);
    const { rows, target, baselineRss } = await measureHeadroom(baseline, bodies.json.body.length / 1000);
    const colds = await coldStarts([...MODES, 'bin'], dir);
    const runs: ModeRun[] = [];
    for (const mode of MODES) runs.push(await measureMode(mode, dir, baseline, rows, colds.get(mode) ?? []));
    await stopChild(baseline.child);
    const storage = await measureStorage(dir, STORAGE_ANSWERS);
    const tail = await asyncAndSoak(dir, rows);
    const targets = [
      target,
      ...runs.flatMap((run) => modeTargets(run, baselineRss)),
      coldTarget(colds.get('bin') ?? [], MODE_TITLE.bin),
      `- ${pass(storage.mb < TARGETS.storageMb)} storage < ${TARGETS.storageMb} MB after ${STORAGE_ANSWERS} fresh answers with the default settings: ${fixed(storage.mb)} MB (database file and its write-ahead log; ${storage.answers} answered 200)`,
      ...soakTarget(tail.soakRss, tail.databaseMb ?? Number.NaN),
    ];
    log('where a fresh answer goes: bench/fresh-split.ts');
    const split = execFileSync(process.execPath, [join(ROOT, 'bench', 'fresh-split.ts'), '200'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const notes = [
      `- Async: polls answered ${Object.entries(tail.polled)
        .map(([status, count]) => `${status} × ${count}`)
        .join(', ')}; a pair is one submit (202) and one poll of the same job.`,
      ...(tail.soakRss.length
        ? [
            `- Soak RSS samples (s: MB): ${tail.soakRss.map((sample) => `${sample.t}: ${fixed(sample.mb)}`).join(', ')}.`,
          ]
        : []),
      `- The emulator exited with ${tail.exit} on SIGTERM after the run.`,
      '- Baseline: bench/baseline-server.ts, Fastify with no plugins, one route per body, answering the bytes fetched from the emulator (same Content-Type); no auth, validation, store or logging.',
    ];
    const text = report(rows, targets, split, notes);
    writeFileSync(RESULTS, text);
    process.stdout.write(`${text}\n`);
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
