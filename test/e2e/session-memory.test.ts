import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEnv } from '../../scripts/start-env.ts';
import { startCli } from '../support/cli-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'massive-mock-sessions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SESSIONS = 5;
const ANSWERS = 200;
const MB = 2 ** 20;
/** What `npm start` and the image set: without it, freed memory stays resident in malloc's arenas. */
const START_ENV = startEnv('.');

/** The process's resident memory, as the kernel counts it. */
function rssMb(pid: number): number {
  const line = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return (Number(line) * 1024) / MB;
}

describe.skipIf(process.platform !== 'linux')('sessions of many fresh answers, in one process', () => {
  it('share one memory budget, and give it back when they close', { timeout: 120_000 }, async () => {
    // As `npm start` and the image run it: glibc keeps what the sessions freed unless told to trim.
    expect(START_ENV).toMatchObject({ MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '131072' });
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    for (const [name, value] of Object.entries(START_ENV)) expect(dockerfile).toContain(`${name}=${value}`);
    const env = START_ENV;
    const cli = await startCli(
      process.execPath,
      ['src/cli.ts', '--database', join(dir, 'sessions.db')],
      undefined,
      env,
    );
    const pid = cli.child.pid as number;
    const get = async (path: string, session?: string) => {
      const res = await fetch(`${cli.url}${path}`, {
        headers: { authorization: 'Bearer memory', ...(session && { 'x-mock-session': session }) },
      });
      await res.arrayBuffer();
      return res.status;
    };
    try {
      for (let i = 0; i < 50; i++) expect(await get(`/ai?prompt=warm+up+${i}&expiration=0`)).toBe(200);
      const before = rssMb(pid);
      let peak = before;
      // Five sessions of 200 fresh answers each: each answer a page of 200-300 kB.
      const session = async (s: number) => {
        for (let i = 0; i < ANSWERS; i++) {
          expect(await get(`/ai?prompt=session+${s}+answer+${i}&expiration=0`, `s${s}`)).toBe(200);
          if (i % 50 === 0) peak = Math.max(peak, rssMb(pid));
        }
      };
      await Promise.all(Array.from({ length: SESSIONS }, (_, s) => session(s)));
      peak = Math.max(peak, rssMb(pid));
      for (let s = 0; s < SESSIONS; s++) {
        const res = await fetch(`${cli.url}/__admin/sessions/s${s}`, { method: 'DELETE' });
        expect(res.status).toBe(204);
      }
      // Memory goes back as the collector and malloc get to it: watched for up to 15 s, not assumed at once.
      let after = rssMb(pid);
      for (let waited = 0; waited < 15_000 && after >= before + 200; waited += 500) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        after = rssMb(pid);
      }
      // Kept as pages, 1,000 answers held 500 MB in the sessions' in-memory databases alone. Now
      // what grows is the reply cache's budget (64 MB, shared) and five emulators' own state.
      const figures = `RSS ${before.toFixed(0)} MB, then ${peak.toFixed(0)} at most, ${after.toFixed(0)} after closing`;
      expect(peak - before, figures).toBeLessThan(300);
      expect(after, figures).toBeLessThan(before + 200);
    } finally {
      expect(await cli.stop()).toBe(0);
    }
  });
});
