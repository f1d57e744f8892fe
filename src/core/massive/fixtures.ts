import { byPrompt, FixtureError, normalisePrompt } from '../kernel/canned-match.ts';
import type { Conversation } from './conversation.ts';
import type { Answer } from './generate/types.ts';

const MATCH_KEYS = ['model', 'device', 'country', 'subdivision', 'city', 'language', 'display'] as const;
type MatchKey = (typeof MATCH_KEYS)[number];

/** A canned answer: served instead of a generated one for the conversations it matches. */
export interface CannedAnswer {
  /** Where it came from, for messages. */
  origin: string;
  match: { prompt: string } & Partial<Record<MatchKey, string>>;
  answer: Answer;
}

function strings(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new FixtureError(`${what} must be an array of strings`);
  }
  return value;
}

function records(value: unknown, what: string, fields: readonly string[], optional: readonly string[] = []) {
  if (!Array.isArray(value)) throw new FixtureError(`${what} must be an array`);
  return value.map((item, index) => {
    const record = item as Record<string, unknown>;
    for (const field of fields) {
      const present = record !== null && typeof record === 'object' && typeof record[field] === 'string';
      if (!present && !(optional.includes(field) && (record?.[field] ?? null) === null)) {
        throw new FixtureError(`${what}[${index}].${field} must be a string`);
      }
    }
    return record;
  });
}

/** Checks one fixture object as read from JSON; throws a FixtureError naming the bad field. */
export function parseCannedAnswer(value: unknown, origin: string): CannedAnswer {
  const fixture = value as { match?: Record<string, unknown>; answer?: Record<string, unknown> };
  const where = (field: string) => `${origin}: ${field}`;
  if (typeof fixture?.match?.prompt !== 'string' || fixture.match.prompt.trim() === '') {
    throw new FixtureError(`${where('match.prompt')} must be a non-empty string`);
  }
  const match: CannedAnswer['match'] = { prompt: fixture.match.prompt };
  for (const key of MATCH_KEYS) {
    const wanted = fixture.match[key];
    if (wanted === undefined) continue;
    if (typeof wanted !== 'string') throw new FixtureError(`${where(`match.${key}`)} must be a string`);
    match[key] = wanted;
  }
  const answer = fixture.answer;
  if (typeof answer?.markdown !== 'string')
    throw new FixtureError(`${where('answer.markdown')} must be a string`);
  return {
    origin,
    match,
    answer: {
      markdown: answer.markdown,
      sources: records(answer.sources ?? [], where('answer.sources'), [
        'title',
        'url',
        'siteName',
        'snippet',
      ]) as unknown as Answer['sources'],
      fanouts: strings(answer.fanouts ?? [], where('answer.fanouts')),
      ads: records(
        answer.ads ?? [],
        where('answer.ads'),
        ['title', 'url', 'advertiser', 'description', 'price'],
        ['price'],
      ).map((ad) => ({ ...ad, price: ad.price ?? null })) as unknown as Answer['ads'],
    },
  };
}

/**
 * Finds the canned answer for a conversation: the prompt must match (ignoring case and runs of
 * spaces), every other field a fixture names must match too (case-insensitively), and the fixture
 * that names the most fields wins; on a tie, the one loaded first.
 */
export function createFixtureIndex(fixtures: readonly CannedAnswer[]) {
  const grouped = byPrompt(fixtures);
  // A call looks its conversation up twice (to answer, then to name the fixture in its headers).
  let lastPrompt: string | undefined;
  let lastCandidates: readonly CannedAnswer[] = [];
  const candidates = (prompt: string) => {
    if (prompt !== lastPrompt) {
      lastPrompt = prompt;
      lastCandidates = grouped.get(normalisePrompt(prompt)) ?? [];
    }
    return lastCandidates;
  };
  return {
    size: fixtures.length,
    find(conversation: Conversation): CannedAnswer | undefined {
      let best: CannedAnswer | undefined;
      let bestScore = -1;
      for (const fixture of candidates(conversation.prompt)) {
        let score = 0;
        for (const key of MATCH_KEYS) {
          const wanted = fixture.match[key];
          if (wanted === undefined) continue;
          if (wanted.toLowerCase() !== (conversation[key] ?? '').toLowerCase()) {
            score = -1;
            break;
          }
          score++;
        }
        if (score > bestScore) {
          best = fixture;
          bestScore = score;
        }
      }
      return best;
    },
  };
}

export type FixtureIndex = ReturnType<typeof createFixtureIndex>;
