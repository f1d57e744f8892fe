import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCli } from '../support/cli-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'massive-mock-newcomer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CLI = ['src/cli.ts', '--database', ':memory:'];
const headers = { authorization: 'Bearer newcomer' };
const CALLS = ['/ai?prompt=best+trail+shoes', '/ai?prompt=best+trail+shoes&format=rendered', '/ai/devices'];

/** The "done when", as real processes: record, replay offline, two shards, a coverage report. */
describe('a newcomer records, replays, shards and reads coverage', () => {
  it('does it all with the CLI', async () => {
    const recordings = join(dir, 'recordings');
    const report = join(dir, 'coverage.md');
    const upstream = await startCli(process.execPath, [...CLI, '--seed', '5']);
    const recorder = await startCli(process.execPath, [
      ...CLI,
      '--upstream',
      upstream.url,
      '--record',
      recordings,
    ]);
    const recorded: string[] = [];
    for (const call of CALLS)
      recorded.push(await (await fetch(`${recorder.url}${call}`, { headers })).text());
    expect(await recorder.stop()).toBe(0);
    expect(await upstream.stop()).toBe(0);
    expect(readdirSync(recordings)).toHaveLength(3);

    const replayer = await startCli(process.execPath, [
      ...CLI,
      '--record',
      recordings,
      '--replay-only',
      '--coverage-report',
      report,
    ]);
    try {
      for (const [index, call] of CALLS.entries())
        expect(await (await fetch(`${replayer.url}${call}`, { headers })).text()).toBe(recorded[index]);
      const missing = await fetch(`${replayer.url}/ai?prompt=not+recorded`, { headers });
      expect(missing.status).toBe(501);
      expect(await missing.text()).toContain('no recording of GET /ai?prompt=not+recorded');

      // Two shards, two fault rules, one server: each sees its own, over the same recordings.
      for (const [shard, status] of [
        ['shard-1', 503],
        ['shard-2', 500],
      ] as const) {
        const added = await fetch(`${replayer.url}/__admin/faults`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-mock-session': shard },
          body: JSON.stringify({ match: { prompt: 'trail' }, effect: { status } }),
        });
        expect(added.status).toBe(201);
      }
      const statusIn = async (shard: string) =>
        (await fetch(`${replayer.url}${CALLS[0]}`, { headers: { ...headers, 'x-mock-session': shard } }))
          .status;
      expect([await statusIn('shard-1'), await statusIn('shard-2'), await statusIn('default')]).toEqual([
        503, 500, 200,
      ]);
    } finally {
      expect(await replayer.stop()).toBe(0);
    }
    const markdown = readFileSync(report, 'utf8');
    expect(markdown).toContain('## getCompletion (GET /ai)');
    expect(markdown).toMatch(/\| statuses \| [^|]*`402`/);
  }, 60_000);

  it('takes a run home with --bundle', async () => {
    const bundleFile = join(dir, 'bundle.json');
    const ci = await startCli(process.execPath, [...CLI, '--seed', '11']);
    const asked: string[] = [];
    try {
      await fetch(`${ci.url}/__admin/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ effect: { status: 503 }, policy: { skip: 1, times: 1 } }),
      });
      await fetch(`${ci.url}/ai?prompt=home`, { headers });
      writeFileSync(bundleFile, await (await fetch(`${ci.url}/__admin/bundle`)).text());
      for (let i = 0; i < 2; i++)
        asked.push(await (await fetch(`${ci.url}/ai?prompt=again`, { headers })).text());
    } finally {
      expect(await ci.stop()).toBe(0);
    }
    const home = await startCli(process.execPath, [...CLI, '--bundle', bundleFile]);
    try {
      const here: string[] = [];
      for (let i = 0; i < 2; i++)
        here.push(await (await fetch(`${home.url}/ai?prompt=again`, { headers })).text());
      expect(here).toEqual(asked);
      expect(here[0]).toBe('Service is autoscaling; please retry in 180 seconds');
    } finally {
      expect(await home.stop()).toBe(0);
    }
  }, 60_000);
});
