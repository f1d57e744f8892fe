#!/usr/bin/env node
// Written for any Node to parse (nothing Node 22 added is reached before the check), so an old
// Node says what it needs instead of failing on a SyntaxError. CommonJS (bin/package.json): Node
// starts a CommonJS entry without its ES module loader: the bin's starts to the first answer took
// 7-20 ms less wall time and 10-30 ms less CPU (medians of 15 starts of each, in turns).
require('./node-check.js');

const {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  statSync,
  writeFileSync,
} = process.getBuiltinModule('node:fs');
const { createRequire, enableCompileCache, getCompileCacheDir } = process.getBuiltinModule('node:module');
const { fileURLToPath, pathToFileURL } = process.getBuiltinModule('node:url');
// Node caches the compiled code of the modules it loads: later starts skip most of the parsing.
// (process.getBuiltinModule, not import(): an ESM import of node:module reads all its exports.)
enableCompileCache?.();

// The command bundled in one file (scripts/bundle.ts): one module to load instead of ~680.
const here = pathToFileURL(__filename);
const bundle = new URL('../dist/massive-mock.cjs', here);
const src = new URL('../src', here);

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
  return newerThan(fileURLToPath(src), statSync(bundle).mtimeMs);
}

/**
 * A short name for a text (FNV-1a, 32 bits, in hex): names the flags a cache was made under, with
 * no need of node:crypto, which a start does not otherwise load before its first answer has gone.
 * Two flag sets with one name would only take turns at the cache: V8 checks a cache's flags.
 */
function shortHash(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** A file opened for reading, with its size. */
function openFile(path) {
  const fd = openSync(path, 'r');
  return { fd, size: fstatSync(fd).size };
}

/** Reads all of an opened file into the start of `buffer` and closes it: the bytes read. */
function readAll({ fd, size }, buffer) {
  try {
    let read = 0;
    while (read < size) {
      const got = readSync(fd, buffer, read, size - read, read);
      if (got === 0) break;
      read += got;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * Runs the bundle as a vm.Script with a V8 code cache of its own, in Node's compile-cache folder.
 * Node's cache of an ES module is taken as it is compiled: its top level only. This one is taken
 * once the run has answered its first GET /ai (the bundle says so: src/cli-main.ts), so it holds
 * every function a start and its first answer compile (Fastify's set-up, the instance's, the
 * answer's), which later starts then need not compile: ~80-120 ms less CPU to the first answer.
 * Not at exit: in a long run, V8's collections drop the compiled code of functions unused for a
 * while, and a cache taken after ~40 s of loads held half of what a start needs (0.98 of 1.9 MB;
 * starts from it ~80 ms slower, and no later run replaced it).
 */
function runBundle() {
  const { Script, constants } = process.getBuiltinModule('node:vm');
  const file = fileURLToPath(bundle);
  const opened = openFile(file);
  // V8 checks a cache against its version and flags, but the source by its length only: the name
  // holds the build, which the bundle's first line names by its content, and the flags, so that two
  // ways of starting keep a cache each.
  const head = Buffer.allocUnsafe(64);
  const firstLine = head.latin1Slice(0, readSync(opened.fd, head, 0, head.length, 0));
  const build = /^\/\/ massive-mock build (\w+)\n/.exec(firstLine)?.[1];
  const flags = shortHash(
    [process.version, process.arch, process.execArgv, process.env.NODE_OPTIONS].join(' '),
  );
  const folder = getCompileCacheDir?.();
  const cache = folder && build && `${folder}/massive-mock-${build}-${flags}.bin`;
  let cached;
  try {
    cached = cache ? openFile(cache) : undefined;
  } catch {
    // none yet
  }
  // Each page of memory a start touches first costs it (on the 2-core machine of
  // docs/benchmarks.md, ~11 µs a page): the bundle, and then its code cache once the source is
  // copied out, are read into the same bytes. The bundle is ASCII (scripts/bundle.ts): read as
  // latin1 it is one-byte text at once.
  const buffer = Buffer.allocUnsafeSlow(Math.max(opened.size, cached?.size ?? 0));
  const bytes = readAll(opened, buffer);
  const source = bytes.latin1Slice(0, bytes.length);
  const cachedData = cached && readAll(cached, buffer);
  // The bundle is written as the function to call (scripts/bundle.ts): wrapping it here would make
  // V8 copy all of it into one string again before compiling.
  const script = new Script(source, {
    filename: file,
    cachedData,
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  // Taking the cache costs ~80 ms, once: only a run that found none (or one V8 rejected) takes it.
  if (cache && !(cachedData && !script.cachedDataRejected))
    process.once('massive-mock:answered', () => {
      try {
        writeFileSync(`${cache}.${process.pid}`, script.createCachedData());
        renameSync(`${cache}.${process.pid}`, cache);
      } catch {
        // A folder it cannot write to: the next start compiles, as this one did.
      }
    });
  const module = { exports: {} };
  script.runInThisContext()(
    module.exports,
    createRequire(file),
    module,
    file,
    fileURLToPath(new URL('.', bundle)),
  );
}

if (edited()) {
  process.stderr.write(
    'massive-mock: src/ changed since the last build: running it as it is (`npm run build` makes starts fast again)\n',
  );
  import('../src/cli.ts');
} else {
  runBundle();
}
