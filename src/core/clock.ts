/** Where the core reads the time: injected, so tests move it instead of sleeping. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * The times the virtual clock may be moved to: 1970 to the end of 9999, the years an ISO 8601 date
 * (and so `set` as text, and every `iso` the admin API answers) writes with four digits. Dates
 * themselves end at 8.64e15 ms.
 */
export const CLOCK_MIN_MS = 0;
export const CLOCK_MAX_MS = 253_402_300_799_999;

/** A move that would take the clock out of its range: the message names the bound. */
export class ClockRangeError extends RangeError {
  override name = 'ClockRangeError';
}

const RANGE =
  `from ${new Date(CLOCK_MIN_MS).toISOString()} to ${new Date(CLOCK_MAX_MS).toISOString()} ` +
  `(${CLOCK_MIN_MS} to ${CLOCK_MAX_MS} ms since the epoch)`;

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

  /** A running clock stops at the end of its range, so every time it tells is a four-digit-year date. */
  now(): number {
    return this.#frozenAt ?? Math.min(this.#base.now() + this.#offset, CLOCK_MAX_MS);
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
      throw new ClockRangeError('the clock only moves forward by a finite number of ms');
    if (this.now() + ms > CLOCK_MAX_MS)
      throw new ClockRangeError(`advancing ${ms} ms would take the clock past ${RANGE}`);
    this.set(this.now() + ms);
  }

  set(epochMs: number): void {
    if (!(epochMs >= CLOCK_MIN_MS && epochMs <= CLOCK_MAX_MS))
      throw new ClockRangeError(`the clock must be set ${RANGE}; ${epochMs} is not`);
    if (this.#frozenAt !== null) this.#frozenAt = epochMs;
    else this.#offset = epochMs - this.#base.now();
  }

  /** Runs several moves as one: when one is refused, the clock is left as it was before the first. */
  atomically<T>(moves: () => T): T {
    const offset = this.#offset;
    const frozenAt = this.#frozenAt;
    try {
      return moves();
    } catch (error) {
      this.#offset = offset;
      this.#frozenAt = frozenAt;
      throw error;
    }
  }

  /** Back to real time, unfrozen. */
  reset(): void {
    this.#offset = 0;
    this.#frozenAt = null;
  }
}
