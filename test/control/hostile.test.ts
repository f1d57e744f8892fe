import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCli } from '../support/cli-process.ts';

// Reproductions that hang today's code for good, so each runs the CLI as a child process: a
// regression fails here instead of freezing the test worker.

const dir = mkdtempSync(join(tmpdir(), 'massive-mock-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CLI = ['src/cli.ts', '--database', ':memory:'];
const auth = { authorization: 'Bearer t' };

describe('a catastrophic regular expression (defect 2)', () => {
  it('is matched in linear time: a 2,047-character prompt answers and health keeps answering', async () => {
    const cli = await startCli(process.execPath, CLI);
    try {
      const added = await fetch(`${cli.url}/__admin/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ match: { promptRegex: '(a+)+$' }, effect: { status: 500 } }),
      });
      expect(added.status).toBe(201);
      const started = performance.now();
      const call = fetch(`${cli.url}/ai?prompt=${'a'.repeat(2046)}!`, {
        headers: auth,
        signal: AbortSignal.timeout(5000),
      }).catch((error: unknown) => error);
      const health = await fetch(`${cli.url}/__admin/health`, { signal: AbortSignal.timeout(2000) });
      expect(health.status).toBe(200);
      expect(((await call) as Response).status).toBe(200);
      expect(performance.now() - started).toBeLessThan(2000);
      const matched = await fetch(`${cli.url}/ai?prompt=${'a'.repeat(2047)}`, { headers: auth });
      expect(matched.status).toBe(500);
    } finally {
      await cli.stop('SIGKILL');
    }
  });
});

describe('a hostile fixtures folder (defects 3 and 9)', () => {
  it('skips FIFOs, sockets and devices with a warning naming each, and starts', async () => {
    const folder = join(dir, 'special');
    mkdirSync(folder);
    execFileSync('mkfifo', [join(folder, 'fifo.json')]);
    symlinkSync('/dev/zero', join(folder, 'zero.json'));
    mkdirSync(join(folder, 'folder.json'));
    const socket = createServer();
    await new Promise<void>((resolve) => socket.listen(join(folder, 'socket.json'), resolve));
    writeFileSync(
      join(folder, 'good.json'),
      JSON.stringify({ match: { prompt: 'canned hostile' }, answer: { markdown: 'From the folder.' } }),
    );
    try {
      const cli = await startCli(process.execPath, [...CLI, '--fixtures', folder]);
      try {
        const res = await fetch(`${cli.url}/ai?prompt=canned+hostile`, { headers: auth });
        expect(((await res.json()) as { completion: string }).completion).toContain('From the folder.');
        for (const name of ['fifo.json', 'zero.json', 'folder.json', 'socket.json']) {
          expect(cli.output()).toContain(`${join(folder, name)} is not a regular file`);
        }
      } finally {
        await cli.stop('SIGKILL');
      }
    } finally {
      socket.close();
    }
  });

  it('refuses a file past the size limit with a clear message, exit 2', () => {
    const folder = join(dir, 'big');
    mkdirSync(folder);
    const file = join(folder, 'big.json');
    writeFileSync(file, `[${' '.repeat(1024 * 1024)}]`);
    const run = spawnSync(process.execPath, [...CLI, '--port', '0', '--fixtures', folder], {
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `massive-mock: ${file} is 1,048,578 bytes, past the limit of 1,048,576 bytes (1 MiB) for a fixture file\n`,
    );
  });
});
