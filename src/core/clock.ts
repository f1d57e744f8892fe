/** Where the core reads the time: injected, so tests move it instead of sleeping. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock that follows real time from an offset, and can be frozen, moved and set. Expiry and job
 * progress read it, so a test can skip a day in one call.
 */
export class VirtualClock implements Clock {
  #base: Clock;
  #offset = 0;
  #frozenAt: number | null = null;

  constructor(base: Clock = systemClock) {
    this.#base = base;
  }

  now(): number {
    return this.#frozenAt ?? this.#base.now() + this.#offset;
  }

  get frozen(): boolean {
    return this.#frozenAt !== null;
  }

  freeze(): void {
    this.#frozenAt = this.now();
  }

  unfreeze(): void {
    if (this.#frozenAt === null) return;
    this.#offset = this.#frozenAt - this.#base.now();
    this.#frozenAt = null;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError('the clock only moves forward by a finite number of ms');
    this.set(this.now() + ms);
  }

  set(epochMs: number): void {
    if (!Number.isFinite(epochMs)) throw new RangeError('the clock needs a finite time');
    if (this.#frozenAt !== null) this.#frozenAt = epochMs;
    else this.#offset = epochMs - this.#base.now();
  }

  /** Back to real time, unfrozen. */
  reset(): void {
    this.#offset = 0;
    this.#frozenAt = null;
  }
}
