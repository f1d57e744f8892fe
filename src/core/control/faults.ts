import { FaultRuleError } from './errors.ts';
import { createRequire } from 'node:module';
import type * as Ajv from 'ajv/dist/2020.js';
import { LRUCache } from 'lru-cache';
import type * as Re2js from 're2js';
import type { Clock } from '../kernel/clock.ts';
import { crypto } from '../kernel/crypto.ts';
import { createRng, deriveSeed } from '../kernel/random.ts';
import { sameToken } from '../kernel/redact.ts';
import { describeSchemaError } from '../kernel/schema-errors.ts';

// The shapes below are those of openapi/admin.yaml (components/schemas FaultMatch, FaultEffect,
// FaultPolicy, FaultRuleInput), which every rule is validated against, whatever its source;
// test/unit/fault-schema.test.ts fails when the two drift apart.

/** What a rule looks at: any field left out matches everything. */
export interface FaultMatch {
  /** An operationId of openapi/: getCompletion, getAsyncCompletion, listDevices, createCompletion, listModels. */
  operation?: string;
  model?: string;
  /** A substring of the prompt, case-insensitive. */
  prompt?: string;
  /**
   * A regular expression the prompt must match somewhere: RE2 syntax (no backreferences or
   * lookahead), at most 256 characters, matched in time linear in the prompt.
   */
  promptRegex?: string;
  token?: string;
  /** ISO 3166-1 alpha-2, any case. */
  country?: string;
  /** The prompt at this index of a batch's `prompts` (0 is the first); needs `effect.failJob`. */
  promptIndex?: number;
}

/** What a rule does when it fires. */
export interface FaultEffect {
  /** A status the operation documents; the body and content type are the documented ones. */
  status?: number;
  /** For 503: the seconds in the body and in `Retry-After` (180 by default, as documented); at most 86,400. */
  retryAfter?: number;
  /** Latency added before the answer, in ms; at most `MAX_DELAY_MS`, for one rule and all together. */
  delayMs?: number;
  /** An async job queued by the call ends `failed`; for a batch, each matching prompt's job. */
  failJob?: boolean;
  /** The callback of a job or batch queued by the call is first attempted this much later, in ms. */
  callbackDelayMs?: number;
  /** The callback's first N deliveries count as failed whatever the receiver answers. */
  callbackFailures?: number;
  /** The callback is never sent (recorded as dropped). */
  dropCallback?: boolean;
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
  /**
   * Fires on the first N attempts of each distinct request, then lets it succeed. The last
   * `FIRST_ATTEMPTS_MEMORY` requests are remembered; one forgotten starts from its first attempt.
   */
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
  /** Set when one prompt of a batch is decided, rather than the call. */
  promptIndex?: number;
}

/** What the rules impose on the callback of what a call queues. */
export interface CallbackFault {
  delayMs: number;
  failures: number;
  drop: boolean;
}

export interface FaultDecision {
  error?: { status: number; retryAfter?: number };
  delayMs: number;
  failJob: boolean;
  /** The stream faults of the rules that fired, merged (a later rule's field wins). */
  stream?: StreamFault;
  /** The ids of the rules that fired. */
  fired: string[];
  /** Set when a rule with a callback effect fired. */
  callback?: CallbackFault;
  /** Why a rule that matched did not fire (its status is not one the operation documents). */
  notices?: string[];
}

const CALLBACK_EFFECTS = ['callbackDelayMs', 'callbackFailures', 'dropCallback'] as const;

/** A batch's prompts are decided one by one against the rules that fail jobs; the call, against the rest. */
const promptScoped = (rule: FaultRule) =>
  rule.effect.failJob === true || rule.match.promptIndex !== undefined;

/** A day: the most a rule, or all the rules firing on one call, may delay it (timers hold 24.8 days). */
export const MAX_DELAY_MS = 86_400_000;

/** How many distinct requests `firstAttempts` remembers, least recently seen forgotten first. */
export const FIRST_ATTEMPTS_MEMORY = 10_000;

const require = createRequire(import.meta.url);
/** RE2, loaded with the first rule that has a `promptRegex`: start-up does not pay for it. */
let re2: typeof Re2js.RE2JS | undefined;
const re2js = () => (re2 ??= (require('re2js') as typeof Re2js).RE2JS);

type Pattern = Re2js.RE2JS;

/**
 * The largest RE2 program a pattern may compile to. Matching is linear in the prompt, times the
 * program's size: at 1,000 instructions a 2,047-character prompt takes about 6 ms (`.{500}` is 500
 * of them; 36 times `.{1000}` would take half a second on every call).
 */
export const MAX_PATTERN_INSTRUCTIONS = 1000;

