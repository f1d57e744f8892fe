/**
 * The command as one file, dist/massive-mock.cjs, which the bin (and so the image) runs: Node
 * resolves, reads and links each module on its own, and the command's ~680 modules cost a start
 * more than their code does. `npm run build` writes it after tsc; dist/ keeps the library's modules.
 * CommonJS, not ESM, so that the bin can run it as a vm.Script with a code cache taken at exit,
 * which holds every function the run compiled (see bin/massive-mock.js).
 *   node scripts/bundle.ts
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = `${ROOT}src/`;
export const BUNDLE = `${ROOT}dist/massive-mock.cjs`;

/**
 * Packages left to Node: better-sqlite3 finds its native addon beside its own files, pino-pretty
 * runs in a worker from its own files (pino, bundled, is told where: cli-main.ts), and the docs UI
 * serves its assets from its package folder. gpt-tokenizer's 1.7 MB of tables load on the first
 * count of tokens, and Faker's 450 kB of code and data on the router's first completion, not with
 * the rest: each start reads all of the bundle, and on a machine where first touching memory is
 * slow (docs/benchmarks.md) its size costs time. All are dependencies, so an installed package
 * finds them.
 */
export const EXTERNAL = [
  'better-sqlite3',
  'pino-pretty',
  '@fastify/swagger',
  '@fastify/swagger-ui',
  'gpt-tokenizer',
  '@faker-js/faker',
];

/**
 * Each module of src/ finds files (openapi/, fixtures/, dashboard/, package.json) relative to its
 * own URL: in the bundle that URL is the one it has under dist/, so those paths still hold.
 */
