import { RouterError } from './errors.ts';
import { CONTEXT_TOKENS, type ResponseFormat } from './request.ts';
import type { Tokenizer } from './tokenizer.ts';

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

/** Checks what the schema cannot, message by message; counts the prompt's tokens with the template's. */
function messagesOf(body: ChatBody, tokenizer: Tokenizer): { messages: ChatMessage[]; tokens: number } {
  const called = new Set<string>();
  let tokens = TEMPLATE.reply;
  const messages = body.messages.map((message, index): ChatMessage => {
    const param = `messages[${index}]`;
    const text = textOf(message.content);
    if (!tokenizer.fits(text, CONTEXT_TOKENS))
      throw RouterError.invalid(
        `${param}.content`,
        `${param}.content is longer than the context of ${CONTEXT_TOKENS} tokens`,
      );
    if (message.role === 'tool') {
      if (!message.tool_call_id || !called.has(message.tool_call_id))
        throw RouterError.invalid(
          `${param}.tool_call_id`,
          `${param}.tool_call_id must name a tool call of an earlier assistant message`,
        );
    }
    const toolCalls = message.role === 'assistant' ? (message.tool_calls ?? []) : [];
    for (const toolCall of toolCalls) called.add(toolCall.id);
    tokens += TEMPLATE.perMessage + tokenizer.encode(message.role).length + tokenizer.encode(text).length;
    if (message.name) tokens += TEMPLATE.perName + tokenizer.encode(message.name).length;
    for (const part of Array.isArray(message.content) ? message.content : [])
      if (part.type === 'image_url')
        tokens += part.image_url.detail === 'low' ? TEMPLATE.imageLow : TEMPLATE.imageHigh;
    for (const toolCall of toolCalls)
      tokens +=
        tokenizer.encode(toolCall.function.name).length +
        tokenizer.encode(toolCall.function.arguments).length;
    return { role: message.role, text, toolCalls, toolCallId: message.tool_call_id ?? null };
  });
  return { messages, tokens };
}

/** The tools and the choice among them, checked against each other. */
function toolsOf(
  body: ChatBody,
  tokenizer: Tokenizer,
): { tools: Tool[]; choice: ToolChoice; tokens: number } {
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
  const definitions = tools.length ? JSON.stringify(body.tools) : '';
  if (!tokenizer.fits(definitions, CONTEXT_TOKENS))
    throw RouterError.invalid('tools', 'tools are longer than the context');
  return { tools, choice, tokens: definitions ? tokenizer.encode(definitions).length : 0 };
}

/**
 * Checks what the schema cannot (a tool message answering no call, `tool_choice` naming no tool,
 * `top_logprobs` without `logprobs`, `stream_options` without `stream`, the context length) and
 * fills in the defaults. Every failure names its parameter.
 */
export function parseChatBody(body: ChatBody, tokenizer: Tokenizer): ChatCall {
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
  const { messages, tokens } = messagesOf(body, tokenizer);
  const tools = toolsOf(body, tokenizer);
  const promptTokens = tokens + tools.tokens;
  const maxTokens = body.max_completion_tokens ?? body.max_tokens ?? null;
  if (promptTokens + (maxTokens ?? 0) > CONTEXT_TOKENS) {
    const param =
      body.max_completion_tokens != null
        ? 'max_completion_tokens'
        : maxTokens === null
          ? 'messages'
          : 'max_tokens';
    throw RouterError.invalid(
      param,
      `This model's context is ${CONTEXT_TOKENS} tokens; the messages (${promptTokens}) and ${param === 'messages' ? 'max_tokens' : param} (${maxTokens ?? 0}) ask for more`,
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
