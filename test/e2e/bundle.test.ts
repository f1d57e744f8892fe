/**
 * The bin runs the command bundled in one file (scripts/bundle.ts), and builds each API's router
 * on its first request: the bundle must still find its files (documents, dashboard, the docs UI) and the packages it leaves to Node, and each part's first request must be
 * answered as it would be had it been built at start.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distIsFresh } from '../../scripts/dist-freshness.ts';
import { BUNDLE, EXTERNAL, LODASH_METHODS, standIn } from '../../scripts/bundle.ts';
import { REVISIONS } from '../../src/core/massive/revisions/index.ts';
import { type RunningCli, startCli } from '../support/cli-process.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'massive-mock-bundle-'));
let cli: RunningCli;

// Markdown of forms the writers never use (a link, emphasis): marked reads it, loaded from its package.
const FIXTURE = {
  match: { prompt: 'linked answer' },
  answer: { markdown: 'See *the* [maker](https://maker.example/page) first. [1]', sources: [] },
};

beforeAll(async () => {
  if (!distIsFresh(ROOT)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  mkdirSync(join(dir, 'fixtures'));
  writeFileSync(join(dir, 'fixtures', 'linked.json'), JSON.stringify(FIXTURE));
  cli = await startCli(process.execPath, [
    join(ROOT, 'bin', 'massive-mock.js'),
    ...['--database', join(dir, 'bundle.db'), '--seed', '3', '--fixtures', join(dir, 'fixtures')],
  ]);
}, 120_000);

afterAll(async () => {
  await cli?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const auth = { authorization: 'Bearer bundle' };

describe('the bundled command', () => {
  it('is what the bin runs, and leaves to Node only production dependencies', () => {
    expect(readFileSync(join(ROOT, 'bin', 'massive-mock.js'), 'utf8')).toContain(
      "'../dist/massive-mock.cjs'",
    );
    expect(BUNDLE).toBe(join(ROOT, 'dist', 'massive-mock.cjs'));
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(EXTERNAL.filter((name) => !(name in manifest.dependencies))).toEqual([]);
  });

  it('gives the packages that use lodash every method they call, chained or not', () => {
    const called = new Set<string>();
    const sources = ['backend', 'router', 'utils', 'validation'].map((name) =>
      readFileSync(join(ROOT, 'node_modules', 'openapi-backend', `${name}.js`), 'utf8'),
    );
    sources.push(readFileSync(join(ROOT, 'node_modules', 'mock-json-schema', 'mock.js'), 'utf8'));
    for (const source of sources) {
      for (const [, name] of source.matchAll(/(?:\b_|lodash_1\.default)\.(\w+)\(/g)) called.add(name ?? '');
      for (const [steps] of source.matchAll(/_\.chain\([\s\S]*?\.value\(\)/g))
        for (const [, name] of steps.matchAll(/\n\s*\.(\w+)\(/g)) called.add(name ?? '');
    }
    expect(called).toContain('orderBy');
    expect(
      [...called].filter((name) => name !== 'chain' && name !== 'value' && !LODASH_METHODS.includes(name)),
    ).toEqual([]);
  });

  it('stands in for a module loaded on first use, telling whether it is an ES module without loading it', () => {
    const made = (path: string) => {
      const loads: string[] = [];
      const load = (name: string) => (loads.push(name), { parse: (text: string) => `parsed ${text}` });
      const module = { exports: {} as Record<string, unknown> };
      new Function('module', 'require', standIn(path, join(ROOT, 'node_modules', 'openapi-backend')))(
        module,
        load,
      );
      return { exports: module.exports, loads };
    };
    // TypeScript's import helpers read `__esModule` as the requiring module loads: a TypeScript
    // build says it is one, qs does not, and neither is loaded for it.
    const validator = made('openapi-schema-validator');
    const qs = made('qs');
    expect([validator.exports.__esModule, qs.exports.__esModule]).toEqual([true, false]);
    expect([...validator.loads, ...qs.loads]).toEqual([]);
    expect((qs.exports.parse as (text: string) => string)('a=1')).toBe('parsed a=1');
    expect(qs.loads).toEqual(['qs']);
  });

  it("stands in for Fastify's compilers, loading one when the compiler it made is first called", () => {
    const loads: string[] = [];
    const selector = (name: string) => {
      loads.push(name);
      return (options: string) => (schema: string) => `${options}: ${schema}`;
    };
    const module = { exports: undefined as unknown };
    new Function('module', 'require', standIn('@fastify/ajv-compiler', ROOT, 'selector'))(module, selector);
    const build = (module.exports as (options: string) => (schema: string) => string)('strict');
    expect(loads).toEqual([]);
    expect([build('a'), build('b')]).toEqual(['strict: a', 'strict: b']);
    expect(loads).toEqual(['@fastify/ajv-compiler']);
  });

  it('answers the first call of each API, each built on that call', async () => {
    const ai = await fetch(`${cli.url}/ai?prompt=hello`, { headers: auth });
    expect(ai.status, cli.output()).toBe(200);
    expect(((await ai.json()) as { query?: string }).query).toBe('hello');

    const other = REVISIONS.find((revision) => revision.id !== ai.headers.get('x-mock-revision'));
    const older = await fetch(`${cli.url}/revisions/${other?.id}/ai?prompt=hello`, { headers: auth });
    expect(older.status, cli.output()).toBe(200);
    expect(older.headers.get('x-mock-revision')).toBe(other?.id);

    const health = await fetch(`${cli.url}/__admin/health`);
    expect(health.status, cli.output()).toBe(200);
    expect(((await health.json()) as { status?: string }).status).toBe('ok');

    const models = await fetch(`${cli.url}/api/v1/models`, { headers: auth });
    expect(models.status, cli.output()).toBe(200);
    const [model] = ((await models.json()) as { data: { id: string }[] }).data;
    expect(model?.id).toBeTruthy();

    const completion = await fetch(`${cli.url}/api/v1/completions`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ model: model?.id, prompt: 'Say hello', max_tokens: 5 }),
    });
    expect(completion.status, cli.output()).toBe(200);
    expect(((await completion.json()) as { object?: string }).object).toBe('text_completion');
  });

  it('renders Markdown outside the generated forms with marked, loaded on that first call', async () => {
    const ai = await fetch(`${cli.url}/ai?prompt=linked+answer`, { headers: auth });
    expect(ai.status, cli.output()).toBe(200);
    const { completion } = (await ai.json()) as { completion: string };
    expect(completion).toContain('<em>the</em>');
    expect(completion).toContain(
      '<a href="https://maker.example/page" target="_blank" rel="noopener">maker</a>',
    );
  });

  it('serves the files it reads from the package: the dashboard and the docs UI', async () => {
    const style = await fetch(`${cli.url}/__dashboard/style.css`);
    expect(style.status).toBe(200);
    expect(await style.text()).toBe(readFileSync(join(ROOT, 'dashboard', 'style.css'), 'utf8'));
    const docs = await fetch(`${cli.url}/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });
});

describe('the bundled command with pretty logs', () => {
  // Pino is in the bundle, pino-pretty is not: the worker that runs it starts from files the
  // bundle must point pino at (cli-main.ts), or the first line logged would end the process.
  it('writes a request as a line of pino-pretty, from its worker', async () => {
    const pretty = await startCli(process.execPath, [
      join(ROOT, 'bin', 'massive-mock.js'),
      ...['--database', join(dir, 'pretty.db'), '--log-format', 'pretty'],
    ]);
    try {
      const ai = await fetch(`${pretty.url}/ai?prompt=hello`, { headers: auth });
      expect(ai.status, pretty.output()).toBe(200);
      await expect
        .poll(() => stripVTControlCharacters(pretty.output()), { timeout: 5_000 })
        .toMatch(/INFO.*: GET \/ai 200 \d+ms cache=miss/);
    } finally {
      expect(await pretty.stop()).toBe(0);
    }
  });
});
