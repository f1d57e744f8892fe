import { setTimeout as sleep } from 'node:timers/promises';
import type { Context } from 'openapi-backend';
import type { CallDecision } from '../core/control/decide.ts';
import { decideCall } from '../core/control/decide.ts';
import type { FaultCall, Faults } from '../core/control/faults.ts';
import type { Decisions } from '../core/control/journal.ts';
import { parsePrefer } from '../core/control/prefer.ts';
import type { Handler } from './openapi-router.ts';
import { setTextHeader } from './reply.ts';

/** What a controlled operation needs to know of the call, beside Fastify's request and reply. */
export interface ControlledCall {
  operation: string;
  /** The fault rules' view of the call: prompt, model, country when the operation has them. */
  facts: Omit<FaultCall, 'operation' | 'token' | 'requestKey'>;
  token: string;
  /** The error statuses the operation documents in the document that routed the call. */
  documented: { has(status: number): boolean };
  /** The billed service the call uses, so /usage counts it however it is answered. */
  billed?: string;
}

/** Decides a call from its `Prefer` header and the fault rules (the pure `decideCall`). */
function decide(faults: Faults, call: ControlledCall, request: Parameters<Handler>[1]): CallDecision {
  request.decisions.operation = call.operation;
  return decideCall({
    operation: call.operation,
    prefer: parsePrefer(request.headers.prefer),
    faults: faults.decide({
      operation: call.operation,
      token: call.token,
      requestKey: `${call.operation} ${call.token} ${request.url}`,
      ...call.facts,
    }),
    documented: call.documented,
  });
}

/**
 * Decides a call (see `decide`) and applies the decision. What is left to the caller: answering a
 * forced status.
 */
export async function applyControl(
  faults: Faults,
  call: ControlledCall,
  request: Parameters<Handler>[1],
  reply: Parameters<Handler>[2],
): Promise<CallDecision> {
  const decision = decide(faults, call, request);
  await applyDecision(decision, request.decisions, reply);
  return decision;
}

/**
 * Applies a decision, in either API: the rules that fired and what the caller is told go to the
 * journal's decisions (and `X-Mock-Notice`), then the call waits its delay. Returns nothing when
 * there is nothing to wait for: most calls go on without a turn of the event loop's queue.
 */
export function applyDecision(
  decision: CallDecision,
  decisions: Decisions,
  reply: Parameters<Handler>[2],
): Promise<void> | undefined {
  if (decision.fired.length) decisions.faults = decision.fired;
  if (decision.notices.length) {
    decisions.notices = [...(decisions.notices ?? []), ...decision.notices];
    setTextHeader(reply, 'x-mock-notice', decision.notices);
  }
  if (decision.delayMs <= 0) return undefined;
  decisions.delayMs = decision.delayMs;
  return sleep(decision.delayMs);
}

/**
 * Wraps an operation in the control plane: `applyControl` decides and waits, and this answers a
 * forced status with `forcedAnswer`, or runs the operation with the decision.
 */
export function controlled(
  faults: Faults,
  describe: (context: Context, request: Parameters<Handler>[1]) => ControlledCall,
  forcedAnswer: (
    call: ControlledCall,
    forced: NonNullable<CallDecision['forced']>,
    ...rest: Parameters<Handler>
  ) => ReturnType<Handler>,
  handle: (decision: CallDecision, ...rest: Parameters<Handler>) => ReturnType<Handler>,
): Handler {
  return (context, request, reply) => {
    const call = describe(context, request);
    if (call.billed) request.billed = { service: call.billed, token: call.token };
    const decision = decide(faults, call, request);
    const answer = () =>
      decision.forced
        ? forcedAnswer(call, decision.forced, context, request, reply)
        : handle(decision, context, request, reply);
    const waiting = applyDecision(decision, request.decisions, reply);
    return waiting ? waiting.then(answer) : answer();
  };
}
