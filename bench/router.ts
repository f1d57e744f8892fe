/**
 * `npm run bench:router` (also the last part of `npm run bench`): the router API under load, on
 * loopback, against `node src/cli.ts` in a process of its own (instant profile, :memory: store).
 *
 * - non-streamed completions per second: autocannon, BENCH_CONNECTIONS (50) connections for
 *   BENCH_SECONDS (10) after BENCH_WARMUP_SECONDS (2);
 * - BENCH_STREAMS (1,000) concurrent streams, opened at once, BENCH_STREAM_ROUNDS (3) times after a
 *   warm-up round: time to first chunk (p50, p99) and chunks per second across all of them;
 * - the same for chat completions (`/chat/completions`), with how many streams completed and the
 *   server's resident memory after each round (bounded: it does not grow round after round);
 * - BENCH_STREAMS chat streams held open (a fault rule delays their first token a minute), then
 *   every client disconnecting: how long until the server has let every one go (the journal
 *   records each stream when it ends), and its memory while they were open and after.
 *
 * Prints a table and writes bench/RESULTS-router.md. Not part of `npm test`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { Agent, type IncomingMessage, request } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { LISTENING, printed } from './lib/processes.ts';

const ROOT = join(import.meta.dirname, '..');
const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
};
const SECONDS = envNumber('BENCH_SECONDS', 10);
const WARMUP_SECONDS = envNumber('BENCH_WARMUP_SECONDS', 2);
const CONNECTIONS = envNumber('BENCH_CONNECTIONS', 50);
const STREAMS = envNumber('BENCH_STREAMS', 1000);
const ROUNDS = envNumber('BENCH_STREAM_ROUNDS', 3);
const MODEL = 'openai/gpt-3.5-turbo-instruct';
const HEADERS = { authorization: 'Bearer bench', 'content-type': 'application/json' };
const log = (message: string) => process.stderr.write(`${message}\n`);

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      'src/cli.ts',
      ...['--host', '127.0.0.1', '--port', '0', '--database', ':memory:', '--log-level', 'info'],
      // The disconnect round counts its streams in the journal: room for all of them.
      ...['--journal-size', String(STREAMS * 2)],
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await printed(child, LISTENING, 'the emulator', 20_000);
  return { url, child };
}

async function completionsPerSecond(url: string) {
  const options = {
    url: `${url}/api/v1/completions`,
    method: 'POST' as const,
    headers: HEADERS,
    body: JSON.stringify({ model: MODEL, prompt: 'Write a tagline for an ice cream shop', max_tokens: 16 }),
    connections: CONNECTIONS,
  };
  await autocannon({ ...options, duration: WARMUP_SECONDS });
  const result = await autocannon({ ...options, duration: SECONDS });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** A streamed request's path and body: a completion, or a chat completion. */
const STREAMED = {
  completions: (index: number) => ({
    path: '/api/v1/completions',
    body: { model: MODEL, prompt: `Stream number ${index}`, max_tokens: 32, stream: true },
  }),
  chat: (index: number) => ({
    path: '/api/v1/chat/completions',
    body: {
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: `Stream number ${index}` }],
      max_tokens: 32,
      stream: true,
    },
  }),
};