/** The rule's pattern, compiled by RE2: linear-time matching, so no pattern can stall the server. */
function compilePattern(source: string): Pattern {
  let pattern: Pattern;
  try {
    pattern = re2js().compile(source);
  } catch (error) {
    throw new FaultRuleError(
      `match.promptRegex must be an RE2 regular expression (no backreferences or lookahead): ${(error as Error).message}`,
    );
  }
  const size = pattern.re2Input.prog.numInst();
  check(
    size <= MAX_PATTERN_INSTRUCTIONS,
    `match.promptRegex compiles to ${size} RE2 instructions, past the ${MAX_PATTERN_INSTRUCTIONS} allowed ` +
      '(matching time grows with them; a counted repeat such as .{500} is 500)',
  );
  return pattern;
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new FaultRuleError(message);
}

/**
 * The rule checker of one emulator: first the admin document's FaultRuleInput schema (types,
 * fields, bounds), then what a schema can't say. `statuses` lists, per operation, the statuses its
 * document allows, so a rule can only produce a documented answer.
 */
function ruleChecker(
  schemas: Readonly<Record<string, unknown>>,
  statuses: Readonly<Record<string, readonly number[]>>,
) {
  // No meta-schema: checking the schema itself would cost every start 50 ms, and test/contract
  // checks the admin document against the OpenAPI 3.1 schema already.
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof Ajv;
  const ajv = new Ajv2020({ strict: false, meta: false, validateSchema: false, code: { optimize: false } });
  ajv.addSchema({ $id: 'admin', components: { schemas } });
  const validate = ajv.getSchema('admin#/components/schemas/FaultRuleInput');
  if (!validate) throw new Error('the admin document has no FaultRuleInput schema');
  return (input: unknown): FaultRuleInput => {
    if (!validate(input)) {
      const [first] = validate.errors ?? [];
      throw new FaultRuleError(first ? describeSchemaError(first, 'the rule') : 'the rule is invalid');
    }
    const { match = {}, effect } = input as FaultRuleInput;
    check(
      effect.status !== undefined ||
        effect.delayMs !== undefined ||
        effect.failJob === true ||
        effect.stream !== undefined ||
        CALLBACK_EFFECTS.some((key) => effect[key] !== undefined && effect[key] !== false),
      `effect must set status, delayMs, failJob, stream or ${CALLBACK_EFFECTS.join(', ')}`,
    );
    if (match.promptIndex !== undefined)
      check(effect.failJob === true, 'match.promptIndex needs effect.failJob: it fails a prompt of a batch');
    if (effect.status !== undefined) {
      const operations = match.operation ? [match.operation] : Object.keys(statuses);
      const allowed = [...new Set(operations.flatMap((operation) => statuses[operation] ?? []))].sort();
      check(
        allowed.includes(effect.status),
        `effect.status must be a status ${match.operation ?? 'an operation'} documents: ${allowed.join(', ')}`,
      );
    }
    return input as FaultRuleInput;
  };
}

function matches(match: FaultMatch, pattern: Pattern | undefined, call: FaultCall): boolean {
  const same = (wanted: string | undefined, actual: string | undefined) =>
    wanted === undefined || wanted.toLowerCase() === (actual ?? '').toLowerCase();
  return (
    (match.operation === undefined || match.operation === call.operation) &&
    same(match.model, call.model ?? (call.operation === 'getCompletion' ? 'chatgpt' : undefined)) &&
    // A bundle's rules name tokens by fingerprint: either form matches.
    (match.token === undefined || sameToken(call.token, match.token)) &&
    same(match.country, call.country) &&
    (match.prompt === undefined || (call.prompt ?? '').toLowerCase().includes(match.prompt.toLowerCase())) &&
    (pattern === undefined || pattern.test(call.prompt ?? '')) &&
    (match.promptIndex === undefined || match.promptIndex === call.promptIndex)
  );
}

/** One emulator's rules and what they remember, shared by the functions below. */
interface FaultsContext {
  clock: Clock;
  seed: number;
  /** Per operation, the statuses its documents give: read when a rule needs them, not at start. */
  statuses: () => Readonly<Record<string, readonly number[]>>;
  /** The admin document's `components/schemas`, read when the first rule is added. */
  schemas: () => Readonly<Record<string, unknown>>;
  /** Compiled with the first rule added: a start without rules does not pay for it. */
  checker?: ReturnType<typeof ruleChecker>;
  rules: FaultRule[];
  /** Compiled once when a rule is added, not on every call it is matched against. */
  patterns: WeakMap<FaultRule, Pattern>;
  /** Keyed on a digest: a request key holds the whole URL, up to 32 KiB. */
  attempts: LRUCache<string, number>;
  added: number;
}

function fires(context: FaultsContext, rule: FaultRule, call: FaultCall): boolean {
  const { policy } = rule;
  rule.matched++;
  if (policy.forMs !== undefined && context.clock.now() - rule.createdAt >= policy.forMs) return false;
  if (policy.skip !== undefined && rule.matched <= policy.skip) return false;
  if (policy.times !== undefined && rule.fired >= policy.times) return false;
  if (policy.firstAttempts !== undefined) {
    const key = crypto()
      .createHash('sha256')
      .update(rule.id)
      .update('\u0000')
      .update(call.requestKey)
      .digest('base64');
    const attempt = (context.attempts.get(key) ?? 0) + 1;
    context.attempts.set(key, attempt);
    if (attempt > policy.firstAttempts) return false;
  }
  if (policy.probability !== undefined) {
    return createRng(deriveSeed(context.seed, 'fault', rule.id, rule.matched)).next() < policy.probability;
  }
  return true;
}

