import { type FSWatcher, watch } from 'node:fs';
import type { CannedAnswer } from '../core/massive/fixtures.ts';
import { readFixtureDir } from './fixture-files.ts';

/** Editors write a file in several steps: wait for the writes to settle before reading. */
const SETTLE_MS = 100;

export interface FixtureWatchOptions {
  dir: string;
  /** Called with the folder's fixtures each time they changed and every file is valid. */
  reload: (fixtures: CannedAnswer[]) => void;
  /** Called when a changed folder has a bad file: the previous fixtures stay. */
  warn: (message: string) => void;
  settleMs?: number;
}

/**
 * Watches a fixture folder and reloads it when its files change (debounced). A file that does not
 * parse keeps the previous set and is reported, so a half-saved edit never takes the server down.
 */
export function watchFixtureDir(options: FixtureWatchOptions): { close(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reread = () => {
    timer = undefined;
    try {
      options.reload(readFixtureDir(options.dir));
    } catch (error) {
      options.warn(`fixtures not reloaded, the previous ones stay: ${(error as Error).message}`);
    }
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(options.dir, { persistent: false }, (_event, name) => {
      if (name !== null && !name.endsWith('.json')) return;
      clearTimeout(timer);
      timer = setTimeout(reread, options.settleMs ?? SETTLE_MS);
    });
    watcher.on('error', (error) => options.warn(`stopped watching ${options.dir}: ${error.message}`));
  } catch (error) {
    options.warn(`cannot watch ${options.dir} for changes: ${(error as Error).message}`);
  }
  return {
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
