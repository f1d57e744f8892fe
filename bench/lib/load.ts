import autocannon from 'autocannon';
import { cpuMs } from './processes.ts';
import { AUTH, CONNECTIONS, envNumber, ROUNDS, SECONDS, WARMUP_SECONDS, WORKERS } from './settings.ts';
import { runWrk, WRK } from './wrk.ts';

// ---------------------------------------------------------------------------------------------
// Load

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

export interface Figures {
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

/**
 * The client: wrk in `wrk` threads, autocannon in `workers` threads, or autocannon on this
 * process's own thread (it reads each answer: async pairs).
 */
export type Client = { wrk: number } | { workers: number } | 'main thread';

/**
 * wrk when it is installed (BENCH_CLIENT=autocannon measures with autocannon instead), in two
 * threads: one thread reading 254 kB replies capped the baseline (6,200-6,300 req/s against
 * 7,900-8,500 with two or three, in turns, December 2026), and a third does not move it.
 */
export const DEFAULT_CLIENT: Client =
  WRK && process.env.BENCH_CLIENT !== 'autocannon'
    ? { wrk: Math.max(1, envNumber('BENCH_WRK_THREADS', 2)) }
    : { workers: WORKERS };

export const clientName = (client: Client): string =>
  client === 'main thread'
    ? 'autocannon on the bench thread'
    : 'wrk' in client
      ? `wrk, ${client.wrk} thread(s)`
      : `autocannon, ${client.workers} worker thread(s)`;

export function figuresOf(result: autocannon.Result, serverCpuMs = Number.NaN): Figures {
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

export interface Target {
  /** The URL asked; with `fresh`, the server's (every request asks /ai a new prompt). */
  url: string;
  fresh?: boolean;
  /** The server's process, to read the CPU time it spends. */
  pid?: number | undefined;
  options?: Partial<autocannon.Options>;
  client?: Client;
  /** Called every 250 ms while measuring (not warming up). */
  onTick?: () => void;
}

/** One run of the client against the target: its figures but the server's CPU. */
type Run = (seconds: number) => Promise<Omit<Figures, 'cpuUsPerRequest'>>;

function runner(target: Target): Run {
  const client = target.client ?? DEFAULT_CLIENT;
  if (client !== 'main thread' && 'wrk' in client)
    return (seconds) =>
      runWrk({
        url: target.url,
        connections: CONNECTIONS,
        seconds,
        threads: client.wrk,
        ...(target.fresh && { fresh: true }),
      });
  const threads = client === 'main thread' ? {} : { workers: client.workers };
  return async (duration) =>
    figuresOf(
      await autocannon({
        url: target.fresh ? `${target.url}${FRESH_PATH}` : target.url,
        connections: CONNECTIONS,
        duration,
        headers: AUTH,
        ...(target.fresh && { idReplacement: true }),
        ...threads,
        ...target.options,
      }),
    );
}

export async function load(target: Target, seconds = SECONDS, warmUp = true): Promise<Figures> {
  const run = runner(target);
  if (warmUp && WARMUP_SECONDS > 0) await run(WARMUP_SECONDS);
  const ticker = target.onTick ? setInterval(target.onTick, 250) : undefined;
  try {
    const cpuBefore = cpuMs(target.pid);
    const figures = await run(seconds);
    return { ...figures, cpuUsPerRequest: ((cpuMs(target.pid) - cpuBefore) * 1000) / figures.requests };
  } finally {
    if (ticker) clearInterval(ticker);
  }
}

export interface Pair {
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
export async function paired(a: Target, b: Target): Promise<Pair> {
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
export const FRESH_PATH = '/ai?prompt=bench+fresh+[<id>]&expiration=0';
export let freshCounter = 0;
export const freshPath = () => `/ai?prompt=bench+fresh+prompt+${++freshCounter}&expiration=0`;

/** Every connection submits a job, then polls it once (jobs take 0 ms in this process). */
export function asyncPairRequests(
  prompt: () => string,
  counts: Record<string, number>,
): autocannon.Request[] {
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
