import type { Clock } from './clock.ts';
import { createRng, deriveSeed } from './random.ts';

/** What a rule looks at: any field left out matches everything. */
export interface FaultMatch {
  /** An operationId of openapi/: getCompletion, getAsyncCompletion, listDevices, createCompletion, listModels. */
  operation?: string;
  model?: string;
  /** A substring of the prompt, case-insensitive. */
  prompt?: string;
  /** A regular expression the prompt must match (JavaScript syntax, no flags). */
  promptRegex?: string;
  token?: string;
  /** ISO 3166-1 alpha-2, any case. */
  country?: string;
}

/** What a rule does when it fires. */
export interface FaultEffect {
  /** A status the operation documents; the body and content type are the documented ones. */
  status?: number;
  /** For 503: the seconds in the body and in `Retry-After` (180 by default, as documented). */
  retryAfter?: number;
  /** Latency added before the answer, in ms. */
  delayMs?: number;
  /** An async job queued by the call ends `failed`. */
  failJob?: boolean;
  /** Faults of a streamed router completion (`createCompletion` with `stream: true`). */
  stream?: StreamFault;
}

/** What only a stream can suffer; counts are of completion chunks sent before it happens. */
export interface StreamFault {
  /** The connection is closed after N chunks, with no `[DONE]`. */
  cutAfterChunks?: number;
  /** An error event (`data: {"error": ...}`) follows the first N chunks, and the stream ends. */
  errorAfterChunks?: number;
  /** The first chunk comes this many ms late (a slow first token). */
  firstTokenDelayMs?: number;
}

/** When a matching rule fires. Every condition given must hold. */
export interface FaultPolicy {
  /** Fires with this probability (0 to 1), drawn from the seeded generator. */
  probability?: number;
  /** Lets the first N matching calls through, then fires ("the third call fails": skip 2). */
  skip?: number;
  /** Fires on the first N attempts of each distinct request, then lets it succeed. */
  firstAttempts?: number;
  /** Fires N times in all, then stays quiet. */
  times?: number;
  /** Fires only for this long after the rule is added, in ms of the emulator's clock. */
  forMs?: number;
}

export interface FaultRuleInput {
  id?: string;
  match?: FaultMatch;
  effect: FaultEffect;
  policy?: FaultPolicy;
}

export interface FaultRule extends Required<Pick<FaultRuleInput, 'id'>> {
  match: FaultMatch;
  effect: FaultEffect;
  policy: FaultPolicy;
  createdAt: number;
  /** Calls it matched, and how many of those it fired on. */
  matched: number;
  fired: number;
}

/** A call as the rules see it. */
export interface FaultCall {
  operation: string;
  token: string;
  /** The request's identity for `firstAttempts`: the operation, the token and the query. */
  requestKey: string;
  model?: string;
  prompt?: string;
  country?: string;
}

export interface FaultDecision {
  error?: { status: number; retryAfter?: number };
  delayMs: number;
  failJob: boolean;
  /** The stream faults of the rules that fired, merged (a later rule's field wins). */
  stream?: StreamFault;
  /** The ids of the rules that fired. */
  fired: string[];
}

/** A rule that can't be used: the message names the field and the rule. */
export class FaultRuleError extends Error {
  override name = 'FaultRuleError';
}

const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

function check(condition: boolean, message: string): void {
  if (!condition) throw new FaultRuleError(message);
}

/**
 * Checks a rule as given by the admin API, a config file or the library. `statuses` lists, per
 * operation, the statuses its document allows, so a rule can only produce a documented answer.
 */
export function validateRule(
  input: FaultRuleInput,
  statuses: Readonly<Record<string, readonly number[]>>,
): void {
  const { match = {}, effect, policy = {} } = input;
  check(effect !== null && typeof effect === 'object', 'effect must be an object');
  check(
    effect.status !== undefined ||
      effect.delayMs !== undefined ||
      effect.failJob === true ||
      effect.stream !== undefined,
    'effect must set status, delayMs, failJob or stream',
  );
  if (effect.stream !== undefined) checkStreamFault(effect.stream);
  if (match.operation !== undefined) {
    check(match.operation in statuses, `match.operation must be one of ${Object.keys(statuses).join(', ')}`);
  }
  if (effect.status !== undefined) {
    const operations = match.operation ? [match.operation] : Object.keys(statuses);
    const allowed = [...new Set(operations.flatMap((operation) => statuses[operation] ?? []))].sort();
    check(
      allowed.includes(effect.status),
      `effect.status must be a status ${match.operation ?? 'an operation'} documents: ${allowed.join(', ')}`,
    );
  }
  if (effect.retryAfter !== undefined)
    check(isCount(effect.retryAfter), 'effect.retryAfter must be whole seconds');
  if (effect.delayMs !== undefined)
    check(isCount(effect.delayMs), 'effect.delayMs must be a whole number of ms');
  if (match.promptRegex !== undefined) {
    try {
      new RegExp(match.promptRegex);
    } catch (error) {
      throw new FaultRuleError(
        `match.promptRegex is not a valid regular expression: ${(error as Error).message}`,
      );
    }
  }
  const { probability } = policy;
  if (probability !== undefined)
    check(
      typeof probability === 'number' && probability >= 0 && probability <= 1,
      'policy.probability must be from 0 to 1',
    );
  for (const key of ['skip', 'firstAttempts', 'times', 'forMs'] as const) {
    if (policy[key] !== undefined) check(isCount(policy[key]), `policy.${key} must be a whole number`);
  }
}

