import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// A checkout in miniature: the real bin, a bundle and a src/ that each say which one ran.
const dir = mkdtempSync(join(tmpdir(), 'massive-mock-bin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const folder of ['bin', 'dist', 'src', 'src/deep/er']) mkdirSync(join(dir, folder), { recursive: true });
for (const file of ['massive-mock.js', 'node-check.js'])
  copyFileSync(join('bin', file), join(dir, 'bin', file));
// As scripts/bundle.ts writes it: the function the bin calls.
writeFileSync(join(dir, 'dist', 'massive-mock.cjs'), "(function () { process.stdout.write('bundle'); })\n");
writeFileSync(join(dir, 'src', 'cli.ts'), "const ran: string = 'src';\nprocess.stdout.write(ran);\n");
const nested = join(dir, 'src', 'deep', 'er', 'module.ts');
writeFileSync(nested, 'export {};\n');

/** What the bin wrote on stdout: which command it ran. */
const run = (): string =>
  execFileSync(process.execPath, [join(dir, 'bin', 'massive-mock.js')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

const at = (file: string, seconds: number) => utimesSync(file, seconds, seconds);

describe('the bin (what npm start runs) in a checkout', () => {
  it('runs the bundle when it is newer than every file of src/', () => {
    for (const path of ['src/cli.ts', 'src', 'src/deep', 'src/deep/er', 'src/deep/er/module.ts'])
      at(join(dir, path), 1_000_000);
    at(join(dir, 'dist', 'massive-mock.cjs'), 2_000_000);
    expect(run()).toBe('bundle');
  });

  it('runs src/ as it is once a file in a folder of src/ changed after the build', () => {
    at(nested, 3_000_000);
    expect(run()).toBe('src');
    at(nested, 1_000_000);
    expect(run()).toBe('bundle');
  });

  it('runs src/ as it is once a file there changed after the build: never old code', () => {
    at(join(dir, 'src', 'cli.ts'), 3_000_000);
    expect(run()).toBe('src');
  });
});
