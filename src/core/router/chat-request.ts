import { RouterError } from './errors.ts';
import { CONTEXT_TOKENS, type ResponseFormat } from './request.ts';
import { encodeInTurns, type Turn } from './pieces.ts';
import type { Tokenizer } from './tokenizer.ts';
import { createTurns } from './turns.ts';

export type ContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string; detail?: 'auto' | 'low' | 'high' } }
  | { type: 'refusal'; refusal: string };

export interface ToolCallBody {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface MessageBody {
  role: 'system' | 'developer' | 'user' | 'assistant' | 'tool';
  content?: string | ContentPart[] | null;
  name?: string;
  tool_calls?: ToolCallBody[];
  tool_call_id?: string;
}

export interface ToolBody {
  type: 'function';
  function: {
    name: string;
    description?: string;
    parameters?: Record<string, unknown>;
    strict?: boolean | null;
  };
}

export type ToolChoice = 'none' | 'auto' | 'required' | { type: 'function'; function: { name: string } };

/** The body of `POST /chat/completions` as the document allows it (already schema-checked). */
export interface ChatBody {
  model?: string;
  models?: string[];
  messages: MessageBody[];
  max_tokens?: number | null;
  max_completion_tokens?: number | null;
  n?: number | null;
  seed?: number | null;
  stop?: string | string[] | null;
  stream?: boolean | null;
  stream_options?: { include_usage?: boolean | null } | null;
  temperature?: number | null;
  logprobs?: boolean | null;
  top_logprobs?: number | null;
  response_format?: ResponseFormat | null;
  tools?: ToolBody[] | null;
  tool_choice?: ToolChoice | null;
  parallel_tool_calls?: boolean | null;
  [other: string]: unknown;
}

/** A message, normalised: its text (the text parts joined), what it called, what it answers. */
export interface ChatMessage {
  role: MessageBody['role'];
  text: string;
  toolCalls: ToolCallBody[];
  toolCallId: string | null;
}

export interface Tool {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/** A chat request, normalised: every default applied, every cross-field rule checked. */
export interface ChatCall {
  model?: string;
  models: string[];
  messages: ChatMessage[];
  /** The last user message's text: what fixtures and fault rules match, what the answer is about. */
  lastUser: string;
  promptTokens: number;
  n: number;
  maxTokens: number | null;
  stop: string[];
  seed: number | null;
  temperature: number;
  /** null: no logprobs; otherwise how many alternatives each token lists. */
  logprobs: number | null;
  stream: boolean;
  includeUsage: boolean;
  format: ResponseFormat;
  tools: Tool[];
  toolChoice: ToolChoice;
  parallelToolCalls: boolean;
}

/**
 * The chat template's cost, as OpenAI's cookbook counts it for its chat models: 3 tokens per
 * message, 1 more for a `name`, 3 priming the reply. An image costs what one of 512×512 costs at
 * `low` detail (85), and one of 1024×1024 at `high` or `auto` (765): its size is not fetched.
 */
const TEMPLATE = { perMessage: 3, perName: 1, reply: 3, imageLow: 85, imageHigh: 765 };

const textOf = (content: MessageBody['content']): string =>
  typeof content === 'string'
    ? content
    : (content ?? [])
        .flatMap((part) =>
          part.type === 'text' ? [part.text] : part.type === 'refusal' ? [part.refusal] : [],
        )
        .join('\n');

/** Counts texts into a prompt, refusing the one that takes it past the context before encoding the rest. */
function promptCounter(tokenizer: Tokenizer, turn: Turn) {
  const counter = {
    tokens: TEMPLATE.reply,
    async count(text: string, param: string): Promise<void> {
      const left = CONTEXT_TOKENS - counter.tokens;
      const tokens = (await encodeInTurns(text, tokenizer, turn, left)).length;
      if (tokens > left)
        throw RouterError.invalid(
          param,
          `${param} takes the prompt past this model's context of ${CONTEXT_TOKENS} tokens`,
        );
      counter.tokens += tokens;
    },
  };
  return counter;
}

/** Checks what the schema cannot, message by message; counts the prompt's tokens with the template's. */
async function messagesOf(body: ChatBody, counter: ReturnType<typeof promptCounter>): Promise<ChatMessage[]> {
  const called = new Set<string>();
  const messages: ChatMessage[] = [];
  for (const [index, message] of body.messages.entries()) {
    const param = `messages[${index}]`;
    if (message.role === 'tool' && (!message.tool_call_id || !called.has(message.tool_call_id)))
      throw RouterError.invalid(
        `${param}.tool_call_id`,
        `${param}.tool_call_id must name a tool call of an earlier assistant message`,
      );
    const text = textOf(message.content);
    counter.tokens += TEMPLATE.perMessage;
    await counter.count(message.role, `${param}.role`);
    await counter.count(text, `${param}.content`);
    if (message.name) {
      counter.tokens += TEMPLATE.perName;
      await counter.count(message.name, `${param}.name`);
    }
    for (const part of Array.isArray(message.content) ? message.content : [])
      if (part.type === 'image_url')
        counter.tokens += part.image_url.detail === 'low' ? TEMPLATE.imageLow : TEMPLATE.imageHigh;
    const toolCalls = message.role === 'assistant' ? (message.tool_calls ?? []) : [];
    for (const toolCall of toolCalls) {
      called.add(toolCall.id);
      await counter.count(toolCall.function.name + toolCall.function.arguments, `${param}.tool_calls`);
    }
    messages.push({ role: message.role, text, toolCalls, toolCallId: message.tool_call_id ?? null });
  }
  return messages;
}

/** The tools and the choice among them, checked against each other; their definitions counted. */
async function toolsOf(
  body: ChatBody,
  counter: ReturnType<typeof promptCounter>,
): Promise<{ tools: Tool[]; choice: ToolChoice }> {
  const tools = (body.tools ?? []).map((tool) => ({
    name: tool.function.name,
    description: tool.function.description ?? '',
    parameters: tool.function.parameters ?? { type: 'object', properties: {} },
  }));
  const choice = body.tool_choice ?? (tools.length ? 'auto' : 'none');
  if (choice !== 'none' && tools.length === 0)
    throw RouterError.invalid('tool_choice', 'tool_choice is only allowed when tools are given');
  if (typeof choice === 'object' && !tools.some((tool) => tool.name === choice.function.name))
    throw RouterError.invalid(
      'tool_choice.function.name',
      `tool_choice.function.name "${choice.function.name}" is not one of the tools`,
    );
  if (tools.length) await counter.count(JSON.stringify(body.tools), 'tools');
  return { tools, choice };
}

/**
 * Checks what the schema cannot (a tool message answering no call, `tool_choice` naming no tool,
 * `top_logprobs` without `logprobs`, `stream_options` without `stream`, the context length) and
 * fills in the defaults. Every failure names its parameter. Counting gives the event loop back
 * between slices, and stops at the first text past the context.
 */
export async function parseChatBody(body: ChatBody, tokenizer: Tokenizer): Promise<ChatCall> {
  const stream = body.stream === true;
  if (body.stream_options != null && !stream)
    throw RouterError.invalid('stream_options', 'stream_options is only allowed with stream: true');
  if (body.top_logprobs != null && body.logprobs !== true)
    throw RouterError.invalid('top_logprobs', 'top_logprobs is only allowed with logprobs: true');
  const stop = body.stop == null ? [] : typeof body.stop === 'string' ? [body.stop] : body.stop;
  if (stop.length > 4) throw RouterError.invalid('stop', 'stop must hold at most 4 sequences');
  const format = body.response_format ?? { type: 'text' };
  if (format.type === 'json_schema' && format.json_schema.schema === undefined)
    throw RouterError.invalid(
      'response_format.json_schema.schema',
      'response_format.json_schema.schema is required with type json_schema',
    );
  const counter = promptCounter(tokenizer, createTurns());
  const messages = await messagesOf(body, counter);
  const tools = await toolsOf(body, counter);
  const promptTokens = counter.tokens;
  const maxTokens = body.max_completion_tokens ?? body.max_tokens ?? null;
  if (maxTokens !== null && promptTokens + maxTokens > CONTEXT_TOKENS) {
    const param = body.max_completion_tokens != null ? 'max_completion_tokens' : 'max_tokens';
    throw RouterError.invalid(
      param,
      `This model's context is ${CONTEXT_TOKENS} tokens; the messages (${promptTokens}) and ${param} (${maxTokens}) ask for more`,
    );
  }
  const lastUser = messages.findLast((message) => message.role === 'user') ?? messages.at(-1);
  return {
    ...(body.model !== undefined && { model: body.model }),
    models: body.models ?? [],
    messages,
    lastUser: lastUser?.text ?? '',
    promptTokens,
    n: body.n ?? 1,
    maxTokens,
    stop,
    seed: body.seed ?? null,
    temperature: body.temperature ?? 1,
    logprobs: body.logprobs === true ? (body.top_logprobs ?? 0) : null,
    stream,
    includeUsage: stream && body.stream_options?.include_usage === true,
    format,
    tools: tools.tools,
    toolChoice: tools.choice,
    parallelToolCalls: body.parallel_tool_calls ?? true,
  };
}
