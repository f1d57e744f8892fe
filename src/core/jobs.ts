import { createRng, deriveSeed } from './random.ts';
import type { JobOutcome } from './store.ts';

/** How queued conversations behave: how long they take and what share of them fail. */
export interface JobSettings {
  minMs: number;
  maxMs: number;
  /** From 0 (none) to 1 (all). */
  failureRate: number;
}

export const DEFAULT_JOB_SETTINGS: JobSettings = { minMs: 1000, maxMs: 2000, failureRate: 0 };

/** A version 4 UUID drawn from the seed: the same seed and sequence give the same id. */
export function jobId(seed: number, sequence: number): string {
  const rng = createRng(deriveSeed(seed, 'job-id', sequence));
  const bytes = Array.from({ length: 16 }, () => rng.int(0, 255));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

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
