/**
 * The published package in a clean room, as the Dockerfile uses it: `npm pack`, then install the
 * tarball with production dependencies only (from the registry) into an empty folder, and run its
 * bin with the Node running this suite. Nothing from the work tree's node_modules or src/ may leak in.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distIsFresh } from '../../scripts/dist-freshness.ts';
import { type RunningCli, startCli } from '../support/cli-process.ts';

const run = promisify(execFile);

/** The image's HEALTHCHECK command, as the Dockerfile gives it (exec form). */
function healthCheckCommand(): string[] {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const json = /^HEALTHCHECK[^\n]*\\\n\s*CMD (\[.+\])$/m.exec(dockerfile)?.[1];
  if (!json) throw new Error('no HEALTHCHECK … CMD [...] in the Dockerfile');
  return JSON.parse(json) as string[];
}
const ROOT = join(import.meta.dirname, '..', '..');
const SLOW = { timeout: 180_000 };

/**
 * The environment for the npm children: npm itself on the PATH's `node` resolves to the Node
 * running this suite, and none of the variables an enclosing `npm test` sets (above all
 * npm_config_local_prefix, which would point the install back at the work tree).
 */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_(package_|lifecycle_|command$|execpath$|node_execpath$|config_local_prefix$)/i.test(key))
      continue;
    env[key] = value;
  }
  env.PATH = [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter);
  return env;
}

async function npm(args: readonly string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run('npm', args, { cwd, env: npmEnv(), maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${stderr ?? ''}\n${stdout ?? ''}`, {
      cause: error,
    });
  }
}

/** dist/ as CI's `npm ci` (its `prepare`) leaves it; rebuilt only when missing or older than src/. */
async function ensureBuilt(): Promise<void> {
  if (distIsFresh(ROOT)) return;
  await npm(['run', 'build'], ROOT);
}

interface PackResult {
  filename: string;
  files: { path: string }[];
}

const work = mkdtempSync(join(tmpdir(), 'massive-mock-clean-room-'));
const room = join(work, 'room');
let packed: PackResult;
let devDependencies: string[];

beforeAll(async () => {
  await ensureBuilt();
  // --ignore-scripts: `prepare` would rebuild dist/ in the work tree; it is built already.
  const stdout = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
  packed = (JSON.parse(stdout) as PackResult[])[0] as PackResult;
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
  devDependencies = Object.keys(manifest.devDependencies ?? {});

  mkdirSync(room);
  writeFileSync(join(room, 'package.json'), `${JSON.stringify({ name: 'clean-room', private: true })}\n`);
  // --prefer-offline: what npm ci already fetched comes from the cache; the rest from the registry.
  await npm(
    ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', join(work, packed.filename)],
    room,
  );
}, SLOW.timeout);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed tarball installed with production dependencies only', () => {
  it('holds the built package and no sources or tests', () => {
    const paths = packed.files.map((file) => file.path);
    expect(paths).toContain('package.json');
    expect(paths).toContain('bin/massive-mock.js');
    expect(paths).toContain('dist/cli.js');
    expect(paths).toContain('dist/index.d.ts');
    expect(paths.some((path) => path.startsWith('openapi/'))).toBe(true);
    expect(paths.some((path) => path.startsWith('fixtures/'))).toBe(true);
    expect(paths).toEqual(
      expect.arrayContaining(['dashboard/index.html', 'dashboard/app.js', 'dashboard/style.css']),
    );
    expect(paths.filter((path) => /^(src|test|bench)\//.test(path))).toEqual([]);
    expect(paths.filter((path) => /\.[cm]?ts$/.test(path) && !/\.d\.[cm]?ts$/.test(path))).toEqual([]);
  });

  it('installs no devDependency', () => {
    expect(devDependencies).toContain('vitest');
    expect(devDependencies).toContain('typescript');
    const folders = [join(room, 'node_modules'), join(room, 'node_modules', 'massive-mock', 'node_modules')];
    const present = devDependencies.filter((name) =>
      folders.some((folder) => existsSync(join(folder, name))),
    );
    expect(present).toEqual([]);
    expect(existsSync(join(room, 'node_modules', 'massive-mock', 'dist', 'cli.js'))).toBe(true);
  });

  it(
    'starts from its bin, answers /__admin/health and /ai, and exits 0 on SIGTERM',
    async () => {
      const bin = join(room, 'node_modules', 'massive-mock', 'bin', 'massive-mock.js');
      const cli: RunningCli = await startCli(
        process.execPath,
        [bin, '--database', join(work, 'db.sqlite'), '--log-level', 'info'],
        room,
      );
      try {
        const health = await fetch(`${cli.url}/__admin/health`);
        expect(health.status, cli.output()).toBe(200);
        expect(((await health.json()) as { status?: string }).status).toBe('ok');

        const res = await fetch(`${cli.url}/ai?prompt=hello`, {
          headers: { authorization: 'Bearer clean-room' },
        });
        expect(res.status, cli.output()).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        const body = (await res.json()) as { model?: string; query?: string };
        expect(body.model).toBe('chatgpt');
        expect(body.query).toBe('hello');
        // The dashboard is served from the installed package's dashboard/ folder.
        const script = await fetch(`${cli.url}/__dashboard/app.js`);
        expect(script.status, cli.output()).toBe(200);
        expect(await script.text()).toContain('/__admin/');
      } finally {
        expect(await cli.stop('SIGTERM'), cli.output()).toBe(0);
      }
      expect(existsSync(join(work, 'db.sqlite'))).toBe(true);
    },
    SLOW.timeout,
  );

  it(
    "passes the image's health check with --port given as a flag, and fails it once stopped",
    async () => {
      const [command, ...args] = healthCheckCommand();
      expect(command).toBe('node');
      const bin = join(room, 'node_modules', 'massive-mock', 'bin', 'massive-mock.js');
      const urlFile = join(work, 'massive-mock.url');
      const cli = await startCli(
        process.execPath,
        [bin, '--database', ':memory:', '--log-level', 'warn', '--url-file', urlFile],
        room,
      );
      // PORT names another port, as in the image when `--port` is given after its name.
      const env = { ...process.env, MASSIVE_MOCK_URL_FILE: urlFile, PORT: '9' };
      const check = () =>
        run(process.execPath, args, { env }).then(
          () => 0,
          (error: { code?: number }) => error.code,
        );
      try {
        expect(await check(), cli.output()).toBe(0);
      } finally {
        expect(await cli.stop('SIGTERM'), cli.output()).toBe(0);
      }
      expect(await check()).toBe(1);
    },
    SLOW.timeout,
  );
});
