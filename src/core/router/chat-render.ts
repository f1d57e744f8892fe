import type { ChatChoice, ChatCompletion, GeneratedToolCall } from './chat-completion.ts';
import { SYSTEM_FINGERPRINT } from './completion.ts';
import type { Piece } from './logprobs.ts';

/** The fields every chat completion and chunk starts with. */
function chatEnvelope(completion: ChatCompletion, object: 'chat.completion' | 'chat.completion.chunk') {
  return {
    id: completion.id,
    object,
    created: completion.created,
    model: completion.model.id,
    provider: completion.model.owned_by,
    system_fingerprint: SYSTEM_FINGERPRINT,
  };
}

const bytesOf = (text: string) => [...Buffer.from(text, 'utf8')];

/** Chat logprobs: per token its logprob, bytes and the `top` likeliest alternatives. */
function chatLogprobs(pieces: readonly Piece[], top: number) {
  return {
    content: pieces.map((piece) => ({
      token: piece.text,
      logprob: piece.logprob ?? 0,
      bytes: bytesOf(piece.text),
      top_logprobs: Object.entries(piece.top ?? {})
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([token, logprob]) => ({ token, logprob, bytes: bytesOf(token) })),
    })),
    refusal: null,
  };
}

const toolCallBody = (toolCall: GeneratedToolCall) => ({
  id: toolCall.id,
  type: 'function' as const,
  function: { name: toolCall.name, arguments: toolCall.arguments },
});

function messageOf(choice: ChatChoice) {
  return {
    role: 'assistant' as const,
    content: choice.content,
    refusal: null,
    ...(choice.toolCalls.length > 0 && { tool_calls: choice.toolCalls.map(toolCallBody) }),
  };
}

/** The JSON body of a non-streamed chat completion. */
export function chatCompletionBody(completion: ChatCompletion) {
  return {
    ...chatEnvelope(completion, 'chat.completion'),
    choices: completion.choices.map((choice) => ({
      index: choice.index,
      message: messageOf(choice),
      logprobs: completion.logprobs === null ? null : chatLogprobs(choice.pieces, completion.logprobs),
      finish_reason: choice.finishReason,
    })),
    usage: completion.usage,
  };
}

type Delta = Record<string, unknown>;

/** One choice's deltas in order: the role, the content's pieces or each call's name then its arguments' pieces. */
function deltasOf(choice: ChatChoice, logprobs: number | null): { delta: Delta; logprobs: unknown }[] {
  const deltas: { delta: Delta; logprobs: unknown }[] = [
    {
      delta: { role: 'assistant', content: choice.content === null ? null : '', refusal: null },
      logprobs: null,
    },
  ];
  for (const piece of choice.pieces)
    deltas.push({
      delta: { content: piece.text },
      logprobs: logprobs === null ? null : chatLogprobs([piece], logprobs),
    });
  for (const [index, toolCall] of choice.toolCalls.entries()) {
    const { id, type, function: called } = toolCallBody(toolCall);
    deltas.push({
      delta: { tool_calls: [{ index, id, type, function: { name: called.name, arguments: '' } }] },
      logprobs: null,
    });
    for (const piece of toolCall.pieces)
      deltas.push({ delta: { tool_calls: [{ index, function: { arguments: piece } }] }, logprobs: null });
  }
  return deltas;
}

/**
 * A chat completion as stream chunks: each choice's deltas interleaved, its last chunk empty with
 * its finish_reason, then the usage chunk when asked (every other chunk then has `usage: null`).
 */
export function chatChunks(completion: ChatCompletion, includeUsage: boolean): unknown[] {
  const head = chatEnvelope(completion, 'chat.completion.chunk');
  const usage = includeUsage ? { usage: null } : {};
  const perChoice = completion.choices.map((choice) => [
    ...deltasOf(choice, completion.logprobs).map(({ delta, logprobs }) => ({
      index: choice.index,
      delta,
      logprobs,
      finish_reason: null,
    })),
    { index: choice.index, delta: {}, logprobs: null, finish_reason: choice.finishReason },
  ]);
  const chunks: unknown[] = [];
  const longest = Math.max(0, ...perChoice.map((list) => list.length));
  for (let position = 0; position < longest; position++)
    for (const list of perChoice) {
      const choice = list[position];
      // Made when framed: a long stream would otherwise copy the envelope into every chunk at once.
      if (choice) chunks.push(() => ({ ...head, choices: [choice], ...usage }));
    }
  if (includeUsage) chunks.push({ ...head, choices: [], usage: completion.usage });
  return chunks;
}
