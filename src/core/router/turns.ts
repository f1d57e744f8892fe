import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long one request may hold the event loop before it lets others run. */
const SLICE_MS = 4;

/**
 * A checkpoint for long work (many choices, long texts): awaiting it gives the loop back once the
 * work has held it `SLICE_MS`, so one request never stalls the others' streams and timers.
 */
export function createTurns(): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < SLICE_MS) return;
    await nextTurn();
    since = performance.now();
  };
}
