/**
 * What the build makes (the bundle in ASCII, the models' page shells) and the bin's code cache
 * are optimisations only: the bin's bundle and src/ run as it is answer the same calls with the
 * same bytes, for the same seed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { asciiOnly, BUNDLE } from '../../scripts/bundle.ts';
import { distIsFresh } from '../../scripts/dist-freshness.ts';
import { SHELLS_DIR } from '../../scripts/shells.ts';
import { shellBuilders } from '../../src/core/massive/generate/shell.ts';
import { type RunningCli, startCli } from '../support/cli-process.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'massive-mock-built-'));
// The bin's code cache for the bundle goes where Node's compile cache does: here, a folder of its own.
const cacheDir = join(dir, 'compile-cache');
const args = (name: string) => ['--database', join(dir, `${name}.db`), '--seed', '7'];
const startBuilt = (name: string, cache = cacheDir) =>
  startCli(process.execPath, [join(ROOT, 'bin', 'massive-mock.js'), ...args(name)], undefined, {
    NODE_COMPILE_CACHE: cache,
  });
let built: RunningCli;
let unbuilt: RunningCli;

beforeAll(async () => {
  if (!distIsFresh(ROOT)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  [built, unbuilt] = await Promise.all([
    startBuilt('built'),
    startCli(process.execPath, [join(ROOT, 'src', 'cli.ts'), ...args('unbuilt')]),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([built?.stop(), unbuilt?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

/** The bundle's code caches the bin wrote. */
const codeCaches = (cache = cacheDir) =>
  readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((name) =>
    /massive-mock-[^/]*\.bin$/.test(name),
  );

/** Prompts whose analysis reads the regular expressions with non-ASCII characters the bundle escapes. */
const PROMPTS = ['x', 'what’s 12 × 4?', 'what is 9 ÷ 3', 'best ラーメン in Tokyo', '“Paris” — what’s there?'];

/** Asks both the same calls; each answer must be the same bytes. */
async function expectSameAnswers(): Promise<void> {
  for (const path of [
    ...PROMPTS.map((prompt) => `/ai?prompt=${encodeURIComponent(prompt)}`),
    `/ai?prompt=${encodeURIComponent('compare two laptops')}&country=FR`,
    ...['perplexity', 'gemini', 'copilot'].map((model) => `/ai?prompt=x&model=${model}`),
  ]) {
    const [a, b] = await Promise.all(
      [built, unbuilt].map(async (cli) => {
        const res = await fetch(`${cli.url}${path}`, { headers: { authorization: 'Bearer same' } });
        return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
      }),
    );
    expect(a?.status, `${path}\n${built.output()}`).toBe(200);
    expect(a, path).toEqual(b);
  }
}

describe('the built command and src/', () => {
  it('answer the same calls with the same bytes, the bundle compiled or read from its code cache', async () => {
    expect(codeCaches()).toEqual([]);
    // Answers other than GET /ai's leave it be: the cache is of a start and its first answer.
    expect((await fetch(`${built.url}/__admin/health`)).status).toBe(200);
    await sleep(200);
    expect(codeCaches()).toEqual([]);
    await expectSameAnswers();
    // Taken once the first GET /ai is answered, while the run goes on; the next start runs from it.
    await vi.waitFor(() => expect(codeCaches()).toHaveLength(1), { timeout: 10_000 });
    const [taken] = codeCaches();
    const written = statSync(join(cacheDir, taken ?? '')).mtimeMs;
    expect(await built.stop()).toBe(0);
    built = await startBuilt('built-again');
    await unbuilt.stop();
    unbuilt = await startCli(process.execPath, [join(ROOT, 'src', 'cli.ts'), ...args('unbuilt-again')]);
    await expectSameAnswers();
    expect(codeCaches()).toEqual([taken]);
    expect(statSync(join(cacheDir, taken ?? '')).mtimeMs).toBe(written);
  });

  it('takes the code cache even when stopped as its first answer arrives, as the image build does', async () => {
    const quickCache = join(dir, 'quick-cache');
    const cli = await startBuilt('quick', quickCache);
    const res = await fetch(`${cli.url}/ai?prompt=x`, { headers: { authorization: 'Bearer quick' } });
    await res.arrayBuffer();
    expect(await cli.stop()).toBe(0);
    expect(codeCaches(quickCache)).toHaveLength(1);
  });

  it('takes no code cache on a run of --version, which answers no GET /ai', () => {
    const versionCache = join(dir, 'version-cache');
    execFileSync(process.execPath, [join(ROOT, 'bin', 'massive-mock.js'), '--version'], {
      env: { ...process.env, NODE_COMPILE_CACHE: versionCache },
    });
    expect(
      readdirSync(versionCache, { recursive: true, encoding: 'utf8' }).filter((name) =>
        name.endsWith('.bin'),
      ),
    ).toEqual([]);
  });

  it('reads the page shells the build wrote, as each model draws them', () => {
    expect([...shellBuilders().keys()].sort()).toEqual(['chatgpt', 'copilot', 'gemini', 'perplexity']);
    for (const [model, build] of shellBuilders())
      expect(JSON.parse(readFileSync(join(SHELLS_DIR, `${model}.json`), 'utf8')), model).toEqual(build());
  });

  it('the bundle is ASCII: V8 keeps its source as one-byte text', () => {
    expect(/[^\0-\x7f]/.exec(readFileSync(BUNDLE, 'latin1'))).toBeNull();
  });

  it('escapes a character as a \\u escape that matches the same text', () => {
    const source = '/^(?:÷|over)$/i.test(s)&&/[“”]/u.test(t)';
    expect(asciiOnly(source)).toBe('/^(?:\\u00f7|over)$/i.test(s)&&/[\\u201c\\u201d]/u.test(t)');
    expect(() => asciiOnly('/\\÷/')).toThrow(/cannot escape/);
    expect(() => asciiOnly("'😀'")).toThrow(/cannot escape/);
  });
});
