/**
 * Writes each model's page shell as its function builds it to dist/shells/<model>.json, which the
 * built command reads on its first answer instead of drawing it (src/core/massive/generate/shell.ts);
 * test/e2e/built-unbuilt.test.ts checks both give the same bytes. Part of `npm run build`.
 *   node scripts/shells.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// The renderers register their shells as they load.
import '../src/core/massive/generate/index.ts';
import { shellBuilders } from '../src/core/massive/generate/shell.ts';

export const SHELLS_DIR = fileURLToPath(new URL('../dist/shells/', import.meta.url));

export function writeShells(dir = SHELLS_DIR): void {
  mkdirSync(dir, { recursive: true });
  for (const [model, build] of shellBuilders()) writeFileSync(`${dir}${model}.json`, JSON.stringify(build()));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeShells();
