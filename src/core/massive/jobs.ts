import { createRng, deriveSeed, drawUuid } from '../kernel/random.ts';
import type { JobOutcome } from './store.ts';

/** How queued conversations behave: how long they take and what share of them fail. */
export interface JobSettings {
  minMs: number;
  maxMs: number;
  /** From 0 (none) to 1 (all). */
  failureRate: number;
}

export const DEFAULT_JOB_SETTINGS: JobSettings = { minMs: 1000, maxMs: 2000, failureRate: 0 };

/** A job's id, drawn from the seed: the same seed and sequence give the same id. */
export const jobId = (seed: number, sequence: number): string => drawUuid(seed, 'job-id', sequence);

/** A job's fate, fixed when it is queued and drawn from the seed. */
export function drawJobFate(
  seed: number,
  id: string,
  settings: JobSettings,
): { durationMs: number; outcome: JobOutcome } {
  const rng = createRng(deriveSeed(seed, 'job-fate', id));
  return {
    durationMs: rng.int(Math.min(settings.minMs, settings.maxMs), Math.max(settings.minMs, settings.maxMs)),
    outcome: rng.chance(settings.failureRate) ? 'failed' : 'completed',
  };
}
