import { createRng, deriveSeed } from '../../kernel/random.ts';

/** Live results pages weigh 0.9-1.3 MB on a desktop and about half that on a phone, mostly inline code. */
const DESKTOP = { min: 900_000, max: 1_300_000 };
const MOBILE = { min: 450_000, max: 650_000 };

const NAMES = [
  'a',
  'b',
  'c',
  'd',
  'e',
  'f',
  'g',
  'h',
  'k',
  'm',
  'n',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'w',
  'x',
  'z',
];
const CALLS = ['push', 'call', 'apply', 'bind', 'set', 'get', 'has', 'map', 'filter', 'reduce'];

/** One minified-looking statement, as Google's inline bundles are made of. */
function statement(rng: ReturnType<typeof createRng>): string {
  const name = () => rng.pick(NAMES) + rng.pick(NAMES) + (rng.chance(0.5) ? rng.int(0, 99) : '');
  return rng.pick([
    () =>
      `var ${name()}=function(${name()},${name()}){return ${name()}.${rng.pick(CALLS)}(${rng.int(0, 4096)})};`,
    () => `${name()}.prototype.${name()}=function(){this.${name()}=${rng.int(0, 1 << 20)}|0;return this};`,
    () => `_.${name()}("${name()}",[${rng.int(0, 999)},${rng.int(0, 999)},${rng.int(0, 999)}]);`,
    () =>
      `.${name()}{margin:${rng.int(0, 24)}px ${rng.int(0, 24)}px;color:#${rng.int(0, 0xffffff).toString(16).padStart(6, '0')}}`,
  ])();
}

/**
 * The inline scripts and styles of a results page: inert (type="text/plain" never runs), drawn from
 * the seed, and as heavy as a live page, so clients that cap or time their reads meet real sizes.
 */
export function pageWeight(seed: number, page: number, mobile: boolean): string {
  const rng = createRng(deriveSeed(seed, 'weight', page));
  const { min, max } = mobile ? MOBILE : DESKTOP;
  const target = rng.int(min, max);
  const block: string[] = [];
  let blockSize = 0;
  while (blockSize < 16_384) {
    const line = statement(rng);
    block.push(line);
    blockSize += line.length;
  }
  const chunk = block.join('');
  const parts: string[] = [];
  for (let size = 0, index = 0; size < target; index++) {
    const part = `<script type="text/plain" data-chunk="${index}">${chunk}</script>`;
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}
