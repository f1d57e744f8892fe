import { describe, expect, it } from 'vitest';
import { chatgptEventStream, replayEventStream } from '../../src/core/massive/generate/sse.ts';
import type { Completion } from '../../src/core/massive/conversation.ts';
import { REVISIONS } from '../../src/core/massive/revisions/index.ts';
import { usageReport } from '../../src/core/massive/accounts/usage.ts';
import { conversation } from '../support/conversation.ts';

const page: Completion = {
  model: 'chatgpt',
  query: 'q',
  html: '<html>',
  prompt: '<p>',
  completion: '<c>',
  sources: '<s>',
  ads: '<a>',
  fanouts: ['f'],
  device: null,
  country: 'US',
  subdivision: null,
  city: null,
  language: null,
  display: null,
};

describe('presenters', () => {
  it.each(REVISIONS.map((revision) => [revision.id, revision] as const))(
    '%s presents every part of the page it has a key for',
    (_id, revision) => {
      const shown = JSON.stringify(revision.present({ page, sse: 'data: [DONE]' }));
      for (const part of ['<html>', '<p>', '<c>', '"f"']) expect(shown).toContain(part);
    },
  );

  it('name job phases in each revision’s words', () => {
    const statuses = Object.fromEntries(
      REVISIONS.map((revision) => [
        revision.id,
        (['retrieving', 'archiving', 'failed', 'ready'] as const).map(revision.jobStatus),
      ]),
    );
    expect(statuses['2026-05-11']).toEqual(['retrieving', 'retrieving', 'failed', null]);
    expect(statuses['2026-07-06']).toEqual(['retrieving', 'archiving', 'failed', null]);
  });
});

describe('ChatGPT event streams', () => {
  const answer = {
    markdown: 'Tides rise and fall [1].\n\n- twice a day',
    sources: [],
    fanouts: ['tides'],
    ads: [],
  };

  it('replay to the Markdown, deterministically from the seed', () => {
    const stream = chatgptEventStream(conversation('tides'), answer, 7);
    expect(replayEventStream(stream)).toBe(answer.markdown);
    expect(chatgptEventStream(conversation('tides'), answer, 7)).toBe(stream);
    expect(stream.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('are empty for the other models', () => {
    expect(chatgptEventStream(conversation('tides', 'gemini'), answer, 7)).toBe('');
  });
});

describe('usageReport', () => {
  const call = (at: string, success: boolean, token = 't') => ({
    token,
    service: 'ai',
    success,
    credits: success ? 5 : 0,
    durationMs: 1500,
    at: Date.parse(at),
  });
  const calls = [
    call('2026-07-01T10:05:00Z', true),
    call('2026-07-01T10:55:00Z', true),
    call('2026-07-01T12:00:00Z', false),
    call('2026-07-01T12:01:00Z', true, 'u'),
  ];
  const emailOf = (token: string) => `${token}@example.com`;

  it('totals calls, credits and mean seconds per user, service and result', () => {
    expect(usageReport(calls, emailOf, { by: 'total', services: [] })).toEqual([
      {
        email: 't@example.com',
        from: '2026-07-01T10:00:00+00:00',
        to: '2026-07-01T10:00:00+00:00',
        service: 'ai',
        result: 'success',
        calls: 2,
        credits: 10,
        meanSecs: 1.5,
      },
      {
        email: 't@example.com',
        from: '2026-07-01T12:00:00+00:00',
        to: '2026-07-01T12:00:00+00:00',
        service: 'ai',
        result: 'failure',
        calls: 1,
        credits: 0,
        meanSecs: 1.5,
      },
      {
        email: 'u@example.com',
        from: '2026-07-01T12:00:00+00:00',
        to: '2026-07-01T12:00:00+00:00',
        service: 'ai',
        result: 'success',
        calls: 1,
        credits: 5,
        meanSecs: 1.5,
      },
    ]);
  });

  it('keeps only the services asked for', () => {
    expect(usageReport(calls, emailOf, { by: 'hour', services: ['search'] })).toEqual([]);
  });
});
