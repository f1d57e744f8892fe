import type { Model } from './conversation.ts';
import { createRng, deriveSeed } from '../kernel/random.ts';
import { type LatencyProfile, logNormalFactor } from '../kernel/pace.ts';

export type { LatencyProfile };

/** Mean seconds of a live answer per model, as one user measured them in May 2026. */
const MEAN_SECONDS: Readonly<Record<Model, number>> = {
  chatgpt: 17,
  gemini: 21,
  perplexity: 25,
  copilot: 43,
};

/** What the service allots a call before it answers 504. */
export const BUDGET_MS = 180_000;

export interface LatencyDraw {
  /** How long to wait before answering, already scaled. */
  delayMs: number;
  /** The draw ran past the 3-minute budget: answer 504 after waiting it. */
  timedOut: boolean;
}

/**
 * How long a fresh answer takes. `realistic` draws from a log-normal around the model's mean
 * (spread σ = 0.5, so a few Copilot calls pass the budget), from the seed and the call's number;
 * `timeScale` compresses it (0.01 turns 17 s into 170 ms).
 */
export function drawLatency(
  profile: LatencyProfile,
  model: Model,
  options: { seed: number; sequence: number; timeScale: number },
): LatencyDraw {
  return drawServiceLatency(profile, MEAN_SECONDS[model], options);
}

/** The same draw around any mean: the Search and Browser services' calls. */
export function drawServiceLatency(
  profile: LatencyProfile,
  meanSeconds: number,
  options: { seed: number; sequence: number; timeScale: number },
): LatencyDraw {
  if (profile === 'instant') return { delayMs: 0, timedOut: false };
  const rng = createRng(deriveSeed(options.seed, 'latency', options.sequence));
  const ms = meanSeconds * 1000 * logNormalFactor(rng, 0.5);
  const timedOut = ms > BUDGET_MS;
  return { delayMs: Math.round(Math.min(ms, BUDGET_MS) * options.timeScale), timedOut };
}
