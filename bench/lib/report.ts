import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { clientName, DEFAULT_CLIENT, type Figures } from './load.ts';
import { IMAGE_NODE_OPTIONS, START_ENV } from './processes.ts';
import { CONNECTIONS, LOAD_AT_START, ROOT, ROUNDS, SECONDS, WARMUP_SECONDS } from './settings.ts';

// ---------------------------------------------------------------------------------------------
// Report

export const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
export const pass = (ok: boolean) => (ok ? 'PASS' : 'MISS');

export interface Row {
  scenario: string;
  figures: Figures;
  baseline?: Figures;
  /** req/s over the baseline's, when measured in turns (else from the two figures). */
  ratio?: number;
  unit?: string;
}

export function table(rows: Row[]): string {
  const header = [
    'scenario',
    'req/s',
    'p50 ms',
    'p99 ms',
    'MB/s',
    'non-2xx/errors',
    'server CPU µs/req',
    'baseline req/s',
    'baseline p99 ms',
    'baseline CPU µs/req',
    'req/s ratio',
    'CPU ratio',
  ];
  const lines = rows.map(({ scenario, figures, baseline, ratio, unit }) => [
    scenario,
    `${fixed(figures.reqPerSec, 0)}${unit ?? ''}`,
    fixed(figures.p50, 0),
    fixed(figures.p99, 0),
    fixed(figures.mbPerSec),
    String(figures.bad),
    fixed(figures.cpuUsPerRequest, 0),
    baseline ? fixed(baseline.reqPerSec, 0) : '—',
    baseline ? fixed(baseline.p99, 0) : '—',
    baseline ? fixed(baseline.cpuUsPerRequest, 0) : '—',
    baseline ? `${fixed(ratio ?? figures.reqPerSec / baseline.reqPerSec, 2)}×` : '—',
    baseline ? `${fixed(cpuRatio(baseline, figures), 2)}×` : '—',
  ]);
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...lines.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}

/**
 * The throughput ratio a core of its own would give: the baseline's CPU per request over the
 * emulator's (each server is one thread, so its throughput is one core over its cost).
 */
export const cpuRatio = (baseline: Figures, figures: Figures) =>
  baseline.cpuUsPerRequest / figures.cpuUsPerRequest;

export function commit(): string {
  try {
    const git = (args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = git(['status', '--porcelain', '--', 'src', 'package.json']) !== '';
    return `${git(['rev-parse', '--short', 'HEAD'])}${dirty ? ' with uncommitted changes in src/' : ''}`;
  } catch {
    return 'unknown';
  }
}

export function machine(): string[] {
  const cpuModel =
    /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
  return [
    `- CPU: ${cpuModel ?? 'unknown'}, ${cpus().length} cores (nproc)`,
    `- Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node ${process.version}, ${process.platform}-${process.arch}`,
    `- Date: ${new Date().toISOString()}; load average at start ${LOAD_AT_START.map((value) =>
      value.toFixed(2),
    ).join(', ')} (other work on the machine shares its cores)`,
    `- Code: massive-mock ${commit()}`,
    `- Emulator as the image runs it: \`node bin/massive-mock.js\` over built dist/, NODE_OPTIONS=${IMAGE_NODE_OPTIONS || '(none)'}, NODE_ENV=production, default log level (info), its log to a file`,
    `- Emulator as \`npm start\` runs it: \`node bin/massive-mock.js\` (the bundled dist/massive-mock.cjs), ${Object.entries(
      START_ENV,
    )
      .map(([name, value]) => `${name}=${value}`)
      .join(' ')}, default log level (info), its log to a file`,
    `- Load: ${clientName(DEFAULT_CLIENT)}, ${CONNECTIONS} connections, ${SECONDS} s per scenario and server in ${ROUNDS} turns with the baseline (figures: the median turn) after a ${WARMUP_SECONDS} s warm-up, on loopback, on the same machine`,
  ];
}
