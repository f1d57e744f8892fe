/** A newcomer's first run of the CLI, as real processes: what it says, and what it says when it can't. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_REVISION as REVISION } from '../../src/core/massive/revisions/index.ts';
import { startEnv } from '../../scripts/start-env.ts';
import { VERSION } from '../../src/instance.ts';
import { startCli } from '../support/cli-process.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'massive-mock-first-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: readonly string[], command = process.execPath) =>
  spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 15_000 });

describe('the start-up line', () => {
  it('says where it listens, the docs, revision, seed and database, even at --log-level warn', async () => {
    const database = join(dir, 'first.db');
    const urlFile = join(dir, 'url');
    const running = await startCli(process.execPath, [
      'src/cli.ts',
      ...['--log-level', 'warn', '--seed', '5', '--database', database, '--url-file', urlFile],
    ]);
    try {
      const lines = running.output().trim().split('\n');
      expect(lines).toEqual([
        `massive-mock ${VERSION} listening at ${running.url} (dashboard ${running.url}/, docs ${running.url}/docs, revision ${REVISION}, seed 5, database ${database})`,
      ]);
      expect(readFileSync(urlFile, 'utf8')).toBe(`${running.url}\n`);
      expect((await fetch(`${running.url}/docs/`)).status).toBe(200);
    } finally {
      const code = await running.stop();
      expect(code, `${running.child.signalCode} ${running.output()}`).toBe(0);
    }
    expect(existsSync(urlFile)).toBe(false);
  });
});

describe('a port in use', () => {
  it('is one line on stderr and exit 2, no stack trace', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as { port: number };
    try {
      const result = cli(['src/cli.ts', '--port', String(port), '--database', ':memory:']);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(
        `massive-mock: port ${port} on 127.0.0.1 is in use; stop what holds it, or pick another with --port (0 picks a free one)\n`,
      );
    } finally {
      holder.close();
    }
  });
});

describe('--help', () => {
  it('names only README sections that exist', () => {
    const help = cli(['src/cli.ts', '--help']).stdout;
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const headings = [...readme.matchAll(/^#{1,4} (.+)$/gm)].flatMap((match) => {
      const heading = (match[1] as string).trim();
      return [heading, heading.split(':')[0] as string];
    });
    const named = [...help.matchAll(/README[^"\n]*((?:"[^"]+"(?:, )?)+)/g)].flatMap((match) =>
      [...(match[1] as string).matchAll(/"([^"]+)"/g)].map((name) => name[1] as string),
    );
    expect(named).toEqual(expect.arrayContaining(['Quick start', 'Control']));
    expect(named.filter((name) => !headings.includes(name))).toEqual([]);
  });
});

/** The machine's own Node when it is older than 22 (it is 20 where massive-mock is developed). */
function oldNode(): string | undefined {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node']) {
    if (!existsSync(candidate)) continue;
    const version = execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim();
    if (Number(/^v(\d+)/.exec(version)?.[1]) < 22) return candidate;
  }
  return undefined;
}

describe('the bin and npm start on a Node older than 22', () => {
  const node = oldNode();
  it.skipIf(!node)('say what they need in one line and exit 1', () => {
    const version = execFileSync(node as string, ['--version'], { encoding: 'utf8' }).trim();
    // The bin, which `npm start` runs (package.json "start"), and what `npm run dev` runs, on that Node.
    for (const args of [
      ['bin/massive-mock.js', '--help'],
      ['--import', './bin/node-check.js', 'src/cli.ts', '--help'],
    ]) {
      const result = cli(args, node);
      expect(result.stderr).toBe(`massive-mock needs Node 22.18 or newer (this is ${version})\n`);
      expect(result.status).toBe(1);
    }
    const start = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.start as string;
    // What the loop above ran, after the malloc settings npm start puts in the environment.
    const settings = Object.entries(startEnv(ROOT)).map(([name, value]) => `${name}=${value}`);
    expect(settings).toContain('MALLOC_ARENA_MAX=2');
    expect(start).toBe([...settings, 'node bin/massive-mock.js'].join(' '));
  });
});
