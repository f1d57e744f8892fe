/**
 * Summarises a V8 .cpuprofile (from `BENCH_CPU_PROF=1 npm run bench`, or `node --cpu-prof`):
 * self time by package or area, then the functions with the most self time, then (given a
 * pattern) the time spent in functions whose name or place match it, callees included.
 *   node bench/profile-summary.ts <file.cpuprofile> [top=25] [pattern]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (!file) throw new Error('usage: node bench/profile-summary.ts <file.cpuprofile> [top]');
const top = Number(process.argv[3] ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<number, number>();
profile.samples.forEach((id, index) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
});
const total = [...self.values()].reduce((sum, us) => sum + us, 0);

function area(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  if (url.startsWith('node:')) return 'node:*';
  const own = /\/(dist|src)\/(.+?)\/[^/]+$/.exec(url) ?? /\/(dist|src)\/[^/]+$/.exec(url);
  return own ? `massive-mock ${own[1]}/${own[2] ?? ''}` : url;
}

const nameOf = ({ functionName, url, lineNumber }: ProfileNode['callFrame']) => {
  const where = url
    ? `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(dist|src)\//, '$1/')}:${lineNumber + 1}`
    : '';
  return `${functionName || '(anonymous)'} ${where}`.trim();
};
const parents = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

const areas = new Map<string, number>();
const functions = new Map<string, number>();
const inclusive = new Map<string, number>();
const pattern = process.argv[4] ? new RegExp(process.argv[4]) : undefined;
for (const [id, us] of self) {
  const node = byId.get(id);
  if (!node) continue;
  const { functionName, url } = node.callFrame;
  const key = area(url, functionName);
  areas.set(key, (areas.get(key) ?? 0) + us);
  const fn = nameOf(node.callFrame);
  functions.set(fn, (functions.get(fn) ?? 0) + us);
  if (!pattern) continue;
  // Each function on the sample's stack once, however deep it recurses.
  const stack = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
    const frame = byId.get(at)?.callFrame;
    if (frame) stack.add(nameOf(frame));
  }
  for (const name of stack) if (pattern.test(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + us);
}

const print = (title: string, entries: Map<string, number>, limit: number) => {
  process.stdout.write(`\n${title}\n`);
  for (const [key, us] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
    process.stdout.write(
      `${((100 * us) / total).toFixed(1).padStart(6)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}\n`,
    );
  }
};
process.stdout.write(`${file}: ${(total / 1e6).toFixed(1)} s sampled\n`);
print('self time by area', areas, 20);
print(`top ${top} functions by self time`, functions, top);
if (pattern) print(`functions matching ${pattern}, callees included`, inclusive, top);
