/** What the router counts and cuts with: a real BPE tokenizer, so usage matches what clients count. */
export interface Tokenizer {
  encode(text: string): number[];
  decode(tokens: readonly number[]): string;
  /** Ids from 0 to vocabularySize - 1 are tokens. */
  vocabularySize: number;
}

let loading: Promise<Tokenizer> | undefined;

/**
 * cl100k_base (gpt-3.5-turbo-instruct's, and GPT-4's) from gpt-tokenizer. It is imported on the
 * first completion, not at start: it costs about 70 ms and 40 MB, which a Massive-only run never needs.
 */
export function loadTokenizer(): Promise<Tokenizer> {
  loading ??= import('gpt-tokenizer/encoding/cl100k_base').then((encoding) => ({
    encode: (text) => encoding.encode(text, { disallowedSpecial: new Set() }),
    decode: (tokens) => encoding.decode(tokens),
    vocabularySize: encoding.vocabularySize,
  }));
  return loading;
}
