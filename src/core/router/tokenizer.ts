/** What the router counts and cuts with: a real BPE tokenizer, so usage matches what clients count. */
export interface Tokenizer {
  encode(text: string): number[];
  decode(tokens: readonly number[]): string;
  /** Whether a text is at most `limit` tokens, without encoding past the limit. */
  fits(text: string, limit: number): boolean;
}

/**
 * BPE takes quadratic time on one long run without spaces (100,000 letters: about a minute), so
 * runs longer than this are encoded in slices of this length. Only such runs (never a word) can
 * come out differently from the reference tokenizer, at the slices' edges.
 */
const SLICE = 256;
const LONG_RUN = new RegExp(`\\S{${SLICE + 1},}`, 'g');

/** A text cut into pieces safe to encode one by one. */
function* segments(text: string): Generator<string> {
  let last = 0;
  for (const match of text.matchAll(LONG_RUN)) {
    if (match.index > last) yield text.slice(last, match.index);
    for (let at = 0; at < match[0].length; at += SLICE) yield match[0].slice(at, at + SLICE);
    last = match.index + match[0].length;
  }
  if (last < text.length) yield text.slice(last);
}

let loading: Promise<Tokenizer> | undefined;

/**
 * cl100k_base (gpt-3.5-turbo-instruct's, and GPT-4's) from gpt-tokenizer. It is imported on the
 * first completion, not at start: it costs about 70 ms and 40 MB, which a Massive-only run never needs.
 */
export function loadTokenizer(): Promise<Tokenizer> {
  loading ??= import('gpt-tokenizer/encoding/cl100k_base').then((encoding) => {
    // Special tokens (<|endoftext|>) in a prompt are text, as the completions API treats them.
    const options = { disallowedSpecial: new Set<string>() };
    return {
      encode(text) {
        if (text.length <= SLICE) return encoding.encode(text, options);
        const tokens: number[] = [];
        for (const segment of segments(text))
          for (const token of encoding.encode(segment, options)) tokens.push(token);
        return tokens;
      },
      decode: (tokens) => encoding.decode(tokens),
      fits(text, limit) {
        let left = limit;
        for (const segment of segments(text)) {
          const count = encoding.isWithinTokenLimit(segment, left, options);
          if (count === false) return false;
          left -= count;
        }
        return true;
      },
    };
  });
  return loading;
}
