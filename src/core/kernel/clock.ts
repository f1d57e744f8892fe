import { ClockRangeError } from './errors.ts';

/** Where the core reads the time: injected, so tests move it instead of sleeping. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

interface Timer {
  at: number;
  fire: () => void;
}

/** The longest a real timer can wait (setTimeout's 32-bit limit); a later timer re-arms then. */
const MAX_REAL_WAIT_MS = 2 ** 31 - 1;

/**
 * The times the virtual clock may be moved to: 1970 to the end of 9999, the years an ISO 8601 date
 * (and so `set` as text, and every `iso` the admin API answers) writes with four digits. Dates
 * themselves end at 8.64e15 ms.
 */
export const CLOCK_MIN_MS = 0;
export const CLOCK_MAX_MS = 253_402_300_799_999;

const RANGE =
  `from ${new Date(CLOCK_MIN_MS).toISOString()} to ${new Date(CLOCK_MAX_MS).toISOString()} ` +
  `(${CLOCK_MIN_MS} to ${CLOCK_MAX_MS} ms since the epoch)`;

/**
 * A clock that follows real time from an offset, and can be frozen, moved and set. Expiry and job
 * progress read it, so a test can skip a day in one call. Timers set on it fire when its time
 * passes theirs: as real time goes by, or at once when the clock is moved past them.
 */
export class VirtualClock implements Clock {
  #base: Clock;
  #offset = 0;
  #frozenAt: number | null = null;
  #timers = new Set<Timer>();
  #real: ReturnType<typeof setTimeout> | undefined;

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
    this.#arm();
  }

  unfreeze(): void {
    if (this.#frozenAt === null) return;
    this.#offset = this.#frozenAt - this.#base.now();
    this.#frozenAt = null;
    this.#arm();
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
    this.#arm();
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
      this.#arm();
      throw error;
    }
  }

  /** Back to real time, unfrozen. Timers stay, and fire by the real time. */
  reset(): void {
    this.#offset = 0;
    this.#frozenAt = null;
    this.#arm();
  }

  /**
   * Calls `fire` once the clock reaches `at` (ms since the epoch): a due timer fires during the
   * move that passes it, in the order of their times. Returns a function that cancels it.
   */
  at(at: number, fire: () => void): () => void {
    const timer = { at, fire };
    this.#timers.add(timer);
    this.#arm();
    return () => {
      this.#timers.delete(timer);
      this.#arm();
    };
  }

  /** Forgets every timer (a closing instance must leave none armed). */
  clearTimers(): void {
    this.#timers.clear();
    this.#arm();
  }

  /** Fires what is due, then waits in real time for the next timer unless the clock is frozen. */
  #arm(): void {
    clearTimeout(this.#real);
    this.#real = undefined;
    const now = this.now();
    const due = [...this.#timers].filter((timer) => timer.at <= now).sort((a, b) => a.at - b.at);
    for (const timer of due) {
      this.#timers.delete(timer);
      timer.fire();
    }
    if (this.#frozenAt !== null || !this.#timers.size) return;
    const next = Math.min(...[...this.#timers].map((timer) => timer.at));
    this.#real = setTimeout(() => this.#arm(), Math.min(Math.max(next - this.now(), 0), MAX_REAL_WAIT_MS));
    this.#real.unref();
  }
}
