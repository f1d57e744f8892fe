import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Whether `root`'s dist/ was built after every file of src/ last changed. */
export function distIsFresh(root: string): boolean {
  const cli = join(root, 'dist', 'cli.js');
  return existsSync(cli) && statSync(cli).mtimeMs >= newestMtime(join(root, 'src'));
}
