import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config.ts';
import type { OperationCoverage } from '../../src/core/control/coverage.ts';
import { createInstance } from '../../src/instance.ts';
import { startHarness } from '../support/harness.ts';

const operation = (report: { operations: OperationCoverage[] }, id: string) =>
  report.operations.find((item) => item.operationId === id) as OperationCoverage;

describe('coverage', async () => {
  const mock = await startHarness({ journalSize: 2 });
  const admin = (method: string, url: string, body?: unknown) =>
    mock.send(method, `/__admin${url}`, { body });

  it('counts statuses, parameters, enum values, revisions and fault kinds per operation', async () => {
    await mock.get('/ai?prompt=cover+me&model=gemini&format=rendered');
    await mock.get('/ai?prompt=cover+me&model=gemini&format=rendered'); // a hit: still counted
    await mock.get('/ai?prompt=cover+me', null); // 401 before any handler runs
    await mock.get('/ai?prompt=cover+me&model=nope'); // 422 from validation
    await mock.get('/revisions/2026-07-06/ai?prompt=july');
    await admin('POST', '/faults', {
      match: { operation: 'getCompletion' },
      effect: { status: 503 },
      policy: { times: 1 },
    });
    await mock.get('/ai?prompt=faulted');
    await mock.get('/ai?prompt=queued&mode=async', undefined, { prefer: 'delay=1' });
    await mock.get('/ai/devices');
    await mock.get('/nowhere');
    const report = (await admin('GET', '/coverage')).body;
    expect(report.calls).toBe(9);
    expect(report.unmatched).toBe(1);
    const ai = operation(report, 'getCompletion');
    expect(ai.calls).toBe(7);
    expect(ai.statuses.seen).toEqual({ 200: 3, 202: 1, 401: 1, 422: 1, 503: 1 });
    expect(ai.statuses.missing).toEqual(expect.arrayContaining(['402', '403', '500', '504']));
    expect(ai.statuses.missing).not.toContain('200');
    expect(ai.enums.model?.seen).toMatchObject({ gemini: 2, nope: 1 });
    expect(ai.enums.model?.missing).toEqual(['copilot', 'perplexity']);
    expect(ai.enums.format?.missing).toContain('raw');
    expect(ai.enums.mode?.seen).toEqual({ async: 1, sync: 6 }); // left out: the default
    expect(ai.revisions.seen).toEqual({ '2026-05-11': 6, '2026-07-06': 1 });
    expect(ai.faults.seen).toEqual({ 'status 503': 1, delay: 1 });
    expect(ai.faults.missing).toEqual(expect.arrayContaining(['status 500', 'status 504', 'failJob']));
    expect(ai.parameters.missing).toContain('device');
    expect(operation(report, 'getAsyncCompletion').calls).toBe(0);
    // The journal only kept two entries: coverage counted all of them.
    expect((await admin('GET', '/journal')).body).toHaveLength(2);
  });

  it('survives a reset, and is shown as Markdown', async () => {
    await admin('POST', '/reset');
    const markdown = await admin('GET', '/coverage?format=markdown');
    expect(markdown.headers['content-type']).toMatch(/^text\/markdown/);
    expect(markdown.text).toContain('## getCompletion (GET /ai): 7 calls');
    expect(markdown.text).toMatch(/\| statuses \| [^|]*`402`[^|]*\| [^|]*`200×3`/);
    expect((await admin('GET', '/coverage?format=xml')).status).toBe(400);
    expect((await admin('DELETE', '/coverage')).status).toBe(204);
    expect((await admin('GET', '/coverage')).body.calls).toBe(0);
  });
});

describe('--coverage-report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'massive-mock-coverage-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes JSON, or Markdown for a .md name, when the instance closes', async () => {
    for (const name of ['coverage.json', 'coverage.md']) {
      const file = join(dir, name);
      const instance = await createInstance(
        resolveConfig({ database: ':memory:', coverageReport: file }),
        false,
      );
      await instance.app.inject({ url: '/ai/devices', headers: { authorization: 'Bearer t' } });
      await instance.close();
      const text = readFileSync(file, 'utf8');
      if (name.endsWith('.json')) {
        expect(operation(JSON.parse(text), 'listDevices').statuses.seen).toEqual({ 200: 1 });
      } else {
        expect(text).toContain('## listDevices (GET /ai/devices): 1 calls');
      }
    }
  });
});
