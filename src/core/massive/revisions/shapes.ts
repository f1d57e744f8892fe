import type { Completion } from '../conversation.ts';
import type { JobPhase } from './types.ts';

/** The keys every revision since late April starts with, in their order. */
export const pageKeys = (page: Completion) => ({
  model: page.model,
  query: page.query,
  html: page.html,
  prompt: page.prompt,
  completion: page.completion,
  sources: page.sources,
});

/** The conversation the answer was asked from, as every revision with echo keys sends it back. */
export const echoKeys = (page: Completion) => ({
  device: page.device,
  country: page.country,
  subdivision: page.subdivision,
  city: page.city,
  language: page.language,
  display: page.display,
});

/** Until July, a job is `retrieving` until its answer is due, or `failed`. */
export function twoStatuses(phase: JobPhase): string | null {
  if (phase === 'ready') return null;
  return phase === 'failed' ? 'failed' : 'retrieving';
}
