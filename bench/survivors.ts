/**
 * What outlives the young collections under load: objects a call leaves behind past them are
 * promoted, and collected only by a full collection, so they cost young collections their copying
 * and full ones their marking. Starts the emulator in this process (src/, the CLI's settings and
 * log, to /dev/null), loads it with wrk, and samples allocations with V8's heap profiler keeping
 * the objects full collections took and leaving out those young ones took: what remains is what
 * survived them. Prints kB per call and the allocation sites that survived most.
 *   node bench/survivors.ts [path=/ai/devices] [seconds=4] [top=20]
 * A bare route of the same app (`/favicon.ico`) is the control: under 0.1 kB a call.
 */
import { spawn } from 'node:child_process';
import { Session } from 'node:inspector/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.ts';
import { batchedLines, lineDestination } from '../src/http/request-log.ts';
import { createInstance } from '../src/instance.ts';
import { AUTH } from './lib/settings.ts';

interface SampleNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SampleNode[];
}

const [path = '/ai/devices', seconds = '4', top = '20'] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'massive-mock-survivors-'));
const { config } = loadConfig({ argv: ['--database', join(dir, 'db'), '--port', '0'], env: {} });
const instance = await createInstance(config, {
  level: 'info',
  stream: batchedLines(() => lineDestination('/dev/null')),
});
const url = await instance.app.listen({ host: '127.0.0.1', port: 0 });
try {
  // Warm: the routers and the answer cache are made before sampling starts.
  for (let i = 0; i < 3; i++) await (await fetch(`${url}${path}`, { headers: AUTH })).arrayBuffer();
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: false,
  });
  const header = `authorization: ${AUTH.authorization}`;
  const wrk = spawn('wrk', ['-t2', '-c50', `-d${seconds}s`, '-H', header, `${url}${path}`]);
  let output = '';
  wrk.stdout.on('data', (chunk: Buffer) => (output += chunk));
  await new Promise((resolve) => wrk.on('exit', resolve));
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: SampleNode } };
  session.disconnect();
  const calls = Number(/(\d+) requests in/.exec(output)?.[1] ?? Number.NaN);
  const sites = new Map<string, number>();
  let total = 0;
  const walk = (node: SampleNode, caller: string) => {
    const { functionName, url: file, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${file.replace(/^.*\/(src|node_modules)\//, '$1/')}:${lineNumber + 1}`;
    total += node.selfSize;
    const site = `${name} < ${caller}`;
    sites.set(site, (sites.get(site) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child, name);
  };
  walk(profile.head, '');
  process.stdout.write(
    `${path}: ${calls} calls in ${seconds} s; ${(total / 1e6).toFixed(1)} MB survived young collections, ${(total / calls / 1024).toFixed(2)} kB a call\n`,
  );
  for (const [site, bytes] of [...sites].sort((a, b) => b[1] - a[1]).slice(0, Number(top)))
    process.stdout.write(`${(bytes / 1e6).toFixed(2).padStart(8)} MB  ${site}\n`);
} finally {
  await instance.close();
  rmSync(dir, { recursive: true, force: true });
}
