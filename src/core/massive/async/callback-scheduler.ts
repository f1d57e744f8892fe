import { type CallbackTarget, MAX_ATTEMPTS, parseCallback, retryDelayMs } from './callbacks.ts';
import { ApiError } from '../errors.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { CallbackFault } from '../../control/faults.ts';
import type { Journal } from '../../control/journal.ts';
import { drawUuid } from '../../kernel/random.ts';
import { tokenFingerprint } from '../../kernel/redact.ts';
import type { DeliveryAttempt, DeliveryRecord, DeliveryStatus, Store } from '../store.ts';

/** One notification to POST, and how the receiver took it. */
export interface CallbackRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** Where the emulator was reached when the callback was owed: a callback may not aim there. */
  self?: Where;
}

/** A host and port: where the emulator listens, as a request reached it. */
export interface Where {
  host: string;
  port: number;
}

export type SendResult = { durationMs: number } & (
  | { kind: 'answered'; status: number }
  | { kind: 'error'; detail: string }
  | { kind: 'refused'; detail: string }
);

/** The adapter that makes the real HTTP request (src/http/callback-sender.ts). */
export interface CallbackSender {
  send(request: CallbackRequest): Promise<SendResult>;
  /**
   * What is wrong with calling a URL, when that is known without resolving a name (an address,
   * `localhost`, the emulator itself): checked at submission, so the caller gets a 422.
   */
  screen?(url: URL, self: Where): string | undefined;
}

/** A clock the scheduler can set timers on (the VirtualClock). */
export interface TimerClock extends Clock {
  at(epochMs: number, fire: () => void): () => void;
}

/** What a delivery's subject (a job or a batch) looks like now. */
export interface SubjectView {
  token: string;
  /** When it finishes (or finished): the first attempt is due then. */
  finishedAt: number;
  /** The notification's body. */
  payload: Record<string, unknown>;
}

export interface SchedulerOptions {
  store: Store;
  clock: TimerClock;
  seed: number;
  sender: CallbackSender;
  journal: Journal;
  /** The subject of a delivery as it is now; undefined once it is gone (a reset). */
  subject(delivery: DeliveryRecord): SubjectView | undefined;
}

/** A delivery as the admin API lists it: its record and every attempt. */
export interface DeliveryView extends DeliveryRecord {
  attemptsMade: DeliveryAttempt[];
}

/** What an attempt came to: its outcome, and the delivery's status after it. */
interface Settled {
  outcome: string;
  statusCode: number | null;
  detail: string;
  durationMs: number;
  status: DeliveryStatus;
}

const sqsDetail = (target: Extract<CallbackTarget, { kind: 'sqs' }>) =>
  `would be sent to the SQS queue ${target.queue} of account ${target.account} in ${target.region}; never sent`;

/** The scheduler's state, passed to each of its steps. */
interface SchedulerContext extends SchedulerOptions {
  timers: Map<string, () => void>;
  inFlight: Set<Promise<void>>;
  closed: boolean;
  /**
   * Counts resets: an attempt begun before one records nothing after it (its delivery is gone,
   * and a new one may have the same subject), and new delivery ids never repeat old ones.
   */
  generation: number;
}

function arm(context: SchedulerContext, id: string, at: number): void {
  const { timers, inFlight } = context;
  timers.get(id)?.();
  timers.delete(id);
  let fired = false;
  // A due timer fires inside `clock.at`; the attempt itself starts after the current work (a
  // request, a transaction, a clock move) is done.
  const cancel = context.clock.at(at, () => {
    fired = true;
    timers.delete(id);
    if (context.closed) return;
    const run = attempt(context, id).finally(() => inFlight.delete(run));
    inFlight.add(run);
  });
  if (!fired) timers.set(id, cancel);
}

