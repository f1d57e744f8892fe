import { createRng, deriveSeed } from '../kernel/random.ts';
import type { RouterModel } from './catalogue.ts';
import type { ChatCall, ChatMessage, Tool } from './chat-request.ts';
import {
  type CompleterContext,
  completionId,
  cut,
  naturalText,
  type Usage,
  textSeed,
  usageOf,
} from './completion.ts';
import { conversationPicker } from './drawn.ts';
import { jsonBudget, valueForSchema } from './json-schema.ts';
import type { Piece } from './logprobs.ts';
import { piecesInTurns, scoreInTurns, type Turn } from './pieces.ts';
import type { Tokenizer } from './tokenizer.ts';
import { createTurns } from './turns.ts';

export type ChatFinishReason = 'stop' | 'length' | 'tool_calls';

/** A tool call as the assistant makes it: its arguments' text, in the pieces a stream sends. */
export interface GeneratedToolCall {
  id: string;
  name: string;
  arguments: string;
  pieces: string[];
}

export interface ChatChoice {
  index: number;
  /** null when the answer is tool calls only. */
  content: string | null;
  /** The content's pieces, scored (what a stream sends, what logprobs lists). */
  pieces: Piece[];
  toolCalls: GeneratedToolCall[];
  finishReason: ChatFinishReason;
}

export interface ChatCompletion {
  id: string;
  created: number;
  model: RouterModel;
  choices: ChatChoice[];
  usage: Usage;
  canned: boolean;
  /** null: no logprobs; otherwise how many alternatives each token lists. */
  logprobs: number | null;
}

const IGNORED = new Set([
  'get',
  'set',
  'the',
  'for',
  'and',
  'with',
  'from',
  'list',
  'fetch',
  'find',
  'tool',
  'function',
]);

/** The words of a tool's name and description ("get_current_weather" → current, weather). */
function wordsOf(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 2 && !IGNORED.has(word))
    .map((word) => word.replace(/s$/, ''));
}

/** How many of a tool's words the request uses: what makes a model pick one tool over another. */
function relevance(tool: Tool, asked: Set<string>): number {
  const name = wordsOf(tool.name).filter((word) => asked.has(word)).length;
  return name * 2 + wordsOf(tool.description).filter((word) => asked.has(word)).length;
}

/**
 * The tools the assistant calls. `none` calls none; a named choice calls that one; `auto` calls
 * the tools the last user message is about, unless it is answering tool results; `required` calls
 * at least the likeliest. With `parallel_tool_calls`, every relevant tool is called at once.
 */
export function toolsToCall(call: ChatCall): Tool[] {
  const { toolChoice, tools } = call;
  if (toolChoice === 'none' || tools.length === 0) return [];
  if (typeof toolChoice === 'object')
    return tools.filter((tool) => tool.name === toolChoice.function.name).slice(0, 1);
  if (toolChoice === 'auto' && call.messages.at(-1)?.role === 'tool') return [];
  const asked = new Set(wordsOf(call.lastUser));
  const ranked = tools
    .map((tool, order) => ({ tool, score: relevance(tool, asked), order }))
    .sort((a, b) => b.score - a.score || a.order - b.order);
  const relevant = ranked.filter((entry) => entry.score > 0).map((entry) => entry.tool);
  const chosen = relevant.length
    ? relevant
    : toolChoice === 'required'
      ? [ranked[0]?.tool].filter((tool) => tool !== undefined)
      : [];
  // Parallel calls come in the order the tools were given; a single one is the likeliest.
  if (!call.parallelToolCalls) return chosen.slice(0, 1);
  return [...chosen].sort((a, b) => tools.indexOf(a) - tools.indexOf(b));
}

/**
 * The tool results the conversation ends with (since the assistant's last calls), each with the
 * name of the tool that gave it; none when a user spoke after them.
 */
function latestResults(messages: readonly ChatMessage[]): { name: string; result: string }[] {
  if (messages.at(-1)?.role !== 'tool') return [];
  const last = messages.findLastIndex(
    (message) => message.role === 'assistant' && message.toolCalls.length > 0,
  );
  if (last < 0) return [];
  const names = new Map(messages[last]?.toolCalls.map((toolCall) => [toolCall.id, toolCall.function.name]));
  return messages
    .slice(last + 1)
    .filter((message) => message.role === 'tool')
    .map((message) => ({ name: names.get(message.toolCallId ?? '') ?? 'the tool', result: message.text }));
}