function checkStreamFault(stream: StreamFault): void {
  check(stream !== null && typeof stream === 'object', 'effect.stream must be an object');
  const keys = ['cutAfterChunks', 'errorAfterChunks', 'firstTokenDelayMs'] as const;
  check(
    keys.some((key) => stream[key] !== undefined),
    `effect.stream must set ${keys.join(', ')} or more`,
  );
  for (const key of keys) {
    if (stream[key] !== undefined) check(isCount(stream[key]), `effect.stream.${key} must be a whole number`);
  }
}

function matches(match: FaultMatch, pattern: RegExp | undefined, call: FaultCall): boolean {
  const same = (wanted: string | undefined, actual: string | undefined) =>
    wanted === undefined || wanted.toLowerCase() === (actual ?? '').toLowerCase();
  return (
    (match.operation === undefined || match.operation === call.operation) &&
    same(match.model, call.model ?? (call.operation === 'getCompletion' ? 'chatgpt' : undefined)) &&
    (match.token === undefined || match.token === call.token) &&
    same(match.country, call.country) &&
    (match.prompt === undefined || (call.prompt ?? '').toLowerCase().includes(match.prompt.toLowerCase())) &&
    (pattern === undefined || pattern.test(call.prompt ?? ''))
  );
}

/**
 * The fault rules of one emulator: matched against each call in the order they were added; every
 * probability is drawn from the seed, so the same rules and calls fire the same way every run.
 */
export function createFaults(options: {
  clock: Clock;
  seed: number;
  statuses: Readonly<Record<string, readonly number[]>>;
}) {
  const { clock, seed, statuses } = options;
  let rules: FaultRule[] = [];
  // Compiled once when a rule is added, not on every call it is matched against.
  const patterns = new WeakMap<FaultRule, RegExp>();
  let attempts = new Map<string, number>();
  let added = 0;

  function fires(rule: FaultRule, call: FaultCall): boolean {
    const { policy } = rule;
    rule.matched++;
    if (policy.forMs !== undefined && clock.now() - rule.createdAt >= policy.forMs) return false;
    if (policy.skip !== undefined && rule.matched <= policy.skip) return false;
    if (policy.times !== undefined && rule.fired >= policy.times) return false;
    if (policy.firstAttempts !== undefined) {
      const key = `${rule.id}\u0000${call.requestKey}`;
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      if (attempt > policy.firstAttempts) return false;
    }
    if (policy.probability !== undefined) {
      return createRng(deriveSeed(seed, 'fault', rule.id, rule.matched)).next() < policy.probability;
    }
    return true;
  }

  return {
    add(input: FaultRuleInput): FaultRule {
      validateRule(input, statuses);
      const id = input.id ?? `rule-${++added}`;
      if (rules.some((rule) => rule.id === id))
        throw new FaultRuleError(`a rule with id "${id}" exists already`);
      const rule: FaultRule = {
        id,
        match: { ...input.match },
        effect: { ...input.effect },
        policy: { ...input.policy },
        createdAt: clock.now(),
        matched: 0,
        fired: 0,
      };
      rules.push(rule);
      if (rule.match.promptRegex !== undefined) patterns.set(rule, new RegExp(rule.match.promptRegex));
      return rule;
    },
    list: (): readonly FaultRule[] => rules,
    remove(id: string): boolean {
      const before = rules.length;
      rules = rules.filter((rule) => rule.id !== id);
      return rules.length < before;
    },
    clear(): void {
      rules = [];
      attempts = new Map();
      added = 0;
    },

    /** Which rules fire for a call: the first error wins, delays add up. */
    decide(call: FaultCall): FaultDecision {
      const decision: FaultDecision = { delayMs: 0, failJob: false, fired: [] };
      for (const rule of rules) {
        if (!matches(rule.match, patterns.get(rule), call) || !fires(rule, call)) continue;
        rule.fired++;
        decision.fired.push(rule.id);
        decision.delayMs += rule.effect.delayMs ?? 0;
        decision.failJob ||= rule.effect.failJob === true;
        if (rule.effect.stream) decision.stream = { ...decision.stream, ...rule.effect.stream };
        if (
          rule.effect.status !== undefined &&
          !decision.error &&
          (statuses[call.operation] ?? []).includes(rule.effect.status)
        ) {
          decision.error = {
            status: rule.effect.status,
            ...(rule.effect.retryAfter !== undefined && { retryAfter: rule.effect.retryAfter }),
          };
        }
      }
      return decision;
    },
  };
}

export type Faults = ReturnType<typeof createFaults>;