async function attempt(context: SchedulerContext, id: string): Promise<void> {
  const { store, clock } = context;
  await Promise.resolve();
  const generation = context.generation;
  const delivery = store.delivery(id);
  if (!delivery || delivery.status !== 'pending') return;
  const subject = context.subject(delivery);
  if (!subject) return;
  // A first attempt waits for its subject, which an admin call may have made finish sooner or later.
  const due = subject.finishedAt + delivery.delayMs;
  if (delivery.attempts === 0 && due > clock.now()) {
    store.updateDelivery(id, { ...delivery, dueAt: due });
    return arm(context, id, due);
  }
  const number = delivery.attempts + 1;
  const at = clock.now();
  const target = parseCallback(delivery.target);
  const settled = await settle(context, delivery, target, number, subject.payload);
  if (context.generation !== generation || !store.delivery(id)) return; // forgotten by a reset meanwhile
  const retry = settled.status === 'pending';
  const dueAt = retry ? at + retryDelayMs(number) : at;
  store.transaction(() => {
    const { outcome, statusCode, detail, durationMs } = settled;
    store.addDeliveryAttempt({
      deliveryId: id,
      attempt: number,
      at,
      outcome,
      statusCode,
      detail,
      durationMs,
    });
    store.updateDelivery(id, { status: settled.status, attempts: number, dueAt });
  });
  journalAttempt(context, delivery, target, subject.token, { at, number, settled });
  if (retry && !context.closed) arm(context, id, dueAt);
}

function journalAttempt(
  context: SchedulerContext,
  delivery: DeliveryRecord,
  target: CallbackTarget,
  token: string,
  { at, number, settled }: { at: number; number: number; settled: Settled },
): void {
  context.journal.record({
    time: at,
    method: 'POST',
    path: target.kind === 'http' ? target.url : delivery.target,
    query: {},
    token: tokenFingerprint(token),
    status: settled.statusCode ?? 0,
    durationMs: settled.durationMs,
    decisions: {
      operation: 'callback',
      ...(delivery.subject.kind === 'job' && { jobId: delivery.subject.id }),
      ...(delivery.rules.length && { faults: delivery.rules }),
    },
    kind: 'callback',
    callback: {
      deliveryId: delivery.id,
      subject: delivery.subject,
      attempt: number,
      outcome: settled.outcome,
      status: settled.status,
      detail: settled.detail,
    },
  });
}

/** Where the emulator was reached when a delivery was owed (its base URL's host and port). */
function selfOf(baseUrl: string): Where | undefined {
  if (!URL.canParse(baseUrl)) return undefined;
  const url = new URL(baseUrl);
  return { host: url.hostname, port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)) };
}

async function settle(
  context: SchedulerContext,
  delivery: DeliveryRecord,
  target: CallbackTarget,
  number: number,
  payload: Record<string, unknown>,
): Promise<Settled> {
  const quiet = { statusCode: null, durationMs: 0 };
  if (delivery.drop)
    return { ...quiet, outcome: 'dropped', status: 'dropped', detail: 'dropped by a fault rule; never sent' };
  if (target.kind === 'sqs')
    return { ...quiet, outcome: 'recorded', status: 'recorded', detail: sqsDetail(target) };
  const self = selfOf(delivery.baseUrl);
  const result = await context.sender.send({
    url: target.url,
    body: JSON.stringify(payload),
    headers: {
      'content-type': 'application/json',
      'x-mock-delivery': delivery.id,
      'x-mock-attempt': String(number),
    },
    ...(self && { self }),
  });
  return judged(delivery, number, result);
}

/** What a receiver's answer (or its absence) comes to, with the delivery's fault rules. */
function judged(delivery: DeliveryRecord, number: number, result: SendResult): Settled {
  const last = number >= MAX_ATTEMPTS;
  const failed = (outcome: string, statusCode: number | null, detail: string): Settled => ({
    outcome,
    statusCode,
    durationMs: result.durationMs,
    detail: last ? `${detail}; gave up after ${number} attempts` : detail,
    status: last ? 'failed' : 'pending',
  });
  if (result.kind === 'refused')
    return {
      statusCode: null,
      durationMs: result.durationMs,
      outcome: 'refused',
      status: 'refused',
      detail: result.detail,
    };
  if (result.kind === 'error') return failed('error', null, result.detail);
  if (result.status < 200 || result.status > 299)
    return failed('failed', result.status, `the receiver answered ${result.status}`);
  if (number <= delivery.failFirst)
    return failed(
      'failed',
      result.status,
      `the receiver answered ${result.status}, counted as failed by a fault rule (${number} of ${delivery.failFirst})`,
    );
  return {
    outcome: 'delivered',
    status: 'delivered',
    statusCode: result.status,
    durationMs: result.durationMs,
    detail: `the receiver answered ${result.status}`,
  };
}

