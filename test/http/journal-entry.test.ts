/**
 * The header sets journal entries share (src/http/journal-entry.ts): a call gets the set of the
 * calls before it only when its headers are the same, name for name, in the same order, and each
 * value the same.
 */
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { DeferredAnswer } from '../../src/core/control/journal.ts';
import { callRecord } from '../../src/http/journal-entry.ts';

type Headers = Record<string, string>;

const record = (headers: Headers, answerHeaders: Record<string, unknown> = {}) =>
  callRecord(
    {
      method: 'GET',
      url: '/ai/devices',
      query: {},
      headers,
      body: undefined,
      answered: { headers: answerHeaders, payload: '[]' },
    } as unknown as FastifyRequest,
    4096,
    { time: 0, status: 200, durationMs: 1, decisions: {} },
  );

describe('header sets in journal entries', () => {
  it('are shared by calls that send the same headers, and no others', () => {
    const first = record({ 'user-agent': 'one', 'x-extra': 'yes' });
    const fewer = record({ 'user-agent': 'one' });
    const again = record({ 'user-agent': 'one', 'x-extra': 'yes' });
    const reordered = record({ 'x-extra': 'yes', 'user-agent': 'one' });
    const more = record({ 'x-extra': 'yes', 'user-agent': 'one', accept: '*/*' });
    const changed = record({ 'x-extra': 'yes', 'user-agent': 'two', accept: '*/*' });
    expect(fewer.headers).toEqual({ 'user-agent': 'one' });
    expect(again.headers).toBe(first.headers);
    expect(Object.keys(reordered.headers ?? {})).toEqual(['x-extra', 'user-agent']);
    expect(more.headers).toEqual({ 'x-extra': 'yes', 'user-agent': 'one', accept: '*/*' });
    expect(changed.headers?.['user-agent']).toBe('two');
  });

  it("are an answer's own when its headers change from the last call's", () => {
    const read = (headers: Record<string, unknown>) =>
      (record({}, headers).response as DeferredAnswer | undefined)?.read()?.headers;
    expect(read({ 'content-length': 2, 'x-mock-cache': 'miss' })).toEqual({
      'content-length': '2',
      'x-mock-cache': 'miss',
    });
    expect(read({ 'content-length': 2, 'x-mock-cache': 'hit' })?.['x-mock-cache']).toBe('hit');
    expect(read({ 'content-length': 2 })).toEqual({ 'content-length': '2' });
  });
});
