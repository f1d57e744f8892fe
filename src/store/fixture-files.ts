import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CannedAnswer, FixtureError, parseCannedAnswer } from '../core/fixtures.ts';
import { type CannedCompletion, parseCannedCompletion } from '../router/fixtures.ts';

/** The canned answers shipped with massive-mock. */
export const BUNDLED_FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/**
 * Reads every `.json` file of a folder (sorted, so the order is stable): each holds one fixture or
 * an array of them. A file that is not valid stops the start with a message naming it.
 */
export function readFixtureDir<T = CannedAnswer>(
  dir: string,
  parse: (value: unknown, origin: string) => T = parseCannedAnswer as never,
): T[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch (error) {
    throw new FixtureError(`cannot read the fixtures folder ${dir}: ${(error as Error).message}`);
  }
  return names.flatMap((name) => {
    const file = join(dir, name);
    let content: unknown;
    try {
      content = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new FixtureError(`${file} is not valid JSON: ${(error as Error).message}`);
    }
    const items = Array.isArray(content) ? content : [content];
    return items.map((item, index) => parse(item, items.length > 1 ? `${file}[${index}]` : file));
  });
}

/** The router's canned completions: the `router/` subfolder of a fixtures folder, when it has one. */
export function readRouterFixtureDir(dir: string): CannedCompletion[] {
  const folder = join(dir, 'router');
  return existsSync(folder) ? readFixtureDir(folder, parseCannedCompletion) : [];
}
