/**
 * `npm run bench:router` (also the last part of `npm run bench`): the router API under load, on
 * loopback, against `node src/cli.ts` in a process of its own (instant profile, :memory: store).
 *
 * - non-streamed completions per second: autocannon, BENCH_CONNECTIONS (50) connections for
 *   BENCH_SECONDS (10) after BENCH_WARMUP_SECONDS (2);
 * - BENCH_STREAMS (1,000) concurrent streams, opened at once, BENCH_STREAM_ROUNDS (3) times after a
 *   warm-up round: time to first chunk (p50, p99) and chunks per second across all of them.
 *
 * Prints a table and writes bench/RESULTS-router.md. Not part of `npm test`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { Agent, type IncomingMessage, request } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

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
    ['src/cli.ts', '--host', '127.0.0.1', '--port', '0', '--database', ':memory:', '--log-level', 'info'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the emulator did not start within 20 s')), 20_000);
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const match = /listening at (http:\/\/127\.0\.0\.1:\d+)/i.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`the emulator exited with ${code}`)));
  });
  child.stdout?.resume();
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

/** Opens `count` streams at once; resolves with each one's time to first chunk and the chunks it got. */
async function streamRound(url: string, count: number) {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const started = performance.now();
  const streams = await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const sent = performance.now();
      const req = request(`${url}/api/v1/completions`, { method: 'POST', headers: HEADERS, agent });
      req.end(
        JSON.stringify({ model: MODEL, prompt: `Stream number ${index}`, max_tokens: 32, stream: true }),
      );
      const [res] = (await once(req, 'response')) as [IncomingMessage];
      let first = 0;
      let chunks = 0;
      res.setEncoding('utf8');
      res.on('data', (data: string) => {
        first ||= performance.now() - sent;
        chunks += data.split('data: ').length - 1;
      });
      await once(res, 'end');
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
  };
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