const ownUrls: Plugin = {
  name: 'own-urls',
  setup(bundler) {
    bundler.onLoad({ filter: /\/src\/.*\.ts$/ }, ({ path }) => {
      if (!path.startsWith(SRC)) return undefined;
      const source = readFileSync(path, 'utf8');
      if (!source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
      const asBuilt = relative(SRC, path).replace(/\.ts$/, '.js');
      return {
        contents: source.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(`./${asBuilt}`)}, import.meta.url).href`,
        ),
        loader: 'ts',
      };
    });
  },
};

/**
 * The bundle in ASCII, each other character as its \u escape. esbuild escapes them in strings but
 * not in regular expression literals (src/ has a few: quotes, ×, ÷, CJK words): one such character
 * makes V8 hold all 2.5 MB of source as two-byte text, and decoding and compiling it at each start
 * then take twice as long (~20 ms). Escaped they match the same characters, with or without the
 * `u` flag; a character after a backslash or outside the BMP would need more care, so the build
 * stops on one.
 */
export function asciiOnly(code: string): string {
  return code.replace(/(\\?)([^\0-\x7f])/gu, (_, backslash: string, char: string) => {
    const point = char.codePointAt(0) ?? 0;
    if (backslash || point > 0xffff)
      throw new Error(`bundle: cannot escape ${JSON.stringify(backslash + char)}`);
    return `\\u${point.toString(16).padStart(4, '0')}`;
  });
}

/**
 * Modules a package requires as it loads but uses only in cases this command meets late or never,
 * each replaced by a stand-in that loads it on first use. Fastify's server module requires
 * node:https and node:http2 for a server made with its `https` or `http2` option, which this one
 * never is (with node:tls, ~14 ms of each start); its plugin checks require semver for plugins that
 * name the Fastify versions they need, which none registered at start does (~2 ms); its schema
 * controller makes its validator and serializer compilers (Ajv's with its JSON Type Definition
 * half, fast-json-stringify) for routes with a Fastify schema, which ours are not (the OpenAPI
 * documents validate them: ~2 ms). openapi-backend requires, as it loads, what only its other
 * modes use: a validator of the document against the OpenAPI schema (its `quick` mode, ours, skips
 * it), a reference parser for documents given as files or text (ours are objects:
 * src/http/openapi-router.ts), a response mocker, and qs for query strings given unparsed
 * (Fastify parses ours). With qs's own dependencies they cost ~7 ms of each start.
 *
 * A module is used either through its members (`members`) or, for Fastify's compilers, as a
 * selector: a function whose result is the function that compiles (`selector`).
 */
const LAZY: ReadonlyArray<{ importer: string; modules: RegExp; use: 'members' | 'selector' }> = [
  { importer: '/fastify/lib/server.js', modules: /^node:(https|http2)$/, use: 'members' },
  { importer: '/fastify/lib/plugin-utils.js', modules: /^semver$/, use: 'members' },
  {
    importer: '/fastify/lib/schema-controller.js',
    modules: /^@fastify\/(ajv-compiler|fast-json-stringify-compiler)$/,
    use: 'selector',
  },
  {
    importer: '/openapi-backend/backend.js',
    modules: /^(openapi-schema-validator|\.\/refparser|mock-json-schema)$/,
    use: 'members',
  },
  { importer: '/openapi-backend/router.js', modules: /^qs$/, use: 'members' },
];

/**
 * A stand-in used through its members answers `__esModule` as the module would, without loading
 * it: TypeScript's import helpers read it as the requiring module loads. A selector's stand-in
 * loads the module when the function it returned is first called.
 */
export function standIn(path: string, resolveDir: string, use: 'members' | 'selector' = 'members'): string {
  const load = `require(${JSON.stringify(path)})`;
  if (use === 'selector')
    return `module.exports = (...options) => { let made; return (...args) => (made ??= ${load}(...options))(...args); };`;
  const esModule = createRequire(`${resolveDir}/`)(path).__esModule === true;
  return [
    'let loaded;',
    `module.exports = new Proxy({}, { get: (_, key) => key === '__esModule' ? ${esModule} : (loaded ??= ${load})[key] });`,
  ].join('\n');
}

const lazyModules: Plugin = {
  name: 'lazy-modules',
  setup(bundler) {
    for (const { importer: by, modules, use } of LAZY)
      bundler.onResolve({ filter: modules }, ({ path, importer, resolveDir }) =>
        importer.endsWith(by)
          ? { path, namespace: 'lazy-module', pluginData: { resolveDir, use } }
          : undefined,
      );
    bundler.onLoad({ filter: /.*/, namespace: 'lazy-module' }, ({ path, pluginData }) => {
      const { resolveDir, use } = pluginData as { resolveDir: string; use: 'members' | 'selector' };
      return { contents: standIn(path, resolveDir, use), resolveDir, loader: 'js' };
    });
  },
};

/**
 * lodash for the two packages in the bundle that use it (openapi-backend, and mock-json-schema
 * through it): each of the methods they call, from lodash's own module of that method, instead of
 * the whole library, whose set-up (some 600 functions and the wrappers of its chains) cost ~7 ms of
 * each start; and each loaded on its first call, as the methods and the ~240 modules they need
 * cost ~4 ms more, and a start and its first answer call few of them. `chain` runs each step at
 * once, which gives what lodash's lazy chain gives for these pure steps. test/e2e/bundle.test.ts
 * checks that every method those packages call is here.
 */
export const LODASH_METHODS = [
  'clamp',
  'cloneDeep',
  'entries',
  'find',
  'first',
  'flatMap',
  'flatten',
  'get',
  'includes',
  'isArray',
  'isEmpty',
  'isNil',
  'keys',
  'mapKeys',
  'mapValues',
  'merge',
  'omitBy',
  'orderBy',
  'padEnd',
  'pick',
  'range',
  'reduce',
  'take',
  'uniq',
];

const lodashMethods: Plugin = {
  name: 'lodash-methods',
  setup(bundler) {
    bundler.onResolve({ filter: /^lodash$/ }, ({ importer }) =>
      /\/node_modules\/(openapi-backend|mock-json-schema)\//.test(importer)
        ? { path: 'lodash', namespace: 'lodash-methods' }
        : undefined,
    );
    bundler.onLoad({ filter: /.*/, namespace: 'lodash-methods' }, () => ({
      // Getters, which TypeScript's import helper (openapi-backend's `__importStar`) passes on as
      // getters: a method is loaded when it is first called, not when the packages load.
      contents: [
        'const methods = {',
        ...LODASH_METHODS.map((name) => `  get ${name}() { return require('lodash/${name}'); },`),
        '  chain: (value) => new Proxy({}, {',
        "    get: (_, name) => (name === 'value' ? () => value : (...args) => methods.chain(methods[name](value, ...args))),",
        '  }),',
        '};',
        'module.exports = methods;',
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'js',
    }));
  },
};

export async function bundle(entry = `${SRC}cli-main.ts`, outfile = BUNDLE): Promise<void> {
  const { outputFiles } = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22.18',
    external: EXTERNAL,
    plugins: [ownUrls, lazyModules, lodashMethods],
    // CommonJS has no import.meta: the URL the modules find their files from is the bundle's.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    legalComments: 'none',
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    write: false,
  });
  for (const file of outputFiles) {
    const code = asciiOnly(file.text);
    // Its first line names the build by its content: the bin keys its code cache by it. The rest is
    // the function the bin calls, as Node wraps a CommonJS module (the bin then need not copy it).
    const build = createHash('sha256').update(code).digest('hex').slice(0, 20);
    writeFileSync(
      file.path,
      `// massive-mock build ${build}\n(function (exports, require, module, __filename, __dirname) {${code}\n})`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundle();
