import { readFileSync } from 'node:fs';
import { once } from '../../kernel/once.ts';
import { createRng, deriveSeed, type Rng } from '../../kernel/random.ts';

/** A part of a page that every answer of a model shares, kept encoded: as HTML, and inside a JSON string. */
export interface Chrome {
  text: string;
  html: Buffer;
  json: Buffer;
  /** What stands for it in a page made with its chrome marked (see chromeShell). */
  mark: string;
}

/** Parts shorter than this are not worth marking: encoding them costs less than finding them. */
const CHROME_MIN_CHARS = 2048;
const chromeByModel = new Map<string, Chrome[]>();
const shells = new Map<string, () => unknown>();
const builders = new Map<string, () => object>();
let marks = 0;

/** Each model's shell-building function, for the build to write what they make (scripts/shells.ts). */
export function shellBuilders(): ReadonlyMap<string, () => object> {
  return builders;
}

/**
 * The shell the build wrote for a model (dist/shells/<model>.json, scripts/shells.ts), or
 * undefined where there is none (src/ run as it is): the same strings its function makes, read in
 * about a millisecond instead of drawn on the first answer (chatgpt's draws 190 kB of styles and
 * scripts: 20-30 ms of cold code).
 */
function prebuilt(model: string): object | undefined {
  try {
    return JSON.parse(
      readFileSync(new URL(`../../../shells/${model}.json`, import.meta.url), 'utf8'),
    ) as object;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * A model's shell, built once like `once`, whose long strings (styles, scripts, frames: most of a
 * page's bytes) are kept encoded as chrome, and stand in the shell as short marks: a page is
 * then a few kB to build and to encode, the chrome's bytes spliced in as they are
 * (`expandChrome` makes the whole text). A mark is bracketed by lone surrogates, which no
 * decoded query (nor anything the escapes let through) can hold.
 */
export function chromeShell<T extends object>(model: string, build: () => T): () => T {
  builders.set(model, build);
  const made = once(() => {
    const shell = { ...(prebuilt(model) ?? build()) } as Record<string, unknown>;
    const chrome: Chrome[] = [];
    for (const [name, text] of Object.entries(shell)) {
      if (typeof text !== 'string' || text.length < CHROME_MIN_CHARS) continue;
      const mark = `\uDC00chrome ${++marks}\uD800`;
      chrome.push({
        text,
        mark,
        html: Buffer.from(text),
        json: Buffer.from(JSON.stringify(text).slice(1, -1)),
      });
      shell[name] = mark;
    }
    chromeByModel.set(model, chrome);
    return shell as T;
  });
  shells.set(model, made);
  return made;
}

/** The chrome of a model's pages (built now if none of its pages has been yet). */
export function chromeOf(model: string): readonly Chrome[] {
  shells.get(model)?.();
  return chromeByModel.get(model) ?? [];
}

/** A page made with its chrome marked, as its whole text. */
export function expandChrome(model: string, page: string): string {
  let text = page;
  for (const { mark, text: part } of chromeOf(model)) text = text.replace(mark, () => part);
  return text;
}

/** The constant randomness of one model's shell: same bytes in every process, whatever the request. */
export function shellRng(model: string): Rng {
  return createRng(deriveSeed('shell', model));
}

export function hex(rng: Rng, length: number): string {
  let out = '';
  while (out.length < length)
    out += Math.floor(rng.next() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return out.slice(0, length);
}

export function uuid(rng: Rng): string {
  const h = hex(rng, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[rng.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20)}`;
}

/** A bundler-style asset path: name, content hash, extension. */
export function asset(rng: Rng, dir: string, name: string, ext: string): string {
  return `${dir}/${name}-${hex(rng, 8)}.${ext}`;
}

const CSS_PROPERTIES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['margin-top', ['0', 'calc(var(--spacing)*1)', 'calc(var(--spacing)*2)', 'calc(var(--spacing)*4)', 'auto']],
  ['padding-inline', ['calc(var(--spacing)*2)', 'calc(var(--spacing)*3)', 'calc(var(--spacing)*6)', '0']],
  ['display', ['flex', 'grid', 'none', 'inline-flex', 'block', 'contents']],
  ['gap', ['calc(var(--spacing)*1)', 'calc(var(--spacing)*2)', '.75rem', '1rem']],
  [
    'color',
    ['var(--text-primary)', 'var(--text-secondary)', 'var(--text-tertiary)', 'inherit', 'currentColor'],
  ],
  ['background-color', ['var(--bg-primary)', 'var(--bg-secondary)', 'transparent', 'var(--surface-hover)']],
  ['border-radius', ['var(--radius-lg)', 'var(--radius-xl)', '9999px', '.5rem', '0']],
  ['font-size', ['var(--text-sm)', 'var(--text-base)', '.8125rem', '1.125rem']],
  ['line-height', ['1.5', '1.25', 'var(--leading-6)', 'normal']],
  ['transition-property', ['opacity', 'color,background-color,border-color', 'transform', 'all']],
  ['max-width', ['100%', 'var(--thread-max-width)', '48rem', '40rem', 'none']],
  ['position', ['relative', 'absolute', 'sticky', 'fixed']],
  ['overflow', ['hidden', 'auto', 'visible', 'clip']],
  ['z-index', ['0', '10', '20', '50']],
  ['opacity', ['0', '.5', '.8', '1']],
  ['justify-content', ['center', 'space-between', 'flex-start', 'flex-end']],
  ['align-items', ['center', 'flex-start', 'stretch', 'baseline']],
];

const VARIANTS = [
  '',
  '',
  '',
  'hover\\:',
  'md\\:',
  'lg\\:',
  'dark\\:',
  'focus-visible\\:',
  'group-hover\\:',
  '@w-sm\\/main\\:',
];

/** Class names in a utility-CSS style (Tailwind-like), for shells built that way. */
export function utilitySelector(rng: Rng): string {
  const [property, values] = rng.pick(CSS_PROPERTIES);
  const short = property
    .split('-')
    .map((part) => part.slice(0, rng.chance(0.5) ? 1 : 3))
    .join('-');
  return `.${rng.pick(VARIANTS)}${short}-${rng.int(0, values.length * 12)}`;
}

/** Bundled-stylesheet text of about `bytes` characters, one rule per selector from `selector`. */
export function stylesheet(rng: Rng, bytes: number, selector: (rng: Rng) => string): string {
  const rules: string[] = [];
  let size = 0;
  while (size < bytes) {
    const declarations = Array.from({ length: rng.int(1, 4) }, () => {
      const [property, values] = rng.pick(CSS_PROPERTIES);
      return `${property}:${rng.pick(values)}`;
    });
    const rule = `${selector(rng)}{${declarations.join(';')}}`;
    rules.push(rule);
    size += rule.length;
  }
  return rules.join('');
}

const JS_WORDS = [
  'state',
  'props',
  'ref',
  'value',
  'children',
  'config',
  'id',
  'options',
  'event',
  'items',
  'theme',
  'locale',
];

/** Minified-bundle-looking JavaScript of about `bytes` characters: module factories keyed by number. */
export function bundle(rng: Rng, bytes: number): string {
  const modules: string[] = [];
  let size = 0;
  while (size < bytes) {
    const word = rng.pick(JS_WORDS);
    const id = rng.int(1000, 99999);
    const body = rng.pick([
      `n.d(t,{A:()=>o});var r=n(${rng.int(1000, 99999)}),o=function(e){let{${word}:t}=e;return(0,r.jsx)("div",{className:"${utilitySelector(rng).slice(1).replace(/\\/g, '')}",children:t})}`,
      `n.d(t,{${word}:()=>i});let i=new Map([["${hex(rng, 6)}",${rng.int(0, 999)}],["${hex(rng, 6)}",${rng.int(0, 999)}]])`,
      `Object.defineProperty(t,"__esModule",{value:!0}),t.${word}=void 0;let i=n(${rng.int(1000, 99999)});t.${word}=function(e,t){return i.merge(e??{},t)}`,
      `n.d(t,{Z:()=>a});var a=(e,t="${word}")=>e&&"object"==typeof e?e[t]:null`,
    ]);
    const module = `${id}:function(e,t,n){"use strict";${body}}`;
    modules.push(module);
    size += module.length;
  }
  return modules.join(',');
}

export interface DocumentParts {
  lang: string;
  /** Attributes of `<html>` after `lang`, with a leading space. */
  htmlAttributes: string;
  head: string;
  bodyAttributes: string;
  body: string;
}

export function htmlDocument(parts: DocumentParts): string {
  return `<!DOCTYPE html><html lang="${parts.lang}"${parts.htmlAttributes}><head>${parts.head}</head><body${parts.bodyAttributes}>${parts.body}</body></html>`;
}