/** The server's resident memory, in MiB, from /proc (Linux). */
function rssMiB(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

/** Opens `count` streams at once; resolves with each one's time to first chunk and the chunks it got. */
async function streamRound(url: string, count: number, kind: keyof typeof STREAMED = 'completions') {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const started = performance.now();
  let completed = 0;
  const streams = await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const sent = performance.now();
      const { path, body } = STREAMED[kind](index);
      const req = request(`${url}${path}`, { method: 'POST', headers: HEADERS, agent });
      req.end(JSON.stringify(body));
      const [res] = (await once(req, 'response')) as [IncomingMessage];
      let first = 0;
      let chunks = 0;
      res.setEncoding('utf8');
      res.on('data', (data: string) => {
        first ||= performance.now() - sent;
        chunks += data.split('data: ').length - 1;
      });
      let tail = '';
      res.on('data', (data: string) => (tail = (tail + data).slice(-32)));
      await once(res, 'end');
      if (tail.includes('data: [DONE]')) completed++;
      return { first, chunks: chunks - 1 }; // [DONE] is not a chunk
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const firsts = streams.map((stream) => stream.first).sort((a, b) => a - b);
  const chunks = streams.reduce((sum, stream) => sum + stream.chunks, 0);
  return {
    ttftP50: percentile(firsts, 50),
    ttftP99: percentile(firsts, 99),
    chunksPerSecond: chunks / seconds,
    seconds,
    chunks,
    completed,
  };
}

const admin = (url: string, method: string, path: string, body?: unknown) =>
  fetch(`${url}/__admin${path}`, {
    method,
    ...(body !== undefined && {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  });

/**
 * Opens `count` chat streams whose first token a fault rule holds back a minute, then disconnects
 * every client: how long the server takes to let all of them go (each is journalled when it ends).
 */
async function disconnectRound(url: string, count: number, pid: number | undefined) {
  await admin(url, 'POST', '/reset');
  await admin(url, 'POST', '/faults', {
    match: { operation: 'createChatCompletion' },
    effect: { stream: { firstTokenDelayMs: 60_000 } },
  });
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const requests = await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const { path, body } = STREAMED.chat(index);
      const req = request(`${url}${path}`, { method: 'POST', headers: HEADERS, agent });
      req.on('error', () => {});
      req.end(JSON.stringify(body));
      await once(req, 'response');
      return req;
    }),
  );
  const heldMiB = rssMiB(pid);
  const cut = performance.now();
  for (const req of requests) req.destroy();
  let freed = 0;
  while (performance.now() - cut < 30_000) {
    const entries = (await (await admin(url, 'GET', '/journal?path=/api/v1/chat/completions')).json()) as {
      decisions?: { stream?: { ending?: string } };
    }[];
    freed = entries.filter((entry) => entry.decisions?.stream?.ending === 'disconnected').length;
    if (freed >= count) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const freedMs = performance.now() - cut;
  agent.destroy();
  await admin(url, 'POST', '/reset');
  return { heldMiB, freed, freedMs, afterMiB: rssMiB(pid) };
}

async function main(): Promise<void> {
  const server = await startServer();
  try {
    log(`router bench against ${server.url}`);
    const plain = await completionsPerSecond(server.url);
    log(`non-streamed: ${plain.rps} req/s`);
    await streamRound(server.url, STREAMS); // warm-up: the first round pays for JIT and lazy loading
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) {
      rounds.push(await streamRound(server.url, STREAMS));
      log(`streams round ${round + 1}: ${JSON.stringify(rounds.at(-1))}`);
    }
    await streamRound(server.url, STREAMS, 'chat');
    const chats = [];
    const memory = [rssMiB(server.child.pid)];
    for (let round = 0; round < ROUNDS; round++) {
      chats.push(await streamRound(server.url, STREAMS, 'chat'));
      memory.push(rssMiB(server.child.pid));
      log(`chat streams round ${round + 1}: ${JSON.stringify(chats.at(-1))}, ${memory.at(-1)} MiB`);
    }
    const gone = await disconnectRound(server.url, STREAMS, server.child.pid);
    log(`disconnect: ${JSON.stringify(gone)}`);
    const median = <T>(items: T[], key: (item: T) => number) =>
      items.map(key).sort((a, b) => a - b)[Math.floor(items.length / 2)] ?? 0;
    const fmt = (value: number) => Math.round(value).toLocaleString('en-US');
    const report = [
      '# Router API benchmark',
      '',
      `${new Date().toISOString()}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; client and server on the same machine.`,
      '',
      '| scenario | result |',
      '| --- | ---: |',
      `| non-streamed completions (max_tokens 16, ${CONNECTIONS} connections, ${SECONDS} s) | ${fmt(plain.rps)} req/s, p50 ${plain.p50} ms, p99 ${plain.p99} ms, ${plain.errors} errors |`,
      `| ${STREAMS} concurrent streams (32 chunks each), time to first chunk | p50 ${fmt(median(rounds, (r) => r.ttftP50))} ms, p99 ${fmt(median(rounds, (r) => r.ttftP99))} ms |`,
      `| ${STREAMS} concurrent streams, chunks per second (all streams) | ${fmt(median(rounds, (r) => r.chunksPerSecond))} chunks/s (${ROUNDS} rounds, median; a round takes ${median(rounds, (r) => r.seconds).toFixed(2)} s) |`,
      `| ${STREAMS} concurrent chat streams (max_tokens 32), completed with [DONE] | ${chats.map((r) => `${r.completed}/${STREAMS}`).join(', ')} (${ROUNDS} rounds) |`,
      `| ${STREAMS} concurrent chat streams, time to first chunk | p50 ${fmt(median(chats, (r) => r.ttftP50))} ms, p99 ${fmt(median(chats, (r) => r.ttftP99))} ms; ${fmt(median(chats, (r) => r.chunksPerSecond))} chunks/s |`,
      `| server memory (RSS) before the chat rounds, then after each | ${memory.join(' → ')} MiB |`,
      `| ${STREAMS} chat streams held open, then every client disconnecting | ${gone.freed}/${STREAMS} freed ${fmt(gone.freedMs)} ms after the disconnect; RSS ${gone.heldMiB} MiB held, ${gone.afterMiB} MiB after |`,
      '',
    ].join('\n');
    process.stdout.write(`${report}\n`);
    writeFileSync(join(ROOT, 'bench', 'RESULTS-router.md'), report);
  } finally {
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
  }
}

main().catch((error: unknown) => {
  log(String((error as Error).stack ?? error));
  process.exitCode = 1;
});