export interface OweInput {
  subject: DeliveryRecord['subject'];
  target: string;
  baseUrl: string;
  finishedAt: number;
  fault?: CallbackFault;
  rules: string[];
}

function owe(context: SchedulerContext, input: OweInput): DeliveryRecord {
  const { clock, store } = context;
  const delayMs = input.fault?.delayMs ?? 0;
  const createdAt = clock.now();
  const delivery: DeliveryRecord = {
    // Job ids restart after a reset; the generation and the time keep delivery ids from repeating
    // (a receiver deduplicating on X-Mock-Delivery would drop the new one).
    id: drawUuid(context.seed, 'delivery', input.subject.id, context.generation, createdAt),
    subject: input.subject,
    target: input.target,
    baseUrl: input.baseUrl,
    createdAt,
    dueAt: input.finishedAt + delayMs,
    status: 'pending',
    attempts: 0,
    delayMs,
    failFirst: input.fault?.failures ?? 0,
    drop: input.fault?.drop ?? false,
    rules: input.rules,
  };
  store.insertDelivery(delivery);
  arm(context, delivery.id, delivery.dueAt);
  return delivery;
}

/**
 * Checks a callback at submission: its form (a 422 naming the rule), and for an http(s) URL what
 * the sender can tell without resolving a name (an address not allowed, the emulator itself).
 */
function screen(context: SchedulerContext, given: string, self: Where): void {
  const target = parseCallback(given);
  if (target.kind !== 'http') return;
  const problem = context.sender.screen?.(new URL(target.url), self);
  if (problem) throw ApiError.invalid(`callback ${problem}`);
}

/** A subject finished sooner or later than drawn (an admin call): its first attempt moves. */
function refresh(context: SchedulerContext, subjectId: string): void {
  for (const delivery of context.store.deliveriesOf(subjectId)) {
    const subject = context.subject(delivery);
    if (delivery.status !== 'pending' || delivery.attempts > 0 || !subject) continue;
    const dueAt = subject.finishedAt + delivery.delayMs;
    context.store.updateDelivery(delivery.id, { ...delivery, dueAt });
    arm(context, delivery.id, dueAt);
  }
}

function cancelTimers(context: SchedulerContext): void {
  for (const cancel of context.timers.values()) cancel();
  context.timers.clear();
}

/**
 * The callback deliveries of one emulator: owed when a job or batch with a callback is queued,
 * stored, attempted when the emulator's clock reaches their time (a timer on the virtual clock,
 * so advancing it fires them), retried with backoff, and scheduled again from the store after a
 * restart. Attempts run beside the API, never inside a request; the sending is the injected
 * adapter's.
 */
export function createCallbackScheduler(options: SchedulerOptions) {
  const context: SchedulerContext = {
    ...options,
    timers: new Map(),
    inFlight: new Set(),
    closed: false,
    generation: 0,
  };
  const settleAll = async () => {
    while (context.inFlight.size) await Promise.all([...context.inFlight]);
  };
  return {
    /**
     * Owes a notification for a job or batch just queued (call it in the transaction that queues
     * it): stored, then attempted once the subject finishes.
     */
    owe: (input: OweInput) => owe(context, input),
    /** Checks a callback given at submission (a 422 when it may not be called). */
    screen: (given: string, self: Where) => screen(context, given, self),
    /** Schedules every pending delivery in the store: what a (re)started emulator does first. */
    start(): void {
      for (const delivery of options.store.pendingDeliveries()) arm(context, delivery.id, delivery.dueAt);
    },
    refresh: (subjectId: string) => refresh(context, subjectId),
    list: (limit = 1000): DeliveryView[] =>
      options.store
        .deliveries(limit)
        .map((delivery) => ({ ...delivery, attemptsMade: options.store.deliveryAttempts(delivery.id) })),
    /** Resolves once no attempt is running (those they schedule run when the clock gets there). */
    idle: settleAll,
    /** Forgets every timer (the store is emptied by the caller); attempts running record nothing. */
    reset(): void {
      context.generation += 1;
      cancelTimers(context);
    },
    /** Stops attempting, and waits for the attempts running to be recorded. */
    async close(): Promise<void> {
      context.closed = true;
      cancelTimers(context);
      await settleAll();
    },
  };
}

export type CallbackScheduler = ReturnType<typeof createCallbackScheduler>;
