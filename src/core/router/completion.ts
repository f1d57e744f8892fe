import type { Faker } from '@faker-js/faker';
import { createRng, deriveSeed } from '../kernel/random.ts';
import type { Catalogue, RouterModel } from './catalogue.ts';
import type { CompletionFixtures } from './fixtures.ts';
import { type Logprobs, logprobsOf, type Piece } from './logprobs.ts';
import { encodeInTurns, piecesInTurns, scoreInTurns, type Turn } from './pieces.ts';
import { subjectOf, writeProse } from './prose.ts';
import { jsonBudget, type Pick, valueForSchema } from './json-schema.ts';
import type { CompletionCall, Prompt, ResponseFormat } from './request.ts';
import { createTurns } from './turns.ts';
import type { Tokenizer } from './tokenizer.ts';

export type FinishReason = 'stop' | 'length';

/** One choice, with the pieces its text is made of (what a stream sends one by one). */
export interface GeneratedChoice {
  index: number;
  text: string;
  finishReason: FinishReason;
  /** The echoed prompt's pieces (when `echo`), then the completion's. */
  pieces: Piece[];
  /** Where `text_offset` starts: 0 with echo, else after the prompt. */
  offset: number;
  completionTokens: number;
  /** Mean logprob of the completion, what `best_of` ranks candidates by. */
  score: number;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface Completion {
  id: string;
  created: number;
  model: RouterModel;
  choices: GeneratedChoice[];
  usage: Usage;
  /** Whether a canned answer gave the text. */
  canned: boolean;
  logprobs: boolean;
}

/** The fingerprint of the emulated backend, constant, as a given deployment's is. */
export const SYSTEM_FINGERPRINT = 'fp_massive_mock';

/** How many sentences an answer runs to when nothing cuts it. */
const SENTENCES = { min: 2, max: 6 };

/** What every generated answer needs: the instance seed, the catalogue, the fixtures and one Faker. */
export interface CompleterContext {
  seed: number;
  catalogue: Catalogue;
  fixtures: CompletionFixtures;
  /** One Faker, reseeded for each text: a fresh instance per text would cost 0.15 ms. */
  faker: Faker;
  /** Requests answered so far: what makes ids, and unseeded texts, differ. */
  sequence: number;
}

/**
 * The seed of one text. Everything random comes from it: from `seed` alone when given, from the
 * instance seed and the request at `temperature: 0`, and otherwise also from the request's number,
 * so repeated calls differ but the same instance seed and the same calls give the same bytes.
 */
export function textSeed(
  context: CompleterContext,
  call: { seed: number | null; temperature: number },
  request: number,
  about: readonly (string | number)[],
): number {
  if (call.seed !== null) return deriveSeed('seed', call.seed, ...about);
  if (call.temperature === 0) return deriveSeed(context.seed, 'greedy', ...about);
  return deriveSeed(context.seed, 'sample', request, ...about);
}

/** A completion's id: `prefix` and 16 hex digits, from the instance seed and the request's number. */
export function completionId(context: CompleterContext, prefix: string, request: number): string {
  return `${prefix}-${deriveSeed(context.seed, 'id', request).toString(16).padStart(8, '0')}${request.toString(16).padStart(8, '0')}`;
}

/** The text a prompt calls for, before `stop` and `max_tokens` cut it. */
export function naturalText(
  format: ResponseFormat,
  options: { prompt: string; faker: Faker; budget: number; pick?: Pick },
): string {
  const { prompt, faker, budget } = options;
  if (format.type === 'json_schema') {
    const pick = options.pick && { pick: options.pick };
    return JSON.stringify(valueForSchema(format.json_schema.schema ?? {}, faker, { budget, ...pick }));
  }
  const prose = writeProse(prompt, faker, faker.number.int(SENTENCES));
  if (format.type === 'json_object')
    return JSON.stringify({ topic: subjectOf(prompt), answer: prose.trim() });
  return prose;
}

/**
 * Cuts a text where `stop` and `max_tokens` say: before the first stop sequence, or after
 * max_tokens tokens (what comes after them is never encoded).
 */
export async function cut(
  text: string,
  call: { stop: readonly string[]; maxTokens: number | null },
  tokenizer: Tokenizer,
  turn: Turn,
): Promise<{ text: string; tokens: number[]; finishReason: FinishReason }> {
  let end = text.length;
  for (const sequence of call.stop) {
    const at = text.indexOf(sequence);
    if (at >= 0 && at < end) end = at;
  }
  const kept = text.slice(0, end);
  const tokens = await encodeInTurns(kept, tokenizer, turn, call.maxTokens);
  if (call.maxTokens !== null && tokens.length > call.maxTokens) {
    const first = tokens.slice(0, call.maxTokens);
    return { text: tokenizer.decode(first), tokens: first, finishReason: 'length' };
  }
  return { text: kept, tokens, finishReason: 'stop' };
}

/** One candidate for a prompt: its text cut, scored piece by piece. */
async function writeCandidate(
  context: CompleterContext,
  call: CompletionCall,
  prompt: Prompt,
  seed: number,
  options: { tokenizer: Tokenizer; canned: string | undefined; turn: Turn; budget: number },
): Promise<GeneratedChoice> {
  const { tokenizer, turn } = options;
  context.faker.seed(seed);
  const natural =
    options.canned ??
    naturalText(call.format, { prompt: prompt.text, faker: context.faker, budget: options.budget });
  const { text, tokens, finishReason } = await cut(natural, call, tokenizer, turn);
  const echoed = call.echo ? await piecesInTurns(prompt.tokens, tokenizer, turn) : [];
  const own = await piecesInTurns(tokens, tokenizer, turn);
  const scored = await scoreInTurns(
    [...echoed, ...own],
    {
      rng: createRng(seed),
      tokenizer,
      alternatives: call.logprobs,
      greedy: call.temperature === 0,
      firstIsNull: echoed.length > 0,
    },
    turn,
  );
  const mine = scored.slice(echoed.length);
  return {
    index: 0,
    text: call.echo ? prompt.text + text : text,
    finishReason,
    pieces: scored,
    offset: call.echo ? 0 : prompt.text.length,
    completionTokens: tokens.length,
    score: mine.reduce((sum, piece) => sum + (piece.logprob ?? 0), 0) / Math.max(1, mine.length),
  };
}

/**
 * Turns a checked call into a completion: `best_of` candidates per prompt, the best `n` kept. The
 * loop gives the event loop back between candidates (`turns`): 1,024 of them is seconds of work.
 */
export async function completeText(
  context: CompleterContext,
  call: CompletionCall,
  tokenizer: Tokenizer,
  epochMs: number,
): Promise<Completion> {
  const request = ++context.sequence;
  const model = context.catalogue.resolve(call.model, call.models);
  const turn = createTurns();
  const budget = jsonBudget(call.maxTokens, call.prompts.length * call.bestOf);
  const choices: GeneratedChoice[] = [];
  let canned = false;
  // Every candidate is billed, kept or not, as best_of is.
  let completionTokens = 0;
  for (const prompt of call.prompts) {
    const fixture = context.fixtures.find(prompt.text, model.id);
    canned ||= fixture !== undefined;
    const candidates: GeneratedChoice[] = [];
    for (let candidate = 0; candidate < call.bestOf; candidate++) {
      await turn();
      const about = [model.id, prompt.text, call.suffix ?? '', JSON.stringify(call.format), candidate];
      const seed = textSeed(context, call, request, about);
      const written = await writeCandidate(context, call, prompt, seed, {
        tokenizer,
        canned: fixture?.completion.text,
        turn,
        budget,
      });
      completionTokens += written.completionTokens;
      candidates.push(written);
    }
    const kept =
      call.bestOf > call.n ? [...candidates].sort((a, b) => b.score - a.score).slice(0, call.n) : candidates;
    for (const choice of kept) choices.push({ ...choice, index: choices.length });
  }
  const suffixTokens = call.suffix ? tokenizer.encode(call.suffix).length : 0;
  const promptTokens = call.prompts.reduce((sum, prompt) => sum + prompt.tokens.length + suffixTokens, 0);
  return {
    id: completionId(context, 'cmpl', request),
    created: Math.floor(epochMs / 1000),
    model,
    choices,
    usage: usageOf(promptTokens, completionTokens),
    canned,
    logprobs: call.logprobs !== null,
  };
}

export const usageOf = (promptTokens: number, completionTokens: number): Usage => ({
  prompt_tokens: promptTokens,
  completion_tokens: completionTokens,
  total_tokens: promptTokens + completionTokens,
});

/** The fields every completion and chunk starts with. */
export function envelope(completion: Completion) {
  return {
    id: completion.id,
    object: 'text_completion' as const,
    created: completion.created,
    model: completion.model.id,
    provider: completion.model.owned_by,
    system_fingerprint: SYSTEM_FINGERPRINT,
  };
}

/** The JSON body of a non-streamed completion. */
export function completionBody(completion: Completion) {
  return {
    ...envelope(completion),
    choices: completion.choices.map((choice) => ({
      text: choice.text,
      index: choice.index,
      logprobs: completion.logprobs ? logprobsOf(choice.pieces, choice.offset) : null,
      finish_reason: choice.finishReason,
    })),
    usage: completion.usage,
  };
}

export type { Logprobs };