function addRule(context: FaultsContext, given: FaultRuleInput): FaultRule {
  const input = (context.checker ??= ruleChecker(context.schemas(), context.statuses()))(given);
  const pattern =
    input.match?.promptRegex === undefined ? undefined : compilePattern(input.match.promptRegex);
  const id = input.id ?? `rule-${++context.added}`;
  if (context.rules.some((rule) => rule.id === id))
    throw new FaultRuleError(`a rule with id "${id}" exists already`);
  const rule: FaultRule = {
    id,
    match: { ...input.match },
    effect: { ...input.effect },
    policy: { ...input.policy },
    createdAt: context.clock.now(),
    matched: 0,
    fired: 0,
  };
  context.rules.push(rule);
  if (pattern) context.patterns.set(rule, pattern);
  return rule;
}

/** Adds what a rule that fired does to the decision: the first error wins, delays add up. */
function applyEffect(decision: FaultDecision, rule: FaultRule): void {
  const { effect } = rule;
  rule.fired++;
  decision.fired.push(rule.id);
  decision.delayMs += effect.delayMs ?? 0;
  decision.failJob ||= effect.failJob === true;
  const { callbackDelayMs, callbackFailures, dropCallback } = effect;
  if (callbackDelayMs !== undefined || callbackFailures !== undefined || dropCallback) {
    const callback = (decision.callback ??= { delayMs: 0, failures: 0, drop: false });
    callback.delayMs += callbackDelayMs ?? 0;
    callback.failures = Math.max(callback.failures, callbackFailures ?? 0);
    callback.drop ||= dropCallback === true;
  }
  if (effect.stream) decision.stream = { ...decision.stream, ...effect.stream };
  if (effect.status !== undefined && !decision.error) {
    decision.error = {
      status: effect.status,
      ...(effect.retryAfter !== undefined && { retryAfter: effect.retryAfter }),
    };
  }
}

/**
 * Which rules fire for a call. A rule whose status the operation does not document cannot apply
 * to it: it is neither counted nor used up there (a "503 once" rule waits for a call that can
 * answer 503), and the decision says why it stayed quiet.
 */
function decide(context: FaultsContext, call: FaultCall): FaultDecision {
  const decision: FaultDecision = { delayMs: 0, failJob: false, fired: [] };
  const onePrompt = call.promptIndex !== undefined;
  const batchScope = onePrompt || call.operation === 'createBatch';
  for (const rule of context.rules) {
    if (batchScope && promptScoped(rule) !== onePrompt) continue;
    if (!matches(rule.match, context.patterns.get(rule), call)) continue;
    const { status } = rule.effect;
    if (status !== undefined && !(context.statuses()[call.operation] ?? []).includes(status)) {
      (decision.notices ??= []).push(
        `fault rule ${rule.id} did not fire: ${call.operation} does not document ${status}`,
      );
      continue;
    }
    if (fires(context, rule, call)) applyEffect(decision, rule);
  }
  decision.delayMs = Math.min(decision.delayMs, MAX_DELAY_MS);
  return decision;
}

/**
 * The fault rules of one emulator: matched against each call in the order they were added; every
 * probability is drawn from the seed, so the same rules and calls fire the same way every run.
 */
export function createFaults(options: {
  clock: Clock;
  seed: number;
  /** Per operation, the statuses its documents give, asked for when a rule is added or matched. */
  statuses: () => Readonly<Record<string, readonly number[]>>;
  /** The admin document's `components/schemas`, where FaultRuleInput is: asked for with the first rule. */
  schemas: () => Readonly<Record<string, unknown>>;
}) {
  const context: FaultsContext = {
    ...options,
    rules: [],
    patterns: new WeakMap(),
    attempts: new LRUCache({ max: FIRST_ATTEMPTS_MEMORY }),
    added: 0,
  };
  return {
    /** Adds a rule after checking it; throws a FaultRuleError naming the field and the rule. */
    add: (given: FaultRuleInput): FaultRule => addRule(context, given),
    list: (): readonly FaultRule[] => context.rules,
    remove(id: string): boolean {
      const before = context.rules.length;
      context.rules = context.rules.filter((rule) => rule.id !== id);
      return context.rules.length < before;
    },
    clear(): void {
      context.rules = [];
      context.attempts.clear();
      context.added = 0;
    },
    /** Which rules fire for a call: the first error wins, delays add up. */
    decide: (call: FaultCall): FaultDecision => decide(context, call),
  };
}

export type Faults = ReturnType<typeof createFaults>;
