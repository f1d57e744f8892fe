import type { Rng } from '../kernel/random.ts';
import type { Tokenizer } from './tokenizer.ts';

/** One piece of a choice's text as clients see it: a token (or the few that make one character). */
export interface Piece {
  text: string;
  tokens: number[];
  /** null for the first token of an echoed prompt: nothing came before it. */
  logprob: number | null;
  /** The likeliest alternatives with their logprobs, the piece itself among them; null when not asked. */
  top: Record<string, number> | null;
}

export interface Logprobs {
  tokens: string[];
  token_logprobs: (number | null)[];
  top_logprobs: (Record<string, number> | null)[] | null;
  text_offset: number[];
}

/**
 * Splits tokens into pieces that each decode to whole characters: a token holding half of a
 * multi-byte character is joined to the next, so the pieces always add up to the text.
 */
export function piecesOf(
  tokens: readonly number[],
  tokenizer: Tokenizer,
): { text: string; tokens: number[] }[] {
  const pieces: { text: string; tokens: number[] }[] = [];
  let pending: number[] = [];
  for (const [index, token] of tokens.entries()) {
    pending.push(token);
    const text = tokenizer.decode(pending);
    if (text.endsWith('\uFFFD') && index < tokens.length - 1) continue;
    pieces.push({ text, tokens: pending });
    pending = [];
  }
  return pieces;
}

/** Common tokens of cl100k_base, the alternatives top_logprobs lists. */
const ALTERNATIVES = { min: 300, max: 20_000 };

/**
 * Draws a logprob for each piece: the piece is the likeliest of its alternatives when `greedy`
 * (temperature 0), as a model's argmax is. `alternatives` (the request's `logprobs`) sets how many
 * entries each top_logprobs object has, the piece included.
 */
export function scorePieces(
  pieces: readonly { text: string; tokens: number[] }[],
  options: {
    rng: Rng;
    tokenizer: Tokenizer;
    alternatives: number | null;
    greedy: boolean;
    firstIsNull: boolean;
  },
): Piece[] {
  const { rng, tokenizer, alternatives, greedy } = options;
  return pieces.map((piece, index) => {
    if (index === 0 && options.firstIsNull) return { ...piece, logprob: null, top: null };
    const logprob = -Math.round((greedy ? rng.next() * 0.5 : rng.next() * 2.5) * 1e4) / 1e4;
    if (alternatives === null) return { ...piece, logprob, top: null };
    const top: Record<string, number> = { [piece.text]: logprob };
    for (
      let tries = 0;
      Object.keys(top).length < Math.max(1, alternatives) && tries < alternatives * 4;
      tries++
    ) {
      const alternative = tokenizer.decode([rng.int(ALTERNATIVES.min, ALTERNATIVES.max)]);
      if (alternative in top) continue;
      const below = logprob - 0.25 - rng.next() * 3;
      // Sampling (temperature > 0) sometimes picks a token that was not the likeliest.
      top[alternative] = Math.round((greedy || !rng.chance(0.2) ? below : logprob + 0.1) * 1e4) / 1e4;
    }
    return { ...piece, logprob, top };
  });
}

/** The `logprobs` object of a choice (or of a streamed chunk), offsets counted from `offset`. */
export function logprobsOf(pieces: readonly Piece[], offset: number): Logprobs {
  const text_offset: number[] = [];
  let at = offset;
  for (const piece of pieces) {
    text_offset.push(at);
    at += piece.text.length;
  }
  return {
    tokens: pieces.map((piece) => piece.text),
    token_logprobs: pieces.map((piece) => piece.logprob),
    top_logprobs: pieces.map((piece) => piece.top),
    text_offset,
  };
}
