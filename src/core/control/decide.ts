import type { CallbackFault, FaultDecision } from './faults.ts';
import type { Preferences } from './prefer.ts';

/** What the control plane decided for one call, before the operation runs. */
export interface CallDecision {
  /** Wait this long first (a `Prefer: delay=` plus every fault rule's delay). */
  delayMs: number;
  /** Answer with this documented status instead of running the operation. */
  forced?: { status: number; retryAfter?: number };
  /** An async job queued by the call ends `failed`. */
  failJob: boolean;
  /** What the rules impose on the callback of what the call queues. */
  callback?: CallbackFault;
  /** The rules (and `Prefer: code=`) that decided, for the journal. */
  fired: string[];
  /** What the caller should be told it asked for in vain, for `X-Mock-Notice`. */
  notices: string[];
}

/**
 * Decides a call from its `Prefer` header and the fault rules that fired: delays add up, a
 * `Prefer: code=` the operation documents wins over a rule's status, and a code it does not
 * document is ignored and said so. Pure: each API's adapter applies the decision its own way.
 */
export function decideCall(input: {
  operation: string;
  prefer: Preferences;
  faults: FaultDecision;
  /** The error statuses the operation documents. */
  documented: { has(status: number): boolean };
}): CallDecision {
  const { operation, prefer, faults, documented } = input;
  const notices = prefer.ignored.length ? [`Prefer ignored: ${prefer.ignored.join(', ')}`] : [];
  notices.push(...(faults.notices ?? []));
  const fired = [...faults.fired];
  let forced = faults.error;
  if (prefer.code !== undefined) {
    if (documented.has(prefer.code)) {
      forced = { status: prefer.code };
      fired.push(`Prefer: code=${prefer.code}`);
    } else if (prefer.code >= 400) {
      notices.push(`Prefer code=${prefer.code} ignored: ${operation} does not document it`);
    }
  }
  return {
    delayMs: (prefer.delayMs ?? 0) + faults.delayMs,
    ...(forced && { forced }),
    failJob: faults.failJob,
    ...(faults.callback && { callback: faults.callback }),
    fired,
    notices,
  };
}
