import type { Rng } from './random.ts';

/** How an emulated call is paced: at once, or drawn around the live service's observed times. */
export type LatencyProfile = 'instant' | 'realistic';

/**
 * A log-normal factor around 1 with spread σ, from two uniforms (Box-Muller). `1 - next()` keeps
 * the logarithm finite; the `- σ²/2` keeps the mean at 1, so a profile's mean stays its mean.
 */
export function logNormalFactor(rng: Rng, sigma: number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  return Math.exp(sigma * normal - (sigma * sigma) / 2);
}
