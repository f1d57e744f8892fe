import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { cpuMs, emulatorArgs, freePort, type Mode, modeEnv, stopChild, track } from './processes.ts';
import { AUTH, sleep } from './settings.ts';

// ---------------------------------------------------------------------------------------------
// Cold start

/** Spawn to the first 200 from /ai: wall time, and the CPU time the process used to get there. */
export async function coldStart(mode: Mode, dir: string): Promise<{ wallMs: number; cpuMs: number }> {
  const port = await freePort();
  const database = join(dir, `cold-${port}.db`);
  const started = performance.now();
  const child = spawn(process.execPath, emulatorArgs(mode, port, database), {
    env: modeEnv(mode),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const output = track(child);
  try {
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
