import type { FastifyReply, FastifyRequest } from 'fastify';
import { decideCall } from '../../core/control/decide.ts';
import type { FaultDecision } from '../../core/control/faults.ts';
import { parsePrefer } from '../../core/control/prefer.ts';
import { RouterError } from '../../core/router/errors.ts';
import { applyDecision } from '../controlled.ts';
import { type Handler, tokenOf } from '../openapi-router.ts';
import { sendError } from './reply-error.ts';
import type { Decided, RouterState } from './state.ts';

/** What the control plane reads of a body: the models asked for, and the prompts or messages. */
interface ControlledBody {
  model?: unknown;
  models?: unknown[];
  prompt?: unknown;
  messages?: { role?: unknown; content?: unknown }[];
}

export type ControlledHandler = (
  request: FastifyRequest,
  reply: FastifyReply,
  decision: FaultDecision,
  model: string | undefined,
) => Promise<FastifyReply>;

/** The operations whose models fall back one to the next when a rule fails one. */
const GENERATING = new Set(['createCompletion', 'createChatCompletion']);

/**
 * What fault rules match `prompt` and `promptRegex` on: a completion's first text prompt, a chat's
 * last user message (its text parts joined).
 */
function promptOf(body: ControlledBody | undefined): string | undefined {
  if (Array.isArray(body?.messages)) {
    const content = body.messages.findLast((message) => message?.role === 'user')?.content;
    if (typeof content === 'string') return content;
    if (!Array.isArray(content)) return undefined;
    return content
      .map((part: { type?: unknown; text?: unknown }) => (part?.type === 'text' ? part.text : ''))
      .join('\n');
  }
  const prompt = Array.isArray(body?.prompt)
    ? body.prompt.find((item) => typeof item === 'string')
    : body?.prompt;
  return typeof prompt === 'string' ? prompt : undefined;
}

/**
 * The fault rules, as a router meets them: a completion's models are tried in order (`model`,
 * then `models`, those of the catalogue), and a 5xx a rule gives one of them falls back to the
 * next, as a router falls back when a provider fails. Delays add up; the last model tried answers.
 */
function decide(state: RouterState, operation: string, token: string, body: ControlledBody | undefined) {
  const { faults, catalogue } = state.options;
  const asked = [body?.model, ...(Array.isArray(body?.models) ? body.models : [])].filter(
    (id): id is string => typeof id === 'string',
  );
  const known = asked.filter((id) => catalogue.has(id));
  const candidates = GENERATING.has(operation) && known.length ? known : [asked[0]];
  const prompt = promptOf(body);
  const fired: string[] = [];
  const notices: string[] = [];
  let delayMs = 0;
  for (let index = 0; ; index++) {
    const model = candidates[index];
    const decision = faults.decide({
      operation,
      token,
      requestKey: `${operation} ${token} ${JSON.stringify(body ?? {})}`,
      ...(model !== undefined && { model }),
      ...(prompt !== undefined && { prompt }),
    });
    fired.push(...decision.fired);
    delayMs += decision.delayMs;
    const next = candidates[index + 1];
    if (!decision.error || decision.error.status < 500 || next === undefined) {
      return { decision: { ...decision, fired, delayMs }, model, notices };
    }
    notices.push(`${model} failed with ${decision.error.status}: fell back to ${next}`);
  }
}

/** The per-key rate limit: its headers on every answer, a 429 with `Retry-After` past it. */
function rateLimited(state: RouterState, token: string, request: FastifyRequest, reply: FastifyReply) {
  const { rateLimiter } = state.options;
  const limit = rateLimiter.check(token);
  if (rateLimiter.enabled) {
    reply.headers({
      'x-ratelimit-limit-requests': String(limit.limit),
      'x-ratelimit-remaining-requests': String(limit.remaining),
      'x-ratelimit-reset-requests': `${Math.ceil(limit.resetMs / 1000)}s`,
    });
  }
  if (limit.allowed) return undefined;
  const perMinute = `${limit.limit} request${limit.limit === 1 ? '' : 's'} per minute`;
  (request as Decided).routerDecisions.notices = [`rate limit of ${perMinute} reached`];
  return RouterError.rateLimited(
    `Rate limit reached: ${perMinute} for this key; retry in ${Math.ceil(limit.resetMs / 1000)} s`,
    limit.resetMs,
  );
}

/** The rate limit, `Prefer: code=`/`delay=` and the fault rules, before an operation runs. */
export function controlled(
  state: RouterState,
  statuses: Readonly<Record<string, ReadonlyMap<number, string>>>,
  operation: string,
  handle: ControlledHandler,
): Handler {
  return async (context, request, reply) => {
    const decisions = (request as Decided).routerDecisions;
    decisions.operation = operation;
    const token = tokenOf(context);
    const limited = rateLimited(state, token, request, reply);
    if (limited) return sendError(reply, limited);
    const body = request.body as ControlledBody | undefined;
    const { decision, model, notices: fallbacks } = decide(state, operation, token, body);
    const call = decideCall({
      operation,
      prefer: parsePrefer(request.headers.prefer),
      faults: decision,
      documented: statuses[operation] ?? new Map(),
    });
    await applyDecision({ ...call, notices: [...fallbacks, ...call.notices] }, decisions, reply);
    if (call.forced) return sendError(reply, RouterError.forced(call.forced.status, call.forced.retryAfter));
    return handle(request, reply, decision, model);
  };
}
