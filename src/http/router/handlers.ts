import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FaultDecision } from '../../core/control/faults.ts';
import type { Decisions } from '../../core/control/journal.ts';
import { ApiError } from '../../core/massive/errors.ts';
import { chatChunks, chatCompletionBody } from '../../core/router/chat-render.ts';
import { type ChatBody, parseChatBody } from '../../core/router/chat-request.ts';
import { completionBody } from '../../core/router/completion.ts';
import { RouterError } from '../../core/router/errors.ts';
import { type CompletionBody, parseCompletionBody } from '../../core/router/request.ts';
import { planChunks, planStream, type StreamPlan } from '../../core/router/stream.ts';
import { type Timing, totalMs } from '../../core/router/timing.ts';
import { loadTokenizer } from '../../core/router/tokenizer.ts';
import { documentedErrors } from '../documented-errors.ts';
import type { Handler } from '../openapi-router.ts';
import { controlled } from './control.ts';
import { sendError } from './reply-error.ts';
import { type Decided, nextTiming, type RouterState } from './state.ts';
import { sendStream } from './stream-writer.ts';
import { bodyValidationError } from './validation.ts';

/** The model the fault rules left standing answers (the first known one when none failed). */
function answering<T extends { model?: string; models: string[] }>(
  state: RouterState,
  call: T,
  model?: string,
): T {
  return model !== undefined && state.options.catalogue.has(model) ? { ...call, model, models: [] } : call;
}

/** An answer: streamed as planned, or its JSON body sent after the wait its longest choice takes. */
async function answer(
  state: RouterState,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { stream: boolean; plan: (timing: Timing) => StreamPlan; body: () => unknown; pieces: number },
): Promise<FastifyReply> {
  const timing = nextTiming(state);
  if (options.stream) return sendStream(state, request, reply, options.plan(timing));
  const wait = totalMs(timing, options.pieces);
  if (wait > 0) {
    const decisions = (request as Decided).routerDecisions;
    decisions.delayMs = (decisions.delayMs ?? 0) + wait;
    await sleep(wait);
  }
  return reply.send(options.body());
}

/** What the journal keeps of an answer: the model that answered and the tokens counted. */
function noteAnswer(
  request: FastifyRequest,
  completion: { model: { id: string }; usage: Decisions['usage'] },
) {
  const decisions = (request as Decided).routerDecisions;
  decisions.model = completion.model.id;
  decisions.usage = completion.usage;
}

async function createCompletion(
  state: RouterState,
  request: FastifyRequest,
  reply: FastifyReply,
  decision: FaultDecision,
  model: string | undefined,
): Promise<FastifyReply> {
  const { completer, clock } = state.options;
  const tokenizer = await loadTokenizer();
  const call = answering(state, await parseCompletionBody(request.body as CompletionBody, tokenizer), model);
  const completion = await completer.complete(call, tokenizer, clock.now());
  noteAnswer(request, completion);
  return answer(state, request, reply, {
    stream: call.stream,
    plan: (timing) =>
      planStream(completion, {
        includeUsage: call.includeUsage,
        timing,
        ...(decision.stream && { fault: decision.stream }),
      }),
    body: () => completionBody(completion),
    pieces: Math.max(0, ...completion.choices.map((choice) => choice.pieces.length)),
  });
}

async function createChatCompletion(
  state: RouterState,
  request: FastifyRequest,
  reply: FastifyReply,
  decision: FaultDecision,
  model: string | undefined,
): Promise<FastifyReply> {
  const { completer, clock } = state.options;
  const tokenizer = await loadTokenizer();
  const call = answering(state, await parseChatBody(request.body as ChatBody, tokenizer), model);
  const completion = await completer.chat(call, tokenizer, clock.now());
  noteAnswer(request, completion);
  return answer(state, request, reply, {
    stream: call.stream,
    plan: (timing) =>
      planChunks(chatChunks(completion, call.includeUsage), {
        timing,
        ...(decision.stream && { fault: decision.stream }),
      }),
    body: () => chatCompletionBody(completion),
    pieces: Math.max(
      0,
      ...completion.choices.map(
        (choice) =>
          choice.pieces.length + choice.toolCalls.reduce((sum, call) => sum + call.pieces.length, 0),
      ),
    ),
  });
}

/** The handlers of the router's document, by operationId, and those openapi-backend calls on failure. */
export function routerHandlers(state: RouterState): Record<string, Handler> {
  const statuses = documentedErrors(state.options.document());
  const operation = (name: string, handle: typeof createCompletion) =>
    controlled(state, statuses, name, (request, reply, decision, model) =>
      handle(state, request, reply, decision, model),
    );
  return {
    notFound: (_context, request, reply) =>
      sendError(
        reply,
        new RouterError('notFound', `Route ${request.method} ${request.url.split('?')[0]} was not found`),
      ),
    methodNotAllowed: (_context, request, reply) =>
      sendError(reply, new RouterError('methodNotAllowed', `Method ${request.method} is not allowed here`)),
    unauthorizedHandler: (context, _request, reply) => {
      const failure = (context.security?.bearerAuth as { error?: unknown } | undefined)?.error;
      const missing = failure instanceof ApiError && failure.status === 401;
      return sendError(
        reply,
        new RouterError(
          'invalidApiKey',
          missing
            ? 'Missing bearer authentication in header: send Authorization: Bearer <key>'
            : 'Incorrect API key provided',
        ),
      );
    },
    validationFail: (context, _request, reply) =>
      sendError(reply, bodyValidationError(context.validation.errors)),
    listModels: controlled(state, statuses, 'listModels', async (_request, reply) =>
      reply.send({ object: 'list', data: state.options.catalogue.list() }),
    ),
    createCompletion: operation('createCompletion', createCompletion),
    createChatCompletion: operation('createChatCompletion', createChatCompletion),
  };
}
