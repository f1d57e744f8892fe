import type { Faker } from '@faker-js/faker';
import { createFaker, createRng, deriveSeed } from '../kernel/random.ts';
import type { Catalogue, RouterModel } from './catalogue.ts';
import type { CompletionFixtures } from './fixtures.ts';
import { type Logprobs, logprobsOf, type Piece, piecesOf, scorePieces } from './logprobs.ts';
import { subjectOf, writeProse } from './prose.ts';
import { valueForSchema } from './json-schema.ts';
import type { CompletionCall, Prompt } from './request.ts';
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

/** The text a prompt calls for, before `stop` and `max_tokens` cut it. */
function naturalText(call: CompletionCall, prompt: Prompt, faker: Faker, canned: string | undefined): string {
  if (canned !== undefined) return canned;
  const { format } = call;
  if (format.type === 'json_schema')
    return JSON.stringify(valueForSchema(format.json_schema.schema ?? {}, faker));
  const prose = writeProse(prompt.text, faker, faker.number.int(SENTENCES));
  if (format.type === 'json_object') {
    return JSON.stringify({ topic: subjectOf(prompt.text), answer: prose.trim() });
  }
  return prose;
}

/** Cuts a text where `stop` and `max_tokens` say: before the first stop sequence, or after max_tokens tokens. */
function cut(
  text: string,
  call: CompletionCall,
  tokenizer: Tokenizer,
): { text: string; tokens: number[]; finishReason: FinishReason } {
  let end = text.length;
  for (const sequence of call.stop) {
    const at = text.indexOf(sequence);
    if (at >= 0 && at < end) end = at;
  }
  const kept = text.slice(0, end);
  const tokens = tokenizer.encode(kept);
  if (call.maxTokens !== null && tokens.length > call.maxTokens) {
    const first = tokens.slice(0, call.maxTokens);
    return { text: tokenizer.decode(first), tokens: first, finishReason: 'length' };
  }
  return { text: kept, tokens, finishReason: 'stop' };
}

/**
 * The router's core: turns a checked call into a completion. Everything random comes from a seed
 * derived from the request: from `seed` alone when given, from the instance seed and the request
 * at `temperature: 0`, and otherwise also from the request's number, so repeated calls differ but
 * the same instance seed and the same calls give the same bytes.
 */
export function createCompleter(options: {
  seed: number;
  catalogue: Catalogue;
  fixtures: CompletionFixtures;
}) {
  const { catalogue, fixtures } = options;
  // One Faker, reseeded for each text: a fresh instance per text would cost 0.15 ms.
  const faker = createFaker(options.seed);
  let sequence = 0;

  function textSeed(
    call: CompletionCall,
    model: string,
    prompt: Prompt,
    index: number,
    request: number,
  ): number {
    const about = [model, prompt.text, call.suffix ?? '', JSON.stringify(call.format), index];
    if (call.seed !== null) return deriveSeed('seed', call.seed, ...about);
    if (call.temperature === 0) return deriveSeed(options.seed, 'greedy', ...about);
    return deriveSeed(options.seed, 'sample', request, ...about);
  }

  return {
    complete(call: CompletionCall, tokenizer: Tokenizer, epochMs: number): Completion {
      const request = ++sequence;
      const model = catalogue.resolve(call.model, call.models);
      const choices: GeneratedChoice[] = [];
      let completionTokens = 0;
      let canned = false;
      for (const prompt of call.prompts) {
        const fixture = fixtures.find(prompt.text, model.id);
        canned ||= fixture !== undefined;
        const candidates: GeneratedChoice[] = [];
        for (let candidate = 0; candidate < call.bestOf; candidate++) {
          const seed = textSeed(call, model.id, prompt, candidate, request);
          faker.seed(seed);
          const rng = createRng(seed);
          const { text, tokens, finishReason } = cut(
            naturalText(call, prompt, faker, fixture?.completion.text),
            call,
            tokenizer,
          );
          completionTokens += tokens.length;
          const echoed = call.echo ? piecesOf(prompt.tokens, tokenizer) : [];
          const scored = scorePieces([...echoed, ...piecesOf(tokens, tokenizer)], {
            rng,
            tokenizer,
            alternatives: call.logprobs,
            greedy: call.temperature === 0,
            firstIsNull: echoed.length > 0,
          });
          const own = scored.slice(echoed.length);
          candidates.push({
            index: 0,
            text: call.echo ? prompt.text + text : text,
            finishReason,
            pieces: scored,
            offset: call.echo ? 0 : prompt.text.length,
            completionTokens: tokens.length,
            score: own.reduce((sum, piece) => sum + (piece.logprob ?? 0), 0) / Math.max(1, own.length),
          });
        }
        const kept =
          call.bestOf > call.n
            ? [...candidates].sort((a, b) => b.score - a.score).slice(0, call.n)
            : candidates;
        for (const choice of kept) choices.push({ ...choice, index: choices.length });
      }
      const suffixTokens = call.suffix ? tokenizer.encode(call.suffix).length : 0;
      const promptTokens = call.prompts.reduce((sum, prompt) => sum + prompt.tokens.length + suffixTokens, 0);
      return {
        id: `cmpl-${deriveSeed(options.seed, 'id', request).toString(16).padStart(8, '0')}${request.toString(16).padStart(8, '0')}`,
        created: Math.floor(epochMs / 1000),
        model,
        choices,
        usage: {
          prompt_tokens: promptTokens,
          completion_tokens: completionTokens,
          total_tokens: promptTokens + completionTokens,
        },
        canned,
        logprobs: call.logprobs !== null,
      };
    },
  };
}

export type Completer = ReturnType<typeof createCompleter>;

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
