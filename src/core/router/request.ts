import { RouterError } from './errors.ts';
import { encodeInTurns } from './pieces.ts';
import type { Tokenizer } from './tokenizer.ts';
import { createTurns } from './turns.ts';

/** The body of `POST /completions` as the document allows it (already schema-checked). */
export interface CompletionBody {
  model?: string;
  models?: string[];
  prompt: string | string[] | number[] | number[][];
  best_of?: number | null;
  echo?: boolean | null;
  logprobs?: number | null;
  max_tokens?: number | null;
  n?: number | null;
  seed?: number | null;
  stop?: string | string[] | null;
  stream?: boolean | null;
  stream_options?: { include_usage?: boolean | null } | null;
  suffix?: string | null;
  temperature?: number | null;
  response_format?: ResponseFormat | null;
  [other: string]: unknown;
}

export type ResponseFormat =
  | { type: 'text' | 'json_object' | 'python' }
  | {
      type: 'json_schema';
      json_schema: { name: string; schema?: Record<string, unknown>; strict?: boolean | null };
    }
  | { type: 'grammar'; grammar: string };

/** One prompt: its text, and its tokens (given as ids, or counted from the text). */
export interface Prompt {
  text: string;
  tokens: number[];
}

/** A completion request, normalised: every default applied, every cross-field rule checked. */
export interface CompletionCall {
  model?: string;
  models: string[];
  prompts: Prompt[];
  n: number;
  bestOf: number;
  /** null: the text runs to its natural end. */
  maxTokens: number | null;
  stop: string[];
  echo: boolean;
  suffix: string | null;
  /** null: no logprobs; otherwise how many alternatives each token lists. */
  logprobs: number | null;
  seed: number | null;
  temperature: number;
  stream: boolean;
  includeUsage: boolean;
  format: ResponseFormat;
}

/** The most completions one request may generate (prompts × best_of): a bound on its cost. */
export const MAX_CANDIDATES = 1024;

/** The most tokens a request may cover, prompt and completion together (a 16k context). */
export const CONTEXT_TOKENS = 16_384;

const isTokenList = (value: unknown): value is number[] =>
  Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'number');

const tooLong = (param: string) =>
  RouterError.invalid(param, `${param} is longer than this model's context of ${CONTEXT_TOKENS} tokens`);

async function promptsOf(prompt: CompletionBody['prompt'], tokenizer: Tokenizer): Promise<Prompt[]> {
  const turn = createTurns();
  const decode = (tokens: number[], param: string): Prompt => {
    try {
      return { text: tokenizer.decode(tokens), tokens };
    } catch {
      throw RouterError.invalid(param, `${param} holds a token id the tokenizer (cl100k_base) does not know`);
    }
  };
  // Encoded in slices between turns, and refused as soon as it is past the context: encoding costs time.
  const encode = async (text: string, param: string): Promise<Prompt> => {
    const tokens = await encodeInTurns(text, tokenizer, turn, CONTEXT_TOKENS);
    if (tokens.length > CONTEXT_TOKENS) throw tooLong(param);
    return { text, tokens };
  };
  if (typeof prompt === 'string') return [await encode(prompt, 'prompt')];
  if (isTokenList(prompt)) return [decode(prompt, 'prompt')];
  const prompts: Prompt[] = [];
  for (const [index, item] of (prompt as (string | number[])[]).entries()) {
    await turn();
    prompts.push(
      typeof item === 'string' ? await encode(item, `prompt[${index}]`) : decode(item, `prompt[${index}]`),
    );
  }
  return prompts;
}

/**
 * Checks what the schema cannot (`best_of >= n`, `echo` with `suffix`, `stream_options` without
 * `stream`, the context length) and fills in the defaults. Every failure names its parameter.
 */
export async function parseCompletionBody(
  body: CompletionBody,
  tokenizer: Tokenizer,
): Promise<CompletionCall> {
  const n = body.n ?? 1;
  const bestOf = body.best_of ?? n;
  if (bestOf < n) throw RouterError.invalid('best_of', `best_of (${bestOf}) must be at least n (${n})`);
  const stream = body.stream === true;
  if (stream && bestOf > n)
    throw RouterError.invalid('best_of', 'best_of greater than n cannot be streamed; use n instead');
  if (body.stream_options != null && !stream)
    throw RouterError.invalid('stream_options', 'stream_options is only allowed with stream: true');
  if (body.echo === true && body.suffix != null)
    throw RouterError.invalid('suffix', 'echo and suffix cannot be used together');
  const stop = body.stop == null ? [] : typeof body.stop === 'string' ? [body.stop] : body.stop;
  if (stop.length > 4) throw RouterError.invalid('stop', 'stop must hold at most 4 sequences');
  if (stop.some((sequence) => sequence === ''))
    throw RouterError.invalid('stop', 'stop sequences must not be empty');
  if (body.suffix != null && !tokenizer.fits(body.suffix, CONTEXT_TOKENS)) throw tooLong('suffix');
  const format = body.response_format ?? { type: 'text' };
  if (format.type === 'json_schema' && format.json_schema.schema === undefined) {
    throw RouterError.invalid(
      'response_format.json_schema.schema',
      'response_format.json_schema.schema is required with type json_schema',
    );
  }
  const prompts = await promptsOf(body.prompt, tokenizer);
  if (prompts.length * bestOf > MAX_CANDIDATES) {
    throw RouterError.invalid(
      body.best_of == null ? 'n' : 'best_of',
      `${prompts.length} prompts × ${bestOf} completions is more than the ${MAX_CANDIDATES} one request may ask for`,
    );
  }
  const maxTokens = body.max_tokens ?? null;
  const longest = Math.max(...prompts.map((prompt) => prompt.tokens.length));
  if (longest + (maxTokens ?? 0) > CONTEXT_TOKENS) {
    throw RouterError.invalid(
      maxTokens === null ? 'prompt' : 'max_tokens',
      `This model's context is ${CONTEXT_TOKENS} tokens; the prompt (${longest}) and max_tokens (${maxTokens ?? 0}) ask for more`,
    );
  }
  return {
    ...(body.model !== undefined && { model: body.model }),
    models: body.models ?? [],
    prompts,
    n,
    bestOf,
    maxTokens,
    stop,
    echo: body.echo === true,
    suffix: body.suffix ?? null,
    logprobs: body.logprobs ?? null,
    seed: body.seed ?? null,
    temperature: body.temperature ?? 1,
    stream,
    includeUsage: stream && body.stream_options?.include_usage === true,
    format,
  };
}
