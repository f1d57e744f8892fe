#!/usr/bin/env node
// Written for any Node to parse (no static import of what Node 22 added), so an old Node says
// what it needs instead of failing on a SyntaxError.
import './node-check.js';

const { existsSync, readdirSync, statSync } = process.getBuiltinModule('node:fs');
// Node caches the compiled code of the modules it loads: later starts skip most of the parsing.
// (process.getBuiltinModule, not import(): an ESM import of node:module reads all its exports.)
process.getBuiltinModule('node:module').enableCompileCache?.();

// The command bundled in one file (scripts/bundle.ts): one module to load instead of ~680.
const bundle = new URL('../dist/massive-mock.js', import.meta.url);
const src = new URL('../src', import.meta.url);

/** Whether a file under `dir` (a path) changed after `built` (ms). */
function newerThan(dir, built) {
  // One readdirSync per folder: its `recursive` option takes ~3 times as long over src/'s ~200 files.
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory() ? newerThan(path, built) : statSync(path).mtimeMs > built) return true;
  }
  return false;
}

/**
 * In a checkout (the package has no src/), src/ changed since the last build: the bundle would
 * run old code, so src/ runs as it is (TypeScript by type stripping), slower to start.
 */
function edited() {
  if (!existsSync(src)) return false;
  if (!existsSync(bundle)) return true;
  return newerThan(process.getBuiltinModule('node:url').fileURLToPath(src), statSync(bundle).mtimeMs);
}

if (edited()) {
  process.stderr.write(
    'massive-mock: src/ changed since the last build: running it as it is (`npm run build` makes starts fast again)\n',
  );
  await import('../src/cli.ts');
} else {
  await import('../dist/massive-mock.js');
}