/** One tool result in words: an object's fields as "key is value", anything else as it is. */
function describeResult(result: string): string {
  let value: unknown = result;
  try {
    value = JSON.parse(result);
  } catch {
    // Not JSON: the text itself.
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const fields = Object.entries(value)
      .slice(0, 8)
      .map(
        ([key, field]) =>
          `${key.replaceAll('_', ' ')} is ${typeof field === 'object' ? JSON.stringify(field) : String(field)}`,
      );
    return fields.join(', ');
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

/** The answer after tool results: what each tool returned, said in a sentence. */
function answerFromResults(results: readonly { name: string; result: string }[]): string {
  return results.map(({ name, result }) => `According to ${name}, ${describeResult(result)}.`).join(' ');
}

/** The conversation's user messages, latest first: where tool arguments take their values from. */
function userText(call: ChatCall): string {
  const users = call.messages.filter((message) => message.role === 'user').map((message) => message.text);
  return users.length ? users.reverse().join('\n\n') : call.lastUser;
}

interface Writing {
  seed: number;
  tokenizer: Tokenizer;
  turn: Turn;
  /** Characters each JSON document may take (see `jsonBudget`). */
  budget: number;
}

/** Tool calls with arguments that satisfy each tool's schema, within the call's token and size bounds. */
async function writeToolCalls(
  context: CompleterContext,
  call: ChatCall,
  tools: readonly Tool[],
  { seed, tokenizer, turn, budget }: Writing,
): Promise<{ toolCalls: GeneratedToolCall[]; tokens: number; finishReason: ChatFinishReason }> {
  const pick = conversationPicker(userText(call));
  let tokens = 0;
  let finishReason: ChatFinishReason = 'tool_calls';
  const toolCalls: GeneratedToolCall[] = [];
  for (const [index, tool] of tools.entries()) {
    await turn();
    context.faker.seed(deriveSeed(seed, 'tool', index));
    const natural = JSON.stringify(valueForSchema(tool.parameters, context.faker, { budget, pick }));
    const left = call.maxTokens === null ? null : Math.max(0, call.maxTokens - tokens);
    const written = await cut(natural, { stop: [], maxTokens: left }, tokenizer, turn);
    if (written.finishReason === 'length') finishReason = 'length';
    tokens += written.tokens.length;
    const pieces = (await piecesInTurns(written.tokens, tokenizer, turn)).map((piece) => piece.text);
    toolCalls.push({
      id: `call_${deriveSeed(seed, 'call', index).toString(36).padStart(7, '0')}${index}`,
      name: tool.name,
      arguments: pieces.join(''),
      pieces,
    });
  }
  return { toolCalls, tokens, finishReason };
}

/** One choice: tool calls, the answer to tool results, a canned text, JSON or prose; cut and scored. */
async function writeChoice(
  context: CompleterContext,
  call: ChatCall,
  options: Writing & { canned: string | undefined; index: number },
): Promise<{ choice: ChatChoice; tokens: number }> {
  const { seed, tokenizer, turn } = options;
  const calling =
    options.canned === undefined || typeof call.toolChoice === 'object' || call.toolChoice === 'required';
  const tools = calling ? toolsToCall(call) : [];
  if (tools.length) {
    const { toolCalls, tokens, finishReason } = await writeToolCalls(context, call, tools, options);
    return { choice: { index: options.index, content: null, pieces: [], toolCalls, finishReason }, tokens };
  }
  context.faker.seed(seed);
  const results = call.format.type === 'text' ? latestResults(call.messages) : [];
  // A canned completion often opens with the newlines a continuation needs; a chat answer does not.
  const natural =
    options.canned?.trimStart() ??
    (results.length
      ? answerFromResults(results)
      : naturalText(call.format, {
          prompt: call.lastUser,
          faker: context.faker,
          budget: options.budget,
          pick: conversationPicker(userText(call)),
        }).trimStart());
  const { text, tokens, finishReason } = await cut(natural, call, tokenizer, turn);
  const pieces = await scoreInTurns(
    await piecesInTurns(tokens, tokenizer, turn),
    {
      rng: createRng(seed),
      tokenizer,
      alternatives: call.logprobs,
      greedy: call.temperature === 0,
      firstIsNull: false,
    },
    turn,
  );
  return {
    choice: { index: options.index, content: text, pieces, toolCalls: [], finishReason },
    tokens: tokens.length,
  };
}

/**
 * Answers a chat call: `n` choices, each from a seed derived from the request (see `textSeed`),
 * giving the event loop back between them.
 */
export async function completeChat(
  context: CompleterContext,
  call: ChatCall,
  tokenizer: Tokenizer,
  epochMs: number,
  model: RouterModel,
): Promise<ChatCompletion> {
  const request = ++context.sequence;
  const turn = createTurns();
  const fixture = context.fixtures.find(call.lastUser, model.id);
  const choices: ChatChoice[] = [];
  const budget = jsonBudget(call.maxTokens, call.n * Math.max(1, call.tools.length));
  let completionTokens = 0;
  const conversation = JSON.stringify([call.messages, call.tools, call.toolChoice, call.format]);
  for (let index = 0; index < call.n; index++) {
    await turn();
    const seed = textSeed(context, call, request, [model.id, 'chat', conversation, index]);
    const canned = fixture?.completion.text;
    const written = await writeChoice(context, call, { seed, tokenizer, turn, budget, canned, index });
    completionTokens += written.tokens;
    choices.push(written.choice);
  }
  return {
    id: completionId(context, 'chatcmpl', request),
    created: Math.floor(epochMs / 1000),
    model,
    choices,
    usage: usageOf(call.promptTokens, completionTokens),
    canned: fixture !== undefined,
    logprobs: call.logprobs,
  };
}
