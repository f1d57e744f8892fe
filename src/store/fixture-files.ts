import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CannedAnswer, FixtureError, parseCannedAnswer } from '../core/fixtures.ts';

/** The canned answers shipped with massive-mock. */
export const BUNDLED_FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/**
 * Reads every `.json` file of a folder (sorted, so the order is stable): each holds one fixture or
 * an array of them. A file that is not valid stops the start with a message naming it.
 */
export function readFixtureDir(dir: string): CannedAnswer[] {
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
    return items.map((item, index) => parseCannedAnswer(item, items.length > 1 ? `${file}[${index}]` : file));
  });
}
