import { byPrompt, FixtureError, normalisePrompt } from '../kernel/canned-match.ts';

/** A canned answer of the router: the text a prompt gets, instead of a generated one. */
export interface CannedCompletion {
  origin: string;
  match: { prompt: string; model?: string };
  completion: { text: string };
}

/** Checks one router fixture as read from JSON; throws a FixtureError naming the bad field. */
export function parseCannedCompletion(value: unknown, origin: string): CannedCompletion {
  const fixture = value as { match?: Record<string, unknown>; completion?: Record<string, unknown> };
  if (typeof fixture?.match?.prompt !== 'string' || fixture.match.prompt.trim() === '') {
    throw new FixtureError(`${origin}: match.prompt must be a non-empty string`);
  }
  const { model } = fixture.match;
  if (model !== undefined && typeof model !== 'string')
    throw new FixtureError(`${origin}: match.model must be a string`);
  if (typeof fixture.completion?.text !== 'string')
    throw new FixtureError(`${origin}: completion.text must be a string`);
  return {
    origin,
    match: { prompt: fixture.match.prompt, ...(model !== undefined && { model }) },
    completion: { text: fixture.completion.text },
  };
}

/**
 * Finds the canned completion for a prompt and a model: the prompt must match ignoring case and
 * runs of spaces; a fixture naming the model wins over one that names none; on a tie, the first loaded.
 */
export function createCompletionFixtures(fixtures: readonly CannedCompletion[]) {
  const grouped = byPrompt(fixtures);
  return {
    size: fixtures.length,
    find(prompt: string, model: string): CannedCompletion | undefined {
      const candidates = grouped.get(normalisePrompt(prompt)) ?? [];
      return (
        candidates.find((fixture) => fixture.match.model === model) ??
        candidates.find((fixture) => fixture.match.model === undefined)
      );
    },
  };
}

export type CompletionFixtures = ReturnType<typeof createCompletionFixtures>;
