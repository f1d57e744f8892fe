import {
  closeSync,
  existsSync,
  constants,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  type Stats,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FixtureError } from '../core/kernel/canned-match.ts';
import { type CannedAnswer, parseCannedAnswer } from '../core/massive/fixtures.ts';
import { type CannedCompletion, parseCannedCompletion } from '../core/router/fixtures.ts';

/** The canned answers shipped with massive-mock. */
export const BUNDLED_FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** The largest fixture file read: canned answers are pages of text, and a file is read whole. */
export const MAX_FIXTURE_BYTES = 1024 * 1024;

const bytes = (count: number) => `${count.toLocaleString('en-US')} bytes`;

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a folder';
  return stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : 'not a file';
}

function tooLarge(file: string, size: number): FixtureError {
  return new FixtureError(
    `${file} is ${bytes(size)}, past the limit of ${bytes(MAX_FIXTURE_BYTES)} (1 MiB) for a fixture file`,
  );
}

/**
 * The text of a fixture file, or undefined when it is not a regular file (a FIFO would block the
 * start forever, `/dev/zero` would fill the memory). Symbolic links are followed. The file is
 * opened without blocking and checked again once open, and never more than the limit is read.
 */
function readFixtureFile(file: string, warn: (message: string) => void): string | undefined {
  const skip = (stats: Stats) => warn(`${file} is not a regular file (${kindOf(stats)}): skipped`);
  let fd: number | undefined;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) return void skip(stats);
    if (stats.size > MAX_FIXTURE_BYTES) throw tooLarge(file, stats.size);
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const opened = fstatSync(fd);
    if (!opened.isFile()) return void skip(opened);
    const buffer = Buffer.alloc(MAX_FIXTURE_BYTES + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read) {
      read = readSync(fd, buffer, length, buffer.length - length, null);
    }
    if (length > MAX_FIXTURE_BYTES) throw tooLarge(file, Math.max(length, opened.size));
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    if (error instanceof FixtureError) throw error;
    throw new FixtureError(`cannot read ${file}: ${(error as Error).message}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** What a folder of JSON files is read for: the folder's name in messages, and its error class. */
export interface JsonFolder {
  what: string;
  fail: (message: string) => Error;
  /** A missing folder holds no file, instead of stopping the start. */
  optional?: boolean;
}

/**
 * The JSON of every `.json` file of a folder, sorted so the order is stable. Only regular files
 * are read (see readFixtureFile); a file that does not parse stops the start with a message naming it.
 */
export function readJsonFiles(
  dir: string,
  folder: JsonFolder,
  warn: (message: string) => void = () => {},
): { file: string; content: unknown }[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch (error) {
    if (folder.optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw folder.fail(`cannot read the ${folder.what} folder ${dir}: ${(error as Error).message}`);
  }
  return names.flatMap((name) => {
    const file = join(dir, name);
    let text: string | undefined;
    try {
      text = readFixtureFile(file, warn);
    } catch (error) {
      throw folder.fail((error as Error).message);
    }
    if (text === undefined) return [];
    try {
      return [{ file, content: JSON.parse(text) as unknown }];
    } catch (error) {
      throw folder.fail(`${file} is not valid JSON: ${(error as Error).message}`);
    }
  });
}

const FIXTURES: JsonFolder = { what: 'fixtures', fail: (message) => new FixtureError(message) };

/**
 * Reads every fixture of a folder: each `.json` file holds one or an array of them. A file that is
 * not valid, or past `MAX_FIXTURE_BYTES`, stops the start with a message naming it; what is not a
 * regular file is skipped, and `warn` told why.
 */
export function readFixtureDir<T = CannedAnswer>(
  dir: string,
  warn: (message: string) => void = () => {},
  parse: (value: unknown, origin: string) => T = parseCannedAnswer as never,
): T[] {
  return readJsonFiles(dir, FIXTURES, warn).flatMap(({ file, content }) => {
    const items = Array.isArray(content) ? content : [content];
    return items.map((item, index) => parse(item, items.length > 1 ? `${file}[${index}]` : file));
  });
}

/** The router's canned completions: the `router/` subfolder of a fixtures folder, when it has one. */
export function readRouterFixtureDir(dir: string, warn?: (message: string) => void): CannedCompletion[] {
  const folder = join(dir, 'router');
  return existsSync(folder) ? readFixtureDir(folder, warn, parseCannedCompletion) : [];
}
