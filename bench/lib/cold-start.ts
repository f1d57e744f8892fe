import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  cpuMs,
  emulatorArgs,
  freePort,
  LISTENING,
  type Mode,
  modeEnv,
  printed,
  stopChild,
  track,
} from './processes.ts';
import { AUTH, COLD_RUNS, log, sleep } from './settings.ts';

// ---------------------------------------------------------------------------------------------
// Cold start

/**
 * Spawn to the first 200 from /ai: wall time, and the CPU time the process used to get there. The
 * client asks once the server prints that it is listening, as a caller waiting for it would: asking
 * every 2 ms until a connection is taken cost the server ~24 ms of each start on the two shared
 * cores (December 2026: medians of 15 starts each, 326 against 302 ms, in turns), and it is the
 * server's start that is measured, not the client's. Should that first ask fail, it asks again.
 */
export async function coldStart(mode: Mode, dir: string): Promise<{ wallMs: number; cpuMs: number }> {
  const port = await freePort();
  const database = join(dir, `cold-${port}.db`);
  const started = performance.now();
  const child = spawn(process.execPath, emulatorArgs(mode, port, database), {
    env: modeEnv(mode),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = track(child, true);
  try {
    await printed(child, LISTENING, 'the emulator', 30_000, output);
    for (;;) {
      if (child.exitCode !== null) throw new Error(`cold start exited with ${child.exitCode}:\n${output()}`);
      if (performance.now() - started > 30_000) throw new Error(`no answer within 30 s:\n${output()}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/ai?prompt=x`, { headers: AUTH });
        await res.arrayBuffer();
        if (res.status === 200) return { wallMs: performance.now() - started, cpuMs: cpuMs(child.pid) };
        throw new Error(`cold start answered ${res.status}`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('cold start answered')) throw error;
        await sleep(2);
      }
    }
  } finally {
    await stopChild(child);
  }
}

export type Colds = { wallMs: number; cpuMs: number }[];

/**
 * Cold starts of each mode, fresh processes from spawn to their first 200 from /ai, taken in turns
 * (one of each, then again) after one start each that fills the compile cache its flags use: the
 * modes see the same machine, as the paired loads do. Taken a mode at a time, minutes apart, they
 * differed by up to 100 ms with the load other work put on the shared cores.
 */
export async function coldStarts(
  modes: readonly Mode[],
  dir: string,
  runs = COLD_RUNS,
): Promise<Map<Mode, Colds>> {
  log(`cold starts of ${modes.join(', ')} in turns, ${runs} each: spawn → first 200 from /ai?prompt=x`);
  const colds = new Map<Mode, Colds>(modes.map((mode) => [mode, []]));
  for (const mode of modes) await coldStart(mode, dir);
  for (let i = 0; i < runs; i++) for (const mode of modes) colds.get(mode)?.push(await coldStart(mode, dir));
  return colds;
}

/**
 * `node bench/lib/cold-start.ts [runs=7] [modes=npm-start,bin,image]`: the cold starts alone, in
 * turns as bench/run.ts takes them: the median wall and CPU time to the first answer.
 */
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const runs = Number(process.argv[2] ?? 7);
  const modes = (process.argv[3] ?? 'npm-start,bin,image').split(',') as Mode[];
  const dir = mkdtempSync(join(tmpdir(), 'massive-mock-cold-'));
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  try {
    for (const [mode, starts] of await coldStarts(modes, dir, runs)) {
      const wall = starts.map((start) => Math.round(start.wallMs));
      const cpu = starts.map((start) => start.cpuMs);
      process.stdout.write(
        `${mode}: wall ${median(wall)} ms, CPU ${median(cpu)} ms (medians of ${runs}; wall ${wall.join(' ')}; CPU ${cpu.join(' ')})\n`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
