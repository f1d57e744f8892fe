import { type Piece, piecesOf, scorePieces } from './logprobs.ts';
import type { Tokenizer } from './tokenizer.ts';

/** A checkpoint that gives the event loop back when the work has held it long enough (see turns.ts). */
export type Turn = () => Promise<void>;

/** Text encoded at a time: about 600 tokens, a millisecond or two. */
const SLICE_CHARS = 2048;
/** Tokens split into pieces, or scored, at a time. */
const SLICE_TOKENS = 512;

/**
 * Where a slice of text may end: before a space that follows a non-space, where the tokenizer's
 * own pre-split would cut, so slices encode to the tokens the whole would. None near: anywhere.
 */
function sliceEnd(text: string, from: number): number {
  if (from + SLICE_CHARS >= text.length) return text.length;
  let at = text.indexOf(' ', from + SLICE_CHARS);
  while (at > 0 && at < from + 2 * SLICE_CHARS && /\s/.test(text[at - 1] ?? ''))
    at = text.indexOf(' ', at + 1);
  return at < 0 || at >= from + 2 * SLICE_CHARS ? from + SLICE_CHARS : at;
}

/** A text's tokens, encoded slice by slice between turns; past `limit` tokens the rest is not encoded. */
export async function encodeInTurns(
  text: string,
  tokenizer: Tokenizer,
  turn: Turn,
  limit: number | null,
): Promise<number[]> {
  if (text.length <= SLICE_CHARS) return tokenizer.encode(text);
  const tokens: number[] = [];
  for (let at = 0; at < text.length && (limit === null || tokens.length <= limit);) {
    await turn();
    const end = sliceEnd(text, at);
    for (const token of tokenizer.encode(text.slice(at, end))) tokens.push(token);
    at = end;
  }
  return tokens;
}

/** `piecesOf` slice by slice: a character split across two slices is carried into the next. */
export async function piecesInTurns(
  tokens: readonly number[],
  tokenizer: Tokenizer,
  turn: Turn,
): Promise<{ text: string; tokens: number[] }[]> {
  if (tokens.length <= SLICE_TOKENS) return piecesOf(tokens, tokenizer);
  const pieces: { text: string; tokens: number[] }[] = [];
  let carried: number[] = [];
  for (let at = 0; at < tokens.length; at += SLICE_TOKENS) {
    await turn();
    const slice = piecesOf([...carried, ...tokens.slice(at, at + SLICE_TOKENS)], tokenizer);
    carried =
      at + SLICE_TOKENS < tokens.length && slice.at(-1)?.text.endsWith('\uFFFD')
        ? (slice.pop()?.tokens ?? [])
        : [];
    pieces.push(...slice);
  }
  return pieces;
}

/** `scorePieces` slice by slice, from the same generator: the same scores as in one go. */
export async function scoreInTurns(
  pieces: readonly { text: string; tokens: number[] }[],
  options: Parameters<typeof scorePieces>[1],
  turn: Turn,
): Promise<Piece[]> {
  const scored: Piece[] = [];
  for (let at = 0; at < pieces.length || at === 0; at += SLICE_TOKENS) {
    if (at > 0) await turn();
    const slice = pieces.slice(at, at + SLICE_TOKENS);
    scored.push(...scorePieces(slice, { ...options, firstIsNull: options.firstIsNull && at === 0 }));
  }
  return scored;
}
