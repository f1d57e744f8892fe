import { describe, expect, it } from 'vitest';
import type { OperationCoverage } from '../../src/core/control/coverage.ts';
import { startHarness } from '../support/harness.ts';

describe('Search and Browser through the control plane', async () => {
  const mock = await startHarness({ revision: '2026-07-06' });
  const admin = (method: string, url: string, body?: unknown) =>
    mock.send(method, `/__admin${url}`, { body });

  it('fault rules match the new operations and their terms or URL, and land in the journal', async () => {
    const added = await admin('POST', '/faults', {
      match: { operation: 'browse', prompt: 'flaky.example' },
      effect: { status: 429 },
    });
    expect(added.status).toBe(201);
    const limited = await mock.get('/browser?url=https://flaky.example/page');
    expect(limited.status).toBe(429);
    expect(limited.text).toBe('Rate limit was exceeded; please retry in 180 seconds');
    expect(limited.headers['retry-after']).toBe('180');
    expect((await mock.get('/browser?url=https://steady.example/page')).status).toBe(200);
    const failing = await admin('POST', '/faults', {
      match: { operation: 'search' },
      effect: { failJob: true },
    });
    expect(failing.status).toBe(201);
    const queued = await mock.get('/search?terms=doomed&mode=async');
    mock.instance.control.clock.advance(10_000);
    expect((await mock.get(`/search?id=${queued.body.id}`)).body).toEqual({ status: 'failed' });
    const entries = mock.instance.control.journal.list({});
    expect(entries.some((entry) => entry.decisions.operation === 'browse' && entry.status === 429)).toBe(
      true,
    );
    await admin('DELETE', '/faults');
  });

  it('the control plane completes a web job drawn to fail, and fails one drawn to succeed', async () => {
    await admin('POST', '/faults', {
      match: { operation: 'browse' },
      effect: { failJob: true },
      policy: { times: 1 },
    });
    const doomed = await mock.get('/browser?url=https://example.com/&format=markdown&mode=async');
    expect((await admin('POST', `/jobs/${doomed.body.id}/complete`)).status).toBe(200);
    expect((await mock.get(`/browser?id=${doomed.body.id}`)).text).toMatch(/^# Example Domain/);
    const fine = await mock.get('/browser?url=https://b.example/&mode=async');
    expect((await admin('POST', `/jobs/${fine.body.id}/fail`)).status).toBe(200);
    expect((await mock.get(`/browser/content?id=${fine.body.id}`)).body).toEqual({ status: 'failed' });
  });

  it('coverage counts the new operations, their statuses and enum values', async () => {
    await mock.get('/browser?url=https://a.example/&format=raw');
    await mock.get('/search/devices');
    const report = (await admin('GET', '/coverage')).body as { operations: OperationCoverage[] };
    const operation = (id: string) => report.operations.find((entry) => entry.operationId === id);
    expect(operation('browse')?.calls).toBeGreaterThanOrEqual(3);
    expect(operation('browse')?.enums.format?.seen).toMatchObject({ raw: 1 });
    expect(operation('browse')?.statuses.seen).toMatchObject({ 200: 3, 202: 2, 429: 1 });
    expect(operation('listSearchDevices')?.calls).toBe(1);
  });

  it('a session is an emulator of its own: its own account and cache', async () => {
    const headers = { 'x-mock-session': 'search-session' };
    const first = await mock.get('/search?terms=session+terms', undefined, headers);
    expect(first.headers['x-mock-cache']).toBe('miss');
    expect((await mock.get('/search?terms=session+terms', undefined, headers)).headers['x-mock-cache']).toBe(
      'hit',
    );
    expect((await mock.get('/search?terms=session+terms')).headers['x-mock-cache']).toBe('miss');
  });
});

describe('CDP', async () => {
  const mock = await startHarness();
  it('is a 501 saying it is not emulated, in the document of the revision', async () => {
    const res = await mock.get('/browser?country=us', undefined, {
      connection: 'Upgrade',
      upgrade: 'websocket',
    });
    expect(res.status).toBe(501);
    expect(res.text).toMatch(/^CDP is not emulated: massive-mock has no browser to drive over a WebSocket/);
  });
});
