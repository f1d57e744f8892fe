import { type LatencyProfile, logNormalFactor } from '../kernel/pace.ts';
import { createRng, deriveSeed } from '../kernel/random.ts';

/** When a completion's pieces go out: the first after `firstMs`, then one every `perPieceMs`. */
export interface Timing {
  firstMs: number;
  perPieceMs: number;
}

/** A hosted model's usual pace: about 450 ms to the first token, then about 60 tokens per second. */
const REALISTIC = { firstMs: 450, tokensPerSecond: 60 };

/**
 * The pace of one completion. `instant` (the default) sends everything at once; `realistic` draws a
 * time to first token and a token rate from the seed and the request's number, and `timeScale`
 * compresses both, as it does Massive's latencies.
 */
export function drawTiming(
  profile: LatencyProfile,
  options: { seed: number; sequence: number; timeScale: number },
): Timing {
  if (profile === 'instant') return { firstMs: 0, perPieceMs: 0 };
  const rng = createRng(deriveSeed(options.seed, 'router-timing', options.sequence));
  const firstMs = REALISTIC.firstMs * logNormalFactor(rng, 0.4);
  const perPieceMs = 1000 / (REALISTIC.tokensPerSecond * logNormalFactor(rng, 0.25));
  return {
    firstMs: Math.round(firstMs * options.timeScale),
    perPieceMs: Math.round(perPieceMs * options.timeScale * 100) / 100,
  };
}

/** How long a whole completion takes at a pace: what a non-streamed answer waits. */
export function totalMs(timing: Timing, pieces: number): number {
  return Math.round(timing.firstMs + Math.max(0, pieces - 1) * timing.perPieceMs);
}
