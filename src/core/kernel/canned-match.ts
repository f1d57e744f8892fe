import { FixtureError } from './errors.ts';

export { FixtureError };
/** A prompt as canned answers match it: ignoring case and runs of spaces. */
export const normalisePrompt = (prompt: string) => prompt.trim().replace(/\s+/g, ' ').toLowerCase();

/** Canned answers grouped by their normalised prompt, in the order they were loaded. */
export function byPrompt<T extends { match: { prompt: string } }>(fixtures: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const fixture of fixtures) {
    const key = normalisePrompt(fixture.match.prompt);
    groups.set(key, [...(groups.get(key) ?? []), fixture]);
  }
  return groups;
}
