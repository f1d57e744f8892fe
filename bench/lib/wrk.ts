/**
 * wrk (a C load generator; Debian's `wrk` package) as the bench's client. A 250 kB reply costs
 * autocannon about 1.2 ms of CPU to read, wrk about 0.2 ms: on two cores shared with the server,
 * autocannon is what capped the baseline. wrk's Lua script writes the request (a new prompt each,
 * for fresh answers) and prints its figures as one JSON line when done.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { TOKEN } from './settings.ts';

/** wrk's path on PATH, or undefined when it is not installed. */
export const WRK = (process.env.PATH ?? '')
  .split(delimiter)
  .map((dir) => join(dir, 'wrk'))
  .find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

const SCRIPT = `
local counter = 0
local prefix = ""
local fresh = false
wrk.headers["authorization"] = "Bearer ${TOKEN}"
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  fresh = args[1] == "fresh"
  prefix = (args[2] or "") .. "t" .. tostring(tid)
end
function request()
  if not fresh then return wrk.request() end
  counter = counter + 1
  return wrk.format("GET", "/ai?prompt=bench+fresh+" .. prefix .. "+" .. counter .. "&expiration=0")
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"us":%d,"bytes":%d,"bad":%d,"p50":%d,"p99":%d}\\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
`;

let scriptFile: string | undefined;
let runs = 0;

export interface WrkRun {
  requests: number;
  reqPerSec: number;
  /** Latency percentiles, in ms. */
  p50: number;
  p99: number;
  mbPerSec: number;
  /** Connect, read, write and timeout errors, and non-2xx/3xx answers. */
  bad: number;
}

/** One wrk run: `fresh` asks `/ai` a new prompt (expiration=0) on every request instead of `url`. */
export async function runWrk(options: {
  url: string;
  connections: number;
  seconds: number;
  threads: number;
  fresh?: boolean;
}): Promise<WrkRun> {
  if (!WRK) throw new Error('wrk is not installed (apt-get install wrk), or set BENCH_CLIENT=autocannon');
  if (!scriptFile) {
    scriptFile = join(mkdtempSync(join(tmpdir(), 'massive-mock-wrk-')), 'bench.lua');
    writeFileSync(scriptFile, SCRIPT);
  }
  const threads = Math.min(options.threads, options.connections);
  const { stdout } = await promisify(execFile)(WRK, [
    `-t${threads}`,
    `-c${options.connections}`,
    `-d${Math.max(1, Math.round(options.seconds))}s`,
    '--timeout',
    '10s',
    '-s',
    scriptFile,
    options.url,
    '--',
    options.fresh ? 'fresh' : 'path',
    // Prompts never repeat across runs: a repeated one would be a cache hit.
    `${process.pid}r${++runs}`,
  ]);
  const line = stdout.trim().split('\n').at(-1) ?? '';
  const figures = JSON.parse(line) as Record<'requests' | 'us' | 'bytes' | 'bad' | 'p50' | 'p99', number>;
  const seconds = figures.us / 1e6;
  return {
    requests: figures.requests,
    reqPerSec: figures.requests / seconds,
    p50: Math.round(figures.p50 / 1000),
    p99: Math.round(figures.p99 / 1000),
    mbPerSec: figures.bytes / seconds / 1e6,
    bad: figures.bad,
  };
}
